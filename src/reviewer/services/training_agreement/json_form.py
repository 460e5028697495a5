"""The facilitator's figures as JSON, `reviewer-training-agreement` version 1 (docs/agreement-format.md). Each
question's and participant's agreement has the fields of `reviewer agreement`'s questions. A participant's name is
written only when asked for; without it nothing in the document names anyone (file names neither)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from reviewer.domain.text import Message
from reviewer.services.agreement.json_form import agreement_json, method_json
from reviewer.services.training_agreement.model import (
    AnswerCount,
    ParticipantResult,
    QuestionResult,
    TrainingAgreement,
)

FORMAT = "reviewer-training-agreement"
FORMAT_VERSION = 1


def _text(message: Message) -> dict[str, str]:
    return {"sv": message.sv, "en": message.en}


def _value(value: Hashable) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _count(answer: AnswerCount) -> dict[str, Any]:
    return {"value": _value(answer.value), "text": _text(answer.text), "count": answer.count, "facit": answer.facit}


def _question(question: QuestionResult) -> dict[str, Any]:
    return {
        "key": question.key,
        "section": question.section_key,
        "text": _text(question.text),
        "type": question.type.value,
        "n_participants": question.n_participants,
        **agreement_json(question.agreement),
        "kappa_standard_error": question.standard_error,
        "compared_with_facit": question.compared,
        "like_facit": question.like_facit,
        "percent_like_facit": question.percent_like_facit,
        "distribution": [_count(a) for a in question.distribution],
        "cases": [
            {
                "case_code": case.case_code,
                "facit": {"value": _value(case.facit), "text": _text(case.facit_text)} if case.has_facit else None,
                "answers": [{"value": _value(a.value), "count": a.count} for a in case.answers],
            }
            for case in question.cases
        ],
    }


def _participant(participant: ParticipantResult, names: bool) -> dict[str, Any]:
    return {
        "label": participant.label,
        **({"name": participant.name} if names else {}),
        "n_cases": participant.n_cases,
        "incomplete_reviews": participant.incomplete,
        "compared": participant.compared,
        "like_facit": participant.correct,
        "percent_like_facit": participant.percent_correct,
        "kappa_against_facit": agreement_json(participant.kappa),
    }


def to_json(result: TrainingAgreement, names: bool = False) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "pack": {"slug": result.pack_slug, "version": result.pack_version, "title": _text(result.pack_title)},
        "checklist": {"slug": result.checklist_slug, "version": result.checklist_version},
        "method": {
            **method_json(),
            "participant_order": "file_sha256",
            "no_answer": "category",
            "order": "most_disputed_first",
        },
        "names_shown": names,
        "n_cases": result.n_cases,
        "n_participants": len(result.participants),
        "overall": {"pairs": result.pairs, "agreeing_pairs": result.agreeing_pairs, "percent": result.percent},
        "questions": [_question(q) for q in result.questions],
        "participants": [_participant(p, names) for p in result.participants],
    }
