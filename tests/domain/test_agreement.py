"""Cohen's kappa against hand computation and a published example, and at its edges."""

import pytest

from reviewer.domain.agreement import Agreement, cohens_kappa, kappa_from_table, mean_kappa, strength


def test_kappa_of_a_two_by_two_table_by_hand():
    # rater A yes/no in the rows, rater B in the columns, 50 cases
    result = kappa_from_table([[20, 5], [10, 15]])
    # p_o = 35/50 = 0.7; rows 0.5/0.5, columns 0.6/0.4, so p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4
    assert (result.n, result.agreeing, result.percent) == (50, 35, pytest.approx(70.0))
    assert result.kappa == pytest.approx(0.4)
    # Fleiss–Cohen–Everitt: A = 0.4·(1 − 1.1·0.6)² + 0.3·(1 − 0.9·0.6)² = 0.10972,
    # B = 0.6²·(0.1·1.1² + 0.2·0.9²) = 0.10188, C = (0.4 − 0.5·0.6)² = 0.01; var = 0.2016 / (50·0.25) = 0.016128
    assert result.standard_error == pytest.approx(0.016128**0.5)
    assert result.ci_low == pytest.approx(0.4 - 1.959964 * 0.016128**0.5, abs=1e-6)
    assert result.ci_high == pytest.approx(0.4 + 1.959964 * 0.016128**0.5, abs=1e-6)


def test_kappa_and_its_standard_error_match_a_published_four_category_example():
    # Agresti's SexualFun table (husband × wife), as R's vcd::Kappa reports it: 0.1293, ASE 0.0686
    result = kappa_from_table([[7, 7, 2, 3], [2, 8, 3, 7], [1, 5, 4, 9], [2, 8, 9, 14]])
    assert result.kappa == pytest.approx(0.12933, abs=5e-5)
    assert result.standard_error == pytest.approx(0.06860, abs=5e-5)


def test_pairs_give_the_same_result_as_their_table():
    pairs = [("ja", "ja")] * 20 + [("ja", "nej")] * 5 + [("nej", "ja")] * 10 + [("nej", "nej")] * 15
    assert cohens_kappa(pairs) == kappa_from_table([[20, 5], [10, 15]])


def test_a_category_only_one_rater_used_still_counts():
    pairs = [("ja", "ja")] * 3 + [("nej", "nej")] * 3 + [("ja", "ej_aktuellt")]
    result = cohens_kappa(pairs)
    # p_o = 6/7; rows ja 4/7, nej 3/7; columns ja 3/7, nej 3/7, ej aktuellt 1/7: p_e = 12/49 + 9/49 = 21/49
    assert result.kappa == pytest.approx((6 / 7 - 21 / 49) / (1 - 21 / 49))


def test_perfect_agreement_is_one_with_no_uncertainty():
    result = cohens_kappa([("ja", "ja")] * 4 + [("nej", "nej")] * 6)
    assert (result.kappa, result.percent, result.standard_error) == (pytest.approx(1.0), 100.0, 0.0)
    assert (result.ci_low, result.ci_high) == (pytest.approx(1.0), 1.0)


def test_all_answers_in_one_category_leave_kappa_undefined():
    result = cohens_kappa([("nej", "nej")] * 8)
    assert result == Agreement(8, 8, 100.0, None, None, None, None)


def test_complete_disagreement_is_negative():
    result = cohens_kappa([("ja", "nej")] * 5 + [("nej", "ja")] * 5)
    assert result.kappa == pytest.approx(-1.0)
    assert result.percent == 0.0
    assert result.ci_low == -1.0


def test_refusals():
    with pytest.raises(ValueError, match="no pairs"):
        cohens_kappa([])
    with pytest.raises(ValueError, match="square"):
        kappa_from_table([[1, 2]])
    with pytest.raises(ValueError, match="confidence"):
        kappa_from_table([[1, 0], [0, 1]], confidence=1.0)


def test_mean_kappa_skips_undefined_ones():
    defined = kappa_from_table([[20, 5], [10, 15]])
    undefined = cohens_kappa([("ja", "ja")])
    assert mean_kappa([defined, undefined, cohens_kappa([("a", "a"), ("b", "b")])]) == pytest.approx(0.7)
    assert mean_kappa([undefined]) is None


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
