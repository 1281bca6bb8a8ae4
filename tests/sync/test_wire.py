"""What the sync client sends where: strict server addresses, no redirects, no proxy from the
environment for this machine itself."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest

from kim_desktop.sync.http import OfflineError, RefusedError, SyncHttp


class _Answers(http.server.BaseHTTPRequestHandler):
    """Sends every request elsewhere (302), and counts what reached it."""

    seen: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        _Answers.seen.append(self.path)
        self.send_response(302)
        self.send_header("Location", "http://127.0.0.1:9/v1/handshake")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture
def redirecting() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Answers)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Answers.seen = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_redirect_is_not_followed(redirecting: str) -> None:
    """Reproduced on main: the client followed a 302 to wherever it pointed, the device's
    token with it."""
    http = SyncHttp(redirecting, token="geheim")
    with pytest.raises(RefusedError) as refused:
        http.handshake()
    http.close()
    assert "umgeleitet" in str(refused.value) and redirecting[7:] in str(refused.value)
    assert _Answers.seen == ["/v1/handshake"]


@pytest.mark.parametrize("url", [
    "ftp://sync.kreis-minden-luebbecke.de",
    "https://sync.kreis-minden-luebbecke.de\\@evil.example",
    "https://name:wort@sync.kreis-minden-luebbecke.de",
    "https:///v1",
    "https://sync.kreis-minden-luebbecke.de/#teil",
    "https://sync.kreis minden.de",
    "sync.kreis-minden-luebbecke.de",
    "https://sync.kreis-minden-luebbecke.de:99999",
    "https://[::1",
    "https://sync.kreis-minden-luebbecke.de%2F@evil.example",
])
def test_a_server_address_that_is_not_plainly_one_is_refused(url: str) -> None:
    """Reproduced on main: each of these was taken (a backslash or a name before @ can send
    the token to another host than the one shown); a port out of range was taken until the
    first request, and an unclosed [ was a traceback."""
    with pytest.raises(RefusedError) as refused:
        SyncHttp(url)
    assert "Server-Adresse" in str(refused.value)


def test_no_proxy_of_the_environment_for_this_machine(
    redirecting: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproduced on main: HTTP_PROXY sent even the requests to this machine itself through a
    proxy, which saw the token."""
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    http = SyncHttp(redirecting)
    try:
        with pytest.raises(RefusedError):  # the server's own 302, not the dead proxy
            http.handshake()
    except OfflineError:
        pytest.fail("the request went to the proxy")
    finally:
        http.close()
    assert _Answers.seen == ["/v1/handshake"]
