"""An upgrade keeps every record and migrates the database, with two real .deb packages.

Version N is the working tree. Version N+1 is a copy of it with the version raised and one
extra Alembic revision (a new table with a row). The installed N creates an office's data
(`init`, `demo-data`); N+1 is installed over it and opens the same folder. Installing N
again afterwards must refuse the newer database without touching it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from kim_packaging import ROOT, build_deb, install, installed_env, system_package

import kim_desktop
from kim_desktop.core import migrate

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
    for folder in ("kim_protocol", "kim_desktop", "resources", "installer", "requirements"):
        shutil.copytree(
            ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    version = f"{kim_desktop.__version__}.1"
    init = target / "kim_protocol" / "__init__.py"
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


def kim_desktop_cli(data: Path, env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        ["kim-desktop", "--data-dir", str(data), *args],
        env={**env, "KIM_PASSWORD": PASSWORD, "KIM_USER": USER},
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def status(data: Path, env: dict[str, str]) -> tuple[str, dict[str, int]]:
    """The schema version and the rows per table, as `kim-desktop status` reports them."""
    output = kim_desktop_cli(data, env, "status")
    assert "Integritätsprüfung: OK" in output
    revision = re.search(r"^Schema-Version: (.+)$", output, re.MULTILINE)
    assert revision is not None
    counts = {m[1]: int(m[2]) for m in re.finditer(r"^Tabelle (\S+): (\d+)$", output, re.MULTILINE)}
    return revision[1], counts


# Two PyInstaller builds take minutes on a loaded 2-core machine.
@pytest.mark.timeout(1200)
def test_upgrade_keeps_every_record_and_applies_the_new_migration(
    tmp_path: Path, current_deb: tuple[Path, float]
) -> None:
    deb_n, _ = current_deb
    tree, next_version = next_version_tree(tmp_path / "next")
    deb_next = build_deb(tmp_path / "build-next", source_root=tree)
    env = installed_env(tmp_path / "home")
    data = tmp_path / "home" / "office-data"
    with system_package():
        install(deb_n)
        kim_desktop_cli(data, env, "init", "--user", USER)
        kim_desktop_cli(data, env, "demo-data", "--clients", "40", "--seed", "8")
        clients_before = json.loads(kim_desktop_cli(data, env, "clients", "--json"))
        revision_before, counts_before = status(data, env)
        assert revision_before == ", ".join(sorted(migrate.head_revisions()))
        assert len(clients_before) == 40

        install(deb_next)
        version = subprocess.run(
            ["kim-desktop", "--version"], env=env, capture_output=True, text=True, check=True
        )
        assert version.stdout.strip() == f"kim-desktop {next_version}"
        revision_after, counts_after = status(data, env)
        clients_after = json.loads(kim_desktop_cli(data, env, "clients", "--json"))

        # Going back to N is refused in German and leaves the newer database as it was.
        database = (data / "kim.db").read_bytes()
        install(deb_n)
        downgraded = subprocess.run(
            ["kim-desktop", "--data-dir", str(data), "status"],
            env={**env, "KIM_PASSWORD": PASSWORD, "KIM_USER": USER},
            capture_output=True, text=True, timeout=300,
        )
        assert downgraded.returncode != 0
        assert "Programmversion" in downgraded.stderr and "Traceback" not in downgraded.stderr
        assert (data / "kim.db").read_bytes() == database
    assert revision_after == PROBE_REVISION
    assert counts_after == {**counts_before, "upgrade_probe": 1}
    assert clients_after == clients_before
