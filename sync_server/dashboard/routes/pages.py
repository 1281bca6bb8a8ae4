"""What the dashboard's routers share: the route class that turns access failures into pages,
the navigation and the page frame."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session

from kim_protocol.catalogs import default_catalogs
from sync_server.dashboard import auth, security
from sync_server.dashboard.models import Role
from sync_server.dashboard.rendering import render
from sync_server.reports.views import VIEWS

FormText = Annotated[str, Form()]
OptionalFormText = Annotated[str | None, Form()]
QueryText = Annotated[str | None, Query()]


class DashboardRoute(APIRoute):
    """Turns the dashboard's access exceptions into pages instead of JSON errors."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except security.NotLoggedIn:
                return RedirectResponse("/dashboard/anmelden", status_code=303)
            except security.Forbidden:
                return render("message.html", 403, title="Kein Zugriff", user=None,
                              message="Ihre Rolle erlaubt diese Seite nicht.")
            except security.CsrfFailed:
                return render("message.html", 403, title="Anfrage abgelehnt", user=None,
                              message="Das Formular war abgelaufen oder stammt nicht von "
                              "dieser Seite. Bitte laden Sie die Seite neu und versuchen "
                              "Sie es noch einmal.")

        return guarded


def dashboard_router() -> APIRouter:
    """A router for dashboard pages: under ``/dashboard``, outside the API schema."""
    return APIRouter(prefix="/dashboard", route_class=DashboardRoute, include_in_schema=False)


def end_read(session: Session) -> None:
    """Ends a page's reading transaction with a commit: a gap's count reads the server's
    record-key secret, which the read makes should it be missing (and must keep, or each page
    would draw other noise)."""
    session.commit()


def municipalities(user: auth.CurrentUser) -> list[tuple[str, str]]:
    """(code, label) of the municipalities the user may see, in the catalog's order."""
    return [(e.code, e.label) for e in default_catalogs().municipalities
            if user.municipalities is None or e.code in user.municipalities]


def all_label(user: auth.CurrentUser) -> str:
    """The filter's choice of no single municipality."""
    return "Ganzer Kreis" if user.municipalities is None else "Alle Ihre Kommunen"


def nav(user: auth.CurrentUser) -> list[tuple[str, str]]:
    if user.role is Role.ADMIN:
        return [("/dashboard/admin", "Büros und Geräte")]
    return [
        *((f"/dashboard/bericht/{v.slug}", v.title) for v in VIEWS),
        ("/dashboard/fehlstellen", "Strukturelle Fehlstellen"),
        ("/dashboard/themen", "Themen"),
        ("/dashboard/projektgruppen", "Projektgruppen"),
        ("/dashboard/massnahmen", "Maßnahmen"),
    ]


def page(template: str, user: auth.CurrentUser, request: Request, status: int = 200,
         **context: Any) -> Response:
    return render(template, status, user=user, nav=nav(user), path=request.url.path, **context)
