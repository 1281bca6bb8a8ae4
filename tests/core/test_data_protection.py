"""Retention, erasure and the Art. 15 export."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS, new_id, utcnow
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.drafts import Draft, drafts_of_user, save_draft
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Attachment,
    AuditEvent,
    Case,
    Client,
    Consultation,
    FollowUp,
)
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.services import (
    add_attachment,
    add_follow_up,
    add_household_member,
    close_case,
    complete_follow_up,
    grant_consent,
    record_consultation,
    update_client,
)
from kim_desktop.core.services.audit_review import AuditFilter, export_audit
from kim_desktop.core.services.export import archive_writer, client_export, export_client
from kim_desktop.core.services.office_export import export_office
from kim_desktop.core.services.retention import (
    ErasureCandidate,
    add_years,
    due_for_erasure,
    erase_client,
    erase_if_still_due,
)
from kim_protocol.catalogs import RetentionSettings
from tests.core.conftest import TODAY, assert_refused, client_data, new_case, new_client

RETENTION = RetentionSettings(years_after_closure=3, years_without_case=1, note="")


def _age_case(session: Session, case_id: str, years: int) -> None:
    case = session.get(Case, case_id)
    assert case is not None
    case.closed_on = add_years(TODAY, -years)
    session.commit()


def test_due_for_erasure(session: Session) -> None:
    closed_long_ago = new_client(session, last_name="Alt")
    closed_recently = new_client(session, last_name="Neu")
    still_open = new_client(session, last_name="Offen")
    no_case = new_client(session, last_name="Ohne")
    for client_id in (closed_long_ago, closed_recently):
        case_id = new_case(session, client_id)
        close_case(session, case_id=case_id, closed_on=TODAY, reason_code="goals_achieved")
        if client_id == closed_long_ago:
            _age_case(session, case_id, 4)
    new_case(session, still_open)
    due = due_for_erasure(session, retention=RETENTION)
    assert [c.client_id for c in due] == [closed_long_ago]
    assert due[0].due_since == add_years(add_years(TODAY, -4), 3)
    assert (due[0].rule, due[0].archive_required) == ("after_closure", True)
    in_two_years = add_years(TODAY, 2)
    later = {c.client_id for c in due_for_erasure(session, on=in_two_years, retention=RETENTION)}
    assert later == {closed_long_ago, no_case}
    without = [c for c in due_for_erasure(session, on=in_two_years, retention=RETENTION)
               if c.client_id == no_case]
    assert (without[0].rule, without[0].archive_required) == ("without_case", False)
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


def test_erase_blanks_personal_data_and_leaves_tombstones(session: Session) -> None:
    client_id = new_client(session, first_name="Zeynep", last_name="Kartal", phone="0571 1")
    case_id = new_case(session, client_id)
    add_household_member(session, client_id=client_id, relation="child", first_name="Elif")
    record_consultation(session, client_id=client_id, held_at=utcnow(), duration_minutes=20,
                        mode_code="phone", fields_of_action=["work"], notes="Kartal kam")
    add_attachment(session, client_id=client_id, filename="pass.pdf", content=b"%PDF-1.4 x")
    archived: list[dict[str, Any]] = []
    assert_refused(session, "admin_only", erase_client, client_id=client_id, confirm=True)
    session.info["role"] = "office_admin"  # only the office admin erases
    assert_refused(session, "confirmation_required", erase_client, client_id=client_id,
                   confirm=False)
    outbox_before = len(session.scalars(select(OutboxEntry)).all())
    change = erase_client(session, client_id=client_id, confirm=True, archive=archived.append)
    assert change.action == "erased"
    assert archived[0]["client"]["last_name"] == "Kartal"
    client = session.get(Client, client_id)
    assert client is not None and client.is_erased and client.deleted_at is not None
    assert (client.first_name, client.last_name, client.phone, client.birth_date) == (
        "", "", "", None)
    for model in RECORD_KINDS.values():
        if model is AuditEvent or model.__tablename__.startswith("test_"):
            continue
        for record in session.scalars(select(model)):
            assert record.deleted_at is not None, model.__tablename__
            for value in vars(record).values():
                assert "Kartal" not in str(value) and "Elif" not in str(value)
    case = session.get(Case, case_id)
    assert case is not None and case.open_reason == ""
    # every erased record goes to the outbox, so the sync spreads the tombstones
    assert len(session.scalars(select(OutboxEntry)).all()) > outbox_before + 5
    assert_refused(session, "erased", update_client, client_id=client_id, data=client_data())
    assert_refused(session, "erased", record_consultation, client_id=client_id,
                   held_at=utcnow(), duration_minutes=5, mode_code="phone",
                   fields_of_action=["work"])
    assert_refused(session, "erased", erase_client, client_id=client_id, confirm=True)


def test_failed_archive_erases_nothing(session: Session) -> None:
    client_id = new_client(session, last_name="Bleibt")

    def broken_archive(data: dict[str, Any]) -> None:
        raise OSError("disk full")

    session.info["role"] = "office_admin"  # only the office admin erases
    with pytest.raises(OSError):
        erase_client(session, client_id=client_id, confirm=True, archive=broken_archive)
    client = session.get(Client, client_id)
    assert client is not None and client.last_name == "Bleibt" and client.deleted_at is None


def test_export_of_a_demo_client_holds_all_its_records(session: Session, tmp_path: Path) -> None:
    generate_demo_data(session, clients=40, seed=7)
    busiest = max(
        session.scalars(select(Client)),
        key=lambda c: len(session.scalars(
            select(Consultation.id).where(Consultation.client_id == c.id)).all()),
    )
    data = client_export(session, client_id=busiest.id)
    expected: dict[str, int] = {}
    for kind, model in RECORD_KINDS.items():
        column = getattr(model, "client_id", None)
        if column is not None and kind != "client":
            expected[kind] = len(session.scalars(select(model.id).where(column == busiest.id))
                                 .all())
    assert len(data["consultations"]) == expected["consultation"] > 0
    assert len(data["residence_status_periods"]) == expected["residence_status_period"]
    assert len(data["referrals"]) == expected["referral"]
    assert len(data["consents"]) == expected["consent"]
    assert len(data["household_members"]) == expected["household_member"]
    assert len(data["cases"]) == expected["case_record"]
    if data["cases"]:
        assert data["case_phase_changes"] and data["needs_assessments"]
    assert data["client"]["last_name"] == busiest.last_name

    out = export_client(session, client_id=busiest.id, format="json", out=tmp_path / "a.json")
    assert json.loads(out.read_text(encoding="utf-8"))["client"]["id"] == busiest.id
    pdf = export_client(session, client_id=busiest.id, format="pdf", out=tmp_path / "a.pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    exports = session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert sorted(e.detail for e in exports) == ["art15_json", "art15_pdf"]
    with pytest.raises(DomainError):
        export_client(session, client_id=busiest.id, format="docx", out=tmp_path / "a.docx")


def test_plaintext_exports_are_private_whatever_the_umask(
    session: Session, tmp_path: Path
) -> None:
    """Reproduced on main: under umask 022 the Art. 15 export, the archive copy, the
    Datenbank-KIM export and the audit export came out -rw-r--r--, readable by every account
    of the machine."""
    session.info["role"] = "office_admin"
    client_id = new_client(session, last_name="Privat")
    new_case(session, client_id)
    stale = tmp_path / "auskunft.json"
    stale.write_bytes(b"old")
    stale.chmod(0o644)  # an earlier file of the same name keeps no wider mode
    previous = os.umask(0o022)
    try:
        export_client(session, client_id=client_id, format="json", out=stale)
        export_client(session, client_id=client_id, format="pdf", out=tmp_path / "a.pdf")
        export_audit(session, flt=AuditFilter(), format="csv", out=tmp_path / "log.csv")
        export_office(session, since=TODAY, until=TODAY, format="csv", out=tmp_path,
                      with_names=True)
        export_office(session, since=TODAY, until=TODAY, format="json", out=tmp_path)
        erase_client(session, client_id=client_id, confirm=True,
                     archive=archive_writer(tmp_path / "archiv.json"))
    finally:
        os.umask(previous)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["a.pdf", "archiv.json", "auskunft.json", "datenbank-kim.csv",
                       "datenbank-kim.json", "datenbank-kim.schema.json", "log.csv"]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {
        name: 0o600 for name in written}
    assert b"Privat" in (tmp_path / "archiv.json").read_bytes()


def test_the_archive_copy_is_logged_as_an_export_before_the_erasure(session: Session) -> None:
    """Reproduced on main: the log said only "erase", nothing of the full plaintext copy
    written just before."""
    session.info["role"] = "office_admin"
    archived, plain = new_client(session, last_name="Archiv"), new_client(session)
    erase_client(session, client_id=archived, confirm=True, archive=lambda data: None)
    erase_client(session, client_id=plain, confirm=True)

    def logged(client_id: str) -> list[tuple[str, str]]:
        return [(e.action, e.detail) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.record_id == client_id,
                                     AuditEvent.action.in_(["export", "erase"]))
            .order_by(AuditEvent.at))]

    assert [action for action, _ in logged(archived)] == ["export", "erase"]
    assert logged(archived)[0][1] == "Archivkopie"
    assert [action for action, _ in logged(plain)] == ["erase"]


def test_the_run_erases_only_who_is_still_due_under_the_rule_it_listed(session: Session) -> None:
    session.info["role"] = "office_admin"
    back, gone = new_client(session, last_name="Wieder"), new_client(session, last_name="Fort")
    for client_id in (back, gone):
        case_id = new_case(session, client_id)
        close_case(session, case_id=case_id, closed_on=TODAY, reason_code="goals_achieved")
        _age_case(session, case_id, 4)
    listed = {c.client_id: c for c in due_for_erasure(session)}
    new_case(session, back)  # meanwhile the person came back
    archived: list[str] = []
    assert erase_if_still_due(session, candidate=listed[back],
                              archive=lambda data: archived.append(data["client"]["id"])) is None
    erased = erase_if_still_due(session, candidate=listed[gone],
                                archive=lambda data: archived.append(data["client"]["id"]))
    assert erased is not None and erased.ids == (gone,) and archived == [gone]
    kept = session.get(Client, back)
    assert kept is not None and kept.last_name == "Wieder" and kept.erased_at is None
    assert not session.scalars(select(AuditEvent).where(AuditEvent.record_id == back,
                                                        AuditEvent.action == "erase")).all()


def _recorded_long_ago(session: Session, *records: Any) -> None:
    """Moves the records' creation and last edit 430 days back (stamps: no new version)."""
    past = utcnow() - dt.timedelta(days=430)
    for record in records:
        record.created_at = record.updated_at = past
    session.commit()


