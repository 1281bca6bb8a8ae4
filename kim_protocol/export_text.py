"""Stored text made safe for each export format.

Labels, gap descriptions and user names come from devices; whatever they hold must reach a
spreadsheet or a PDF as plain text (the server's reports, the desktop's audit export):

* control characters (and lone surrogates, which no UTF-8 file can hold) are removed; line
  breaks become ``\\n`` and tabs a space;
* a spreadsheet cell that would begin with ``=``, ``+``, ``-`` or ``@`` is prefixed with an
  apostrophe, as the OWASP advice on CSV injection says, so no program reads it as a formula
  (the tab and the carriage return it also names are gone by then);
* PDF text is XML-escaped: reportlab's paragraphs parse markup (``<img src=…>`` would embed a
  file from the server's disk, ``<a href=…>`` a link).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

#: C0 and C1 control characters except the line break, DEL, and UTF-16 surrogates.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
FORMULA_STARTS = ("=", "+", "-", "@")


def clean(text: str) -> str:
    """The text without control characters; line breaks kept as ``\\n``, tabs as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", text)


def spreadsheet_text(text: str) -> str:
    """A cell's text that no spreadsheet evaluates (CSV and XLSX)."""
    text = clean(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def pdf_text(text: str) -> str:
    """Text for a reportlab paragraph: escaped, so nothing in it is markup."""
    return escape(clean(text)).replace("\n", "<br/>")
