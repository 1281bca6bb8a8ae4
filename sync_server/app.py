"""The FastAPI application: routers, error handlers and protective middleware."""

from __future__ import annotations

import asyncio
import importlib
import logging
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError
from starlette.middleware.gzip import GZipMiddleware

from kim_protocol import __version__
from sync_server.api import routes
from sync_server.api.errors import install_error_handlers
from sync_server.api.middleware import AccessLog, RateLimit, RequestBody, TokenBuckets
from sync_server.config import Settings
from sync_server.db import make_engine, make_session_factory, transaction
from sync_server.services import blobs, sync

log = logging.getLogger("kim_server.prune")
#: The first periodic prune waits this long after the start, out of the way of start-up.
FIRST_PRUNE_AFTER_SECONDS = 300.0


def create_app(settings: Settings | None = None) -> FastAPI:
    """A server on ``settings`` (default: from the environment). The schema must be current
    (``kim-server init`` or :func:`sync_server.db.upgrade`)."""
    settings = settings or Settings.from_env()
    engine = make_engine(settings.db_url, pool_size=settings.db_pool_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The sync routes' threads (deps.as_device), at most one per pooled connection: more
        # threads would open and close overflow connections under load (a PostgreSQL backend
        # each), and only contend for the GIL.
        app.state.db_limiter = anyio.CapacityLimiter(settings.db_pool_size)
        pruning = None
        if settings.prune_interval_hours > 0:
            pruning = asyncio.create_task(_prune_periodically(app))
        yield
        if pruning is not None:
            pruning.cancel()
        engine.dispose()

    app = FastAPI(
        title="KIM Sync-Server",
        version=__version__,
        description="Sync-API v1 der KIM-Desktop-Geräte (Ende-zu-Ende-verschlüsselt).",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = make_session_factory(engine)
    install_error_handlers(app)
    for module_info in sorted(pkgutil.iter_modules(routes.__path__), key=lambda m: m.name):
        if not module_info.name.startswith("_"):
            module = importlib.import_module(f"{routes.__name__}.{module_info.name}")
            app.include_router(module.router)
    # Added innermost first: the access log wraps everything, bodies are read last.
    # Level 1: ciphertext is random, so a higher level costs CPU and gains almost nothing.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=1)
    app.add_middleware(
        RequestBody,
        max_bytes=settings.max_request_bytes,
        max_decompressed_bytes=settings.max_decompressed_bytes,
        max_compression_ratio=settings.max_compression_ratio,
    )
    app.add_middleware(
        RateLimit,
        devices=TokenBuckets(
            settings.rate_limit_device_per_second, settings.rate_limit_device_burst
        ),
        addresses=TokenBuckets(settings.rate_limit_ip_per_second, settings.rate_limit_ip_burst),
    )
    app.add_middleware(AccessLog)
    return app


async def _prune_periodically(app: FastAPI) -> None:
    """Prunes ``applied_ops`` (:func:`sync.prune_expired`) and unused blobs
    (:func:`blobs.prune_expired`) every ``prune_interval_hours``. Each worker does; a second
    prune at the same time finds nothing left to delete."""
    settings: Settings = app.state.settings

    def prune() -> tuple[sync.Pruned, blobs.PrunedBlobs]:
        with transaction(app.state.sessions) as session:
            return (
                sync.prune_expired(
                    session, days=settings.applied_ops_retention_days, actor="server"),
                blobs.prune_expired(session, days=settings.blob_retention_days, actor="server"),
            )

    await asyncio.sleep(FIRST_PRUNE_AFTER_SECONDS)
    while True:
        try:
            pruned, unused = await anyio.to_thread.run_sync(prune)
            log.info("applied_ops pruned: %d rows of %d devices; blobs pruned: %d (%d bytes)",
                     pruned.rows, pruned.devices, unused.blobs, unused.bytes)
        except SQLAlchemyError as error:  # the database is away: next time
            log.warning("not pruned: %s", type(error).__name__)
        except Exception:  # never end the loop silently
            log.exception("not pruned")
        await asyncio.sleep(settings.prune_interval_hours * 3600)


def app_from_env() -> FastAPI:
    """Uvicorn's factory for each worker process (``kim-server serve`` sets the environment)."""
    return create_app(Settings.from_env())
