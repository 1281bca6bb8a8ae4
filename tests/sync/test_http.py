"""The sync's HTTP layer on a line that breaks: every broken answer is a normal offline state.

A server killed while it sends its answer leaves the client with the status line and the
headers, but fewer body bytes than announced. That is the same as no network: the sync ends
offline and retries later, never with a traceback.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from kim_desktop.sync.http import OfflineError, SyncHttp


@pytest.fixture
def truncating_server() -> Iterator[str]:
    """Answers every request with headers announcing 364 bytes, then closes after none."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            with connection:
                connection.recv(65536)
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                   b"Content-Length: 364\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


def test_an_answer_cut_off_midway_is_offline(truncating_server: str) -> None:
    http = SyncHttp(truncating_server, token="t" * 20)
    try:
        with pytest.raises(OfflineError):
            http.handshake()
    finally:
        http.close()
