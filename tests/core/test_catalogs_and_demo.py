"""Catalogs as data (with office overrides) and the demo data generator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import require
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Case, Client, Consultation, ResidenceStatusPeriod
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.services import plan_referral
from kim_protocol.catalogs import (
    RESIDENCE_CATEGORIES,
    CatalogError,
    default_catalogs,
    load_catalogs,
)
from kim_protocol.resources import RESOURCES_DIR
from tests.core.conftest import TODAY, new_client


def test_packaged_catalogs() -> None:
    catalogs = default_catalogs()
    municipalities = catalogs.municipalities
    assert len(municipalities) == 11
    without = {e.label for e in municipalities if not e.get("has_case_management")}
    assert without == {"Porta Westfalica", "Hille"}
    assert "housing" in catalogs.fields_of_action
    for catalog in catalogs.by_name.values():
        assert catalog.version and catalog.source and catalog.valid_from
    categories = {e.get("category") for e in catalogs.residence_statuses}
    assert categories == set(RESIDENCE_CATEGORIES)
    assert require(catalogs.residence_statuses, "toleration_60b").get("category") == (
        "toleration_unclear_identity")
    assert catalogs.residence_category("fiction_81_4", "rp_25b") == "residence_permit"
    assert catalogs.residence_category("fiction_81_4", "toleration_60a") == "toleration"
    assert catalogs.residence_category("fiction_81_3") == "residence_permit"
    assert catalogs.residence_category("nonsense") == "unknown"
    assert catalogs.agency_category("jobcenter_minden_luebbecke") == "jobcenter"
    assert set(catalogs.consultation_modes.codes()) == {
        "in_person", "phone", "video", "home_visit", "accompaniment"}
    with pytest.raises(DomainError) as raised:
        require(catalogs.languages, "xx")
    assert raised.value.code == "unknown_code"


def test_office_adds_its_own_partner_agency_without_code(tmp_path: Path,
                                                         session: Session) -> None:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "partner_agencies.local.json").write_text(json.dumps({
        "version": "buero-1",
        "entries": [{"code": "tafel_rahden", "label": "Tafel Rahden", "category": "other"}],
    }), encoding="utf-8")
    (tmp_path / "data_protection.local.json").write_text(
        json.dumps({"retention_years_after_closure": 5}), encoding="utf-8")
    catalogs = load_catalogs(tmp_path)
    assert "tafel_rahden" in catalogs.partner_agencies
    assert "jobcenter_minden_luebbecke" in catalogs.partner_agencies
    assert catalogs.partner_agencies.version == "2025.1+buero-1"
    assert catalogs.retention.years_after_closure == 5
    client_id = new_client(session)
    with pytest.raises(DomainError):
        plan_referral(session, client_id=client_id, agency_code="tafel_rahden",
                      planned_on=TODAY, purpose="Lebensmittel")
    session.info["catalogs"] = catalogs
    plan_referral(session, client_id=client_id, agency_code="tafel_rahden", planned_on=TODAY,
                  purpose="Lebensmittel")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{broken", "nicht lesbar"),
        ('{"entries": [{"code": "x"}]}', "ohne Code oder Bezeichnung"),
        ('{"entries": [{"code": "x", "label": "X", "category": "spaceport"}]}',
         "Stellenkategorie"),
        ('["not", "an", "object"]', "falsche Format"),
    ],
)
def test_bad_office_catalog_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "partner_agencies.local.json").write_text(content, encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_catalogs(tmp_path)
    assert message in str(raised.value) and "partner_agencies.local.json" in str(raised.value)


def test_missing_resources_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="fehlt"):
        load_catalogs(resources_dir=tmp_path)
    assert (RESOURCES_DIR / "catalogs").is_dir()


def test_demo_data_is_consistent_reproducible_and_cancellable(session: Session) -> None:
    calls: list[tuple[int, int]] = []
    summary = generate_demo_data(session, clients=30, seed=5,
                                 progress=lambda done, wanted: calls.append((done, wanted)))
    assert calls == [(30, 30)] and not summary.cancelled
    assert session.scalar(select(func.count()).select_from(Client)) == 30
    consultations = session.scalar(select(func.count()).select_from(Consultation))
    assert consultations == summary.counts["consultation"] > 30
    records = sum(summary.counts.values())
    assert session.scalar(select(func.count()).select_from(OutboxEntry)) == records
    catalogs = default_catalogs()
    for period in session.scalars(select(ResidenceStatusPeriod)):
        assert period.status_code in catalogs.residence_statuses
        assert period.valid_to is None or period.valid_from <= period.valid_to
    open_per_client = session.execute(
        select(Case.client_id, func.count()).where(Case.closed_on.is_(None))
        .group_by(Case.client_id)).all()
    assert all(n == 1 for _, n in open_per_client)
    for client in session.scalars(select(Client)):
        assert client.municipality_code in catalogs.municipalities
        assert client.birth_date is not None and client.birth_date < TODAY
    names = sorted(c.display_name for c in session.scalars(select(Client)))
    again = generate_demo_data(session, clients=30, seed=5)
    assert again.counts == summary.counts
    assert sorted(c.display_name for c in session.scalars(select(Client))) == sorted(names * 2)


def test_demo_data_cancel_stops_after_a_batch(session: Session) -> None:
    from kim_desktop.core import demo

    summary = generate_demo_data(session, clients=demo.BATCH + 5, seed=1,
                                 progress=lambda done, wanted: False)
    assert summary.cancelled
    assert session.scalar(select(func.count()).select_from(Client)) == demo.BATCH
