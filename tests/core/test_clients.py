"""Clients, household members and residence status periods."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import AuditEvent, Client, ResidenceStatusPeriod
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.services import (
    ClientData,
    add_household_member,
    add_residence_period,
    create_client,
    update_client,
    update_household_member,
    update_residence_period,
)
from tests.core.conftest import TOMORROW, assert_refused, client_data, new_client


def test_create_client_stores_search_keys_audit_and_outbox(session: Session) -> None:
    change = create_client(session, data=client_data(first_name="Mohammed", last_name="Yılmaz"))
    client = session.get(Client, change.ids[0])
    assert client is not None
    assert (change.kind, change.action, change.client_id) == ("client", "created", client.id)
    assert client.search_key == " mohammed yilmaz "
    assert client.phonetic_key == " mt ylms "
    assert client.created_by == "anna" and client.version == 1
    events = session.scalars(select(AuditEvent)).all()
    assert [(e.action, e.record_id) for e in events] == [("create", client.id)]
    kinds = sorted(e.kind for e in session.scalars(select(OutboxEntry)))
    assert kinds == ["audit_event", "client"]


def test_update_client_replaces_values_and_keys(session: Session) -> None:
    client_id = new_client(session)
    data = ClientData.of(session.get(Client, client_id))  # type: ignore[arg-type]
    data.last_name = "Müller"
    data.german_oral = "B1"
    data.livelihood_own_share = 0.5
    update_client(session, client_id=client_id, data=data)
    client = session.get(Client, client_id)
    assert client is not None
    assert (client.last_name, client.german_oral, client.version) == ("Müller", "B1", 2)
    assert "muller" in client.search_key


def test_an_edit_keeps_what_changed_meanwhile_in_fields_it_left_alone(
    session: Session,
) -> None:
    """The form was opened, a sync then changed the phone; the user changed only the street."""
    from dataclasses import replace

    client_id = new_client(session)
    read = ClientData.of(session.get(Client, client_id))  # type: ignore[arg-type]
    meanwhile = replace(read, phone="0571 999999", street="Alte Straße 1")
    update_client(session, client_id=client_id, data=meanwhile)
    edited = replace(read, street="Neue Straße 2")
    update_client(session, client_id=client_id, data=edited, read=read)
    client = session.get(Client, client_id)
    assert client is not None
    # The user's own change wins where both changed; the phone nobody touched here stays.
    assert (client.phone, client.street) == ("0571 999999", "Neue Straße 2")
    update_client(session, client_id=client_id, data=read)  # without read: the form's values
    assert (client.phone, client.street) == (read.phone, read.street)


def test_a_household_correction_keeps_what_changed_meanwhile(session: Session) -> None:
    from kim_desktop.core.models import HouseholdMember

    client_id = new_client(session)
    member_id = add_household_member(session, client_id=client_id, relation="child",
                                     first_name="Lina", birth_date=dt.date(2015, 3, 1)).ids[0]
    read = {"relation": "child", "first_name": "Lina", "birth_date": dt.date(2015, 3, 1),
            "unmarried": None, "attends_school": None}
    update_household_member(session, member_id=member_id, **{**read, "first_name": "Leni"})
    update_household_member(session, member_id=member_id, read=read,
                            **{**read, "attends_school": True})
    member = session.get(HouseholdMember, member_id)
    assert member is not None
    assert (member.first_name, member.attends_school) == ("Leni", True)


def test_invalid_client_data_is_refused_without_write(session: Session) -> None:
    cases = [
        ("required", client_data(last_name="  ")),
        ("unknown_code", client_data(municipality_code="bielefeld")),
        ("required", client_data(municipality_code="")),  # named, not an unknown ""
        ("unknown_code", client_data(nationalities=["ZZ"])),
        ("unknown_code", client_data(languages=["klingon"])),
        ("future_date", client_data(birth_date=TOMORROW)),
        ("date_order", client_data(birth_date=dt.date(1850, 1, 1))),
        ("date_order", client_data(entry_date=dt.date(1980, 1, 1))),
        ("invalid_value", client_data(gender="x")),
        ("invalid_value", client_data(german_written="B3")),
        ("invalid_value", client_data(qualification="phd")),
        ("invalid_value", client_data(email="no-at-sign")),
        ("out_of_range", client_data(livelihood_own_share=1.2)),
        ("out_of_range", client_data(school_years_successful=-1)),
        ("too_long", client_data(first_name="x" * 101)),
    ]
    for code, data in cases:
        assert_refused(session, code, create_client, data=data)
    client_id = new_client(session)
    assert_refused(session, "unknown_code", update_client, client_id=client_id,
                   data=client_data(municipality_code="nowhere"))
    assert_refused(session, "not_found", update_client, client_id="missing", data=client_data())


def test_household_member_rules(session: Session) -> None:
    client_id = new_client(session)
    change = add_household_member(session, client_id=client_id, relation="child",
                                  birth_date=dt.date(2015, 3, 1), unmarried=True,
                                  attends_school=True)
    assert change.client_id == client_id
    assert_refused(session, "invalid_value", add_household_member, client_id=client_id,
                   relation="cousin")
    assert_refused(session, "future_date", add_household_member, client_id=client_id,
                   relation="child", birth_date=TOMORROW)


def test_residence_periods_close_the_open_one_and_refuse_overlaps(session: Session) -> None:
    client_id = new_client(session)
    add_residence_period(session, client_id=client_id, status_code="asylum_permit",
                         valid_from=dt.date(2016, 1, 10))
    change = add_residence_period(session, client_id=client_id, status_code="rp_25_2_refugee",
                                  valid_from=dt.date(2017, 3, 1),
                                  valid_to=dt.date(2020, 2, 28))
    periods = session.scalars(
        select(ResidenceStatusPeriod).order_by(ResidenceStatusPeriod.valid_from)
    ).all()
    assert periods[0].valid_to == dt.date(2017, 2, 28)
    assert periods[1].legal_basis == "§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG"
    assert change.touches("residence_status_period") and len(change.related) == 1
    assert_refused(session, "period_overlap", add_residence_period, client_id=client_id,
                   status_code="toleration_60a", valid_from=dt.date(2019, 1, 1))
    assert_refused(session, "unknown_code", add_residence_period, client_id=client_id,
                   status_code="duldung", valid_from=dt.date(2021, 1, 1))
    assert_refused(session, "date_order", add_residence_period, client_id=client_id,
                   status_code="rp_25b", valid_from=dt.date(2021, 5, 1),
                   valid_to=dt.date(2021, 4, 1))
    assert_refused(session, "future_date", add_residence_period, client_id=client_id,
                   status_code="rp_25b", valid_from=TOMORROW)
    assert_refused(session, "period_overlap", update_residence_period,
                   period_id=periods[1].id, status_code="rp_25_2_refugee",
                   valid_from=dt.date(2016, 6, 1), valid_to=dt.date(2020, 2, 28))
