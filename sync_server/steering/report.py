"""The steering group's report (Lenkungsgruppe) for a calendar period: the key figures, the
topics by field of action with their counts and states, the measures due and those completed,
and what cannot be solved locally. :mod:`.report_pdf` and :mod:`.report_xlsx` render it.

Counts are published as on the pages (the key figures by the cell key method, a topic's cases
as the sum of its gaps' perturbed values); the texts are the coordination's own (titles,
measures, outcomes, project groups) and the offices' released gap descriptions, nothing else
an office wrote. A topic's state and its measures are as they stand today; a measure counts as
completed in the period when its latest change into a closing status falls in it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_protocol.catalogs import Catalogs
from sync_server.reports.filters import ReportFilter
from sync_server.reports.gap_counts import GapCounts
from sync_server.reports.tables import ReportTable
from sync_server.reports.views import build_view
from sync_server.steering import measures, topics
from sync_server.steering.models import (
    MEASURE_STATUS_LABELS,
    TOPIC_STATE_LABELS,
    Measure,
    MeasureStatus,
    SteeringChange,
    TopicState,
)

TITLE = "KIM – Bericht für die Lenkungsgruppe (Baustein I)"
CLOSED = frozenset({MeasureStatus.DONE, MeasureStatus.NOT_SOLVABLE_LOCALLY})


@dataclass(frozen=True)
class GapLine:
    description: str
    municipality: str
    cases: str


@dataclass(frozen=True)
class TopicLine:
    title: str
    field_of_action: str
    municipalities: str
    cases: str
    state: str
    project_group: str
    #: The released gaps of the reader's municipalities.
    gaps: list[GapLine]


@dataclass(frozen=True)
class MeasureLine:
    topic: str
    action: str
    responsible: str
    due_on: str
    status: str
    outcome: str
    completed_on: str


@dataclass(frozen=True)
class SteeringReport:
    title: str
    #: Period and area in words, the threshold, the day the states are from.
    description: str
    key_figures: list[ReportTable]
    #: (label, number): topics and measures, which are the coordination's own records.
    steering_figures: list[tuple[str, int]]
    #: (field of action, its topics), in the catalog's order.
    fields: list[tuple[str, list[TopicLine]]]
    due: list[MeasureLine]
    completed: list[MeasureLine]
    #: Topics not solvable locally, each with its measures that say so.
    not_solvable: list[tuple[TopicLine, list[MeasureLine]]]


def _completed_on(session: Session, rows: list[Measure]) -> dict[int, dt.date]:
    """When each closed measure reached its current closing status (its latest change into
    it, from the history)."""
    closed = {m.id for m in rows if MeasureStatus(m.status) in CLOSED}
    since: dict[int, dt.date] = {}
    previous: dict[int, str] = {}
    if closed:
        for change in session.scalars(
                select(SteeringChange)
                .where(SteeringChange.entity == "measure",
                       SteeringChange.entity_id.in_(sorted(closed)))
                .order_by(SteeringChange.at, SteeringChange.id)):
            status = change.detail.get("status")
            if status is None:
                continue
            if status != previous.get(change.entity_id) and MeasureStatus(status) in CLOSED:
                since[change.entity_id] = change.at.date()
            previous[change.entity_id] = status
    return since


def build_report(session: Session, flt: ReportFilter, *, threshold: int, catalogs: Catalogs,
                 today: dt.date) -> SteeringReport:
    counts = GapCounts(session, threshold=threshold)
    municipality = catalogs.municipalities.label
    summaries = [s for s in topics.summaries(session, counts=counts, allowed=flt.allowed)
                 if s.topic.created_at.date() <= flt.end]
    members = topics.member_gaps(session, [s.topic.id for s in summaries], counts, flt.allowed)
    lines = {
        s.topic.id: TopicLine(
            title=s.topic.title,
            field_of_action=catalogs.fields_of_action.label(s.topic.field_of_action),
            municipalities=", ".join(municipality(c) for c in s.municipalities) or "–",
            cases=s.cases.display(threshold, grouped=True),
            state=TOPIC_STATE_LABELS[s.state],
            project_group=s.group.name if s.group is not None else "keine",
            gaps=[GapLine(g.description, municipality(g.municipality), counts.display(g))
                  for g in members[s.topic.id]],
        )
        for s in summaries
    }
    by_field = {code: [lines[s.topic.id] for s in summaries
                       if s.topic.field_of_action == code]
                for code in catalogs.fields_of_action.codes()}
    fields = [(catalogs.fields_of_action.label(code), rows)
              for code, rows in by_field.items() if rows]

    shown = {s.topic.id for s in summaries}
    rows = [(m, t) for m, t in measures.list_measures(session) if t.id in shown]
    completed_on = _completed_on(session, [m for m, _ in rows])

    def line(measure: Measure, title: str) -> MeasureLine:
        done = completed_on.get(measure.id)
        return MeasureLine(
            topic=title, action=measure.action, responsible=measure.responsible,
            due_on=measure.due_on.strftime("%d.%m.%Y") if measure.due_on else "–",
            status=MEASURE_STATUS_LABELS[MeasureStatus(measure.status)],
            outcome=measure.outcome or "–",
            completed_on=done.strftime("%d.%m.%Y") if done else "–")

    due = [line(m, t.title) for m, t in rows
           if MeasureStatus(m.status) not in CLOSED and m.due_on is not None
           and m.due_on <= flt.end]
    completed = [line(m, t.title) for m, t in rows
                 if m.id in completed_on and flt.start <= completed_on[m.id] <= flt.end]
    not_solvable = [
        (lines[s.topic.id],
         [line(m, t.title) for m, t in rows if t.id == s.topic.id
          and m.status == MeasureStatus.NOT_SOLVABLE_LOCALLY.value])
        for s in summaries if s.state is TopicState.NOT_SOLVABLE_LOCALLY
    ]

    states = Counter(s.state for s in summaries)
    steering_figures = [
        ("Themen", len(summaries)),
        *((f"Themen: {label}", states[state]) for state, label in TOPIC_STATE_LABELS.items()),
        ("Freigegebene Fehlstellen in Themen", sum(len(members[s.topic.id]) for s in summaries)),
        ("Maßnahmen fällig bis zum Ende des Zeitraums", len(due)),
        ("Maßnahmen abgeschlossen im Zeitraum", len(completed)),
    ]
    label = flt.area(municipality, catalogs.municipalities.codes())
    description = (f"Zeitraum und Gebiet: {flt.describe(label)}. Schwelle: {threshold}. "
                   f"Stand der Themen und Maßnahmen: {today.strftime('%d.%m.%Y')}.")
    return SteeringReport(
        title=TITLE, description=description,
        key_figures=build_view(session, "uebersicht", flt, threshold=threshold,
                               catalogs=catalogs),
        steering_figures=steering_figures, fields=fields, due=due, completed=completed,
        not_solvable=not_solvable)
