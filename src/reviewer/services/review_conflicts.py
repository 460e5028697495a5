"""When a review changed elsewhere (another window, another machine on a shared database) while it was open here.

Nothing the user typed is dropped: `find_conflict` sets the user's version (what the form holds, with the edit that
could not be saved) beside the stored one, answer by answer, and `resolve_conflict` stores what the user chose for
each differing answer – keep mine or take theirs – as a new revision, audited like any other answer change, plus one
event that says which were kept and which were taken.
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from sqlmodel import Session

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.schema import Question, QuestionType
from reviewer.domain.text import Message
from reviewer.services import answer_counts, audit
from reviewer.services.reviews import (
    ReviewError,
    ReviewSnapshot,
    claim_revision,
    open_review,
    put_answer,
    review_for_update,
    seal_review,
    set_answer,
)
from reviewer.storage.models import ReviewStatus
from reviewer.storage.retry import retrying


class Side(enum.Enum):
    MINE = "mine"
    THEIRS = "theirs"


Version = tuple[AnswerValue, str | None]  # (value, note); (None, None) is no answer


@dataclass(frozen=True)
class AnswerDifference:
    question: Question
    mine: Version
    theirs: Version
    unsaved: bool  # mine is an edit that was never stored

    @property
    def key(self) -> str:
        return self.question.key


@dataclass
class ReviewConflict:
    mine: ReviewSnapshot  # the user's version: what the form shows, unsaved edits included
    current: ReviewSnapshot  # what the database holds now
    differences: list[AnswerDifference]
    unsaved: frozenset[str] = field(default_factory=frozenset)


def with_edit(snapshot: ReviewSnapshot, key: str, value: AnswerValue, note: str | None) -> ReviewSnapshot:
    """A copy of the snapshot with one edit applied: the user's version when that edit could not be saved."""
    mine = copy.deepcopy(snapshot)
    set_answer(mine, key, value, note)
    return mine


def _version(snapshot: ReviewSnapshot, key: str) -> Version:
    return snapshot.answers.get(key), snapshot.notes.get(key)


def find_conflict(session: Session, mine: ReviewSnapshot, unsaved: Collection[str] = ()) -> ReviewConflict:
    """The user's version against the stored one: every question whose answer or note differs, in form order."""
    current = open_review(session, mine.case_uuid, mine.reviewer)
    differences = [
        AnswerDifference(q, _version(mine, q.key), _version(current, q.key), q.key in unsaved)
        for q in mine.definition.questions()
        if _version(mine, q.key) != _version(current, q.key)
    ]
    return ReviewConflict(mine, current, differences, frozenset(unsaved))


def resolve_conflict(
    session: Session, conflict: ReviewConflict, choices: Mapping[str, Side], actor: str
) -> ReviewConflict:
    """Store the choices in one transaction with a fresh revision, and return what is left to choose (its
    `current` is the review as stored now). Keeping one's own answer on a review marked complete elsewhere reopens
    it, which is audited as a reopening. Raises `StaleReviewError` when the review changed yet again: then
    `find_conflict(session, conflict.mine, conflict.unsaved)` is the new comparison."""
    by_key = {d.key: d for d in conflict.differences}
    unknown = sorted(set(choices) - set(by_key))
    if unknown:
        raise ReviewError(
            Message(
                f"Inga skillnader att välja för {', '.join(unknown)}",
                f"No differences to choose for {', '.join(unknown)}",
            )
        )
    kept = [key for key in by_key if choices.get(key) is Side.MINE]
    taken = [key for key in by_key if choices.get(key) is Side.THEIRS]
    reopen = bool(kept) and conflict.current.status is ReviewStatus.COMPLETE

    def work() -> int:
        review = review_for_update(session, conflict.current.review_uuid)
        revision = claim_revision(session, review, conflict.current.revision)
        befores: dict[str, Version] = {}
        with answer_counts.recounted(session, [review.id or 0]):
            for key in kept:
                value, note = by_key[key].mine
                befores[key] = put_answer(session, review, by_key[key].question, value, note)
            status = ReviewStatus.IN_PROGRESS if reopen else conflict.current.status
            extra = {"completed_at": None} if reopen else {}
            seal_review(session, review, status=status, **extra)
        if reopen:
            audit.record(session, actor, "review", review.uuid, "reopen", case=conflict.current.case_uuid)
        for key in kept:
            free_text = by_key[key].question.type is QuestionType.TEXT
            after = by_key[key].mine
            audit.record_answer(
                session, actor, review.uuid, conflict.current.case_uuid, key, free_text, befores[key], after
            )
        audit.record(
            session,
            actor,
            "review",
            review.uuid,
            "resolve_conflict",
            case=conflict.current.case_uuid,
            kept_mine=kept,
            took_theirs=taken,
        )
        session.commit()
        return revision

    revision = retrying(session, work)
    current = copy.deepcopy(conflict.current)
    for key in kept:
        set_answer(current, key, *by_key[key].mine)
    current.revision = revision
    if reopen:
        current.status = ReviewStatus.IN_PROGRESS
    left = [d for d in conflict.differences if d.key not in choices]
    return ReviewConflict(conflict.mine, current, left, conflict.unsaved - set(choices))
