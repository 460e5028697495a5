"""Intervals and tests of the findings against statsmodels, direct resampling and the properties they must have."""

import math

import numpy as np
import pytest
import statsmodels.api as sm
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import confint_proportions_2indep

from reviewer.domain.inference import (
    BOOTSTRAP_RESAMPLES,
    MAX_DISTINCT_FOR_BOOTSTRAP,
    TwoByTwo,
    ValueCounts,
    bootstrap,
    change_in_gap,
    difference_of_differences,
    linear_trend,
    newcombe_difference,
    ratio_draws,
    ratio_estimate,
)


@pytest.mark.parametrize(("a", "n1", "b", "n2"), [(12, 30, 5, 28), (0, 10, 3, 12), (50, 50, 49, 50), (7, 9, 1, 31)])
def test_newcombe_is_statsmodels_newcomb(a, n1, b, n2):
    difference, low, high = newcombe_difference(a, n1, b, n2)
    expected_low, expected_high = confint_proportions_2indep(a, n1, b, n2, method="newcomb", compare="diff")
    assert difference == pytest.approx(a / n1 - b / n2)
    assert (low, high) == (pytest.approx(expected_low, abs=1e-12), pytest.approx(expected_high, abs=1e-12))


@given(st.integers(5, 80), st.integers(5, 80), st.data())
@settings(max_examples=60, deadline=None)
def test_the_change_of_a_gap_is_mirror_symmetric_and_holds_its_estimate(n1, n2, data):
    a = data.draw(st.integers(0, n1))
    b = data.draw(st.integers(0, n2))
    c = data.draw(st.integers(0, n1))
    d = data.draw(st.integers(0, n2))
    after, before = TwoByTwo(a, n1, b, n2), TwoByTwo(c, n1, d, n2)
    change = change_in_gap(after, before)
    assert change.low <= change.value <= change.high
    # swapping women and men mirrors the change; swapping the rounds mirrors it too
    mirrored = change_in_gap(TwoByTwo(b, n2, a, n1), TwoByTwo(d, n2, c, n1))
    assert (mirrored.value, mirrored.low, mirrored.high) == pytest.approx((-change.value, -change.high, -change.low))
    assert mirrored.p_value == pytest.approx(change.p_value, abs=1e-5)


def test_an_identical_gap_has_p_1_and_a_planted_change_is_found():
    same = change_in_gap(TwoByTwo(15, 50, 10, 50), TwoByTwo(15, 50, 10, 50))
    assert (same.value, same.p_value) == (0.0, 1.0)
    closed = change_in_gap(TwoByTwo(50, 100, 50, 100), TwoByTwo(65, 100, 35, 100))
    assert closed.value == pytest.approx(-0.30)
    assert closed.high < 0 and closed.p_value < 0.05


def test_the_p_value_is_the_interval_inverted():
    after, before = TwoByTwo(30, 60, 20, 60), TwoByTwo(20, 60, 30, 60)
    change = change_in_gap(after, before)
    assert change.p_value is not None
    # at the confidence level 1 − p the interval just reaches 0
    _, low, _ = difference_of_differences(after, before, 1 - change.p_value)
    assert low == pytest.approx(0.0, abs=1e-4)


def test_the_bootstrap_over_value_counts_is_resampling_the_values():
    rng = np.random.default_rng(5)
    values = np.round(rng.lognormal(0, 0.6, 41), 1)
    counts = ValueCounts.of(values)
    draws = bootstrap(counts, [1, 0])
    direct = rng.choice(values, size=(BOOTSTRAP_RESAMPLES * 4, values.size))
    assert np.median(draws.medians) == pytest.approx(np.median(np.median(direct, axis=1)), rel=0.02)
    assert np.std(draws.medians) == pytest.approx(np.std(np.median(direct, axis=1)), rel=0.15)
    assert np.mean(draws.means) == pytest.approx(values.mean(), rel=0.01)
    assert np.std(draws.means) == pytest.approx(values.std() / math.sqrt(values.size), rel=0.15)


def test_the_bootstrap_is_reproducible_and_seeded_per_group():
    counts = ValueCounts.of([1.0, 2, 2, 3, 5, 8, 13])
    assert np.array_equal(bootstrap(counts, [1, 0]).medians, bootstrap(counts, [1, 0]).medians)
    assert not np.array_equal(bootstrap(counts, [1, 0]).medians, bootstrap(counts, [1, 1]).medians)


def test_many_distinct_values_are_coarsened_to_a_bounded_count():
    values = np.random.default_rng(2).lognormal(7, 0.5, 30_000)
    counts = ValueCounts.of(values)
    coarse = counts.coarsened()
    assert coarse.values.size <= MAX_DISTINCT_FOR_BOOTSTRAP < counts.values.size
    assert coarse.n == counts.n
    assert np.median(np.repeat(coarse.values, coarse.counts)) == pytest.approx(np.median(values), rel=5e-3)


def test_a_ratio_estimate_holds_its_point_and_tests_against_1():
    f = bootstrap(ValueCounts.of(np.arange(30.0) + 20), [1, 0])
    m = bootstrap(ValueCounts.of(np.arange(30.0) + 10), [1, 1])
    estimate = ratio_estimate(34.5 / 24.5, ratio_draws(f.medians, m.medians))
    assert estimate is not None and estimate.p_value is not None
    assert estimate.low < estimate.value < estimate.high
    assert estimate.low > 1 and estimate.p_value < 0.05
    assert ratio_estimate(None, ratio_draws(f.medians, m.medians)) is None


def test_the_linear_trend_is_weighted_least_squares():
    gaps = [20.0, 14.0, 9.0, 2.0]
    variances = [16.0, 25.0, 9.0, 36.0]
    trend = linear_trend(gaps, variances)
    assert trend is not None
    fit = sm.WLS(gaps, sm.add_constant(np.arange(4.0)), weights=1 / np.asarray(variances)).fit()
    assert trend.slope == pytest.approx(fit.params[1])
    # the variances are known, not estimated: the slope's standard error is the WLS one without the residual scale
    assert (trend.high - trend.low) / (2 * 1.959963984540054) == pytest.approx(fit.bse[1] / math.sqrt(fit.scale))
    assert trend.p_value < 0.05
    assert linear_trend([1.0, 2.0], [1.0, 1.0]) is None
