"""The HTTP side of the sync client: one ``requests.Session``, compressed bodies, clear errors.

The device token travels only in the ``Authorization`` header. Request bodies are compressed
with zstd (``Content-Encoding``): ciphertext in base64 shrinks back to near its binary size,
which keeps the bytes on the wire close to the compressed payloads.

TLS is verified on every request against the trust IT provisioned (:mod:`.tls`): the CA
certificate, or the pin on the server's key, kept in the vault. ``http://`` is refused except
to this machine itself.
"""

from __future__ import annotations

import json
import os
import ssl
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
import zstandard
from pydantic import BaseModel, ValidationError
from urllib3.exceptions import LocationParseError

from kim_desktop.core.provisioning import ServerTrust
from kim_desktop.sync import messages
from kim_desktop.sync.tls import PinMismatch, TrustAdapter, caused_by
from kim_protocol import __version__, server_url, wire
from kim_protocol.server_url import is_loopback

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
#: How long to wait for the answer to a sent chunk: the body may lie in the socket's and a
#: relay's buffers while it crosses the line. 1 MiB takes 65 s at 128 kbit/s; 300 s allow a
#: line down to 28 kbit/s.
CHUNK_READ_TIMEOUT = 300.0

_Model = TypeVar("_Model", bound=BaseModel)
#: The server's code for a push that would exceed the office's storage quota.
QUOTA_EXCEEDED = "quota_exceeded"
#: The server's code for a vault that is a copy of another machine's (kim_desktop/sync/epoch.py).
DEVICE_COPIED = "device_copied"
_compressor = zstandard.ZstdCompressor(level=3)


class SyncError(Exception):
    """A sync failure with a German message fit for the user (no personal data).

    ``template`` and ``params`` let the program show it in the interface language (see
    :mod:`kim_desktop.sync.messages`); a message from the server is its own template.
    """

    retryable = False
    context = messages.CONTEXT

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template.format(**params) if params else template)
        self.template = template
        self.params = params


class OfflineError(SyncError):
    """No connection to the server: a normal state on the road, not a fault."""

    retryable = True


class ServerBusyError(SyncError):
    """The server failed or asked to slow down; trying again later is right."""

    retryable = True


class RefusedError(SyncError):
    """The server refused the request for a reason retrying cannot fix."""

    def __init__(self, template: str, code: str = "", status: int = 0, **params: Any) -> None:
        super().__init__(template, **params)
        self.code = code
        self.status = status


class RevokedError(SyncError):
    """The device was revoked; with ``wipe`` it must destroy its data after telling the user."""

    def __init__(self, message: str, *, wipe: bool) -> None:
        super().__init__(message)
        self.wipe = wipe


def check_server_url(url: str) -> None:
    """Refuse an address :func:`kim_protocol.server_url.check_server_url` does not take
    (:class:`RefusedError`, German)."""
    try:
        server_url.check_server_url(url)
    except server_url.ServerUrlError as error:
        plain_http = error.problem is server_url.UrlProblem.PLAIN_HTTP
        raise RefusedError(messages.PLAIN_HTTP if plain_http else messages.BAD_SERVER_URL,
                           url=url) from None


def _proxies(url: str) -> dict[str, str]:
    """The proxy for ``url``: none for this machine itself, else only the environment's
    HTTPS_PROXY for an https address (no other variable of the environment is taken)."""
    parts = urlsplit(url)
    proxy = os.environ.get("HTTPS_PROXY") or os.environ.get("https_proxy")
    if parts.scheme != "https" or is_loopback(parts.hostname or "") or not proxy:
        return {}
    return {"https": proxy}


