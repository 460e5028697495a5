"""The agreement's JSON form, `reviewer-agreement` version 1, documented field by field in
`docs/agreement-format.md`. Floats keep full precision; rounding is for the text only.

A change that renames or removes a field, or changes a field's meaning, needs a new `format_version`; adding a field
does not.
"""

from __future__ import annotations

from typing import Any

from reviewer.domain.agreement import (
    BOOTSTRAP_SEED,
    MIN_CASES,
    MIN_CASES_FOR_INTERVAL,
    RESAMPLES,
    Estimate,
    RaterAgreement,
    reading,
)
from reviewer.domain.text import Message
from reviewer.services.agreement.model import AgreementResult, QuestionAgreement

FORMAT = "reviewer-agreement"
FORMAT_VERSION = 1
CONFIDENCE = 0.95


def _text(message: Message) -> dict[str, str]:
    return {"sv": message.sv, "en": message.en}


def estimate_json(estimate: Estimate | None) -> dict[str, Any] | None:
    if estimate is None:
        return None
    return {
        "value": estimate.value,
        "standard_error": estimate.standard_error,
        "ci_low": estimate.ci_low,
        "ci_high": estimate.ci_high,
        "not_estimable": None
        if estimate.reason is None
        else {"reason": estimate.reason.value, **_text(estimate.reason.message)},
    }


def agreement_json(agreement: RaterAgreement) -> dict[str, Any]:
    """One (case, rater, value) table's figures: the part a training session's view can reuse."""
    measure, headline = agreement.headline
    return {
        "level": agreement.level.value,
        "n_cases": agreement.n_cases,
        "n_raters": agreement.n_raters,
        "n_ratings": agreement.n_ratings,
        "pairs": agreement.pairs,
        "agreeing_pairs": agreement.agreeing_pairs,
        "percent": agreement.percent,
        "kappa_kind": agreement.kappa_kind,
        "kappa": estimate_json(agreement.kappa),
        "alpha": estimate_json(agreement.alpha),
        "headline": measure,
        "reading": _text(reading(headline.value, headline.reason)),
    }


def _question(question: QuestionAgreement) -> dict[str, Any]:
    return {
        "key": question.key,
        "section": question.section_key,
        "text": _text(question.text),
        "type": question.type.value,
        **agreement_json(question.agreement),
    }


def method_json() -> dict[str, Any]:
    """How the intervals are drawn and when a figure is not estimable: the same for every agreement document."""
    return {
        "confidence": CONFIDENCE,
        "interval": "bootstrap_percentile",
        "resamples": RESAMPLES,
        "seed": BOOTSTRAP_SEED,
        "min_cases": MIN_CASES,
        "min_cases_for_interval": MIN_CASES_FOR_INTERVAL,
        "bands": "landis_koch_1977",
    }


def to_json(result: AgreementResult) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "rounds": [{"uuid": r.uuid, "name": r.name, "period_label": r.period_label} for r in result.rounds],
        "unit": result.unit,
        "checklist": {"slug": result.checklist_slug, "version": result.checklist_version},
        "method": method_json(),
        "n_cases": result.n_cases,
        "n_reviewers": result.n_reviewers,
        "n_reviews": result.n_reviews,
        "overall": {
            "pairs": result.pairs,
            "agreeing_pairs": result.agreeing_pairs,
            "percent": result.percent,
            "mean_kappa": result.mean_kappa,
        },
        "questions": [_question(q) for q in result.questions],
    }
