"""The office's case data for a period, for the Land's "Datenbank KIM" (docs/datenbank-kim.md):
one row per case open in the period, its columns as ``resources/datenbank_kim/columns.json``
names them, as CSV with a schema file or as JSON. Pseudonymised by default: persons and cases
by an HMAC with a key of this export alone (with the office's report secret when the office
asks for pseudonyms it can link across exports), no name, no birth date, no day, and at least
:data:`K` persons behind every combination of what an outsider may know of a person and
their cases (:data:`QUASI_IDENTIFIERS`, :data:`CASE_QUASI_IDENTIFIERS`). With names it is a
deliberate exception to "no plaintext outside the vault" (the caller warns); either way the
audit log records who exported what. Only the office admin exports."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    AuditEvent,
    Case,
    CasePhaseChange,
    Client,
    Consultation,
    NeedsAssessment,
    Referral,
)
from kim_desktop.core.report_pseudonyms import ReportSecret
from kim_desktop.core.services._base import (
    audit,
    current_user,
    period,
    require_admin,
    with_id,
    write,
)
from kim_desktop.core.storage import staged_private_files
from kim_protocol.export_text import spreadsheet_text
from kim_protocol.report_codes import UNKNOWN, age_band
from kim_protocol.resources import RESOURCES_DIR

COLUMNS_FILE = RESOURCES_DIR / "datenbank_kim" / "columns.json"
FORMATS = ("csv", "json")
#: The kind and id the export is logged under.
LOG_KIND = "office_export"
LOG_ID = "office"
SCHEMA_VERSION = "datenbank-kim/2"
#: The fewest persons a pseudonymised export's row may share its quasi-identifiers with.
K = 5
#: The quasi-identifiers of a person and of a case: what someone who knows the person (a
#: referring agency, a colleague, a register) may know of them too (:func:`_k_anonymous`).
QUASI_IDENTIFIERS = ("client.nationalities", "client.age_band", "client.gender",
                     "client.municipality_code")
CASE_QUASI_IDENTIFIERS = ("case.opened_in", "case.closed_in", "case.phase",
                          "case.target_group_criteria", "needs.fields_of_action")
#: The nationality of too few persons in the export.
OTHER = "sonstige"
#: How the export event of each exported person begins, and what it says of one with names.
PERSON_DETAIL = "Datenbank KIM"
NAMED = "mit Namen"


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    source: str
    description: str
    personal: bool = False


def columns(*, with_names: bool, path: Path = COLUMNS_FILE) -> list[Column]:
    """The columns of the export; those marked personal only ``with_names``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    every = [Column(c["name"], c["type"], c["source"], c["description"],
                    bool(c.get("personal", False))) for c in data["columns"]]
    return [c for c in every if with_names or not c.personal]


def _secret(session: Session) -> bytes:
    """The office's report secret (the smallest id wins, as for the report facts), made
    now if the office has none yet."""
    stored = session.scalars(
        select(ReportSecret).where(ReportSecret.deleted_at.is_(None), ReportSecret.secret != "")
        .order_by(ReportSecret.id)).first()
    if stored is None:
        stored = ReportSecret(secret=secrets.token_hex(32))
        with_id(stored)
        session.add(stored)
    return bytes.fromhex(stored.secret)


def _pseudonym(secret: bytes, kind: str, record_id: str) -> str:
    return hmac.new(secret, f"datenbank-kim:{kind}:{record_id}".encode(),
                    hashlib.sha256).hexdigest()[:20]


def _codes(values: list[str] | None) -> str:
    return "|".join(values or [])


def _cases_open(session: Session, *, since: dt.date, until: dt.date) -> list[Any]:
    """The cases open at some time from ``since`` to ``until``, each with its person."""
    return list(session.execute(
        select(Case, Client).join(Client, Client.id == Case.client_id)
        .where(Case.deleted_at.is_(None), Client.deleted_at.is_(None),
               Case.opened_on <= until, or_(Case.closed_on.is_(None), Case.closed_on >= since))
        .order_by(Case.opened_on, Case.id)).all())


def person_detail(*, format: str, with_names: bool, since: dt.date, until: dt.date) -> str:
    """The detail of the export event logged for each exported person (no personal data)."""
    how = NAMED if with_names else "pseudonymisiert"
    return f"{PERSON_DETAIL} {format} {how} {since.isoformat()}..{until.isoformat()}"


def named_export(detail: str) -> bool:
    """Whether an export event's ``detail`` (of :func:`person_detail`) tells that the person's
    name went to the Datenbank KIM."""
    return detail.startswith(f"{PERSON_DETAIL} ") and f" {NAMED} " in detail


