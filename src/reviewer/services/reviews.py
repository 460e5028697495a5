"""One reviewer's review of one case: opening it, saving each answer as it is given, completing and reopening.

Every change is its own committed transaction (autosave): a killed process loses at most the edit in flight. The
revision counter is checked on every write, so two windows or two people on a shared database never overwrite each
other silently.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from reviewer.checklists.answers import AnswerValue, check_answer, content_sha256, encode
from reviewer.checklists.progress import progress
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.domain.personnummer import guard_text, unfinished_personnummer
from reviewer.domain.sex import Sex
from reviewer.domain.text import Message, ReviewerError
from reviewer.services import answer_counts, audit
from reviewer.services.cases import get_case, round_definition
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, Round, utcnow
from reviewer.storage.retry import retrying

REVIEWER_FIELD = Message("Granskare", "Reviewer")
NOTE_FIELD = Message("Anteckning", "Note")
MAX_TEXT = 10_000


class ReviewError(ReviewerError):
    pass


class StaleReviewError(ReviewError):
    """Someone else (another window, another person) saved this review since it was opened. `edit` is the
    (question key, value, note) that could not be saved, when an answer was being saved."""

    edit: tuple[str, AnswerValue, str | None] | None = None


class UnfinishedNumberError(ReviewError):
    """A text ends in what may be a personnummer still being typed; it is saved once it shows what it is."""


class IncompleteReviewError(ReviewError):
    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__(
            Message(
                f"{len(missing)} obligatoriska frågor saknar svar",
                f"{len(missing)} required questions have no answer",
            )
        )


@dataclass
class ReviewSnapshot:
    review_uuid: str
    case_uuid: str
    case_code: str
    sex: Sex
    age_band: str | None
    unit: str | None
    round_uuid: str
    round_name: str
    reviewer: str
    status: ReviewStatus
    revision: int
    definition: ChecklistDefinition
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def _stale() -> StaleReviewError:
    return StaleReviewError(
        Message(
            "Granskningen har ändrats någon annanstans sedan den öppnades, så ändringen sparades inte ännu. "
            "Jämför din version med den andra och välj vad som ska gälla.",
            "The review was changed elsewhere since it was opened, so the change was not saved yet. Compare your "
            "version with the other one and choose what stands.",
        )
    )


def open_review(session: Session, case_uuid: str, reviewer: str) -> ReviewSnapshot:
    """The reviewer's review of the case, created (not started) the first time it is opened."""
    reviewer = reviewer.strip()
    if not reviewer:
        raise ReviewError(
            Message(
                "Ange dina initialer eller din pseudonym i Inställningar innan du granskar",
                "Set your initials or pseudonym in Settings before reviewing",
            )
        )
    guard_text(reviewer, REVIEWER_FIELD)
    case = get_case(session, case_uuid)
    round_ = session.get(Round, case.round_id)
    assert round_ is not None
    review = session.exec(select(Review).where(Review.case_id == case.id, Review.reviewer == reviewer)).first()
    if review is None:
        assert case.id is not None
        review = Review(case_id=case.id, checklist_version_id=round_.checklist_version_id, reviewer=reviewer)
        session.add(review)
        session.commit()
        session.refresh(review)
    snapshot = ReviewSnapshot(
        review_uuid=review.uuid,
        case_uuid=case.uuid,
        case_code=case.case_code,
        sex=case.sex,
        age_band=case.age_band,
        unit=case.unit,
        round_uuid=round_.uuid,
        round_name=round_.name,
        reviewer=reviewer,
        status=review.status,
        revision=review.revision,
        definition=round_definition(session, round_),
    )
    for answer in session.exec(select(Answer).where(Answer.review_id == review.id)):
        value = json.loads(answer.value_json)
        if value is not None:
            snapshot.answers[answer.question_key] = value
        if answer.note:
            snapshot.notes[answer.question_key] = answer.note
    return snapshot


def review_for_update(session: Session, review_uuid: str) -> Review:
    review = session.exec(select(Review).where(Review.uuid == review_uuid)).first()
    if review is None:
        raise ReviewError(Message("Granskningen finns inte längre", "The review no longer exists"))
    return review


