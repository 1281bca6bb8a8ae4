"""The export for the Datenbank KIM: only the office admin, the period's cases with their
counts, pseudonyms of each export's own unless the office asks for linkable ones, the case as
it stood at the period's end, coarsened quasi-identifiers."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.services import assess_need, change_phase, close_case, record_consultation
from kim_desktop.core.services.office_export import export_office, office_rows
from tests.core.conftest import TODAY, assert_refused, new_case, new_client


def test_only_the_admin_exports_the_period_with_pseudonyms_of_its_own(
    session: Session, tmp_path: Path
) -> None:
    assert_refused(session, "admin_only", export_office, since=TODAY, until=TODAY,
                   format="csv", out=tmp_path)
    session.info["role"] = "office_admin"
    client_id = new_client(session, last_name="Kartal")
    case_id = new_case(session, client_id)
    record_consultation(session, client_id=client_id, held_at=utcnow(), duration_minutes=25,
                        mode_code="phone", fields_of_action=["work"])
    [row] = office_rows(session, since=TODAY - dt.timedelta(days=1), until=TODAY,
                        with_names=False)
    assert (row["beratungen"], row["beratungsminuten"]) == (1, 25)
    assert row["person"] not in (client_id, case_id) and "Kartal" not in str(row)
    again = office_rows(session, since=TODAY, until=TODAY, with_names=False)
    assert again[0]["person"] != row["person"] and again[0]["fall"] != row["fall"]
    linked = [office_rows(session, since=TODAY, until=TODAY, with_names=False,
                          linkable=True)[0] for _ in range(2)]
    assert linked[0]["person"] == linked[1]["person"] != row["person"]
    assert linked[0]["fall"] == linked[1]["fall"]
    before = office_rows(session, since=TODAY - dt.timedelta(days=400),
                         until=TODAY - dt.timedelta(days=300), with_names=False)
    assert before == []
    [named] = office_rows(session, since=TODAY, until=TODAY, with_names=True)
    assert (named["nachname"], named["person"]) == ("Kartal", client_id)


def test_a_past_period_shows_the_case_as_it_stood_at_its_end(session: Session) -> None:
    session.info["role"] = "office_admin"
    day = TODAY - dt.timedelta(days=100)
    client_id = new_client(session)
    case_id = new_case(session, client_id, opened_on=day - dt.timedelta(days=50))
    for field, level, offset in (("german", "high", -40), ("german", "none", -20),
                                 ("work", "high", -10), ("work", "none", 30),
                                 ("housing", "high", 30)):
        assess_need(session, case_id=case_id, field_of_action_code=field, level=level,
                    assessed_on=day + dt.timedelta(days=offset))
    change_phase(session, case_id=case_id, phase="assessment",
                 changed_on=day - dt.timedelta(days=30), reason="")
    change_phase(session, case_id=case_id, phase="planning", changed_on=day + dt.timedelta(days=10),
                 reason="")
    close_case(session, case_id=case_id, closed_on=day + dt.timedelta(days=40),
               reason_code="goals_achieved")
    [row] = office_rows(session, since=day - dt.timedelta(days=60), until=day, with_names=True)
    assert (row["phase"], row["abgeschlossen_am"], row["abschlussgrund"],
            row["handlungsfelder"]) == ("assessment", "", "", "work")
    [now] = office_rows(session, since=day, until=TODAY, with_names=True)
    assert (now["phase"], now["abgeschlossen_am"], now["abschlussgrund"],
            now["handlungsfelder"]) == ("closure", (day + dt.timedelta(days=40)).isoformat(),
                                        "goals_achieved", "housing")


def test_a_pseudonymised_export_keeps_five_persons_behind_every_combination(
    session: Session
) -> None:
    session.info["role"] = "office_admin"
    generate_demo_data(session, clients=300, seed=1, consultations_per_client=1)
    since = dt.date(2020, 1, 1)
    rows = office_rows(session, since=since, until=TODAY, with_names=False)
    assert not {"geburtsjahr", "eroeffnet_am", "abgeschlossen_am"} & set(rows[0])
    assert all(re.fullmatch(r"\d{4}(-\d{2}|-Q[1-4])?|unknown", row["eroeffnet_im"])
               for row in rows)
    people = {row["person"]: (row["altersgruppe"], row["geschlecht"],
                              row["staatsangehoerigkeiten"], row["kommune"]) for row in rows}
    # k-anonymity, k = 5: every combination of these columns is shared by five persons
    assert min(Counter(people.values()).values()) >= 5
    nationalities = Counter(code for person in people.values() for code in person[2].split("|"))
    assert min(nationalities.values()) >= 5
    # and the export still says something: most persons keep their municipality
    assert sum(person[3] != "unknown" for person in people.values()) > len(people) / 2
    named = office_rows(session, since=since, until=TODAY, with_names=True)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["eroeffnet_am"]) for row in named)
    assert len({row["staatsangehoerigkeiten"] for row in named}) > len(nationalities)


#: Every column of a pseudonymised row that someone who knows the person may know too: the
#: person's, and when the case was opened and closed, its phase, target group and needs.
KNOWABLE = ("altersgruppe", "geschlecht", "staatsangehoerigkeiten", "kommune", "eroeffnet_im",
            "abgeschlossen_im", "phase", "zielgruppe", "handlungsfelder")


def test_k_anonymity_holds_over_every_knowable_column(session: Session) -> None:
    """Adding the opening month to the four person columns left 196 of 246 persons alone in
    their group; now every combination of all the columns an outsider may know, over all of
    a person's cases (the person pseudonym joins them), is shared by five persons."""
    session.info["role"] = "office_admin"
    generate_demo_data(session, clients=300, seed=1, consultations_per_client=1)
    rows = office_rows(session, since=dt.date(2026, 1, 1), until=dt.date(2026, 10, 31),
                       with_names=False)
    cases: dict[str, list[tuple[str, ...]]] = {}
    for row in rows:
        cases.setdefault(row["person"], []).append(tuple(str(row[c]) for c in KNOWABLE))
    groups = Counter(tuple(sorted(person)) for person in cases.values())
    assert len(cases) > 200 and min(groups.values()) >= 5
    # months give way to quarters and years before they are dropped
    assert all(re.fullmatch(r"\d{4}(-\d{2}|-Q[1-4])?|unknown", row["eroeffnet_im"])
               for row in rows)
    assert sum(row["kommune"] != "unknown" for row in rows) > len(rows) / 2
