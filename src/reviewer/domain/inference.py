"""Intervals and tests for the figures a unit chief acts on: the difference between women and men, a ratio of
medians or means, and the change of a gap between two rounds (before/after) or over several (a trend).

The interval methods are the ones with good coverage at the 20–100 files of a typical round:
- a proportion: Wilson's score interval (`statistics.wilson_interval`);
- a difference of two proportions: Newcombe's hybrid score interval (Newcombe 1998, method 10), built from the two
  Wilson intervals – the same as statsmodels' `confint_proportions_2indep(method="newcomb")`;
- a difference of two differences (the gap after minus the gap before): the MOVER method of Zou & Donner (2008),
  which combines the two Newcombe intervals the way Newcombe combines the Wilson ones;
- ratios of medians and of means, and a ratio of two such ratios: a seeded percentile bootstrap.
A p-value that goes with an interval is the interval inverted: the largest confidence level whose interval still
holds the value of no difference. So the interval and the p-value never disagree about significance.
Pure: no SQL, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from reviewer.domain.statistics import wilson_interval

# 1 000 resamples: enough for a 95 % percentile interval (Efron & Tibshirani 1993, ch. 19) at a cost that lets the
# dashboard recompute every interval of a round on each change of a filter.
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20261202
CONFIDENCE = 0.95
# Test inversion searches the confidence level to this precision; a p-value is never shown with more than 4 decimals.
_P_TOLERANCE = 1e-6
# Bootstrap resamples are drawn in blocks of at most this many numbers, to bound the memory of large groups.
_BLOCK = 4_000_000
# Past this many distinct values a group is bootstrapped on its values rounded to four (if still too many, three)
# significant digits, which moves a value by at most 0.5 %: the point estimates keep the exact values, and an interval
# of a ratio, shown to two decimals, moves by at most one in the last decimal – at sizes (thousands of values) where
# the interval is narrow anyway – for a cost that grows with the distinct values and stays flat past them.
MAX_DISTINCT_FOR_BOOTSTRAP = 2_000


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its 95 % interval and, where it tests something, the two-sided p-value of 'no
    difference' (0 for a difference, 1 for a ratio)."""

    value: float
    low: float
    high: float
    p_value: float | None = None


def newcombe_difference(
    female_count: int, female_n: int, male_count: int, male_n: int, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """(difference, low, high) of female share − male share (0..1) by Newcombe's hybrid score method."""
    p1, p2 = female_count / female_n, male_count / male_n
    l1, u1 = wilson_interval(female_count, female_n, confidence)
    l2, u2 = wilson_interval(male_count, male_n, confidence)
    difference = p1 - p2
    low = difference - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = difference + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return difference, max(-1.0, low), min(1.0, high)


@dataclass(frozen=True)
class TwoByTwo:
    """One round's counts of the compared option among women and men."""

    female_count: int
    female_n: int
    male_count: int
    male_n: int


def difference_of_differences(
    after: TwoByTwo, before: TwoByTwo, confidence: float = CONFIDENCE
) -> tuple[float, float, float]:
    """(change, low, high) of the gap (female − male share, 0..1) after minus before, by MOVER (Zou & Donner 2008)
    over the two Newcombe intervals."""
    d_a, l_a, u_a = newcombe_difference(after.female_count, after.female_n, after.male_count, after.male_n, confidence)
    d_b, l_b, u_b = newcombe_difference(
        before.female_count, before.female_n, before.male_count, before.male_n, confidence
    )
    change = d_a - d_b
    low = change - math.sqrt((d_a - l_a) ** 2 + (u_b - d_b) ** 2)
    high = change + math.sqrt((u_a - d_a) ** 2 + (d_b - l_b) ** 2)
    return change, low, high


def change_in_gap(after: TwoByTwo, before: TwoByTwo) -> Estimate:
    """The change of the gap with its 95 % interval and the p-value of 'the gap is the same in both rounds', found by
    inverting the MOVER interval: the p-value is the α at which the (1 − α) interval just reaches 0."""
    change, low, high = difference_of_differences(after, before)
    return Estimate(change, low, high, _inverted_p(lambda level: difference_of_differences(after, before, level)))


def _inverted_p(interval: Callable[[float], tuple[float, float, float]]) -> float:
    """The two-sided p-value of 0 for a family of nested intervals `interval(confidence) -> (estimate, low, high)`."""
    estimate, _, _ = interval(0.5)
    if estimate == 0:
        return 1.0

    def excludes(confidence: float) -> bool:
        _, low, high = interval(confidence)
        return bool(low > 0 or high < 0)

    # The interval widens with the confidence level; find the level where it starts to hold 0.
    lo, hi = 1e-9, 1.0 - 1e-12
    if not excludes(lo):
        return 1.0
    if excludes(hi):
        return 1e-12
    while hi - lo > _P_TOLERANCE:
        middle = (lo + hi) / 2.0
        if excludes(middle):
            lo = middle
        else:
            hi = middle
    return 1.0 - (lo + hi) / 2.0


# ---------------------------------------------------------------------------------------------------------------
# Bootstrap over value counts


@dataclass(frozen=True)
class ValueCounts:
    """A group's numbers as distinct values and how often each occurs – the form the aggregation holds them in."""

    values: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, values: Sequence[float] | np.ndarray) -> ValueCounts:
        distinct, counts = np.unique(np.asarray(values, dtype=np.float64), return_counts=True)
        return cls(distinct, counts.astype(np.int64))

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    def coarsened(self) -> ValueCounts:
        """The same values rounded to four, then three significant digits and merged, while there are too many."""
        result = self
        magnitude = np.floor(np.log10(np.abs(np.where(self.values == 0, 1.0, self.values))))
        for digits in (4, 3):
            if result.values.size <= MAX_DISTINCT_FOR_BOOTSTRAP:
                break
            scale = 10.0 ** (magnitude - (digits - 1))
            distinct, inverse = np.unique(np.round(self.values / scale) * scale, return_inverse=True)
            result = ValueCounts(distinct, np.bincount(inverse, weights=self.counts).astype(np.int64))
        return result


