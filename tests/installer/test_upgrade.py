"""An upgrade keeps every record and migrates the database, with two real .deb packages.

Version N is the working tree. Version N+1 is a copy of it with the version raised and one
extra Alembic revision (a new table with a row). Data is made with N's code, opened by the
installed N, then N+1 is installed over it and opens the same folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kim_packaging import ROOT, build_deb, install, installed_env, remove_package

import kim_desktop
from kim_desktop.core import migrate
from kim_desktop.core.db import OutboxEntry, new_id
from kim_desktop.core.vault import Vault

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.geteuid() != 0 or shutil.which("dpkg-deb") is None, reason="braucht root und dpkg"
    ),
]

USER = "amt"
PASSWORD = "Kaffee morgens im Rathaus Rahden"
PROBE_REVISION = "9001_upgrade_probe"
PROBE = '''"""Test-only revision: the schema change of version N+1."""
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upgrade_probe",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.String(40), nullable=False),
    )
    op.execute("INSERT INTO upgrade_probe (note) VALUES ('migrated')")


def downgrade() -> None:
    op.drop_table("upgrade_probe")
'''


def next_version_tree(target: Path) -> tuple[Path, str]:
    """A copy of the source tree as version N+1, with one more migration."""
    for folder in ("kim_desktop", "resources", "installer"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    version = f"{kim_desktop.__version__}.1"
    init = target / "kim_desktop" / "__init__.py"
    init.write_text(
        re.sub(r'__version__ = "[^"]+"', f'__version__ = "{version}"', init.read_text("utf-8")),
        encoding="utf-8",
    )
    heads = sorted(migrate.head_revisions())
    down = heads[0] if len(heads) == 1 else tuple(heads)
    versions = target / "kim_desktop" / "core" / "migrations" / "versions"
    (versions / f"{PROBE_REVISION}.py").write_text(
        PROBE.format(revision=PROBE_REVISION, down=down), encoding="utf-8"
    )
    return target, version


def make_data(folder: Path, count: int) -> set[str]:
    ids = {new_id() for _ in range(count)}
    vault, _recovery_key = Vault.create(folder, admin=USER, password=PASSWORD)
    with vault, vault.session() as session, session.begin():
        session.add_all(OutboxEntry(kind="upgrade", record_id=i, version=1) for i in ids)
    return ids


def status(data: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        ["kim-desktop", "--data-dir", str(data), "status", "--user", USER],
        env={**env, "KIM_PASSWORD": PASSWORD}, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def record_ids_read_by(tree: Path, data: Path, env: dict[str, str]) -> set[str]:
    """The record ids as the N+1 source code reads them."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from sqlalchemy import select\n"
        "from kim_desktop.core.db import OutboxEntry\n"
        "from kim_desktop.core.vault import Vault\n"
        "with Vault.unlock(Path(sys.argv[1]), user=sys.argv[2], password=sys.argv[3]) as v:\n"
        "    with v.session() as s:\n"
        "        print(json.dumps(s.scalars(select(OutboxEntry.record_id)).all()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(data), USER, PASSWORD],
        cwd=tree, env={**env, "PATH": os.environ["PATH"]}, capture_output=True, text=True,
        check=True,
    )
    return set(json.loads(result.stdout))


def test_upgrade_keeps_every_record_and_applies_the_new_migration(
    tmp_path: Path, current_deb: tuple[Path, float]
) -> None:
    deb_n, _ = current_deb
    tree, next_version = next_version_tree(tmp_path / "next")
    deb_next = build_deb(tmp_path / "build-next", source_root=tree)
    env = installed_env(tmp_path / "home")
    data = tmp_path / "home" / "office-data"
    ids = make_data(data, 250)
    old_heads = ", ".join(sorted(migrate.head_revisions()))
    try:
        install(deb_n)
        before = status(data, env)
        assert f"Schema-Version: {old_heads}\n" in before
        assert "Tabelle sync_outbox: 250\n" in before

        install(deb_next)
        version = subprocess.run(
            ["kim-desktop", "--version"], env=env, capture_output=True, text=True, check=True
        )
        assert version.stdout.strip() == f"kim-desktop {next_version}"
        after = status(data, env)
        assert f"Schema-Version: {PROBE_REVISION}\n" in after
        assert "Tabelle sync_outbox: 250\n" in after
        assert "Tabelle upgrade_probe: 1\n" in after
        assert "Integritätsprüfung: OK" in after
    finally:
        remove_package()
    assert record_ids_read_by(tree, data, env) == ids
