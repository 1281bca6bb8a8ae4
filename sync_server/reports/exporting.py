"""One entry point for every export, shared by the dashboard and ``kim-server report``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kim_protocol.catalogs import default_catalogs
from sync_server.dashboard.board import ranked_gaps
from sync_server.reports.exports import FORMATS, MEDIA_TYPES, Report
from sync_server.reports.exports.csv_export import render_csv
from sync_server.reports.exports.pdf_export import PdfLayoutError, render_pdf
from sync_server.reports.exports.xlsx_export import render_xlsx
from sync_server.reports.filters import ReportFilter
from sync_server.reports.views import build_all
from sync_server.services import audit

__all__ = ["FORMATS", "MEDIA_TYPES", "PdfLayoutError", "export", "filename", "record_export"]


def filename(flt: ReportFilter, format: str) -> str:
    where = f"_{flt.municipality}" if flt.municipality else ""
    return f"kim-auswertung_{flt.start.isoformat()}_{flt.end.isoformat()}{where}.{format}"


def export(session: Session, flt: ReportFilter, *, format: str, threshold: int) -> bytes:
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}")
    catalogs = default_catalogs()
    report = Report(
        views=build_all(session, flt, threshold=threshold, catalogs=catalogs),
        # The gaps as the board shows them for the export's municipality, every field of action.
        gaps=ranked_gaps(session, catalogs, municipality=flt.municipality, field_of_action=None,
                         threshold=threshold, allowed=flt.allowed),
    )
    label = flt.area(catalogs.municipalities.label, catalogs.municipalities.codes())
    description = f"Zeitraum und Gebiet: {flt.describe(label)}. Schwelle: {threshold}."
    if format == "csv":
        return render_csv(report, flt, municipality_label=label)
    if format == "xlsx":
        return render_xlsx(report, description=description, threshold=threshold)
    return render_pdf(
        report, title="KIM – Bericht für die Lenkungsgruppe", description=description,
        threshold=threshold,
    )


def record_export(session: Session, flt: ReportFilter, *, format: str, actor: str,
                  account: str | None, action: str = "report.export") -> None:
    """The audit entry of an export that leaves the server: who (``actor``), as which
    coordinator's account (None: the operators' whole-Kreis export of the CLI), what
    (``action``: these reports, or ``steering_report.export`` for the steering group's) and
    for which period and area."""
    catalog = default_catalogs().municipalities
    audit.record(session, actor=actor, action=action, detail={
        "format": format, "from": flt.start.isoformat(), "to": flt.end.isoformat(),
        "municipality": flt.municipality, "account": account,
        "covers": flt.describe(flt.area(catalog.label, catalog.codes())),
    })
