"""Small loopback TCP relays for the fault tests.

* :class:`DroppingProxy` forwards everything but can swallow the response to chosen requests:
  the server has committed, the client never hears so (a reply lost on the way back).
* :class:`ImpairedRelay` forwards with a fixed one-way delay per direction and, with a given
  probability, holds a chunk back for a retransmission timeout, for kernels without netem;
  with ``rate`` it also paces each direction of a connection to that many bytes per second
  (bench/blobs.py, where no network namespace is set up).
"""

from __future__ import annotations

import contextlib
import queue
import random
import socket
import threading
import time


class _Relay:
    def __init__(self, target_port: int, *, host: str = "127.0.0.1") -> None:
        self.target_port = target_port
        self.listener = socket.create_server((host, 0))
        self.host = host
        self.port = self.listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:  # the server is down: the client sees its connection close
                self._shut(client)
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._sockets += [client, upstream]
            self._connect(client, upstream)

    def _connect(self, client: socket.socket, upstream: socket.socket) -> None:
        raise NotImplementedError

    @staticmethod
    def _shut(*sockets: socket.socket) -> None:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def close(self) -> None:
        self._closed = True
        self.listener.close()
        self._shut(*self._sockets)


class DroppingProxy(_Relay):
    def __init__(self, target_port: int) -> None:
        self.dropped = 0
        self._path = b""
        self._left = 0
        self._lock = threading.Lock()
        super().__init__(target_port)

    def drop_responses(self, *, path: bytes, count: int) -> None:
        with self._lock:
            self._path, self._left = path, count

    def _connect(self, client: socket.socket, upstream: socket.socket) -> None:
        doomed = threading.Event()

        def forward_requests() -> None:
            while data := _recv(client):
                with self._lock:
                    if self._left and b" " + self._path + b" " in data[:200]:
                        self._left -= 1
                        doomed.set()
                upstream.sendall(data)
            self._shut(upstream)

        def forward_responses() -> None:
            while data := _recv(upstream):
                if doomed.is_set():
                    with self._lock:
                        self.dropped += 1
                    self._shut(client, upstream)
                    return
                client.sendall(data)
            self._shut(client)

        threading.Thread(target=forward_requests, daemon=True).start()
        threading.Thread(target=forward_responses, daemon=True).start()


class ImpairedRelay(_Relay):
    def __init__(self, target_port: int, *, host: str, one_way_delay: float,
                 stall_probability: float, stall: float, seed: int = 1,
                 rate: float | None = None) -> None:
        self.delay = one_way_delay
        self.rate = rate
        self.stall_probability = stall_probability
        self.stall = stall
        self.rng = random.Random(seed)
        super().__init__(target_port, host=host)

    def _connect(self, client: socket.socket, upstream: socket.socket) -> None:
        for source, target in ((client, upstream), (upstream, client)):
            pending: queue.Queue[tuple[float, bytes]] = queue.Queue()
            threading.Thread(target=self._read, args=(source, pending), daemon=True).start()
            threading.Thread(target=self._write, args=(target, pending), daemon=True).start()

    def _read(self, source: socket.socket, pending: queue.Queue[tuple[float, bytes]]) -> None:
        while data := _recv(source):
            extra = self.stall if self.rng.random() < self.stall_probability else 0.0
            pending.put((time.monotonic() + self.delay + extra, data))
        pending.put((time.monotonic() + self.delay, b""))

    def _write(self, target: socket.socket, pending: queue.Queue[tuple[float, bytes]]) -> None:
        while True:
            due, data = pending.get()
            wait = due - time.monotonic()
            if wait > 0:
                time.sleep(wait)  # the emulated line's latency
            if self.rate and data:
                time.sleep(len(data) / self.rate)  # and its bandwidth
            if not data:
                self._shut(target)
                return
            try:
                target.sendall(data)
            except OSError:
                return


def _recv(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError:
        return b""
