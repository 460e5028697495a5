"""The ratings of double-reviewed cases, read from the database and measured question by question.

A case counts when two or more completed reviews of it are in the chosen rounds (a case reviewed on two machines is
one case after the exchange import, which matches it by UUID or by case code within the round). Every completed
review of such a case is a rating; the rater is the reviewer's name, and a reviewer with two completed reviews of
the same case (both kept in an import conflict) counts as two raters, each named by the review's UUID, so that no
review is dropped and none is preferred for its id. A question counts for a case where at least two of its reviews
answered it (a question hidden by `show_if` is no disagreement).

Measured are the questions of the newest checklist version among the rounds, except free text and dates: yes/no,
yes/no/not applicable ("ej aktuellt" a category of its own), single and multiple choice (the set of chosen options is
the category) as categories; the 1–5 scale in order; numbers (days, kronor, counts) by how far apart they are.
Answers are matched by question key, so a question renamed between versions is measured in the rounds that use the
newest key. The rounds are loaded as the aggregation loads them (one checklist, every round present). Training
rounds are refused: their agreement is the facilitator's view, never a real figure.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from reviewer.checklists.schema import NUMBER_TYPES, ChecklistDefinition, Question, QuestionType
from reviewer.domain.agreement import Level, Rating, measure_agreement
from reviewer.domain.text import Message
from reviewer.services.aggregation.versions import RoundRow, load_rounds
from reviewer.services.agreement.model import AgreementResult, QuestionAgreement, RoundLabel
from reviewer.services.checklists import definition_of, get_version
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, ReviewStatus

_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]
_NOT_MEASURED = frozenset({QuestionType.TEXT, QuestionType.DATE})


def level_of(question_type: QuestionType) -> Level:
    if question_type is QuestionType.SCALE:
        return Level.ORDINAL
    return Level.INTERVAL if question_type in NUMBER_TYPES else Level.NOMINAL


def _chosen(value_json: str) -> tuple[str, ...] | None:
    """A multiple choice's set of chosen options, or None for an empty choice or a row with only a note."""
    chosen: Any = json.loads(value_json) if value_json.startswith("[") else None
    return tuple(sorted(str(v) for v in chosen)) if chosen else None


def _rounds(session: Session, round_uuids: Sequence[str]) -> tuple[list[RoundRow], ChecklistVersion]:
    """The rounds as the aggregation loads them (same checklist, all present), training rounds refused there, and the
    newest checklist version among them."""
    rows = load_rounds(session, round_uuids)
    newest = max(r.info.checklist_version for r in rows)
    return rows, get_version(session, rows[0].info.checklist_slug, newest)


def _measured(definition: ChecklistDefinition) -> list[tuple[str, Question]]:
    return [
        (section.key, question)
        for section in definition.sections
        for question in section.questions
        if question.type not in _NOT_MEASURED
    ]


def inter_rater_agreement(session: Session, round_uuids: Sequence[str], unit: str | None = None) -> AgreementResult:
    """The agreement of every reviewer of each double-reviewed case of the rounds (optionally one unit's)."""
    rounds, checklist = _rounds(session, round_uuids)
    definition = definition_of(checklist)
    measured = _measured(definition)
    levels = {question.key: level_of(question.type) for _, question in measured}
    conditions = [
        _CASE.c.round_id.in_([r.id for r in rounds]),
        _REVIEW.c.status == ReviewStatus.COMPLETE,
    ]
    if unit is not None:
        conditions.append(_CASE.c.unit == unit)
    reviews = _REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
    doubles = (
        sa.select(_REVIEW.c.case_id)
        .select_from(reviews)
        .where(*conditions)
        .group_by(_REVIEW.c.case_id)
        .having(sa.func.count() > 1)
    )
    raters = list(
        session.execute(
            sa.select(_REVIEW.c.id, _REVIEW.c.case_id, _REVIEW.c.reviewer)
            .select_from(reviews)
            .where(*conditions, _REVIEW.c.case_id.in_(doubles))
        )
    )
    rater_of: dict[int, tuple[int, str]] = {review_id: (case_id, reviewer) for review_id, case_id, reviewer in raters}
    ratings: dict[str, list[Rating]] = defaultdict(list)
    chosen: dict[str, tuple[str, ...] | None] = {}
    if rater_of:
        answers = (
            sa.select(
                _ANSWER.c.review_id,
                _ANSWER.c.question_key,
                _ANSWER.c.value_code,
                _ANSWER.c.value_number,
                _ANSWER.c.value_json,
            )
            .select_from(_ANSWER.join(reviews, _REVIEW.c.id == _ANSWER.c.review_id))
            .where(*conditions, _REVIEW.c.case_id.in_(doubles), _ANSWER.c.question_key.in_(list(levels)))
        )
        for review_id, key, code, number, value_json in session.execute(answers).all():
            # the option code, the number, or the set of chosen options
            if levels[key] is not Level.NOMINAL:
                value: Hashable | None = number
            elif code is not None:
                value = code
            else:  # the same few sets come back thousands of times: decode each once
                value = (
                    chosen[value_json] if value_json in chosen else chosen.setdefault(value_json, _chosen(value_json))
                )
            if value is not None:
                case_id, rater = rater_of[review_id]
                ratings[key].append((case_id, rater, value))
    questions = []
    for section_key, question in measured:
        agreement = measure_agreement(ratings.get(question.key, ()), levels[question.key])
        if agreement.n_cases:
            text = Message(question.text.sv, question.text.en or question.text.sv)
            questions.append(QuestionAgreement(question.key, section_key, text, question.type, agreement))
    return AgreementResult(
        rounds=[RoundLabel(r.info.uuid, r.info.name, r.info.period_label) for r in rounds],
        unit=unit,
        checklist_slug=checklist.slug,
        checklist_version=checklist.version,
        n_cases=len({case_id for _, case_id, _ in raters}),
        n_reviewers=len({reviewer for _, _, reviewer in raters}),
        n_reviews=len(raters),
        questions=questions,
    )
