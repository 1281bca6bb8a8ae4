"""Stored text made safe for each export format.

Labels, gap descriptions and user names come from devices; whatever they hold must reach a
spreadsheet or a PDF as plain text (the server's reports, the desktop's audit export):

* control characters, lone surrogates (which no UTF-8 file can hold), non-characters and
  invisible bidi and zero-width characters are removed; line breaks become ``\\n`` and tabs a
  space;
* a spreadsheet cell that would begin with ``=``, ``+``, ``-`` or ``@`` is prefixed with an
  apostrophe, as the OWASP advice on CSV injection says, so no program reads it as a formula
  (the tab and the carriage return it also names are gone by then);
* PDF text is XML-escaped: reportlab's paragraphs parse markup (``<img src=…>`` would embed a
  file from the server's disk, ``<a href=…>`` a link).
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

#: C0 and C1 control characters except the line break, DEL, and UTF-16 surrogates; the
#: non-characters (U+FFFE and U+FFFF, which XML may not hold: a spreadsheet with one could not
#: be opened); and the invisible ones that turn or hide text (bidi controls, zero widths,
#: the byte order mark), so that what a reader sees is what is there.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
FORMULA_STARTS = ("=", "+", "-", "@")


def invisible(char: str) -> bool:
    """A character that shows nothing: a format character (Unicode category Cf: the soft
    hyphen, zero widths and joiners, bidi marks) or the combining grapheme joiner (U+034F)."""
    return char == "\u034f" or unicodedata.category(char) == "Cf"


def without_invisible(text: str) -> str:
    """``text`` without the characters :func:`invisible` names."""
    return "".join(c for c in text if not invisible(c))


def clean(text: str) -> str:
    """The text without control characters; line breaks kept as ``\\n``, tabs as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def hidden_characters(text: str, *, multiline: bool = False) -> bool:
    """Whether ``text`` holds a character :func:`clean` removes (a control character, an
    invisible bidi or zero-width one): a stored text must not, as it would turn, hide or
    forge what a reader sees. A ``multiline`` text may hold line breaks and tabs."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\t", " ")
    elif "\n" in text:
        return True
    return _CONTROL.search(text) is not None


def spreadsheet_text(text: str) -> str:
    """A cell's text that no spreadsheet evaluates (CSV and XLSX)."""
    text = clean(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def pdf_text(text: str) -> str:
    """Text for a reportlab paragraph: escaped, so nothing in it is markup."""
    return escape(clean(text)).replace("\n", "<br/>")
