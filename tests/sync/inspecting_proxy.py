"""An HTTPS proxy (``CONNECT``) on a free loopback port, as municipal networks run them.

It tunnels every connection to one upstream server, or, once ``inspect`` is set, does what a
TLS-inspecting proxy does: it answers the TLS handshake itself with a certificate of its own
CA for whatever host was asked, and keeps what it could read of the requests.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import ssl
import threading
from pathlib import Path


class InspectingProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        #: Key and certificate (PEM files) to inspect with; None: tunnel.
        self.inspect: tuple[Path, Path] | None = None
        #: The hosts of the CONNECT requests, in order.
        self.connects: list[str] = []
        #: What the inspection decrypted: the requests a client sent through it.
        self.decrypted = bytearray()
        #: Set when an inspected connection has ended.
        self.inspected = threading.Event()
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._serve(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> InspectingProxy:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(30)
        head = b""
        while b"\r\n\r\n" not in head:
            piece = client.recv(4096)
            if not piece:
                return
            head += piece
        method, target, _version = head.split(b"\r\n", 1)[0].decode("ascii").split(" ")
        if method != "CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        self.connects.append(target.rsplit(":", 1)[0])
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        if self.inspect is None:
            self._tunnel(client)
        else:
            self._inspect(client, *self.inspect)

    def _tunnel(self, client: socket.socket) -> None:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as upstream:
            def pump(source: socket.socket, sink: socket.socket) -> None:
                with contextlib.suppress(OSError):
                    while data := source.recv(65536):
                        sink.sendall(data)
                with contextlib.suppress(OSError):
                    sink.shutdown(socket.SHUT_WR)

            back = threading.Thread(target=pump, args=(upstream, client), daemon=True)
            back.start()
            pump(client, upstream)
            back.join(30)

    def _inspect(self, client: socket.socket, key: Path, cert: Path) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        try:
            with context.wrap_socket(client, server_side=True) as tls:
                while data := tls.recv(65536):
                    self.decrypted += data
        except (ssl.SSLError, OSError):
            pass  # the client refused the certificate, or hung up after the handshake
        finally:
            self.inspected.set()
