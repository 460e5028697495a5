"""A round against its baseline across checklist versions: renamed keys (key_map), retired and new questions, a
changed question type, and rounds of two versions aggregated together."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from reviewer.domain.inference import ValueCounts
from reviewer.domain.sex import Sex, SexGroup
from reviewer.services.aggregation import (
    AggregateRequest,
    AggregationError,
    BeforeAfter,
    aggregate,
    compare_rounds,
    summarise,
)
from reviewer.services.aggregation.before_after import changes_between, question_changes
from reviewer.services.aggregation.compare import bootstraps, reusing_results
from reviewer.services.aggregation.json_form import before_after_to_json
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.simulation import Planted, checklist, simulated_round, yes_no_keys

F, M = SexGroup.FEMALE, SexGroup.MALE


def version_2() -> dict:
    """fragat renamed to fragat_nu, skala retired, ny_fraga added, kostnad turned from money into an integer."""
    data = copy.deepcopy(checklist_data(version=2))
    data["previous"] = {"version": 1, "key_map": {"fragat_nu": "fragat"}, "retired": ["skala"]}
    first, second = data["sections"]
    first["questions"][0]["key"] = "fragat_nu"
    first["questions"][0]["text"] = {
        "sv": "Frågade handläggaren om barn och föräldraskap?",
        "en": "Asked about children?",
    }
    first["questions"].append({"key": "ny_fraga", "type": "yes_no", "text": "Ny fråga", "compare_by_sex": True})
    second["questions"] = [q for q in second["questions"] if q["key"] != "skala"]
    next(q for q in second["questions"] if q["key"] == "kostnad")["type"] = "integer"
    return data


def cases(sex, n, **answers_by_index):
    """n cases of one sex; each keyword is a list of n answers (None = unanswered)."""
    result = [Case(sex) for _ in range(n)]
    for key, values in answers_by_index.items():
        for case, value in zip(result, values, strict=True):
            if value is not None:
                case.answers[key] = value
    return result


@pytest.fixture
def rounds(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        add_checklist(session, version_2())
        before = cases(
            Sex.KVINNA,
            20,
            fragat=["ja"] * 10 + ["nej"] * 10,
            dagar=[10] * 20,
            beslut=["beviljat"] * 10 + ["avslag"] * 10,
            skala=[3] * 20,
            kostnad=[1000] * 20,
        )
        before += cases(
            Sex.MAN,
            20,
            fragat=["ja"] * 10 + ["nej"] * 10,
            dagar=[9, 11] * 10,
            beslut=["beviljat"] * 20,
            skala=[3] * 20,
            kostnad=[1000] * 20,
        )
        baseline = add_round(session, "Före", before, version=1)
        after = cases(
            Sex.KVINNA,
            20,
            fragat_nu=["ja"] * 18 + ["nej"] * 2,
            dagar=[15] * 20,
            beslut=["beviljat"] * 8 + ["delvis"] * 8 + ["avslag"] * 4,
            ny_fraga=["ja"] * 20,
        )
        after += cases(
            Sex.MAN,
            20,
            fragat_nu=["ja"] * 8 + ["nej"] * 12,
            dagar=[10] * 20,
            beslut=["beviljat"] * 12 + ["avslag"] * 8,
            ny_fraga=["nej"] * 20,
        )
        follow_up = add_round(session, "Efter", after, version=2, baseline_uuid=baseline)
    return baseline, follow_up


def compare(app, round_uuid, baseline_uuid=None):
    with app.db.session() as session:
        return compare_rounds(session, round_uuid, baseline_uuid, AggregateRequest(()))


def test_a_renamed_question_is_compared_with_its_old_key(app, rounds):
    _, follow_up = rounds
    result = compare(app, follow_up)  # the round's own baseline
    assert ([r.name for r in result.after.rounds], [r.name for r in result.before.rounds]) == (["Efter"], ["Före"])
    assert (result.after.checklist_version, result.before.checklist_version) == (2, 1)
    by_key = {c.key: c for c in result.questions}
    asked = by_key["fragat_nu"]
    assert (asked.baseline_key, asked.status, asked.section_key) == ("fragat", "compared", "arendet")
    assert asked.text.sv == "Frågade handläggaren om barn och föräldraskap?"
    assert (asked.before.difference_pp, asked.after.difference_pp) == (0.0, 50.0)
    assert (asked.option, asked.option_source) == ("ja", "yes")
    assert asked.gap is not None and asked.gap.change == 50.0
    assert asked.gap.low > 0 and asked.gap.p_adjusted < 0.05
    assert asked.verdict == "widened"
    assert asked.groups[F].before == 50.0
    assert asked.groups[F].after == 90.0
    assert (asked.groups[M].before, asked.groups[M].after, asked.groups[M].n_after) == (50.0, 40.0, 20)
    assert result.after.question("fragat_nu").comparison.flagged
    assert not result.before.question("fragat").comparison.flagged


def test_numbers_change_by_their_median_ratio(app, rounds):
    days = {c.key: c for c in compare(app, rounds[1]).questions}["dagar"]
    assert (days.before.median_ratio, days.after.median_ratio) == (1.0, 1.5)
    assert days.gap is not None and days.gap.change == 1.5  # the ratio of the two median ratios
    assert days.gap.low <= 1.5 <= days.gap.high
    assert days.verdict == "widened"
    assert (days.groups[F].before, days.groups[F].after, days.groups[M].after) == (10.0, 15.0, 10.0)


def test_the_option_is_fixed_by_both_rounds_pooled_not_by_the_after_round(app, rounds):
    result = compare(app, rounds[1])
    decision = {c.key: c for c in result.questions}["beslut"]
    # The after round alone differs most at "delvis" (40 % vs 0 %); both rounds pooled differ most at "beviljat"
    # (45 % vs 80 %), and that is where the change is measured, in both rounds.
    assert result.after.question("beslut").comparison.option == "delvis"
    assert (decision.option, decision.option_source) == ("beviljat", "pooled")
    assert (decision.after.option, decision.before.option) == ("beviljat", "beviljat")
    assert (decision.before.difference_pp, decision.after.difference_pp) == (-50.0, pytest.approx(-20.0))
    assert decision.gap is not None and decision.gap.change == pytest.approx(30.0)
    assert decision.groups[F].before == 50.0


def test_new_retired_changed_and_unaggregated_questions_are_not_compared(app, rounds):
    by_key = {c.key: c for c in compare(app, rounds[1]).questions}
    assert (by_key["ny_fraga"].status, by_key["ny_fraga"].baseline_key, by_key["ny_fraga"].before) == (
        "new",
        None,
        None,
    )
    assert by_key["ny_fraga"].after.flagged
    assert (by_key["skala"].status, by_key["skala"].section_key) == ("retired", None)
    assert by_key["kostnad"].status == "type_changed"
    assert by_key["kommentar"].status == "not_aggregated"


def test_a_baseline_of_a_newer_version_is_mapped_backwards(app, rounds):
    baseline, follow_up = rounds
    asked = {c.key: c for c in compare(app, baseline, follow_up).questions}["fragat"]
    assert (asked.baseline_key, asked.status, asked.gap.change) == ("fragat_nu", "compared", -50.0)
    assert asked.verdict == "narrowed"


def test_rounds_of_two_versions_are_counted_together_under_the_newest_keys(app, rounds):
    with app.db.session() as session:
        both = aggregate(session, AggregateRequest(rounds))
    assert (both.checklist_version, both.n_cases) == (2, 80)
    asked = both.question("fragat_nu")
    assert [o.count for o in asked.groups[F].options] == [28, 12]
    assert both.question("skala") is None
    assert both.question("dagar").groups[M].n == 40
    assert both.question("kostnad").groups[F].n == 0  # money in version 1, an integer in version 2: not mixed
    assert any("annan frågetyp" in w.sv for w in both.warnings)


def test_refusals(app, rounds):
    baseline, _ = rounds
    with pytest.raises(AggregationError, match="no baseline round"):
        compare(app, baseline)
    unlinked = checklist_data(version=3)
    with app.db.session() as session:
        add_checklist(session, unlinked)
        third = add_round(session, "Trean", [], version=3)
    with pytest.raises(AggregationError, match="not linked"):
        compare(app, third, baseline)
    with pytest.raises(AggregationError, match="not linked"), app.db.session() as session:
        aggregate(session, AggregateRequest((baseline, third)))


@pytest.mark.parametrize("slug", ["missbruk", "fardtjanst", "barnomsorg"])
def test_reusing_the_rounds_results_changes_no_figure(slug):
    """Before/after reuses the two pictures' comparisons, table tests and bootstrap draws; computed afresh, without
    reuse, every figure of the document is the same."""
    definition = checklist(slug)
    rng = np.random.default_rng(23)
    before = simulated_round(definition, 60, 50, rng, Planted({yes_no_keys(definition)[0]: (0.6, 0.4)}))
    after = simulated_round(definition, 55, 65, rng)
    request = AggregateRequest(("sim",))
    lineage = {q.key: q.key for q in definition.questions()}
    reused = changes_between(after, before, lineage, request, request)
    after_picture, before_picture = summarise(after, request), summarise(before, request)
    changes, n_tested = question_changes(after, before, lineage, after_picture, before_picture, request.thresholds)
    fresh = BeforeAfter(after_picture, before_picture, changes, n_tested)
    assert before_after_to_json(reused) == before_after_to_json(fresh)


def test_draws_are_reused_only_within_the_block_and_only_for_the_same_answers():
    women, men = ValueCounts.of([3.0, 4.0, 4.0, 9.0, 12.0]), ValueCounts.of([2.0, 5.0, 5.0, 7.0, 8.0])
    other = ValueCounts.of([2.0, 5.0, 5.0, 7.0, 8.5])
    with reusing_results():
        first = bootstraps(women, men)
        assert bootstraps(ValueCounts.of([12.0, 9.0, 4.0, 4.0, 3.0]), men) is first  # the same answers
        assert bootstraps(women, other) is not first
        assert bootstraps(women, men, 2) is not first
    outside = bootstraps(women, men)
    assert outside is not first
    assert np.array_equal(outside[0].medians, first[0].medians) and np.array_equal(outside[1].means, first[1].means)
    with pytest.raises(ValueError, match="read-only"):
        first[0].medians[0] = 0.0  # kept draws are shared, so nobody may change them
