"""The ``kim-server`` admin commands, run as real processes on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sync_server.app import create_app
from sync_server.db import make_engine, make_session_factory
from sync_server.models import AuditEntry
from sync_server.models import Device as DeviceRow
from tests.server.conftest import ROOT, enroll_with, free_port, settings_for


def kim_server(*args: str, db: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sync_server"]
    if db is not None:
        command += ["--db", db]
    return subprocess.run(
        [*command, *args], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )


def test_office_device_code_list_revoke(db_url: str) -> None:
    created = kim_server("office", "add", "--name", "KIM Lübbecke", "--municipality", "Lübbecke",
                         "--municipality", "espelkamp", "--json", db=db_url)
    assert created.returncode == 0, created.stderr
    office = json.loads(created.stdout)
    assert office["municipalities"] == ["luebbecke", "espelkamp"]
    plain = kim_server(
        "office", "add", "--name", "KIM Rahden", "--municipality", "Rahden", db=db_url
    )
    assert len(plain.stdout.strip()) == 36
    issued = kim_server("device", "code", "--office", office["office_id"], "--json", db=db_url)
    code = json.loads(issued.stdout)
    assert code["office_id"] == office["office_id"] and code["expires_at"]
    with TestClient(create_app(settings_for(db_url))) as client:
        device = enroll_with(client, code["code"], name="Büro 2")
    listed = json.loads(kim_server("device", "list", "--json", db=db_url).stdout)
    assert [(d["device_id"], d["name"], d["revoked"]) for d in listed] == [
        (device.device_id, "Büro 2", False)
    ]
    offices = json.loads(kim_server("office", "list", "--json", db=db_url).stdout)
    assert sorted(o["municipalities"] for o in offices) == [["luebbecke", "espelkamp"],
                                                            ["rahden"]]
    edited = kim_server("office", "edit", "--office", office["office_id"], "--municipality",
                        "Stemwede", "--municipality", "Lübbecke", "--json", db=db_url)
    assert json.loads(edited.stdout)["municipalities"] == ["stemwede", "luebbecke"]
    assert not any(o["key_check_set"] for o in offices)
    revoked = kim_server("device", "revoke", device.device_id, "--wipe", db=db_url)
    assert revoked.returncode == 0 and "Löschung" in revoked.stdout
    table = kim_server("device", "list", db=db_url).stdout
    assert device.device_id in table and "gesperrt" in table
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
        actors = set(session.scalars(select(AuditEntry.actor)))
    engine.dispose()
    assert actions == ["office.add", "office.add", "device.code", "device.enroll", "office.edit",
                       "device.revoke"]
    assert any(a.startswith("cli:") for a in actors)


def test_a_municipality_belongs_to_one_office(db_url: str) -> None:
    """Else a device of one office shifts the other's figures (breaker 15, BREAK 3)."""
    minden = kim_server("office", "add", "--name", "KIM Minden", "--municipality", "Minden",
                        db=db_url).stdout.strip()
    other = kim_server("office", "add", "--name", "KIM Stemwede", "--municipality", "Stemwede",
                       db=db_url).stdout.strip()
    refused = kim_server("office", "add", "--name", "KIM C", "--municipality", "stemwede",
                         "--municipality", "minden", db=db_url)
    assert refused.returncode != 0 and "schon vom Büro „KIM" in refused.stderr, refused.stderr
    edited = kim_server("office", "edit", "--office", other, "--municipality", "Stemwede",
                        "--municipality", "Minden", db=db_url)
    assert edited.returncode != 0 and "Minden wird schon vom Büro „KIM Minden“ betreut" in (
        edited.stderr)
    kept = kim_server("office", "edit", "--office", minden, "--municipality", "Minden",
                      "--municipality", "Hille", "--json", db=db_url)
    assert json.loads(kept.stdout)["municipalities"] == ["minden", "hille"]
    offices = json.loads(kim_server("office", "list", "--json", db=db_url).stdout)
    assert sorted(o["municipalities"] for o in offices) == [["minden", "hille"], ["stemwede"]]


