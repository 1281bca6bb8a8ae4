"""Running sums per category (field of action, referral, pre-check…), kept by triggers.

The same design as :mod:`sync_server.reports.rollups`, for the views that group by a value
inside a fact: one table ``report_item_rollup`` with, per (dimension, item, municipality,
opened, closed, month), the number of facts and two sums. What the columns mean per dimension:

=============  =====================  ======  ===============  ==========
dimension      item                   month   sum1             sum2
=============  =====================  ======  ===============  ==========
field_case     field of action        ""      –                –
target         target-group criterion ""      –                –
age, gender,   the value              ""      –                –
status
closure        closure reason         ""      –                –
precheck       "rule:status"          ""      clients          –
goals          "goals"                ""      goals agreed     reached
field_month    field of action        month   consultations    minutes
referral       "category:state"       month   referrals        –
=============  =====================  ======  ===============  ==========

Case dimensions carry the months the case opened and closed ("" while open); month
dimensions carry the month. ``facts`` counts case facts (cases) or month facts (cases in that
month); for ``goals`` it counts cases with at least one goal. ``key_sum`` sums the record keys of
those facts (revision ``0009_cell_keys``; the functions below make the statements of revision
``0002_dashboard``, without keys, when called without ``keys=True``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, Integer, String, Table

from sync_server.db import Base

item_rollup = Table(
    "report_item_rollup",
    Base.metadata,
    Column("dimension", String(16), primary_key=True),
    Column("item", String(128), primary_key=True),
    Column("municipality", String(64), primary_key=True),
    Column("opened", String(7), primary_key=True),
    Column("closed", String(7), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("facts", Integer, nullable=False),
    Column("sum1", BigInteger, nullable=False),
    Column("sum2", BigInteger, nullable=False),
    Column("key_sum", BigInteger, nullable=False, server_default="0"),
)

KEY = "dimension, item, municipality, opened, closed, month"


def _columns(keys: bool) -> str:
    return f"{KEY}, facts, sum1, sum2" + (", key_sum" if keys else "")


@dataclass(frozen=True)
class _Dimension:
    name: str
    kind: str  # "case" or "month"
    #: item, facts, sum1, sum2 as SQL over the row alias R (and j for JSON elements)
    item: str
    facts: str = "1"
    sum1: str = "0"
    sum2: str = "0"
    #: "array" or "object" when the item comes from a JSON column, else None
    json: str | None = None
    json_column: str = ""
    where: str = "1 = 1"


DIMENSIONS = (
    _Dimension("field_case", "case", "j.value", json="array", json_column="fields_of_action"),
    _Dimension("target", "case", "j.value", json="array", json_column="target_group"),
    _Dimension("age", "case", "coalesce(R.age_band, 'unknown')"),
    _Dimension("gender", "case", "coalesce(R.gender, 'unknown')"),
    _Dimension("status", "case", "coalesce(R.status_category, 'unknown')"),
    _Dimension("closure", "case", "coalesce(R.closure_reason, 'other')",
               where="R.case_closed IS NOT NULL"),
    _Dimension("precheck", "case", "j.key", sum1="CAST(j.value AS INTEGER)", json="object",
               json_column="prechecks"),
    _Dimension("goals", "case", "'goals'", facts="CASE WHEN R.goals_total > 0 THEN 1 ELSE 0 END",
               sum1="R.goals_total", sum2="R.goals_reached", where="R.goals_total > 0"),
    _Dimension("field_month", "month", "j.value", sum1="R.consultations", sum2="R.minutes",
               json="array", json_column="fields_of_action", where="R.consultations > 0"),
    _Dimension("referral", "month", "j.key", sum1="CAST(j.value AS INTEGER)", json="object",
               json_column="referrals"),
)

_KIND_WHERE = {
    "case": "R.fact_kind = 'case' AND NOT R.deleted AND R.case_opened IS NOT NULL",
    "month": "R.fact_kind = 'consultation_month' AND NOT R.deleted",
}


def _months(dialect: str) -> dict[str, str]:
    if dialect == "postgresql":
        return {
            "opened": "to_char(R.case_opened, 'YYYY-MM')",
            "closed": "coalesce(to_char(R.case_closed, 'YYYY-MM'), '')",
        }
    return {
        "opened": "substr(R.case_opened, 1, 7)",
        "closed": "coalesce(substr(R.case_closed, 1, 7), '')",
    }


def _json_source(dimension: _Dimension, dialect: str) -> str:
    column = f"R.{dimension.json_column}"
    if dialect == "postgresql":
        function = "json_array_elements_text" if dimension.json == "array" else "json_each_text"
        alias = "j(value)" if dimension.json == "array" else "j(key, value)"
        return f"{function}({column}) AS {alias}"
    return f"json_each({column}) AS j"


def _select(
    dimension: _Dimension, dialect: str, sign: str, base: str | None, keys: bool
) -> str:
    """One SELECT producing this dimension's rows for the row alias R. ``base`` names the
    facts table for the backfill; triggers read R from NEW/OLD and need no base table."""
    months = _months(dialect)
    opened, closed, month = (
        (months["opened"], months["closed"], "''") if dimension.kind == "case"
        else ("''", "''", "R.month")
    )
    sources = [f"{base} AS R"] if base else []
    if dimension.json:
        sources.append(_json_source(dimension, dialect))
    from_clause = f" FROM {', '.join(sources)}" if sources else ""
    return (
        f"SELECT '{dimension.name}', {dimension.item}, R.municipality, {opened}, {closed}, "
        f"{month}, {sign}({dimension.facts}), {sign}({dimension.sum1}), {sign}({dimension.sum2})"
        + (f", {sign}(R.record_key)" if keys else "")
        + f"{from_clause} WHERE {_KIND_WHERE[dimension.kind]} AND {dimension.where}"
    )


def _upsert(target: str, keys: bool) -> str:
    return (
        f" ON CONFLICT ({KEY}) DO UPDATE SET facts = {target}.facts + excluded.facts, "
        f"sum1 = {target}.sum1 + excluded.sum1, sum2 = {target}.sum2 + excluded.sum2"
        + (f", key_sum = {target}.key_sum + excluded.key_sum" if keys else "")
    )


def _statements(dialect: str, row: str, sign: str, keys: bool) -> list[str]:
    table = "report_item_rollup AS t" if dialect == "postgresql" else "report_item_rollup"
    target = "t" if dialect == "postgresql" else "report_item_rollup"
    out = []
    for dimension in DIMENSIONS:
        select = _select(dimension, dialect, sign, None, keys).replace("R.", f"{row}.")
        out.append(
            f"INSERT INTO {table} ({_columns(keys)}) {select}" + _upsert(target, keys) + ";"
        )
    return out


def sqlite_triggers(*, keys: bool = False) -> list[str]:
    def body(*parts: tuple[str, str]) -> str:
        return " ".join(s for row, sign in parts for s in _statements("sqlite", row, sign, keys))

    return [
        "CREATE TRIGGER report_facts_items_insert AFTER INSERT ON report_facts BEGIN "
        + body(("NEW", "+")) + " END",
        "CREATE TRIGGER report_facts_items_delete AFTER DELETE ON report_facts BEGIN "
        + body(("OLD", "-")) + " END",
        "CREATE TRIGGER report_facts_items_update AFTER UPDATE ON report_facts BEGIN "
        + body(("OLD", "-"), ("NEW", "+")) + " END",
    ]


SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS report_facts_items_insert",
    "DROP TRIGGER IF EXISTS report_facts_items_delete",
    "DROP TRIGGER IF EXISTS report_facts_items_update",
]


def postgres_triggers(*, keys: bool = False) -> list[str]:
    old = "\n        ".join(_statements("postgresql", "OLD", "-", keys))
    new = "\n        ".join(_statements("postgresql", "NEW", "+", keys))
    return [
        f"""CREATE FUNCTION report_facts_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        {old}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        {new}
    END IF;
    RETURN NULL;