def test_every_record_of_a_person_without_a_case_counts_as_activity(session: Session) -> None:
    """Reproduced on main: recorded 14 months ago, a consent signed today and a follow-up
    next week, yet due for erasure: only creation and consultations counted."""
    def aged(last_name: str) -> str:
        client_id = new_client(session, last_name=last_name)
        _recorded_long_ago(session, session.get(Client, client_id))
        return client_id

    idle, consent, household, attachment, edited = (
        aged(name) for name in ("Ruhig", "Zustimmung", "Haushalt", "Anhang", "Geändert"))
    grant_consent(session, client_id=consent, kind="data_processing", granted_on=TODAY,
                  purpose="Beratung")
    add_household_member(session, client_id=household, relation="child", first_name="Kind")
    add_attachment(session, client_id=attachment, filename="a.pdf", content=b"%PDF-1.4 x")
    update_client(session, client_id=edited, data=client_data(last_name="Geändert", phone="1"))
    # a follow-up set long ago for next week: the person is still being looked after
    awaited = aged("Wartend")
    follow_up = session.get(FollowUp, add_follow_up(
        session, client_id=awaited, due_on=TODAY + dt.timedelta(days=7), text="Rückruf").ids[0])
    _recorded_long_ago(session, follow_up)
    done = aged("Erledigt")
    old = session.get(FollowUp, add_follow_up(
        session, client_id=done, due_on=TODAY + dt.timedelta(days=7), text="Rückruf").ids[0])
    complete_follow_up(session, follow_up_id=old.id, done_on=TODAY)
    _recorded_long_ago(session, old)
    due = {c.client_id for c in due_for_erasure(session, retention=RETENTION)}
    assert due == {idle, done}
    # after a closed case too: not while a follow-up lies ahead
    case_id = new_case(session, awaited)
    close_case(session, case_id=case_id, closed_on=TODAY, reason_code="goals_achieved")
    _age_case(session, case_id, 4)
    assert awaited not in {c.client_id for c in due_for_erasure(session, retention=RETENTION)}


