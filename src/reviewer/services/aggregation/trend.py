"""A series of three or more rounds: the gap between women and men in each round with its interval, and a test for
a linear trend in it – the seeds' yearly measurement of the cost per care day is the typical use.

Each round's gap is the one a round shows on its own (a Newcombe interval for a share, at the option fixed over all
rounds pooled; the median ratio with its bootstrap interval for numbers, whose draws the aggregation keeps). The
slope comes from an inverse-variance weighted regression of the gaps on the round number (`inference.linear_trend`),
its p-values are adjusted across the questions like before/after, and a primary question keeps its own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from statistics import NormalDist

import numpy as np
from sqlmodel import Session

from reviewer.checklists.schema import Question
from reviewer.domain.inference import CONFIDENCE, linear_trend, ratio_draws
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message
from reviewer.services.aggregation.before_after import groups_at, overall_tallies, pooled_option, testable
from reviewer.services.aggregation.compare import (
    bootstraps,
    categorical_comparison,
    numeric_comparison,
    reusing_results,
    value_counts,
)
from reviewer.services.aggregation.counting import Tally, collect, kind_of
from reviewer.services.aggregation.model import (
    GROUPS,
    AggregateRequest,
    AggregationError,
    ChangeVerdict,
    Kind,
    Progress,
    QuestionTrend,
    RoundTrend,
    TrendPoint,
)
from reviewer.services.aggregation.multiplicity import adjusted_p_values
from reviewer.services.aggregation.versions import RoundRow, Versions, load_rounds


def trend(
    session: Session,
    round_uuids: Sequence[str],
    request_template: AggregateRequest,
    progress: Progress | None = None,
) -> RoundTrend:
    """The gap of every compared question over three or more rounds, in the order given (oldest first), with a test
    for a linear trend: the seeds' yearly measurement of the cost per care day is the typical use."""
    rows = load_rounds(session, round_uuids)
    if len(rows) < 3:
        raise AggregationError(
            Message(
                "En trend behöver minst tre omgångar; jämför två omgångar med före/efter",
                "A trend needs at least three rounds; compare two rounds with before/after",
            )
        )
    data = []
    for index, row in enumerate(rows):
        data.append(collect(session, replace(request_template, round_uuids=(row.info.uuid,))))
        if progress is not None:
            progress(index + 1, len(rows) + 1)
    versions = Versions(session, rows[0].info.checklist_slug)
    newest = max((d.definition for d in data), key=lambda d: d.version)
    lineages = [versions.lineage(newest, d.definition.version) for d in data]
    thresholds = request_template.thresholds
    questions: list[QuestionTrend] = []
    with reusing_results():  # each round's variance needs the draws of its interval again
        for question in newest.questions():
            kind = kind_of(question)
            if not question.compare_by_sex or kind == "not_aggregated":
                continue
            keys = [lineage.get(question.key) for lineage in lineages]
            typed = [
                key is not None and (old := d.definition.question(key)) is not None and old.type is question.type
                for key, d in zip(keys, data, strict=True)
            ]
            per_round = [
                overall_tallies(d.tallies[key]) if key is not None and ok else {g: Tally() for g in GROUPS}
                for key, d, ok in zip(keys, data, typed, strict=True)
            ]
            questions.append(_question_trend(question, kind, rows, per_round, thresholds))
    p_values = [q.p_value for q in questions]
    adjusted = adjusted_p_values(p_values, [q.primary for q in questions])
    result = [
        replace(q, p_adjusted=p, verdict=_trend_verdict(q, p, thresholds.alpha if q.primary else thresholds.fdr_q))
        for q, p in zip(questions, adjusted, strict=True)
    ]
    if progress is not None:
        progress(len(rows) + 1, len(rows) + 1)
    n_tested = sum(1 for q in questions if q.p_value is not None and not q.primary)
    return RoundTrend([r.info for r in rows], result, n_tested)


def _question_trend(
    question: Question,
    kind: Kind,
    rows: Sequence[RoundRow],
    per_round: Sequence[Mapping[SexGroup, Tally]],
    thresholds: Thresholds,
) -> QuestionTrend:
    z = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2.0)
    points, scale, variances = [], [], []
    option = source = None
    if kind == "categorical":
        option, source = pooled_option(question, per_round)
    for row, tallies in zip(rows, per_round, strict=True):
        gap = low = high = None
        estimate, variance = None, math.nan
        if kind == "categorical":
            groups = groups_at(question, tallies, per_round)
            c = categorical_comparison(
                question, groups[SexGroup.FEMALE], groups[SexGroup.MALE], thresholds, option, source
            )
            if testable(c, thresholds) and c.difference_low is not None and c.difference_high is not None:
                gap, low, high = c.difference_pp, c.difference_low, c.difference_high
                estimate, variance = gap, ((high - low) / (2 * z)) ** 2
        else:
            f, m = value_counts(tallies[SexGroup.FEMALE]), value_counts(tallies[SexGroup.MALE])
            c = numeric_comparison(f, m, thresholds, question.primary)
            if testable(c, thresholds) and c.median_ratio:
                f_boot, m_boot = bootstraps(f, m)
                draws = ratio_draws(f_boot.medians, m_boot.medians)
                logs = np.log(draws[np.isfinite(draws) & (draws > 0)])
                gap, low, high = c.median_ratio, c.median_ratio_low, c.median_ratio_high
                estimate = math.log(c.median_ratio)
                variance = float(np.var(logs, ddof=1)) if logs.size > 1 else math.nan
        points.append(TrendPoint(row.info.uuid, gap, low, high, c.female_n, c.male_n))
        scale.append(math.nan if estimate is None else estimate)
        variances.append(variance)
    fitted = linear_trend(scale, variances)
    label = None
    if option is not None:
        label = next(
            (
                o.label
                for o in groups_at(question, per_round[-1], per_round)[SexGroup.FEMALE].options
                if o.value == option
            ),
            None,
        )
    return QuestionTrend(
        key=question.key,
        text=Message(question.text.sv, question.text.en or question.text.sv),
        kind=kind,
        option=option,
        option_label=label,
        points=points,
        slope=fitted.slope if fitted else None,
        slope_low=fitted.low if fitted else None,
        slope_high=fitted.high if fitted else None,
        p_value=fitted.p_value if fitted else None,
        p_adjusted=None,
        verdict=None,
        primary=question.primary,
    )


def _trend_verdict(q: QuestionTrend, p_adjusted: float | None, level: float) -> ChangeVerdict:
    known = [p for p in q.points if p.gap is not None]
    if q.slope is None or p_adjusted is None or len(known) < 3:
        return "not_tested"
    if math.isclose(q.slope, 0.0, rel_tol=0.0, abs_tol=1e-12):
        return "unchanged"
    if p_adjusted >= level:
        return "no_clear_change"
    # Towards equality when the trend runs against the sign of the average gap (log ratio for numbers).
    centre = sum((math.log(p.gap) if q.kind == "numeric" else p.gap) for p in known if p.gap) / len(known)
    return "narrowed" if (q.slope < 0) == (centre > 0) else "widened"
