"""The statistics of a sex-split review: proportions with intervals, tests fit for small samples, and the rule that
decides when a difference between women and men is worth a unit chief's attention.

Rounds are small (typically 20–100 case files), so the tests are exact where that is feasible: Fisher's exact test
for 2×2 tables, a Monte Carlo version of the same conditional test (Fisher–Freeman–Halton: random tables with the
observed margins, i.e. a permutation test) for larger tables with small expected counts, the chi-square test only
when every expected count is at least 5, and Mann–Whitney U for numbers (handling times and costs are skewed, so
medians rather than means are compared). Everything here is pure: no SQL, no Qt.
"""

from __future__ import annotations

import importlib
import math
import types
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import NormalDist
from typing import Literal

import numpy as np

TestName = Literal["fisher", "chi2", "permutation", "mann_whitney"]

# The permutation test draws random tables; a fixed seed makes the same table give the same p-value every time.
PERMUTATION_SEED = 20260401
PERMUTATION_RESAMPLES = 9999
MIN_EXPECTED_FOR_CHI2 = 5.0
# Differences and ratios are compared with the thresholds after rounding away floating-point noise, so that an exact
# 10 percentage points (e.g. 60 % − 50 %) counts as 10, not 9.999999999999996.
_TOLERANCE = 1e-9
# Tables whose probability equals the observed one up to rounding count as at least as extreme (scipy's choice too).
_RELATIVE_TIES = 1e-7
# Up to this many possible tables, Fisher's test sums them all at once (see fisher_2x2).
_FISHER_DIRECT_LIMIT = 100


@dataclass(frozen=True)
class TestResult:
    """A test's name and two-sided p-value; `comparisons` > 1 says the p-value was Bonferroni-adjusted for that many
    comparisons (already multiplied in, capped at 1)."""

    name: TestName
    p_value: float
    comparisons: int = 1


@dataclass(frozen=True)
class NumberSummary:
    """Quartiles by numpy's default (linear interpolation between order statistics, Hyndman–Fan type 7, the same
    as Excel's KVARTIL/QUARTILE.INC), so a unit chief can recompute them in a spreadsheet."""

    n: int
    mean: float
    median: float
    q1: float
    q3: float
    total: float
    minimum: float
    maximum: float


class ComparisonState(StrEnum):
    OK = "ok"
    TOO_SMALL = "too_small"  # "underlaget är för litet": a group has fewer than min_group_n answers
    NO_VARIATION = "no_variation"  # every answer is the same, so there is nothing to test


@dataclass(frozen=True)
class Thresholds:
    """When a difference between women and men is flagged: material *and* significant, with enough answers.

    - `min_difference_pp`: for proportions, |female % − male %| in percentage points (default 10).
    - `min_relative_difference`: for numbers, one group's median at least this much above the other's (default 0.10:
      10 %), whichever group is higher: |log(female / male)| ≥ log(1.10), so women 10 % above men and men 10 % above
      women are the same size of difference.
    - `fdr_q`: the false discovery rate of a selection's findings. The p-values of all questions compared in one
      selection (and, separately, of all rows of a breakdown) are adjusted together by Benjamini–Hochberg, and a
      difference is significant when its adjusted p-value is below q (default 0.05): with 38 questions tested at 5 %
      each, a round with no real difference anywhere would otherwise show one or two differences by chance.
    - `alpha`: the level for a checklist's few primary questions, decided before the round and tested unadjusted
      (default 0.05; exactly 0.05 is not significant).
    - `min_group_n`: each of the two compared groups needs at least this many answers, otherwise the state is
      TOO_SMALL and nothing is tested or flagged. Default 5: rounds are typically 20–100 files, often split unevenly
      by sex, so a stricter minimum would silence most questions; with fewer than 5 answers in a group a single file
      moves a percentage by 20 points or more, and Fisher's test cannot reach p < 0.05 for any split of 4 + 4 answers
      anyway – below that nothing can be said.
    """

    min_difference_pp: float = 10.0
    min_relative_difference: float = 0.10
    fdr_q: float = 0.05
    alpha: float = 0.05
    min_group_n: int = 5


