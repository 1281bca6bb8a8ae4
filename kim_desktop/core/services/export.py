"""The Art. 15 GDPR export: everything the office holds about one client, as JSON or PDF.

:func:`client_export` gathers it as plain data (also used as the archive copy before an
erasure); :func:`export_client` writes a file and logs the export in the audit log.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.db import SyncedRecord, record_to_payload, utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.fields import CONTEXT, Field, Kind, fields_of
from kim_desktop.core.models import (
    Attachment,
    AuditEvent,
    Case,
    CasePhaseChange,
    Consent,
    Consultation,
    ErasureRequest,
    FollowUp,
    Goal,
    HouseholdMember,
    Measure,
    NeedsAssessment,
    PhaseEvent,
    Referral,
    ResidenceStatusPeriod,
)
from kim_desktop.core.services._base import add_years, audit, live_client, write
from kim_desktop.core.services.audit_log import action_word, kind_word
from kim_desktop.core.services.office_export import named_export
from kim_desktop.core.storage import staged_private_files, write_private_file
from kim_desktop.core.translations import LANGUAGES, translator
from kim_protocol import __version__
from kim_protocol.catalogs import Catalogs
from kim_protocol.resources import RESOURCES_DIR

EXPORT_FORMATS = ("json", "pdf")
#: The translation context of the audit log's words (:mod:`.audit_log`).
LOG_CONTEXT = "audit_log"
#: The export's groups of records and their kind (their titles: the texts' ``groups``).
GROUPS = {
    "household_members": "household_member",
    "residence_status_periods": "residence_status_period",
    "consents": "consent",
    "cases": "case_record",
    "case_phase_changes": "case_phase_change",
    "needs_assessments": "needs_assessment",
    "goals": "goal",
    "measures": "measure",
    "consultations": "consultation",
    "referrals": "referral",
    "follow_ups": "follow_up",
    "attachments": "attachment",
    "erasure_requests": "erasure_request",
}
_STAMPS = ("created_by", "updated_by", "version")


def _plain(record: SyncedRecord) -> dict[str, Any]:
    payload = record_to_payload(record)
    for key in _STAMPS:
        payload.pop(key, None)
    for key, value in payload.items():
        if isinstance(value, bytes):
            payload[key] = base64.b64encode(value).decode("ascii")
    return payload


def _of(session: Session, model: type[Any], *conditions: Any) -> list[Any]:
    return list(session.scalars(select(model).where(*conditions).order_by(model.created_at)))


def client_export(session: Session, *, client_id: str) -> dict[str, Any]:
    """Every record about the client, grouped by kind, plus who accessed them: the live
    records by group, the removed ones (tombstones, stored until the person is erased) in
    ``removed_records`` with their kind."""
    client = live_client(session, client_id)
    cases = _of(session, Case, Case.client_id == client_id)
    case_ids = [c.id for c in cases]
    goals = _of(session, Goal, Goal.case_id.in_(case_ids))
    stored: dict[str, list[SyncedRecord]] = {
        "household_members": _of(session, HouseholdMember,
                                 HouseholdMember.client_id == client_id),
        "residence_status_periods": _of(session, ResidenceStatusPeriod,
                                        ResidenceStatusPeriod.client_id == client_id),
        "consents": _of(session, Consent, Consent.client_id == client_id),
        "cases": cases,
        "case_phase_changes": _of(session, CasePhaseChange,
                                  CasePhaseChange.case_id.in_(case_ids)),
        "needs_assessments": _of(session, NeedsAssessment,
                                 NeedsAssessment.case_id.in_(case_ids)),
        "goals": goals,
        "measures": _of(session, Measure, Measure.goal_id.in_([g.id for g in goals])),
        "consultations": _of(session, Consultation, Consultation.client_id == client_id),
        "referrals": _of(session, Referral, Referral.client_id == client_id),
        "follow_ups": _of(session, FollowUp, FollowUp.client_id == client_id),
        "attachments": _of(session, Attachment, Attachment.client_id == client_id),
        "erasure_requests": _of(session, ErasureRequest, ErasureRequest.client_id == client_id),
    }
    record_ids = [client_id] + [r.id for records in stored.values() for r in records]
    accesses = session.scalars(
        select(AuditEvent).where(AuditEvent.record_id.in_(record_ids)).order_by(AuditEvent.at)
    )
    data: dict[str, Any] = {
        "format": "kim-desktop/art15-export",
        "format_version": 2,
        "program_version": __version__,
        "created_at": utcnow().isoformat(),
        "client": _plain(client),
    }
    data.update({name: [_plain(r) for r in records if r.deleted_at is None]
                 for name, records in stored.items()})
    data["removed_records"] = [{"kind": GROUPS[name], **_plain(r)}
                               for name, records in stored.items()
                               for r in records if r.deleted_at is not None]
    data["access_log"] = [
        {"at": e.at.isoformat(), "user": e.user, "action": e.action, "kind": e.record_kind,
         "record_id": e.record_id, "detail": e.detail}
        for e in accesses
    ]
    return data


def export_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")


def archive_writer(path: Path) -> Callable[[dict[str, Any]], None]:
    """The ``archive`` of an erasure that writes the person's export as JSON to ``path``
    (mode 0600, as every plaintext export)."""
    def write_archive(data: dict[str, Any]) -> None:
        write_private_file(path, export_json(data))

    return write_archive


@cache
def information_texts(language: str = "de") -> dict[str, Any]:
    """The fixed texts of the Art. 15 information in ``language`` ("de" or "en";
    ``resources/art15_information.json``)."""
    data: dict[str, Any] = json.loads(
        (RESOURCES_DIR / "art15_information.json").read_text(encoding="utf-8"))
    texts: dict[str, Any] = data[language if language in LANGUAGES else "de"]
    return texts


@dataclass(frozen=True)
class Words:
    """How the information writes in one language: its fixed texts, the program's
    translations (field labels, choices, the audit log's words) and the catalogs."""

    texts: dict[str, Any]
    translate: Callable[[str, str], str]
    catalogs: Catalogs
    english: bool

    @classmethod
    def of(cls, catalogs: Catalogs, language: str) -> Words:
        return cls(information_texts(language), translator(language), catalogs,
                   language == "en")

    def day(self, value: dt.date) -> str:
        return value.strftime(self.texts["date_format"])

    def moment(self, value: dt.datetime) -> str:
        return value.astimezone().strftime(self.texts["moment_format"])

    def label(self, spec: Field) -> str:
        return self.translate(CONTEXT, spec.label)

    def entry(self, catalog: str, code: str) -> str:
        """A catalog entry's name: its English label where the catalog has one. An agency
        only another computer's office catalog knows (``partner_agencies.local.json`` is not
        synced) is said to be one, with its code."""
        entry = self.catalogs[catalog].get(code)
        if entry is None:
            if catalog == "partner_agencies":
                return str(self.texts["unknown_agency"]).format(code=code)
            return code
        return entry.label_en if self.english and entry.label_en else entry.label

    def audit(self, kind: str, action: str) -> str:
        return (f"{self.translate(LOG_CONTEXT, kind_word(kind))} "
                f"{self.translate(LOG_CONTEXT, action_word(action))}")

    def years(self, count: int) -> str:
        return str(self.texts["years"]["one" if count == 1 else "other"]).format(n=count)


@cache
def pdf_fonts() -> tuple[str, str]:
    """DejaVu Sans (``resources/fonts``), registered once: the PDF's standard fonts have no
    ć, ş or ğ, and names must print as they are written."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = RESOURCES_DIR / "fonts"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans")
    addMapping("DejaVuSans", 1, 1, "DejaVuSans-Bold")
    return "DejaVuSans", "DejaVuSans-Bold"


def _recipients(words: Words, data: dict[str, Any]) -> list[str]:
    """The agencies the person released from confidentiality or was referred to."""
    codes = [c["recipient_agency_code"] for c in data.get("consents") or []
             if c.get("recipient_agency_code")]
    codes += [r["agency_code"] for r in data.get("referrals") or [] if r.get("agency_code")]
    return [words.entry("partner_agencies", code) for code in dict.fromkeys(codes)]


def _named_exports(words: Words, data: dict[str, Any]) -> list[str]:
    """The days the person's case data went to the Land's Datenbank KIM with their name."""
    days = [words.day(dt.datetime.fromisoformat(e["at"]).astimezone().date())
            for e in data.get("access_log") or []
            if e["action"] == "export" and named_export(e.get("detail") or "")]
    return list(dict.fromkeys(days))


def _storage(words: Words, data: dict[str, Any]) -> list[str]:
    """The retention rules, and when they erase this person's data if no case is open."""
    texts = words.texts
    rules = words.catalogs.retention
    lines = [texts["storage_after_closure"].format(years=words.years(rules.years_after_closure)),
             texts["storage_without_case"].format(years=words.years(rules.years_without_case))]
    cases = data.get("cases") or []
    closed = [c["closed_on"] for c in cases if c.get("closed_on")]
    if len(closed) < len(cases):
        lines.append(texts["storage_open"])
    elif closed:
        last = dt.date.fromisoformat(max(closed))
        due = add_years(last, rules.years_after_closure)
        lines.append(texts["storage_due"].format(day=words.day(due)))
    return lines


def export_pdf(session: Session, data: dict[str, Any], language: str = "de") -> bytes:
    """The Art. 15 information as a document to hand to the person, in ``language`` ("de"
    or "en"): who is responsible, the purposes, the categories, the recipients, the storage
    period, the rights and the source (Art. 15(1) GDPR), then every stored field by its
    label, codes as words, and the log of who accessed the data."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import ListFlowable, Paragraph, SimpleDocTemplate, Spacer

    catalogs = catalogs_for(session)
    words = Words.of(catalogs, language)
    texts = words.texts
    styles = getSampleStyleSheet()
    regular, bold = pdf_fonts()
    for style in styles.byName.values():
        if isinstance(style, ParagraphStyle):
            style.fontName = bold if "Bold" in style.fontName else regular
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=texts["title"],
                                 author="KIM Desktop", lang=texts["pdf_language"])
    client = data["client"]

    def para(text: str, style: str = "Normal") -> Any:
        return Paragraph(escape(text).replace("\n", "<br/>"), styles[style])

    def bullets(items: list[str]) -> Any:
        return ListFlowable([para(item) for item in items], bulletType="bullet", start="•",
                            leftIndent=12)

    def lines(kind: str, record: dict[str, Any]) -> list[Any]:
        out = []
        for name, spec in fields_of(kind).items():
            value = record.get(name)
            if spec.kind == Kind.RECORD or value in (None, "", []):
                continue
            text = _shown(words, spec, value)
            if kind == "case_phase_change" and name == "reason":
                text = closing_reason(record, text, words.entry)
            out.append(Paragraph(f"<b>{escape(words.label(spec))}</b>: {escape(text)}",
                                 styles["Normal"]))
        return out

    not_set = texts["not_set"]
    titles = texts["groups"]
    counts = [(titles[name], len(data.get(name) or [])) for name in GROUPS]
    recipients = _recipients(words, data)
    named = _named_exports(words, data)
    if named:
        recipients.append(texts["recipients_land_named"].format(days=", ".join(named)))
    story: list[Any] = [
        para(texts["title"], "Title"),
        para(f"{client['first_name']} {client['last_name']}", "Heading2"),
        para(texts["created"].format(day=words.day(dt.date.today()),
                                     version=data["program_version"])),
        Spacer(1, 8),
        para(texts["intro"]),
        para(texts["controller_heading"], "Heading3"),
        para(catalogs.retention.controller or not_set),
        para(texts["dpo_heading"], "Heading3"),
        para(catalogs.retention.data_protection_officer or not_set),
        para(texts["purposes_heading"], "Heading3"),
        bullets(texts["purposes"]),
        para(texts["legal_basis"]),
        para(texts["categories_heading"], "Heading3"),
        para(texts["categories_intro"]),
        bullets([texts["person_heading"]] + [f"{title}: {count}" for title, count in counts
                                             if count]),
        para(texts["recipients_heading"], "Heading3"),
        para(texts["recipients_intro"] if recipients else texts["recipients_none"]),
    ]
    if recipients:
        story.append(bullets(recipients))
    story += [
        para(texts["recipients_coordination_named" if named else "recipients_coordination"]),
        para(texts["storage_heading"], "Heading3"),
        *[para(line) for line in _storage(words, data)],
        para(texts["rights_heading"], "Heading3"),
        bullets(texts["rights"]),
        para(texts["complaint"]),
        para(texts["source_heading"], "Heading3"),
        para(texts["source"]),
        para(texts["automated"]),
        para(texts["data_heading"], "Heading2"),
        para(texts["person_heading"], "Heading3"),
    ]
    story += lines("client", client)
    for name, kind in GROUPS.items():
        records = data.get(name) or []
        if not records:
            continue
        story.append(para(f"{titles[name]} ({len(records)})", "Heading3"))
        for number, record in enumerate(records, 1):
            if len(records) > 1:
                story.append(para(f"{number}.", "Heading4"))
            story += lines(kind, record)
            story.append(Spacer(1, 6))
    removed = data.get("removed_records") or []
    if removed:
        story.append(para(f"{texts['removed_heading']} ({len(removed)})", "Heading3"))
        story.append(para(texts["removed_intro"]))
        for record in removed:
            gone = dt.datetime.fromisoformat(record["deleted_at"]).astimezone()
            kind = words.translate(LOG_CONTEXT, kind_word(record["kind"]))
            story.append(para(texts["removed_on"].format(kind=kind, day=words.day(gone.date())),
                              "Heading4"))
            story += lines(record["kind"], record)
            story.append(Spacer(1, 6))
    access_log = data.get("access_log") or []
    if access_log:
        story.append(para(f"{texts['access_heading']} ({len(access_log)})", "Heading3"))
        story.append(para(texts["access_intro"]))
        for event in access_log:
            at = words.moment(dt.datetime.fromisoformat(event["at"]))
            story.append(para(f"{at} {event['user']}: "
                              f"{words.audit(event['kind'], event['action'])}"))
    document.build(story)
    return buffer.getvalue()


def closing_reason(step: Any, reason: str, entry: Callable[[str, str], str]) -> str:
    """A phase step's reason as words: closing a case without a note keeps the closure
    reason's catalog code there (:func:`~kim_desktop.core.services.cases.close_case`), which
    ``entry`` (catalog, code) names."""
    event = step["event"] if isinstance(step, dict) else step.event
    return entry("closure_reasons", reason) if event == PhaseEvent.CLOSED else reason


def _shown(words: Words, spec: Field, value: Any) -> str:
    """A stored value in the information's words: catalog entries and choices by name,
    dates as the language writes them, yes and no."""
    if spec.kind == Kind.CATALOG:
        return words.entry(spec.catalog, str(value))
    if spec.kind == Kind.CODES and isinstance(value, list):
        return ", ".join(words.entry(spec.catalog, str(code)) for code in value)
    if spec.kind == Kind.CHOICE and spec.choices is not None and value in set(spec.choices):
        return words.translate(spec.choices.__name__, spec.choices(value).label)
    if isinstance(value, bool):
        return str(words.texts["yes" if value else "no"])
    if spec.kind == Kind.DATE:
        return words.day(dt.date.fromisoformat(str(value)))
    if spec.kind == Kind.MOMENT:
        return words.moment(dt.datetime.fromisoformat(str(value)))
    if spec.kind == Kind.SHARE and isinstance(value, int | float):
        return f"{round(float(value) * 100)} %"
    if spec.kind == Kind.NUMBER and spec.unit:
        return f"{value} {spec.unit}"
    return str(value)


def export_client(session: Session, *, client_id: str, format: str, out: Path,
                  language: str = "de") -> Path:
    """Writes the client's Art. 15 export as ``json`` or ``pdf`` (in ``language``, "de" or
    "en") to ``out`` and logs it. The file holds plaintext personal data: it goes where the
    user chose, nowhere else."""
    if format not in EXPORT_FORMATS:
        raise DomainError("invalid_value", field="export.format")
    if language not in LANGUAGES:
        raise DomainError("invalid_value", field="export.language")
    data = client_export(session, client_id=client_id)
    content = export_json(data) if format == "json" else export_pdf(session, data, language)
    with staged_private_files() as files:
        with write(session):
            client = live_client(session, client_id)
            audit(session, action="export", record=client, detail=f"art15_{format}")
            files.write(out, content)
        files.publish()
    return out
