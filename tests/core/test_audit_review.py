"""The office-wide audit log: only for the office admin, filtered, exported safely."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.models import AuditEvent
from kim_desktop.core.services import add_household_member, record_view
from kim_desktop.core.services._base import with_id
from kim_desktop.core.services.audit_review import (
    AuditFilter,
    audit_csv,
    audit_events,
    audit_pdf,
    export_audit,
)
from tests.core.conftest import TODAY, assert_refused, new_client


@pytest.fixture
def admin(session: Session) -> Session:
    session.info["role"] = "office_admin"
    return session


def test_a_case_manager_is_refused(session: Session) -> None:
    assert_refused(session, "admin_only", audit_events, flt=AuditFilter())


def test_filters_by_person_with_their_records_user_action_and_period(admin: Session) -> None:
    one = new_client(admin)
    other = new_client(admin)
    member = add_household_member(admin, client_id=one, relation="child", first_name="Elif")
    admin.info["user"] = "ben"
    record_view(admin, client_id=one)
    old = AuditEvent(at=utcnow() - dt.timedelta(days=40), user="ben", action="view",
                     record_kind="client", record_id=other)
    with_id(old)
    admin.add(old)
    admin.commit()
    about_one = audit_events(admin, AuditFilter(client_id=one))
    assert {e.record_id for e in about_one} == {one, member.ids[0]}
    assert all(e.record_id != other for e in about_one)
    assert {e.user for e in audit_events(admin, AuditFilter(user="ben"))} == {"ben"}
    views = audit_events(admin, AuditFilter(action="view"))
    assert [e.record_id for e in views] == [one, other]
    recent = audit_events(admin, AuditFilter(since=TODAY - dt.timedelta(days=7), until=TODAY))
    assert old.id not in {e.id for e in recent} and recent
    assert audit_events(admin, AuditFilter(until=TODAY - dt.timedelta(days=30))) == [old]


def test_exports_are_formula_and_markup_safe(admin: Session) -> None:
    event = AuditEvent(at=utcnow(), user="=HYPERLINK(\"x\")", action="export",
                       record_kind="client", record_id="id-1", detail="<img src='/etc/passwd'/>")
    with_id(event)
    text = audit_csv([event]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text
    pdf = audit_pdf([event], AuditFilter(), by="<b>x</b>")
    shown = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                           check=True).stdout.decode()
    assert "<img src='/etc/passwd'/>" in shown and "<b>x</b>" in shown
    assert "exportiert" in shown and "Person" in shown


def test_names_the_person_of_every_record_and_finds_them_by_the_start_of_their_id(
    admin: Session,
) -> None:
    from kim_desktop.core.services import add_goal
    from kim_desktop.core.services.audit_review import person_of_file_number, record_owners
    from tests.core.conftest import new_case

    one = new_client(admin)
    member = add_household_member(admin, client_id=one, relation="child", first_name="Elif")
    case = new_case(admin, one)
    goal = add_goal(admin, case_id=case, field_of_action_code="work", description="Arbeit",
                    agreed_on=TODAY)
    gap = AuditEvent(at=utcnow(), user="anna", action="create", record_kind="structural_gap",
                     record_id="gap-1")
    with_id(gap)
    admin.add(gap)
    admin.commit()
    events = audit_events(admin, AuditFilter())
    owners = record_owners(admin, events)
    assert {owners[i] for i in (one, member.ids[0], case, goal.ids[0])} == {one}
    assert "gap-1" not in owners
    assert person_of_file_number(admin, f"Akte {one[:6].upper()}") == one
    assert person_of_file_number(admin, one.replace("-", "")[:11]) == one
    assert [e.record_id for e in audit_events(admin, AuditFilter(client_id=one[:8]))] != []
    assert_refused(admin, "file_number_short", audit_events, flt=AuditFilter(client_id="ab"))
    assert_refused(admin, "not_found", audit_events, flt=AuditFilter(client_id="%%%%%%%%"))


def _many_events(session: Session, count: int, client_id: str) -> None:
    """``count`` listings of one person over the past days, in one bulk insert."""
    start = utcnow() - dt.timedelta(days=3)
    session.execute(insert(AuditEvent), [
        {"id": str(uuid.uuid4()), "at": start + dt.timedelta(seconds=n), "user": "anna",
         "action": "list", "record_kind": "client", "record_id": client_id,
         "detail": "cli clients", "created_at": start, "updated_at": start}
        for n in range(count)])
    session.commit()


def test_the_export_takes_every_event_of_the_filter(admin: Session, tmp_path: Path) -> None:
    """Reproduced on main: the export held only the newest 1000 (the display's limit), with no
    word that the selection was cut."""
    client_id = new_client(admin)
    _many_events(admin, 2_500, client_id)
    out = tmp_path / "log.csv"
    export_audit(admin, flt=AuditFilter(action="list"), format="csv", out=out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1 + 2_500 and all(line.endswith(client_id) for line in lines[1:])
    [logged] = admin.scalars(select(AuditEvent.detail).where(AuditEvent.action == "export"))
    assert logged == "csv 2500"
    reported: list[tuple[int, int]] = []
    export_audit(admin, flt=AuditFilter(action="list"), format="csv", out=out,
                 progress=lambda done, total: reported.append((done, total)))
    assert reported[-1] == (2_500, 2_500) and len(reported) > 2  # in chunks

    def cancel(done: int, total: int) -> None:
        raise KeyboardInterrupt  # as the program's cancel button stops the task

    with pytest.raises(KeyboardInterrupt):
        export_audit(admin, flt=AuditFilter(), format="csv", out=tmp_path / "c.csv",
                     progress=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_a_pdf_of_too_many_events_is_refused_with_the_count(
    admin: Session, tmp_path: Path
) -> None:
    """Reproduced on main: the PDF took the newest 1000 silently; all of a busy year took
    ~9 ms an entry and blocked the program's database for many minutes."""
    _many_events(admin, 5_001, new_client(admin))
    refused = assert_refused(admin, "audit_pdf_too_long", export_audit,
                             flt=AuditFilter(action="list"), format="pdf",
                             out=tmp_path / "log.pdf")
    assert "5001 Einträge" in str(refused) and "höchstens 5000" in str(refused)
    assert "bitte Zeitraum eingrenzen oder CSV wählen" in str(refused)
    assert list(tmp_path.iterdir()) == []