@dataclass(frozen=True)
class Assessment:
    state: ComparisonState
    material: bool
    significant: bool

    @property
    def flagged(self) -> bool:
        return self.state is ComparisonState.OK and self.material and self.significant


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (0..1); it stays inside [0, 1] and behaves for 0 or n successes and
    small n, where the textbook normal interval does not. n = 0 says nothing: (0, 1)."""
    if n < 0 or successes < 0 or successes > n:
        raise ValueError(f"need 0 <= successes <= n, got {successes} of {n}")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    if n == 0:
        return 0.0, 1.0
    z = NormalDist().inv_cdf(0.5 + confidence / 2.0)
    p = successes / n
    denominator = 1.0 + z * z / n
    centre = (p + z * z / (2.0 * n)) / denominator
    half = z * math.sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denominator
    # At 0 or n successes the bound equals p exactly; floating point may land a hair outside.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def _non_empty(table: Sequence[Sequence[int]]) -> np.ndarray:
    array = np.asarray(table, dtype=np.int64)
    if array.ndim != 2 or (array < 0).any():
        raise ValueError("a contingency table is a two-dimensional table of counts >= 0")
    array = array[array.sum(axis=1) > 0]
    non_empty: np.ndarray = array[:, array.sum(axis=0) > 0]
    return non_empty


def has_variation(table: Sequence[Sequence[int]]) -> bool:
    """Whether a test can say anything: at least two non-empty rows and two non-empty columns."""
    rows, columns = _non_empty(table).shape
    return bool(rows >= 2 and columns >= 2)


def _stats() -> types.ModuleType:
    """scipy.stats, imported when a test first runs (on the aggregation's worker): it takes most of a second, and
    the window that shows the results need not wait for it."""
    return importlib.import_module("scipy.stats")


def proportion_test(table: Sequence[Sequence[int]]) -> TestResult:
    """Are the rows (groups) distributed differently over the columns (answers)? All-zero rows and columns are
    dropped first; a table without variation (see `has_variation`) raises ValueError."""
    array = _non_empty(table)
    if array.shape[0] < 2 or array.shape[1] < 2:
        raise ValueError("the table needs two non-empty rows and columns to be tested")
    if array.shape == (2, 2):
        return TestResult("fisher", fisher_2x2(array))
    expected = _stats().contingency.expected_freq(array)
    if (expected >= MIN_EXPECTED_FOR_CHI2).all():
        return TestResult("chi2", float(_stats().chi2_contingency(array).pvalue))
    return TestResult("permutation", _monte_carlo_fisher(array))


def fisher_2x2(table: Sequence[Sequence[int]] | np.ndarray) -> float:
    """Two-sided Fisher's exact test: the probability of the tables with the observed margins that are at most as
    probable as the observed one – the same p-value as `scipy.stats.fisher_exact`. For the small tables an
    aggregation tests by the hundred, one vectorised evaluation of the hypergeometric distribution over all tables
    is several times faster than scipy's search; for large ones scipy's search is the faster."""
    (a, b), (c, d) = np.asarray(table, dtype=np.int64)
    total, row, column = a + b + c + d, a + b, a + c
    if row in (0, total) or column in (0, total):
        return 1.0
    support = np.arange(max(0, column - (total - row)), min(row, column) + 1)
    if support.size > _FISHER_DIRECT_LIMIT:
        return float(_stats().fisher_exact([[a, b], [c, d]], alternative="two-sided").pvalue)
    probabilities = _stats().hypergeom.pmf(support, total, row, column)
    observed = probabilities[a - support[0]]
    return float(min(1.0, probabilities[probabilities <= observed * (1.0 + _RELATIVE_TIES)].sum()))


def _monte_carlo_fisher(table: np.ndarray) -> float:
    """Fisher–Freeman–Halton by Monte Carlo: the share of random tables with the observed margins that are at most
    as probable as the observed one, as `scipy.stats.fisher_exact(method=MonteCarloMethod(...))` computes it. Done
    here because scipy 1.17 mis-shapes the simulated tables once the total count exceeds resamples × cells."""
    null = _stats().random_table(table.sum(axis=1), table.sum(axis=0), seed=np.random.default_rng(PERMUTATION_SEED))
    simulated = null.rvs(size=PERMUTATION_RESAMPLES)
    observed = null.pmf(table)
    as_extreme = np.count_nonzero(null.pmf(simulated) <= observed * (1.0 + _RELATIVE_TIES))
    return float((as_extreme + 1) / (PERMUTATION_RESAMPLES + 1))


def mann_whitney(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> TestResult:
    """Two-sided Mann–Whitney U (scipy chooses the exact distribution for small samples without ties)."""
    x = np.asarray(a, dtype=np.float64)
    y = np.asarray(b, dtype=np.float64)
    if x.size == 0 or y.size == 0:
        raise ValueError("both samples need at least one value")
    return TestResult("mann_whitney", float(_stats().mannwhitneyu(x, y, alternative="two-sided", method="auto").pvalue))


def bonferroni(result: TestResult, comparisons: int) -> TestResult:
    """The result adjusted for having picked one of `comparisons` tests (e.g. the most different option)."""
    if comparisons <= 1:
        return result
    return TestResult(result.name, min(1.0, result.p_value * comparisons), comparisons)


def describe(values: Sequence[float] | np.ndarray) -> NumberSummary:
    array = np.asarray(values, dtype=np.float64)
    if array.size == 0:
        raise ValueError("no values to describe")
    q1, median, q3 = np.percentile(array, [25.0, 50.0, 75.0])
    return NumberSummary(
        n=int(array.size),
        mean=float(array.mean()),
        median=float(median),
        q1=float(q1),
        q3=float(q3),
        total=float(array.sum()),
        minimum=float(array.min()),
        maximum=float(array.max()),
    )


def median_ratio(female_median: float, male_median: float) -> float | None:
    """female / male; None when the men's (boys') median is 0, where a ratio says nothing."""
    if male_median == 0:
        return None
    return female_median / male_median


def is_material_difference(difference_pp: float, thresholds: Thresholds) -> bool:
    return abs(difference_pp) >= thresholds.min_difference_pp - _TOLERANCE


def is_material_ratio(female_median: float, male_median: float, thresholds: Thresholds) -> bool:
    """|log(f/m)| ≥ log(1 + threshold), the same for either group higher; a median of 0 against one that is not 0 is
    material either way round, and two medians of 0 are not."""
    if female_median == male_median:
        return False
    if female_median <= 0 or male_median <= 0:
        return True
    return abs(math.log(female_median / male_median)) >= math.log1p(thresholds.min_relative_difference) - _TOLERANCE


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """The Benjamini–Hochberg adjusted p-values (q-values) of one family of tests, in the same order:
    `statsmodels.stats.multitest.multipletests(method="fdr_bh")`, imported on first use as scipy.stats is."""
    if not p_values:
        return []
    multitest = importlib.import_module("statsmodels.stats.multitest")
    adjusted = multitest.multipletests(np.asarray(p_values, dtype=np.float64), method="fdr_bh")[1]
    return [float(p) for p in adjusted]


def assess(
    n_female: int,
    n_male: int,
    varies: bool,
    material: bool,
    p_value: float | None,
    level: float,
    thresholds: Thresholds,
) -> Assessment:
    """The flag rule: too few answers in either group → TOO_SMALL; identical answers → NO_VARIATION; otherwise the
    difference is flagged when it is material and `p_value` (adjusted across its family, or a primary question's
    own) is below `level` (q, or alpha for a primary question). Materiality is reported in every state, so a large
    difference on too small a base can still be shown as such; significance needs a test, i.e. state OK."""
    if min(n_female, n_male) < thresholds.min_group_n:
        return Assessment(ComparisonState.TOO_SMALL, material, False)
    if not varies:
        return Assessment(ComparisonState.NO_VARIATION, material, False)
    significant = p_value is not None and p_value < level
    return Assessment(ComparisonState.OK, material, significant)
