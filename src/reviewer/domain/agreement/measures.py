"""Kappa and alpha of a rating table, from statsmodels and krippendorff, each with the cases it rests on and an
interval from a seeded bootstrap over the cases, or a stated reason instead of a figure.

- Cohen's kappa (statsmodels `cohens_kappa`) when exactly two raters answered every compared case; its standard
  error is the large-sample one of Fleiss, Cohen and Everitt (1969), as SAS and R's vcd report it.
- Fleiss' kappa (statsmodels `fleiss_kappa`) when more raters took part, each case answered by the same number of
  them; its standard error is Fleiss, Nee and Landis's (1979) under no agreement beyond chance, the one of the z
  test R's irr reports (statsmodels gives none).
- Krippendorff's alpha (the krippendorff package; for many distinct values the same formula from sums, see
  `alpha_estimate`) at the question's level, whatever the number of raters per case.

The interval is the 2.5th and 97.5th percentiles of 1000 bootstrap samples of the cases, not the large-sample one:
that one has zero width in degenerate tables (9 pairs yes/yes and one yes/no give kappa 0 with "[0, 0]") and is too
narrow with few cases. Below MIN_CASES_FOR_INTERVAL cases, when the measure is undefined in more than
MAX_UNDEFINED_SHARE of the samples, or when every sample gives the same value (full agreement in every case: the
bootstrap cannot show what it has not seen), the interval is not estimable and no standard error is given either.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from reviewer.domain.agreement import resampling
from reviewer.domain.agreement.reading import (
    MAX_UNDEFINED_SHARE,
    MIN_CASES,
    MIN_CASES_FOR_INTERVAL,
    Reason,
)
from reviewer.domain.agreement.table import Level, Rating, RatingTable, pair_counts, rating_table

RESAMPLES = 1000
LIBRARY_CELLS = 200_000
BOOTSTRAP_SEED = 20261204
KappaKind = Literal["cohen", "fleiss"]


@dataclass(frozen=True)
class Estimate:
    """A measure's value, standard error and interval; `reason` says why the value (when None) or the interval
    (when None) is not given."""

    value: float | None
    standard_error: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    reason: Reason | None = None


@dataclass(frozen=True)
class RaterAgreement:
    """One question's agreement. `n_cases`: the cases answered by two or more raters, on which every figure rests.
    `kappa`: Cohen's for two raters, Fleiss' for more (`kappa_kind`); None for numbers."""

    level: Level
    n_cases: int
    n_raters: int
    n_ratings: int
    pairs: int
    agreeing_pairs: int
    kappa_kind: KappaKind | None
    kappa: Estimate | None
    alpha: Estimate

    @property
    def percent(self) -> float | None:
        """The share of pairs of answers to the same case that are alike (0–100)."""
        return 100.0 * self.agreeing_pairs / self.pairs if self.pairs else None

    @property
    def headline(self) -> tuple[Literal["cohen", "fleiss", "alpha"], Estimate]:
        """The figure to read first: kappa for categories (alpha when kappa cannot be had because the cases have
        different numbers of raters), alpha for scales and numbers."""
        kind, kappa = self.kappa_kind, self.kappa
        if kind is None or kappa is None or self.level is not Level.NOMINAL or kappa.reason is Reason.UNEQUAL_RATERS:
            return ("alpha", self.alpha)
        return (kind, kappa)


def measure_agreement(
    ratings: Iterable[Rating],
    level: Level,
    confidence: float = 0.95,
    resamples: int = RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> RaterAgreement:
    """Every measure of (case, rater, value) ratings at `level` (see `rating_table` for the rules on rows)."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    table = rating_table(ratings, level)
    pairs, alike = pair_counts(table)
    weights = resampling.draws(table, resamples, seed) if table.n_cases >= MIN_CASES_FOR_INTERVAL else None
    kind: KappaKind | None = None
    kappa = None
    if level is not Level.INTERVAL:
        if table.n_raters >= 2:
            kind = "cohen" if table.n_raters == 2 else "fleiss"
        estimate = cohen_estimate if kind == "cohen" else fleiss_estimate
        kappa = estimate(table, weights, confidence)
    return RaterAgreement(
        level=level,
        n_cases=table.n_cases,
        n_raters=table.n_raters,
        n_ratings=int(table.multiplicity @ table.raters_per_case),
        pairs=pairs,
        agreeing_pairs=alike,
        kappa_kind=kind,
        kappa=kappa,
        alpha=alpha_estimate(table, weights, confidence),
    )


def _missing(table: RatingTable) -> Reason | None:
    if table.n_cases == 0:
        return Reason.NO_PAIRS
    if table.n_cases < MIN_CASES:
        return Reason.TOO_FEW_CASES
    if len(table.values) < 2:
        return Reason.NO_VARIATION
    return None


