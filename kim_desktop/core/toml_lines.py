"""Line numbers of the keys in a TOML text, so that a semantic error can name its line.

``tomllib`` gives a line only for syntax errors. For a value that parses but is wrong (a bad
URL, a word where a number belongs), the user still needs to know where to look. This scanner
is deliberately small: it knows table headers, ``key = value`` lines and multi-line strings,
which is all a provisioning file uses. It runs only on text that ``tomllib`` already accepted.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"^([A-Za-z0-9_\-\".' ]+?)\s*=")
_MULTILINE_QUOTES = ('"""', "'''")


def _split_dotted(name: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in name.split("."))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Map each table path and each key path to the 1-based line where it is defined."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    open_quote: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if open_quote is not None:
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _split_dotted(header.group(1))
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault(table + _split_dotted(key.group(1)), number)
            value = line[key.end() :]
            for quote in _MULTILINE_QUOTES:
                if value.count(quote) % 2 == 1:
                    open_quote = quote
                    break
    return lines


def line_of(lines: dict[tuple[str, ...], int], path: tuple[str, ...]) -> int | None:
    """The line of ``path``, or of its nearest enclosing table when the key itself is absent."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None