def _month(day: dt.date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else ""


def _quarter(month: str) -> str:
    """"2026-02" as "2026-Q1"; a quarter, a year or nothing as it is."""
    if len(month) != 7:
        return month
    return f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"


def _year(period: str) -> str:
    return period[:4] if period[:4].isdigit() else period


def _unknown(value: str) -> str:
    return UNKNOWN


def _other(value: str) -> str:
    return OTHER


#: How :func:`_k_anonymous` gives the quasi-identifiers up, step by step: each step coarsens
#: these keys by its function, for the persons still in too small a group.
_COARSENING: tuple[tuple[tuple[str, ...], Callable[[str], str]], ...] = (
    (("case.opened_in", "case.closed_in"), _quarter),
    (("case.opened_in", "case.closed_in"), _year),
    (("needs.fields_of_action",), _unknown),
    (("case.target_group_criteria",), _unknown),
    (("case.phase",), _unknown),
    (("client.nationalities",), _other),
    (("case.closed_in",), _unknown),
    (("case.opened_in",), _unknown),
    (("client.age_band",), _unknown),
    (("client.gender",), _unknown),
    (("client.municipality_code",), _unknown),
)


def _signature(person: dict[str, Any], cases: list[dict[str, Any]]) -> tuple[Any, ...]:
    """What an outsider may know of a person: their quasi-identifiers and those of all their
    cases (the person's pseudonym joins the rows)."""
    return (tuple(person[key] for key in QUASI_IDENTIFIERS),
            tuple(sorted(tuple(case[key] for key in CASE_QUASI_IDENTIFIERS) for case in cases)))


def _k_anonymous(people: dict[str, dict[str, Any]],
                 cases: dict[str, list[dict[str, Any]]]) -> None:
    """Coarsens the quasi-identifiers of each person (``people``, by person) and of their
    cases (``cases``, by person), in place, until every person shares all of them with at
    least :data:`K - 1` others: nationalities fewer than K persons have become :data:`OTHER`;
    then, for the persons still in a smaller group, the steps of :data:`_COARSENING` in
    turn (months to quarters to years, then needs, target group, phase, nationalities, the
    months, the age band, the gender and the municipality given up)."""
    counts = Counter(code for person in people.values()
                     for code in person["client.nationalities"].split("|"))
    for person in people.values():
        person["client.nationalities"] = "|".join(dict.fromkeys(
            code if counts[code] >= K else OTHER
            for code in person["client.nationalities"].split("|")))
    for keys, coarser in _COARSENING:
        groups = Counter(_signature(people[p], cases[p]) for p in people)
        for person_id, person in people.items():
            if groups[_signature(person, cases[person_id])] >= K:
                continue
            for key in keys:
                for record in [person] if key in QUASI_IDENTIFIERS else cases[person_id]:
                    record[key] = coarser(str(record[key])) if record[key] else record[key]


def office_rows(session: Session, *, since: dt.date, until: dt.date, with_names: bool,
                linkable: bool = False) -> list[dict[str, Any]]:
    """The rows of the cases open at some time from ``since`` to ``until``. Pseudonymised,
    by a key of this export alone unless ``linkable`` (the office's report secret: the same
    pseudonyms in every linkable export), with the quasi-identifiers coarsened
    (:func:`_k_anonymous`)."""
    period(since, until, earlier_field="audit.since", later_field="audit.until")
    secret = _secret(session) if linkable else secrets.token_bytes(32)
    cases = _cases_open(session, since=since, until=until)
    start = dt.datetime.combine(since, dt.time()).astimezone()
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time()).astimezone()
    consultations = {case_id: (count, minutes or 0) for case_id, count, minutes in
                     session.execute(
                         select(Consultation.case_id, func.count(),
                                func.sum(Consultation.duration_minutes))
                         .where(Consultation.deleted_at.is_(None),
                                Consultation.held_at >= start, Consultation.held_at < end)
                         .group_by(Consultation.case_id)).all()}
    referrals = dict(session.execute(
        select(Referral.case_id, func.count())
        .where(Referral.deleted_at.is_(None), Referral.planned_on >= since,
               Referral.planned_on <= until).group_by(Referral.case_id)).all())
    # each field of action as last assessed by the period's end
    levels: dict[str, dict[str, str]] = {}
    for case_id, code, level in session.execute(
            select(NeedsAssessment.case_id, NeedsAssessment.field_of_action_code,
                   NeedsAssessment.level)
            .where(NeedsAssessment.deleted_at.is_(None), NeedsAssessment.assessed_on <= until)
            .order_by(NeedsAssessment.assessed_on, NeedsAssessment.created_at)):
        levels.setdefault(case_id, {})[code] = level
    needs = {case_id: {code for code, level in by_field.items() if level != "none"}
             for case_id, by_field in levels.items()}
    # the last phase step by the period's end: the phase then, and whether it closed the case
    steps: dict[str, CasePhaseChange] = {}
    for change in session.scalars(
            select(CasePhaseChange)
            .where(CasePhaseChange.deleted_at.is_(None), CasePhaseChange.changed_on <= until,
                   CasePhaseChange.case_id.in_([case.id for case, _ in cases]))
            .order_by(CasePhaseChange.changed_on, CasePhaseChange.created_at)):
        steps[change.case_id] = change
    people: dict[str, dict[str, Any]] = {}
    for _, client in cases:
        people[client.id] = {
            "client.nationalities": _codes(client.nationalities),
            "client.age_band": age_band(client.birth_date, until),
            "client.gender": client.gender,
            "client.municipality_code": client.municipality_code or "",
        }
    by_person: dict[str, list[dict[str, Any]]] = {client.id: [] for _, client in cases}
    for case, client in cases:
        count, minutes = consultations.get(case.id, (0, 0))
        step = steps.get(case.id)
        phase = step.to_phase if step is not None else case.phase
        closed_on = step.changed_on if step is not None and step.event == "closed" else None
        if step is None and case.closed_on is not None and case.closed_on <= until:
            closed_on = case.closed_on
        reason = case.closure_reason_code if closed_on and closed_on == case.closed_on else ""
        values: dict[str, Any] = {
            "person": client.id if with_names else _pseudonym(secret, "person", client.id),
            "case": case.id if with_names else _pseudonym(secret, "case", case.id),
            "client.last_name": client.last_name,
            "client.first_name": client.first_name,
            "client.birth_date": client.birth_date.isoformat() if client.birth_date else "",
            "client.birth_year": client.birth_date.year if client.birth_date else None,
            "case.opened_on": case.opened_on.isoformat(),
            "case.opened_in": _month(case.opened_on),
            "case.closed_on": closed_on.isoformat() if closed_on else "",
            "case.closed_in": _month(closed_on),
            "case.closure_reason_code": reason or "",
            "case.phase": phase,
            "case.target_group_criteria": _codes(case.target_group_criteria),
            "needs.fields_of_action": _codes(sorted(needs.get(case.id, set()))),
            "consultations.count": count,
            "consultations.minutes": int(minutes),
            "referrals.count": referrals.get(case.id, 0),
        }
        by_person[client.id].append(values)
    if not with_names:
        _k_anonymous(people, by_person)
    shown = columns(with_names=with_names)
    rows = []
    for _, client in cases:
        values = {**by_person[client.id].pop(0), **people[client.id]}
        rows.append({c.name: values[c.source] for c in shown})
    return rows


