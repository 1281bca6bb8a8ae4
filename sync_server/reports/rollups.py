"""Aggregates of the report facts kept current by database triggers.

The overview must answer over 1,000,000 facts in well under half a second on SQLite and
PostgreSQL. Scanning the facts cannot do that, so small tables hold running sums, and
triggers on ``report_facts`` add a fact's contribution when it is inserted and subtract it
when it is updated or deleted; whichever code writes the facts, the sums stay exact.

* ``report_case_rollup``: live case facts per (municipality, month opened, month closed or
  "" while open). At most 11 x months x months rows, whatever the number of cases.
* ``report_contact_rollup``: per (municipality, month) the consultations, minutes and the
  number of cases with consultations in that month (one consultation-month fact per case).

Each row also sums the record keys of its facts (``key_sum``, revision
``0009_cell_keys``): a cell's key is the sum over the rows it covers, mod 2**32
(:mod:`sync_server.reports.perturbation`). Revision ``0002_dashboard`` created the first
triggers without keys from the constants at the end of this module.
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
    Column("key_sum", BigInteger, nullable=False, server_default="0"),
)

contact_rollup = Table(
    "report_contact_rollup",
    Base.metadata,
    Column("municipality", String(64), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("consultations", BigInteger, nullable=False),
    Column("minutes", BigInteger, nullable=False),
    Column("cases", Integer, nullable=False),
    Column("key_sum", BigInteger, nullable=False, server_default="0"),
)

# --- the triggers, per dialect -------------------------------------------------------------

_CASE_WHEN = "{r}.fact_kind = 'case' AND NOT {r}.deleted AND {r}.case_opened IS NOT NULL"
_CONTACT_WHEN = "{r}.fact_kind = 'consultation_month' AND NOT {r}.deleted AND {r}.consultations > 0"


def _sqlite_case(row: str, sign: str, keys: bool) -> str:
    key_column, key_value, key_update = (
        (", key_sum", f", {sign}{row}.record_key", ", key_sum = key_sum + excluded.key_sum") if keys
        else ("", "", "")
    )
    return (
        f"INSERT INTO report_case_rollup (municipality, opened, closed, cases{key_column}) "
        f"SELECT {row}.municipality, substr({row}.case_opened, 1, 7), "
        f"coalesce(substr({row}.case_closed, 1, 7), ''), {sign}1{key_value} "
        f"WHERE {_CASE_WHEN.format(r=row)} "
        "ON CONFLICT (municipality, opened, closed) DO UPDATE SET cases = cases + excluded.cases"
        f"{key_update};"
    )


def _sqlite_contact(row: str, sign: str, keys: bool) -> str:
    key_column, key_value, key_update = (
        (", key_sum", f", {sign}{row}.record_key", ", key_sum = key_sum + excluded.key_sum") if keys
        else ("", "", "")
    )
    return (
        "INSERT INTO report_contact_rollup (municipality, month, consultations, minutes, cases"
        f"{key_column}) SELECT {row}.municipality, {row}.month, {sign}{row}.consultations, "
        f"{sign}{row}.minutes, {sign}1{key_value} WHERE {_CONTACT_WHEN.format(r=row)} "
        "ON CONFLICT (municipality, month) DO UPDATE SET "
        "consultations = consultations + excluded.consultations, "
        f"minutes = minutes + excluded.minutes, cases = cases + excluded.cases{key_update};"
    )


def sqlite_triggers(*, keys: bool) -> list[str]:
    def body(*parts: tuple[str, str]) -> str:
        return "".join(_sqlite_case(r, s, keys) + _sqlite_contact(r, s, keys) for r, s in parts)

    return [
        "CREATE TRIGGER report_facts_rollup_insert AFTER INSERT ON report_facts BEGIN "
        + body(("NEW", "+")) + " END",
        "CREATE TRIGGER report_facts_rollup_delete AFTER DELETE ON report_facts BEGIN "
        + body(("OLD", "-")) + " END",
        "CREATE TRIGGER report_facts_rollup_update AFTER UPDATE ON report_facts BEGIN "
        + body(("OLD", "-"), ("NEW", "+")) + " END",
    ]


SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS report_facts_rollup_insert",
    "DROP TRIGGER IF EXISTS report_facts_rollup_delete",
    "DROP TRIGGER IF EXISTS report_facts_rollup_update",
]


def _pg_apply(row: str, sign: str, keys: bool) -> str:
    key_column, key_value, key_update = (
        (", key_sum", f", {sign}{row}.record_key",
         ", key_sum = r.key_sum + excluded.key_sum") if keys else ("", "", "")
    )
    return f"""
    IF {_CASE_WHEN.format(r=row)} THEN
        INSERT INTO report_case_rollup AS r (municipality, opened, closed, cases{key_column})
        VALUES ({row}.municipality, to_char({row}.case_opened, 'YYYY-MM'),
                coalesce(to_char({row}.case_closed, 'YYYY-MM'), ''), {sign}1{key_value})
        ON CONFLICT (municipality, opened, closed) DO UPDATE SET cases = r.cases + excluded.cases
            {key_update};
    END IF;
    IF {_CONTACT_WHEN.format(r=row)} THEN
        INSERT INTO report_contact_rollup AS r
            (municipality, month, consultations, minutes, cases{key_column})
        VALUES ({row}.municipality, {row}.month, {sign}{row}.consultations, {sign}{row}.minutes,
                {sign}1{key_value})
        ON CONFLICT (municipality, month) DO UPDATE SET
            consultations = r.consultations + excluded.consultations,
            minutes = r.minutes + excluded.minutes, cases = r.cases + excluded.cases
            {key_update};
    END IF;"""


def postgres_triggers(*, keys: bool) -> list[str]:
    return [
        f"""CREATE FUNCTION report_facts_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN {_pg_apply("OLD", "-", keys)}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN {_pg_apply("NEW", "+", keys)}
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


def backfill(dialect: str, *, keys: bool) -> list[str]:
    """Fills both tables from the facts present when a revision runs."""
    key_column, key_total = (", key_sum", ", sum(record_key)") if keys else ("", "")
    opened, closed = (
        ("to_char(case_opened, 'YYYY-MM')", "coalesce(to_char(case_closed, 'YYYY-MM'), '')")
        if dialect == "postgresql"
        else ("substr(case_opened, 1, 7)", "coalesce(substr(case_closed, 1, 7), '')")
    )
    return [
        f"INSERT INTO report_case_rollup (municipality, opened, closed, cases{key_column}) "
        f"SELECT municipality, {opened}, {closed}, count(*){key_total} FROM report_facts "
        f"WHERE {_CASE_WHEN.format(r='report_facts')} GROUP BY 1, 2, 3",
        "INSERT INTO report_contact_rollup (municipality, month, consultations, minutes, cases"
        f"{key_column}) SELECT municipality, month, sum(consultations), sum(minutes), count(*)"
        f"{key_total} FROM report_facts WHERE {_CONTACT_WHEN.format(r='report_facts')} "
        "GROUP BY 1, 2",
    ]


# What revision 0002_dashboard created, before the tables had keys.
SQLITE_TRIGGERS = sqlite_triggers(keys=False)
POSTGRES_TRIGGERS = postgres_triggers(keys=False)
BACKFILL = {dialect: backfill(dialect, keys=False)[:1] for dialect in ("sqlite", "postgresql")}
CONTACT_BACKFILL = backfill("sqlite", keys=False)[1]
