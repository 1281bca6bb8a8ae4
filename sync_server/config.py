"""The server's settings, declared once with their types and defaults.

Every field can be set through the environment as ``KIM_SERVER_<FIELD>`` (upper case); the
database URL also through ``KIM_SERVER_DB`` or the CLI's ``--db``.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, field_validator

ENV_PREFIX = "KIM_SERVER_"
MIB = 1024 * 1024
#: Bounds of the applied_ops retention: a week at least, as long as a device may have missed an
#: answer and sends the same batch again.
MIN_RETENTION_DAYS = 7
MAX_RETENTION_DAYS = 3650


def default_db_url() -> str:
    folder = Path(platformdirs.user_data_dir("kim-server", "KIM"))
    return f"sqlite:///{folder / 'kim-server.db'}"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: SQLAlchemy URL; ``postgresql://`` is read as ``postgresql+psycopg://`` (psycopg 3).
    db_url: str = Field(default_factory=default_db_url)
    #: Connections per worker process (PostgreSQL only).
    db_pool_size: int = Field(default=10, ge=1, le=200)
    log_level: str = "INFO"
    #: Largest request body as it travels (compressed or not).
    max_request_bytes: int = Field(default=16 * MIB, ge=1024)
    #: Largest request body after gzip/zstd decompression; stops zip bombs.
    max_decompressed_bytes: int = Field(default=64 * MIB, ge=1024)
    #: A compressed body may grow at most this many times its size on the wire when it is
    #: decompressed (checked beyond the first MiB): ciphertext does not compress, so only
    #: padding does this well, and it cost the server storage and every device bandwidth.
    max_compression_ratio: float = Field(default=32.0, ge=2)
    #: Largest ciphertext of one push operation, decoded. Attachments travel as blobs in
    #: chunks, so a record stays far below it.
    max_operation_bytes: int = Field(default=2 * MIB, ge=1024)
    #: Largest attachment content a blob may hold (its chunk count is bounded by it). The
    #: program's own limit is 25 MB; provisioning may lower that, never raise it beyond this.
    max_blob_bytes: int = Field(default=25 * MIB, ge=MIB, le=1024 * MIB)
    #: Storage per office: the ciphertext of its records and blobs. A push that would grow it
    #: beyond is refused (``quota_exceeded``); one that shrinks or keeps it always goes.
    office_quota_bytes: int = Field(default=20 * 1024 * MIB, ge=1024)
    #: Token bucket per device token: sustained requests per second and burst size.
    rate_limit_device_per_second: float = Field(default=20.0, gt=0)
    rate_limit_device_burst: int = Field(default=120, ge=1)
    #: Token bucket per client address for requests without a token (enrollment, health).
    rate_limit_ip_per_second: float = Field(default=5.0, gt=0)
    rate_limit_ip_burst: int = Field(default=60, ge=1)
    #: How long a one-time enrollment code stays valid.
    enrollment_code_ttl_hours: int = Field(default=72, ge=1, le=24 * 30)
    #: Applied push operations are kept this long for idempotency, then pruned (far longer than
    #: any retry of a device; see docs/server.md).
    applied_ops_retention_days: int = Field(
        default=90, ge=MIN_RETENTION_DAYS, le=MAX_RETENTION_DAYS
    )
    #: A blob no record uses (an attachment deleted, an upload left incomplete) is pruned
    #: once it has not been used for this long (docs/server.md, "Pruning of blobs").
    blob_retention_days: int = Field(default=30, ge=1, le=MAX_RETENTION_DAYS)
    #: ``serve`` prunes them this often (first 5 minutes after the start); 0 turns it off, for
    #: a ``kim-server prune`` from cron instead.
    prune_interval_hours: float = Field(default=24.0, ge=0, le=24 * 365)
    #: Seconds an idle HTTP keep-alive connection stays open. Clients and a proxy in front with
    #: upstream keep-alive must close idle connections sooner (see docs/server.md).
    keep_alive_seconds: int = Field(default=30, ge=1, le=3600)
    #: Reports show counts under this as "<5" and hide sums behind fewer persons
    #: (docs/reporting.md §3).
    report_min_cell: int = Field(default=5, ge=1)
    #: Addresses and networks of the reverse proxies in front (``127.0.0.1, ::1`` or
    #: ``10.1.2.0/24``, comma-separated). Only from these does ``serve`` take the client's
    #: address from ``X-Forwarded-For`` and the scheme from ``X-Forwarded-Proto``; empty, the
    #: default, trusts no one, so a client cannot name another address to dodge its rate limit.
    trusted_proxies: tuple[str, ...] = ()
    #: Whether the dashboard's cookies are Secure. ``auto`` (None, the default): when the
    #: request came over TLS, to ``kim-server serve --ssl-*`` or through a TLS proxy of
    #: ``trusted_proxies`` that sends ``X-Forwarded-Proto: https``. ``true`` always, ``false``
    #: never.
    dashboard_secure_cookie: bool | None = None
    #: A random secret of at least 32 characters (``openssl rand -hex 32``). TOTP secrets are
    #: stored encrypted under a key derived from it; the second factor needs it.
    secret_key: str | None = Field(default=None, min_length=32)

    @field_validator("db_url")
    @classmethod
    def _psycopg3(cls, value: str) -> str:
        for prefix in ("postgresql://", "postgres://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(item.strip() for item in value.split(",") if item.strip())
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Uvicorn would take anything else as a literal name that never matches, silently.
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(
                    f"trusted_proxies: {item!r} is no IP address or network (CIDR)"
                ) from None
        return value

    @field_validator("dashboard_secure_cookie", mode="before")
    @classmethod
    def _auto(cls, value: object) -> object:
        return None if isinstance(value, str) and value.strip().lower() in {"", "auto"} else value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("log_level must be DEBUG, INFO, WARNING or ERROR")
        return level

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``KIM_SERVER_*`` variables; explicit ``overrides`` win."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        if environ.get("KIM_SERVER_DB"):
            values["db_url"] = environ["KIM_SERVER_DB"]
        for name in cls.model_fields:
            key = ENV_PREFIX + name.upper()
            if key in environ:
                values[name] = environ[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
