"""An attacker with a coordinator's login, and one with an enrolled device as well, tries to
recover hidden counts (true 1–4) from what the dashboard publishes, on generated data whose
truth the test knows. Everything goes through the real ASGI app: facts through the upload API,
figures through the CSV export (one download holds every view of a filter).

The attacker collects every published cell over all allowed periods (months, quarters, the
year) and filters (the Kreis and each municipality) and solves the linear system they form:
overlapping periods, the Kreis minus the municipalities and complementary tables are all
equations of it. He combines the Gaussian posterior with the exact p-table likelihood of the
cell's own figure. The baseline knows only the p-table and the cell's own figure. The goal:
the attacker recovers no more than the baseline plus 5 percentage points, and repeating queries
teaches him nothing. The test prints the rates and the mean absolute deviation of the noise.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session, sessionmaker

from sync_server.models import ServerSecret
from sync_server.reports.perturbation import load_ptable
from sync_server.services import devices, reports
from tests.sync_server.reports.reports_helpers import login

YEAR = 2026
SEED = 20260315
SECRET = "5e" * 32
THRESHOLD = 5
STATUSES = ("asylum_permit", "toleration", "toleration_unclear_identity", "residence_permit",
            "settlement_permit", "naturalised")
#: (office, municipalities it serves, mean new cases per month in each)
OFFICES = (
    ("KIM Minden", ("minden", "hille"), (6.0, 1.2)),
    ("KIM Rahden", ("rahden", "stemwede", "espelkamp"), (1.5, 0.8, 2.0)),
    ("KIM Lübbecke", ("luebbecke", "huellhorst", "preussisch_oldendorf"), (2.5, 1.0, 0.7)),
)
LABELS = {"minden": "Minden", "hille": "Hille", "rahden": "Rahden", "stemwede": "Stemwede",
          "espelkamp": "Espelkamp", "luebbecke": "Lübbecke", "huellhorst": "Hüllhorst",
          "preussisch_oldendorf": "Preußisch Oldendorf"}
STATUS_LABELS = {"asylum_permit": "Aufenthaltsgestattung", "toleration": "Duldung",
                 "toleration_unclear_identity": "Duldung (ungeklärte Identität)",
                 "residence_permit": "Aufenthaltserlaubnis", "settlement_permit": "Niederlassung",
                 "naturalised": "eingebürgert"}


@dataclass(frozen=True)
class Case:
    key: str
    municipality: str
    opened: int  # month of YEAR, 1..12 (0: opened the year before)
    closed: int | None
    status: str

    def fact(self) -> dict[str, Any]:
        opened = dt.date(YEAR, self.opened, 1) if self.opened else dt.date(YEAR - 1, 11, 1)
        return {
            "key": self.key, "fact_kind": "case", "municipality": self.municipality,
            "month": opened.strftime("%Y-%m"), "case_opened": opened.isoformat(),
            "case_closed": dt.date(YEAR, self.closed, 1).isoformat() if self.closed else None,
            "age_band": "27-44", "gender": "female", "status_category": self.status,
        }


def _generate(rng: random.Random) -> dict[str, list[Case]]:
    """Cases per office: new ones each month (Poisson), some from the year before, closures."""
    # Two rare statuses: even the Kreis has only a handful of such cases in a month.
    weights = (0.28, 0.32, 0.015, 0.3, 0.07, 0.012)
    out: dict[str, list[Case]] = {}
    for office, municipalities, rates in OFFICES:
        cases = []
        for municipality, rate in zip(municipalities, rates, strict=True):
            for month in range(0, 13):
                for _ in range(_poisson(rng, rate * (3 if month == 0 else 1))):
                    closed = rng.choice([None, None, rng.randint(max(month, 1), 12)])
                    status = rng.choices(STATUSES, weights)[0]
                    cases.append(Case(f"{rng.getrandbits(256):064x}", municipality, month,
                                      closed, status))
        out[office] = cases
    return out


def _poisson(rng: random.Random, mean: float) -> int:
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count


# --- periods and truth ------------------------------------------------------------------------

PERIODS = ([(m, m) for m in range(1, 13)] + [(q, q + 2) for q in (1, 4, 7, 10)] + [(1, 12)])


def _query(period: tuple[int, int], municipality: str | None) -> str:
    first, last = period
    where = f"&kommune={municipality}" if municipality else ""
    return f"von={YEAR}-{first:02d}&bis={YEAR}-{last:02d}{where}"


def _active(case: Case, period: tuple[int, int]) -> bool:
    return case.opened <= period[1] and (case.closed is None or case.closed >= period[0])


# --- reading what is published ----------------------------------------------------------------

Published = dict[tuple[str, str, str], str]


def _download(client: TestClient, period: tuple[int, int], municipality: str | None) -> Published:
    answer = client.get(f"/dashboard/export?format=csv&{_query(period, municipality)}")
    assert answer.status_code == 200
    rows = csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";")
    next(rows)
    return {(table, row, column): value for *_scope, _view, table, row, column, value in rows}


def _value(text: str | None) -> int | None:
    """A published figure as a number; None when hidden or not published."""
    if text is None or text.startswith("<"):
        return None
    return int(text)


# --- the attacker -----------------------------------------------------------------------------


def _likelihood(published: str | None, truth: int) -> float:
    """P(the cell shows ``published`` | true count ``truth``) under the p-table."""
    table = load_ptable()
    value = _value(published)
    total = 0.0
    for deviation, probability in table.probabilities(truth).items():
        shown = truth + deviation
        hidden = value is None and published is not None and truth > 0 and shown < THRESHOLD
        visible = value is not None and shown == value and shown >= THRESHOLD
        if hidden or visible or (value == 0 and truth == 0):
            total += probability
    return total


CANDIDATES = range(1, THRESHOLD + 2 * load_ptable().max_deviation + 6)
Prior = dict[int, float]


def _prior(truth: dict[Any, int]) -> Prior:
    """How often each true count occurs among the cells of one kind: what both the baseline
    and the attacker know about counts in general."""
    counts: dict[int, int] = defaultdict(int)
    for value in truth.values():
        if value >= 1:
            counts[value] += 1
    total = sum(counts.values())
    return {c: (counts.get(c, 0) + 0.5) / (total + 0.5 * len(CANDIDATES)) for c in CANDIDATES}


def _guess(published: str | None, prior: Prior,
           evidence: tuple[float, float] | None = None) -> int:
    """The most likely true count given the cell's own figure and, for the attacker, a
    Gaussian belief (mean, variance) from everything else."""
    def score(candidate: int) -> float:
        value = _likelihood(published, candidate) * prior[candidate]
        if evidence is not None:
            mean, variance = evidence
            value *= math.exp(-((candidate - mean) ** 2) / (2 * variance))
        return value

    return max(CANDIDATES, key=lambda c: (score(c), -c))


def _solve(matrix: list[list[float]], vector: list[float]) -> tuple[list[float], list[float]]:
    """Mean and the diagonal of the inverse of a symmetric positive definite system
    (Gauss–Jordan; the systems here have at most a few hundred unknowns)."""
    size = len(vector)
    augmented = [row[:] + [vector[i]] + [1.0 if j == i else 0.0 for j in range(size)]
                 for i, row in enumerate(matrix)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda r: abs(augmented[r][column]))
        augmented[column], augmented[pivot] = augmented[pivot], augmented[column]
        head = augmented[column][column]
        augmented[column] = [v / head for v in augmented[column]]
        for row in range(size):
            if row != column and augmented[row][column]:
                factor = augmented[row][column]
                augmented[row] = [a - factor * b for a, b in zip(augmented[row],
                                                                 augmented[column], strict=True)]
    return ([augmented[i][size] for i in range(size)],
            [augmented[i][size + 1 + i] for i in range(size)])


@dataclass
class LinearAttack:
    """Unknowns (true counts), each with a weak prior, and equations from published cells."""

    unknowns: list[Any]
    #: unknown -> its own published figure
    direct: dict[Any, str | None]
    equations: list[tuple[list[Any], int]]

    def beliefs(self) -> dict[Any, tuple[float, float]]:
        """Per unknown: mean and variance from everything except its own figure."""
        index = {u: i for i, u in enumerate(self.unknowns)}
        size = len(self.unknowns)
        variance = load_ptable().variance
        prior_mean, prior_variance = 3.0, 25.0
        matrix = [[0.0] * size for _ in range(size)]
        vector = [prior_mean / prior_variance] * size
        for i in range(size):
            matrix[i][i] = 1 / prior_variance
        # Each unknown's own figure, where shown, as an equation; hidden ones as a weak hint.
        own: dict[int, tuple[float, float]] = {}
        for u in self.unknowns:
            value = _value(self.direct.get(u))
            if value is not None:
                own[index[u]] = (value, variance)
            elif self.direct.get(u) is not None:
                own[index[u]] = (2.5, 2.0)
        for i, (value, var) in own.items():
            matrix[i][i] += 1 / var
            vector[i] += value / var
        for members, value in self.equations:
            ids = [index[m] for m in members]
            for a in ids:
                vector[a] += value / variance
                for b in ids:
                    matrix[a][b] += 1 / variance
        means, variances = _solve(matrix, vector)
        out = {}
        for u in self.unknowns:
            i = index[u]
            precision, weighted = 1 / variances[i], means[i] / variances[i]
            precision -= 1 / prior_variance
            weighted -= prior_mean / prior_variance
            if i in own:
                precision -= 1 / own[i][1]
                weighted -= own[i][0] / own[i][1]
            precision = max(precision, 1e-6)
            out[u] = (weighted / precision, 1 / precision)
        return out


# --- the scenario -----------------------------------------------------------------------------


@pytest.fixture
def scenario(client: TestClient, sessions: sessionmaker[Session], make_user: Any) -> Any:
    rng = random.Random(SEED)
    with sessions() as session, session.begin():
        # A fixed secret makes the run reproducible; the server makes a random one.
        reports.record_key_secret(session)
        session.get_one(ServerSecret, "record_key").value = SECRET
    cases = _generate(rng)
    tokens = {}
    for office, municipalities, _rates in OFFICES:
        with sessions() as session, session.begin():
            office_id = devices.create_office(session, name=office,
                                              municipalities=list(municipalities),
                                              actor="test").id
            issued = devices.issue_enrollment_code(session, office_id=office_id,
                                                   ttl=dt.timedelta(hours=1), actor="test")
        with sessions() as session, session.begin():
            token = devices.enroll(session, code=issued.code, device_name="Laptop",
                                   app_version="1.0").token
        tokens[office] = {"Authorization": f"Bearer {token}"}
        facts = [case.fact() for case in cases[office]]
        answer = client.put("/v1/report-facts", json={"facts": facts}, headers=tokens[office])
        assert answer.status_code == 200, answer.text[:300]
    make_user("koordination")
    login(client, "koordination")
    municipalities = [m for _, ms, _ in OFFICES for m in ms]
    # The Kreis for every period; each municipality for the quarters and the year (the status
    # tables by municipality); months by municipality only where a test asks.
    published = {(p, None): _download(client, p, None) for p in PERIODS}
    published |= {(p, m): _download(client, p, m) for p in PERIODS[12:] for m in municipalities}
    everyone = [c for office_cases in cases.values() for c in office_cases]
    return client, tokens, everyone, municipalities, published


Target = tuple[str, Any]


def _rates(
    targets: dict[Any, int], published: dict[Any, str | None],
    beliefs: dict[Any, tuple[float, float]],
) -> tuple[float, float, int]:
    hidden = [t for t, truth in targets.items() if 1 <= truth <= 4]
    prior = _prior(targets)
    baseline = sum(_guess(published[t], prior) == targets[t] for t in hidden)
    attacker = sum(_guess(published[t], prior, beliefs[t]) == targets[t] for t in hidden)
    return baseline / len(hidden), attacker / len(hidden), len(hidden)


def _flow_attack(
    everyone: list[Case], municipalities: list[str], published: dict[Any, Published],
    periods: Iterable[tuple[int, int]], column: str,
) -> tuple[dict[Any, int], dict[Any, str | None], LinearAttack]:
    """New (or closed) cases per municipality and month, from every period and the Kreis."""
    month_of: Callable[[Case], int | None] = (
        (lambda c: c.opened) if column == "Neue Fälle" else (lambda c: c.closed))
    truth = {(m, month): sum(1 for c in everyone if c.municipality == m and month_of(c) == month)
             for m in municipalities for month in range(1, 13)}
    table = "Fälle nach Kommune"
    direct = {(m, month): published[((month, month), None)].get((table, LABELS[m], column))
              for m, month in truth}
    equations: list[tuple[list[Any], int]] = []
    for period in periods:
        months = range(period[0], period[1] + 1)
        figures = published[(period, None)]
        for m in municipalities:
            value = _value(figures.get((table, LABELS[m], column)))
            if value is not None and period[0] != period[1]:
                equations.append(([(m, mo) for mo in months], value))
        total = _value(figures.get((table, "Summe", column)))
        if total is not None:
            equations.append(([(m, mo) for m in municipalities for mo in months], total))
    return truth, direct, LinearAttack(list(truth), direct, equations)


def _active_attack(
    everyone: list[Case], municipalities: list[str], published: dict[Any, Published],
) -> tuple[dict[Any, int], dict[Any, str | None], LinearAttack]:
    """Active cases per municipality in each period: the Kreis minus the municipalities."""
    table, column = "Fälle nach Kommune", "Aktive Fälle"
    truth = {(m, p): sum(1 for c in everyone if c.municipality == m and _active(c, p))
             for m in municipalities for p in PERIODS}
    direct = {(m, p): published[(p, None)].get((table, LABELS[m], column)) for m, p in truth}
    equations = []
    for p in PERIODS:
        total = _value(published[(p, None)].get((table, "Summe", column)))
        if total is not None:
            equations.append(([(m, p) for m in municipalities], total))
    return truth, direct, LinearAttack(list(truth), direct, equations)


def _status_attack(
    everyone: list[Case], municipalities: list[str], published: dict[Any, Published],
    period: tuple[int, int],
) -> tuple[dict[Any, int], dict[Any, str | None], LinearAttack]:
    """Active cases per municipality and status in one period, from the status tables (each
    municipality and the Kreis) and the municipality table: complementary tables."""
    truth = {(m, s): sum(1 for c in everyone if c.municipality == m and c.status == s
                         and _active(c, period))
             for m in municipalities for s in STATUSES}
    table = "Aktive Fälle nach Aufenthaltsstatus"
    direct = {(m, s): published[(period, m)].get((table, STATUS_LABELS[s], "Aktive Fälle"))
              for m, s in truth}
    equations: list[tuple[list[Any], int]] = []
    kreis = published[(period, None)]
    for s in STATUSES:
        value = _value(kreis.get((table, STATUS_LABELS[s], "Aktive Fälle")))
        if value is not None:
            equations.append(([(m, s) for m in municipalities], value))
    for m in municipalities:
        for figure in (published[(period, m)].get((table, "Summe", "Aktive Fälle")),
                       kreis.get(("Fälle nach Kommune", LABELS[m], "Aktive Fälle"))):
            value = _value(figure)
            if value is not None:
                equations.append(([(m, s) for s in STATUSES], value))
    return truth, direct, LinearAttack(list(truth), direct, equations)


def test_differencing_recovers_no_hidden_count_better_than_the_baseline(scenario: Any) -> None:
    client, _tokens, everyone, municipalities, published = scenario
    report: list[str] = []
    results: dict[str, tuple[float, float, int]] = {}
    months = [(m, m) for m in range(1, 13)]
    attacks = {
        "new cases, months only": _flow_attack(
            everyone, municipalities, published, months, "Neue Fälle"),
        "new cases, overlapping periods and the Kreis": _flow_attack(
            everyone, municipalities, published, PERIODS, "Neue Fälle"),
        "closed cases, months only": _flow_attack(
            everyone, municipalities, published, months, "Abgeschlossene Fälle"),
        "closed cases, overlapping periods and the Kreis": _flow_attack(
            everyone, municipalities, published, PERIODS, "Abgeschlossene Fälle"),
        "active cases, the Kreis minus the municipalities": _active_attack(
            everyone, municipalities, published),
        **{f"status, complementary tables ({first:02d}–{last:02d})": _status_attack(
            everyone, municipalities, published, (first, last)) for first, last in PERIODS[12:]},
    }
    totals = [0.0, 0.0, 0]
    for name, (truth, direct, attack) in attacks.items():
        baseline, attacker, hidden = _rates(truth, direct, attack.beliefs())
        results[name] = (baseline, attacker, hidden)
        if "months only" not in name:  # the same cells as the full attack, with less
            totals = [totals[0] + baseline * hidden, totals[1] + attacker * hidden,
                      totals[2] + hidden]
        report.append(f"{name}: {hidden} hidden cells, baseline {baseline:.1%}, "
                      f"attacker {attacker:.1%}")
    report.append(f"all: {totals[2]} hidden cells, baseline {totals[0] / totals[2]:.1%}, "
                  f"attacker {totals[1] / totals[2]:.1%}")
    print("\n" + "\n".join(report))
    baseline_all, attacker_all = totals[0] / totals[2], totals[1] / totals[2]
    assert attacker_all <= baseline_all + 0.05
    def pooled(variant: str) -> float:
        parts = [results[f"{kind}, {variant}"] for kind in ("new cases", "closed cases")]
        return sum(a * n for _, a, n in parts) / sum(n for _, _, n in parts)

    assert pooled("overlapping periods and the Kreis") <= pooled("months only") + 0.05, (
        "more overlapping queries must not help")
    # Repeating a query, or asking for the same cell another way, shows the same figure.
    again = _download(client, (4, 6), "hille")
    assert again == published[((4, 6), "hille")]
    for period in PERIODS[12:]:
        for m in municipalities:
            cell = ("Fälle nach Kommune", LABELS[m], "Neue Fälle")
            assert published[(period, None)].get(cell) == published[(period, m)].get(cell)


def test_noise_is_small_on_published_cells(scenario: Any) -> None:
    _client, _tokens, everyone, municipalities, published = scenario
    deviations = []
    for period in PERIODS:
        figures = published[(period, None)]
        for m in municipalities:
            truth = sum(1 for c in everyone if c.municipality == m and _active(c, period))
            value = _value(figures.get(("Fälle nach Kommune", LABELS[m], "Aktive Fälle")))
            if value is not None:
                deviations.append(abs(value - truth))
        truth = sum(1 for c in everyone if _active(c, period))
        value = _value(figures.get(("Fälle nach Kommune", "Summe", "Aktive Fälle")))
        assert value is not None
        deviations.append(abs(value - truth))
    mean = sum(deviations) / len(deviations)
    print(f"\nmean absolute deviation over {len(deviations)} published counts: {mean:.2f}")
    assert max(deviations) <= load_ptable().max_deviation
    assert 0.3 < mean < 1.2


def _inject(client: TestClient, headers: dict[str, str], keys: list[str], status: str, *,
            deleted: bool = False) -> None:
    """Known cases of ``status`` in Minden, open all year (opened the year before)."""
    facts = [Case(k, "minden", 0, None, status).fact() | {"deleted": deleted} for k in keys]
    assert client.put("/v1/report-facts", json={"facts": facts},
                      headers=headers).status_code == 200


def test_an_insider_device_injecting_known_facts(scenario: Any) -> None:
    """Office Minden's device adds 8 known cases of a rare status, reads the Kreis's monthly
    figures and subtracts them. What the arrival checks guarantee is asserted: the figures of
    other offices' municipalities do not move at all, and withdrawn facts leave no trace.
    What the noise cannot prevent is printed: each round is a fresh look at the Kreis's
    count, and averaging many rounds recovers it (docs/reporting.md, "Known limit")."""
    client, tokens, everyone, _municipalities, published = scenario
    headers = tokens["KIM Minden"]
    rng = random.Random(7)
    table, column, injected = "Aktive Fälle nach Aufenthaltsstatus", "Aktive Fälle", 8
    rare = ("toleration_unclear_identity", "naturalised")
    truth = {(s, m): sum(1 for c in everyone if c.status == s and _active(c, (m, m)))
             for s in rare for m in range(1, 13)}
    targets = [t for t, n in truth.items() if 1 <= n <= 4]
    assert len(targets) >= 10
    estimates: dict[Any, list[int]] = defaultdict(list)
    rounds = 6
    for _ in range(rounds):
        keys = {s: [f"{rng.getrandbits(256):064x}" for _ in range(injected)] for s in rare}
        for status, status_keys in keys.items():
            _inject(client, headers, status_keys, status)
        for month in range(1, 13):
            figures = _download(client, (month, month), None)
            for s in rare:
                if (s, month) in targets:
                    value = _value(figures.get((table, STATUS_LABELS[s], column)))
                    assert value is not None
                    estimates[(s, month)].append(value - injected)
        assert _download(client, (1, 12), "rahden") == published[((1, 12), "rahden")]
        for status, status_keys in keys.items():
            _inject(client, headers, status_keys, status, deleted=True)
    assert _download(client, (1, 12), None) == published[((1, 12), None)], "all withdrawn"
    direct = {(s, m): published[((m, m), None)].get((table, STATUS_LABELS[s], column))
              for s, m in targets}
    variance = load_ptable().variance
    prior = _prior(truth)
    baseline = sum(_guess(direct[t], prior) == truth[t] for t in targets) / len(targets)

    def rate(used: int) -> float:
        return sum(
            _guess(direct[t], prior, (sum(estimates[t][:used]) / used, variance / used))
            == truth[t] for t in targets
        ) / len(targets)

    print(f"\ninsider, {len(targets)} hidden Kreis cells: baseline {baseline:.0%}, one round "
          f"{rate(1):.0%}, {rounds} rounds {rate(rounds):.0%} (the known limit)")
