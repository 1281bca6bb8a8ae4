"""Project groups: a name, a field of action and the member organisations (free text, no
persons' data). Topics are assigned to them (:func:`sync_server.steering.topics.assign`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db import utcnow
from sync_server.steering.common import (
    NotFound,
    checked_text,
    field_of_action,
    record,
    touch,
)
from sync_server.steering.models import ProjectGroup, Topic

ENTITY = "project_group"
MAX_NAME = 200
MAX_MEMBERS = 2000


def get_group(session: Session, group_id: int) -> ProjectGroup:
    group = session.get(ProjectGroup, group_id)
    if group is None or group.deleted_at is not None:
        raise NotFound("Diese Projektgruppe")
    return group


def list_groups(session: Session) -> list[ProjectGroup]:
    return list(session.scalars(select(ProjectGroup).where(ProjectGroup.deleted_at.is_(None))
                                .order_by(ProjectGroup.name, ProjectGroup.id)))


def _apply(group: ProjectGroup, name: str | None, field: str | None,
           members: str | None) -> dict[str, Any]:
    group.name = checked_text(name, what="Name", max_length=MAX_NAME)
    group.field_of_action = field_of_action(field)
    group.members = checked_text(members, what="Mitglieder", max_length=MAX_MEMBERS,
                                 required=False, multiline=True)
    return {"name": group.name, "field_of_action": group.field_of_action,
            "members": group.members}


def create_group(session: Session, *, name: str | None, field: str | None,
                 members: str | None, actor: str) -> ProjectGroup:
    group = ProjectGroup()
    values = _apply(group, name, field, members)
    touch(group, actor, created=True)
    session.add(group)
    session.flush()
    record(session, actor=actor, entity=ENTITY, entity_id=group.id, action="create", detail=values)
    return group


def update_group(session: Session, *, group_id: int, name: str | None, field: str | None,
                 members: str | None, actor: str) -> ProjectGroup:
    group = get_group(session, group_id)
    values = _apply(group, name, field, members)
    touch(group, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=group.id, action="update", detail=values)
    return group


def delete_group(session: Session, *, group_id: int, actor: str) -> None:
    """Marks the group deleted; its topics lose the assignment (each change in the history)."""
    group = get_group(session, group_id)
    group.deleted_at, group.deleted_by = utcnow(), actor
    for topic in session.scalars(select(Topic).where(Topic.project_group_id == group.id,
                                                     Topic.deleted_at.is_(None))):
        topic.project_group_id = None
        touch(topic, actor)
        record(session, actor=actor, entity="topic", entity_id=topic.id, topic_id=topic.id,
               action="assign",
               detail={"project_group_id": None, "project_group_name": None})
    record(session, actor=actor, entity=ENTITY, entity_id=group.id, action="delete")
