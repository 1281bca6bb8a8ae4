"""The report views: queries turned into published, labelled tables.

A view name maps to a builder; the dashboard pages and every export take their tables from
here, so all of them show the same perturbed and hidden numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kim_protocol.catalogs import Catalogs, default_catalogs
from sync_server.reports import queries
from sync_server.reports.cells import Count, Entry, Sum
from sync_server.reports.filters import ReportFilter
from sync_server.reports.tables import ChartKind, Grid, ReportTable, build_table

MUNICIPALITY = "Kommune"
COUNTS = ["count"]
NOISE_NOTE = ("Alle Zahlen sind leicht überlagert (Cell-Key-Methode); auch Summen sind eigens "
              "überlagert, daher ergeben Zeilen und Spalten nicht immer genau die Summe.")
GENDER_LABELS = {
    "female": "weiblich", "male": "männlich", "diverse": "divers",
    "unspecified": "ohne Angabe", "unknown": "ohne Angabe",
}
PRECHECK_STATUS_LABELS = {
    "met": "voraussichtlich erfüllt",
    "met_later": "erfüllt ab späterem Datum",
    "not_met": "nicht erfüllt",
    "unknown": "unklar (Angaben fehlen)",
}
PRECHECK_RULE_LABELS = {
    "aufenthg_25a": "§ 25a AufenthG",
    "aufenthg_25b": "§ 25b AufenthG",
    "stag_10": "§ 10 StAG",
}
REFERRAL_OUTCOME_LABELS = {
    "planned": "geplant", "sent": "versendet", "accepted": "angenommen",
    "declined": "abgelehnt", "completed": "abgeschlossen", "cancelled": "abgebrochen",
    "unknown": "unbekannt",
}


MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt",
                       "Nov", "Dez")


def month_label(month: str) -> str:
    """ "2026-03" -> "Mär 2026" """
    year, number = month.split("-")
    return f"{MONTH_ABBREVIATIONS[int(number) - 1]} {year}"


@dataclass(frozen=True)
class Context:
    session: Session
    flt: ReportFilter
    threshold: int
    catalogs: Catalogs

    def label(self, catalog: str, code: str) -> str:
        return self.catalogs[catalog].label(code)

    def describe(self) -> str:
        return self.flt.describe(self.flt.area(
            lambda code: self.label("municipalities", code),
            self.catalogs.municipalities.codes()))


def _overview(ctx: Context) -> list[ReportTable]:
    """The key figures: the totals row of the municipality tables, the very same cells (the
    same contributors give the same noise)."""
    cases, contacts = _by_municipality(ctx)
    figures = [*(cases.total_cells() or []), *(contacts.total_cells() or [])]
    labels = [*cases.column_labels, *contacts.column_labels]
    grid = Grid([[c] for c in figures], None, None, None, ctx.threshold)
    return [
        ReportTable(
            slug="kennzahlen",
            title="Kennzahlen",
            caption=f"Kennzahlen, {ctx.describe()}",
            row_heading="Kennzahl",
            row_labels=labels,
            column_labels=["Wert"],
            grid=grid,
            notes=[NOISE_NOTE],
        )
    ]


def _by_municipality(ctx: Context) -> list[ReportTable]:
    return [_by_municipality_cases(ctx), _by_municipality_contacts(ctx)]


def _municipality_order(ctx: Context, present: set[str]) -> list[str]:
    ordered = [c for c in ctx.catalogs.municipalities.codes() if c in present]
    return ordered + sorted(present - set(ordered))


def _by_municipality_cases(ctx: Context) -> ReportTable:
    counts = queries.case_counts_by_municipality(ctx.session, ctx.flt)
    order = _municipality_order(ctx, set(counts))
    total = sum((counts[m] for m in order), queries.CaseCounts())
    return build_table(
        slug="faelle_kommune",
        title="Fälle nach Kommune",
        caption=f"Aktive, neue und abgeschlossene Fälle, {ctx.describe()}",
        row_heading=MUNICIPALITY,
        rows=[
            (ctx.label("municipalities", m), (counts[m].active, counts[m].new, counts[m].closed))
            for m in order
        ],
        column_labels=["Aktive Fälle", "Neue Fälle", "Abgeschlossene Fälle"],
        measures=COUNTS * 3,
        threshold=ctx.threshold,
        column_totals=(total.active, total.new, total.closed),
        chart=ChartKind.BAR,
        notes=[NOISE_NOTE],
    )


def _by_municipality_contacts(ctx: Context) -> ReportTable:
    contacts, total = queries.contacts_by_municipality(ctx.session, ctx.flt)
    order = _municipality_order(ctx, set(contacts))
    return _contact_table(
        ctx,
        slug="beratung_kommune",
        title="Beratungskontakte nach Kommune",
        row_heading=MUNICIPALITY,
        labels=[ctx.label("municipalities", m) for m in order],
        contacts=[contacts[m] for m in order],
        total=total,
        with_cases=False,
    )


def _contact_table(
    ctx: Context,
    *,
    slug: str,
    title: str,
    row_heading: str,
    labels: list[str],
    contacts: list[queries.Contacts],
    total: queries.Contacts | None,
    with_cases: bool,
    chart: ChartKind = ChartKind.BAR,
    notes: tuple[str, ...] = (),
) -> ReportTable:
    """Consultations and minutes (and, per month, the cases with contact); a sum is hidden
    when fewer persons than the threshold stand behind it."""

    def entries(c: queries.Contacts) -> list[Entry]:
        return [*([c.cases] if with_cases else []), c.consultations, c.minutes]

    columns = [*(["Fälle mit Kontakt im Monat"] if with_cases else []), "Beratungskontakte",
               "Minuten"]
    return build_table(
        slug=slug, title=title,
        caption=f"{title}, {ctx.describe()}",
        row_heading=row_heading,
        rows=[(label, entries(c)) for label, c in zip(labels, contacts, strict=True)],
        column_labels=columns,
        measures=[*(COUNTS if with_cases else []), "consultations", "minutes"],
        threshold=ctx.threshold, chart=chart, chart_columns=(len(columns) - 2,),
        column_totals=entries(total) if total is not None else None,
        notes=[
            "Ein Wert wird ausgeblendet, wenn weniger Personen als die Schwelle dahinterstehen.",
            *notes,
            NOISE_NOTE,
        ],
    )


def _by_field(ctx: Context) -> list[ReportTable]:
    cases = queries.active_cases_by_field(ctx.session, ctx.flt)
    contacts = queries.contacts_by_field(ctx.session, ctx.flt)
    catalog = ctx.catalogs.fields_of_action
    order = [c for c in catalog.codes() if c in cases or c in contacts]
    order += sorted((set(cases) | set(contacts)) - set(order))
    note = "Ein Fall kann mehrere Handlungsfelder haben; deshalb gibt es keine Summe."
    return [
        build_table(
            slug="faelle_handlungsfeld",
            title="Aktive Fälle nach Handlungsfeld",
            caption=f"Aktive Fälle mit Bedarf im Handlungsfeld, {ctx.describe()}",
            row_heading="Handlungsfeld",
            rows=[(catalog.label(f), (cases.get(f, Count()),)) for f in order],
            column_labels=["Aktive Fälle"],
            measures=COUNTS,
            threshold=ctx.threshold,
            chart=ChartKind.BAR,
            notes=[note, NOISE_NOTE],
        ),
        _contact_table(
            ctx,
            slug="beratung_handlungsfeld",
            title="Beratungskontakte nach Handlungsfeld",
            row_heading="Handlungsfeld",
            labels=[catalog.label(f) for f in order],
            contacts=[contacts.get(f, queries.Contacts()) for f in order],
            total=None,
            with_cases=False,
        ),
    ]


def _referrals(ctx: Context) -> list[ReportTable]:
    table = queries.referrals(ctx.session, ctx.flt)
    categories = {c["code"]: c["label"] for c in ctx.catalogs.partner_agencies.meta.get(
        "categories", [])}
    agencies = sorted(table.rows, key=lambda a: categories.get(a, a))
    outcomes = [o for o in REFERRAL_OUTCOME_LABELS if o in table.columns]
    outcomes += sorted(set(table.columns) - set(outcomes))
    closures = queries.closures_by_reason(ctx.session, ctx.flt)
    reasons = [c for c in ctx.catalogs.closure_reasons.codes() if c in closures]
    reasons += sorted(set(closures) - set(reasons))
    with_goals, agreed, reached = queries.goals(ctx.session, ctx.flt)
    goal_table = build_table(
        slug="ziele", title="Ziele der aktiven Fälle",
        caption=f"Vereinbarte und erreichte Ziele, {ctx.describe()}",
        row_heading="Fälle", rows=[("Aktive Fälle", (with_goals, agreed, reached))],
        column_labels=["Fälle mit Zielen", "Ziele vereinbart", "Ziele erreicht"],
        measures=[*COUNTS, "goals_agreed", "goals_reached"],
        threshold=ctx.threshold,
        notes=[NOISE_NOTE],
    )
    return [
        build_table(
            slug="vermittlungen",
            title="Vermittlungen nach Stelle und Ergebnis",
            caption=f"Vermittlungen an Partnerstellen nach Ergebnis, {ctx.describe()}",
            row_heading="Stelle",
            rows=[
                (categories.get(a, a), [table.cells.get((a, o), Sum()) for o in outcomes])
                for a in agencies
            ],
            column_labels=[REFERRAL_OUTCOME_LABELS.get(o, o) for o in outcomes],
            measures=["referrals"] * len(outcomes),
            threshold=ctx.threshold,
            row_totals=[table.rows[a] for a in agencies],
            column_totals=[table.columns[o] for o in outcomes],
            grand_total=table.grand,
            notes=[
                "Eine Zahl wird ausgeblendet, wenn weniger Personen als die Schwelle hinter den "
                "Vermittlungen stehen.",
                NOISE_NOTE,
            ],
        ),
        build_table(
            slug="abschluesse",
            title="Abgeschlossene Fälle nach Grund",
            caption=f"Abschlussgründe der im Zeitraum abgeschlossenen Fälle, "
            f"{ctx.describe()}",
            row_heading="Abschlussgrund",
            rows=[(ctx.label("closure_reasons", r), (closures[r],)) for r in reasons],
            column_labels=["Fälle"],
            measures=COUNTS,
            threshold=ctx.threshold,
            column_totals=[sum((closures[r] for r in reasons), Count())],
            chart=ChartKind.BAR,
            notes=[NOISE_NOTE],
        ),
        goal_table,
    ]


def _potential(ctx: Context) -> list[ReportTable]:
    pairs = queries.prechecks(ctx.session, ctx.flt)
    rules = [r for r in PRECHECK_RULE_LABELS if any(p[0] == r for p in pairs)]
    rules += sorted({r for r, _ in pairs} - set(rules))
    statuses = [s for s in PRECHECK_STATUS_LABELS if any(p[1] == s for p in pairs)]
    statuses += sorted({s for _, s in pairs} - set(statuses))
    return [
        build_table(
            slug="baustein3",
            title="Baustein III: Potenzial nach Regel",
            caption="Ergebnis der Vorprüfungen (§§ 25a, 25b AufenthG, § 10 StAG) der aktiven "
            f"Fälle, {ctx.describe()}. Eine Vorprüfung ist keine Entscheidung.",
            row_heading="Regel",
            rows=[
                (PRECHECK_RULE_LABELS.get(r, r), [pairs.get((r, s), Count()) for s in statuses])
                for r in rules
            ],
            column_labels=[PRECHECK_STATUS_LABELS.get(s, s) for s in statuses],
            measures=COUNTS * len(statuses),
            threshold=ctx.threshold,
            # Each client has one result per rule: the statuses of a rule are disjoint.
            row_totals=[sum((pairs.get((r, s), Count()) for s in statuses), Count())
                        for r in rules],
            chart=ChartKind.BAR,
            notes=[NOISE_NOTE],
        )
    ]


def _trends(ctx: Context) -> list[ReportTable]:
    cases = queries.cases_by_month(ctx.session, ctx.flt)
    contacts, total = queries.contacts_by_month(ctx.session, ctx.flt)
    months = ctx.flt.months()
    labels = [month_label(m) for m in months]
    per_month = [cases.get(m, (Count(), Count())) for m in months]
    case_table = build_table(
        slug="verlauf_faelle",
        title="Neue und abgeschlossene Fälle je Monat",
        caption=f"Fälle je Monat, {ctx.describe()}",
        row_heading="Monat",
        rows=list(zip(labels, per_month, strict=True)),
        column_labels=["Neue Fälle", "Abgeschlossene Fälle"],
        measures=COUNTS * 2,
        threshold=ctx.threshold,
        column_totals=[sum((m[0] for m in per_month), Count()),
                       sum((m[1] for m in per_month), Count())],
        chart=ChartKind.LINE,
        chart_columns=(0, 1),
        notes=[NOISE_NOTE],
    )
    contact_table = _contact_table(
        ctx,
        slug="verlauf_beratung",
        title="Beratungskontakte je Monat",
        row_heading="Monat",
        labels=labels,
        contacts=[contacts.get(m, queries.Contacts()) for m in months],
        total=total,
        chart=ChartKind.LINE,
        with_cases=True,
        notes=("Ein Fall mit Kontakten in mehreren Monaten zählt in der Summe mehrfach.",),
    )
    return [case_table, contact_table]


def _characteristics(ctx: Context) -> list[ReportTable]:
    tables = []
    status_labels = {
        "asylum_permit": "Aufenthaltsgestattung", "toleration": "Duldung",
        "toleration_unclear_identity": "Duldung (ungeklärte Identität)",
        "residence_permit": "Aufenthaltserlaubnis", "settlement_permit": "Niederlassung",
        "eu_freedom_of_movement": "EU-Freizügigkeit", "naturalised": "eingebürgert",
        "unknown": "ohne Angabe",
    }
    for column, title, labels in (
        ("age_band", "Altersgruppe", {"unknown": "ohne Angabe"}),
        ("gender", "Geschlecht", GENDER_LABELS),
        ("status_category", "Aufenthaltsstatus", status_labels),
    ):
        counts = queries.active_cases_by(ctx.session, ctx.flt, column)
        order = sorted(counts)
        tables.append(
            build_table(
                slug=f"merkmal_{column}",
                title=f"Aktive Fälle nach {title}",
                caption=f"Aktive Fälle nach {title}, {ctx.describe()}",
                row_heading=title,
                rows=[(labels.get(k, k), (counts[k],)) for k in order],
                column_labels=["Aktive Fälle"],
                measures=COUNTS,
                threshold=ctx.threshold,
                column_totals=[sum((counts[k] for k in order), Count())],
                notes=[NOISE_NOTE],
            )
        )
    groups = queries.active_cases_by_target_group(ctx.session, ctx.flt)
    tables.append(
        build_table(
            slug="merkmal_zielgruppe",
            title="Aktive Fälle nach Zielgruppenkriterium",
            caption=f"Aktive Fälle nach Zielgruppenkriterium, {ctx.describe()}",
            row_heading="Kriterium",
            rows=[
                (ctx.label("target_group_criteria", k), (groups[k],)) for k in sorted(groups)
            ],
            column_labels=["Aktive Fälle"],
            measures=COUNTS,
            threshold=ctx.threshold,
            notes=["Ein Fall kann mehrere Kriterien erfüllen; deshalb gibt es keine Summe.",
                   NOISE_NOTE],
        )
    )
    return tables


@dataclass(frozen=True)
class View:
    slug: str
    title: str
    build: Callable[[Context], list[ReportTable]]


VIEWS: tuple[View, ...] = (
    View("uebersicht", "Übersicht", _overview),
    View("kommunen", "Nach Kommune", _by_municipality),
    View("handlungsfelder", "Handlungsfelder", _by_field),
    View("vermittlungen", "Vermittlungen und Ergebnisse", _referrals),
    View("baustein3", "Baustein III: Potenzial", _potential),
    View("verlauf", "Verlauf nach Monaten", _trends),
    View("merkmale", "Zielgruppe und Merkmale", _characteristics),
)
VIEWS_BY_SLUG = {view.slug: view for view in VIEWS}


def build_view(
    session: Session, slug: str, flt: ReportFilter, *, threshold: int,
    catalogs: Catalogs | None = None,
) -> list[ReportTable]:
    ctx = Context(session, flt, threshold, catalogs or default_catalogs())
    return VIEWS_BY_SLUG[slug].build(ctx)


def build_all(
    session: Session, flt: ReportFilter, *, threshold: int, catalogs: Catalogs | None = None
) -> list[tuple[View, list[ReportTable]]]:
    ctx = Context(session, flt, threshold, catalogs or default_catalogs())
    return [(view, view.build(ctx)) for view in VIEWS]