class SyncHttp:
    def __init__(self, server_url: str, *, token: str | None = None,
                 trust: ServerTrust | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        check_server_url(server_url)
        self.base_url = server_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc
        self.trust = trust
        self.timeout = timeout
        self.session = requests.Session()
        # Nothing from the environment (proxies, .netrc, REQUESTS_CA_BUNDLE) but _proxies.
        self.session.trust_env = False
        self.session.proxies = _proxies(self.base_url)
        if trust is not None:
            self.session.mount("https://", TrustAdapter(trust))
        self.session.headers["User-Agent"] = f"kim-desktop/{__version__}"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def handshake(self, epoch: str | None = None) -> wire.HandshakeResponse:
        request = wire.HandshakeRequest(protocol_min=wire.PROTOCOL_MIN,
                                        protocol_max=wire.PROTOCOL_MAX, app_version=__version__,
                                        epoch=epoch)
        return self._call("POST", "/v1/handshake", request, wire.HandshakeResponse)

    def confirm_wipe(self, stage: wire.WipeStage) -> None:
        self._request("POST", "/v1/wipe", wire.WipeConfirmation(stage=stage))

    def enroll(self, request: wire.EnrollRequest) -> wire.EnrollResponse:
        return self._call("POST", "/v1/enroll", request, wire.EnrollResponse)

    def publish_key_check(self, request: wire.KeyCheckRequest) -> None:
        self._request("POST", "/v1/office/key-check", request)

    def push(self, request: wire.PushRequest) -> wire.PushResponse:
        return self._call("POST", "/v1/push", request, wire.PushResponse)

    def acknowledged(self, *, from_seq: int) -> wire.Acknowledged:
        return self._call("GET", "/v1/acknowledged", None, wire.Acknowledged,
                          params={"from_seq": from_seq})

    def pull(self, *, since: int, limit: int) -> wire.PullResponse:
        return self._call("GET", "/v1/pull", None, wire.PullResponse,
                          params={"since": since, "limit": limit})

    def announce_blob(self, blob_id: str, manifest: bytes) -> wire.BlobStatus:
        """Registers a blob by its manifest (or finds it there); what the server has of it."""
        return self._parse(self._request("PUT", f"/v1/blobs/{blob_id}", None, raw=manifest),
                           wire.BlobStatus)

    def put_chunk(self, blob_id: str, index: int, sealed: bytes) -> wire.BlobStatus:
        """Sends one sealed chunk as it is: ciphertext does not compress."""
        response = self._request("PUT", f"/v1/blobs/{blob_id}/chunks/{index}", None, raw=sealed,
                                 timeout=(self.timeout[0], max(self.timeout[1],
                                                               CHUNK_READ_TIMEOUT)))
        return self._parse(response, wire.BlobStatus)

    def get_chunk(self, blob_id: str, index: int) -> bytes | None:
        """One sealed chunk of a complete blob; None when the server does not have it."""
        response = self._request("GET", f"/v1/blobs/{blob_id}/chunks/{index}", None,
                                 accept=(404,), raw=b"")
        return None if response.status_code == 404 else response.content

    def upload_report_facts(self, request: wire.FactsUpsert) -> list[wire.RefusedItem]:
        """Sends facts; returns those the server refused (it stored all the others)."""
        return self._report_upload("/v1/report-facts", request)

    def upload_gaps(self, request: wire.GapsUpload) -> list[wire.RefusedItem]:
        return self._report_upload("/v1/structural-gaps", request)

    def clear_reports(self) -> wire.ReportsCleared:
        """Deletes the office's facts and withdraws its gaps on the server."""
        return self._call("DELETE", "/v1/report-facts", None, wire.ReportsCleared)

    def _report_upload(self, path: str, body: BaseModel) -> list[wire.RefusedItem]:
        response = self._request("PUT", path, body, accept=(422,))
        try:
            if response.status_code == 422:
                return wire.UpsertRefused.model_validate_json(response.content).refused
            wire.UpsertResponse.model_validate_json(response.content)
        except ValidationError as error:
            if response.status_code == 422:
                raise _error_for(response) from error
            raise ServerBusyError(messages.GARBLED_ANSWER) from error
        return []

    def _call(self, method: str, path: str, body: BaseModel | None,
              response_model: type[_Model], params: dict[str, Any] | None = None) -> _Model:
        return self._parse(self._request(method, path, body, params), response_model)

    @staticmethod
    def _parse(response: requests.Response, response_model: type[_Model]) -> _Model:
        try:
            return response_model.model_validate_json(response.content)
        except ValidationError as error:
            raise ServerBusyError(messages.GARBLED_ANSWER) from error

    def _request(self, method: str, path: str, body: BaseModel | None,
                 params: dict[str, Any] | None = None,
                 accept: tuple[int, ...] = (), raw: bytes | None = None,
                 timeout: tuple[float, float] | None = None) -> requests.Response:
        """The response; an error status raises, except those in ``accept``. ``raw`` bytes
        go uncompressed, and ask for an answer uncompressed too (a sealed chunk)."""
        headers: dict[str, str] = {}
        data = None
        if raw is not None:
            data = raw or None
            headers = {"Content-Type": "application/octet-stream", "Accept-Encoding": "identity"}
        elif body is not None:
            data = _compressor.compress(body.model_dump_json(exclude_defaults=True).encode())
            headers = {"Content-Type": "application/json", "Content-Encoding": "zstd"}
        try:
            response = self.session.request(method, self.base_url + path, data=data,
                                            headers=headers, params=params,
                                            timeout=timeout or self.timeout,
                                            allow_redirects=False)
        except requests.exceptions.SSLError as error:
            raise self._tls_error(error) from error
        except (requests.exceptions.InvalidURL, LocationParseError) as error:
            # The address rule is meant to refuse these first; a name the client still cannot
            # encode is a bad address, not a traceback.
            raise RefusedError(messages.BAD_SERVER_URL, url=self.base_url) from error
        except (requests.ConnectionError, requests.Timeout,
                requests.exceptions.ChunkedEncodingError) as error:
            # The last one: the answer broke off midway, as when the server is killed.
            raise OfflineError(messages.NO_CONNECTION) from error
        if response.is_redirect:
            raise RefusedError(messages.REDIRECTED, host=self.host)
        if response.status_code >= 400 and response.status_code not in accept:
            raise _error_for(response)
        return response


    def _tls_error(self, error: requests.exceptions.SSLError) -> RefusedError:
        if caused_by(error, PinMismatch):
            return RefusedError(messages.TLS_PIN_MISMATCH, host=self.host)
        if self.trust is not None and self.trust.mode == "trust" \
                and caused_by(error, ssl.SSLCertVerificationError):
            return RefusedError(messages.TLS_NOT_FROM_CA, host=self.host)
        return RefusedError(messages.TLS_UNTRUSTED)


def _error_for(response: requests.Response) -> SyncError:
    status = response.status_code
    code, message = "", ""
    try:
        body = json.loads(response.content)
        error = wire.ErrorResponse.model_validate(body.get("detail", body)
                                                  if isinstance(body, dict) else body)
        code, message = error.code, error.message
    except (ValueError, ValidationError):
        pass
    if code == QUOTA_EXCEEDED:
        # Retrying cannot help until IT acts; the pending changes stay where they are.
        return RefusedError(message or messages.QUOTA_EXCEEDED, code, status)
    if status in (429, 502, 503, 504) or status >= 500:
        if message:
            return ServerBusyError(message)
        return ServerBusyError(messages.SERVER_UNAVAILABLE, http_status=status)
    if "wipe" in code:
        return RevokedError(message or messages.WIPE, wipe=True)
    if "revoked" in code:
        return RevokedError(message or messages.REVOKED, wipe=False)
    if message:
        return RefusedError(message, code, status)
    if status == 401:
        return RefusedError(messages.UNKNOWN_DEVICE, code, status)
    return RefusedError(messages.REFUSED, code, status, http_status=status)
