"""Kappa and alpha of weighted rows of a rating table, for a whole bootstrap at once.

A bootstrap sample of the cases is a weight per row (how many of its cases were drawn), and every measure here is a
ratio of sums over rows, so a thousand samples are one matrix product instead of a thousand calls into statsmodels
or krippendorff (which would take seconds per question; docs/benchmarks.md). With the rows' multiplicities as
weights each function gives the library's own figure; tests/domain/test_agreement_resampling.py holds them to it.
An undefined measure (every answer alike in a sample) is NaN.
"""

from __future__ import annotations

import functools

import numpy as np
import numpy.typing as npt

from reviewer.domain.agreement.table import RatingTable

Weights = npt.NDArray[np.float64]  # samples × rows of the table
Values = npt.NDArray[np.float64]  # one figure per sample

_EPS = 1e-12
_FEW_ROWS = 64


def _ratio(numerator: Values, denominator: Values) -> Values:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.abs(denominator) > _EPS, numerator / np.where(denominator == 0, 1.0, denominator), np.nan)


def cohen(table: RatingTable, weights: Weights) -> Values:
    """Cohen's kappa of the two raters' (first, second) table in each sample, from the agreeing cases and the two
    raters' margins: the k × k table itself is never built, which matters when k is large (a participant against
    the facit over every question's answers is some sixty values)."""
    assert table.rater_pairs is not None
    k = len(table.values)
    first, second = table.rater_pairs[:, 0], table.rater_pairs[:, 1]
    rows = np.arange(len(first))
    firsts = np.zeros((len(first), k))
    firsts[rows, first] = 1.0
    seconds = np.zeros((len(first), k))
    seconds[rows, second] = 1.0
    n = weights.sum(axis=1)
    observed = weights @ (first == second).astype(np.float64) / n
    expected = ((weights @ firsts) * (weights @ seconds)).sum(axis=1) / n**2
    return _ratio(observed - expected, 1.0 - expected)


def fleiss(table: RatingTable, weights: Weights) -> Values:
    """Fleiss' kappa of each sample; every case has the same number of raters."""
    counts = table.counts.astype(np.float64)
    m = float(table.raters_per_case[0])
    per_case = ((counts**2).sum(axis=1) - m) / (m * (m - 1.0))
    total = weights.sum(axis=1)
    observed = weights @ per_case / total
    shares = (weights @ counts) / (total * m)[:, None]
    expected = (shares**2).sum(axis=1)
    return _ratio(observed - expected, 1.0 - expected)


def alpha(table: RatingTable, weights: Weights) -> Values:
    """Krippendorff's alpha at the table's level: nominal distance 0/1, ordinal the squared difference of the values'
    mid-ranks among all pairable answers, interval the squared difference of the values."""
    if table.level == "interval":
        return _alpha_interval(table, weights)
    counts = table.counts.astype(np.float64)
    m = counts.sum(axis=1)
    margins = weights @ counts  # n_c: the coincidence matrix's margins
    n = margins.sum(axis=1)
    if table.level == "nominal":
        disagreeing = weights @ ((m**2 - (counts**2).sum(axis=1)) / (m - 1.0))
        expected = n**2 - (margins**2).sum(axis=1)
        return 1.0 - _ratio((n - 1.0) * disagreeing, expected)
    k = counts.shape[1]
    per_case = (counts[:, :, None] * counts[:, None, :] - np.einsum("ij,jk->ijk", counts, np.eye(k))) / (m - 1.0)[
        :, None, None
    ]
    coincidences = (weights @ per_case.reshape(len(m), k * k)).reshape(-1, k, k)
    ranks = np.cumsum(margins, axis=1) - margins / 2.0  # δ_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² = (r_k − r_c)²
    distance = (ranks[:, None, :] - ranks[:, :, None]) ** 2
    observed = (coincidences * distance).sum(axis=(1, 2))
    expected = (margins[:, :, None] * margins[:, None, :] * distance).sum(axis=(1, 2))
    return 1.0 - _ratio((n - 1.0) * observed, expected)


def _alpha_interval(table: RatingTable, weights: Weights) -> Values:
    """From each case's count, sum and sum of squares: Σ_{i≠j}(x_i − x_j)² = 2mΣx² − 2(Σx)², so neither the
    coincidence matrix nor the distance matrix (values × values, large for kronor) is ever built."""
    counts = table.counts.astype(np.float64)
    numbers = table.numbers - table.numbers.mean() if table.values else table.numbers
    m = counts.sum(axis=1)
    s1 = counts @ numbers
    s2 = counts @ numbers**2
    n = weights @ m
    t1 = weights @ s1
    t2 = weights @ s2
    observed = weights @ ((2.0 * m * s2 - 2.0 * s1**2) / (m - 1.0))
    expected = 2.0 * n * t2 - 2.0 * t1**2
    return 1.0 - _ratio((n - 1.0) * observed, expected)


def draws(table: RatingTable, resamples: int, seed: int) -> Weights:
    """How many cases of each row each of `resamples` bootstrap samples of the cases (with replacement) draws. With
    few rows, a multinomial over them with their shares of the cases (the same in law as drawing case by case,
    and far quicker); with many (numbers), case by case, which is then quicker than numpy's multinomial."""
    rows = len(table.multiplicity)
    if rows <= _FEW_ROWS:
        return (
            np.random.default_rng(seed)
            .multinomial(table.n_cases, table.multiplicity / table.n_cases, size=resamples)
            .astype(np.float64)
        )
    row_of_case = np.repeat(np.arange(rows), table.multiplicity)
    drawn = row_of_case[_case_draws(table.n_cases, resamples, seed)]
    drawn += (np.arange(resamples) * rows)[:, None]
    return np.bincount(drawn.ravel(), minlength=resamples * rows).reshape(resamples, rows).astype(np.float64)


@functools.lru_cache(maxsize=4)
def _case_draws(n_cases: int, resamples: int, seed: int) -> npt.NDArray[np.int64]:
    """The cases each sample draws, as a fresh generator of the seed draws them: the same for every table of as many
    cases (a training session's participants, each against the facit over the same items), so drawn once; read-only."""
    drawn = np.random.default_rng(seed).integers(0, n_cases, size=(resamples, n_cases))
    drawn.flags.writeable = False
    return drawn
