"""Topics: released gaps of any offices grouped under a title, a field of action and the
municipalities affected. A gap belongs to one topic at most; ungrouping frees it again.

The number of cases behind a topic is the sum of its gaps' perturbed counts, each fixed per
gap (:mod:`sync_server.reports.gap_counts`, docs/reporting.md §8), "<5" when small: regrouping
a gap gives no fresh look at it. A coordinator limited to some municipalities sees every
topic, but its count, and its gaps, of their own municipalities only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, false, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.db import utcnow
from sync_server.models import ReleasedGapRow
from sync_server.reports.cells import Cell
from sync_server.reports.gap_counts import GapCounts
from sync_server.steering.common import (
    NotFound,
    SteeringError,
    checked_text,
    field_of_action,
    municipality_codes,
    record,
    touch,
)
from sync_server.steering.models import (
    Measure,
    MeasureStatus,
    ProjectGroup,
    SteeringChange,
    Topic,
    TopicGap,
    TopicMunicipality,
    TopicState,
)

ENTITY = "topic"
MAX_TITLE = 200


@dataclass(frozen=True)
class GapRef:
    office_id: str
    key: str

    @classmethod
    def parse(cls, value: str) -> GapRef:
        """A gap as the forms name it: ``office id:gap key``."""
        office_id, _, key = value.partition(":")
        if not office_id or not key:
            raise SteeringError("Diese Fehlstelle ist unbekannt.")
        return cls(office_id, key)

    def __str__(self) -> str:
        return f"{self.office_id}:{self.key}"


@dataclass(frozen=True)
class TopicSummary:
    topic: Topic
    municipalities: list[str]
    #: The released gaps counted (of the reader's municipalities).
    gaps: int
    cases: Cell
    state: TopicState
    group: ProjectGroup | None


def derive_state(statuses: Iterable[MeasureStatus]) -> TopicState:
    """Open without measures; in progress while one is planned or under way; once all are
    closed, not solvable locally if one says so, else solved."""
    seen = set(statuses)
    if not seen:
        return TopicState.OPEN
    if seen & {MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS}:
        return TopicState.IN_PROGRESS
    if MeasureStatus.NOT_SOLVABLE_LOCALLY in seen:
        return TopicState.NOT_SOLVABLE_LOCALLY
    return TopicState.SOLVED


def get_topic(session: Session, topic_id: int) -> Topic:
    topic = session.get(Topic, topic_id)
    if topic is None or topic.deleted_at is not None:
        raise NotFound("Dieses Thema")
    return topic


def _municipalities(session: Session, topic_ids: Sequence[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    if topic_ids:
        for row in session.scalars(select(TopicMunicipality).where(
                TopicMunicipality.topic_id.in_(topic_ids))):
            out[row.topic_id].add(row.municipality)
    return out


def _set_municipalities(session: Session, topic: Topic, codes: Iterable[str]) -> list[str]:
    wanted = municipality_codes(codes, allowed=None)
    session.execute(delete(TopicMunicipality).where(TopicMunicipality.topic_id == topic.id))
    session.add_all(TopicMunicipality(topic_id=topic.id, municipality=c) for c in wanted)
    return wanted


def _gap(session: Session, ref: GapRef, allowed: frozenset[str] | None) -> ReleasedGapRow:
    """A released gap the coordinator may see; any other is unknown here."""
    gap = session.scalar(select(ReleasedGapRow).where(
        ReleasedGapRow.office_id == ref.office_id, ReleasedGapRow.key == ref.key,
        ReleasedGapRow.withdrawn == false()))
    if gap is None or (allowed is not None and gap.municipality not in allowed):
        raise SteeringError("Diese Fehlstelle ist unbekannt.")
    return gap


def create_topic(
    session: Session, *, title: str | None, field: str | None, municipalities: Iterable[str],
    gaps: Iterable[GapRef] = (), actor: str, allowed: frozenset[str] | None = None,
) -> Topic:
    """A new topic, with the given gaps grouped into it at once."""
    topic = Topic(title=checked_text(title, what="Titel", max_length=MAX_TITLE),
                  field_of_action=field_of_action(field))
    codes = municipality_codes(municipalities, allowed=allowed)
    touch(topic, actor, created=True)
    session.add(topic)
    session.flush()
    codes = _set_municipalities(session, topic, codes)
    record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
           action="create", detail={"title": topic.title, "municipalities": codes,
                                    "field_of_action": topic.field_of_action})
    group_gaps(session, topic_id=topic.id, gaps=gaps, actor=actor, allowed=allowed)
    return topic


def update_topic(
    session: Session, *, topic_id: int, title: str | None, field: str | None,
    municipalities: Iterable[str], actor: str, allowed: frozenset[str] | None = None,
) -> Topic:
    """Changes title, field of action and municipalities; a limited coordinator changes only
    their own municipalities of the list and keeps the others'."""
    topic = get_topic(session, topic_id)
    topic.title = checked_text(title, what="Titel", max_length=MAX_TITLE)
    topic.field_of_action = field_of_action(field)
    chosen = set(municipality_codes(municipalities, allowed=allowed))
    if allowed is not None:
        chosen |= _municipalities(session, [topic.id])[topic.id] - allowed
    codes = _set_municipalities(session, topic, chosen)
    touch(topic, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
           action="update", detail={"title": topic.title, "municipalities": codes,
                                    "field_of_action": topic.field_of_action})
    return topic


