"""The dashboard's routers, one module per resource: :mod:`.auth` (login, TOTP, logout),
:mod:`.reports` (report views, exports, the structural-gaps board), :mod:`.steering`
(topics, project groups, measures) and :mod:`.admin` (offices and devices). :data:`router`
joins them with the dashboard's static files."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from sync_server.dashboard.rendering import STATIC_DIR
from sync_server.dashboard.routes import admin, auth, reports, steering
from sync_server.dashboard.routes.pages import dashboard_router

STATIC_FILES = {"dashboard.css": "text/css; charset=utf-8"}

static_router = dashboard_router()


@static_router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC_FILES:
        return Response("Nicht gefunden", status_code=404, media_type="text/plain")
    return Response(
        (STATIC_DIR / name).read_bytes(),
        media_type=STATIC_FILES[name],
        headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"},
    )


router = APIRouter()
router.include_router(static_router)
router.include_router(auth.router)
router.include_router(reports.router)
router.include_router(steering.router)
router.include_router(admin.router)
