"""Aggregates of the report facts kept current by database triggers (revision 0002_dashboard).

The overview must answer over 1,000,000 facts in well under half a second on SQLite and
PostgreSQL. Scanning the facts cannot do that, so two small tables hold running sums, and
triggers on ``report_facts`` add a fact's contribution when it is inserted and subtract it
when it is updated or deleted; whichever code writes the facts, the sums stay exact.

* ``report_case_rollup``: live case facts per (municipality, month opened, month closed or
  "" while open). At most 11 x months x months rows, whatever the number of cases.
* ``report_contact_rollup``: per (municipality, month) the consultations, minutes and the
  number of cases with consultations in that month (one consultation-month fact per case).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, String, Table

from sync_server.db import Base

case_rollup = Table(
    "report_case_rollup",
    Base.metadata,
    Column("municipality", String(64), primary_key=True),
    Column("opened", String(7), primary_key=True),
    Column("closed", String(7), primary_key=True),
    Column("cases", Integer, nullable=False),
)

contact_rollup = Table(
    "report_contact_rollup",
    Base.metadata,
    Column("municipality", String(64), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("consultations", BigInteger, nullable=False),
    Column("minutes", BigInteger, nullable=False),
    Column("cases", Integer, nullable=False),
)

# --- the triggers, per dialect -------------------------------------------------------------

_CASE_WHEN = "{r}.fact_kind = 'case' AND NOT {r}.deleted AND {r}.case_opened IS NOT NULL"
_CONTACT_WHEN = "{r}.fact_kind = 'consultation_month' AND NOT {r}.deleted AND {r}.consultations > 0"


def _sqlite_case(row: str, sign: str) -> str:
    return (
        "INSERT INTO report_case_rollup (municipality, opened, closed, cases) "
        f"SELECT {row}.municipality, substr({row}.case_opened, 1, 7), "
        f"coalesce(substr({row}.case_closed, 1, 7), ''), {sign}1 "
        f"WHERE {_CASE_WHEN.format(r=row)} "
        "ON CONFLICT (municipality, opened, closed) DO UPDATE SET cases = cases + excluded.cases;"
    )


def _sqlite_contact(row: str, sign: str) -> str:
    return (
        "INSERT INTO report_contact_rollup (municipality, month, consultations, minutes, cases) "
        f"SELECT {row}.municipality, {row}.month, {sign}{row}.consultations, "
        f"{sign}{row}.minutes, {sign}1 WHERE {_CONTACT_WHEN.format(r=row)} "
        "ON CONFLICT (municipality, month) DO UPDATE SET "
        "consultations = consultations + excluded.consultations, "
        "minutes = minutes + excluded.minutes, cases = cases + excluded.cases;"
    )


SQLITE_TRIGGERS = [
    "CREATE TRIGGER report_facts_rollup_insert AFTER INSERT ON report_facts BEGIN "
    + _sqlite_case("NEW", "+") + _sqlite_contact("NEW", "+") + " END",
    "CREATE TRIGGER report_facts_rollup_delete AFTER DELETE ON report_facts BEGIN "
    + _sqlite_case("OLD", "-") + _sqlite_contact("OLD", "-") + " END",
    "CREATE TRIGGER report_facts_rollup_update AFTER UPDATE ON report_facts BEGIN "
    + _sqlite_case("OLD", "-") + _sqlite_contact("OLD", "-")
    + _sqlite_case("NEW", "+") + _sqlite_contact("NEW", "+") + " END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS report_facts_rollup_insert",
    "DROP TRIGGER IF EXISTS report_facts_rollup_delete",
    "DROP TRIGGER IF EXISTS report_facts_rollup_update",
]


def _pg_apply(row: str, sign: str) -> str:
    return f"""
    IF {_CASE_WHEN.format(r=row)} THEN
        INSERT INTO report_case_rollup AS r (municipality, opened, closed, cases)
        VALUES ({row}.municipality, to_char({row}.case_opened, 'YYYY-MM'),
                coalesce(to_char({row}.case_closed, 'YYYY-MM'), ''), {sign}1)
        ON CONFLICT (municipality, opened, closed) DO UPDATE SET cases = r.cases + excluded.cases;
    END IF;
    IF {_CONTACT_WHEN.format(r=row)} THEN
        INSERT INTO report_contact_rollup AS r (municipality, month, consultations, minutes, cases)
        VALUES ({row}.municipality, {row}.month, {sign}{row}.consultations, {sign}{row}.minutes,
                {sign}1)
        ON CONFLICT (municipality, month) DO UPDATE SET
            consultations = r.consultations + excluded.consultations,
            minutes = r.minutes + excluded.minutes, cases = r.cases + excluded.cases;
    END IF;"""


POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION report_facts_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN {_pg_apply("OLD", "-")}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN {_pg_apply("NEW", "+")}
    END IF;
    RETURN NULL;
END $$""",
    "CREATE TRIGGER report_facts_rollup AFTER INSERT OR UPDATE OR DELETE ON report_facts "
    "FOR EACH ROW EXECUTE FUNCTION report_facts_rollup()",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS report_facts_rollup ON report_facts",
    "DROP FUNCTION IF EXISTS report_facts_rollup()",
]

#: Fills the rollups from facts already present when the revision runs.
BACKFILL = {
    "sqlite": [
        "INSERT INTO report_case_rollup (municipality, opened, closed, cases) "
        "SELECT municipality, substr(case_opened, 1, 7), coalesce(substr(case_closed, 1, 7), ''),"
        f" count(*) FROM report_facts WHERE {_CASE_WHEN.format(r='report_facts')} "
        "GROUP BY 1, 2, 3",
    ],
    "postgresql": [
        "INSERT INTO report_case_rollup (municipality, opened, closed, cases) "
        "SELECT municipality, to_char(case_opened, 'YYYY-MM'), "
        "coalesce(to_char(case_closed, 'YYYY-MM'), ''), count(*) FROM report_facts "
        f"WHERE {_CASE_WHEN.format(r='report_facts')} GROUP BY 1, 2, 3",
    ],
}
CONTACT_BACKFILL = (
    "INSERT INTO report_contact_rollup (municipality, month, consultations, minutes, cases) "
    "SELECT municipality, month, sum(consultations), sum(minutes), count(*) FROM report_facts "
    f"WHERE {_CONTACT_WHEN.format(r='report_facts')} GROUP BY 1, 2"
)