def test_device_list_prints_a_stored_name_escaped(db_url: str) -> None:
    """A device name stored before enrollment refused control characters must not recolour or
    rewrite the operator's terminal (breaker 15, BREAK 9)."""
    office = kim_server("office", "add", "--name", "KIM Hille", "--municipality", "Hille",
                        db=db_url).stdout.strip()
    code = json.loads(kim_server("device", "code", "--office", office, "--json",
                                 db=db_url).stdout)["code"]
    with TestClient(create_app(settings_for(db_url))) as client:
        device = enroll_with(client, code, name="Empfang")
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session, session.begin():
        session.get(DeviceRow, device.device_id).name = "PC\x1b[31m\x07\u202egnp\u00ad"
    engine.dispose()
    table = kim_server("device", "list", db=db_url).stdout
    assert "PC\\x1b[31m\\x07\\u202egnp\\xad" in table
    assert not any(c in table for c in "\x1b\x07\u202e\u00ad")


def test_it_resets_a_wrong_key_check_and_the_next_device_sets_it(db_url: str) -> None:
    office = kim_server("office", "add", "--name", "KIM Hille", "--municipality", "Hille",
                        db=db_url).stdout.strip()
    code = json.loads(kim_server("device", "code", "--office", office, "--json",
                                 db=db_url).stdout)["code"]
    with TestClient(create_app(settings_for(db_url))) as client:
        device = enroll_with(client, code)
        assert client.post("/v1/office/key-check", json={"key_check": "B" * 26},
                           headers=device.headers).status_code == 200
        reset = kim_server("office", "reset-key-check", "--office", office, db=db_url)
        assert reset.returncode == 0, reset.stderr
        assert "Wiederherstellungsschlüssel" in reset.stdout
        assert client.get("/v1/office/key-check", headers=device.headers).status_code == 404
        value = "A" * 22 + "_-b9"
        assert client.post("/v1/office/key-check", json={"key_check": value},
                           headers=device.headers).status_code == 200
        replaced = client.post("/v1/office/key-check",
                               json={"key_check": "C" * 26, "replaces": value},
                               headers=device.headers)
        assert replaced.status_code == 409
    unknown = kim_server("office", "reset-key-check", "--office", "nope", db=db_url)
    assert unknown.returncode == 2 and unknown.stderr.startswith("Fehler: ")
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    engine.dispose()
    assert actions[-3:] == ["office.key_check", "office.key_check_reset", "office.key_check"]


def test_user_errors_are_german_messages_not_tracebacks(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    assert kim_server("init", db=db_url).returncode == 0
    for args in (
        ("device", "code", "--office", "00000000-0000-0000-0000-000000000000"),
        ("device", "revoke", "nope"),
        ("office", "add", "--name", " ", "--municipality", "Minden"),
        ("office", "add", "--name", "KIM Gotham", "--municipality", "Gotham"),
        ("office", "edit", "--office", "00000000-0000-0000-0000-000000000000", "--name", "X"),
        ("office", "edit", "--office", "00000000-0000-0000-0000-000000000000"),
    ):
        result = kim_server(*args, db=db_url)
        assert result.returncode == 2, args
        assert result.stderr.startswith("Fehler: ") and "Traceback" not in result.stderr
    fresh = f"sqlite:///{tmp_path / 'new' / 'server.db'}"
    uninitialised = kim_server("device", "list", db=fresh)
    assert uninitialised.returncode == 2 and "kim-server init" in uninitialised.stderr
    assert kim_server("init", db=fresh).returncode == 0
    assert kim_server("init", db=fresh).returncode == 0  # idempotent
    assert kim_server("device", "list", db=fresh).stdout.strip() == "Keine Geräte."
    unreachable = kim_server("init", db="postgresql://postgres@127.0.0.1:1/none")
    assert unreachable.returncode == 2 and "nicht erreichbar" in unreachable.stderr
    bad_tls = kim_server("serve", "--ssl-keyfile", str(tmp_path / "missing.pem"), db=fresh)
    assert bad_tls.returncode == 2 and "zusammen" in bad_tls.stderr


def test_a_file_that_is_no_database_is_a_german_message(tmp_path: Path) -> None:
    text_file = tmp_path / "notizen.txt"
    text_file.write_text("Das ist keine Datenbank.\n" * 200, encoding="utf-8")
    noise = tmp_path / "zufall.bin"
    noise.write_bytes(bytes(range(256)) * 40)
    for path in (text_file, noise):
        for args in (("office", "list"), ("init",), ("serve", "--port", str(free_port()))):
            result = kim_server(*args, db=f"sqlite:///{path}")
            assert result.returncode == 2, (path.name, args, result.stderr[-300:])
            assert "Traceback" not in result.stderr
            assert result.stderr.splitlines()[-1].startswith("Fehler: Unter dieser Datenbank")
    foreign = tmp_path / "fremd.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('1a2b3c')")
    result = kim_server("office", "list", db=f"sqlite:///{foreign}")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Fehler: Die Datenbank hat nicht den Aufbau")


