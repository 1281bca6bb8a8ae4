"""The coordinators' pages of Baustein I: topics (grouping released gaps), project groups and
measures. Every form posts back here and is answered by a redirect to the page it changed; a
change that cannot be made is a page saying why in German, with a link back."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Form, Path, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from kim_protocol.catalogs import default_catalogs
from sync_server.config import Settings
from sync_server.dashboard import auth, security
from sync_server.dashboard.rendering import SECURITY_HEADERS, render
from sync_server.dashboard.routes.pages import (
    FormText,
    OptionalFormText,
    QueryText,
    dashboard_router,
    end_read,
    municipalities,
    nav,
    page,
)
from sync_server.dashboard.routes.reports import report_filter
from sync_server.dashboard.security import Coordinator, SessionDep, SettingsDep
from sync_server.reports.exporting import MEDIA_TYPES, record_export
from sync_server.reports.exports.pdf_export import PdfLayoutError
from sync_server.reports.filters import FilterError
from sync_server.reports.gap_counts import GapCounts
from sync_server.steering import measures, project_groups, report_pdf, report_xlsx, topics
from sync_server.steering.common import SteeringError
from sync_server.steering.models import (
    MEASURE_STATUS_LABELS,
    TOPIC_STATE_LABELS,
    MeasureStatus,
    SteeringChange,
)
from sync_server.steering.report import build_report

router = dashboard_router()

FormList = Annotated[list[str] | None, Form()]
#: A row's id in an address: a database integer (an id past 2**63 - 1 answered 500).
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]
TOPICS = "/dashboard/themen"
GROUPS = "/dashboard/projektgruppen"
MEASURES = "/dashboard/massnahmen"


def _refused(user: auth.CurrentUser, session: Session, error: SteeringError,
             back: str) -> Response:
    session.rollback()
    return render("message.html", error.status, user=user, nav=nav(user),
                  title="Nicht gespeichert", message=error.message, back=back,
                  back_label="Zurück")


def _counts(session: Session, settings: Settings) -> GapCounts:
    return GapCounts(session, threshold=settings.report_min_cell)


def _done(session: Session, target: str) -> Response:
    session.commit()
    return RedirectResponse(target, status_code=303)


def change_label(change: SteeringChange) -> str:
    """A line of the history in words."""
    detail = change.detail
    if change.entity == "measure":
        if change.action == "delete":
            return "Maßnahme gelöscht"
        status = MEASURE_STATUS_LABELS.get(MeasureStatus(detail["status"]), "")
        verb = "erfasst" if change.action == "create" else "geändert"
        return f"Maßnahme {verb}: „{detail['action']}“ ({status})"
    labels = default_catalogs().municipalities.label
    match change.action:
        case "create" | "update":
            places = ", ".join(labels(c) for c in detail.get("municipalities", [])) or "keine"
            verb = "angelegt" if change.action == "create" else "geändert"
            return f"Thema {verb}: „{detail['title']}“ (Kommunen: {places})"
        case "group":
            return f"Fehlstelle aus {labels(detail['municipality'])} hinzugefügt"
        case "ungroup":
            return "Fehlstelle aus dem Thema gelöst"
        case "assign":
            name = detail.get("project_group_name")
            return f"Projektgruppe zugeordnet: {name}" if name else "Keine Projektgruppe mehr"
        case _:
            return "Thema gelöscht"


def _labels() -> dict[str, Any]:
    catalogs = default_catalogs()
    return {
        "fields": [(e.code, e.label) for e in catalogs.fields_of_action],
        "field_label": catalogs.fields_of_action.label,
        "municipality_label": catalogs.municipalities.label,
        "places": lambda codes: ", ".join(catalogs.municipalities.label(c) for c in codes),
        "category_label": catalogs.structural_gap_categories.label,
        "state_labels": TOPIC_STATE_LABELS,
        "status_labels": MEASURE_STATUS_LABELS,
        "statuses": list(MeasureStatus),
        "change_label": change_label,
    }


def _gap_refs(values: list[str] | None) -> list[topics.GapRef]:
    return [topics.GapRef.parse(v) for v in values or []]


def _number(raw: str | None) -> int | None:
    value = (raw or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise SteeringError("Bitte aus der Liste wählen.")
    return int(value)


# --- topics ------------------------------------------------------------------------------------


@router.get("/themen")
def topics_page(request: Request, user: Coordinator, session: SessionDep,
                settings: SettingsDep) -> Response:
    counts = _counts(session, settings)
    summaries = topics.summaries(session, counts=counts, allowed=user.municipalities)
    free = topics.ungrouped_gaps(session, counts, user.municipalities)
    end_read(session)
    return page("topics.html", user, request, summaries=summaries, free=free,
                municipalities=municipalities(user), threshold=settings.report_min_cell,
                gap_cases=counts.display, **_labels())


@router.post("/themen")
def create_topic(
    user: Coordinator, session: SessionDep, title: OptionalFormText = None,
    field: OptionalFormText = None, municipality: FormList = None, gap: FormList = None,
    csrf: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    try:
        topic = topics.create_topic(session, title=title, field=field,
                                    municipalities=municipality or [], gaps=_gap_refs(gap),
                                    actor=user.name, allowed=user.municipalities)
    except SteeringError as error:
        return _refused(user, session, error, TOPICS)
    return _done(session, f"{TOPICS}/{topic.id}")


@router.get("/themen/{topic_id}")
def topic_page(topic_id: RowId, request: Request, user: Coordinator, session: SessionDep,
               settings: SettingsDep) -> Response:
    try:
        topic = topics.get_topic(session, topic_id)
    except SteeringError as error:
        session.rollback()
        return page("message.html", user, request, error.status, title="Nicht gefunden",
                    message=error.message, back=TOPICS, back_label="Zu den Themen")
    counts = _counts(session, settings)
    summary = next(s for s in topics.summaries(session, counts=counts,
                                               allowed=user.municipalities)
                   if s.topic.id == topic.id)
    context: dict[str, Any] = {
        "summary": summary,
        "members": topics.member_gaps(session, [topic.id], counts,
                                      user.municipalities)[topic.id],
        "free": topics.ungrouped_gaps(session, counts, user.municipalities),
        "gap_cases": counts.display,
        "groups": project_groups.list_groups(session),
        "measures": [m for m, _ in measures.list_measures(session, topic.id)],
        "history": topics.history(session, topic.id),
    }
    end_read(session)
    return page("topic.html", user, request, municipalities=municipalities(user),
                threshold=settings.report_min_cell, **context, **_labels())


@router.post("/themen/{topic_id}")
def update_topic(
    topic_id: RowId, user: Coordinator, session: SessionDep, title: OptionalFormText = None,
    field: OptionalFormText = None, municipality: FormList = None,
    csrf: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    back = f"{TOPICS}/{topic_id}"
    try:
        topics.update_topic(session, topic_id=topic_id, title=title, field=field,
                            municipalities=municipality or [], actor=user.name,
                            allowed=user.municipalities)
    except SteeringError as error:
        return _refused(user, session, error, back)
    return _done(session, back)


@router.post("/themen/{topic_id}/fehlstellen")
def group_gaps(topic_id: RowId, user: Coordinator, session: SessionDep, gap: FormList = None,
               csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    back = f"{TOPICS}/{topic_id}"
    try:
        if not gap:
            raise SteeringError("Bitte mindestens eine Fehlstelle ankreuzen.")
        topics.group_gaps(session, topic_id=topic_id, gaps=_gap_refs(gap), actor=user.name,
                          allowed=user.municipalities)
    except SteeringError as error:
        return _refused(user, session, error, back)
    return _done(session, back)


@router.post("/themen/{topic_id}/loesen")
def ungroup_gap(topic_id: RowId, user: Coordinator, session: SessionDep, gap: FormText,
                csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    back = f"{TOPICS}/{topic_id}"
    try:
        topics.ungroup_gap(session, topic_id=topic_id, gap=topics.GapRef.parse(gap),
                           actor=user.name, allowed=user.municipalities)
    except SteeringError as error:
        return _refused(user, session, error, back)
    return _done(session, back)


@router.post("/themen/{topic_id}/projektgruppe")
def assign_group(topic_id: RowId, user: Coordinator, session: SessionDep,
                 group: OptionalFormText = None, csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    back = f"{TOPICS}/{topic_id}"
    try:
        topics.assign_group(session, topic_id=topic_id, group_id=_number(group),
                            actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, back)
    return _done(session, back)


@router.post("/themen/{topic_id}/loeschen")
def delete_topic(topic_id: RowId, user: Coordinator, session: SessionDep,
                 confirm: OptionalFormText = None, csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    try:
        if confirm != "1":
            raise SteeringError("Bitte das Löschen mit dem Häkchen bestätigen.")
        topics.delete_topic(session, topic_id=topic_id, actor=user.name,
                            allowed=user.municipalities)
    except SteeringError as error:
        return _refused(user, session, error, f"{TOPICS}/{topic_id}")
    return _done(session, TOPICS)


@router.post("/themen/{topic_id}/massnahmen")
def create_measure(
    topic_id: RowId, user: Coordinator, session: SessionDep, action: OptionalFormText = None,
    responsible: OptionalFormText = None, due_on: OptionalFormText = None,
    status: OptionalFormText = None, outcome: OptionalFormText = None,
    csrf: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    back = f"{TOPICS}/{topic_id}"
    try:
        measures.create_measure(session, topic_id=topic_id, action=action,
                                responsible=responsible, due_on=due_on, status=status,
                                outcome=outcome, actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, back)
    return _done(session, f"{back}#massnahmen")


@router.get("/lenkungsgruppe")
def steering_report(request: Request, user: Coordinator, session: SessionDep,
                    settings: SettingsDep, format: QueryText = "pdf", von: QueryText = None,
                    bis: QueryText = None) -> Response:
    """The steering group's report for a calendar period, as PDF or XLSX."""
    if format not in ("pdf", "xlsx"):
        return page("message.html", user, request, 400, title="Unbekanntes Format",
                    message="Bitte PDF oder XLSX wählen.", back=TOPICS,
                    back_label="Zu den Themen")
    try:
        flt = report_filter(user, von, bis, None)
    except FilterError as error:
        return page("message.html", user, request, 400, title="Zeitraum ungültig",
                    message=str(error), back=TOPICS, back_label="Zu den Themen")
    threshold = settings.report_min_cell
    try:
        report = build_report(session, flt, threshold=threshold, catalogs=default_catalogs(),
                              today=dt.date.today())
        content = (report_pdf.render_pdf(report, threshold=threshold) if format == "pdf"
                   else report_xlsx.render_xlsx(report, threshold=threshold))
    except PdfLayoutError as error:
        return page("message.html", user, request, 422, title="PDF nicht möglich",
                    message=str(error), back=TOPICS, back_label="Zu den Themen")
    finally:
        end_read(session)
    # Logged before it is handed out, like every export.
    record_export(session, flt, format=format, actor=f"user:{user.name}", account=user.name,
                  action="steering_report.export")
    session.commit()
    name = f"kim-lenkungsgruppe_{flt.start.isoformat()}_{flt.end.isoformat()}.{format}"
    return Response(content, media_type=MEDIA_TYPES[format], headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})


