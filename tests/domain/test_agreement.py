"""Kappa and alpha against published worked examples, at their edges, and independent of the order of the rows."""

from __future__ import annotations

import random

import numpy as np
import pytest
from statsmodels.stats.tests.test_inter_rater import diagnoses

from reviewer.domain.agreement import (
    Level,
    Reason,
    measure_agreement,
    rating_table,
    reading,
    strength,
)


def _from_table(table: list[list[int]]) -> list[tuple[int, str, str]]:
    """Two raters' (row, column) table of counts as (case, rater, value) ratings."""
    ratings = []
    case = 0
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            for _ in range(count):
                ratings += [(case, "A", f"c{i}"), (case, "B", f"c{j}")]
                case += 1
    return ratings


def test_fleiss_1971_psychiatric_diagnoses():
    # Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses; kappa 0.430. The standard error is Fleiss, Nee
    # and Landis's, whose z R's irr::kappam.fleiss reports as 17.65183 (statsmodels' own test data).
    ratings = [(patient, rater, int(v)) for patient, row in enumerate(diagnoses) for rater, v in enumerate(row)]
    result = measure_agreement(ratings, Level.NOMINAL)
    assert (result.kappa_kind, result.n_cases, result.n_raters, result.n_ratings) == ("fleiss", 30, 6, 180)
    assert result.kappa is not None
    assert result.kappa.value == pytest.approx(0.4302445, abs=1e-7)
    assert result.kappa.standard_error == pytest.approx(0.4302445 / 17.65183, rel=1e-5)
    assert result.kappa.ci_low < 0.43 < result.kappa.ci_high
    assert result.headline == ("fleiss", result.kappa)


def test_cohen_textbook_examples():
    # Agresti, Categorical Data Analysis: husband × wife (SexualFun); R's vcd::Kappa gives 0.1293, ASE 0.0686
    result = measure_agreement(_from_table([[7, 7, 2, 3], [2, 8, 3, 7], [1, 5, 4, 9], [2, 8, 9, 14]]), Level.NOMINAL)
    assert result.kappa_kind == "cohen"
    assert result.kappa is not None
    assert result.kappa.value == pytest.approx(0.12933, abs=5e-5)
    assert result.kappa.standard_error == pytest.approx(0.06860, abs=5e-5)
    # the SAS PROC FREQ example statsmodels tests against: kappa 0.4842, ASE 0.1380
    sas = measure_agreement(_from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]]), Level.NOMINAL).kappa
    assert sas is not None
    assert (sas.value, sas.standard_error) == (pytest.approx(0.4842, abs=5e-5), pytest.approx(0.1380, abs=5e-5))
    # 50 pairs: p_o 0.7, p_e 0.5, kappa 0.4
    plain = measure_agreement(_from_table([[20, 5], [10, 15]]), Level.NOMINAL)
    assert plain.kappa is not None and plain.kappa.value == pytest.approx(0.4)
    assert (plain.pairs, plain.agreeing_pairs, plain.percent) == (50, 35, pytest.approx(70.0))


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four observers, twelve units, missing values
KRIPPENDORFF = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


@pytest.mark.parametrize(("level", "alpha"), [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849)])
def test_krippendorff_reliability_data_with_missing_values(level, alpha):
    ratings = [(unit, observer, v) for observer, row in enumerate(KRIPPENDORFF) for unit, v in enumerate(row)]
    result = measure_agreement(ratings, Level(level))
    # unit 12 has one value only: not pairable, left out
    assert (result.n_cases, result.n_raters, result.n_ratings) == (11, 4, 40)
    assert result.alpha.value == pytest.approx(alpha, abs=5e-4)
    assert result.alpha.standard_error is None
    assert result.alpha.ci_low is not None and result.alpha.ci_high is not None
    # three or four raters per unit: no Fleiss' kappa, alpha is the headline
    if level != "interval":
        assert result.kappa is not None and result.kappa.reason is Reason.UNEQUAL_RATERS
    else:
        assert result.kappa is None
    assert result.headline == ("alpha", result.alpha)


def test_the_order_of_the_rows_changes_nothing():
    rng = random.Random(3)
    ratings = [(case, rater, rng.choice("abc")) for case in range(40) for rater in rng.sample("PQRS", 2)]
    first = measure_agreement(ratings, Level.NOMINAL)
    for _ in range(3):
        rng.shuffle(ratings)
        assert measure_agreement(ratings, Level.NOMINAL) == first
    # the same two raters throughout: Cohen's kappa, whichever of them is "first" in a case
    pairs = [(case, rater, rng.choice("ab")) for case in range(30) for rater in "XY"]
    swapped = [(case, rater, value) for case, rater, value in reversed(pairs)]
    assert measure_agreement(pairs, Level.NOMINAL) == measure_agreement(swapped, Level.NOMINAL)


def test_a_third_rater_is_used():
    two = [(c, r, "ja" if c % 3 else "nej") for c in range(12) for r in "AB"]
    three = two + [(c, "C", "ja") for c in range(12)]
    result = measure_agreement(three, Level.NOMINAL)
    assert (result.kappa_kind, result.n_raters, result.n_ratings, result.pairs) == ("fleiss", 3, 36, 36)
    # cases 0, 3, 6, 9: nej, nej, ja – one of three pairs alike; the other 8 cases: all three alike
    assert result.agreeing_pairs == 4 * 1 + 8 * 3
    assert result.kappa is not None and result.kappa.value is not None


