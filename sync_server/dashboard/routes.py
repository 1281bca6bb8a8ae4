"""The dashboard's pages: login, report views, the gaps board, exports and the admin pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute

from kim_protocol.catalogs import default_catalogs
from sync_server.config import Settings
from sync_server.dashboard import auth, board, security
from sync_server.dashboard.models import GAP_STATE_LABELS, GapState, Role
from sync_server.dashboard.rendering import SECURITY_HEADERS, STATIC_DIR, render
from sync_server.dashboard.security import (
    PRE_CSRF_COOKIE,
    SESSION_COOKIE,
    Admin,
    AnyUser,
    Coordinator,
    SessionDep,
    SettingsDep,
)
from sync_server.reports import exporting
from sync_server.reports.filters import FilterError, ReportFilter, parse_filter
from sync_server.reports.views import VIEWS, VIEWS_BY_SLUG, build_view
from sync_server.services.devices import (
    DeviceError,
    list_devices,
    list_offices,
    revoke_device,
)

STATIC_FILES = {"dashboard.css": "text/css; charset=utf-8"}


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


router = APIRouter(prefix="/dashboard", route_class=DashboardRoute, include_in_schema=False)
FormText = Annotated[str, Form()]
OptionalFormText = Annotated[str | None, Form()]
QueryText = Annotated[str | None, Query()]


def _municipalities() -> list[tuple[str, str]]:
    return [(e.code, e.label) for e in default_catalogs().municipalities]


def _nav(user: auth.CurrentUser) -> list[tuple[str, str]]:
    if user.role is Role.ADMIN:
        return [("/dashboard/admin", "Büros und Geräte")]
    return [
        *((f"/dashboard/bericht/{v.slug}", v.title) for v in VIEWS),
        ("/dashboard/fehlstellen", "Strukturelle Fehlstellen"),
    ]


def _page(template: str, user: auth.CurrentUser, request: Request, status: int = 200,
          **context: Any) -> Response:
    return render(template, status, user=user, nav=_nav(user), path=request.url.path, **context)


def _redirect_home(user_role: Role) -> RedirectResponse:
    target = "/dashboard/admin" if user_role is Role.ADMIN else "/dashboard/bericht/uebersicht"
    return RedirectResponse(target, status_code=303)


# --- static ----------------------------------------------------------------------------------


@router.get("/static/{name}")
def static(name: str) -> Response:
    if name not in STATIC_FILES:
        return Response("Nicht gefunden", status_code=404, media_type="text/plain")
    return Response(
        (STATIC_DIR / name).read_bytes(),
        media_type=STATIC_FILES[name],
        headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"},
    )


# --- login -----------------------------------------------------------------------------------


def _login_form(request: Request, settings: Settings, *, template: str = "login.html",
                error: str | None = None, status: int = 200, name: str = "") -> Response:
    token = security.pre_login_csrf(request)
    response = render(template, status, user=None, csrf=token, error=error, name=name)
    security.set_cookie(response, settings, PRE_CSRF_COOKIE, token)
    return response


@router.get("")
@router.get("/")
def home(request: Request, session: SessionDep) -> Response:
    user = auth.current_user(session, request.cookies.get(SESSION_COOKIE))
    if user is None:
        return RedirectResponse("/dashboard/anmelden", status_code=303)
    return _redirect_home(user.role)


@router.get("/anmelden")
def login_page(request: Request, settings: SettingsDep) -> Response:
    return _login_form(request, settings)


@router.post("/anmelden")
def login_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    name: FormText = "",
    password: FormText = "",
    csrf: OptionalFormText = None,
) -> Response:
    security.check_pre_login_csrf(request, csrf)
    try:
        result = auth.login(session, name=name, password=password)
    except auth.LoginError as error:
        session.commit()  # keeps the failure counter and lockout
        return _login_form(request, settings, error=str(error), status=401, name=name)
    session.commit()
    target = "/dashboard/anmelden/code" if result.needs_totp else "/dashboard/"
    response = RedirectResponse(target, status_code=303)
    security.set_cookie(response, settings, SESSION_COOKIE, result.token,
                        max_age=int(auth.SESSION_LIFETIME.total_seconds()))
    return response


@router.get("/anmelden/code")
def totp_page(request: Request, settings: SettingsDep) -> Response:
    return _login_form(request, settings, template="totp.html")


@router.post("/anmelden/code")
def totp_submit(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    code: FormText = "",
    csrf: OptionalFormText = None,
) -> Response:
    security.check_pre_login_csrf(request, csrf)
    try:
        token = auth.verify_totp(session, token=request.cookies.get(SESSION_COOKIE, ""),
                                 code=code)
    except auth.LoginError as error:
        session.commit()
        return _login_form(request, settings, template="totp.html", error=str(error),
                           status=401)
    session.commit()
    response = RedirectResponse("/dashboard/", status_code=303)
    security.set_cookie(response, settings, SESSION_COOKIE, token,
                        max_age=int(auth.SESSION_LIFETIME.total_seconds()))
    return response


@router.post("/abmelden")
def logout(
    request: Request, user: AnyUser, session: SessionDep, settings: SettingsDep,
    csrf: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    auth.logout(session, request.cookies.get(SESSION_COOKIE))
    session.commit()
    response = RedirectResponse("/dashboard/anmelden", status_code=303)
    security.clear_cookie(response, settings, SESSION_COOKIE)
    return response


# --- reports ---------------------------------------------------------------------------------


def _filter(von: str | None, bis: str | None, kommune: str | None) -> ReportFilter:
    return parse_filter(start=von, end=bis, municipality=kommune,
                        municipalities=_municipalities(), today=dt.date.today())


def _filter_context(von: str | None, bis: str | None, kommune: str | None,
                    flt: ReportFilter | None) -> dict[str, Any]:
    return {
        "municipalities": _municipalities(),
        "raw": {"von": von or "", "bis": bis or "", "kommune": kommune or ""},
        "flt": flt,
        "query": (
            f"von={flt.start.isoformat()}&bis={flt.end.isoformat()}"
            + (f"&kommune={flt.municipality}" if flt.municipality else "")
            if flt else ""
        ),
    }


@router.get("/bericht/{slug}")
def report_page(
    slug: str,
    request: Request,
    user: Coordinator,
    session: SessionDep,
    settings: SettingsDep,
    von: QueryText = None,
    bis: QueryText = None,
    kommune: QueryText = None,
) -> Response:
    view = VIEWS_BY_SLUG.get(slug)
    if view is None:
        return _page("message.html", user, request, 404, title="Nicht gefunden",
                     message="Diese Auswertung gibt es nicht.")
    try:
        flt = _filter(von, bis, kommune)
    except FilterError as error:
        return _page("report.html", user, request, 400, view=view, tables=[],
                     error=str(error), **_filter_context(von, bis, kommune, None))
    tables = build_view(session, slug, flt, threshold=settings.report_min_cell)
    session.rollback()
    return _page("report.html", user, request, view=view, tables=tables, error=None,
                 threshold=settings.report_min_cell, **_filter_context(von, bis, kommune, flt))


@router.get("/export")
def export(
    request: Request,
    user: Coordinator,
    session: SessionDep,
    settings: SettingsDep,
    format: QueryText = "xlsx",
    von: QueryText = None,
    bis: QueryText = None,
    kommune: QueryText = None,
) -> Response:
    if format not in exporting.FORMATS:
        return _page("message.html", user, request, 400, title="Unbekanntes Format",
                     message="Bitte XLSX, CSV oder PDF wählen.")
    try:
        flt = _filter(von, bis, kommune)
    except FilterError as error:
        return _page("message.html", user, request, 400, title="Filter ungültig",
                     message=str(error))
    content = exporting.export(session, flt, format=format, threshold=settings.report_min_cell)
    session.rollback()
    filename = exporting.filename(flt, format)
    return Response(content, media_type=exporting.MEDIA_TYPES[format], headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"',
    })


# --- structural gaps -------------------------------------------------------------------------


@router.get("/fehlstellen")
def gaps_page(
    request: Request,
    user: Coordinator,
    session: SessionDep,
    settings: SettingsDep,
    kommune: QueryText = None,
    handlungsfeld: QueryText = None,
) -> Response:
    catalogs = default_catalogs()
    error = None
    try:
        municipality, field = board.parse_gap_filter(catalogs, kommune, handlungsfeld)
        entries = board.ranked_gaps(session, catalogs, municipality=municipality,
                                    field_of_action=field, threshold=settings.report_min_cell)
    except FilterError as message:
        error, entries = str(message), []
    session.rollback()
    return _page(
        "gaps.html", user, request, 400 if error else 200, entries=entries, error=error,
        municipalities=_municipalities(),
        fields=[(e.code, e.label) for e in catalogs.fields_of_action],
        states=list(GAP_STATE_LABELS.items()),
        raw={"kommune": kommune or "", "handlungsfeld": handlungsfeld or ""},
    )


@router.post("/fehlstellen/status")
def gap_status(
    user: Coordinator,
    session: SessionDep,
    office_id: FormText,
    key: FormText,
    status: FormText,
    csrf: OptionalFormText = None,
    back: FormText = "/dashboard/fehlstellen",
) -> Response:
    security.check_csrf(user, csrf)
    try:
        board.set_gap_status(session, office_id=office_id, key=key, status=GapState(status),
                             user=user.name)
    except (ValueError, board.UnknownGap):
        session.rollback()
        return render("message.html", 400, user=user, nav=_nav(user), title="Nicht gespeichert",
                      message="Diese Fehlstelle oder dieser Status ist unbekannt.")
    session.commit()
    target = back if back.startswith("/dashboard/fehlstellen") else "/dashboard/fehlstellen"
    return RedirectResponse(target, status_code=303)


# --- admin -----------------------------------------------------------------------------------


@router.get("/admin")
def admin_page(request: Request, user: Admin, session: SessionDep) -> Response:
    offices = list_offices(session)
    devices = list_devices(session)
    session.rollback()
    names = {o.id: o.name for o in offices}
    return _page("admin.html", user, request, offices=offices, devices=devices,
                 office_names=names, catalogs=default_catalogs())


@router.post("/admin/geraete/{device_id}/sperren")
def revoke(
    device_id: str,
    user: Admin,
    session: SessionDep,
    csrf: OptionalFormText = None,
    wipe: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    try:
        revoke_device(session, device_id=device_id, wipe=wipe == "1", actor=f"user:{user.name}")
    except DeviceError as error:
        session.rollback()
        return render("message.html", error.status, user=user, nav=_nav(user),
                      title="Nicht gesperrt", message=error.message)
    session.commit()
    return RedirectResponse("/dashboard/admin", status_code=303)