def _with_interval(
    value: float,
    error: float | None,
    table: RatingTable,
    weights: resampling.Weights | None,
    replicate: Callable[[RatingTable, resampling.Weights], resampling.Values],
    confidence: float,
) -> Estimate:
    if math.isnan(value):  # not reachable with two or more values; a NaN must never reach a report
        return Estimate(None, reason=Reason.NO_VARIATION)
    if weights is None:
        return Estimate(value, reason=Reason.TOO_FEW_FOR_INTERVAL)
    samples = replicate(table, weights)
    defined = samples[~np.isnan(samples)]
    if len(defined) < (1.0 - MAX_UNDEFINED_SHARE) * len(samples):
        return Estimate(value, reason=Reason.UNSTABLE)
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(defined, [tail, 1.0 - tail])
    if high - low < 1e-12:
        return Estimate(value, reason=Reason.NO_SPREAD)
    return Estimate(value, error, float(low), float(high))


def cohen_estimate(table: RatingTable, weights: resampling.Weights | None, confidence: float = 0.95) -> Estimate:
    """Cohen's kappa of a two-rater table (statsmodels)."""
    from statsmodels.stats.inter_rater import cohens_kappa

    if (reason := _missing(table)) is not None:
        return Estimate(None, reason=reason)
    assert table.rater_pairs is not None
    k = len(table.values)
    square = np.zeros((k, k), dtype=np.int64)
    np.add.at(square, (table.rater_pairs[:, 0], table.rater_pairs[:, 1]), table.multiplicity)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # its test against 0 divides by zero in degenerate tables
        result = cohens_kappa(square)
    error = float(result.std_kappa)
    return _with_interval(
        float(result.kappa), None if math.isnan(error) else error, table, weights, resampling.cohen, confidence
    )


def fleiss_estimate(table: RatingTable, weights: resampling.Weights | None, confidence: float = 0.95) -> Estimate:
    """Fleiss' kappa of a table whose cases all have the same number of raters (statsmodels), with Fleiss, Nee and
    Landis's standard error: √(2 / (N m (m − 1))) · √((Σ p_j q_j)² − Σ p_j q_j (q_j − p_j)) / Σ p_j q_j."""
    from statsmodels.stats.inter_rater import fleiss_kappa

    if (reason := _missing(table)) is not None:
        return Estimate(None, reason=reason)
    m = table.raters_per_case
    if (m != m[0]).any():
        return Estimate(None, reason=Reason.UNEQUAL_RATERS)
    value = float(fleiss_kappa(table.case_counts))
    return _with_interval(value, fleiss_standard_error(table), table, weights, resampling.fleiss, confidence)


def fleiss_standard_error(table: RatingTable) -> float | None:
    """Fleiss, Nee and Landis's (1979) standard error of Fleiss' kappa under no agreement beyond chance; None where
    Fleiss' kappa has none (fewer than two cases, one value, cases with different numbers of raters)."""
    m = table.raters_per_case
    if _missing(table) is not None or (m != m[0]).any():
        return None
    raters = float(m[0])
    p = table.multiplicity @ table.counts / (table.n_cases * raters)
    pq = p * (1.0 - p)
    spread = pq.sum()
    return (
        math.sqrt(2.0 / (table.n_cases * raters * (raters - 1.0)))
        * math.sqrt(max(0.0, float(spread**2 - (pq * (1.0 - 2.0 * p)).sum())))
        / float(spread)
    )


def alpha_estimate(table: RatingTable, weights: resampling.Weights | None, confidence: float = 0.95) -> Estimate:
    """Krippendorff's alpha at the table's level, from the krippendorff package, or from sums over the table's
    distinct rows where the package's cases × values × values array would exceed LIBRARY_CELLS (a thousand
    multiple-choice answers with 200 distinct sets took it 8 s, and numbers have as many values as cases); the two
    agree to rounding (tests/domain/test_agreement_resampling.py). No standard error: Krippendorff's own advice
    is the bootstrap's interval."""
    import krippendorff

    if (reason := _missing(table)) is not None:
        return Estimate(None, reason=reason)
    if table.n_cases * len(table.values) ** 2 > LIBRARY_CELLS:
        value = float(resampling.alpha(table, table.multiplicity[None, :].astype(np.float64))[0])
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            value = float(
                krippendorff.alpha(
                    value_counts=table.case_counts,
                    value_domain=table.numbers if table.level is Level.INTERVAL else list(range(len(table.values))),
                    level_of_measurement=str(table.level),  # type: ignore[arg-type]
                )
            )
    return _with_interval(value, None, table, weights, resampling.alpha, confidence)
