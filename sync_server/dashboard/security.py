"""Cookies, CSRF and role checks of the dashboard.

* The session cookie is HttpOnly, SameSite=Strict, scoped to ``/dashboard`` and Secure when
  the request came over TLS, or as ``Settings.dashboard_secure_cookie`` says.
* Every POST carries a CSRF token in a hidden field: the session's own token once logged in,
  a double-submit cookie before (login and TOTP forms). That cookie gets a fresh value at
  every step of a login, so a value planted before it is worth nothing after.
* The sync API never looks at these cookies, and the dashboard never looks at bearer tokens,
  so neither credential opens the other's door.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from sync_server.api.deps import SessionDep, SettingsDep
from sync_server.config import Settings
from sync_server.dashboard import auth
from sync_server.dashboard.models import Role

SESSION_COOKIE = "kim_session"
PRE_CSRF_COOKIE = "kim_login_csrf"
COOKIE_PATH = "/dashboard"


class NotLoggedIn(Exception):
    """Raised by the dependencies; the router answers with a redirect to the login."""


class Forbidden(Exception):
    """Logged in, but the role may not see this page."""


class CsrfFailed(Exception):
    """A POST without the right CSRF token."""


def secure(request: Request, settings: Settings) -> bool:
    if settings.dashboard_secure_cookie is not None:
        return settings.dashboard_secure_cookie
    return request.url.scheme == "https"


def set_cookie(request: Request, response: Response, settings: Settings, name: str, value: str,
               max_age: int | None = None) -> None:
    response.set_cookie(
        name, value, max_age=max_age, path=COOKIE_PATH, httponly=True, samesite="strict",
        secure=secure(request, settings),
    )


def clear_cookie(request: Request, response: Response, settings: Settings, name: str) -> None:
    response.delete_cookie(
        name, path=COOKIE_PATH, httponly=True, samesite="strict",
        secure=secure(request, settings),
    )


def rotate_pre_login_csrf(request: Request, response: Response, settings: Settings) -> None:
    """A fresh double-submit token once a login step succeeded."""
    set_cookie(request, response, settings, PRE_CSRF_COOKIE, secrets.token_urlsafe(32))


def pre_login_csrf(request: Request) -> str:
    """The double-submit token of the anonymous forms (kept if the browser already has one)."""
    return request.cookies.get(PRE_CSRF_COOKIE) or secrets.token_urlsafe(32)


def check_pre_login_csrf(request: Request, given: str | None) -> None:
    expected = request.cookies.get(PRE_CSRF_COOKIE)
    if not expected or not auth.csrf_matches(expected, given):
        raise CsrfFailed


def _user(request: Request, session: Session) -> auth.CurrentUser:
    user = auth.current_user(session, request.cookies.get(SESSION_COOKIE))
    session.rollback()
    if user is None:
        raise NotLoggedIn
    return user


def any_user(request: Request, session: SessionDep) -> auth.CurrentUser:
    return _user(request, session)


def coordinator(request: Request, session: SessionDep) -> auth.CurrentUser:
    user = _user(request, session)
    if user.role is not Role.COORDINATOR:
        raise Forbidden
    return user


def admin(request: Request, session: SessionDep) -> auth.CurrentUser:
    user = _user(request, session)
    if user.role is not Role.ADMIN:
        raise Forbidden
    return user


def check_csrf(user: auth.CurrentUser, given: str | None) -> None:
    if not auth.csrf_matches(user.csrf_token, given):
        raise CsrfFailed


AnyUser = Annotated[auth.CurrentUser, Depends(any_user)]
Coordinator = Annotated[auth.CurrentUser, Depends(coordinator)]
Admin = Annotated[auth.CurrentUser, Depends(admin)]
__all__ = ["Admin", "AnyUser", "Coordinator", "SessionDep", "SettingsDep"]