def claim_revision(session: Session, review: Review, expected_revision: int) -> int:
    """Take the next revision if nobody else has, before anything is read for the change: on PostgreSQL the row
    stays locked until commit, so a second writer of the same review waits here and then finds it stale (instead
    of meeting the first one's new answer as a duplicate key); on SQLite it is the transaction's first write."""
    result = session.execute(
        update(Review)
        .where(col(Review.id) == review.id, col(Review.revision) == expected_revision)
        .values(revision=expected_revision + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise _stale()
    return expected_revision + 1


def seal_review(session: Session, review: Review, **values: object) -> None:
    """The review's content hash after its answers changed; everything in `values` changes with it."""
    answers = session.exec(
        select(Answer.question_key, Answer.value_json, Answer.note).where(Answer.review_id == review.id)
    ).all()
    digest = content_sha256({key: (value_json, note) for key, value_json, note in answers})
    session.execute(
        update(Review)
        .where(col(Review.id) == review.id)
        .values(content_sha256=digest, **values)
        .execution_options(synchronize_session=False)
    )


def put_answer(
    session: Session, review: Review, question: Question, value: AnswerValue, note: str | None
) -> tuple[AnswerValue, str | None]:
    """Write one checked answer (None and no note removes it) and return what it was before."""
    existing = session.exec(
        select(Answer).where(Answer.review_id == review.id, Answer.question_key == question.key)
    ).first()
    before = (json.loads(existing.value_json), existing.note) if existing is not None else (None, None)
    if value is None and note is None:
        if existing is not None:
            session.delete(existing)
    else:
        encoded = encode(question, value)
        answer = existing or Answer(review_id=review.id or 0, question_key=question.key, value_json="null")
        answer.value_json, answer.value_code, answer.value_number = (
            encoded.value_json,
            encoded.value_code,
            encoded.value_number,
        )
        answer.note = note
        answer.updated_at = utcnow()
        session.add(answer)
    session.flush()
    return before


def _check_text(question: Question, value: AnswerValue, note: str | None) -> None:
    if question.type is QuestionType.TEXT and isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ReviewError(Message("Texten är för lång", "The text is too long"))
        field = Message(f"Svaret på '{question.text.sv}'", f"The answer to '{question.text.text('en')}'")
        guard_text(value, field)
        _refuse_unfinished(value, field)
    if note:
        if len(note) > MAX_TEXT:
            raise ReviewError(Message("Anteckningen är för lång", "The note is too long"))
        guard_text(note, NOTE_FIELD)
        _refuse_unfinished(note, NOTE_FIELD)


def _refuse_unfinished(text: str, field: Message) -> None:
    """Answers are saved at every keystroke: a text ending in the first digits of what may be a personnummer waits
    until the next character shows what it is."""
    if unfinished_personnummer(text):
        raise UnfinishedNumberError(
            Message(
                f"{field.sv} sparas när du skrivit vidare: texten slutar med siffror som kan vara början på ett "
                "personnummer, och personnummer får inte sparas.",
                f"{field.en} is saved once you type on: the text ends in digits that may be the start of a personal "
                "identity number, which must not be stored.",
            )
        )


def save_answer(
    session: Session, snapshot: ReviewSnapshot, question: Question, value: AnswerValue, note: str | None
) -> int:
    """Store one answer (None clears it) with its note in its own transaction, and bring the snapshot along.

    A `StaleReviewError` carries the checked edit (`edit`), so the form can offer it beside the other version."""
    value = check_answer(question, value)
    if isinstance(value, str) and question.type is QuestionType.TEXT and not value.strip():
        value = None
    note = (note or "").strip() or None
    _check_text(question, value, note)
    try:
        revision = retrying(session, lambda: _write_answer(session, snapshot, question, value, note))
    except StaleReviewError as error:
        error.edit = (question.key, value, note)
        raise
    snapshot.revision, snapshot.status = revision, ReviewStatus.IN_PROGRESS
    set_answer(snapshot, question.key, value, note)
    return revision


def set_answer(snapshot: ReviewSnapshot, key: str, value: AnswerValue, note: str | None) -> None:
    for store, item in ((snapshot.answers, value), (snapshot.notes, note)):
        if item is None:
            store.pop(key, None)
        else:
            store[key] = item  # type: ignore[assignment]


def _write_answer(
    session: Session, snapshot: ReviewSnapshot, question: Question, value: AnswerValue, note: str | None
) -> int:
    review = review_for_update(session, snapshot.review_uuid)
    revision = claim_revision(session, review, snapshot.revision)
    if review.status is ReviewStatus.COMPLETE:
        session.rollback()
        raise ReviewError(
            Message(
                "Granskningen är markerad som klar; öppna den igen för att ändra",
                "The review is marked complete; reopen it to make changes",
            )
        )
    with answer_counts.recounted(session, [review.id or 0]):
        before = put_answer(session, review, question, value, note)
        seal_review(session, review, status=ReviewStatus.IN_PROGRESS)
    free_text = question.type is QuestionType.TEXT
    audit.record_answer(
        session, snapshot.reviewer, review.uuid, snapshot.case_uuid, question.key, free_text, before, (value, note)
    )
    session.commit()
    return revision


def missing_required(definition: ChecklistDefinition, answers: dict[str, AnswerValue]) -> list[str]:
    """Required questions that are shown and unanswered, in form order."""
    return list(progress(definition, answers).missing)


def hidden_answers(
    definition: ChecklistDefinition, answers: dict[str, AnswerValue], given: Collection[str]
) -> list[str]:
    """Questions with an answer or a note (`given`) that the answers hide, in form order."""
    return [q.key for q in definition.questions() if q.key in given and not is_visible(q, answers, definition)]


def status_problem(
    definition: ChecklistDefinition,
    status: ReviewStatus,
    completed: bool,
    answers: dict[str, AnswerValue],
    given: Collection[str],
) -> Message | None:
    """Why a review with this status, completion time (whether it has one) and these answers (`given`: the keys with
    an answer or a note) could not have been made in the form, or None when it could: a review is not started until
    something is saved, complete only through `complete_review`, and reopening clears its completion time."""
    if status is ReviewStatus.NOT_STARTED and given:
        return Message("är markerad som ej påbörjad men har svar", "is marked not started but has answers")
    if completed != (status is ReviewStatus.COMPLETE):
        return Message(
            "tidpunkten då den blev klar stämmer inte med dess status",
            "the time it was completed does not agree with its status",
        )
    if status is not ReviewStatus.COMPLETE:
        return None
    missing = missing_required(definition, answers)
    if missing:
        return Message(
            f"är markerad som klar men saknar svar på obligatoriska frågor: {', '.join(missing)}",
            f"is marked complete but lacks answers to required questions: {', '.join(missing)}",
        )
    hidden = hidden_answers(definition, answers, given)
    if hidden:
        return Message(
            f"är markerad som klar men har svar på frågor som inte visas: {', '.join(hidden)}",
            f"is marked complete but has answers to questions that are not shown: {', '.join(hidden)}",
        )
    return None


def complete_review(session: Session, snapshot: ReviewSnapshot, actor: str) -> int:
    """Mark complete when every shown required question is answered; answers to hidden questions are dropped."""
    missing = missing_required(snapshot.definition, snapshot.answers)
    if missing:
        raise IncompleteReviewError(missing)
    hidden = hidden_answers(snapshot.definition, snapshot.answers, snapshot.answers.keys() | snapshot.notes.keys())

    def work() -> int:
        review = review_for_update(session, snapshot.review_uuid)
        revision = claim_revision(session, review, snapshot.revision)
        with answer_counts.recounted(session, [review.id or 0]):
            if hidden:
                session.execute(
                    delete(Answer).where(col(Answer.review_id) == review.id, col(Answer.question_key).in_(hidden))
                )
            seal_review(session, review, status=ReviewStatus.COMPLETE, completed_at=utcnow())
        audit.record(session, actor, "review", review.uuid, "complete", case=snapshot.case_uuid, dropped_hidden=hidden)
        session.commit()
        return revision

    revision = retrying(session, work)
    for key in hidden:
        snapshot.answers.pop(key, None)
        snapshot.notes.pop(key, None)
    snapshot.status, snapshot.revision = ReviewStatus.COMPLETE, revision
    return revision


def reopen_review(session: Session, snapshot: ReviewSnapshot, actor: str) -> int:
    def work() -> int:
        review = review_for_update(session, snapshot.review_uuid)
        revision = claim_revision(session, review, snapshot.revision)
        with answer_counts.recounted(session, [review.id or 0]):
            seal_review(session, review, status=ReviewStatus.IN_PROGRESS, completed_at=None)
        audit.record(session, actor, "review", review.uuid, "reopen", case=snapshot.case_uuid)
        session.commit()
        return revision

    revision = retrying(session, work)
    snapshot.status, snapshot.revision = ReviewStatus.IN_PROGRESS, revision
    return revision


def neighbour_case(session: Session, case_uuid: str, step: int) -> str | None:
    """The next (step=1) or previous (step=-1) case of the same round in case-code order."""
    case = get_case(session, case_uuid)
    order = col(Case.case_code)
    query = select(Case.uuid).where(Case.round_id == case.round_id)
    if step > 0:
        query = query.where(order > case.case_code).order_by(order)
    else:
        query = query.where(order < case.case_code).order_by(order.desc())
    return session.exec(query.limit(1)).first()
