"""Inter-rater agreement: when two reviewers read the same case file, how often do they answer alike, and how much
more often than chance would make them?

Cohen's kappa (Cohen 1960) for two raters and nominal answers: κ = (p_o − p_e) / (1 − p_e), with p_o the share of
pairs that agree and p_e the agreement expected from each rater's own distribution of answers. Its large-sample
standard error for a confidence interval is the one of Fleiss, Cohen and Everitt (1969), as SAS PROC FREQ and R's
vcd::Kappa report it. A case file with two reviews is rare in a round, so n is small and the interval wide; the
share of agreeing pairs is reported beside kappa because it is what a reader grasps at once.

When both raters put every answer in one category, p_e = 1 and kappa is undefined (0/0): they agree, but there was
nothing to disagree about. `kappa` is then None and only the percentage is meaningful.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from statistics import NormalDist

from reviewer.domain.text import Message


@dataclass(frozen=True)
class Agreement:
    """Two raters over `n` items. `percent` is the share of items they answered alike (0–100); `kappa`, its
    standard error and its interval are None when chance agreement is 1 (every answer in the same category)."""

    n: int
    agreeing: int
    percent: float
    kappa: float | None
    standard_error: float | None
    ci_low: float | None
    ci_high: float | None


def cohens_kappa(pairs: Iterable[tuple[Hashable, Hashable]], confidence: float = 0.95) -> Agreement:
    """Kappa of (first rater's answer, second rater's answer) pairs; the answers are categories, compared by ==."""
    items = list(pairs)
    categories = list(dict.fromkeys(value for pair in items for value in pair))
    index = {value: i for i, value in enumerate(categories)}
    table = [[0] * len(categories) for _ in categories]
    for first, second in items:
        table[index[first]][index[second]] += 1
    return kappa_from_table(table, confidence)


def kappa_from_table(table: Sequence[Sequence[int]], confidence: float = 0.95) -> Agreement:
    """Kappa of a square table of counts: row = the first rater's category, column = the second's, same order."""
    size = len(table)
    if any(len(row) != size for row in table) or any(count < 0 for row in table for count in row):
        raise ValueError("an agreement table is a square table of counts >= 0")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    n = sum(sum(row) for row in table)
    if n == 0:
        raise ValueError("no pairs to compare")
    p = [[count / n for count in row] for row in table]
    rows = [sum(row) for row in p]
    columns = [sum(p[i][j] for i in range(size)) for j in range(size)]
    agreeing = sum(table[i][i] for i in range(size))
    p_o = agreeing / n
    p_e = sum(rows[i] * columns[i] for i in range(size))
    if math.isclose(p_e, 1.0, rel_tol=0.0, abs_tol=1e-12):
        return Agreement(n, agreeing, 100.0 * p_o, None, None, None, None)
    kappa = (p_o - p_e) / (1.0 - p_e)
    # Fleiss, Cohen & Everitt (1969): var = (A + B − C) / (n (1 − p_e)²)
    a = sum(p[i][i] * (1.0 - (rows[i] + columns[i]) * (1.0 - kappa)) ** 2 for i in range(size))
    b = (1.0 - kappa) ** 2 * sum(
        p[i][j] * (columns[i] + rows[j]) ** 2 for i in range(size) for j in range(size) if i != j
    )
    c = (kappa - p_e * (1.0 - kappa)) ** 2
    variance = max(0.0, (a + b - c) / (n * (1.0 - p_e) ** 2))  # rounding can make an exact 0 slightly negative
    error = math.sqrt(variance)
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    return Agreement(n, agreeing, 100.0 * p_o, kappa, error, max(-1.0, kappa - z * error), min(1.0, kappa + z * error))


def mean_kappa(agreements: Iterable[Agreement]) -> float | None:
    """The unweighted mean of the defined kappas: one overall figure in which every question weighs the same."""
    values = [a.kappa for a in agreements if a.kappa is not None]
    return sum(values) / len(values) if values else None


# Landis & Koch (1977), "The measurement of observer agreement for categorical data": the usual reading of kappa.
_STRENGTH = (
    (0.0, Message("ingen (sämre än slumpen)", "poor (worse than chance)")),
    (0.20, Message("obetydlig", "slight")),
    (0.40, Message("svag", "fair")),
    (0.60, Message("måttlig", "moderate")),
    (0.80, Message("god", "substantial")),
)
_ALMOST_PERFECT = Message("mycket god", "almost perfect")


def strength(kappa: float) -> Message:
    """The verbal strength of a kappa by Landis and Koch: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60
    moderate, 0.80 substantial, above that almost perfect."""
    for upper, words in _STRENGTH:
        if kappa < upper or (upper > 0.0 and kappa <= upper):
            return words
    return _ALMOST_PERFECT