# --- project groups ----------------------------------------------------------------------------


@router.get("/projektgruppen")
def groups_page(request: Request, user: Coordinator, session: SessionDep,
                settings: SettingsDep) -> Response:
    groups = project_groups.list_groups(session)
    summaries = topics.summaries(session, counts=_counts(session, settings),
                                 allowed=user.municipalities)
    end_read(session)
    count = {g.id: sum(1 for s in summaries if s.group is not None and s.group.id == g.id)
             for g in groups}
    return page("groups.html", user, request, groups=groups, topic_count=count, **_labels())


@router.post("/projektgruppen")
def create_group(user: Coordinator, session: SessionDep, name: OptionalFormText = None,
                 field: OptionalFormText = None, members: OptionalFormText = None,
                 csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    try:
        group = project_groups.create_group(session, name=name, field=field, members=members,
                                            actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, GROUPS)
    return _done(session, f"{GROUPS}/{group.id}")


@router.get("/projektgruppen/{group_id}")
def group_page(group_id: RowId, request: Request, user: Coordinator, session: SessionDep,
               settings: SettingsDep) -> Response:
    try:
        group = project_groups.get_group(session, group_id)
    except SteeringError as error:
        session.rollback()
        return page("message.html", user, request, error.status, title="Nicht gefunden",
                    message=error.message, back=GROUPS, back_label="Zu den Projektgruppen")
    summaries = topics.summaries(session, counts=_counts(session, settings),
                                 allowed=user.municipalities, group_id=group.id)
    ids = {s.topic.id for s in summaries}
    group_measures = [(m, t) for m, t in measures.list_measures(session) if t.id in ids]
    end_read(session)
    return page("group.html", user, request, group=group, summaries=summaries,
                measures=group_measures, threshold=settings.report_min_cell, **_labels())


@router.post("/projektgruppen/{group_id}")
def update_group(group_id: RowId, user: Coordinator, session: SessionDep,
                 name: OptionalFormText = None, field: OptionalFormText = None,
                 members: OptionalFormText = None, csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    back = f"{GROUPS}/{group_id}"
    try:
        project_groups.update_group(session, group_id=group_id, name=name, field=field,
                                    members=members, actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, back)
    return _done(session, back)


@router.post("/projektgruppen/{group_id}/loeschen")
def delete_group(group_id: RowId, user: Coordinator, session: SessionDep,
                 confirm: OptionalFormText = None, csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    try:
        if confirm != "1":
            raise SteeringError("Bitte das Löschen mit dem Häkchen bestätigen.")
        project_groups.delete_group(session, group_id=group_id, actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, f"{GROUPS}/{group_id}")
    return _done(session, GROUPS)


# --- measures ----------------------------------------------------------------------------------


@router.get("/massnahmen")
def measures_page(request: Request, user: Coordinator, session: SessionDep) -> Response:
    rows = measures.list_measures(session)
    session.rollback()
    return page("measures.html", user, request, rows=rows, **_labels())


@router.get("/massnahmen/{measure_id}")
def measure_page(measure_id: RowId, request: Request, user: Coordinator,
                 session: SessionDep) -> Response:
    try:
        measure = measures.get_measure(session, measure_id)
        topic = topics.get_topic(session, measure.topic_id)
    except SteeringError as error:
        session.rollback()
        return page("message.html", user, request, error.status, title="Nicht gefunden",
                    message=error.message, back=MEASURES, back_label="Zu den Maßnahmen")
    session.rollback()
    return page("measure.html", user, request, measure=measure, topic=topic, **_labels())


@router.post("/massnahmen/{measure_id}")
def update_measure(
    measure_id: RowId, user: Coordinator, session: SessionDep, action: OptionalFormText = None,
    responsible: OptionalFormText = None, due_on: OptionalFormText = None,
    status: OptionalFormText = None, outcome: OptionalFormText = None,
    csrf: OptionalFormText = None,
) -> Response:
    security.check_csrf(user, csrf)
    try:
        measure = measures.update_measure(session, measure_id=measure_id, action=action,
                                          responsible=responsible, due_on=due_on,
                                          status=status, outcome=outcome, actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, f"{MEASURES}/{measure_id}")
    return _done(session, f"{TOPICS}/{measure.topic_id}#massnahmen")


@router.post("/massnahmen/{measure_id}/loeschen")
def delete_measure(measure_id: RowId, user: Coordinator, session: SessionDep,
                   confirm: OptionalFormText = None, csrf: OptionalFormText = None) -> Response:
    security.check_csrf(user, csrf)
    try:
        if confirm != "1":
            raise SteeringError("Bitte das Löschen mit dem Häkchen bestätigen.")
        measure = measures.delete_measure(session, measure_id=measure_id, actor=user.name)
    except SteeringError as error:
        return _refused(user, session, error, f"{MEASURES}/{measure_id}")
    return _done(session, f"{TOPICS}/{measure.topic_id}#massnahmen")
