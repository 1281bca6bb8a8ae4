"""The one rule for a sync server's address, wherever the desktop takes one (the provisioning
file, the wizard, ``kim-desktop enroll --server``, the stored setting before each sync).

An address is taken only when it plainly names one server: ``https://`` (``http://`` only to
this machine itself), a host, perhaps a port and a path, and nothing that parsers read
differently. A name or password before ``@``, a backslash, space or control character, a
``%`` in the host, a ``?`` or ``#`` can each make a client talk to another host than the one
shown, and so hand it the device's token.
"""

from __future__ import annotations

import enum
import ipaddress
from urllib.parse import urlsplit


class UrlProblem(enum.Enum):
    """Why an address is refused; each caller says it in its own German words."""

    NOT_AN_ADDRESS = "not_an_address"  # no http(s) scheme or no host
    CREDENTIALS = "credentials"  # something before @
    CHARACTERS = "characters"  # backslash, space, control character, % in the host
    QUERY_OR_FRAGMENT = "query_or_fragment"  # ? or #
    BAD_PORT = "bad_port"
    PLAIN_HTTP = "plain_http"  # http:// to another machine


class ServerUrlError(ValueError):
    def __init__(self, problem: UrlProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def is_loopback(host: str) -> bool:
    """True for this machine itself: ``localhost``, 127.0.0.0/8 and ``::1``."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """``url`` without a trailing ``/``, or :class:`ServerUrlError` saying what is wrong."""
    if any(character.isspace() or not character.isprintable() or character == "\\"
           for character in url):
        raise ServerUrlError(UrlProblem.CHARACTERS)
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed [ of an IPv6 address
        raise ServerUrlError(UrlProblem.NOT_AN_ADDRESS) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ServerUrlError(UrlProblem.NOT_AN_ADDRESS)
    if "@" in parts.netloc:
        raise ServerUrlError(UrlProblem.CREDENTIALS)
    if "%" in parts.netloc:
        raise ServerUrlError(UrlProblem.CHARACTERS)
    if "?" in url or "#" in url:
        raise ServerUrlError(UrlProblem.QUERY_OR_FRAGMENT)
    try:
        parts.port  # noqa: B018 - raises on a port that is no number or out of range
    except ValueError:
        raise ServerUrlError(UrlProblem.BAD_PORT) from None
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ServerUrlError(UrlProblem.PLAIN_HTTP)
    return url.rstrip("/")
