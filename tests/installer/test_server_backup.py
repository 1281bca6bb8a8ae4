"""Server backup and restore with the deployment scripts, on SQLite and on PostgreSQL."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from kim_packaging import ROOT
from sqlalchemy import create_engine, inspect, text

from sync_server.cli import main as server_cli

SCRIPTS = ROOT / "installer" / "server"
KIM_SERVER = str(Path(sys.executable).parent / "kim-server")
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def kim_server(db: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [KIM_SERVER, "--db", db, *args], capture_output=True, text=True, timeout=120
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def script(
    name: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPTS / name), *args],
        env={**os.environ, "KIM_SERVER": KIM_SERVER, **(env or {})},
        capture_output=True, text=True, timeout=300,
    )


def admin(db: str, *args: str) -> str:
    """The admin CLI in this process (quicker than a subprocess per command)."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        assert server_cli([ "--db", db, *args]) == 0
    return output.getvalue()


def fill(db: str) -> None:
    """Offices, enrollment codes and their audit rows, made through the admin CLI."""
    admin(db, "init")
    for municipality in ("Rahden", "Minden", "Espelkamp"):
        office = admin(
            db, "office", "add", "--name", f"KIM {municipality}", "--municipality", municipality
        ).strip()
        admin(db, "device", "code", "--office", office)


def table_counts(db: str) -> dict[str, int]:
    engine = create_engine(db)
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()


def test_sqlite_online_backup_and_restore(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    db = f"sqlite:///{live}"
    fill(db)
    before = table_counts(db)
    # A writer is mid-transaction while the backup runs: its row must not be in the backup.
    writer = sqlite3.connect(live, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM enrollment_codes")
    try:
        backup = script("backup.sh", str(tmp_path / "backups"), env={"KIM_SERVER_DB": db})
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert backup.returncode == 0, backup.stderr
    backup_file = Path(backup.stdout.strip())
    assert backup_file.parent == tmp_path / "backups" and backup_file.suffix == ".db"
    assert backup_file.stat().st_mode & 0o077 == 0

    restored = f"sqlite:///{tmp_path / 'restored.db'}"
    result = script("restore.sh", str(backup_file), restored)
    assert result.returncode == 0, result.stderr
    assert table_counts(restored) == before
    offices = admin(restored, "office", "list")
    assert all(f"KIM {m}" in offices for m in ("Rahden", "Minden", "Espelkamp"))


def test_sqlite_restore_never_overwrites(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'live.db'}"
    fill(db)
    backup_file = Path(script("backup.sh", str(tmp_path), env={"KIM_SERVER_DB": db}).stdout.strip())
    original = (tmp_path / "live.db").read_bytes()
    result = script("restore.sh", str(backup_file), db)
    assert result.returncode == 1
    assert "existiert bereits" in result.stderr
    assert (tmp_path / "live.db").read_bytes() == original


@pytest.mark.parametrize(
    ("db", "message"),
    [
        ("postgresql+psycopg://kim@127.0.0.1/kim", "pg_dump"),
        ("sqlite:///{tmp}/absent.db", "nicht gefunden"),
        ("sqlite:///{tmp}/empty.db", "keine eingerichtete"),
        ("sqlite://", "keine Datei"),
        ("::kaputt::", "ungültig"),
    ],
)
def test_backup_refuses_bad_sources_and_leaves_no_file(
    tmp_path: Path, db: str, message: str
) -> None:
    sqlite3.connect(tmp_path / "empty.db").execute("CREATE TABLE t (x)").connection.close()
    target = tmp_path / "out" / "backup.db"
    target.parent.mkdir()
    result = kim_server(db.format(tmp=tmp_path), "backup", str(target), check=False)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert list(target.parent.iterdir()) == []


def test_backup_never_overwrites_its_target(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'live.db'}"
    fill(db)
    target = tmp_path / "backup.db"
    target.write_bytes(b"older backup")
    result = kim_server(db, "backup", str(target), check=False)
    assert result.returncode == 2 and "existiert bereits" in result.stderr
    assert target.read_bytes() == b"older backup"


@pytest.fixture
def pg_databases() -> Iterator[tuple[str, str]]:
    """Two fresh PostgreSQL databases (source and restore target), dropped afterwards."""
    names = [f"kim_installer_{uuid.uuid4().hex[:12]}_{role}" for role in ("live", "restored")]
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        # The password is ignored under trust auth; it proves the scripts pass it safely.
        urls = [f"postgresql+psycopg://postgres:geheim@127.0.0.1:5432/{n}" for n in names]
        yield urls[0], urls[1]
    finally:
        with admin.connect() as connection:
            for name in names:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_postgres_pg_dump_backup_and_restore(
    tmp_path: Path, pg_databases: tuple[str, str]
) -> None:
    live, restored = pg_databases
    fill(live)
    before = table_counts(live)
    backup = script("backup.sh", str(tmp_path / "backups"), env={"KIM_SERVER_DB": live})
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    assert dump.suffix == ".dump" and dump.stat().st_size > 0

    result = script("restore.sh", str(dump), restored)
    assert result.returncode == 0, result.stderr
    assert table_counts(restored) == before
    assert admin(restored, "office", "list") == admin(live, "office", "list")

    again = script("restore.sh", str(dump), restored)
    assert again.returncode == 1
    assert "nicht leer" in again.stderr
    assert table_counts(restored) == before
