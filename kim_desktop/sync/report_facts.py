"""Report facts for the coordinators, derived from the local records (no Qt).

Per case one ``case`` fact and per case and month with consultations or referrals one
``consultation_month`` fact (:class:`~kim_protocol.wire.ReportFact`); per released
structural gap one :class:`~kim_protocol.wire.ReleasedGap`. docs/reporting.md lists every
field and why it is there. Keys are ``HMAC-SHA256(office report secret, case salt)``
(:mod:`kim_desktop.core.report_pseudonyms`), never a record's id.

Every sync first calls :func:`prepare_report_keys` (before it pushes), so that the secret and
the salt of a new case travel with the case's own records. Once a day, at a random time
(:func:`next_report_time`), the sync calls :func:`collect_report_upload`, sends the two batches
and, once the server accepted them, calls :func:`acknowledge_report_upload`. Only new, changed
or withdrawn facts are sent, all of a day together and apart from the pushes of the records
they come from, so a server that logs requests cannot tell which fact a push belongs to; an
erased client's facts stay on the server, unlinkable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.db import utcnow
from kim_desktop.core.models import (
    Case,
    Client,
    Consultation,
    Goal,
    GoalStatus,
    NeedLevel,
    NeedsAssessment,
    Referral,
    ResidenceStatusPeriod,
    StructuralGap,
)
from kim_desktop.core.models.contact import MAX_DURATION_MINUTES
from kim_desktop.core.report_pseudonyms import ReportPseudonym, ReportSecret, ReportUpload
from kim_protocol.report_codes import UNKNOWN, age_band
from kim_protocol.wire import (
    FactKind,
    FactsUpsert,
    GapsUpload,
    ReleasedGap,
    ReportFact,
)

#: Largest batches the wire allows.
MAX_FACTS = 5000
MAX_GAPS = 1000

#: A selected row of case columns (id, client_id, opened_on, closed_on, …).
CaseRow = Any
#: client id -> {rule: status} of the client's current Baustein III pre-check.
PrecheckLookup = Callable[[str], Mapping[str, str]]


def _month(day: dt.date | dt.datetime) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _first_of_month(day: dt.date | None) -> dt.date | None:
    """Dates travel to the month only: data minimisation, and the reports count by month."""
    return None if day is None else day.replace(day=1)


# --- the secret and the pseudonyms --------------------------------------------------------


def _office_secret(session: Session) -> bytes:
    rows = session.scalars(
        select(ReportSecret).where(ReportSecret.deleted_at.is_(None), ReportSecret.secret != "")
        .order_by(ReportSecret.id)
    ).all()
    if rows:
        return bytes.fromhex(rows[0].secret)
    secret = ReportSecret(secret=secrets.token_hex(32))
    session.add(secret)
    session.flush()
    return bytes.fromhex(secret.secret)


def _salts(session: Session, case_ids: Iterable[str]) -> dict[str, str]:
    """The winning salt of every case, creating one where a case has none."""
    salts: dict[str, str] = {}
    for pseudonym in session.scalars(
        select(ReportPseudonym).where(ReportPseudonym.deleted_at.is_(None),
                                      ReportPseudonym.salt != "")
        .order_by(ReportPseudonym.id.desc())
    ):
        salts[pseudonym.case_id] = pseudonym.salt  # smallest id written last: it wins
    for case_id in case_ids:
        if case_id not in salts:
            created = ReportPseudonym(case_id=case_id, salt=secrets.token_hex(32))
            session.add(created)
            salts[case_id] = created.salt
    return salts


def _forget_erased(session: Session, erased_case_ids: set[str]) -> None:
    """Destroys the link of erased clients' cases: salts blanked, local bookkeeping gone."""
    if not erased_case_ids:
        return
    now = utcnow()
    for pseudonym in session.scalars(
        select(ReportPseudonym).where(ReportPseudonym.case_id.in_(erased_case_ids))
    ):
        if pseudonym.salt or pseudonym.deleted_at is None:
            pseudonym.salt = ""
            pseudonym.deleted_at = pseudonym.deleted_at or now
    session.execute(delete(ReportUpload).where(ReportUpload.case_id.in_(erased_case_ids)))


def _erased_case_ids(session: Session) -> set[str]:
    return set(session.scalars(
        select(Case.id).join(Client, Client.id == Case.client_id)
        .where(Client.erased_at.is_not(None))
    ))


