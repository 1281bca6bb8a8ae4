"""The dashboard's sign-in: the login page, the TOTP step and logout."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from sync_server.config import Settings
from sync_server.dashboard import auth, security
from sync_server.dashboard.models import Role
from sync_server.dashboard.rendering import render
from sync_server.dashboard.routes.pages import FormText, OptionalFormText, dashboard_router
from sync_server.dashboard.security import (
    PRE_CSRF_COOKIE,
    SESSION_COOKIE,
    AnyUser,
    SessionDep,
    SettingsDep,
)

router = dashboard_router()


def _redirect_home(user_role: Role) -> RedirectResponse:
    target = "/dashboard/admin" if user_role is Role.ADMIN else "/dashboard/bericht/uebersicht"
    return RedirectResponse(target, status_code=303)


def _login_form(request: Request, settings: Settings, *, template: str = "login.html",
                error: str | None = None, status: int = 200, name: str = "") -> Response:
    token = security.pre_login_csrf(request)
    response = render(template, status, user=None, csrf=token, error=error, name=name)
    security.set_cookie(request, response, settings, PRE_CSRF_COOKIE, token)
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
    security.set_cookie(request, response, settings, SESSION_COOKIE, result.token,
                        max_age=int(auth.SESSION_LIFETIME.total_seconds()))
    security.rotate_pre_login_csrf(request, response, settings)
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
                                 code=code, secret_key=settings.secret_key)
    except auth.LoginError as error:
        session.commit()
        return _login_form(request, settings, template="totp.html", error=str(error),
                           status=401)
    session.commit()
    response = RedirectResponse("/dashboard/", status_code=303)
    security.set_cookie(request, response, settings, SESSION_COOKIE, token,
                        max_age=int(auth.SESSION_LIFETIME.total_seconds()))
    security.rotate_pre_login_csrf(request, response, settings)
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
    security.clear_cookie(request, response, settings, SESSION_COOKIE)
    return response