def group_gaps(session: Session, *, topic_id: int, gaps: Iterable[GapRef], actor: str,
               allowed: frozenset[str] | None = None) -> int:
    """Groups released gaps into the topic; returns how many. A gap of another topic is
    refused with that topic's title: it belongs to one at most."""
    topic = get_topic(session, topic_id)
    places = _municipalities(session, [topic.id])[topic.id]
    added = 0
    for ref in dict.fromkeys(gaps):
        gap = _gap(session, ref, allowed)
        member = session.get(TopicGap, (gap.office_id, gap.key))
        if member is not None:
            if member.topic_id == topic.id:
                continue
            other = session.get_one(Topic, member.topic_id)
            raise SteeringError(f"Eine der Fehlstellen gehört schon zum Thema „{other.title}“. "
                                "Bitte sie dort zuerst aus dem Thema lösen.")
        session.add(TopicGap(office_id=gap.office_id, gap_key=gap.key, topic_id=topic.id,
                             added_at=utcnow(), added_by=actor))
        if gap.municipality not in places:
            places.add(gap.municipality)
            session.add(TopicMunicipality(topic_id=topic.id, municipality=gap.municipality))
        record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
               action="group", detail={"office_id": gap.office_id, "gap_key": gap.key,
                                       "municipality": gap.municipality})
        added += 1
    try:
        session.flush()
    except IntegrityError:
        # Another coordinator grouped the same gap at this moment.
        raise SteeringError("Eine der Fehlstellen wurde eben einem anderen Thema zugeordnet. "
                            "Bitte die Seite neu laden.", 409) from None
    if added:
        touch(topic, actor)
    return added


def ungroup_gap(session: Session, *, topic_id: int, gap: GapRef, actor: str,
                allowed: frozenset[str] | None = None) -> None:
    topic = get_topic(session, topic_id)
    row = _gap(session, gap, allowed)
    member = session.get(TopicGap, (row.office_id, row.key))
    if member is None or member.topic_id != topic.id:
        raise SteeringError("Diese Fehlstelle gehört nicht zu diesem Thema.")
    session.delete(member)
    touch(topic, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
           action="ungroup", detail={"office_id": row.office_id, "gap_key": row.key})


def assign_group(session: Session, *, topic_id: int, group_id: int | None,
                 actor: str) -> Topic:
    """Assigns the topic to a project group (None: to none)."""
    topic = get_topic(session, topic_id)
    name = None
    if group_id is not None:
        group = session.get(ProjectGroup, group_id)
        if group is None or group.deleted_at is not None:
            raise NotFound("Diese Projektgruppe")
        name = group.name
    topic.project_group_id = group_id
    touch(topic, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
           action="assign",
           detail={"project_group_id": group_id, "project_group_name": name})
    return topic


def delete_topic(session: Session, *, topic_id: int, actor: str,
                 allowed: frozenset[str] | None = None) -> None:
    """Marks the topic deleted and frees its gaps; its measures and history stay. A limited
    coordinator cannot delete a topic that holds gaps of other municipalities."""
    topic = get_topic(session, topic_id)
    members = session.execute(
        select(TopicGap, ReleasedGapRow.municipality)
        .join(ReleasedGapRow, (ReleasedGapRow.office_id == TopicGap.office_id)
              & (ReleasedGapRow.key == TopicGap.gap_key), isouter=True)
        .where(TopicGap.topic_id == topic.id)).all()
    if allowed is not None and any(m not in allowed for _, m in members if m is not None):
        raise SteeringError("Dieses Thema umfasst Fehlstellen anderer Kommunen. Löschen kann es "
                            "nur eine Koordination für alle diese Kommunen.", 403)
    for member, _ in members:
        session.delete(member)
        record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
               action="ungroup",
               detail={"office_id": member.office_id, "gap_key": member.gap_key})
    topic.deleted_at, topic.deleted_by = utcnow(), actor
    touch(topic, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=topic.id, topic_id=topic.id,
           action="delete")