END $$""",
        "CREATE TRIGGER report_facts_items AFTER INSERT OR UPDATE OR DELETE ON report_facts "
        "FOR EACH ROW EXECUTE FUNCTION report_facts_items()",
    ]


POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS report_facts_items ON report_facts",
    "DROP FUNCTION IF EXISTS report_facts_items()",
]


def backfill(dialect: str, *, keys: bool = False) -> list[str]:
    """Fills the table from the facts present when a revision runs."""
    out = []
    sums = "sum(d7), sum(d8), sum(d9)" + (", sum(d10)" if keys else "")
    names = "d1, d2, d3, d4, d5, d6, d7, d8, d9" + (", d10" if keys else "")
    for dimension in DIMENSIONS:
        select = _select(dimension, dialect, "+", "report_facts", keys)
        if dialect == "postgresql":
            # PostgreSQL's upsert may touch a row once per statement: group first.
            out.append(
                f"INSERT INTO report_item_rollup ({_columns(keys)}) SELECT d1, d2, d3, d4, d5, "
                f"d6, {sums} FROM ({select}) AS rows ({names}) GROUP BY d1, d2, d3, d4, d5, d6"
            )
        else:
            out.append(
                f"INSERT INTO report_item_rollup ({_columns(keys)}) {select}"
                + _upsert("report_item_rollup", keys)
            )
    return out