def test_no_archive_copy_and_no_erasure_while_a_file_has_not_arrived(session: Session) -> None:
    """Reproduced on main: the archive copy held "content": null for a file the sync had not
    fetched yet, and the erasure went ahead, its tombstone removing the file everywhere."""
    session.info["role"] = "office_admin"
    client_id = new_client(session, last_name="Blob")
    add_attachment(session, client_id=client_id, filename="Zeugnis.pdf", content=b"%PDF-1.4 x")
    pulled = session.get(Attachment, add_attachment(
        session, client_id=client_id, filename="Pass.pdf", content=b"%PDF-1.4 y").ids[0])
    assert pulled is not None
    session.execute(update(Attachment).where(Attachment.id == pulled.id).values(content=None))
    _recorded_long_ago(session, session.get(Client, client_id),
                       *session.scalars(select(Attachment)))
    archived: list[dict[str, Any]] = []
    refused = assert_refused(session, "archive_incomplete", erase_client, client_id=client_id,
                             confirm=True, archive=archived.append)
    assert "„Pass.pdf“" in str(refused) and "Zeugnis" not in str(refused)
    assert "erst abgleichen" in str(refused)
    with pytest.raises(DomainError, match=r"Pass\.pdf"):
        erase_if_still_due(session, candidate=ErasureCandidate(
            client_id, "", None, TODAY, "without_case"), archive=archived.append)
    assert archived == []
    kept = session.get(Client, client_id)
    assert kept is not None and kept.erased_at is None


