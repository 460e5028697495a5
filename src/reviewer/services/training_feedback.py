"""A participant's training round scored against its pack's facit, released as the pack's feedback mode says.

The same result feeds the session page and `reviewer training score`, so both show the same figures. A case's
score is released once its review is complete (feedback after each case), or every case's once all are complete
(feedback at the end); an answer still being changed is never scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Message
from reviewer.services.cases import round_definition
from reviewer.services.training import TrainingError, pack_of_round
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, Round, RoundKind
from reviewer.training.schema import FeedbackMode, TrainingPack
from reviewer.training.score import CaseScore, Tally, overall, score_case, section_tallies


@dataclass(frozen=True)
class CaseResult:
    case_uuid: str
    code: str
    title: Message | None
    status: ReviewStatus
    score: CaseScore | None  # None until the pack's feedback mode releases it


@dataclass(frozen=True)
class RoundScore:
    round_uuid: str
    round_name: str
    reviewer: str
    pack: TrainingPack
    definition: ChecklistDefinition
    cases: tuple[CaseResult, ...]

    @property
    def feedback(self) -> FeedbackMode:
        return self.pack.feedback

    @property
    def complete_count(self) -> int:
        return sum(c.status is ReviewStatus.COMPLETE for c in self.cases)

    @property
    def all_complete(self) -> bool:
        return self.complete_count == len(self.cases)

    def released(self) -> list[CaseScore]:
        return [c.score for c in self.cases if c.score is not None]

    def total(self) -> Tally:
        return overall(self.released())

    def sections(self) -> dict[str, Tally]:
        return section_tallies(self.released())

    def case(self, case_uuid: str) -> CaseResult | None:
        return next((c for c in self.cases if c.case_uuid == case_uuid), None)


def training_round(session: Session, name: str) -> Round:
    """The training round of that name; a real round is never scored as training."""
    round_ = session.exec(select(Round).where(Round.name == name, Round.kind == RoundKind.TRAINING)).first()
    if round_ is None:
        raise TrainingError(
            Message(f"Det finns ingen utbildningsomgång som heter {name}", f"There is no training round named {name}")
        )
    return round_


def reviewers_of(session: Session, round_uuid: str) -> list[str]:
    """Who has opened a case of the round, in name order."""
    return list(
        session.exec(
            select(Review.reviewer)
            .join(Case, col(Case.id) == col(Review.case_id))
            .join(Round, col(Round.id) == col(Case.round_id))
            .where(Round.uuid == round_uuid)
            .distinct()
            .order_by(col(Review.reviewer))
        )
    )


def round_score(session: Session, round_uuid: str, reviewer: str) -> RoundScore:
    """The reviewer's answers to every case of the training round, scored where the feedback mode allows."""
    round_ = session.exec(select(Round).where(Round.uuid == round_uuid)).first()
    pack = pack_of_round(session, round_uuid)
    if round_ is None or round_.kind is not RoundKind.TRAINING or pack is None:
        raise TrainingError(
            Message(
                "Omgången är ingen utbildningsomgång gjord av ett paket, så den har inget facit",
                "The round is not a training round made from a pack, so it has no facit",
            )
        )
    definition = round_definition(session, round_)
    reviews = {
        review.case_id: review
        for review in session.exec(
            select(Review)
            .join(Case, col(Case.id) == col(Review.case_id))
            .where(Case.round_id == round_.id, Review.reviewer == reviewer)
        )
    }
    answers: dict[int, dict[str, AnswerValue]] = {}
    review_ids = [r.id for r in reviews.values()]
    for review_id, key, value_json in session.exec(
        select(Answer.review_id, Answer.question_key, Answer.value_json).where(col(Answer.review_id).in_(review_ids))
    ):
        answers.setdefault(review_id, {})[key] = json.loads(value_json)
    cases = session.exec(select(Case).where(Case.round_id == round_.id).order_by(col(Case.id))).all()
    by_case = [(case, reviews.get(case.id or 0)) for case in cases]
    statuses = [review.status if review else ReviewStatus.NOT_STARTED for _case, review in by_case]
    at_end = pack.feedback is FeedbackMode.AT_END
    all_complete = all(s is ReviewStatus.COMPLETE for s in statuses)
    results = []
    for (case, review), status in zip(by_case, statuses, strict=True):
        training_case = pack.case(case.case_code)
        released = status is ReviewStatus.COMPLETE and (all_complete or not at_end)
        score = None
        if released and training_case is not None and review is not None:
            score = score_case(definition, training_case, answers.get(review.id or 0, {}))
        title = training_case.title if training_case is not None else None
        results.append(
            CaseResult(
                case.uuid,
                case.case_code,
                Message(title.text("sv"), title.text("en")) if title is not None else None,
                status,
                score,
            )
        )
    return RoundScore(round_.uuid, round_.name, reviewer, pack, definition, tuple(results))
