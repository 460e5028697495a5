"""The statistics against published values, scipy and hand computation, and the flag rule at its edges."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.multitest import multipletests

from reviewer.domain.statistics import (
    PERMUTATION_RESAMPLES,
    PERMUTATION_SEED,
    ComparisonState,
    Thresholds,
    assess,
    benjamini_hochberg,
    bonferroni,
    describe,
    fisher_2x2,
    has_variation,
    is_material_difference,
    is_material_ratio,
    mann_whitney,
    median_ratio,
    proportion_test,
    wilson_interval,
)
from reviewer.domain.statistics import TestResult as Result


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        # Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (Wilson).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        # The issue's example figure, 21 of 50.
        (21, 50, 0.2938, 0.5577),
    ],
)
def test_wilson_interval_matches_published_values(successes, n, low, high):
    assert wilson_interval(successes, n) == pytest.approx((low, high), abs=5e-5)


def test_wilson_interval_agrees_with_scipy_and_handles_the_ends():
    interval = stats.binomtest(21, 50).proportion_ci(confidence_level=0.9, method="wilson")
    assert wilson_interval(21, 50, confidence=0.9) == pytest.approx((interval.low, interval.high), rel=1e-12)
    assert wilson_interval(0, 7)[0] == 0.0
    assert wilson_interval(7, 7)[1] == 1.0
    assert wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError, match="successes"):
        wilson_interval(6, 5)
    with pytest.raises(ValueError, match="confidence"):
        wilson_interval(1, 5, confidence=1.0)


@given(st.integers(min_value=1, max_value=5000), st.data())
def test_wilson_interval_contains_the_estimate_within_0_1(n, data):
    successes = data.draw(st.integers(min_value=0, max_value=n))
    low, high = wilson_interval(successes, n)
    assert 0.0 <= low <= successes / n <= high <= 1.0


@given(st.integers(min_value=1, max_value=1000), st.floats(min_value=0.0, max_value=1.0))
def test_wilson_interval_narrows_as_n_grows(n, share):
    small = wilson_interval(round(share * n), n)
    large = wilson_interval(round(share * n * 4), n * 4)
    assert large[1] - large[0] < small[1] - small[0]


def test_fisher_by_hand():
    # Margins 4/4 and 4/4: the hypergeometric probabilities of x = 0..4 are 1, 16, 36, 16, 1 (/70). The observed
    # x = 3 has 16/70; the tables at most as probable are x = 0, 1, 3, 4: (1 + 16 + 16 + 1) / 70.
    assert fisher_2x2([[3, 1], [1, 3]]) == pytest.approx(34 / 70, rel=1e-12)
    assert proportion_test([[3, 1], [1, 3]]) == Result("fisher", pytest.approx(34 / 70, rel=1e-12))
    # scipy's documented example.
    assert fisher_2x2([[6, 2], [1, 4]]) == pytest.approx(0.10256410256410257, rel=1e-12)


@given(st.lists(st.integers(min_value=0, max_value=300), min_size=4, max_size=4))
def test_fisher_agrees_with_scipy(cells):
    table = np.array(cells).reshape(2, 2)
    assert fisher_2x2(table) == pytest.approx(stats.fisher_exact(table).pvalue, rel=1e-9, abs=1e-300)


def test_larger_tables_use_chi_square_only_with_expected_counts_of_at_least_5():
    large = [[30, 40, 50], [60, 20, 10]]
    assert proportion_test(large) == Result("chi2", pytest.approx(stats.chi2_contingency(large).pvalue))
    small = [[3, 4, 5], [6, 2, 1]]
    result = proportion_test(small)
    assert result.name == "permutation"
    scipy_result = stats.fisher_exact(
        np.array(small),
        method=stats.MonteCarloMethod(n_resamples=PERMUTATION_RESAMPLES, rng=np.random.default_rng(PERMUTATION_SEED)),
    )
    assert result.p_value == scipy_result.pvalue
    assert proportion_test(small) == result  # the seed is fixed: the same table, the same p


def test_permutation_test_copes_with_large_counts_and_a_rare_answer():
    # scipy 1.17's own Monte Carlo Fisher fails once the total exceeds resamples × cells.
    result = proportion_test([[30000, 40000, 3], [60000, 20000, 1]])
    assert result.name == "permutation"
    assert result.p_value == pytest.approx(1 / (PERMUTATION_RESAMPLES + 1))


def test_empty_rows_and_columns_are_dropped_before_choosing_the_test():
    assert proportion_test([[5, 0, 3], [2, 0, 6], [0, 0, 0]]) == Result(
        "fisher", pytest.approx(stats.fisher_exact([[5, 3], [2, 6]]).pvalue)
    )
    assert not has_variation([[5, 0], [7, 0]])
    assert not has_variation([[5, 2], [0, 0]])
    with pytest.raises(ValueError, match="two non-empty"):
        proportion_test([[5, 0], [7, 0]])


def test_mann_whitney_and_describe():
    a, b = [12, 15, 9, 30, 22, 18], [8, 7, 11, 9, 6, 10, 5]
    assert mann_whitney(a, b) == Result(
        "mann_whitney", pytest.approx(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    )
    summary = describe([1, 2, 3, 4, 10])
    assert (summary.n, summary.mean, summary.median, summary.q1, summary.q3) == (5, 4.0, 3.0, 2.0, 4.0)
    assert (summary.total, summary.minimum, summary.maximum) == (20.0, 1.0, 10.0)
    assert describe([7]).q1 == describe([7]).q3 == 7.0
    with pytest.raises(ValueError, match="no values"):
        describe([])


def test_bonferroni_multiplies_and_caps():
    assert bonferroni(Result("fisher", 0.01), 4) == Result("fisher", 0.04, 4)
    assert bonferroni(Result("fisher", 0.4), 4) == Result("fisher", 1.0, 4)
    assert bonferroni(Result("fisher", 0.4), 1) == Result("fisher", 0.4)


def test_materiality_at_the_thresholds():
    thresholds = Thresholds()
    # 70 % − 60 % is 9.999999999999986 in floating point; it is still exactly ten percentage points.
    assert is_material_difference(100 * 7 / 10 - 100 * 6 / 10, thresholds)
    assert is_material_difference(-10.0, thresholds)
    assert not is_material_difference(9.99, thresholds)
    assert is_material_ratio(11.0, 10.0, thresholds)
    assert is_material_ratio(9.0, 10.0, thresholds)
    assert not is_material_ratio(10.9, 10.0, thresholds)
    assert median_ratio(5.0, 0.0) is None
    assert is_material_ratio(5.0, 0.0, thresholds)
    assert not is_material_ratio(0.0, 0.0, thresholds)


def test_flag_rule_edges():
    t = Thresholds()
    flagged = assess(5, 5, varies=True, material=True, p_value=0.049, level=t.fdr_q, thresholds=t)
    assert (flagged.state, flagged.significant, flagged.flagged) == (ComparisonState.OK, True, True)
    at_alpha = assess(30, 30, varies=True, material=True, p_value=0.05, level=t.fdr_q, thresholds=t)
    assert (at_alpha.significant, at_alpha.flagged) == (False, False)
    not_material = assess(30, 30, varies=True, material=False, p_value=0.001, level=t.fdr_q, thresholds=t)
    assert (not_material.significant, not_material.flagged) == (True, False)
    small = assess(t.min_group_n - 1, 40, varies=True, material=True, p_value=0.001, level=t.fdr_q, thresholds=t)
    assert (small.state, small.material, small.significant, small.flagged) == (
        ComparisonState.TOO_SMALL,
        True,
        False,
        False,
    )
    same = assess(20, 20, varies=False, material=False, p_value=None, level=t.fdr_q, thresholds=t)
    assert (same.state, same.flagged) == (ComparisonState.NO_VARIATION, False)
    stricter = Thresholds(min_group_n=10, alpha=0.01)
    assert assess(9, 40, True, True, 0.001, stricter.alpha, stricter).state is ComparisonState.TOO_SMALL
    assert not assess(10, 40, True, True, 0.02, stricter.alpha, stricter).flagged


@given(st.floats(0.01, 1e6), st.floats(0.01, 1e6))
def test_the_size_rule_for_ratios_is_the_same_for_either_sex_higher(a, b):
    thresholds = Thresholds()
    assert is_material_ratio(a, b, thresholds) == is_material_ratio(b, a, thresholds)


def test_the_mirror_image_of_the_issue_is_material_too():
    thresholds = Thresholds()
    assert is_material_ratio(110.0, 100.0, thresholds)
    assert is_material_ratio(100.0, 110.0, thresholds)  # 0.909: men 10 % above women
    assert not is_material_ratio(100.0, 109.0, thresholds)
    assert is_material_ratio(0.0, 3.0, thresholds)


def test_benjamini_hochberg_is_statsmodels():
    p = [0.001, 0.2, 0.03, 0.04, 0.9, 0.012]
    assert benjamini_hochberg(p) == pytest.approx(list(multipletests(p, method="fdr_bh")[1]))
    assert benjamini_hochberg([]) == []
