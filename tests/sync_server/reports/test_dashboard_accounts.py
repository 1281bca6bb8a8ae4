"""The coordinators' accounts: ``kim-server user list|disable|enable|reset-password|delete``
in-process on a real database, and what the real ASGI app answers afterwards; a login that
answers alike for unknown, locked and disabled accounts; the CSRF cookie rotated at login; the
session cookie Secure over TLS by default."""

from __future__ import annotations

import re
import statistics
import time
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync_server.app import create_app
from sync_server.cli import main
from sync_server.config import Settings
from sync_server.dashboard.auth import LOGIN_FAILED
from sync_server.dashboard.models import DashboardSession, DashboardUser, Role
from sync_server.dashboard.security import PRE_CSRF_COOKIE
from sync_server.models.devices import AuditEntry
from tests.sync_server.reports.reports_helpers import PASSWORD, csrf_of, login

NEW_PASSWORD = "ein-ganz-anderes-passwort"


@pytest.fixture
def db_url(tmp_path: Any) -> str:
    """The CLI runs on a SQLite file here; the login paths do not depend on the engine."""
    return f"sqlite:///{tmp_path / 'server.db'}"


def _cli(db_url: str, *argv: str) -> int:
    return main(["--db", db_url, "user", *argv])


def _failure_page(response: Any) -> str:
    """The answer without what differs by design: the form's token and the name typed."""
    return re.sub(r'value="[^"]*"', 'value=""', response.text)


def test_list_disable_enable_reset_and_delete(
    db_url: str, client: TestClient, make_user: Any, sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    make_user("lena")
    make_user("it-admin", role=Role.ADMIN)
    assert _cli(db_url, "list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:3] for line in listed] == [
        ["it-admin", "admin", "aktiv"], ["lena", "coordinator", "aktiv"]]
    assert "ganzer Kreis" in listed[1]

    assert login(client, "lena").status_code == 303
    assert client.get("/dashboard/bericht/uebersicht").status_code == 200
    assert _cli(db_url, "disable", "--name", "lena") == 0
    assert "deaktiviert" in capsys.readouterr().out
    # The open session is gone at once, and the password opens nothing.
    assert client.get("/dashboard/bericht/uebersicht",
                      follow_redirects=False).status_code == 303
    refused = login(client, "lena")
    assert refused.status_code == 401 and LOGIN_FAILED in refused.text
    assert _cli(db_url, "list") == 0
    assert "lena\tcoordinator\tdeaktiviert" in capsys.readouterr().out
    assert _cli(db_url, "enable", "--name", "lena") == 0
    assert login(client, "lena").status_code == 303

    for _ in range(5):
        login(client, "lena", "falsch-falsch-falsch")
    assert _cli(db_url, "list") == 0
    assert "lena\tcoordinator\tgesperrt" in capsys.readouterr().out
    monkeypatch.setenv("KIM_PASSWORD", NEW_PASSWORD)
    assert _cli(db_url, "reset-password", "--name", "lena") == 0
    assert "Neues Passwort für lena" in capsys.readouterr().out
    assert login(client, "lena").status_code == 401  # the old one
    assert login(client, "lena", NEW_PASSWORD).status_code == 303  # no lockout left

    assert _cli(db_url, "delete", "--name", "lena") == 0
    assert "Konto lena gelöscht." in capsys.readouterr().out
    with sessions() as session:
        assert session.scalars(select(DashboardUser.name)).all() == ["it-admin"]
        assert session.scalars(select(DashboardSession)).all() == []
        actions = session.scalars(select(AuditEntry.action).where(
            AuditEntry.action.like("dashboard_user.%"))).all()
    assert sorted(actions) == sorted([
        "dashboard_user.disable", "dashboard_user.enable", "dashboard_user.reset_password",
        "dashboard_user.delete"])
    assert login(client, "lena", NEW_PASSWORD).status_code == 401


@pytest.mark.parametrize("command", [
    ["disable"], ["enable"], ["reset-password"], ["delete"], ["edit", "--all-municipalities"],
])
def test_an_unknown_name_is_a_german_message(
    db_url: str, engine: Any, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], command: list[str],
) -> None:
    monkeypatch.setenv("KIM_PASSWORD", NEW_PASSWORD)
    assert _cli(db_url, *command, "--name", "niemand") == 2
    captured = capsys.readouterr()
    assert "Ein Konto „niemand“ gibt es nicht." in captured.err
    assert "Traceback" not in captured.err and captured.out == ""


