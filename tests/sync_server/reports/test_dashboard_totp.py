"""The dashboard's second factor: each TOTP code opens one login, and the secrets are kept
encrypted under the server key from the settings, on the real ASGI app."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync_server.cli import main
from sync_server.config import Settings
from sync_server.dashboard import auth
from sync_server.dashboard.models import DashboardUser, Role
from tests.sync_server.reports.conftest import SECRET_KEY
from tests.sync_server.reports.reports_helpers import PASSWORD, csrf_of, login


def _second_factor(client: TestClient, name: str, code: str) -> Any:
    assert login(client, name).headers["location"] == "/dashboard/anmelden/code"
    page = client.get("/dashboard/anmelden/code")
    return client.post("/dashboard/anmelden/code",
                       data={"code": code, "csrf": csrf_of(page.text)}, follow_redirects=False)


def test_a_totp_code_opens_one_login_only(client: TestClient, make_user: Any) -> None:
    secret = make_user("mit-code", with_totp=True)
    code = pyotp.TOTP(secret).now()
    assert _second_factor(client, "mit-code", code).status_code == 303
    client.cookies.clear()
    again = _second_factor(client, "mit-code", code)
    assert again.status_code == 401 and "schon verwendet" in again.text
    assert client.get("/dashboard/bericht/uebersicht", follow_redirects=False).status_code == 303


def test_totp_secrets_are_stored_encrypted_under_the_server_key(
    client: TestClient, make_user: Any, sessions: sessionmaker[Session], settings: Settings,
) -> None:
    secret = make_user("mit-code", with_totp=True)
    with sessions() as session:
        stored = session.scalars(select(DashboardUser.totp_secret)).one()
    assert stored is not None and secret is not None
    assert stored.startswith("v1:") and secret not in stored
    with sessions() as session:
        user = session.scalars(select(DashboardUser)).one()
        with pytest.raises(auth.LoginError) as refused:
            auth.totp_secret(user, "x" * 40)
        assert "KIM_SERVER_SECRET_KEY" in str(refused.value)
        with pytest.raises(auth.LoginError) as missing:
            auth.add_user(session, name="ohne", role=Role.COORDINATOR, password=PASSWORD,
                          with_totp=True, secret_key=None)
        assert "KIM_SERVER_SECRET_KEY" in str(missing.value)


def test_a_secret_stored_in_plaintext_before_is_sealed_by_init(
    db_url: str, make_user: Any, sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_user("alt")
    plain = pyotp.random_base32()
    with sessions() as session, session.begin():
        session.scalars(select(DashboardUser)).one().totp_secret = plain
    monkeypatch.setenv("KIM_SERVER_SECRET_KEY", SECRET_KEY)
    assert main(["--db", db_url, "init"]) == 0
    with sessions() as session:
        user = session.scalars(select(DashboardUser)).one()
        assert user.totp_secret is not None and user.totp_secret.startswith("v1:")
        assert auth.totp_secret(user, SECRET_KEY) == plain
