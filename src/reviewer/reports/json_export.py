"""The anonymised export as JSON, `reviewer-anonymised-export` version 1, documented field by field in
docs/export-format.md. Numbers keep full precision; a hidden figure is `null` beside a public reason, which never
tells the small counts from their complements.

A change that renames or removes a field, or changes a field's meaning, needs a new `format_version`; adding a field
does not.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.domain.disclosure import Reason
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message
from reviewer.reports.common import PublicReason, public_reason, reason_text
from reviewer.reports.guard import ExportGuard, json_texts
from reviewer.services.aggregation import Comparison
from reviewer.services.aggregation.json_form import comparison_json, text_json
from reviewer.services.anonymisation import (
    COLUMNS,
    AnonymisedQuestion,
    AnonymisedResult,
    Cell,
    Method,
    NumberCell,
    Row,
)
from reviewer.services.files import write_atomically

FORMAT = "reviewer-anonymised-export"
FORMAT_VERSION = 1
WHERE = Message("JSON-filen", "the JSON file")


_TOTAL_COLUMN = {
    (): "all",
    ("other", "unknown"): "women_and_men",
    ("other",): "without_other",
    ("unknown",): "without_unknown",
}


def _reason(reason: Reason | None) -> str | None:
    return None if reason is None else public_reason(reason).value


def _cell(cell: Cell) -> dict[str, Any]:
    if cell.count is None:
        hidden = _reason(cell.reason)
    elif cell.reason is not None:
        hidden = PublicReason.DERIVED.value  # the count is shown, its percentage not (the base is hidden)
    else:
        hidden = None
    return {"count": cell.count, "percent": cell.percent, "hidden": hidden}


def _row(row: Row) -> dict[str, Any]:
    return {
        "value": row.value or None,
        "label": text_json(row.label),
        "cells": {column: _cell(row.cells[column]) for column in COLUMNS},
    }


def _numbers(cell: NumberCell) -> dict[str, Any]:
    return {
        "n": cell.n,
        "mean": cell.mean,
        "median": cell.median,
        "q1": cell.q1,
        "q3": cell.q3,
        "total": cell.total,
        "hidden": _reason(cell.reason),
        "total_hidden": _reason(cell.total_reason),
    }


_COUNTS = frozenset({"female_count", "male_count"})  # the export publishes percentages and n, not the counts


def _comparison(c: Comparison | None) -> dict[str, Any] | None:
    """The aggregation's comparison without its counts, and the test without its multiple-comparison factor."""
    shown = comparison_json(c)
    if shown is None:
        return None
    shown = {key: value for key, value in shown.items() if key not in _COUNTS}
    if shown["test"] is not None:
        shown["test"] = {"name": shown["test"]["name"], "p_value": shown["test"]["p_value"]}
    return shown


def _question(question: AnonymisedQuestion) -> dict[str, Any]:
    return {
        "key": question.key,
        "type": question.type.value,
        "kind": question.kind,
        "unit": question.unit,
        "text": text_json(question.text),
        "compare_by_sex": question.compare_by_sex,
        "rows": [_row(r) for r in question.rows],
        "totals": None if question.totals is None else _row(question.totals)["cells"],
        "numbers": {column: _numbers(question.numbers[column]) for column in question.numbers} or None,
        "comparison": _comparison(question.comparison),
        "comparison_hidden": question.comparison is None and question.comparison_reason is not None,
    }


def _thresholds(thresholds: Thresholds) -> dict[str, float]:
    return {
        "min_difference_pp": thresholds.min_difference_pp,
        "min_relative_difference": thresholds.min_relative_difference,
        "fdr_q": thresholds.fdr_q,
        "alpha": thresholds.alpha,
        "min_group_n": thresholds.min_group_n,
    }


def _method(method: Method) -> dict[str, Any]:
    rules = method.rules
    return {
        "checklist": {
            "slug": method.checklist_slug,
            "version": method.checklist_version,
            "title": text_json(method.checklist_title),
            "subject": method.subject.value,
            "subject_label": text_json(method.subject_label),
        },
        "rounds": [{"name": r.name, "period_label": r.period_label} for r in method.rounds],
        "unit": method.unit,
        "cases": {column: _cell(method.cases[column]) | {"percent": None} for column in COLUMNS},
        # an annat or okänt group with fewer than k cases is left out of every table and reported as such; the
        # total column counts the groups shown ("women_and_men" when both are left out)
        "total_column": _TOTAL_COLUMN[method.left_out],
        "other_fewer_than": method.rules.min_cell if "other" in method.left_out else None,
        "unknown_fewer_than": method.rules.min_cell if "unknown" in method.left_out else None,
        "reviewers": method.n_reviewers,
        "rules": {
            "min_cell": rules.min_cell,
            "dominance_n": rules.dominance_n,
            "dominance_percent": rules.dominance_percent,
        },
        "thresholds": _thresholds(method.thresholds),
        "hidden_figures": method.n_hidden,
        "exported_on": method.exported_on.isoformat(),
    }


def to_json(result: AnonymisedResult) -> dict[str, Any]:
    rules = result.method.rules
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "method": _method(result.method),
        "reasons": {reason.value: text_json(reason_text(reason, rules)) for reason in PublicReason},
        "findings": [
            {"question_key": f.question_key, "section_key": f.section_key, "message": text_json(f.message)}
            for f in result.findings
        ],
        "sections": [
            {
                "key": section.key,
                "index": section.index,
                "title": text_json(section.title),
                "questions": [_question(q) for q in section.questions],
            }
            for section in result.sections
        ],
    }


def render_json(result: AnonymisedResult) -> str:
    return json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n"


def write_json(result: AnonymisedResult, path: Path, guard: ExportGuard) -> None:
    """Render, let the guard read every string of the finished document, then write it atomically."""
    text = render_json(result)
    guard.check(json_texts(text), WHERE)
    write_atomically(path, text)
