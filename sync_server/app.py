"""The FastAPI application: routers, error handlers and protective middleware."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from kim_desktop import __version__
from sync_server.api import routes
from sync_server.api.errors import install_error_handlers
from sync_server.api.middleware import AccessLog, RateLimit, RequestBody, TokenBuckets
from sync_server.config import Settings
from sync_server.db import make_engine, make_session_factory


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
        yield
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


def app_from_env() -> FastAPI:
    """Uvicorn's factory for each worker process (``kim-server serve`` sets the environment)."""
    return create_app(Settings.from_env())
