"""The aggregation's JSON form, `reviewer-aggregate` version 1, documented field by field in
`docs/aggregate-format.md`. Floats keep full precision; rounding is for the sentences only.

A change that renames or removes a field, or changes a field's meaning, needs a new `format_version`; adding a field
does not. A test pins the shape on a fixed demo data set.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import NumberSummary, TestResult
from reviewer.domain.text import Message
from reviewer.services.aggregation.model import (
    GROUPS,
    Aggregate,
    AggregateRequest,
    BeforeAfter,
    Comparison,
    GroupChange,
    GroupResult,
    QuestionChange,
    QuestionResult,
    RoundTrend,
    Stratum,
)

FORMAT = "reviewer-aggregate"
BEFORE_AFTER_FORMAT = "reviewer-before-after"
# 2: p-values adjusted across the selection (`p_adjusted`), intervals of differences and ratios, means and totals,
# `total` per question, no percentage on a base under 5, and before/after as a tested change (`gap`, `verdict`).
FORMAT_VERSION = 2
TREND_FORMAT = "reviewer-trend"


def text_json(message: Message) -> dict[str, str]:
    return {"sv": message.sv, "en": message.en}


def _by_group(values: dict[SexGroup, Any]) -> dict[str, Any]:
    return {group.value: values[group] for group in GROUPS}


def _test(test: TestResult | None) -> dict[str, Any] | None:
    if test is None:
        return None
    return {"name": test.name, "p_value": test.p_value, "comparisons": test.comparisons}


def _numbers(numbers: NumberSummary | None) -> dict[str, Any] | None:
    return None if numbers is None else asdict(numbers)


def comparison_json(c: Comparison | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "state": c.state.value,
        "flagged": c.flagged,
        "material": c.material,
        "significant": c.significant,
        "test": _test(c.test),
        "p_adjusted": c.p_adjusted,
        "primary": c.primary,
        "female_n": c.female_n,
        "male_n": c.male_n,
        "option": c.option,
        "option_label": None if c.option_label is None else text_json(c.option_label),
        "option_source": c.option_source,
        "female_count": c.female_count,
        "male_count": c.male_count,
        "female_percent": c.female_percent,
        "male_percent": c.male_percent,
        "difference_pp": c.difference_pp,
        "difference_low": c.difference_low,
        "difference_high": c.difference_high,
        "female_median": c.female_median,
        "male_median": c.male_median,
        "median_ratio": c.median_ratio,
        "median_ratio_low": c.median_ratio_low,
        "median_ratio_high": c.median_ratio_high,
        "female_mean": c.female_mean,
        "male_mean": c.male_mean,
        "mean_ratio": c.mean_ratio,
        "mean_ratio_low": c.mean_ratio_low,
        "mean_ratio_high": c.mean_ratio_high,
        "female_total": c.female_total,
        "male_total": c.male_total,
    }


def _group(group: GroupResult) -> dict[str, Any]:
    return {
        "n": group.n,
        "base": group.base,
        "not_applicable": group.not_applicable,
        "options": [
            {
                "value": o.value,
                "label": text_json(o.label),
                "count": o.count,
                "percent": o.percent,
                "ci_low": o.ci_low,
                "ci_high": o.ci_high,
            }
            for o in group.options
        ],
        "numbers": _numbers(group.numbers),
    }


def _stratum(stratum: Stratum) -> dict[str, Any]:
    return {
        "value": stratum.value,
        "label": text_json(stratum.label),
        "n_by_group": _by_group(stratum.n_by_group),
        "groups": _by_group({g: _group(r) for g, r in stratum.groups.items()}),
        "comparison": comparison_json(stratum.comparison),
    }


def _question(question: QuestionResult) -> dict[str, Any]:
    return {
        "key": question.key,
        "type": question.type.value,
        "kind": question.kind,
        "text": text_json(question.text),
        "compare_by_sex": question.compare_by_sex,
        "groups": _by_group({g: _group(r) for g, r in question.groups.items()}),
        "comparison": comparison_json(question.comparison),
        "strata": [_stratum(s) for s in question.strata],
        "total": None if question.total is None else _group(question.total),
    }


def _request(request: AggregateRequest) -> dict[str, Any]:
    return {
        "round_uuids": list(request.round_uuids),
        "unit": request.unit,
        "reviewer": request.reviewer,
        "breakdown": request.breakdown,
        "include_in_progress": request.include_in_progress,
        "thresholds": asdict(request.thresholds),
    }


def _counts(aggregate: Aggregate) -> dict[str, Any]:
    return {
        "cases": aggregate.n_cases,
        "reviews": aggregate.n_reviews,
        "double_reviewed": aggregate.n_double_reviewed,
        "not_counted": aggregate.n_not_counted,
        "by_group": _by_group(aggregate.n_by_group),
    }


def _rounds(aggregate: Aggregate) -> list[dict[str, Any]]:
    return [asdict(r) for r in aggregate.rounds]


def to_json(aggregate: Aggregate) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "checklist": {
            "slug": aggregate.checklist_slug,
            "version": aggregate.checklist_version,
            "subject": aggregate.subject.value,
            "subject_label": text_json(aggregate.subject_label),
        },
        "rounds": _rounds(aggregate),
        "request": _request(aggregate.request),
        "counts": _counts(aggregate),
        "tested": {
            "questions": aggregate.n_tested,
            "primary": aggregate.n_tested_primary,
            "breakdown_rows": aggregate.n_tested_strata,
        },
        "warnings": [text_json(w) for w in aggregate.warnings],
        "findings": [
            {
                "question_key": f.question_key,
                "section_key": f.section_key,
                "question_text": text_json(f.question_text),
                "message": text_json(f.message),
                "comparison": comparison_json(f.comparison),
            }
            for f in aggregate.findings
        ],
        "sections": [
            {
                "key": s.key,
                "index": s.index,
                "title": text_json(s.title),
                "questions": [_question(q) for q in s.questions],
            }
            for s in aggregate.sections
        ],
    }


def _group_change(change: GroupChange) -> dict[str, Any]:
    return {"before": change.before, "after": change.after, "n_before": change.n_before, "n_after": change.n_after}


def _change(change: QuestionChange) -> dict[str, Any]:
    return {
        "key": change.key,
        "baseline_key": change.baseline_key,
        "section_key": change.section_key,
        "text": text_json(change.text),
        "kind": change.kind,
        "status": change.status,
        "before": comparison_json(change.before),
        "after": comparison_json(change.after),
        "option": change.option,
        "option_label": None if change.option_label is None else text_json(change.option_label),
        "option_source": change.option_source,
        "primary": change.primary,
        "gap": None if change.gap is None else asdict(change.gap),
        "verdict": change.verdict,
        "groups": {g.value: _group_change(c) for g, c in change.groups.items()},
    }


def _summary(aggregate: Aggregate) -> dict[str, Any]:
    return {
        "rounds": _rounds(aggregate),
        "checklist": {"slug": aggregate.checklist_slug, "version": aggregate.checklist_version},
        "counts": _counts(aggregate),
    }


def before_after_to_json(before_after: BeforeAfter) -> dict[str, Any]:
    return {
        "format": BEFORE_AFTER_FORMAT,
        "format_version": FORMAT_VERSION,
        "subject": before_after.after.subject.value,
        "subject_label": text_json(before_after.after.subject_label),
        "request": {k: v for k, v in _request(before_after.after.request).items() if k != "round_uuids"},
        "after": _summary(before_after.after),
        "before": _summary(before_after.before),
        "tested": before_after.n_tested,
        "questions": [_change(c) for c in before_after.questions],
    }


def trend_to_json(trend: RoundTrend) -> dict[str, Any]:
    return {
        "format": TREND_FORMAT,
        "format_version": FORMAT_VERSION,
        "rounds": [asdict(r) for r in trend.rounds],
        "tested": trend.n_tested,
        "questions": [
            {
                "key": q.key,
                "text": text_json(q.text),
                "kind": q.kind,
                "option": q.option,
                "option_label": None if q.option_label is None else text_json(q.option_label),
                "points": [asdict(p) for p in q.points],
                "slope": q.slope,
                "slope_low": q.slope_low,
                "slope_high": q.slope_high,
                "p_value": q.p_value,
                "p_adjusted": q.p_adjusted,
                "verdict": q.verdict,
                "primary": q.primary,
            }
            for q in trend.questions
        ],
    }