def prepare_report_keys(session: Session) -> None:
    """Makes the office secret and the salts of the cases that have none yet, and destroys
    the links of erased clients' cases; commits. The sync calls it before every push: the
    salts then go with the records of their cases, not right after the facts they key."""
    live = list(session.scalars(
        select(Case.id).join(Client, Client.id == Case.client_id)
        .where(Case.deleted_at.is_(None), Client.deleted_at.is_(None))
    ))
    if live:
        _office_secret(session)
        _salts(session, live)
    _forget_erased(session, _erased_case_ids(session))
    session.commit()


def next_report_time(now: dt.datetime) -> dt.datetime:
    """When the facts go next: a uniformly random moment of the next calendar day (UTC)."""
    tomorrow = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    return tomorrow + dt.timedelta(seconds=secrets.randbelow(24 * 3600))


# --- derivation -------------------------------------------------------------------------------


@dataclass
class _MonthActivity:
    consultations: int = 0
    minutes: int = 0
    fields: set[str] | None = None
    referrals: dict[str, int] | None = None


def _case_for(
    cases_by_client: Mapping[str, list[CaseRow]], client_id: str, day: dt.date
) -> CaseRow | None:
    """The client's case that was open on ``day`` (for records without a case id)."""
    for case in cases_by_client.get(client_id, []):
        if case.opened_on <= day and (case.closed_on is None or case.closed_on >= day):
            return case
    return None


def _minutes(duration: object) -> int:
    """A consultation's minutes as the figures count them: a duration no form takes (negative,
    over the most, not a whole number), as a faulty peer could have stored it, counts none
    instead of failing every later report of this device."""
    if isinstance(duration, int) and not isinstance(duration, bool) \
            and 0 <= duration <= MAX_DURATION_MINUTES:
        return duration
    return 0