def table_schema(cols: list[Column], *, with_names: bool,
                 linkable: bool = False) -> dict[str, Any]:
    """The schema of the CSV (Frictionless Table Schema), also the JSON's rows'."""
    kinds = {"string": "string", "integer": "integer", "date": "date", "yearmonth": "yearmonth"}
    return {
        "$id": SCHEMA_VERSION,
        "pseudonymised": not with_names,
        "linkable": not with_names and linkable,
        "k": None if with_names else K,
        "fields": [{"name": c.name, "type": kinds[c.type], "description": c.description}
                   for c in cols],
        "primaryKey": ["fall"],
        "dialect": {"delimiter": ";", "encoding": "utf-8-sig"},
    }


def export_office(session: Session, *, since: dt.date, until: dt.date, format: str, out: Path,
                  with_names: bool = False, linkable: bool = False) -> list[Path]:
    """Writes ``datenbank-kim.csv`` with ``datenbank-kim.schema.json`` (or
    ``datenbank-kim.json``) into the folder ``out`` and logs the export; the files written.
    ``linkable``: pseudonyms by the office's report secret (see :func:`office_rows`). The
    files appear only once the export is logged; on any error none of them stays."""
    require_admin(session)
    if format not in FORMATS:
        raise DomainError("invalid_value", field="export.format")
    cols = columns(with_names=with_names)
    with staged_private_files() as files:
        with write(session):
            rows = office_rows(session, since=since, until=until, with_names=with_names,
                               linkable=linkable)
            schema = table_schema(cols, with_names=with_names, linkable=linkable)
            written: list[Path] = []
            if format == "csv":
                buffer = io.StringIO()
                writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
                writer.writerow([c.name for c in cols])
                for row in rows:
                    writer.writerow([spreadsheet_text("" if row[c.name] is None
                                                      else str(row[c.name])) for c in cols])
                written.append(files.write(
                    out / "datenbank-kim.csv",
                    ("\ufeff" + buffer.getvalue()).encode("utf-8")))
                written.append(files.write(
                    out / "datenbank-kim.schema.json",
                    json.dumps(schema, ensure_ascii=False, indent=2).encode("utf-8")))
            else:
                written.append(files.write(out / "datenbank-kim.json", json.dumps(
                    {"schema": schema, "from": since.isoformat(), "to": until.isoformat(),
                     "rows": rows}, ensure_ascii=False, indent=2).encode("utf-8")))
            # once per person, as a listing is, so that each person's log (and their Art. 15
            # information) shows that their case data went out, with their name or without
            detail = person_detail(format=format, with_names=with_names, since=since,
                                   until=until)
            persons = {client.id: client for _, client in _cases_open(session, since=since,
                                                                       until=until)}
            for client in persons.values():
                audit(session, action="export", record=client, detail=detail)
            # and once for the office, with the count
            event = AuditEvent(at=utcnow(), user=current_user(session), action="export",
                               record_kind=LOG_KIND, record_id=LOG_ID,
                               detail=f"{format} {len(rows)} "
                               f"{NAMED if with_names else 'pseudonymisiert'} "
                               f"{'verknüpfbar ' if linkable and not with_names else ''}"
                               f"{since.isoformat()}..{until.isoformat()}")
            with_id(event)
            session.add(event)
        files.publish()
    return written
