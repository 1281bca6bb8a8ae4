"""Alembic on the encrypted database: the chain, in-place upgrades, and no lost records.

The fill-and-upgrade test walks every revision there is, so it grows stronger as the domain,
sync and report revisions land. A revision written by the test itself (a table rebuild, the
riskiest kind on SQLite) stands in for "a newer program version" today.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from kim_desktop import schema
from kim_desktop.core import migrate
from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.errors import VaultCorrupt, VaultLocked
from kim_desktop.core.storage import create_vault_engine
from kim_desktop.core.stored_secrets import SecretBox
from kim_desktop.core.vault import Vault, VaultError

from .support import PASSWORD, count, fill

REBUILD = '''"""Test only: rebuild sync_outbox with an extra column (copy and rename).

Revision ID: 9001_test_rebuild
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001_test_rebuild"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sync_outbox", recreate="always") as batch:
        batch.add_column(
            sa.Column("note", sa.String(20), nullable=False, server_default="migrated")
        )


def downgrade():
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("note")
'''

BROKEN = '''"""Test only: creates a table, then fails.

Revision ID: 9002_test_broken
Revises: 9001_test_rebuild
"""
import sqlalchemy as sa
from alembic import op

revision = "9002_test_broken"
down_revision = "9001_test_rebuild"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    raise RuntimeError("simulated failure in the middle of a migration")


def downgrade():
    pass
'''


PARENT_AND_CHILD = '''"""Test only: a parent and a child that cascades on delete, with rows.

Revision ID: 9003_test_family
Revises: {head}
"""
import sqlalchemy as sa
from alembic import op

revision = "9003_test_family"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("parent", sa.Column("id", sa.Integer, primary_key=True))
    op.create_table(
        "child",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("parent.id", ondelete="CASCADE")),
    )
    op.execute("INSERT INTO parent (id) VALUES (1), (2)")
    op.execute("INSERT INTO child (id, parent_id) VALUES (10, 1), (11, 2)")


def downgrade():
    pass
'''

REBUILD_PARENT = '''"""Test only: rebuild the parent table (copy, drop, rename).

Revision ID: 9004_test_rebuild_parent
Revises: 9003_test_family
"""
import sqlalchemy as sa
from alembic import op

revision = "9004_test_rebuild_parent"
down_revision = "9003_test_family"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("parent", recreate="always") as batch:
        batch.add_column(sa.Column("label", sa.String(10)))


def downgrade():
    pass
