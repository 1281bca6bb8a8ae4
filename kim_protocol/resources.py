"""Where the data files of ``resources/`` are.

In a checkout and in the desktop bundle they sit beside the packages. A wheel installed with
``pip install .[server]`` carries them as data files under ``<prefix>/share/kim-desktop/``
(pyproject.toml, ``[tool.setuptools.data-files]``), since the server reads the catalogs too.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _find() -> Path:
    beside = Path(__file__).resolve().parents[1] / "resources"
    if beside.is_dir():
        return beside
    installed = Path(sys.prefix) / "share" / "kim-desktop" / "resources"
    return installed if installed.is_dir() else beside


RESOURCES_DIR = _find()
