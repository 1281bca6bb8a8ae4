"""``kim-desktop BEFEHL --help`` says in German what each command does, above its options."""

from __future__ import annotations

import argparse
import re

import pytest

from kim_desktop.cli import build_parser, main


def _commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_describes_itself_in_german(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    usage, _, rest = shown.partition("\n\n")
    description = " ".join(rest.split("\n\n")[0].split())
    assert usage.startswith("usage: kim-desktop " + command), shown
    # The paragraph after the usage is the description, not already the list of options.
    assert not description.startswith(("options:", "positional arguments:")), shown
    assert GERMAN.search(description), shown


GERMAN = re.compile(r"\b(der|die|das|den|dem|des|ein|eine|einer|und|mit|ohne|für)\b",
                    re.IGNORECASE)
