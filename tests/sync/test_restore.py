"""A device restored from a backup: it must never lose or double what the server acknowledged,
and an edit made after the restore must reach the other devices (issue 14, failure 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from kim_desktop.core.models import StructuralGap
from kim_desktop.core.vault import Vault
from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.enroll import enroll
from kim_desktop.sync.status import rejected_changes, sync_status
from tests.sync.conftest import FAST_RETRY, Office
from tests.sync.helpers import Sessions, server_counts, settled

PASSWORD = "Sync-Test-Passwort-2026!"


def _gap(description: str) -> StructuralGap:
    return StructuralGap(category_code="housing", field_of_action_code="housing",
                         municipality_code="minden", description=description,
                         observed_on=dt.date(2026, 1, 2))


def _edit(vault: Vault, record_id: str, **values: object) -> None:
    with vault.session() as session:
        gap = session.get(StructuralGap, record_id)
        assert gap is not None
        for name, value in values.items():
            setattr(gap, name, value)
        session.commit()


def _add(vault: Vault, description: str) -> str:
    with vault.session() as session:
        gap = _gap(description)
        session.add(gap)
        session.commit()
        return gap.id


def _vault_device(office: Office, data_dir: Path) -> Vault:
    """A real vault enrolled into the office, as the first device (it creates the office key)."""
    vault, _recovery = Vault.create(data_dir, admin="anna", password=PASSWORD)
    with vault.session() as session:
        enrolled = enroll(session, server_url=office.server.url,
                          code=office.admin.code(office.office_id), device_name="a")
    office.recovery_key = enrolled.office_recovery_key
    return vault


def _descriptions(sessions: Sessions) -> dict[str, tuple[str, str]]:
    with sessions() as session:
        return {gap.id: (gap.description, gap.category_code)
                for gap in session.scalars(select(StructuralGap))}


def test_an_edit_after_restoring_a_backup_reaches_the_office(office: Office,
                                                             tmp_path: Path) -> None:
    data_dir, backup = tmp_path / "a", tmp_path / "backup.tar"
    vault = _vault_device(office, data_dir)
    other_sessions, other = office.device("b")
    first = _add(vault, "eins")
    assert SyncClient(vault.session, retry=FAST_RETRY).run().pushed == 1
    vault.backup(backup)

    # Acknowledged after the backup: the restored vault no longer has these.
    _edit(vault, first, description="zwei")
    second = _add(vault, "nach der Sicherung")
    assert SyncClient(vault.session, retry=FAST_RETRY).run().pushed == 2
    vault.close()

    Vault.restore(data_dir, source=backup)
    vault = Vault.unlock(data_dir, user="anna", password=PASSWORD)
    try:
        # The first edit after the restore takes the sequence number the lost edit of the same
        # record had, the second that of another record.
        _edit(vault, first, category_code="education")
        third = _add(vault, "nach der Rückspielung")
        client = SyncClient(vault.session, retry=FAST_RETRY)
        client.run()
        client.run()
        other.run()

        expected = {first: ("zwei", "education"), second: ("nach der Sicherung", "housing"),
                    third: ("nach der Rückspielung", "housing")}
        assert _descriptions(other_sessions) == expected
        assert _descriptions(vault.session) == expected
        with vault.session() as session:
            status = sync_status(session)
            assert (status.pending, status.rejected, status.conflicts) == (0, 0, 0)
            assert rejected_changes(session) == []
        assert settled(vault.session)
        # Every applied operation made exactly one version: none doubled, none lost.
        records, versions, ops = server_counts(office.admin, office.office_id)
        assert (records, versions) == (3, ops)
    finally:
        vault.close()
