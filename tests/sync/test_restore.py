"""A device restored from a backup: it must never lose or double what the server acknowledged,
and an edit made after the restore must reach the other devices (issue 14, failure 2). A vault
copied to a second machine is told to enroll anew, and keeps its changes."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kim_desktop.core.models import StructuralGap
from kim_desktop.core.vault import Vault
from kim_desktop.sync import messages
from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.enroll import enroll
from kim_desktop.sync.http import RevokedError
from kim_desktop.sync.rejected import reason_in_words, send_again
from kim_desktop.sync.state import load_state
from kim_desktop.sync.status import rejected_changes, sync_status
from sync_server.models import Device
from sync_server.services.devices import device_state
from tests.sync.conftest import FAST_RETRY, Office, local_engine, session_factory
from tests.sync.helpers import (
    Sessions,
    add_consultations,
    db_path,
    server_counts,
    settled,
    snapshot,
)

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
        # IT sees that the device came back from a backup.
        with office.admin.sessions() as server:
            [device] = [row for row in server.scalars(select(Device)) if row.name == "a"]
            assert device_state(device).startswith("aktiv, zurückgespielt oder umgezogen am ")
    finally:
        vault.close()


def _copy_of(sessions: Sessions, target: Path) -> Sessions:
    """The device's database file copied as it lies on disk, as into another machine's
    folder."""
    with sessions() as session:
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    shutil.copyfile(db_path(sessions), target)
    return session_factory(local_engine(target))


def test_a_copied_vault_is_told_to_enroll_anew_and_keeps_its_changes(office: Office,
                                                                     tmp_path: Path) -> None:
    rng = random.Random(14)
    original_sessions, original = office.device("a")
    other_sessions, other = office.device("b")
    first = add_consultations(original_sessions, 1, rng)
    original.run()
    copy_sessions = _copy_of(original_sessions, tmp_path / "copy.db")
    copy = SyncClient(copy_sessions, retry=FAST_RETRY)

    # The copy syncs first: to the server it looks like a restore, and its change is taken.
    [from_copy] = add_consultations(copy_sessions, 1, rng)
    assert copy.run().pushed == 1
    # The original comes back: the copy's epoch began later. The original's next number is
    # the one the copy used; it is renumbered, and the copy's change comes to it.
    [from_original] = add_consultations(original_sessions, 1, rng)
    result = original.run()
    assert (result.pushed, result.rejected) == (1, 0)
    assert {*first, from_copy, from_original} == set(snapshot(original_sessions))

    [kept] = add_consultations(copy_sessions, 1, rng)
    with pytest.raises(RevokedError) as raised:
        copy.run()
    assert str(raised.value) == messages.COPIED and not raised.value.wipe
    with copy_sessions() as session:
        status = sync_status(session)
        [aside] = rejected_changes(session)
        state = load_state(session)
        assert state is not None and state.device_token == ""
    assert (aside.record_id, aside.payload["id"]) == (kept, kept)
    assert reason_in_words(aside.reason) == messages.REJECTED_COPIED
    assert (status.revoked, status.pending, status.rejected) == (messages.COPIED, 0, 1)
    with pytest.raises(RevokedError):
        copy.run()  # refused here from now on, without a request

    other.run()
    assert set(snapshot(other_sessions)) == {*first, from_copy, from_original}
    # Enrolled anew by IT, the copy is a device of its own and sends what it kept aside.
    with copy_sessions() as session:
        enroll(session, server_url=office.server.url, code=office.admin.code(office.office_id),
               office_recovery_key=office.recovery_key, device_name="copy")
        send_again(session, rejected_id=aside.id)
    assert copy.run().pushed == 1
    other.run()
    original.run()
    assert snapshot(other_sessions) == snapshot(original_sessions) == snapshot(copy_sessions)
    assert set(snapshot(other_sessions)) == {*first, from_copy, from_original, kept}
    records, versions, ops = server_counts(office.admin, office.office_id)
    assert (records, versions) == (4, ops)
