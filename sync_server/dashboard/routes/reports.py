"""The coordinators' pages: report views, exports and the structural-gaps board."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from kim_protocol.catalogs import default_catalogs
from sync_server.dashboard import auth, board, security
from sync_server.dashboard.models import GAP_STATE_LABELS, GapState
from sync_server.dashboard.rendering import SECURITY_HEADERS, render
from sync_server.dashboard.routes.pages import (
    FormText,
    OptionalFormText,
    QueryText,
    all_label,
    dashboard_router,
    end_read,
    municipalities,
    nav,
    page,
)
from sync_server.dashboard.security import Coordinator, SessionDep, SettingsDep
from sync_server.reports import exporting
from sync_server.reports.filters import FilterError, ReportFilter, parse_filter
from sync_server.reports.views import VIEWS_BY_SLUG, build_view

router = dashboard_router()


def report_filter(user: auth.CurrentUser, von: str | None, bis: str | None,
            kommune: str | None) -> ReportFilter:
    """The filter; a coordinator limited to some municipalities sees nothing of the others,
    and the totals are theirs together, not the Kreis's."""
    every = [(e.code, e.label) for e in default_catalogs().municipalities]
    return parse_filter(start=von, end=bis, municipality=kommune, municipalities=every,
                        today=dt.date.today(), allowed=user.municipalities)


def _filter_context(user: auth.CurrentUser, von: str | None, bis: str | None,
                    kommune: str | None, flt: ReportFilter | None) -> dict[str, Any]:
    return {
        "municipalities": municipalities(user),
        "all_label": all_label(user),
        "raw": {"von": von or "", "bis": bis or "", "kommune": kommune or ""},
        "flt": flt,
        "query": (
            f"von={flt.start.isoformat()}&bis={flt.end.isoformat()}"
            + (f"&kommune={flt.municipality}" if flt.municipality else "")
            if flt else ""
        ),
    }


@router.get("/bericht/{slug}")
def report_page(
    slug: str,
    request: Request,
    user: Coordinator,
    session: SessionDep,
    settings: SettingsDep,
    von: QueryText = None,
    bis: QueryText = None,
    kommune: QueryText = None,
) -> Response:
    view = VIEWS_BY_SLUG.get(slug)
    if view is None:
        return page("message.html", user, request, 404, title="Nicht gefunden",
                    message="Diese Auswertung gibt es nicht.")
    try:
        flt = report_filter(user, von, bis, kommune)
    except FilterError as error:
        return page("report.html", user, request, 400, view=view, tables=[],
                    error=str(error), **_filter_context(user, von, bis, kommune, None))
    tables = build_view(session, slug, flt, threshold=settings.report_min_cell)
    session.rollback()
    return page("report.html", user, request, view=view, tables=tables, error=None,
                threshold=settings.report_min_cell,
                **_filter_context(user, von, bis, kommune, flt))


@router.get("/export")
def export(
    request: Request,
    user: Coordinator,
    session: SessionDep,
    settings: SettingsDep,
    format: QueryText = "xlsx",
    von: QueryText = None,
    bis: QueryText = None,
    kommune: QueryText = None,
) -> Response:
    if format not in exporting.FORMATS:
        return page("message.html", user, request, 400, title="Unbekanntes Format",
                    message="Bitte XLSX, CSV oder PDF wählen.")
    try:
        flt = report_filter(user, von, bis, kommune)
    except FilterError as error:
        return page("message.html", user, request, 400, title="Filter ungültig",
                    message=str(error))
    try:
        content = exporting.export(session, flt, format=format,
                                   threshold=settings.report_min_cell)
    except exporting.PdfLayoutError as error:
        return page("message.html", user, request, 422, title="PDF nicht möglich",
                    message=str(error))
    finally:
        end_read(session)
    # Logged before it is handed out: no download goes unrecorded.
    exporting.record_export(session, flt, format=format, actor=f"user:{user.name}",
                            account=user.name)
    session.commit()
    filename = exporting.filename(flt, format)
    return Response(content, media_type=exporting.MEDIA_TYPES[format], headers={
        **SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"',
    })


@router.get("/fehlstellen")
def gaps_page(
    request: Request,
    user: Coordinator,
    session: SessionDep,
    settings: SettingsDep,
    kommune: QueryText = None,
    handlungsfeld: QueryText = None,
) -> Response:
    catalogs = default_catalogs()
    error = None
    try:
        municipality, field = board.parse_gap_filter(catalogs, kommune, handlungsfeld,
                                                     allowed=user.municipalities)
        entries = board.ranked_gaps(session, catalogs, municipality=municipality,
                                    field_of_action=field, threshold=settings.report_min_cell,
                                    allowed=user.municipalities)
    except FilterError as message:
        error, entries = str(message), []
    end_read(session)
    return page(
        "gaps.html", user, request, 400 if error else 200, entries=entries, error=error,
        municipalities=municipalities(user), all_label=all_label(user),
        fields=[(e.code, e.label) for e in catalogs.fields_of_action],
        states=list(GAP_STATE_LABELS.items()),
        raw={"kommune": kommune or "", "handlungsfeld": handlungsfeld or ""},
    )


@router.post("/fehlstellen/status")
def gap_status(
    user: Coordinator,
    session: SessionDep,
    office_id: FormText,
    key: FormText,
    status: FormText,
    csrf: OptionalFormText = None,
    back: FormText = "/dashboard/fehlstellen",
) -> Response:
    security.check_csrf(user, csrf)
    try:
        board.set_gap_status(session, office_id=office_id, key=key, status=GapState(status),
                             user=user.name, allowed=user.municipalities)
    except (ValueError, board.UnknownGap):
        session.rollback()
        return render("message.html", 400, user=user, nav=nav(user), title="Nicht gespeichert",
                      message="Diese Fehlstelle oder dieser Status ist unbekannt.")
    except board.GroupedGap as grouped:
        session.rollback()
        return render("message.html", 409, user=user, nav=nav(user), title="Nicht gespeichert",
                      message=grouped.message, back="/dashboard/fehlstellen",
                      back_label="Zu den Fehlstellen")
    session.commit()
    target = back if back.startswith("/dashboard/fehlstellen") else "/dashboard/fehlstellen"
    return RedirectResponse(target, status_code=303)
