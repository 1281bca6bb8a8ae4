"""Report facts and released gaps: stored per office, replaced by key, validated."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from sync_server.models import ReleasedGapRow, ReportFactRow
from tests.server.conftest import Admin, Device


def fact(key: str = "k" * 32, month: str = "2026-03", **fields: object) -> dict:
    value: dict[str, object] = {
        "key": key,
        "fact_kind": "case",
        "municipality": "Minden",
        "month": month,
        "fields_of_action": ["housing", "health_family"],
        "age_band": "25-34",
        "referrals": {"jobcenter:accepted": 2},
        "consultations": 3,
        "minutes": 95,
    }
    value.update(fields)
    return value


def gap(key: str = "g" * 32, **fields: object) -> dict:
    value: dict[str, object] = {
        "key": key,
        "category": "language_courses",
        "field_of_action": "learning_german",
        "municipality": "Minden",
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
        json={"facts": [fact(), fact(month="2026-04"), fact(minutes=1), fact(key="x" * 20)]},
        headers=device.headers,
    )
    assert put.json() == {"accepted": 4}
    client.put(
        "/v1/report-facts", json={"facts": [fact(minutes=200, deleted=True)]},
        headers=device.headers,
    )  # fmt: skip
    client.put("/v1/report-facts", json={"facts": [fact()]}, headers=other_office_device.headers)
    with admin.sessions() as session:
        rows = session.scalars(select(ReportFactRow).order_by(ReportFactRow.id)).all()
    mine = {(r.key, r.month): r for r in rows if r.office_id == office}
    assert len(mine) == 3 and len(rows) == 4
    replaced = mine[("k" * 32, "2026-03")]
    assert (replaced.minutes, replaced.deleted) == (200, True)
    assert replaced.fields_of_action == ["housing", "health_family"]
    assert replaced.referrals == {"jobcenter:accepted": 2}
    assert replaced.device_id == device.device_id


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


def test_bad_facts_and_gaps_write_nothing(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    for body in (
        {"facts": [fact(), fact(month="2026-13")]},
        {"facts": [fact(), fact(key="short")]},
        {"facts": [fact(fact_kind="person")]},
        {"facts": [fact(minutes=-5)]},
        {"facts": [fact(name="Ayşe")]},
    ):
        assert client.put("/v1/report-facts", json=body, headers=device.headers).status_code == 422
    for body in (
        {"gaps": [gap(description="")]},
        {"gaps": [gap(released_on="gestern")]},
    ):
        response = client.put("/v1/structural-gaps", json=body, headers=device.headers)
        assert response.status_code == 422
    assert client.put("/v1/report-facts", json={"facts": [fact()]}).status_code == 401
    with admin.sessions() as session:
        assert session.scalars(select(ReportFactRow)).all() == []
        assert session.scalars(select(ReleasedGapRow)).all() == []


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
    doubled = fact(fields_of_action=["housing", "housing"], target_group=["a", "a"],
                   case_opened="2026-03-02")  # fmt: skip
    put = client.put("/v1/report-facts", json={"facts": [doubled]}, headers=device.headers)
    assert put.status_code == 200, put.text
    with admin.sessions() as session:
        row = session.scalars(select(ReportFactRow)).one()
        assert (row.fields_of_action, row.target_group) == (["housing"], ["a"])