def test_a_new_password_follows_the_policy(
    db_url: str, make_user: Any, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], client: TestClient,
) -> None:
    make_user("lena")
    monkeypatch.setenv("KIM_PASSWORD", "kurz")
    assert _cli(db_url, "reset-password", "--name", "lena") == 2
    assert "mindestens 12 Zeichen" in capsys.readouterr().err
    assert login(client, "lena").status_code == 303


def test_unknown_locked_and_disabled_accounts_get_the_same_answer(
    db_url: str, client: TestClient, make_user: Any,
) -> None:
    for name in ("gesperrt", "deaktiviert", "falsches-passwort"):
        make_user(name)
    for _ in range(5):
        login(client, "gesperrt", "falsch-falsch-falsch")
    assert _cli(db_url, "disable", "--name", "deaktiviert") == 0

    cases = {"unbekannt": ("niemand", PASSWORD), "gesperrt": ("gesperrt", PASSWORD),
             "deaktiviert": ("deaktiviert", PASSWORD),
             "falsches Passwort": ("falsches-passwort", "falsch-falsch-falsch")}
    answers, seconds = {}, {}
    for case, (name, password) in cases.items():
        times = []
        for _ in range(5):
            started = time.perf_counter()
            response = login(client, name, password)
            times.append(time.perf_counter() - started)
            answers[case] = (response.status_code, _failure_page(response))
        seconds[case] = statistics.median(times)
    assert answers["unbekannt"][0] == 401
    assert LOGIN_FAILED in answers["unbekannt"][1]
    assert all(answer == answers["unbekannt"] for answer in answers.values()), answers.keys()
    # Each path verifies one argon2 hash: none answers in a fraction of another's time.
    slowest = max(seconds.values())
    assert min(seconds.values()) > slowest / 3, seconds


def test_the_csrf_cookie_is_rotated_at_each_login_step(
    client: TestClient, make_user: Any,
) -> None:
    import pyotp

    secret = make_user("mit-code", with_totp=True)
    before = client.get("/dashboard/anmelden")
    planted = before.cookies[PRE_CSRF_COOKIE]
    response = client.post("/dashboard/anmelden", data={
        "name": "mit-code", "password": PASSWORD, "csrf": csrf_of(before.text)},
        follow_redirects=False)
    assert response.status_code == 303
    after_password = response.cookies[PRE_CSRF_COOKIE]
    assert after_password != planted
    # A page made with the token from before the login is refused now.
    stale = client.post("/dashboard/anmelden/code", data={
        "code": pyotp.TOTP(secret).now(), "csrf": planted})
    assert stale.status_code == 403
    page = client.get("/dashboard/anmelden/code")
    assert csrf_of(page.text) == after_password
    done = client.post("/dashboard/anmelden/code", data={
        "code": pyotp.TOTP(secret).now(), "csrf": csrf_of(page.text)}, follow_redirects=False)
    assert done.status_code == 303
    assert done.cookies[PRE_CSRF_COOKIE] not in (planted, after_password)


@pytest.mark.parametrize(("setting", "base_url", "secure"), [
    ("auto", "https://testserver", True),
    ("auto", "http://testserver", False),
    ("true", "http://testserver", True),
    ("false", "https://testserver", False),
])
def test_the_session_cookie_is_secure_over_tls_by_default(
    settings: Settings, engine: Any, make_user: Any, setting: str, base_url: str,
    secure: bool,
) -> None:
    configured = Settings.from_env({"KIM_SERVER_DASHBOARD_SECURE_COOKIE": setting},
                                   **settings.model_dump())
    assert Settings.from_env({}).dashboard_secure_cookie is None  # auto unless set
    make_user("koordination")
    with TestClient(create_app(configured), base_url=base_url) as client:
        form_cookie = client.get("/dashboard/anmelden").headers["set-cookie"]
        assert ("Secure" in form_cookie) is secure
        if base_url.startswith("https") or not secure:  # a browser sends Secure ones on TLS only
            cookies = login(client, "koordination").headers.get_list("set-cookie")
            session_cookie = next(c for c in cookies if c.startswith("kim_session="))
            assert ("Secure" in session_cookie) is secure
