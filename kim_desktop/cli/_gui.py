"""Opens the desktop program; the only place the command line touches Qt."""

from __future__ import annotations

import argparse

from kim_desktop.cli._common import data_dir


def run_gui(args: argparse.Namespace) -> int:
    from kim_desktop.ui.app import run

    return run(data_dir(args))
