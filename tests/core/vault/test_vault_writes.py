"""Writes that fail or are killed roll back as a whole; committed data always survives."""

from __future__ import annotations

import datetime as dt
import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError

from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.vault import Vault

from .support import PASSWORD, count, fill

WRITER = """
import datetime as dt, random, sys
from pathlib import Path
from sqlalchemy import insert
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.vault import Vault

vault = Vault.unlock(Path(sys.argv[1]), user="anna", password=sys.argv[2])
rng = random.Random(int(sys.argv[3]))
batch = int(sys.argv[4])
while True:
    size = rng.randint(1, 3000)
    now = dt.datetime.now(dt.UTC)
    with vault.session() as session:
        rows = [
            {"kind": f"batch-{batch}", "record_id": f"{batch}-{i}", "version": size,
             "created_at": now}
            for i in range(size)
        ]
        session.execute(insert(OutboxEntry), rows)
        session.commit()
    print(batch, flush=True)
    batch += 1
"""


FULL_DISK = """
import datetime as dt, json, sys
from pathlib import Path
from sqlalchemy import func, insert, select
from kim_desktop.core import vault_header
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.vault import Vault, VaultError

vault_header.DEFAULT_ARGON2 = vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1)
disk = Path(sys.argv[1])
password = sys.argv[2]
ballast = disk / "ballast"
ballast.write_bytes(b"x" * 1_000_000)
vault, _ = Vault.create(disk / "data", admin="anna", password=password)
result = {"committed": [], "error": None}

def fill(tag):
    now = dt.datetime.now(dt.UTC)
    with vault.session() as session:
        rows = [{"kind": tag, "record_id": str(i), "version": 1, "created_at": now}
                for i in range(2000)]
        session.execute(insert(OutboxEntry), rows)
        session.commit()

try:
    for batch in range(1000):
        fill(f"batch-{batch}")
        result["committed"].append(f"batch-{batch}")
except Exception as error:
    result["error"] = str(error)
header = (disk / "data" / "vault.json").read_bytes()
try:
    vault.add_user(name="bert", role="case_manager", password=password)
    result["header_error"] = None
except VaultError as error:
    result["header_error"] = str(error)
result["header_unchanged"] = (disk / "data" / "vault.json").read_bytes() == header
vault.close()
ballast.unlink()
with Vault.unlock(disk / "data", user="anna", password=password) as reopened:
    result["problems"] = reopened.check()
    with reopened.session() as session:
        result["found"] = {
            kind: n for kind, n in session.execute(
                select(OutboxEntry.kind, func.count()).group_by(OutboxEntry.kind))
        }
print(json.dumps(result))
"""


def test_a_full_disk_on_a_small_tmpfs(tmp_path: Path):
    """A real ENOSPC: the vault lives on a 3 MB tmpfs in a private mount namespace."""
    disk = tmp_path / "disk"
    disk.mkdir()
    probe = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "mount", "-t", "tmpfs", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip("no permission to mount a tmpfs here (CI runs as root and has it)")
    script = (
        f"mount -t tmpfs -o size=3m tmpfs {disk} && "
        f'exec "{sys.executable}" -c "$0" "{disk}" "{PASSWORD}"'
    )
    run = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "sh", "-c", script, FULL_DISK],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert "full" in result["error"]
    assert result["committed"], "the disk was full before anything was written"
    assert result["found"] == {tag: 2000 for tag in result["committed"]}
    assert result["problems"] == []
    assert "konnte nicht gespeichert werden" in result["header_error"]
    assert result["header_unchanged"]


def test_a_failing_statement_rolls_back_the_whole_transaction(vault: Vault):
    fill(vault, 100)
    with vault.session() as session:
        session.add_all(
            OutboxEntry(
                kind="doomed", record_id=str(i), version=1, created_at=dt.datetime.now(dt.UTC)
            )
            for i in range(50)
        )
        session.flush()
        with pytest.raises(IntegrityError):
            session.execute(insert(OutboxEntry).values(kind=None, record_id="x", version=1))
        session.rollback()
    assert count(vault) == 100
    assert vault.check() == []


def test_a_full_disk_rolls_back_and_the_vault_keeps_working(vault: Vault):
    fill(vault, 100)
    with vault.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages + 3}")
        connection.commit()
    with pytest.raises(OperationalError) as raised:
        fill(vault, 20_000)
    assert "full" in str(raised.value)
    assert count(vault) == 100
    with vault.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA max_page_count = 1073741823")
        connection.commit()
    fill(vault, 20_000)
    assert count(vault) == 20_100
    assert vault.check() == []


@pytest.mark.slow
def test_a_killed_writer_loses_only_its_unfinished_transaction(data_dir: Path, vault: Vault):
    vault.close()
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    next_batch = 0
    for round_number in range(4):
        writer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(data_dir),
                PASSWORD,
                str(seed + round_number),
                str(next_batch),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        last_committed = next_batch - 1
        for _ in range(rng.randint(1, 6)):
            line = writer.stdout.readline()
            assert line, f"writer died early (seed {seed})"
            last_committed = int(line)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        with Vault.unlock(data_dir, user="anna", password=PASSWORD) as reopened:
            assert reopened.check() == []
            with reopened.session() as session:
                batches = session.execute(
                    select(OutboxEntry.kind, func.count(), func.min(OutboxEntry.version)).group_by(
                        OutboxEntry.kind
                    )
                ).all()
        sizes = {int(kind.removeprefix("batch-")): (n, size) for kind, n, size in batches}
        assert all(n == size for n, size in sizes.values()), f"partial batch (seed {seed})"
        assert set(range(last_committed + 1)) <= set(sizes), f"lost a batch (seed {seed})"
        next_batch = max(sizes) + 1