# --- reading -----------------------------------------------------------------------------------


def member_gaps(session: Session, topic_ids: Sequence[int], counts: GapCounts,
                allowed: frozenset[str] | None = None) -> dict[int, list[ReleasedGapRow]]:
    """The released, not withdrawn gaps of each topic (of ``allowed`` municipalities only),
    most published cases first."""
    out: dict[int, list[ReleasedGapRow]] = defaultdict(list)
    if not topic_ids:
        return out
    statement = (
        select(TopicGap.topic_id, ReleasedGapRow)
        .join(ReleasedGapRow, (ReleasedGapRow.office_id == TopicGap.office_id)
              & (ReleasedGapRow.key == TopicGap.gap_key))
        .where(TopicGap.topic_id.in_(topic_ids), ReleasedGapRow.withdrawn == false())
        .order_by(ReleasedGapRow.released_on.desc(), ReleasedGapRow.id))
    if allowed is not None:
        statement = statement.where(ReleasedGapRow.municipality.in_(sorted(allowed)))
    for topic_id, gap in session.execute(statement):
        out[topic_id].append(gap)
    for gaps in out.values():
        gaps[:] = counts.ranked(gaps)
    return out


def ungrouped_gaps(session: Session, counts: GapCounts, allowed: frozenset[str] | None = None,
                   ) -> list[ReleasedGapRow]:
    """Released gaps in no topic yet, most published cases first."""
    grouped = select(TopicGap.gap_key).where(TopicGap.office_id == ReleasedGapRow.office_id,
                                             TopicGap.gap_key == ReleasedGapRow.key)
    statement = (select(ReleasedGapRow)
                 .where(ReleasedGapRow.withdrawn == false(), ~grouped.exists())
                 .order_by(ReleasedGapRow.released_on.desc(), ReleasedGapRow.id))
    if allowed is not None:
        statement = statement.where(ReleasedGapRow.municipality.in_(sorted(allowed)))
    return counts.ranked(list(session.scalars(statement)))


def states(session: Session, topic_ids: Sequence[int]) -> dict[int, TopicState]:
    statuses: dict[int, list[MeasureStatus]] = {topic_id: [] for topic_id in topic_ids}
    if topic_ids:
        for topic_id, status in session.execute(
                select(Measure.topic_id, Measure.status)
                .where(Measure.topic_id.in_(topic_ids), Measure.deleted_at.is_(None))):
            statuses[topic_id].append(MeasureStatus(status))
    return {topic_id: derive_state(s) for topic_id, s in statuses.items()}


def summaries(session: Session, *, counts: GapCounts, allowed: frozenset[str] | None = None,
              group_id: int | None = None) -> list[TopicSummary]:
    """Every topic that is not deleted (of one project group, when given), newest first."""
    statement = select(Topic).where(Topic.deleted_at.is_(None))
    if group_id is not None:
        statement = statement.where(Topic.project_group_id == group_id)
    topics = list(session.scalars(statement.order_by(Topic.created_at.desc(), Topic.id.desc())))
    ids = [t.id for t in topics]
    places = _municipalities(session, ids)
    members = member_gaps(session, ids, counts, allowed)
    state = states(session, ids)
    groups = {g.id: g for g in session.scalars(select(ProjectGroup).where(
        ProjectGroup.deleted_at.is_(None)))}
    return [
        TopicSummary(
            topic=t,
            municipalities=municipality_codes(places[t.id], allowed=None),
            gaps=len(members[t.id]),
            cases=counts.cell(members[t.id]),
            state=state[t.id],
            group=groups.get(t.project_group_id) if t.project_group_id is not None else None,
        )
        for t in topics
    ]


def history(session: Session, topic_id: int) -> list[SteeringChange]:
    """Every change of the topic and of its measures, newest first."""
    return list(session.scalars(select(SteeringChange)
                                .where(SteeringChange.topic_id == topic_id)
                                .order_by(SteeringChange.at.desc(), SteeringChange.id.desc())))