def test_nine_agreeing_pairs_and_one_not_give_no_zero_width_interval():
    ratings = [(c, "A", "ja") for c in range(10)] + [(c, "B", "ja" if c < 9 else "nej") for c in range(10)]
    result = measure_agreement(ratings, Level.NOMINAL)
    assert result.percent == 90.0
    assert result.kappa is not None
    # kappa is 0 by its formula (rater A never varies), but there is no interval to give
    assert result.kappa.value == 0.0
    assert (result.kappa.ci_low, result.kappa.ci_high, result.kappa.standard_error) == (None, None, None)
    assert result.kappa.reason is Reason.UNSTABLE


def test_degenerate_inputs_give_a_stated_result():
    one_category = measure_agreement([(c, r, "nej") for c in range(20) for r in "ABC"], Level.NOMINAL)
    assert one_category.percent == 100.0
    assert one_category.kappa is not None
    assert (one_category.kappa.value, one_category.kappa.reason) == (None, Reason.NO_VARIATION)
    assert (one_category.alpha.value, one_category.alpha.reason) == (None, Reason.NO_VARIATION)
    one_rater = measure_agreement([(c, "A", "ja") for c in range(5)], Level.NOMINAL)
    assert (one_rater.n_cases, one_rater.pairs, one_rater.percent, one_rater.kappa_kind) == (0, 0, None, None)
    assert one_rater.kappa is not None and one_rater.kappa.reason is Reason.NO_PAIRS
    assert one_rater.alpha.reason is Reason.NO_PAIRS
    nothing = measure_agreement([], Level.INTERVAL)
    assert (nothing.n_cases, nothing.kappa, nothing.alpha.reason) == (0, None, Reason.NO_PAIRS)
    one_pair = measure_agreement([(1, "A", "ja"), (1, "B", "nej")], Level.NOMINAL)
    assert one_pair.kappa is not None and (one_pair.kappa.value, one_pair.kappa.reason) == (None, Reason.TOO_FEW_CASES)
    few = measure_agreement([(c, r, c % 2) for c in range(4) for r in "AB"], Level.ORDINAL)
    assert few.alpha.value == pytest.approx(1.0)
    assert (few.alpha.ci_low, few.alpha.reason) == (None, Reason.TOO_FEW_FOR_INTERVAL)
    same_number = measure_agreement([(c, r, 7) for c in range(12) for r in "AB"], Level.INTERVAL)
    assert (same_number.alpha.value, same_number.alpha.reason) == (None, Reason.NO_VARIATION)


def test_perfect_and_opposite_agreement():
    perfect = measure_agreement(_from_table([[8, 0], [0, 12]]), Level.NOMINAL)
    assert perfect.kappa is not None and perfect.kappa.value == pytest.approx(1.0)
    # every bootstrap sample agrees perfectly too: no "[1, 1]", but the reason there is no interval
    assert (perfect.kappa.ci_low, perfect.kappa.ci_high, perfect.kappa.reason) == (None, None, Reason.NO_SPREAD)
    opposite = measure_agreement(_from_table([[0, 6], [6, 0]]), Level.NOMINAL)
    assert opposite.kappa is not None and opposite.kappa.value == pytest.approx(-1.0)
    assert opposite.percent == 0.0


def test_refusals():
    with pytest.raises(ValueError, match="twice"):
        rating_table([(1, "A", "ja"), (1, "A", "nej")], Level.NOMINAL)
    with pytest.raises(ValueError, match="numbers"):
        rating_table([(1, "A", "ja"), (1, "B", 2)], Level.ORDINAL)
    with pytest.raises(ValueError, match="confidence"):
        measure_agreement([], Level.NOMINAL, confidence=1.0)


def test_the_bootstrap_is_seeded():
    rng = np.random.default_rng(1)
    ratings = [(c, r, float(rng.integers(0, 30))) for c in range(25) for r in "AB"]
    assert measure_agreement(ratings, Level.INTERVAL) == measure_agreement(ratings, Level.INTERVAL)


@pytest.mark.parametrize(
    ("kappa", "words"),
    [
        (-0.1, "ingen (sämre än slumpen)"),
        (0.0, "obetydlig"),
        (0.2, "obetydlig"),
        (0.21, "svag"),
        (0.5, "måttlig"),
        (0.8, "god"),
        (0.81, "mycket god"),
        (1.0, "mycket god"),
    ],
)
def test_landis_and_koch_words(kappa, words):
    assert strength(kappa).sv == words


def test_reading_says_it_is_a_convention_or_why_there_is_no_figure():
    assert reading(0.5).sv == "måttlig överensstämmelse (Landis och Kochs indelning)"
    assert reading(0.5).en == "moderate agreement (Landis and Koch's bands)"
    assert reading(None, Reason.NO_VARIATION).sv.startswith("kan inte skattas: alla svar är lika")


def test_random_tables_never_give_nan():
    rng = random.Random(7)
    for _ in range(40):
        cases = rng.randint(0, 14)
        raters = rng.sample("ABCDE", rng.randint(1, 5))
        ratings = [(c, r, rng.choice("ab" if rng.random() < 0.5 else "a")) for c in range(cases) for r in raters]
        result = measure_agreement(ratings, Level.NOMINAL)
        for estimate in (result.kappa, result.alpha):
            assert estimate is not None
            figures = (estimate.value, estimate.standard_error, estimate.ci_low, estimate.ci_high)
            assert all(f is None or f == f for f in figures)
            assert estimate.value is not None or estimate.reason is not None
