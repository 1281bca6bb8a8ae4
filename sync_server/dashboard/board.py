"""The structural-gaps board: released gaps ranked by the published number of cases they were
seen in, with the steering group's status (new, in a project group, resolved)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_protocol.catalogs import Catalogs
from sync_server.dashboard.models import GAP_STATE_LABELS, GapState, GapStatus
from sync_server.db import utcnow
from sync_server.models.reports import ReleasedGapRow
from sync_server.reports import queries
from sync_server.reports.filters import FilterError
from sync_server.reports.gap_counts import GapCounts
from sync_server.steering import topics as steering_topics
from sync_server.steering.models import Topic, TopicGap, TopicState


class UnknownGap(LookupError):
    pass


class GroupedGap(Exception):
    """The gap is in a topic, whose state gives its status; the message is German."""

    def __init__(self, title: str) -> None:
        super().__init__(f"Der Status dieser Fehlstelle folgt aus ihrem Thema „{title}“: "
                         "behoben, sobald das Thema gelöst ist, sonst in einer Projektgruppe, "
                         "sobald eine Projektgruppe das Thema hat.")
        self.message = str(self)


@dataclass(frozen=True)
class BoardEntry:
    rank: int
    office_id: str
    key: str
    description: str
    category: str
    field_of_action: str
    municipality: str
    #: Perturbed with the gap's own key, "<5" when small, like every count.
    cases: str
    released_on: str
    status: GapState
    #: The topic the gap is grouped into (id, title), if any; then ``status`` follows it.
    topic: tuple[int, str] | None = None

    @property
    def status_label(self) -> str:
        return GAP_STATE_LABELS[self.status]


def parse_gap_filter(
    catalogs: Catalogs, municipality: str | None, field_of_action: str | None, *,
    allowed: frozenset[str] | None = None,
) -> tuple[str | None, str | None]:
    def pick(raw: str | None, catalog: str, what: str) -> str | None:
        if not raw or not raw.strip():
            return None
        wanted = raw.strip().casefold()
        for entry in catalogs[catalog]:
            if wanted in (entry.code.casefold(), entry.label.casefold()):
                return entry.code
        raise FilterError(f"{what} „{raw.strip()}“ ist nicht bekannt. Bitte aus der Liste wählen.")

    code = pick(municipality, "municipalities", "Die Kommune")
    if code is not None and allowed is not None and code not in allowed:
        raise FilterError(f"Die Kommune „{(municipality or '').strip()}“ ist für Ihr Konto "
                          "nicht freigegeben. Bitte aus der Liste wählen.")
    return code, pick(field_of_action, "fields_of_action", "Das Handlungsfeld")


def ranked_gaps(
    session: Session, catalogs: Catalogs, *, municipality: str | None,
    field_of_action: str | None, threshold: int, allowed: frozenset[str] | None = None,
) -> list[BoardEntry]:
    """The board; of ``allowed`` municipalities only, when given (a limited coordinator)."""
    counts = GapCounts(session, threshold=threshold)
    gaps = counts.ranked(queries.gaps(session, municipality=municipality,
                                      field_of_action=field_of_action, allowed=allowed))
    states = {
        (row.office_id, row.gap_key): GapState(row.status)
        for row in session.scalars(select(GapStatus))
    }
    grouped = session.execute(
        select(TopicGap.office_id, TopicGap.gap_key, Topic.id, Topic.title,
               Topic.project_group_id)
        .join(Topic, Topic.id == TopicGap.topic_id).where(Topic.deleted_at.is_(None))).all()
    topics = {(office_id, gap_key): (topic_id, title)
              for office_id, gap_key, topic_id, title, _ in grouped}
    topic_states = steering_topics.states(session, sorted({row[2] for row in grouped}))
    # A grouped gap's status follows its topic; the one set by hand counts again once the gap
    # leaves the topic.
    states.update({(office_id, gap_key): topic_status(topic_states[topic_id], group)
                   for office_id, gap_key, topic_id, _, group in grouped})
    return [
        BoardEntry(
            rank=index + 1,
            office_id=gap.office_id,
            key=gap.key,
            description=gap.description,
            category=catalogs.structural_gap_categories.label(gap.category),
            field_of_action=catalogs.fields_of_action.label(gap.field_of_action),
            municipality=catalogs.municipalities.label(gap.municipality),
            cases=counts.display(gap),
            released_on=gap.released_on,
            status=states.get((gap.office_id, gap.key), GapState.NEW),
            topic=topics.get((gap.office_id, gap.key)),
        )
        for index, gap in enumerate(gaps)
    ]


def topic_status(state: TopicState, project_group_id: int | None) -> GapState:
    """The board's status of a gap in a topic: resolved once the topic is solved, in a
    project group while one has the topic, else new."""
    if state is TopicState.SOLVED:
        return GapState.RESOLVED
    return GapState.NEW if project_group_id is None else GapState.PROJECT_GROUP


def set_gap_status(
    session: Session, *, office_id: str, key: str, status: GapState, user: str,
    allowed: frozenset[str] | None = None,
) -> GapStatus:
    """Sets a gap's status; a gap of a municipality outside ``allowed`` is unknown here, and
    that of a gap in a topic follows the topic (:class:`GroupedGap`)."""
    municipality = session.scalar(
        select(ReleasedGapRow.municipality).where(
            ReleasedGapRow.office_id == office_id, ReleasedGapRow.key == key
        )
    )
    if municipality is None or (allowed is not None and municipality not in allowed):
        raise UnknownGap(key)
    title = session.scalar(
        select(Topic.title).join(TopicGap, TopicGap.topic_id == Topic.id)
        .where(TopicGap.office_id == office_id, TopicGap.gap_key == key,
               Topic.deleted_at.is_(None)))
    if title is not None:
        raise GroupedGap(title)
    row = session.get(GapStatus, (office_id, key))
    if row is None:
        row = GapStatus(office_id=office_id, gap_key=key)
        session.add(row)
    row.status = status.value
    row.updated_at = utcnow()
    row.updated_by = user
    return row