'''


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_vault_engine(str(tmp_path / "plain-key.db"), secrets.token_bytes(32))
    yield engine
    engine.dispose()


def _revisions_in_order() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _tables(connection: Connection) -> list[str]:
    return sorted(t for t in inspect(connection).get_table_names() if t != "alembic_version")


def test_the_chain_is_linear_and_starts_at_0001():
    revisions = _revisions_in_order()
    assert revisions[0] == "0001_initial"
    assert len(migrate.head_revisions()) == 1


def test_fill_at_every_revision_then_upgrade_and_find_every_record(engine: Engine):
    """Rows in sync_outbox are written after each revision; all must survive to head."""
    written: list[str] = []
    for revision in _revisions_in_order():
        with engine.begin() as connection:
            migrate.upgrade(connection, revision)
            for _ in range(3):
                record_id = f"{revision}-{len(written)}"
                connection.execute(
                    text(
                        "INSERT INTO sync_outbox (kind, record_id, version, created_at) "
                        "VALUES ('probe', :id, 1, :now)"
                    ),
                    {"id": record_id, "now": dt.datetime(2026, 1, 1)},
                )
                written.append(record_id)
    with engine.begin() as connection:
        migrate.upgrade(connection)
        assert migrate.current_revisions(connection) == migrate.head_revisions()
        found = connection.execute(text("SELECT record_id FROM sync_outbox")).scalars().all()
    assert sorted(found) == sorted(written)


def test_head_schema_matches_the_models(engine: Engine):
    with engine.begin() as connection:
        migrate.upgrade(connection)
        context = MigrationContext.configure(connection)
        metadata = schema.metadata()
        differences = [
            d
            for d in compare_metadata(context, metadata)
            if not (d[0] == "remove_table" and d[1].name not in metadata.tables)
            and not (d[0] == "add_table" and d[1].name in _test_only_tables())
        ]
    assert differences == []


def _test_only_tables() -> set[str]:
    """Tables of models that other tests define on the shared Base; they have no migration."""
    return {
        cls.__tablename__
        for cls in RECORD_KINDS.values()
        if not cls.__module__.startswith("kim_desktop.")
    }


@pytest.fixture
def extra_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An extra revision folder, as if the program were newer than the vaults made so far."""
    folder = tmp_path / "newer-revisions"
    folder.mkdir()
    monkeypatch.setattr(migrate, "VERSION_LOCATIONS", (*migrate.VERSION_LOCATIONS, folder))
    return folder


@pytest.fixture
def newer_program(extra_revisions: Path) -> Path:
    head = migrate.head_revisions().pop()
    (extra_revisions / "9001_test_rebuild.py").write_text(REBUILD.format(head=head))
    return extra_revisions


def test_rebuilding_a_parent_table_keeps_its_children(engine: Engine, extra_revisions: Path):
    head = migrate.head_revisions().pop()
    (extra_revisions / "9003_test_family.py").write_text(PARENT_AND_CHILD.format(head=head))
    migrate.upgrade_database(engine)
    (extra_revisions / "9004_test_rebuild_parent.py").write_text(REBUILD_PARENT)
    migrate.upgrade_database(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT id FROM child ORDER BY id").scalars().all() == [
            10,
            11,
        ]
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_opening_an_older_vault_upgrades_it_in_place(
    data_dir: Path, vault: Vault, newer_program: Path
):
    fill(vault, 1000)
    vault.close()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as upgraded:
        assert count(upgraded) == 1000
        with upgraded.engine.connect() as connection:
            assert migrate.current_revisions(connection) == {"9001_test_rebuild"}
            notes = connection.execute(text("SELECT DISTINCT note FROM sync_outbox")).scalars()
            assert list(notes) == ["migrated"]
        assert upgraded.check() == []


def test_a_failing_migration_leaves_the_vault_as_it_was(
    data_dir: Path, vault: Vault, newer_program: Path
):
    fill(vault, 10)
    vault.close()
    (newer_program / "9002_test_broken.py").write_text(BROKEN)
    with pytest.raises(VaultError) as raised:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert "nichts verändert" in str(raised.value)
    (newer_program / "9002_test_broken.py").unlink()
    (newer_program / "9001_test_rebuild.py").unlink()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as unchanged:
        with unchanged.engine.connect() as connection:
            assert "half_done" not in _tables(connection)
            assert "note" not in {c["name"] for c in inspect(connection).get_columns("sync_outbox")}
            assert migrate.current_revisions(connection) == migrate.head_revisions()
        assert count(unchanged) == 10


def test_the_heads_read_without_alembic_are_alembic_s(extra_revisions: Path) -> None:
    assert migrate.declared_heads() == migrate.head_revisions()
    head = migrate.head_revisions().pop()
    (extra_revisions / "9001_test_rebuild.py").write_text(REBUILD.format(head=head))
    assert migrate.declared_heads() == migrate.head_revisions() == {"9001_test_rebuild"}
    (extra_revisions / "9002_odd.py").write_text('revision = make_revision_id()\n')
    assert migrate.declared_heads() is None  # a declaration it cannot read: Alembic decides


def test_opening_a_current_vault_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder = tmp_path / "current"
    vault, _ = Vault.create(folder, admin="anna", password=PASSWORD)
    vault.close()
    opened = subprocess.run(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from kim_desktop.core.vault import Vault\n"
         f"Vault.unlock(Path({str(folder)!r}), user='anna', password={PASSWORD!r}).close()\n"
         "print('alembic' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert opened.stdout.strip() == "False"


def test_the_sync_ca_file_moves_into_the_vault(engine: Engine, tmp_path: Path) -> None:
    """0008: the content of the CA file the state named is kept in the vault; the path goes."""
    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    (tmp_path / "kim-ca.pem").write_text(pem, encoding="ascii")
    with engine.begin() as connection:
        migrate.upgrade(connection, "0007_report_refusals")
        connection.execute(
            text(
                "INSERT INTO sync_state (id, server_url, ca_file, office_id, office_name, "
                "municipality, device_id, device_name, device_token, key_check_pending, "
                "pull_cursor, next_seq, online) VALUES (1, 'https://kim.test', :ca, 'o', '', "
                "'', 'd', 'Gerät', 't', 0, 0, 1, 0)"
            ),
            {"ca": str(tmp_path / "kim-ca.pem")},
        )
        migrate.upgrade(connection, "0008_sync_trust")
        row = connection.execute(text("SELECT * FROM sync_state")).mappings().one()
    assert row["ca_pem"] == pem and row["pin_sha256"] is None
    assert "ca_file" not in row


def test_the_office_key_moves_out_of_sync_state_sealed_under_the_data_key(
    engine: Engine,
) -> None:
    """0012: the office key, plain in sync_state before, becomes a stored secret sealed under
    a subkey of the data key; the column goes."""
    office_key = secrets.token_bytes(32)
    data_key = bytearray(secrets.token_bytes(32))
    with engine.begin() as connection:
        migrate.upgrade(connection, "0011_form_drafts")
        connection.execute(
            text(
                "INSERT INTO sync_state (id, server_url, office_id, office_name, municipality, "
                "device_id, device_name, device_token, office_key, key_check_pending, "
                "pull_cursor, next_seq, online) VALUES (1, 'https://kim.test', 'o', '', '', "
                "'d', 'Gerät 1', 't', :key, 0, 0, 1, 0)"
            ),
            {"key": office_key},
        )
        # Without the vault's box nothing can be sealed.
        with pytest.raises(VaultLocked), connection.begin_nested():
            migrate.upgrade(connection, "0012_vault_secrets")
        migrate.upgrade(connection, "0012_vault_secrets", secrets=SecretBox(data_key))
        row = connection.execute(text("SELECT * FROM sync_state")).mappings().one()
        name, sealed = connection.execute(text("SELECT name, sealed FROM vault_secret")).one()
    assert "office_key" not in row and name == "office_key"
    assert office_key not in sealed
    assert SecretBox(data_key).open(name, sealed) == office_key
    with pytest.raises(VaultCorrupt):
        SecretBox(bytearray(secrets.token_bytes(32))).open(name, sealed)


def test_names_in_cyrillic_and_arabic_letters_get_their_search_keys(engine: Engine) -> None:
    """0017: a name in Cyrillic or Arabic letters had an empty key and was never found; its
    keys are computed again, a Latin name's stay."""
    from sqlalchemy.orm import Session

    from kim_desktop.core.models import Client

    with engine.begin() as connection:
        migrate.upgrade(connection, "0016_sync_epoch")
        with Session(connection, info={"user": "anna"}) as session:
            for first, last, keys in (("Олена", "Кравчук", ("  ", "  ")),
                                      ("كريم", "حداد", ("  ", "  ")),
                                      ("Anna", "Kaya", (" anna kaya ", " an k "))):
                session.add(Client(first_name=first, last_name=last, birth_name="",
                                   municipality_code="hille", search_key=keys[0],
                                   phonetic_key=keys[1]))
            session.flush()
        migrate.upgrade(connection)
        keys = dict(connection.execute(text(
            "SELECT last_name, search_key FROM client")).all())
    assert keys == {"Кравчук": " olena kravchuk ", "حداد": " كريم حداد ", "Kaya": " anna kaya "}