def _disk_full_at(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    """From the ``call``-th file opened for writing on, half the bytes land, then the disk
    is full."""
    opened = [0]
    fdopen = os.fdopen

    class Full:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def fileno(self) -> int:
            return int(self.handle.fileno())

        def write(self, content: bytes) -> int:
            self.handle.write(content[:len(content) // 2])
            raise OSError(28, "No space left on device")

    def failing(descriptor: int, *args: Any, **kwargs: Any) -> Any:
        opened[0] += 1
        handle = fdopen(descriptor, *args, **kwargs)
        return Full(handle) if opened[0] >= call else handle

    monkeypatch.setattr(os, "fdopen", failing)


def _exports_logged(session: Session) -> int:
    return len(session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all())


def test_a_failed_export_leaves_no_file_and_no_log(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproduced on main: when the Datenbank-KIM export's second file could not be written,
    the names file stayed on disk, its audit event rolled back; a partly written Art. 15 or
    audit file stayed too."""
    session.info["role"] = "office_admin"
    client_id = new_client(session, last_name="Teilweise")
    new_case(session, client_id)
    (tmp_path / "datenbank-kim.schema.json").mkdir()  # cannot be written
    with pytest.raises(OSError):
        export_office(session, since=TODAY, until=TODAY, format="csv", out=tmp_path,
                      with_names=True)
    (tmp_path / "datenbank-kim.schema.json").rmdir()
    with monkeypatch.context() as patch:
        _disk_full_at(patch, 2)
        with pytest.raises(OSError):
            export_office(session, since=TODAY, until=TODAY, format="csv", out=tmp_path,
                          with_names=True)
    with monkeypatch.context() as patch:
        _disk_full_at(patch, 1)
        with pytest.raises(OSError):
            export_client(session, client_id=client_id, format="pdf", out=tmp_path / "a.pdf")
        with pytest.raises(OSError):
            export_audit(session, flt=AuditFilter(), format="csv", out=tmp_path / "log.csv")
    assert list(tmp_path.iterdir()) == [] and _exports_logged(session) == 0
    export_office(session, since=TODAY, until=TODAY, format="csv", out=tmp_path,
                  with_names=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "datenbank-kim.csv", "datenbank-kim.schema.json"]
    assert _exports_logged(session) == 2  # the person's and the office's
def _drafts_about(session: Session, client_id: str, consultation_id: str) -> None:
    """Drafts typed about the person by two users: a follow-up in their file, a correction of
    their consultation and a new consultation for them."""
    user = session.info["user"]
    for author in ("anna", "ben"):
        session.info["user"] = author
        for form, subject in (("follow_up", {"client_id": client_id, "record_id": ""}),
                              ("consultation", {"consultation_id": consultation_id}),
                              ("consultation", {"client_id": client_id})):
            save_draft(session, draft_id=new_id(), form=form, subject=subject,
                       values=["GEHEIM Schulden bei Inkasso"])
    session.info["user"] = user


def test_erasing_a_person_deletes_every_draft_about_them(session: Session) -> None:
    """Reproduced on main: a follow-up typed for a person and kept over the lock stayed in
    the vault after the person's erasure, and every unlock opened an empty file for it."""
    erased, kept = new_client(session, last_name="Radan"), new_client(session)
    consultations = [record_consultation(
        session, client_id=client_id, held_at=utcnow(), duration_minutes=20,
        mode_code="phone", fields_of_action=["work"]).ids[0] for client_id in (erased, kept)]
    _drafts_about(session, erased, consultations[0])
    _drafts_about(session, kept, consultations[1])
    session.info["role"] = "office_admin"  # only the office admin erases
    erase_client(session, client_id=erased, confirm=True)
    left = session.scalars(select(Draft)).all()
    assert len(left) == 6  # the other person's, of both users
    assert {d.subject.get("client_id") or d.subject.get("consultation_id") for d in left} == {
        kept, consultations[1]}
    assert [d.subject for d in drafts_of_user(session)] == [
        {"client_id": kept, "record_id": ""}, {"consultation_id": consultations[1]},
        {"client_id": kept}]


def test_a_draft_whose_person_is_gone_is_dropped_not_reopened(session: Session) -> None:
    client_id = new_client(session)
    consultation_id = record_consultation(
        session, client_id=client_id, held_at=utcnow(), duration_minutes=20,
        mode_code="phone", fields_of_action=["work"]).ids[0]
    _drafts_about(session, client_id, consultation_id)
    save_draft(session, draft_id=new_id(), form="gap", subject={"record_id": ""}, values=[])
    client = session.get(Client, client_id)
    assert client is not None
    client.deleted_at = utcnow()  # as a person's tombstone arrives
    session.commit()
    assert [d.form for d in drafts_of_user(session)] == ["gap"]
    assert {d.form for d in session.scalars(select(Draft))} == {"gap", "follow_up",
                                                                "consultation"}  # ben's
