"""Calibration by simulation: rounds of the built-in checklists with no real difference must rarely show a finding,
planted differences and changes must be found, and mirrored data must give mirrored results.

Seeded, so every run sees the same rounds. The shares are compared with their targets with a stated tolerance: the
observed share must not miss the target by more than two standard errors of a share of that many rounds (one-sided:
about 2.3 % of seeds would fail by chance if the true rate sat exactly at the target; with a fixed seed a run either
passes or fails every time). docs/aggregate-format.md reports the figures measured here.
"""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest

from reviewer.checklists.loader import definition_from_dict
from reviewer.checklists.schema import ChecklistDefinition, QuestionType
from reviewer.domain.sex import GROUPS, SexGroup
from reviewer.services.aggregation import Comparison
from reviewer.services.aggregation.counting import Collected
from tests.services.aggregation_data import checklist_data
from tests.services.simulation import (
    Planted,
    checklist,
    simulated_aggregate,
    simulated_before_after,
    simulated_round,
    with_primary,
    yes_no_keys,
)

pytestmark = pytest.mark.slow


def tolerance(target: float, rounds: int) -> float:
    """The most a share of `rounds` may exceed an upper target by: two standard errors."""
    return target + 2 * math.sqrt(target * (1 - target) / rounds)


def floor(target: float, rounds: int) -> float:
    """The least a share of `rounds` may fall below a lower target by: two standard errors."""
    return target - 2 * math.sqrt(target * (1 - target) / rounds)


@pytest.mark.parametrize(
    ("slug", "n", "rounds"),
    [("missbruk", 30, 100), ("missbruk", 100, 100), ("fardtjanst", 30, 60), ("barnomsorg", 30, 60)],
)
def test_rounds_without_a_real_difference_rarely_show_a_finding(slug, n, rounds):
    definition = checklist(slug)
    rng = np.random.default_rng(20261202)
    with_findings = sum(
        1 for _ in range(rounds) if simulated_aggregate(simulated_round(definition, n, n, rng)).findings
    )
    assert with_findings / rounds <= tolerance(0.05, rounds)


def test_a_second_breakdown_adds_no_chance_findings():
    definition = checklist("missbruk")
    rng = np.random.default_rng(7)
    rounds = 30
    flagged_rows = 0
    for _ in range(rounds):
        result = simulated_aggregate(simulated_round(definition, 100, 100, rng, bands=4))
        flagged_rows += any(
            s.comparison is not None and s.comparison.flagged for q in result.questions() for s in q.strata
        )
    assert flagged_rows / rounds <= tolerance(0.05, rounds)


def test_a_planted_difference_of_30_against_70_percent_is_found():
    definition = checklist("missbruk")
    key = yes_no_keys(definition)[0]
    rng = np.random.default_rng(11)
    rounds = 40
    found = 0
    for _ in range(rounds):
        result = simulated_aggregate(simulated_round(definition, 100, 100, rng, Planted({key: (0.3, 0.7)})))
        found += key in [f.question_key for f in result.findings]
    assert found / rounds >= floor(0.95, rounds)


def test_a_closed_gap_of_a_primary_question_is_reported_as_narrowed():
    """30 percentage points before (65 % against 35 %), none after (50 % each), at 100 + 100 cases per round: the
    follow-up question a unit decided on before the round, marked primary."""
    key = yes_no_keys(checklist("missbruk"))[0]
    definition = with_primary(checklist("missbruk"), key)
    rng = np.random.default_rng(13)
    rounds = 50
    narrowed = 0
    for _ in range(rounds):
        before = simulated_round(definition, 100, 100, rng, Planted({key: (0.65, 0.35)}))
        after = simulated_round(definition, 100, 100, rng, Planted({key: (0.5, 0.5)}))
        change = next(c for c in simulated_before_after(after, before).questions if c.key == key)
        narrowed += change.verdict == "narrowed"
    assert narrowed / rounds >= floor(0.80, rounds)


@pytest.mark.parametrize("primary", [False, True])
def test_an_unchanged_gap_is_rarely_reported_as_changed(primary):
    key = yes_no_keys(checklist("missbruk"))[0]
    definition = with_primary(checklist("missbruk"), key) if primary else checklist("missbruk")
    rng = np.random.default_rng(17)
    rounds = 50
    changed = 0
    for _ in range(rounds):
        before = simulated_round(definition, 100, 100, rng, Planted({key: (0.6, 0.4)}))
        after = simulated_round(definition, 100, 100, rng, Planted({key: (0.6, 0.4)}))
        change = next(c for c in simulated_before_after(after, before).questions if c.key == key)
        changed += change.verdict in {"narrowed", "widened"}
    assert changed / rounds <= tolerance(0.05, rounds)


def _mirrored(collected: Collected) -> Collected:
    swap = {SexGroup.FEMALE: SexGroup.MALE, SexGroup.MALE: SexGroup.FEMALE} | {g: g for g in GROUPS[2:]}
    tallies = {
        key: {(stratum, swap[group]): tally for (stratum, group), tally in cells.items()}
        for key, cells in collected.tallies.items()
    }
    return Collected(
        collected.rounds,
        collected.definition,
        tallies,
        collected.counts,
        collected.n_total_cases,
        collected.warnings,
        collected.steps,
    )


