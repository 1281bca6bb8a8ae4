"""Login, CSRF, lockout, TOTP and who may reach which page, on the real ASGI app."""

from __future__ import annotations

from typing import Any

import pyotp
from fastapi.testclient import TestClient

from sync_server.dashboard.auth import LOGIN_FAILED
from sync_server.dashboard.models import Role
from tests.sync_server.reports.reports_helpers import PASSWORD, csrf_of, login


def test_login_sets_a_strict_httponly_cookie_and_opens_the_overview(
    client: TestClient, make_user: Any
) -> None:
    make_user("koordination")
    response = login(client, "koordination")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "kim_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie or "samesite=strict" in cookie.lower()
    assert "Secure" not in cookie
    page = client.get("/dashboard/bericht/uebersicht")
    assert page.status_code == 200
    assert "Kennzahlen" in page.text and "Angemeldet: koordination" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_cookie_is_secure_when_configured(settings: Any, engine: Any, make_user: Any) -> None:
    from sync_server.app import create_app

    secure = settings.model_copy(update={"dashboard_secure_cookie": True})
    make_user("koordination")
    with TestClient(create_app(secure), base_url="https://testserver") as client:
        assert "Secure" in login(client, "koordination").headers["set-cookie"]


def test_wrong_password_gives_a_german_message_and_five_lock_the_account(
    client: TestClient, make_user: Any
) -> None:
    make_user("koordination")
    for _ in range(5):
        response = login(client, "koordination", "falsches-passwort-123")
        assert response.status_code == 401
        assert LOGIN_FAILED in response.text
    # Locked: even the right password is refused now, in the same words.
    response = login(client, "koordination", PASSWORD)
    assert response.status_code == 401 and LOGIN_FAILED in response.text
    assert client.get("/dashboard/bericht/uebersicht", follow_redirects=False).status_code == 303


def test_unknown_name_gets_the_same_message(client: TestClient) -> None:
    response = login(client, "niemand")
    assert response.status_code == 401 and LOGIN_FAILED in response.text


def test_every_post_needs_its_csrf_token(client: TestClient, make_user: Any) -> None:
    make_user("koordination")
    client.get("/dashboard/anmelden")
    refused = client.post("/dashboard/anmelden", data={"name": "koordination",
                                                       "password": PASSWORD})
    assert refused.status_code == 403 and "Anfrage abgelehnt" in refused.text
    assert login(client, "koordination").status_code == 303
    refused = client.post("/dashboard/abmelden", data={"csrf": "geraten"})
    assert refused.status_code == 403
    refused = client.post("/dashboard/fehlstellen/status",
                          data={"office_id": "x", "key": "y", "status": "resolved"})
    assert refused.status_code == 403
    page = client.get("/dashboard/bericht/uebersicht")
    logout = client.post("/dashboard/abmelden", data={"csrf": csrf_of(page.text)},
                         follow_redirects=False)
    assert logout.status_code == 303
    assert client.get("/dashboard/bericht/uebersicht", follow_redirects=False).status_code == 303


def test_totp_second_factor(client: TestClient, make_user: Any) -> None:
    secret = make_user("mit-code", with_totp=True)
    response = login(client, "mit-code")
    assert response.headers["location"] == "/dashboard/anmelden/code"
    # Password alone opens nothing.
    assert client.get("/dashboard/bericht/uebersicht", follow_redirects=False).status_code == 303
    page = client.get("/dashboard/anmelden/code")
    wrong = client.post("/dashboard/anmelden/code", data={"code": "000000",
                                                          "csrf": csrf_of(page.text)})
    assert wrong.status_code == 401 and "Sicherheitscode ist falsch" in wrong.text
    code = pyotp.TOTP(secret).now()
    right = client.post("/dashboard/anmelden/code", data={"code": code,
                                                          "csrf": csrf_of(page.text)},
                        follow_redirects=False)
    assert right.status_code == 303
    assert client.get("/dashboard/bericht/uebersicht").status_code == 200


def test_a_coordinator_cannot_reach_admin_pages(client: TestClient, make_user: Any) -> None:
    make_user("koordination")
    login(client, "koordination")
    response = client.get("/dashboard/admin")
    assert response.status_code == 403 and "Kein Zugriff" in response.text
    page = client.get("/dashboard/bericht/uebersicht")
    revoke = client.post("/dashboard/admin/geraete/abc/sperren", data={"csrf": csrf_of(page.text)})
    assert revoke.status_code == 403


def test_an_admin_sees_devices_and_revokes_one_but_no_reports(
    client: TestClient, make_user: Any, device_token: str, office_id: str
) -> None:
    make_user("it", Role.ADMIN)
    login(client, "it")
    page = client.get("/dashboard/admin")
    assert page.status_code == 200 and "Laptop 1" in page.text and "aktiv" in page.text
    assert client.get("/dashboard/bericht/uebersicht").status_code == 403
    assert client.get("/dashboard/export?format=csv").status_code == 403
    action = page.text.split('action="/dashboard/admin/geraete/')[1].split('"')[0]
    done = client.post(f"/dashboard/admin/geraete/{action}", data={
        "csrf": csrf_of(page.text), "wipe": "1"})
    assert done.status_code == 200
    assert "Löschung angeordnet, noch nicht bestätigt" in done.text
    handshake = client.post("/v1/handshake", json={"protocol_min": 1, "protocol_max": 1,
                                                    "app_version": "1.0"},
                            headers={"Authorization": f"Bearer {device_token}"})
    assert handshake.json()["wipe"] is True
    for stage, shown in [("started", "Löschung begonnen am "), ("done", "gelöscht am ")]:
        client.post("/v1/wipe", json={"stage": stage},
                    headers={"Authorization": f"Bearer {device_token}"})
        assert shown in client.get("/dashboard/admin").text


def test_a_device_token_cannot_read_reports(client: TestClient, device_token: str) -> None:
    headers = {"Authorization": f"Bearer {device_token}"}
    for path in ("/dashboard/bericht/uebersicht", "/dashboard/export?format=csv",
                 "/dashboard/fehlstellen", "/dashboard/admin"):
        response = client.get(path, headers=headers, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/dashboard/anmelden"


def test_a_session_cookie_cannot_call_the_sync_api(client: TestClient, make_user: Any) -> None:
    make_user("koordination")
    login(client, "koordination")
    assert client.cookies.get("kim_session")
    response = client.post("/v1/handshake", json={"protocol_min": 1, "protocol_max": 1,
                                                   "app_version": "1.0"})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
