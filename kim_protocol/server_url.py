"""The one rule for a sync server's address, wherever the desktop takes one (the provisioning
file, the wizard, ``kim-desktop enroll --server``, the stored setting before each sync).

An address is taken only when it plainly names one server: ``https://`` (``http://`` only to
this machine itself), a host, perhaps a port and a path, and nothing that parsers read
differently. A name or password before ``@``, a backslash, space or control character, a
``%`` in the host, a ``?`` or ``#`` can each make a client talk to another host than the one
shown, and so hand it the device's token.

A host is an IP address or a name the HTTP client can encode: IDNA 2008 for a name with other
than ASCII letters (as urllib3 encodes it), labels of 1 to 63 characters, at most 253 in all.
The look-alike dots of other scripts (。．｡) are refused rather than read as dots: urllib3 does
not read them so, and a name should be written as the server's certificate writes it.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from urllib.parse import urlsplit

import idna


class UrlProblem(enum.Enum):
    """Why an address is refused; each caller says it in its own German words."""

    NOT_AN_ADDRESS = "not_an_address"  # no http(s) scheme or no host
    CREDENTIALS = "credentials"  # something before @
    CHARACTERS = "characters"  # backslash, space, control character, % in the host
    QUERY_OR_FRAGMENT = "query_or_fragment"  # ? or #
    BAD_PORT = "bad_port"
    BAD_HOST = "bad_host"  # no IP address, and no name the HTTP client can encode
    PLAIN_HTTP = "plain_http"  # http:// to another machine


class ServerUrlError(ValueError):
    def __init__(self, problem: UrlProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


#: Dots of other scripts that IDNA's mapping would read as ".", and urllib3 does not.
LOOK_ALIKE_DOTS = frozenset("\u3002\uff0e\uff61")
_ASCII_LABEL = re.compile(r"[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?")
MAX_LABEL = 63
MAX_NAME = 253


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def ascii_host(host: str) -> str:
    """``host`` (as :func:`urllib.parse.urlsplit` gives it, lower case) as the HTTP client
    sends it: an IP address as it is, a name in IDNA's ASCII form without a trailing dot; or
    :class:`ServerUrlError` ``BAD_HOST``."""
    if _is_ip_address(host):
        return host
    if LOOK_ALIKE_DOTS & set(host):
        raise ServerUrlError(UrlProblem.BAD_HOST)
    name = host[:-1] if host.endswith(".") else host
    if not name.isascii():
        try:
            name = idna.encode(name, strict=True, std3_rules=True).decode("ascii")
        except idna.IDNAError:
            raise ServerUrlError(UrlProblem.BAD_HOST) from None
    labels = name.split(".")
    if len(name) > MAX_NAME or not all(
            len(label) <= MAX_LABEL and _ASCII_LABEL.fullmatch(label) for label in labels):
        raise ServerUrlError(UrlProblem.BAD_HOST)
    return name


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
    ascii_host(parts.hostname)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ServerUrlError(UrlProblem.PLAIN_HTTP)
    return url.rstrip("/")




_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_server_url(url: str) -> str:
    """One spelling for each server: ``HTTPS://KIM.example.:443/api/`` and
    ``https://kim.example/api`` are both ``https://kim.example/api`` (scheme and host in lower
    case, the host in IDNA's ASCII form without a trailing dot, no default port, no trailing
    ``/``; the path as it is). :class:`ServerUrlError` for an address the rule refuses."""
    check_server_url(url)
    parts = urlsplit(url)
    assert parts.hostname is not None  # checked above
    host = ascii_host(parts.hostname)
    if ":" in host:
        host = f"[{host}]"
    scheme = parts.scheme.lower()
    port = "" if parts.port in (None, _DEFAULT_PORTS[scheme]) else f":{parts.port}"
    return f"{scheme}://{host}{port}{parts.path.rstrip('/')}"


def same_server(first: str, second: str) -> bool:
    """Whether two addresses, each taken by the rule, name the same server."""
    return canonical_server_url(first) == canonical_server_url(second)
