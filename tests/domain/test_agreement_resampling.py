"""The bootstrap's vectorised kappa and alpha give the libraries' figures, on the whole data and on a resample."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

from reviewer.domain.agreement import Level, rating_table, resampling


def _ratings(rng, cases, raters, values, per_case):
    return [
        (case, rater, values[int(rng.integers(0, len(values)))])
        for case in range(cases)
        for rater in rng.choice(raters, size=per_case, replace=False)
    ]


def _resampled(table, weights):
    """The rows repeated as often as the weights say: what the library sees for that bootstrap sample."""
    return np.repeat(table.counts, weights.astype(int), axis=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cohen_and_fleiss(seed):
    rng = np.random.default_rng(seed)
    two = rating_table(_ratings(rng, 40, ["A", "B"], "abc", 2), Level.NOMINAL)
    for row in [two.multiplicity, *resampling.draws(two, 3, seed)]:
        square = np.zeros((3, 3))
        np.add.at(square, (two.rater_pairs[:, 0], two.rater_pairs[:, 1]), row)
        expected = cohens_kappa(square, return_results=False)
        assert resampling.cohen(two, row[None, :].astype(float))[0] == pytest.approx(expected)
    many = rating_table(_ratings(rng, 40, list("PQRSTU"), "abcd", 4), Level.NOMINAL)
    for row in [many.multiplicity, *resampling.draws(many, 3, seed)]:
        expected = fleiss_kappa(_resampled(many, row))
        assert resampling.fleiss(many, row[None, :].astype(float))[0] == pytest.approx(expected)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
@pytest.mark.parametrize("seed", [1, 2])
def test_alpha(level, seed):
    rng = np.random.default_rng(seed)
    values = [1, 2, 3, 4, 5] if level != "interval" else [0.0, 150.5, 1200.0, 1250.0, 40_000.0, 41_000.0]
    ratings = _ratings(rng, 30, list("PQRSTU"), values, 2) + _ratings(rng, 10, list("PQRSTU"), values, 3)
    ratings = [(case + 1000 * (i >= 60), rater, value) for i, (case, rater, value) in enumerate(ratings)]
    table = rating_table(ratings, Level(level))
    domain = table.numbers if level == "interval" else np.arange(len(table.values))
    for row in [table.multiplicity, *resampling.draws(table, 3, seed)]:
        expected = krippendorff.alpha(
            value_counts=_resampled(table, row), value_domain=domain, level_of_measurement=level
        )
        assert resampling.alpha(table, row[None, :].astype(float))[0] == pytest.approx(expected)


def test_rows_are_distinct_answers_and_draws_count_cases():
    table = rating_table([(c, r, "ja" if c < 7 else "nej") for c in range(10) for r in "AB"], Level.NOMINAL)
    assert table.multiplicity.tolist() == [7, 3]
    assert table.case_counts.shape == (10, 2)
    weights = resampling.draws(table, 5, 1)
    assert weights.shape == (5, 2)
    assert (weights.sum(axis=1) == 10).all()
    assert (resampling.draws(table, 5, 1) == weights).all()