def derive_facts(
    session: Session, *, prechecks: PrecheckLookup | None = None
) -> tuple[list[tuple[str, ReportFact]], set[str]]:
    """Every current fact with its case id, and the ids of erased clients' cases."""
    catalogs = catalogs_for(session)
    secret = _office_secret(session)
    # Plain rows of the needed columns only: loading full ORM objects costs five times more.
    clients = {c.id: c for c in session.execute(select(
        Client.id, Client.municipality_code, Client.birth_date, Client.gender,
        Client.deleted_at, Client.erased_at))}
    all_cases = list(session.execute(select(
        Case.id, Case.client_id, Case.deleted_at, Case.opened_on, Case.closed_on, Case.phase,
        Case.target_group_criteria, Case.closure_reason_code)))
    erased = {
        c.id for c in all_cases
        if clients.get(c.client_id) is not None and clients[c.client_id].erased_at is not None
    }
    live = [
        c for c in all_cases
        if c.deleted_at is None and c.client_id in clients
        and clients[c.client_id].deleted_at is None
    ]
    salts = _salts(session, [c.id for c in live])
    cases_by_client: dict[str, list[CaseRow]] = defaultdict(list)
    for case in live:
        cases_by_client[case.client_id].append(case)
    live_ids = {c.id: c for c in live}

    def owning_case(case_id: str | None, client_id: str, day: dt.date) -> CaseRow | None:
        if case_id is not None:
            return live_ids.get(case_id)
        return _case_for(cases_by_client, client_id, day)

    statuses: dict[str, list[str]] = defaultdict(list)
    for period in session.execute(
        select(ResidenceStatusPeriod.client_id, ResidenceStatusPeriod.status_code)
        .where(ResidenceStatusPeriod.deleted_at.is_(None))
        .order_by(ResidenceStatusPeriod.valid_from)
    ):
        statuses[period.client_id].append(period.status_code)
    needs: dict[str, dict[str, str]] = defaultdict(dict)
    for need in session.execute(
        select(NeedsAssessment.case_id, NeedsAssessment.field_of_action_code,
               NeedsAssessment.level)
        .where(NeedsAssessment.deleted_at.is_(None))
        .order_by(NeedsAssessment.assessed_on, NeedsAssessment.created_at)
    ):
        needs[need.case_id][need.field_of_action_code] = need.level
    goals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for goal in session.execute(
        select(Goal.case_id, Goal.status).where(Goal.deleted_at.is_(None))
    ):
        goals[goal.case_id][0] += 1
        goals[goal.case_id][1] += goal.status == GoalStatus.ACHIEVED
    activity: dict[str, dict[str, _MonthActivity]] = defaultdict(
        lambda: defaultdict(_MonthActivity)
    )
    for consultation in session.execute(
        select(Consultation.case_id, Consultation.client_id, Consultation.held_at,
               Consultation.duration_minutes, Consultation.fields_of_action)
        .where(Consultation.deleted_at.is_(None))
    ):
        day = consultation.held_at.date()
        owner = owning_case(consultation.case_id, consultation.client_id, day)
        if owner is None:
            continue
        month = activity[owner.id][_month(day)]
        month.consultations += 1
        month.minutes += _minutes(consultation.duration_minutes)
        month.fields = (month.fields or set()) | set(consultation.fields_of_action or [])
    for referral in session.execute(
        select(Referral.case_id, Referral.client_id, Referral.planned_on, Referral.agency_code,
               Referral.state)
        .where(Referral.deleted_at.is_(None))
    ):
        owner = owning_case(referral.case_id, referral.client_id, referral.planned_on)
        if owner is None:
            continue
        month = activity[owner.id][_month(referral.planned_on)]
        category = catalogs.agency_category(referral.agency_code)
        slot = f"{category}:{referral.state}"
        month.referrals = month.referrals or {}
        month.referrals[slot] = month.referrals.get(slot, 0) + 1

    facts: list[tuple[str, ReportFact]] = []
    for case in live:
        client = clients[case.client_id]
        key = hmac.new(secret, bytes.fromhex(salts[case.id]), hashlib.sha256).hexdigest()
        municipality = client.municipality_code or UNKNOWN
        history = statuses.get(client.id, [])
        status_category = (
            catalogs.residence_category(history[-1], history[-2] if len(history) > 1 else None)
            if history else UNKNOWN
        )
        open_needs = sorted(
            field for field, level in needs.get(case.id, {}).items() if level != NeedLevel.NONE
        )
        precheck = (
            {f"{rule}:{status}": 1 for rule, status in prechecks(client.id).items()}
            if prechecks is not None and case.closed_on is None else {}
        )
        facts.append((case.id, ReportFact(
            key=key,
            fact_kind=FactKind.CASE,
            municipality=municipality,
            month=_month(case.opened_on),
            fields_of_action=open_needs,
            target_group=sorted(case.target_group_criteria or []),
            age_band=age_band(client.birth_date, case.opened_on),
            gender=client.gender or UNKNOWN,
            status_category=status_category,
            phase=case.phase,
            case_opened=_first_of_month(case.opened_on),
            case_closed=_first_of_month(case.closed_on),
            closure_reason=case.closure_reason_code,
            goals_total=goals[case.id][0] if case.id in goals else 0,
            goals_reached=goals[case.id][1] if case.id in goals else 0,
            prechecks=precheck,
        )))
        for month_text, month in sorted(activity.get(case.id, {}).items()):
            facts.append((case.id, ReportFact(
                key=key,
                fact_kind=FactKind.CONSULTATION_MONTH,
                municipality=municipality,
                month=month_text,
                fields_of_action=sorted(month.fields or ()),
                referrals=dict(sorted((month.referrals or {}).items())),
                consultations=month.consultations,
                minutes=month.minutes,
            )))
    return facts, erased


def derive_gaps(session: Session) -> list[ReleasedGap]:
    secret = _office_secret(session)
    gaps = []
    for gap in session.scalars(select(StructuralGap).where(StructuralGap.released_at.is_not(None))):
        key = hmac.new(secret, f"gap|{gap.id}".encode(), hashlib.sha256).hexdigest()
        assert gap.released_at is not None
        gaps.append(ReleasedGap(
            key=key, category=gap.category_code, field_of_action=gap.field_of_action_code,
            municipality=gap.municipality_code, description=gap.description or "-",
            case_count=len(gap.case_ids or []), released_on=gap.released_at.date(),
            withdrawn=gap.deleted_at is not None,
        ))
    return gaps


# --- the upload ----------------------------------------------------------------------------------


def _digest(model: ReportFact | ReleasedGap) -> str:
    # Field order is the model's; dict fields are built sorted: the JSON is deterministic.
    return hashlib.sha256(model.model_dump_json().encode()).hexdigest()


def _fact_id(fact: ReportFact) -> str:
    return f"fact|{fact.key}|{fact.fact_kind.value}|{fact.month}"


_SOURCES = (Client, Case, ResidenceStatusPeriod, NeedsAssessment, Goal, Consultation,
            Referral, StructuralGap, ReportPseudonym, ReportSecret)
_FINGERPRINT_ID = "state|fingerprint"


