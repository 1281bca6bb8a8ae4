"""Report facts and released gaps: stored per office, replaced by key, checked one by one."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select, text

from sync_server.models import ReleasedGapRow, ReportFactRow
from tests.server.conftest import Admin, Device


def fact(key: str = "k" * 32, month: str = "2026-03", **fields: object) -> dict:
    """A consultation-month fact of Minden (the office the tests' admin makes serves it)."""
    value: dict[str, object] = {
        "key": key,
        "fact_kind": "consultation_month",
        "municipality": "minden",
        "month": month,
        "fields_of_action": ["housing", "health_family"],
        "referrals": {"jobcenter:accepted": 2},
        "consultations": 3,
        "minutes": 95,
    }
    value.update(fields)
    return value


def case(key: str = "c" * 32, **fields: object) -> dict:
    value: dict[str, object] = {
        "key": key, "fact_kind": "case", "municipality": "minden", "month": "2026-02",
        "case_opened": "2026-02-01", "age_band": "27-44", "gender": "female",
        "status_category": "toleration", "phase": "planning", "target_group": ["complex_problems"],
        "prechecks": {"aufenthg_25b:not_met": 1}, "goals_total": 2, "goals_reached": 1,
    }
    value.update(fields)
    return value


def gap(key: str = "g" * 32, **fields: object) -> dict:
    value: dict[str, object] = {
        "key": key,
        "category": "language_course_access",
        "field_of_action": "german",
        "municipality": "minden",
        "description": "Kinderbetreuung fehlt während der Integrationskurse am Vormittag.",
        "case_count": 4,
        "released_on": "2026-03-14",
    }
    value.update(fields)
    return value


def test_facts_are_upserted_per_office_key_kind_and_month(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    office = admin.office()
    device, other_office_device = enroll(office), enroll()
    put = client.put(
        "/v1/report-facts",
        json={"facts": [fact(), fact(month="2026-04"), fact(minutes=1), fact(key="x" * 20),
                        case()]},
        headers=device.headers,
    )
    assert put.json() == {"accepted": 5}
    client.put(
        "/v1/report-facts", json={"facts": [fact(minutes=200, deleted=True)]},
        headers=device.headers,
    )  # fmt: skip
    client.put("/v1/report-facts", json={"facts": [fact()]}, headers=other_office_device.headers)
    with admin.sessions() as session:
        rows = session.scalars(select(ReportFactRow).order_by(ReportFactRow.id)).all()
    mine = {(r.key, r.month): r for r in rows if r.office_id == office}
    assert len(mine) == 4 and len(rows) == 5
    # A withdrawal keeps nothing but what identifies the fact.
    withdrawn = mine[("k" * 32, "2026-03")]
    assert withdrawn.deleted and (withdrawn.minutes, withdrawn.referrals) == (0, {})
    assert mine[("x" * 20, "2026-03")].referrals == {"jobcenter:accepted": 2}
    assert mine[("c" * 32, "2026-02")].prechecks == {"aufenthg_25b:not_met": 1}


def test_gaps_are_upserted_by_key_and_can_be_withdrawn(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    client.put("/v1/structural-gaps", json={"gaps": [gap(), gap("h" * 16)]}, headers=device.headers)
    response = client.put(
        "/v1/structural-gaps", json={"gaps": [gap(withdrawn=True, case_count=6)]},
        headers=device.headers,
    )  # fmt: skip
    assert response.json() == {"accepted": 1}
    with admin.sessions() as session:
        rows = {r.key: r for r in session.scalars(select(ReleasedGapRow))}
    assert len(rows) == 2
    assert rows["g" * 32].withdrawn and rows["g" * 32].case_count == 6


def test_stored_facts_and_gaps_name_neither_the_device_nor_the_time(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    """With the device and the moment beside a fact, a server that keeps request logs links
    the fact's key to the records the device pushed at that moment, and after an erasure to
    their tombstones (docs/reporting.md §1)."""
    device = enroll()
    client.put("/v1/report-facts", json={"facts": [fact(), case()]}, headers=device.headers)
    client.put("/v1/structural-gaps", json={"gaps": [gap()]}, headers=device.headers)
    with admin.sessions() as session:
        for table in ("report_facts", "released_gaps"):
            result = session.execute(text(f"SELECT * FROM {table}"))
            columns = list(result.keys())
            rows = result.all()
            assert rows
            assert not {"device_id", "updated_at", "created_at"} & set(columns), table
            assert not [v for row in rows for v in row if str(v) == device.device_id], table
            assert "office_id" in columns


def test_an_office_replaces_all_its_facts_from_a_clean_device(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    """A device that went wrong sent facts that no clean device derives; a clean device of
    the office clears the office's facts and sends its own. Another office's stay."""
    office = admin.office()
    broken, clean, elsewhere = enroll(office), enroll(office), enroll()
    client.put("/v1/report-facts", json={"facts": [fact(), fact("b" * 32), case()]},
               headers=broken.headers)
    client.put("/v1/structural-gaps", json={"gaps": [gap(), gap("h" * 16)]},
               headers=broken.headers)
    client.put("/v1/report-facts", json={"facts": [fact()]}, headers=elsewhere.headers)

    cleared = client.delete("/v1/report-facts", headers=clean.headers)
    assert cleared.status_code == 200, cleared.text
    assert cleared.json() == {"facts": 3, "gaps": 2}
    assert client.delete("/v1/report-facts").status_code == 401
    client.put("/v1/report-facts", json={"facts": [case()]}, headers=clean.headers)
    client.put("/v1/structural-gaps", json={"gaps": [gap()]}, headers=clean.headers)

    with admin.sessions() as session:
        facts = {(r.office_id, r.key) for r in session.scalars(select(ReportFactRow))}
        gaps = {r.key: r.withdrawn for r in session.scalars(
            select(ReleasedGapRow).where(ReleasedGapRow.office_id == office))}
        rollup = session.execute(text(
            "SELECT SUM(cases), SUM(key_sum) FROM report_case_rollup")).one()
        contacts = session.execute(text(
            "SELECT SUM(consultations) FROM report_contact_rollup")).one()
    assert facts == {(office, "c" * 32), (elsewhere.office_id, "k" * 32)}
    assert gaps == {"g" * 32: False, "h" * 16: True}
    # The running sums followed: one case, and only the other office's consultations.
    assert rollup[0] == 1 and rollup[1] > 0
    assert contacts == (3,)


def test_a_bad_request_writes_nothing(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    for body in ({"facts": "keine Liste"}, {"facts": [fact()], "name": "Ayşe"}, {"gaps": []}):
        assert client.put("/v1/report-facts", json=body, headers=device.headers).status_code == 422
    assert client.put("/v1/report-facts", json={"facts": [fact()]}).status_code == 401
    with admin.sessions() as session:
        assert session.scalars(select(ReportFactRow)).all() == []


BAD_FACTS = [
    (fact(month="2026-13"), "invalid_fact"),
    (fact(key="short"), "invalid_fact"),
    (fact(key="<img src=x>" + "k" * 20), "invalid_key"),
    (fact(fact_kind="person"), "invalid_fact"),
    (fact(name="Ayşe"), "invalid_fact"),
    (fact(minutes=-5), "invalid_fact"),
    (fact(referrals={"jobcenter:sent": -3}), "count_out_of_range"),
    (fact(consultations=100_000), "count_out_of_range"),
    (case(prechecks={"stag_10:met": -1}), "count_out_of_range"),
    (case(goals_reached=3), "count_out_of_range"),
    (fact(municipality="=HYPERLINK(\"https://example.invalid\")"), "foreign_municipality"),
    (fact(municipality="rahden"), "foreign_municipality"),
    (fact(referrals={"<img src='/etc/hostname'/>:sent": 1}), "unknown_code"),
    (fact(fields_of_action=["housing\x07"]), "unknown_code"),
    (case(age_band="25-34"), "unknown_code"),
    (case(gender="=cmd|'/C calc'"), "unknown_code"),
    (case(status_category="duldung"), "unknown_code"),
    (case(phase="@SUM(1)"), "unknown_code"),
    (case(closure_reason="+1"), "unknown_code"),
    (case(target_group=["-2"]), "unknown_code"),
    (case(prechecks={"aufenthg_99:met": 1}), "unknown_code"),
    (fact(referrals={"jobcenter:lost": 1}), "unknown_code"),
    (case(case_opened="2026-05-01"), "inconsistent_fact"),
    (case(case_closed="2025-01-01"), "inconsistent_fact"),
    (case(consultations=4), "inconsistent_fact"),
    (fact(age_band="18-26"), "inconsistent_fact"),
    ("kein Objekt", "invalid_fact"),
    # Strict types: a bool, a string or a float is no count, a number no bool.
    (fact(consultations=True), "invalid_fact"),
    (fact(consultations="3"), "invalid_fact"),
    (fact(minutes=1.5), "invalid_fact"),
    (fact(minutes=95.0), "invalid_fact"),
    (fact(referrals={"jobcenter:sent": "1"}), "invalid_fact"),
    (case(goals_total="2"), "invalid_fact"),
    (case(prechecks={"stag_10:met": True}), "invalid_fact"),
    (fact(deleted="false"), "invalid_fact"),
    (fact(deleted=0), "invalid_fact"),
    # Minutes without a consultation, a referral slot counted zero times.
    (fact(consultations=0, minutes=100), "inconsistent_fact"),
    (fact(referrals={"jobcenter:sent": 0}), "count_out_of_range"),
    # Taken on main: months no report period reaches, or decades ahead.
    (fact(month="1900-01"), "invalid_date"),
    (fact(month="2099-12"), "invalid_date"),
]


def test_each_bad_fact_is_refused_by_index_and_the_rest_is_stored(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll(admin.office())
    good = [fact(key=f"{n:032x}") for n in range(3)]
    body = [good[0], *(item for item, _ in BAD_FACTS), *good[1:]]
    response = client.put("/v1/report-facts", json={"facts": body}, headers=device.headers)
    assert response.status_code == 422
    answer = response.json()
    assert answer["code"] == "items_refused" and answer["accepted"] == 3
    assert [(r["index"], r["code"]) for r in answer["refused"]] == [
        (index, code) for index, (_, code) in enumerate(BAD_FACTS, start=1)
    ]
    assert all(r["message"] and "HYPERLINK" not in r["message"] for r in answer["refused"])
    with admin.sessions() as session:
        stored = set(session.scalars(select(ReportFactRow.key)))
    assert stored == {f["key"] for f in good}


def test_each_bad_gap_is_refused_and_the_rest_is_stored(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll(admin.office())
    bad = [
        (gap(description=""), "invalid_gap"),
        (gap(released_on="gestern"), "invalid_gap"),
        (gap(released_on="2999-01-01"), "invalid_date"),
        (gap(description="Klingel\x07 und Escape\x1b"), "invalid_text"),
        (gap(description="Umzug\ufffe nach Minden"), "invalid_text"),
        (gap(description="\u00ad\u200d\u061c"), "invalid_text"),
        (gap(case_count=-1), "invalid_gap"),
        (gap(case_count=1001), "count_out_of_range"),  # no office links 1001 cases to one gap
        (gap(case_count=100_000), "count_out_of_range"),
        (gap(category="=1+1"), "unknown_code"),
        (gap(field_of_action="<b>housing</b>"), "unknown_code"),
        (gap(municipality="hille"), "foreign_municipality"),
        (gap(case_count="4"), "invalid_gap"),
        (gap(case_count=4.0), "invalid_gap"),
        (gap(case_count=True), "invalid_gap"),
        (gap(withdrawn=1), "invalid_gap"),
    ]
    body = [gap("h" * 16, case_count=1000), *(item for item, _ in bad)]
    response = client.put("/v1/structural-gaps", json={"gaps": body}, headers=device.headers)
    assert response.status_code == 422
    answer = response.json()
    assert answer["accepted"] == 1
    assert [(r["index"], r["code"]) for r in answer["refused"]] == [
        (index, code) for index, (_, code) in enumerate(bad, start=1)
    ]
    with admin.sessions() as session:
        assert [g.key for g in session.scalars(select(ReleasedGapRow))] == ["h" * 16]


def test_invisible_characters_are_taken_out_of_a_gap_text(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    """A soft hyphen pasted from Word, a joiner or a bidi mark shows nothing, so the text is
    stored as it reads: no export keeps "Ah\u00admad" (breaker 15, BREAK 6)."""
    device = enroll(admin.office())
    text = "Ki\u00adta\u200cplatz \u061c=1+1 fe\u034fhlt\u2060 am Vor\u200dmittag."
    response = client.put("/v1/structural-gaps", json={"gaps": [gap(description=text)]},
                          headers=device.headers)
    assert response.json() == {"accepted": 1}
    with admin.sessions() as session:
        stored = session.scalars(select(ReleasedGapRow.description)).one()
    assert stored == "Kitaplatz =1+1 fehlt am Vormittag."


def test_a_large_fact_upload_in_one_request(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    facts = [fact(key=f"{n:032x}", fact_kind="consultation_month") for n in range(5000)]
    response = client.put("/v1/report-facts", json={"facts": facts}, headers=device.headers)
    assert response.json() == {"accepted": 5000}
    with admin.sessions() as session:
        assert len(session.scalars(select(ReportFactRow.id)).all()) == 5000


def test_a_code_listed_twice_in_a_fact_counts_once(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    doubled = case(fields_of_action=["housing", "housing"],
                   target_group=["complex_problems", "complex_problems"])
    put = client.put("/v1/report-facts", json={"facts": [doubled]}, headers=device.headers)
    assert put.status_code == 200, put.text
    with admin.sessions() as session:
        row = session.scalars(select(ReportFactRow)).one()
        assert (row.fields_of_action, row.target_group) == (["housing"], ["complex_problems"])


def test_the_refusal_counts_in_words_for_one_and_for_more(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    """Reproduced on main: "1 Angaben wurden abgelehnt"."""
    device = enroll(admin.office())
    one = client.put("/v1/report-facts", json={"facts": [fact(), "kein Objekt"]},
                     headers=device.headers).json()
    assert one["message"] == "1 Angabe wurde abgelehnt, 1 gespeichert."
    two = client.put("/v1/report-facts", json={"facts": ["kein Objekt", "kein Objekt"]},
                     headers=device.headers).json()
    assert two["message"] == "2 Angaben wurden abgelehnt, keine gespeichert."


def test_a_count_that_must_be_one_number_says_that_number(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    """Reproduced on main: "muss zwischen 1 und 1 liegen"."""
    device = enroll(admin.office())
    answer = client.put("/v1/report-facts",
                        json={"facts": [case(prechecks={"aufenthg_25b:not_met": 2})]},
                        headers=device.headers).json()
    assert [r["message"] for r in answer["refused"]] == [
        "Die Zahl im Feld „prechecks“ muss 1 sein."]
