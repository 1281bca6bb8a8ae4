"""The cell key method (CKM) of official statistics: consistent noise for every published count.

How it works (Destatis and the statistical offices of the Länder for the Zensus 2022;
Statistik Austria's R packages ``ptable`` and ``cellKey``; the ONS):

* every fact has a **record key**, uniform in [0, 1), that the server derives from the fact's
  identity by HMAC under a secret of its own (:func:`record_key`), so no device can choose or
  predict its noise;
* a cell's **cell key** is the sum of its contributors' record keys, mod 1: the same set of
  contributors always gives the same key, so the same cell always gets the same noise and
  repeating a query teaches nothing;
* a **perturbation table** (p-table) gives, for the true count ``i`` and the cell key, the
  noise ``v``: row ``i`` splits [0, 1) into one interval per possible ``v``, whose lengths are
  the transition probabilities ``p(i → i + v)``. The rows are built by the maximum entropy
  approach of the ``ptable`` package (Giessing 2016; Enderle, Giessing, Tent 2018): noise at
  most ``D``, mean 0, variance ``V``, never below zero, and zero stays zero. Rows from ``D`` on
  are all the same distribution.

Keys are integers mod 2**32 here (``key / 2**32`` is the fraction in [0, 1)), so sums of keys
are exact in SQL and in Python.

**Magnitudes** (consultations, minutes, referrals, goals) follow ``cellKey``'s method for
continuous variables with the cell mean as magnifier (``ck_params_nums(type = "mean")`` with
``ck_simpleparams(p = 1)``): the noise is ``mean contribution × v``, ``v`` drawn from the
symmetric row with a key of its own per measure. They are only published when at least the
threshold of persons stand behind them (:mod:`sync_server.reports.cells`).

The p-table is data: ``resources/perturbation/ptable.json`` with its parameters and source,
written by ``python -m sync_server.reports.perturbation`` and checked against
:func:`build_rows` by the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kim_protocol.resources import RESOURCES_DIR

KEY_BITS = 32
KEY_MODULUS = 2**KEY_BITS
PTABLE_PATH = RESOURCES_DIR / "perturbation" / "ptable.json"
#: The parameters of the shipped table (docs/reporting.md says why these).
MAX_DEVIATION = 3
VARIANCE = 2.0


def record_key(secret: bytes, *parts: str) -> int:
    """A fact's record key: the first 32 bits of HMAC-SHA256(server secret, its identity)."""
    digest = hmac.new(secret, "|".join(parts).encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")


def measure_key(cell_key: int, measure: str) -> int:
    """A second key of a cell for one measure, so that the noise of its count and of each of
    its sums are drawn apart (``cellKey``'s ``same_key = FALSE``)."""
    digest = hashlib.sha256(f"{measure}|{cell_key % KEY_MODULUS}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


# --- building the table ------------------------------------------------------------------------


def _max_entropy(support: list[int], variance: float) -> list[float]:
    """Probabilities over ``support`` (deviations) with mean 0 and the given variance and the
    greatest entropy: ``p(v) ∝ exp(a·v + b·v²)``, the multipliers found by Newton's method."""
    a, b = 0.0, 0.0
    for _ in range(200):
        weights = [math.exp(a * v + b * v * v) for v in support]
        total = sum(weights)
        p = [w / total for w in weights]
        m1 = sum(pi * v for pi, v in zip(p, support, strict=True))
        m2 = sum(pi * v * v for pi, v in zip(p, support, strict=True))
        m3 = sum(pi * v**3 for pi, v in zip(p, support, strict=True))
        m4 = sum(pi * v**4 for pi, v in zip(p, support, strict=True))
        residual = (m1, m2 - variance)
        if max(abs(r) for r in residual) < 1e-14:
            return p
        # Jacobian of (E v, E v²) in (a, b): the covariance matrix of (v, v²).
        j11, j12, j22 = m2 - m1 * m1, m3 - m1 * m2, m4 - m2 * m2
        determinant = j11 * j22 - j12 * j12
        a -= (j22 * residual[0] - j12 * residual[1]) / determinant
        b -= (j11 * residual[1] - j12 * residual[0]) / determinant
    raise ValueError("no distribution with this variance on this support")


def build_rows(max_deviation: int, variance: float) -> dict[int, list[tuple[int, float]]]:
    """Row ``i`` (0..D) of the p-table as (deviation, probability); rows above D equal row D."""
    rows: dict[int, list[tuple[int, float]]] = {0: [(0, 1.0)]}
    for count in range(1, max_deviation + 1):
        support = list(range(max(-count, -max_deviation), max_deviation + 1))
        rows[count] = list(zip(support, _max_entropy(support, variance), strict=True))
    return rows


def write_table(path: Path = PTABLE_PATH) -> None:
    rows = build_rows(MAX_DEVIATION, VARIANCE)
    document = {
        "table": "ptable",
        "version": f"D{MAX_DEVIATION}-V{VARIANCE:g}-1",
        "method": "cell key method, p-table by the maximum entropy approach",
        "source": (
            "Giessing (2016), Computational issues in the design of transition probabilities "
            "and disclosure risk estimation for additive noise, PSD 2016; Enderle, Giessing, "
            "Tent (2018), Designing confidentiality on the fly methodology – three aspects, "
            "PSD 2018; R package ptable (sdcTools, Destatis), create_cnt_ptable(D, V, js = 0)"
        ),
        "max_deviation": MAX_DEVIATION,
        "variance": VARIANCE,
        "js": 0,
        "rows": {str(i): [[v, round(p, 12)] for v, p in row] for i, row in rows.items()},
        "note": "Row i: the deviations v and their probabilities for a true count i; counts "
        "above the last row use the last row. A cell key in [0, 1) picks v by the cumulative "
        "probabilities in the order of v.",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- using it ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PTable:
    version: str
    max_deviation: int
    variance: float
    #: Per row: (upper end of the interval as an integer key, deviation), in order.
    rows: tuple[tuple[tuple[int, int], ...], ...]

    def deviation(self, count: int, key: int) -> int:
        """The noise of a cell with ``count`` true contributors and cell key ``key``."""
        row = self.rows[min(count, len(self.rows) - 1)]
        fraction = key % KEY_MODULUS
        for upper, deviation in row:
            if fraction < upper:
                return deviation
        return row[-1][1]

    def probabilities(self, count: int) -> dict[int, float]:
        """``p(count → count + v)`` per ``v`` (for the attacker tests' baseline and the docs)."""
        row = self.rows[min(count, len(self.rows) - 1)]
        out, lower = {}, 0
        for upper, deviation in row:
            out[deviation] = (upper - lower) / KEY_MODULUS
            lower = upper
        return out


@lru_cache(maxsize=2)
def load_ptable(path: Path = PTABLE_PATH) -> PTable:
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for index in range(len(data["rows"])):
        cumulative, row = 0.0, []
        for deviation, probability in data["rows"][str(index)]:
            cumulative += probability
            row.append((min(KEY_MODULUS, round(cumulative * KEY_MODULUS)), int(deviation)))
        rows.append(tuple(row))
    return PTable(str(data["version"]), int(data["max_deviation"]), float(data["variance"]),
                  tuple(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description="Schreibt die Überlagerungstabelle neu.")
    parser.add_argument("--out", type=Path, default=PTABLE_PATH)
    write_table(parser.parse_args().out)


if __name__ == "__main__":
    main()