def test_serve_refuses_a_port_out_of_range_or_in_use(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    for port in ("99999", "0", "-1"):
        result = kim_server("serve", "--port", port, db=db_url)
        assert result.returncode == 2, (port, result.stderr[-300:])
        assert result.stderr.splitlines()[-1] == ("Fehler: --port muss zwischen 1 und 65535 "
                                                  "liegen.")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = kim_server("serve", "--host", "127.0.0.1", "--port", port, db=db_url)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Fehler: Port {port} auf 127.0.0.1 ist schon belegt (läuft der Server schon?). Bitte "
        "einen anderen Port wählen oder das andere Programm beenden.")
    unknown = kim_server("serve", "--host", "nirgendwo.invalid", "--port", "8443", db=db_url)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr
    assert "nirgendwo.invalid" in unknown.stderr.splitlines()[-1]


def test_a_second_factor_without_the_secret_key_says_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproduced on main: the admin running ``user add --totp`` was told to ask IT."""
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    assert kim_server("init", db=db_url).returncode == 0
    monkeypatch.setenv("KIM_PASSWORD", "Koordination im Kreishaus")
    monkeypatch.delenv("KIM_SERVER_SECRET_KEY", raising=False)
    refused = kim_server("user", "add", "--name", "kora", "--role", "coordinator", "--totp",
                         db=db_url)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "IT fragen" not in refused.stderr
    assert "KIM_SERVER_SECRET_KEY" in refused.stderr and "openssl rand -hex 32" in refused.stderr
    assert "erneut" in refused.stderr  # what to do next: set it, then run the command again
    monkeypatch.setenv("KIM_SERVER_SECRET_KEY", "0123456789abcdef" * 4)
    added = kim_server("user", "add", "--name", "kora", "--role", "coordinator", "--totp",
                       db=db_url)
    assert added.returncode == 0, added.stderr
    assert "otpauth://" in added.stdout


def test_office_names_refuse_control_and_bidi_override_characters(db_url: str) -> None:
    office = kim_server("office", "add", "--name", "KIM Hille", "--municipality", "Hille",
                        db=db_url).stdout.strip()
    for name in ("KIM \x1b[31mRot\x1b[0m", "KIM \u202eelliH", "KIM\u2066 Hille\u2069",
                 "KIM\x07Hille", "KIM \u200fHille"):
        for args in (("office", "add", "--name", name, "--municipality", "Rahden"),
                     ("office", "edit", "--office", office, "--name", name)):
            result = kim_server(*args, db=db_url)
            assert result.returncode == 2, (name, args)
            assert result.stderr == ("Fehler: Der Name des Büros darf keine Steuerzeichen und "
                                     "keine Zeichen zur Steuerung der Schreibrichtung "
                                     "enthalten.\n")
    offices = json.loads(kim_server("office", "list", "--json", db=db_url).stdout)
    assert [o["name"] for o in offices] == ["KIM Hille"]


def test_database_url_from_the_environment(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "sync_server", "init"], cwd=ROOT, capture_output=True, text=True,
        env={"KIM_SERVER_DB": url, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").is_file()
    bad = subprocess.run(
        [sys.executable, "-m", "sync_server", "init"], cwd=ROOT, capture_output=True, text=True,
        env={"KIM_SERVER_DB": url, "KIM_SERVER_MAX_REQUEST_BYTES": "viel", "PATH": "/usr/bin:/bin",
             "HOME": str(tmp_path)}, check=False,
    )  # fmt: skip
    assert bad.returncode == 2
    assert "KIM_SERVER_MAX_REQUEST_BYTES" in bad.stderr and "Traceback" not in bad.stderr
