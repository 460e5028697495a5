"""Inter-rater agreement of the chosen rounds: for every case file read by two reviewers, did they answer the
compared questions alike?

The aggregation counts such a case once (docs/aggregate-format.md); this is the other half the issue asks for, the
measure of how far the figures can be trusted. Only completed reviews count, as in the aggregation. A case with
more than two completed reviews contributes its first two (lowest review ids), so every pair is one case. A question
counts for a pair only when both reviewers answered it (a question hidden by `show_if` for one of them is no
disagreement about the answer). The questions are the compared categorical questions of the newest checklist version
among the rounds (yes/no, yes/no/not applicable – "ej aktuellt" is a category of its own here –, single choice,
scale, and multiple choice, where the whole set of chosen options is the category); numbers are not measured with
kappa. Answers are matched by question key, so a question renamed between checklist versions is measured only in
the rounds that use the newest key.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from reviewer.checklists.schema import NUMBER_TYPES, ChecklistDefinition, QuestionType
from reviewer.domain.agreement import Agreement, cohens_kappa, mean_kappa
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.checklists import definition_of
from reviewer.services.rounds import require_real_rounds
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, ReviewStatus, Round

_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]
_NOT_MEASURED = frozenset({QuestionType.TEXT, QuestionType.DATE, *NUMBER_TYPES})


class AgreementError(ReviewerError):
    pass


@dataclass(frozen=True)
class QuestionAgreement:
    key: str
    section_key: str
    text: Message
    agreement: Agreement


@dataclass(frozen=True)
class AgreementResult:
    """`n_cases`: cases with two completed reviews. `questions`: the compared questions both reviewers answered in
    at least one case, in checklist order. Overall: the share of all (case, question) pairs answered alike, and the
    mean kappa over the questions where it is defined (None when there is none)."""

    n_cases: int
    questions: list[QuestionAgreement]
    pairs: int
    agreeing_pairs: int
    mean_kappa: float | None

    @property
    def percent(self) -> float | None:
        return 100.0 * self.agreeing_pairs / self.pairs if self.pairs else None


def _category(code: str | None, number: float | None, value_json: str) -> Hashable | None:
    """The answer as a category: the option code, the scale value, or the set of chosen options; None when the
    row holds only a note or an empty choice. Only a multiple choice needs its JSON decoded."""
    if code is not None:
        return code
    if number is not None:
        return number
    chosen: Any = json.loads(value_json) if value_json.startswith("[") else None
    return tuple(sorted(str(v) for v in chosen)) if chosen else None


def _newest_definition(session: Session, round_uuids: Sequence[str]) -> tuple[list[int], ChecklistDefinition]:
    require_real_rounds(session, round_uuids)
    rows = session.exec(
        select(Round, ChecklistVersion)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .where(col(Round.uuid).in_(list(round_uuids)))
    ).all()
    if not rows or len(rows) != len(set(round_uuids)):
        raise AgreementError(Message("En vald omgång finns inte längre", "A chosen round no longer exists"))
    newest = max((checklist for _, checklist in rows), key=lambda c: c.version)
    return [r.id for r, _ in rows if r.id is not None], definition_of(newest)


def inter_rater_agreement(session: Session, round_uuids: Sequence[str], unit: str | None = None) -> AgreementResult:
    """Agreement between the two reviewers of each double-reviewed case of the rounds (optionally one unit's)."""
    round_ids, definition = _newest_definition(session, round_uuids)
    measured = [
        (section.key, question)
        for section in definition.sections
        for question in section.questions
        if question.compare_by_sex and question.type not in _NOT_MEASURED
    ]
    complete = [_CASE.c.round_id.in_(round_ids), _REVIEW.c.status == ReviewStatus.COMPLETE]
    if unit is not None:
        complete.append(_CASE.c.unit == unit)
    reviews = _REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
    doubles = (
        sa.select(_REVIEW.c.case_id)
        .select_from(reviews)
        .where(*complete)
        .group_by(_REVIEW.c.case_id)
        .having(sa.func.count() > 1)
    )
    pairs_of_reviews: dict[int, list[int]] = defaultdict(list)
    for case_id, review_id in session.execute(
        sa.select(_REVIEW.c.case_id, _REVIEW.c.id)
        .select_from(reviews)
        .where(*complete, _REVIEW.c.case_id.in_(doubles))
        .order_by(_REVIEW.c.case_id, _REVIEW.c.id)
    ):
        if len(pairs_of_reviews[case_id]) < 2:
            pairs_of_reviews[case_id].append(review_id)
    first = {reviews_[0]: case_id for case_id, reviews_ in pairs_of_reviews.items()}
    second = {reviews_[1]: case_id for case_id, reviews_ in pairs_of_reviews.items()}
    answers: dict[tuple[int, str], list[Hashable | None]] = defaultdict(lambda: [None, None])
    keys = [question.key for _, question in measured]
    review_ids = [*first, *second]
    for start in range(0, len(review_ids), 500):
        batch = review_ids[start : start + 500]
        columns = (_ANSWER.c.value_code, _ANSWER.c.value_number, _ANSWER.c.value_json)
        for review_id, key, *value in session.execute(
            sa.select(_ANSWER.c.review_id, _ANSWER.c.question_key, *columns).where(
                _ANSWER.c.review_id.in_(batch), _ANSWER.c.question_key.in_(keys)
            )
        ):
            side, case_id = (0, first[review_id]) if review_id in first else (1, second[review_id])
            answers[(case_id, key)][side] = _category(*value)
    by_key: dict[str, list[tuple[Hashable, Hashable]]] = defaultdict(list)
    for (_, key), (a, b) in answers.items():
        if a is not None and b is not None:
            by_key[key].append((a, b))
    questions = [
        QuestionAgreement(
            question.key,
            section_key,
            Message(question.text.sv, question.text.en or question.text.sv),
            cohens_kappa(by_key[question.key]),
        )
        for section_key, question in measured
        if by_key[question.key]
    ]
    return AgreementResult(
        n_cases=len(pairs_of_reviews),
        questions=questions,
        pairs=sum(q.agreement.n for q in questions),
        agreeing_pairs=sum(q.agreement.agreeing for q in questions),
        mean_kappa=mean_kappa(q.agreement for q in questions),
    )
