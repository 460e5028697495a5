"""Sample-size planning for a yes/no question: Cohen's published table, the two directions of the question, the
round's adjustment, and refusals that name the input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.stats import fisher_exact

from reviewer.domain.power import PlanError, PlanInput, detectable_difference, files_needed, plan


def difference_for_h(h: float, base: float = 0.5) -> float:
    """The percentage points from `base` upwards whose Cohen's h is `h`."""
    return (math.sin((2 * math.asin(math.sqrt(base)) + h) / 2) ** 2 - base) * 100


# Cohen (1988), Statistical Power Analysis for the Behavioral Sciences, Table 6.4.1: n per group for power 0.80 at
# a two-sided alpha of 0.05 (his table rounds the same normal approximation to the nearest file).
@pytest.mark.parametrize(("h", "cohen_n"), [(0.1, 1570), (0.2, 392), (0.4, 98), (0.5, 63), (0.6, 44), (0.8, 25)])
def test_files_needed_agrees_with_cohens_table(h, cohen_n):
    assert files_needed(50, difference_for_h(h), 0.8, 0.05) in (cohen_n, cohen_n + 1)


def test_more_power_and_a_stricter_level_need_more_files():
    base = files_needed(50, 20, 0.8, 0.05)
    assert files_needed(50, 20, 0.9, 0.05) > base
    assert files_needed(50, 20, 0.8, 0.05 / 38) > base
    assert files_needed(50, 30, 0.8, 0.05) < base


def test_a_difference_towards_the_middle_is_the_hard_one():
    # 10 % against 30 % needs fewer files than 40 % against 60 %: the same 20 points, less noise near the edge.
    assert files_needed(10, 20, 0.8, 0.05) < files_needed(40, 20, 0.8, 0.05)
    # From 80 % the plan takes 80 → 60 (towards the middle), never 80 → 100.
    assert files_needed(80, 20, 0.8, 0.05) == files_needed(20, 20, 0.8, 0.05)


def test_the_detectable_difference_is_the_inverse_of_the_files_needed():
    n = files_needed(50, 20, 0.8, 0.05)
    found = detectable_difference(n, n, 50, 0.8, 0.05)
    assert found is not None and 19.5 < found <= 20.0
    assert detectable_difference(30, 25, 50, 0.8, 0.05) > detectable_difference(30, 30, 50, 0.8, 0.05)


def test_too_few_files_find_nothing_within_the_scale():
    assert detectable_difference(2, 2, 50, 0.99, 0.0001) is None


def test_a_plan_has_a_round_level_adjusted_for_the_compared_questions():
    result = plan(PlanInput(difference_pp=20, base_pct=50, n_compared=38, available_women=30, available_men=25))
    single, round_ = result.levels
    assert (single.key, single.alpha, round_.key) == ("single", 0.05, "round")
    assert round_.alpha == pytest.approx(0.05 / 38)
    assert round_.files_per_sex > single.files_per_sex
    assert round_.detectable_pp > single.detectable_pp
    assert result.other_pct == 70
    assert [level.key for level in plan(PlanInput(n_compared=1)).levels] == ["single"]


def test_the_planned_files_find_the_difference_about_as_often_as_promised():
    """A seeded simulation with the test the round uses (Fisher's exact): the power is close to the 80 % asked."""
    n = files_needed(50, 20, 0.8, 0.05)
    rng = np.random.default_rng(13)
    found = 0
    rounds = 400
    for _ in range(rounds):
        women, men = rng.binomial(n, 0.5), rng.binomial(n, 0.7)
        found += fisher_exact([[women, n - women], [men, n - men]])[1] < 0.05
    assert 0.70 <= found / rounds <= 0.90


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (PlanInput(base_pct=0), ("Utgångsandelen", "base share")),
        (PlanInput(difference_pp=0), ("Skillnaden", "difference")),
        (PlanInput(base_pct=95, difference_pp=96), ("ryms inte", "does not fit")),
        (PlanInput(power=0.3), ("Styrkan", "power")),
        (PlanInput(alpha=0.7), ("Signifikansnivån", "significance level")),
        (PlanInput(n_compared=0), ("inga frågor", "no question")),
        (PlanInput(available_women=30), ("både kvinnor och män", "both women and men")),
        (PlanInput(available_women=1, available_men=30), ("minst 2", "at least 2")),
    ],
)
def test_refusals_name_the_input_in_both_languages(request_, words):
    with pytest.raises(PlanError) as caught:
        plan(request_)
    assert words[0] in caught.value.text("sv")
    assert words[1] in caught.value.text("en")
