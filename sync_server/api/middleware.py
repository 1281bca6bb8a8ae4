"""ASGI middleware: access log, rate limits, request size limits and body decompression.

Order (outermost first): :class:`AccessLog`, :class:`RateLimit`, :class:`RequestBody`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import itertools
import logging
import secrets
import time
import zlib
from collections import OrderedDict
from typing import Any

import zstandard
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync_server.api.errors import error_response

access_log = logging.getLogger("kim_server.access")

BODY_METHODS = {"POST", "PUT", "PATCH"}
#: Request ids: a random prefix per process and a counter, unique without a syscall each.
_ID_PREFIX = secrets.token_hex(4)
_request_numbers = itertools.count(1)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


class AccessLog:
    """One JSON line per request: id, route template, status, duration, device. Never the
    query string, a body or a header value."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = f"{_ID_PREFIX}{next(_request_numbers):010x}"
        context: dict[str, Any] = {}
        scope["kim.log"] = context
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            access_log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope.get("method"),
                    "route": getattr(route, "path", None) or "(unmatched)",
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "device_id": context.get("device_id"),
                },
            )


class TokenBuckets:
    """In-process token buckets. With several workers each worker keeps its own buckets, so the
    effective limit is the configured one times the number of workers."""

    def __init__(self, rate: float, burst: int, max_keys: int = 100_000) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, now: float | None = None) -> float:
        """Takes one token; returns 0 if allowed, else the seconds until one is available."""
        return self._settle(key, now, take=True)

    def wait(self, key: str, now: float | None = None) -> float:
        """The seconds until ``key`` has a token (0 if it has one now), taking none."""
        return self._settle(key, now, take=False)

    def _settle(self, key: str, now: float | None, *, take: bool) -> float:
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens < 1:
            wait = (1 - tokens) / self.rate
        elif take:
            tokens -= 1
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


def _device_route(path: str) -> bool:
    """Routes that authenticate a device token: every ``/v1/`` route except enrollment."""
    return path.startswith("/v1/") and path != "/v1/enroll"


class RateLimit:
    """Per client address, whatever headers a request carries; per device token instead only
    for a device route whose token the route accepted.

    A device route with a token takes from the token's bucket, so the devices of a town hall
    behind one address do not share one allowance. Whether the token is a device's is known
    only once the route has looked it up: a request that authenticated no device (an unknown
    token, a route that does not exist) then takes from its address's bucket too, and while
    that bucket is empty every request from the address is refused, made-up tokens included;
    a token this worker has seen authenticate a device is not, so that made-up requests from
    behind the same address cannot keep the town hall's devices from syncing. Enrollment, the
    dashboard and everything else always go by the address.
    """

    def __init__(self, app: ASGIApp, *, devices: TokenBuckets, addresses: TokenBuckets,
                 max_known: int = 100_000) -> None:
        self.app = app
        self.devices = devices
        self.addresses = addresses
        #: Keys of tokens that authenticated a device here, most recent last.
        self._known: OrderedDict[str, None] = OrderedDict()
        self._max_known = max_known

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path == "/healthz":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = client[0] if client else "unknown"
        authorization = _header(scope, b"authorization")
        if not authorization or not _device_route(path):
            wait = self.addresses.take(address)
            if wait > 0:
                await _refuse(wait, scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        key = hashlib.sha256(authorization.encode("utf-8", "replace")).hexdigest()[:32]
        wait = (0 if key in self._known else self.addresses.wait(address)) \
            or self.devices.take(key)
        if wait > 0:
            await _refuse(wait, scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._settle(key, address, bool(scope.get("kim.log", {}).get("device_id")))

    def _settle(self, key: str, address: str, authenticated: bool) -> None:
        if authenticated:
            self._known[key] = None
            self._known.move_to_end(key)
            while len(self._known) > self._max_known:
                self._known.popitem(last=False)
        else:
            self._known.pop(key, None)
            self.addresses.take(address)


async def _refuse(wait: float, scope: Scope, receive: Receive, send: Send) -> None:
    response = error_response(
        429,
        "rate_limited",
        "Zu viele Anfragen. Bitte später erneut versuchen.",
        {"Retry-After": str(max(1, round(wait)))},
    )
    await response(scope, receive, send)


class BodyError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


TOO_LARGE = BodyError(413, "body_too_large", "Die Anfrage ist zu groß.")


#: Decompressed bodies are read in pieces of this size: reading up to the limit in one call
#: would allocate (and, in a process full of threads, map and unmap) the whole limit each time.
DECOMPRESS_CHUNK = 64 * 1024


#: The compression ratio bound applies beyond this many decompressed bytes: a small body may
#: be mostly JSON names, which compress well, and cannot amplify much anyway.
RATIO_FLOOR_BYTES = 1024 * 1024
TOO_COMPRESSED = BodyError(
    413, "compression_ratio",
    "Die Anfrage ist ungewöhnlich stark komprimiert und wird nicht angenommen.",
)  # fmt: skip


def decompress(body: bytes, encoding: str, limit: int, max_ratio: float | None = None) -> bytes:
    """Decodes a gzip or zstd body, reading at most ``limit`` bytes (zip bombs stop there), and
    with ``max_ratio`` at most that many times the body's size beyond the first
    :data:`RATIO_FLOOR_BYTES` (a body of compressed padding stops there)."""
    ratio_limit = limit if max_ratio is None else max(RATIO_FLOOR_BYTES, max_ratio * len(body))
    stream: gzip.GzipFile | zstandard.ZstdDecompressionReader
    if encoding in ("gzip", "x-gzip"):
        stream = gzip.GzipFile(fileobj=io.BytesIO(body))
    elif encoding == "zstd":
        stream = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(body))
    else:
        raise BodyError(
            415,
            "unsupported_encoding",
            "Diese Kompression wird nicht unterstützt (gzip oder zstd).",
        )
    data = bytearray()
    try:
        with stream:
            while chunk := stream.read(DECOMPRESS_CHUNK):
                data += chunk
                if len(data) > limit:
                    raise TOO_LARGE
                if len(data) > ratio_limit:
                    raise TOO_COMPRESSED
    except (OSError, EOFError, zlib.error, zstandard.ZstdError) as error:
        raise BodyError(400, "bad_encoding", "Der komprimierte Inhalt ist beschädigt.") from error
    return bytes(data)


class RequestBody:
    """Reads the body under a size limit and decompresses gzip or zstd under a second limit,
    so the routes only ever see a plain body of bounded size."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, max_decompressed_bytes: int,
                 max_compression_ratio: float | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_decompressed_bytes = max_decompressed_bytes
        self.max_compression_ratio = max_compression_ratio

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        try:
            body = await self._read(scope, receive)
            encoding = (_header(scope, b"content-encoding") or "identity").strip().lower()
            if encoding != "identity":
                body = decompress(body, encoding, self.max_decompressed_bytes,
                                  self.max_compression_ratio)
        except BodyError as error:
            response = error_response(
                error.status, error.code, error.message, {"Connection": "close"}
            )
            await response(scope, receive, send)
            return
        headers = [
            (k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")
        ]
        headers.append((b"content-length", str(len(body)).encode()))
        scope["headers"] = headers
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _read(self, scope: Scope, receive: Receive) -> bytes:
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise BodyError(400, "bad_request", "Die Längenangabe der Anfrage ist ungültig.")
            if int(declared) > self.max_bytes:
                raise TOO_LARGE
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise BodyError(400, "bad_request", "Die Verbindung wurde abgebrochen.")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                raise TOO_LARGE
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)
