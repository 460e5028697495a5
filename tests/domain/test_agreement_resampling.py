"""The bootstrap's vectorised kappa and alpha give the libraries' figures, on the whole data and on a resample."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

from reviewer.domain.agreement import Level, rating_table
from reviewer.domain.agreement import resampling


def _ratings(rng, cases, raters, values, per_case):
    return [
        (case, rater, values[int(rng.integers(0, len(values)))])
        for case in range(cases)
        for rater in rng.choice(raters, size=per_case, replace=False)
    ]


def _resampled(table, weights):
    """The cases repeated as often as the weights say: what the library sees for that bootstrap sample."""
    return np.repeat(table.counts, weights.astype(int), axis=0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cohen_and_fleiss(seed):
    rng = np.random.default_rng(seed)
    two = rating_table(_ratings(rng, 40, ["A", "B"], "abc", 2), Level.NOMINAL)
    weights = resampling.draws(two.n_cases, 3, seed)
    for row in [np.ones(two.n_cases), *weights]:
        square = np.zeros((3, 3))
        np.add.at(square, (two.rater_pairs[:, 0], two.rater_pairs[:, 1]), row)
        expected = cohens_kappa(square, return_results=False)
        assert resampling.cohen(two, row[None, :])[0] == pytest.approx(expected)
    many = rating_table(_ratings(rng, 40, list("PQRSTU"), "abcd", 4), Level.NOMINAL)
    for row in [np.ones(many.n_cases), *resampling.draws(many.n_cases, 3, seed)]:
        expected = fleiss_kappa(_resampled(many, row))
        assert resampling.fleiss(many, row[None, :])[0] == pytest.approx(expected)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval"])
@pytest.mark.parametrize("seed", [1, 2])
def test_alpha(level, seed):
    rng = np.random.default_rng(seed)
    values = [1, 2, 3, 4, 5] if level != "interval" else [0.0, 150.5, 1200.0, 1250.0, 40_000.0, 41_000.0]
    ratings = _ratings(rng, 30, list("PQRSTU"), values, 2) + _ratings(rng, 10, list("PQRSTU"), values, 3)
    ratings = [(case + 1000 * (i >= 60), rater, value) for i, (case, rater, value) in enumerate(ratings)]
    table = rating_table(ratings, Level(level))
    domain = table.numbers if level == "interval" else np.arange(len(table.values))
    for row in [np.ones(table.n_cases), *resampling.draws(table.n_cases, 3, seed)]:
        expected = krippendorff.alpha(
            value_counts=_resampled(table, row), value_domain=domain, level_of_measurement=level
        )
        assert resampling.alpha(table, row[None, :])[0] == pytest.approx(expected)


def test_draws_are_counts_of_every_case():
    weights = resampling.draws(7, 5, 1)
    assert weights.shape == (5, 7)
    assert (weights.sum(axis=1) == 7).all()
    assert (resampling.draws(7, 5, 1) == weights).all()
