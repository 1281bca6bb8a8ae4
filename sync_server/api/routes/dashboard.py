"""The coordinator dashboard's pages (HTML), mounted under ``/dashboard``."""

from sync_server.dashboard.routes import router

__all__ = ["router"]
