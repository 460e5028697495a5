"""A round against its baseline (before/after): whether the gap between women and men changed, tested, not read off
two point estimates. `trend` does the same over three or more rounds with these pieces.

The compared option of a categorical question is fixed before the after round is looked at: "ja", the checklist's
`compare_option`, or else the option most different between women and men in both rounds pooled. The change of the
gap is a difference in differences with a MOVER interval (a ratio of median ratios with a bootstrap interval for
numbers); its p-values are adjusted across the compared questions like the findings of one round, and only a
significant change is called narrowed or widened.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np
from sqlmodel import Session

from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.inference import (
    TwoByTwo,
    change_in_gap,
    ratio,
    ratio_draws,
    ratio_estimate,
)
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import ComparisonState, Thresholds
from reviewer.domain.text import Message
from reviewer.services.aggregation.compare import (
    bootstraps,
    categorical_comparison,
    fixed_option,
    group_result,
    most_different,
    numeric_comparison,
    option_values,
    reusing_results,
    value_counts,
)
from reviewer.services.aggregation.counting import Collected, Tally, collect
from reviewer.services.aggregation.model import (
    GROUPS,
    Aggregate,
    AggregateRequest,
    AggregationError,
    BeforeAfter,
    ChangeStatus,
    ChangeVerdict,
    Comparison,
    GapChange,
    GroupChange,
    GroupResult,
    Kind,
    OptionSource,
    Progress,
    QuestionChange,
)
from reviewer.services.aggregation.multiplicity import adjusted_p_values
from reviewer.services.aggregation.summary import summarise
from reviewer.services.aggregation.versions import Versions, load_rounds
from reviewer.storage.models import Round


def compare_rounds(
    session: Session,
    round_uuid: str,
    baseline_uuid: str | None,
    request_template: AggregateRequest,
    progress: Progress | None = None,
) -> BeforeAfter:
    """The round against its baseline (`baseline_uuid`, or the round's own baseline round), question by question
    through the key mapping between their checklist versions. The template's filters and thresholds apply to both."""
    (round_row,) = load_rounds(session, [round_uuid])
    if baseline_uuid is None:
        if round_row.baseline_round_id is None:
            raise AggregationError(
                Message(
                    f"Omgången {round_row.info.name} har ingen jämförelseomgång; välj en",
                    f"The round {round_row.info.name} has no baseline round; choose one",
                )
            )
        baseline = session.get(Round, round_row.baseline_round_id)
        assert baseline is not None
        baseline_uuid = baseline.uuid
    (baseline_row,) = load_rounds(session, [baseline_uuid])
    if baseline_row.info.checklist_slug != round_row.info.checklist_slug:
        raise AggregationError(
            Message(
                "Omgångarna använder olika checklistor och kan inte jämföras",
                "The rounds use different checklists and cannot be compared",
            )
        )

    def part(offset: int) -> Progress | None:
        if progress is None:
            return None
        report = progress
        return lambda done, total: report(offset * total + done, 2 * total)

    after_data = collect(session, replace(request_template, round_uuids=(round_uuid,)), part(0))
    before_data = collect(session, replace(request_template, round_uuids=(baseline_uuid,)), part(1))
    versions = Versions(session, round_row.info.checklist_slug)
    lineage = _lineage(versions, after_data.definition, before_data.definition)
    result = changes_between(
        after_data,
        before_data,
        lineage,
        replace(request_template, round_uuids=(round_uuid,)),
        replace(request_template, round_uuids=(baseline_uuid,)),
    )
    if progress is not None:
        progress(1, 1)
    return result


def changes_between(
    after_data: Collected,
    before_data: Collected,
    lineage: Mapping[str, str | None],
    after_request: AggregateRequest,
    before_request: AggregateRequest,
) -> BeforeAfter:
    """Both rounds' pictures and every question's change, from the collected tallies. No SQL: the calibration tests
    simulate rounds through it. The changes reuse the pictures' comparisons and bootstrap draws (`reusing_results`)
    rather than computing them again."""
    with reusing_results():
        after = summarise(after_data, after_request)
        before = summarise(before_data, before_request)
        changes, n_tested = question_changes(after_data, before_data, lineage, after, before, after_request.thresholds)
    matched = {c.baseline_key for c in changes if c.baseline_key is not None}
    for section in before.sections:
        for result in section.questions:
            if result.key not in matched:
                changes.append(_not_compared(result.key, result.key, None, result.text, result.kind, "retired", None))
    return BeforeAfter(after, before, changes, n_tested)


def question_changes(
    after_data: Collected,
    before_data: Collected,
    lineage: Mapping[str, str | None],
    after: Aggregate,
    before: Aggregate,
    thresholds: Thresholds,
) -> tuple[list[QuestionChange], int]:
    """Every question of the after round against its baseline key, with verdicts once the p-values of all changes
    are adjusted together; and how many changes were tested. No SQL: the calibration tests simulate rounds."""
    changes = [
        _question_change(
            question, section.key, after_data, before_data, lineage.get(question.key), after, before, thresholds
        )
        for section in after_data.definition.sections
        for question in section.questions
    ]
    return _adjusted(changes, thresholds)


def _lineage(versions: Versions, after: ChecklistDefinition, before: ChecklistDefinition) -> dict[str, str | None]:
    """For each key of the after round's version, its key in the baseline's version (or None: new since)."""
    if after.version >= before.version:
        return versions.lineage(after, before.version)
    backwards = versions.lineage(before, after.version)
    lineage: dict[str, str | None] = {q.key: None for q in after.questions()}
    for before_key, after_key in backwards.items():
        if after_key is not None and lineage.get(after_key) is None:
            lineage[after_key] = before_key
    return lineage


def overall_tallies(tallies: Mapping[tuple[str | None, SexGroup], Tally]) -> dict[SexGroup, Tally]:
    overall = {g: Tally() for g in GROUPS}
    for (_, group), tally in tallies.items():
        overall[group].merge(tally)
    return overall


def _not_compared(
    key: str,
    baseline_key: str | None,
    section_key: str | None,
    text: Message,
    kind: Kind,
    status: ChangeStatus,
    after: Comparison | None,
) -> QuestionChange:
    return QuestionChange(
        key, baseline_key, section_key, text, kind, status, None, after, None, None, None, None, None, False, {}
    )


def _question_change(
    question: Question,
    section_key: str,
    after_data: Collected,
    before_data: Collected,
    baseline_key: str | None,
    after: Aggregate,
    before: Aggregate,
    thresholds: Thresholds,
) -> QuestionChange:
    after_result = after.question(question.key)
    assert after_result is not None
    before_question = before_data.definition.question(baseline_key) if baseline_key is not None else None
    text, kind = after_result.text, after_result.kind

    def not_compared(status: ChangeStatus) -> QuestionChange:
        return _not_compared(question.key, baseline_key, section_key, text, kind, status, after_result.comparison)

    if before_question is None or baseline_key is None:
        return not_compared("new")
    if before_question.type is not question.type:
        return not_compared("type_changed")
    if kind == "not_aggregated":
        return not_compared("not_aggregated")
    after_tallies = overall_tallies(after_data.tallies[question.key])
    before_tallies = overall_tallies(before_data.tallies[baseline_key])
    if kind == "categorical":
        return _categorical_change(question, section_key, baseline_key, text, after_tallies, before_tallies, thresholds)
    return _numeric_change(question, section_key, baseline_key, text, after_tallies, before_tallies, thresholds)


def pooled_option(
    question: Question, rounds: Sequence[Mapping[SexGroup, Tally]]
) -> tuple[str | None, OptionSource | None]:
    """The option compared across rounds: fixed by the question, or the most different in all rounds pooled."""
    fixed, source = fixed_option(question)
    if fixed is not None:
        return fixed, source
    pooled = {g: Tally() for g in GROUPS}
    for tallies in rounds:
        for g in GROUPS:
            pooled[g].merge(tallies[g])
    options = option_values(question, pooled.values())
    groups = {g: group_result(question, "categorical", pooled[g], options) for g in GROUPS}
    return most_different(groups[SexGroup.FEMALE], groups[SexGroup.MALE]), "pooled"


def groups_at(
    question: Question, tallies: Mapping[SexGroup, Tally], others: Sequence[Mapping[SexGroup, Tally]]
) -> dict[SexGroup, GroupResult]:
    options = option_values(question, [t for o in others for t in o.values()])
    return {g: group_result(question, "categorical", tallies[g], options) for g in GROUPS}


def _two_by_two(c: Comparison) -> TwoByTwo:
    return TwoByTwo(c.female_count or 0, c.female_n, c.male_count or 0, c.male_n)


def _categorical_change(
    question: Question,
    section_key: str,
    baseline_key: str,
    text: Message,
    after_tallies: Mapping[SexGroup, Tally],
    before_tallies: Mapping[SexGroup, Tally],
    thresholds: Thresholds,
) -> QuestionChange:
    both = [after_tallies, before_tallies]
    option, source = pooled_option(question, both)
    after_groups = groups_at(question, after_tallies, both)
    before_groups = groups_at(question, before_tallies, both)
    after_c = categorical_comparison(
        question, after_groups[SexGroup.FEMALE], after_groups[SexGroup.MALE], thresholds, option, source
    )
    before_c = categorical_comparison(
        question, before_groups[SexGroup.FEMALE], before_groups[SexGroup.MALE], thresholds, option, source
    )
    gap = None
    if question.compare_by_sex and testable(after_c, thresholds) and testable(before_c, thresholds):
        estimate = change_in_gap(_two_by_two(after_c), _two_by_two(before_c))
        assert estimate.p_value is not None
        gap = GapChange(100.0 * estimate.value, 100.0 * estimate.low, 100.0 * estimate.high, estimate.p_value)
    groups = {
        g: GroupChange(
            _percent_of(before_groups[g], option),
            _percent_of(after_groups[g], option),
            before_groups[g].base,
            after_groups[g].base,
        )
        for g in GROUPS
    }
    return QuestionChange(
        question.key,
        baseline_key,
        section_key,
        text,
        "categorical",
        "compared",
        before_c if question.compare_by_sex else None,  # a question not compared by sex: its groups only
        after_c if question.compare_by_sex else None,
        option,
        after_c.option_label,
        source,
        gap,
        None,
        question.primary,
        groups,
    )


def _numeric_change(
    question: Question,
    section_key: str,
    baseline_key: str,
    text: Message,
    after_tallies: Mapping[SexGroup, Tally],
    before_tallies: Mapping[SexGroup, Tally],
    thresholds: Thresholds,
) -> QuestionChange:
    a_f, a_m = value_counts(after_tallies[SexGroup.FEMALE]), value_counts(after_tallies[SexGroup.MALE])
    b_f, b_m = value_counts(before_tallies[SexGroup.FEMALE]), value_counts(before_tallies[SexGroup.MALE])
    after_c = numeric_comparison(a_f, a_m, thresholds, question.primary)
    before_c = numeric_comparison(b_f, b_m, thresholds, question.primary)
    gap = None
    if (
        question.compare_by_sex
        and testable(after_c, thresholds)
        and testable(before_c, thresholds)
        and after_c.median_ratio
        and before_c.median_ratio
    ):
        a_boot_f, a_boot_m = bootstraps(a_f, a_m, 0)
        b_boot_f, b_boot_m = bootstraps(b_f, b_m, 2)
        draws = ratio_draws(
            ratio_draws(a_boot_f.medians, a_boot_m.medians), ratio_draws(b_boot_f.medians, b_boot_m.medians)
        )
        estimate = ratio_estimate(ratio(after_c.median_ratio, before_c.median_ratio), draws)
        if estimate is not None and estimate.p_value is not None:
            gap = GapChange(estimate.value, estimate.low, estimate.high, estimate.p_value)
    groups = {
        g: GroupChange(
            _median(before_tallies[g]), _median(after_tallies[g]), before_tallies[g].answered, after_tallies[g].answered
        )
        for g in GROUPS
    }
    return QuestionChange(
        question.key,
        baseline_key,
        section_key,
        text,
        "numeric",
        "compared",
        before_c if question.compare_by_sex else None,
        after_c if question.compare_by_sex else None,
        None,
        None,
        None,
        gap,
        None,
        question.primary,
        groups,
    )


def testable(c: Comparison, thresholds: Thresholds) -> bool:
    """Both groups large enough to say anything; a round without variation still has a gap (of 0)."""
    return c.state is not ComparisonState.TOO_SMALL and min(c.female_n, c.male_n) >= thresholds.min_group_n


def _median(tally: Tally) -> float | None:
    counts = value_counts(tally)
    return float(np.median(np.repeat(counts.values, counts.counts))) if counts.n else None


def _percent_of(group: GroupResult, option: str | None) -> float | None:
    return next((o.percent for o in group.options if o.value == option), None)


def _adjusted(changes: list[QuestionChange], thresholds: Thresholds) -> tuple[list[QuestionChange], int]:
    """The verdict of each compared question once the p-values of all changes are adjusted together."""
    p_values = [c.gap.p_value if c.gap is not None else None for c in changes]
    adjusted = adjusted_p_values(p_values, [c.primary for c in changes])
    result = []
    for change, p in zip(changes, adjusted, strict=True):
        if change.status != "compared":
            result.append(change)
            continue
        gap = replace(change.gap, p_adjusted=p) if change.gap is not None else None
        level = thresholds.alpha if change.primary else thresholds.fdr_q
        result.append(replace(change, gap=gap, verdict=_verdict(change, gap, level)))
    return result, sum(1 for p, c in zip(p_values, changes, strict=True) if p is not None and not c.primary)


def _verdict(change: QuestionChange, gap: GapChange | None, level: float) -> ChangeVerdict:
    if gap is None or change.before is None or change.after is None:
        return "not_tested"
    before_size, after_size = _gap_size(change.before), _gap_size(change.after)
    if before_size is None or after_size is None:
        return "not_tested"
    if math.isclose(gap.change, 1.0 if change.kind == "numeric" else 0.0, rel_tol=0.0, abs_tol=1e-12):
        return "unchanged"
    if gap.p_adjusted is None or gap.p_adjusted >= level:
        return "no_clear_change"
    if _direction(change.before) * _direction(change.after) < 0 and _clearly_apart(change.after):
        return "reversed"
    return "narrowed" if after_size < before_size else "widened"


def _clearly_apart(c: Comparison) -> bool:
    """The after round's own interval excludes equality: the other sex is now ahead, not merely level by chance."""
    if c.difference_low is not None and c.difference_high is not None:
        return c.difference_low > 0 or c.difference_high < 0
    if c.median_ratio_low is not None and c.median_ratio_high is not None:
        return c.median_ratio_low > 1 or c.median_ratio_high < 1
    return False


def _direction(c: Comparison) -> int:
    """+1 when women are higher, −1 when men are, 0 when equal."""
    if c.difference_pp is not None:
        return (c.difference_pp > 0) - (c.difference_pp < 0)
    ratio = c.median_ratio or 1.0
    return (ratio > 1) - (ratio < 1)


def _gap_size(c: Comparison) -> float | None:
    """How far from equal a round is: |difference| in points, |log ratio| for numbers."""
    if c.difference_pp is not None:
        return abs(c.difference_pp)
    if c.median_ratio is not None and c.median_ratio > 0:
        return abs(math.log(c.median_ratio))
    return None
