"""Synthetic demo data with realistic distributions, fast enough for 20,000 clients.

The records are written in bulk (Core inserts, not the ORM), with the same stamps and one
outbox entry per record as the services would write, so a demo office syncs like a real one.
Every person is made up from name parts (:mod:`kim_desktop.core.demo_names`).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for, require
from kim_desktop.core.db import Base, utcnow
from kim_desktop.core.demo_names import ORIGINS, Origin
from kim_desktop.core.models import (
    PHASE_ORDER,
    Case,
    CasePhaseChange,
    Client,
    Consent,
    Consultation,
    FollowUp,
    Goal,
    HouseholdMember,
    Measure,
    NeedsAssessment,
    Phase,
    Referral,
    ResidenceStatusPeriod,
)
from kim_desktop.core.names import search_keys

#: Called after each batch with (clients done, clients wanted); returning False cancels.
Progress = Callable[[int, int], bool | None]

BATCH = 500
MUNICIPALITY_WEIGHTS = {
    "minden": 30, "bad_oeynhausen": 17, "luebbecke": 10, "espelkamp": 11, "petershagen": 7,
    "rahden": 6, "huellhorst": 4, "stemwede": 4, "preussisch_oldendorf": 4,
    "porta_westfalica": 5, "hille": 2,
}
#: The main postal code of each municipality, so that a demo address reads like one.
POSTAL_CODES = {
    "minden": "32423", "bad_oeynhausen": "32545", "luebbecke": "32312", "espelkamp": "32339",
    "petershagen": "32469", "rahden": "32369", "huellhorst": "32609", "stemwede": "32351",
    "preussisch_oldendorf": "32361", "porta_westfalica": "32457", "hille": "32479",
}
OPEN_PHASE_WEIGHTS = {
    Phase.INTAKE: 10, Phase.ASSESSMENT: 15, Phase.PLANNING: 15, Phase.IMPLEMENTATION: 25,
    Phase.MONITORING: 25, Phase.EVALUATION: 10,
}
MODE_WEIGHTS = {"in_person": 55, "phone": 25, "video": 3, "home_visit": 7, "accompaniment": 10}
FIELD_WEIGHTS = {"work": 22, "residence": 20, "german": 16, "education": 8,
                 "health_family": 12, "participation": 7, "housing": 15}
CLOSURE_WEIGHTS = {"goals_achieved": 35, "goals_partly_achieved": 20, "transferred": 15,
                   "no_contact": 15, "moved_away": 8, "client_request": 5, "left_germany": 2}
NOTES = (
    "Unterlagen gemeinsam gesichtet, nächste Schritte besprochen.",
    "Antrag vorbereitet und Termin bei der Stelle vereinbart.",
    "Rückmeldung zum Sprachkurs besprochen.",
    "Begleitung zum Termin, Ergebnis dokumentiert.",
    "Fragen zum Aufenthalt geklärt, Fristen notiert.",
    "Wohnungssuche: Angebote durchgesehen.",
)
FOLLOW_UPS = (
    "Stand der Vermittlung prüfen",
    "Bescheid des Jobcenters nachfragen",
    "Fiktionsbescheinigung: Verlängerung rechtzeitig beantragen",
    "Anmeldung zum Integrationskurs bestätigen lassen",
    "Unterlagen für die Anerkennung vollständig?",
    "Rückruf Ausländerbehörde wegen Termin",
    "Kita-Platz: Antwort der Stadt abwarten",
)


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)
    cancelled: bool = False


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Writer:
    def __init__(self, session: Session, seed: int, user: str, today: dt.date) -> None:
        self.session, self.user, self.today = session, user, today
        self.rng = random.Random(seed)
        self.now = utcnow()
        self.rows: dict[type[Any], list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}
        catalogs = catalogs_for(session)
        self.agencies = catalogs.partner_agencies.codes()
        self.residence_statuses = catalogs.residence_statuses
        self.municipalities = catalogs.municipalities

    def add(self, model: type[Any], **values: Any) -> str:
        record_id = str(uuid.uuid4())  # not seeded: a second run must not collide
        values.update(id=record_id, created_at=self.now, created_by=self.user,
                      updated_at=self.now, updated_by=self.user, version=1)
        self.rows.setdefault(model, []).append(values)
        return record_id

    def flush(self) -> None:
        outbox: list[dict[str, Any]] = []
        for model, rows in self.rows.items():
            # Core insert on the table: one executemany per kind (the ORM's bulk insert would
            # split the batch wherever a column is None)
            self.session.execute(insert(Base.metadata.tables[model.__tablename__]), rows)
            outbox += [{"kind": model.__tablename__, "record_id": r["id"], "version": 1,
                        "created_at": self.now} for r in rows]
            self.counts[model.__tablename__] = self.counts.get(model.__tablename__, 0) + len(rows)
        if outbox:
            self.session.execute(insert(Base.metadata.tables["sync_outbox"]), outbox)
        self.session.commit()
        self.rows = {}

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        span = max((end - start).days, 0)
        return start + dt.timedelta(days=self.rng.randint(0, span))

    def name(self, origin: Origin, female: bool) -> tuple[str, str]:
        rng = self.rng
        if rng.random() < 0.25:
            given = rng.choice(origin.given_names)
        elif female:
            given = rng.choice(origin.female_heads) + rng.choice(origin.female_tails)
        else:
            given = rng.choice(origin.male_heads) + rng.choice(origin.male_tails)
        surname = (rng.choice(origin.surname_prefix) + rng.choice(origin.surname_heads)
                   + rng.choice(origin.surname_tails))
        return given, surname

    def client(self, consultations_per_client: float) -> None:
        rng, today = self.rng, self.today
        origin = rng.choices(ORIGINS, weights=[o.weight for o in ORIGINS])[0]
        female = rng.random() < 0.48
        first, last = self.name(origin, female)
        age = min(75, max(16, int(rng.gauss(34, 11))))
        birth = today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        entry = self.day_between(max(birth + dt.timedelta(days=365), dt.date(2012, 1, 1)),
                                 today - dt.timedelta(days=30))
        search_key, phonetic_key = search_keys(first, last)
        known = rng.random() < 0.6
        municipality = _weighted(rng, MUNICIPALITY_WEIGHTS)
        client_id = self.add(
            Client, first_name=first, last_name=last, birth_name="", birth_date=birth,
            gender="female" if female else "male",
            nationalities=[rng.choice(origin.countries)],
            languages=sorted({rng.choice(origin.languages), *(["en"] if rng.random() < 0.2
                                                              else [])}),
            interpreter_needed=rng.random() < 0.35,
            phone=f"0571 {rng.randint(100000, 999999)}" if rng.random() < 0.8 else "",
            email="", street=f"{rng.choice(['Markt', 'Bahnhof', 'Kirch', 'Linden'])}straße "
            f"{rng.randint(1, 80)}", postal_code=POSTAL_CODES[municipality],
            town=require(self.municipalities, municipality).label,
            municipality_code=municipality, entry_date=entry,
            search_key=search_key, phonetic_key=phonetic_key,
            school_years_successful=rng.randint(0, 12) if known else None,
            qualification=rng.choice(["none", "school_leaving", "vocational"]) if known else None,
            german_oral=rng.choice(["none", "A1", "A2", "B1", "B2", "C1"]) if known else None,
            german_written=rng.choice(["none", "A1", "A2", "B1", "B2"]) if known else None,
            naturalisation_test_passed=rng.random() < 0.15 if known else None,
            livelihood_own_share=round(rng.random(), 2) if known else None,
            passport=rng.random() < 0.7 if known else None,
            convictions_above_threshold=rng.random() < 0.03 if known else None,
        )
        self.household(client_id, origin, birth, female)
        self.statuses(client_id, origin, entry)
        self.consents(client_id, entry)
        case_id, opened = self.case(client_id, entry)
        count = min(60, int(rng.expovariate(1 / consultations_per_client)) + 1)
        start = opened or entry
        for _ in range(count):
            day = self.day_between(start, today - dt.timedelta(days=1))
            held = dt.datetime.combine(day, dt.time(rng.randint(7, 16), rng.choice([0, 15, 30,
                                       45])), tzinfo=dt.UTC)
            fields = sorted({_weighted(rng, FIELD_WEIGHTS) for _ in range(rng.randint(1, 3))})
            interpreter = rng.random() < 0.25
            self.add(Consultation, client_id=client_id, case_id=case_id, held_at=held,
                     duration_minutes=rng.choice([15, 20, 30, 30, 45, 45, 60, 60, 90, 120]),
                     mode_code=_weighted(rng, MODE_WEIGHTS), interpreter_used=interpreter,
                     interpreter_language=rng.choice(origin.languages) if interpreter else None,
                     fields_of_action=fields, notes=rng.choice(NOTES))
        self.referrals(client_id, case_id, start)
        if case_id and rng.random() < 0.8:
            self.add(FollowUp, client_id=client_id, case_id=case_id, consultation_id=None,
                     assigned_user=self.user,
                     due_on=today + dt.timedelta(days=rng.randint(-10, 40)),
                     text=rng.choice(FOLLOW_UPS), done_on=None)

    def household(self, client_id: str, origin: Origin, birth: dt.date, female: bool) -> None:
        rng = self.rng
        if rng.random() < 0.45:
            spouse, _ = self.name(origin, not female)
            self.add(HouseholdMember, client_id=client_id, relation="spouse", first_name=spouse,
                     birth_date=birth + dt.timedelta(days=rng.randint(-2000, 2000)),
                     unmarried=False, attends_school=False)
        for _ in range(rng.choice([0, 0, 1, 2, 2, 3, 4])):
            child_birth = self.day_between(max(birth + dt.timedelta(days=18 * 365),
                                               self.today - dt.timedelta(days=20 * 365)),
                                           self.today - dt.timedelta(days=30))
            age = (self.today - child_birth).days // 365
            child, _ = self.name(origin, rng.random() < 0.5)
            self.add(HouseholdMember, client_id=client_id, relation="child", first_name=child,
                     birth_date=child_birth, unmarried=True, attends_school=6 <= age <= 18)

    def statuses(self, client_id: str, origin: Origin, entry: dt.date) -> None:
        rng = self.rng
        codes = [code for code, _ in origin.statuses]
        weights = [w for _, w in origin.statuses]
        start = entry
        count = rng.choice([1, 1, 2, 2, 3])
        for index in range(count):
            code = rng.choices(codes, weights=weights)[0]
            last = (index == count - 1 or start > self.today - dt.timedelta(days=400)
                    or rng.random() < 0.4)
            end = None if last else self.day_between(start + dt.timedelta(days=180),
                                                     self.today - dt.timedelta(days=200))
            self.add(ResidenceStatusPeriod, client_id=client_id, status_code=code,
                     legal_basis=require(self.residence_statuses, code).get("legal_basis", ""),
                     valid_from=start, valid_to=end, note="")
            if end is None:
                return
            start = end + dt.timedelta(days=1)

    def consents(self, client_id: str, entry: dt.date) -> None:
        rng, today = self.rng, self.today
        if rng.random() < 0.95:
            granted = self.day_between(max(entry, today - dt.timedelta(days=900)), today)
            withdrawn = today if rng.random() < 0.02 else None
            self.add(Consent, client_id=client_id, kind="data_processing",
                     purpose="Beratung und Dokumentation im Case-Management",
                     recipient_agency_code=None, granted_on=granted,
                     expires_on=granted + dt.timedelta(days=rng.choice([730, 1095])),
                     withdrawn_on=withdrawn, form_language="de")
        for agency in rng.sample(self.agencies, rng.randint(0, 3)):
            granted = self.day_between(max(entry, today - dt.timedelta(days=700)), today)
            self.add(Consent, client_id=client_id, kind="confidentiality_waiver",
                     purpose="Austausch zur Vermittlung", recipient_agency_code=agency,
                     granted_on=granted, expires_on=granted + dt.timedelta(days=365),
                     withdrawn_on=None, form_language="de")

    def case(self, client_id: str, entry: dt.date) -> tuple[str | None, dt.date | None]:
        rng, today = self.rng, self.today
        if rng.random() > 0.9:
            return None, None
        opened = self.day_between(max(entry, today - dt.timedelta(days=1400)),
                                  today - dt.timedelta(days=7))
        closed = rng.random() < 0.3
        phase = Phase.CLOSURE if closed else _weighted(rng, OPEN_PHASE_WEIGHTS)
        if closed:
            steps = (*PHASE_ORDER[: rng.randint(2, 6)], Phase.CLOSURE)
        else:
            steps = PHASE_ORDER[: PHASE_ORDER.index(phase) + 1]
        days = sorted(self.day_between(opened, today) for _ in steps[1:])
        reason_code = _weighted(rng, CLOSURE_WEIGHTS) if closed else None
        case_id = self.add(
            Case, client_id=client_id, responsible_user=self.user, phase=phase,
            target_group_criteria=sorted(rng.sample(
                ["first_orientation", "complex_problems", "cross_legal_domains",
                 "long_term_support"], rng.randint(1, 3))),
            opened_on=opened, open_reason="Erstberatung", closed_on=days[-1] if closed else None,
            closure_reason_code=reason_code, closure_note="", reopened_on=None, reopen_reason="",
        )
        self.add(CasePhaseChange, case_id=case_id, event="opened", from_phase=None,
                 to_phase=Phase.INTAKE, changed_on=opened, reason="Erstberatung")
        for previous, step, day in zip(steps, steps[1:], days, strict=False):
            self.add(CasePhaseChange, case_id=case_id,
                     event="closed" if step == Phase.CLOSURE else "advanced",
                     from_phase=previous, to_phase=step, changed_on=day,
                     reason=reason_code if step == Phase.CLOSURE else "")
        for field_code in rng.sample(list(FIELD_WEIGHTS), rng.randint(2, 4)):
            self.add(NeedsAssessment, case_id=case_id, field_of_action_code=field_code,
                     assessed_on=opened, level=rng.choice(["low", "medium", "high", "high"]),
                     strengths="Hohe Motivation", notes="")
        if PHASE_ORDER.index(phase) >= PHASE_ORDER.index(Phase.PLANNING):
            for _ in range(rng.randint(1, 3)):
                goal_id = self.add(
                    Goal, case_id=case_id, field_of_action_code=_weighted(rng, FIELD_WEIGHTS),
                    description="Selbstständige Klärung der Anliegen", agreed_on=opened,
                    due_on=opened + dt.timedelta(days=180),
                    status=rng.choice(["open", "achieved", "partly_achieved"]) if closed
                    else "open", outcome="",
                )
                responsible = rng.choice(["client", "case_manager", "partner_agency"])
                self.add(Measure, goal_id=goal_id, description="Termin wahrnehmen",
                         responsible=responsible,
                         partner_agency_code=rng.choice(self.agencies)
                         if responsible == "partner_agency" else None,
                         due_on=opened + dt.timedelta(days=60), status="planned", outcome="")
        return case_id, opened

    def referrals(self, client_id: str, case_id: str | None, start: dt.date) -> None:
        rng = self.rng
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            planned = self.day_between(start, self.today - dt.timedelta(days=1))
            state = rng.choice(["planned", "sent", "accepted", "declined", "completed"])
            later = self.day_between(planned, self.today)
            self.add(Referral, client_id=client_id, case_id=case_id,
                     agency_code=rng.choice(self.agencies),
                     field_of_action_code=_weighted(rng, FIELD_WEIGHTS),
                     purpose="Vermittlung zur Unterstützung", state=state, planned_on=planned,
                     sent_on=None if state == "planned" else planned,
                     answered_on=later if state in ("accepted", "declined", "completed")
                     else None, completed_on=later if state == "completed" else None,
                     waiver_id=None,
                     override_reason="" if state == "planned" else "Mündliche Zustimmung",
                     decline_reason="", outcome="Aufgenommen" if state == "completed" else "")


def generate_demo_data(
    session: Session,
    *,
    clients: int,
    seed: int = 0,
    consultations_per_client: float = 10.0,
    user: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Adds ``clients`` synthetic people with cases, consultations (about
    ``consultations_per_client`` each), referrals, consents and follow-ups, reproducible by
    ``seed`` (all but the record ids). Commits every :data:`BATCH` clients; ``progress``
    returning False cancels after the current batch (what was committed stays)."""
    writer = _Writer(session, seed, user or str(session.info.get("user", "demo")),
                     today or dt.date.today())
    summary = DemoSummary()
    for done in range(1, clients + 1):
        writer.client(consultations_per_client)
        if done % BATCH == 0 or done == clients:
            writer.flush()
            if progress is not None and progress(done, clients) is False:
                summary.cancelled = done < clients
                break
    summary.counts = writer.counts
    return summary