def _fingerprint(session: Session) -> str:
    """Changes whenever a record the facts come from changes (every write, local or pulled,
    sets ``updated_at`` and the version), and once a day (pre-checks depend on the date)."""
    parts = [dt.date.today().isoformat()]
    for model in _SOURCES:
        count, latest, versions = session.execute(
            select(func.count(), func.max(model.updated_at), func.sum(model.version))
        ).one()
        parts.append(f"{model.__tablename__}:{count}:{latest}:{versions}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _has_anything_to_report(session: Session) -> bool:
    return any(
        session.scalar(select(query.exists()))
        for query in (
            select(Case.id),
            select(StructuralGap.id).where(StructuralGap.released_at.is_not(None)),
            select(ReportUpload.upload_id),
        )
    )


def collect_report_upload(
    session: Session, *, prechecks: PrecheckLookup | None = None
) -> tuple[FactsUpsert, GapsUpload]:
    """The facts and gaps to send now: new or changed ones, and withdrawals of facts that no
    longer exist (a deleted case, a month without activity, a key replaced). Each batch stays
    within the wire's limits; call again after acknowledging until both are empty.

    Writes in the session (new salts, the secret, erased clients' links destroyed) and
    commits, so the salts exist before any fact keyed by them leaves the machine.
    """
    if not _has_anything_to_report(session):
        # No case, no released gap, nothing sent before: not even the office secret is made,
        # so an office without cases syncs no report records at all.
        session.commit()
        return FactsUpsert(facts=[]), GapsUpload(gaps=[])
    marker = session.get(ReportUpload, _FINGERPRINT_ID)
    if marker is not None and marker.digest == _fingerprint(session):
        # Nothing changed since a collect that found nothing to send: skip the derivation.
        session.commit()
        return FactsUpsert(facts=[]), GapsUpload(gaps=[])
    facts, erased = derive_facts(session, prechecks=prechecks)
    _forget_erased(session, erased)
    # A refused item counts as sent in that state: it goes again once it changes.
    sent: dict[str, str] = {
        upload_id: digest for upload_id, digest in
        session.execute(select(ReportUpload.upload_id, ReportUpload.digest))
    }
    upserts: list[ReportFact] = []
    current: set[str] = set()
    for _case_id, fact in facts:
        upload_id = _fact_id(fact)
        current.add(upload_id)
        if sent.get(upload_id) != _digest(fact):
            upserts.append(fact)
    for upload_id, digest in sent.items():
        if upload_id.startswith("fact|") and upload_id not in current and digest:
            _, key, kind, month = upload_id.split("|")
            upserts.append(ReportFact(key=key, fact_kind=FactKind(kind), municipality=UNKNOWN,
                                      month=month, deleted=True))
    gaps = [
        gap for gap in derive_gaps(session)
        if sent.get(f"gap|{gap.key}") != _digest(gap)
    ]
    if not upserts and not gaps:
        # Taken after the derivation's own writes (salts, secret), so they do not count.
        session.merge(ReportUpload(upload_id=_FINGERPRINT_ID, digest=_fingerprint(session)))
    session.commit()
    return FactsUpsert(facts=upserts[:MAX_FACTS]), GapsUpload(gaps=gaps[:MAX_GAPS])


def acknowledge_report_upload(
    session: Session, facts: FactsUpsert, gaps: GapsUpload, *,
    refused_facts: Collection[int] = (), refused_gaps: Collection[int] = (),
) -> None:
    """Records what the server answered, so the next collect sends only what changed.

    Items the server refused (their indexes in ``facts`` and ``gaps``) are recorded as
    refused: not sent again until they change; the sync status counts them.
    """
    case_of = {}
    for pseudonym in session.scalars(select(ReportPseudonym).where(ReportPseudonym.salt != "")):
        case_of[pseudonym.salt] = pseudonym.case_id
    secret = _office_secret(session)
    key_to_case = {
        hmac.new(secret, bytes.fromhex(salt), hashlib.sha256).hexdigest(): case_id
        for salt, case_id in case_of.items()
    }
    for index, fact in enumerate(facts.facts):
        upload_id = _fact_id(fact)
        row = session.get(ReportUpload, upload_id)
        if fact.deleted:
            if row is not None:
                session.delete(row)
            continue
        if row is None:
            row = ReportUpload(upload_id=upload_id, case_id=key_to_case.get(fact.key))
            session.add(row)
        row.digest = _digest(fact)
        row.refused = index in refused_facts
    for index, gap in enumerate(gaps.gaps):
        upload_id = f"gap|{gap.key}"
        row = session.get(ReportUpload, upload_id)
        if row is None:
            row = ReportUpload(upload_id=upload_id)
            session.add(row)
        row.digest = _digest(gap)
        row.refused = index in refused_gaps
    session.commit()