def _assert_mirrored(c: Comparison, m: Comparison) -> None:
    assert (c.state, c.material, c.significant, c.flagged) == (m.state, m.material, m.significant, m.flagged)
    assert (c.female_n, c.male_n) == (m.male_n, m.female_n)
    if c.test is not None:
        assert m.test is not None
        # exact tests agree to rounding; the permutation test's Monte Carlo draws differ with the rows swapped
        # (its standard error is about 0.005 at 9 999 tables)
        close = {"abs": 0.02} if c.test.name == "permutation" else {"rel": 1e-6}
        assert m.test.p_value == pytest.approx(c.test.p_value, **close)
        assert m.p_adjusted == pytest.approx(c.p_adjusted, **close)
    if c.difference_pp is not None:
        assert m.difference_pp == pytest.approx(-c.difference_pp)
        assert (m.difference_low, m.difference_high) == pytest.approx((-c.difference_high, -c.difference_low), rel=1e-6)
    if c.median_ratio is not None and c.median_ratio_low is not None:
        assert m.median_ratio == pytest.approx(1 / c.median_ratio)
        assert (m.median_ratio_low, m.median_ratio_high) == pytest.approx(
            (1 / c.median_ratio_high, 1 / c.median_ratio_low), rel=1e-9
        )
        assert m.mean_ratio == pytest.approx(1 / c.mean_ratio)


def every_type() -> ChecklistDefinition:
    """The test checklist with a second yes/no, an integer and a decimal question added: every type the aggregation
    compares."""
    data = copy.deepcopy(checklist_data(slug="alla_typer"))
    data["sections"][1]["questions"] += [
        {"key": "atgard", "type": "yes_no", "text": "Föreslogs en åtgärd?", "compare_by_sex": True},
        {"key": "antal", "type": "integer", "text": "Antal insatser", "compare_by_sex": True},
        {"key": "timmar", "type": "decimal", "text": "Timmar per vecka", "compare_by_sex": True},
    ]
    return definition_from_dict(data, "test")


COMPARED_TYPES = set(QuestionType) - {QuestionType.DATE, QuestionType.TEXT}


@pytest.mark.parametrize("slug", ["missbruk", "fardtjanst", "barnomsorg", "alla_typer"])
def test_mirror_image_data_give_mirror_image_results_for_every_question_type(slug):
    definition = every_type() if slug == "alla_typer" else checklist(slug)
    rng = np.random.default_rng(3)
    keys = yes_no_keys(definition)
    planted = Planted({keys[0]: (0.3, 0.7), keys[1]: (0.55, 0.45)})
    collected = simulated_round(definition, 60, 45, rng, planted)
    result, mirror = simulated_aggregate(collected), simulated_aggregate(_mirrored(collected))
    types = set()
    for question in result.questions():
        c, m = question.comparison, mirror.question(question.key).comparison
        if c is None:
            continue
        assert m is not None
        types.add(question.type)
        # the option compared is the same option when it is fixed or picked by the size of the difference
        assert m.option == c.option
        _assert_mirrored(c, m)
    assert len(types) >= 4
    if slug == "alla_typer":
        assert types == COMPARED_TYPES
    assert {f.question_key for f in result.findings} == {f.question_key for f in mirror.findings}


def test_mirror_image_rounds_give_mirror_image_changes_for_every_question_type():
    """Before/after of mirrored rounds: the same verdicts and p-values, the change of the gap negated (for numbers
    inverted) with its interval mirrored."""
    definition = every_type()
    rng = np.random.default_rng(29)
    keys = yes_no_keys(definition)
    before = simulated_round(definition, 70, 60, rng, Planted({keys[0]: (0.7, 0.3)}))
    after = simulated_round(definition, 65, 75, rng, Planted({keys[0]: (0.3, 0.7)}))
    result = simulated_before_after(after, before)
    mirror = simulated_before_after(_mirrored(after), _mirrored(before))
    types = set()
    for change, mirrored in zip(result.questions, mirror.questions, strict=True):
        assert (mirrored.key, mirrored.status, mirrored.option) == (change.key, change.status, change.option)
        if change.gap is None:
            assert mirrored.gap is None
            continue
        types.add(definition.question(change.key).type)
        assert mirrored.verdict == change.verdict
        assert mirrored.gap.p_value == pytest.approx(change.gap.p_value, rel=1e-6)
        assert mirrored.gap.p_adjusted == pytest.approx(change.gap.p_adjusted, rel=1e-6)
        if change.kind == "numeric":
            assert mirrored.gap.change == pytest.approx(1 / change.gap.change)
            assert (mirrored.gap.low, mirrored.gap.high) == pytest.approx((1 / change.gap.high, 1 / change.gap.low))
        else:
            assert mirrored.gap.change == pytest.approx(-change.gap.change)
            assert (mirrored.gap.low, mirrored.gap.high) == pytest.approx((-change.gap.high, -change.gap.low))
    assert types == COMPARED_TYPES
    assert next(c for c in result.questions if c.key == keys[0]).verdict == "reversed"
