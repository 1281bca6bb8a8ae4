"""Writes ``german_words.txt``: the most frequent German words, most frequent first, for the
password strength estimate (kim_desktop/core/passwords.py).

The words come from wordfreq (https://github.com/rspeer/wordfreq, data under CC BY-SA 4.0),
which is not a dependency of KIM Desktop. To refresh the list:

    python -m venv /tmp/wordfreq && /tmp/wordfreq/bin/pip install wordfreq
    /tmp/wordfreq/bin/python resources/passwords/make_german_words.py
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import wordfreq

COUNT = 30_000
HEADER = (
    "# The {count} most frequent German words (wordfreq {version}, data CC BY-SA 4.0,\n"
    "# https://github.com/rspeer/wordfreq), most frequent first; made by make_german_words.py.\n"
)


def main() -> None:
    words = [w for w in wordfreq.top_n_list("de", COUNT * 2) if w.isalpha() and len(w) > 1]
    target = Path(__file__).with_name("german_words.txt")
    text = HEADER.format(count=COUNT, version=version("wordfreq"))
    target.write_text(text + "\n".join(words[:COUNT]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
