"""TLS trust of the sync connection, as provisioned by IT and kept in the vault.

Three ways to trust the server's certificate:

* **No provisioned trust:** the system's roots, as ``requests`` does by default.
* **trust** (a CA certificate): the server's chain must end at one of the provisioned CA
  certificates, and only at those: the system's roots do not count, so a proxy that inspects
  TLS with a CA of its own is refused instead of trusted.
* **pin**: the server's certificate must carry the public key whose SubjectPublicKeyInfo
  hashes to the provisioned SHA-256. The chain and the name are not checked (the key is what
  the pin names), so a self-signed certificate does.

The check runs right after the TLS handshake and before a byte of the request is sent.
:class:`TrustAdapter` applies it to every connection of a ``requests`` session, through a
proxy too.
"""

from __future__ import annotations

import ssl
from typing import Any

from requests import PreparedRequest
from requests.adapters import HTTPAdapter
from urllib3 import PoolManager
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool

from kim_desktop.core.provisioning import ServerTrust, spki_sha256_der


class PinMismatch(ssl.SSLError):
    """The server presented a key other than the pinned one."""


def _context(trust: ServerTrust) -> ssl.SSLContext:
    if trust.mode == "pin":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    else:
        context = ssl.create_default_context(cadata=trust.certificates_pem)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _pinned_pool(pin: str) -> type[HTTPSConnectionPool]:
    class PinnedConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sock: Any = self.sock
            der = sock.getpeercert(binary_form=True) if sock is not None else None
            if der is None or spki_sha256_der(der) != pin:
                # Not closed here: close() forgets that the tunnel through a proxy stood, and
                # urllib3 would then blame the proxy (ProxyError, taken for being offline).
                # The pool discards the connection on this error; nothing was sent on it.
                raise PinMismatch("the server's key does not match the pin")
            self.is_verified = True

    class PinnedPool(HTTPSConnectionPool):
        ConnectionCls = PinnedConnection

    return PinnedPool


class TrustAdapter(HTTPAdapter):
    """Verifies every HTTPS connection against ``trust``, whatever ``verify`` requests gets
    (it ignores ``REQUESTS_CA_BUNDLE`` and the like on purpose)."""

    def __init__(self, trust: ServerTrust) -> None:
        self._trust = trust
        self._ssl_context = _context(trust)
        self._pool_class = _pinned_pool(trust.spki_sha256) \
            if trust.mode == "pin" and trust.spki_sha256 else None
        super().__init__()

    @property
    def _cert_reqs(self) -> str:
        return "CERT_NONE" if self._pool_class is not None else "CERT_REQUIRED"

    def _pin(self, manager: PoolManager) -> PoolManager:
        if self._pool_class is not None:
            manager.pool_classes_by_scheme = {
                **manager.pool_classes_by_scheme, "https": self._pool_class,
            }
        return manager

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False,
                         **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, ssl_context=self._ssl_context,
                                 **pool_kwargs)
        self._pin(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        known = proxy in self.proxy_manager
        manager = super().proxy_manager_for(proxy, ssl_context=self._ssl_context,
                                            **proxy_kwargs)
        return manager if known else self._pin(manager)

    def build_connection_pool_key_attributes(
        self, request: PreparedRequest, verify: bool | str | None, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, True, cert)
        pool_kwargs.pop("ca_certs", None)
        pool_kwargs.pop("ca_cert_dir", None)
        pool_kwargs["cert_reqs"] = self._cert_reqs
        return host_params, pool_kwargs

    def cert_verify(self, conn: Any, url: str, verify: bool | str | None, cert: Any) -> None:
        # Only the adapter's own context: a CA bundle set here would be added to it.
        conn.cert_reqs = self._cert_reqs
        conn.ca_certs = None
        conn.ca_cert_dir = None


def caused_by(error: BaseException, kind: type[BaseException]) -> bool:
    """True when ``error``, however ``requests`` and urllib3 wrapped it, comes from ``kind``."""
    seen: set[int] = set()
    pending: list[Any] = [error]
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        if isinstance(item, kind):
            return True
        seen.add(id(item))
        pending += [*item.args, item.__cause__, item.__context__, getattr(item, "reason", None)]
    return False
