"""The program's translations read without Qt, for what core writes in another language than
German itself (the Art. 15 information in English): the same catalogue the interface uses,
``resources/translations/kim_<language>.ts``, so a field's label is translated once."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from xml.etree import ElementTree

from kim_protocol.resources import RESOURCES_DIR

#: The languages the program speaks; German is the source language.
LANGUAGES = ("de", "en")


@cache
def _messages(language: str) -> dict[tuple[str, str], str]:
    path = RESOURCES_DIR / "translations" / f"kim_{language}.ts"
    messages: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and not translation.get("type"):
                messages[(name, message.findtext("source") or "")] = translation.text
    return messages


def translator(language: str) -> Callable[[str, str], str]:
    """``translate(context, text)`` in ``language``: the German text where there is no
    finished translation, and always for German."""
    if language == "de":
        return lambda context, text: text
    messages = _messages(language)
    return lambda context, text: messages.get((context, text), text)