def _resample_counts(group: ValueCounts, resamples: int, rng: np.random.Generator) -> np.ndarray:
    """(resamples × distinct values) counts of bootstrap samples of the group's size: a multinomial draw over the
    distinct values, which is what resampling the values one by one amounts to, at a cost that grows with the number
    of distinct values rather than of values (never more than the values, since each occurs at least once)."""
    n = group.n
    return rng.multinomial(n, group.counts / n, size=resamples)


def _medians(group: ValueCounts, counts: np.ndarray) -> np.ndarray:
    """numpy's median (the mean of the two middle values when n is even) of each resample, from its counts."""
    n = group.n
    cumulative = np.cumsum(counts, axis=1)
    lower = (n - 1) // 2
    upper = n // 2
    index_low = np.count_nonzero(cumulative <= lower, axis=1)
    index_high = np.count_nonzero(cumulative <= upper, axis=1)
    result: np.ndarray = (group.values[index_low] + group.values[index_high]) / 2.0
    return result


def _means(group: ValueCounts, counts: np.ndarray) -> np.ndarray:
    result: np.ndarray = counts @ group.values / group.n
    return result


@dataclass(frozen=True)
class BootstrapStatistics:
    """The bootstrap distributions of one group's median and mean (same resamples for both)."""

    medians: np.ndarray
    means: np.ndarray


def bootstrap(group: ValueCounts, seed: Sequence[int], resamples: int = BOOTSTRAP_RESAMPLES) -> BootstrapStatistics:
    """Seeded, so the same answers give the same interval every time; each group of a comparison gets its own seed,
    or two identical groups would draw identical resamples. Two exact ways to draw the same bootstrap: resampling
    the values themselves when most of them are distinct (a round's costs), a multinomial draw over the distinct
    values when few are (days, counts, 100 000 reviews) – whichever costs less."""
    group = group.coarsened()
    rng = np.random.default_rng(seed)
    direct = group.n < 4 * group.values.size
    width = group.n if direct else group.values.size
    block = max(1, _BLOCK // max(1, width))
    values = np.repeat(group.values, group.counts) if direct else group.values
    medians, means = [], []
    for start in range(0, resamples, block):
        size = min(block, resamples - start)
        if direct:
            sample = values[rng.integers(0, group.n, size=(size, group.n))]
            medians.append(np.median(sample, axis=1))
            means.append(sample.mean(axis=1))
        else:
            counts = _resample_counts(group, size, rng)
            medians.append(_medians(group, counts))
            means.append(_means(group, counts))
    return BootstrapStatistics(np.concatenate(medians), np.concatenate(means))


def ratio_estimate(point: float | None, draws: np.ndarray) -> Estimate | None:
    """A ratio with the percentile interval of its bootstrap draws and the p-value of 'ratio = 1' from inverting the
    percentile interval (twice the smaller share of draws on one side of 1). None when the ratio is undefined."""
    if point is None or not math.isfinite(point):
        return None
    finite = draws[np.isfinite(draws)]
    if finite.size == 0:
        return None
    # the nearest draws, not interpolated between them: then 1 / ratio has exactly the interval (1 / high, 1 / low)
    low, high = np.percentile(finite, [100 * (1 - CONFIDENCE) / 2, 100 * (1 + CONFIDENCE) / 2], method="nearest")
    below = np.count_nonzero(finite < 1.0) + 0.5 * np.count_nonzero(finite == 1.0)
    share = below / finite.size
    p = min(1.0, 2.0 * min(share, 1.0 - share))
    return Estimate(point, float(low), float(high), float(p))


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator; None when the denominator is 0, where a ratio says nothing."""
    if denominator == 0:
        return None
    return numerator / denominator


def ratio_draws(numerators: np.ndarray, denominators: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        result: np.ndarray = np.where(
            denominators != 0, numerators / np.where(denominators != 0, denominators, 1), np.nan
        )
    return result


# ---------------------------------------------------------------------------------------------------------------
# Trend over rounds


@dataclass(frozen=True)
class Trend:
    """The linear trend of a gap over rounds in order: `slope` per round with its 95 % interval and p-value (a
    weighted least-squares meta-regression, weights 1 / variance of each round's gap)."""

    slope: float
    low: float
    high: float
    p_value: float


def linear_trend(gaps: Sequence[float], variances: Sequence[float]) -> Trend | None:
    """Inverse-variance weighted regression of the gaps on the round number 0, 1, 2, …: the standard test for a trend
    across independent estimates (fixed-effect meta-regression). Needs three rounds with a positive variance."""
    y = np.asarray(gaps, dtype=np.float64)
    v = np.asarray(variances, dtype=np.float64)
    x = np.arange(y.size, dtype=np.float64)
    keep = np.isfinite(y) & np.isfinite(v) & (v > 0)
    if np.count_nonzero(keep) < 3:
        return None
    x, y, w = x[keep], y[keep], 1.0 / v[keep]
    x_bar = np.sum(w * x) / np.sum(w)
    sxx = np.sum(w * (x - x_bar) ** 2)
    slope = float(np.sum(w * (x - x_bar) * y) / sxx)
    se = math.sqrt(1.0 / sxx)
    z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2.0)
    p = 2.0 * (1.0 - NormalDist().cdf(abs(slope) / se))
    return Trend(slope, slope - z * se, slope + z * se, p)
