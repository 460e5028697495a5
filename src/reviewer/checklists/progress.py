"""How far a review has come: the questions shown, how many of them are answered, which required ones are not.

One place for the count, so that the form's progress line and the refusal to complete a review agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition


@dataclass(frozen=True)
class Progress:
    shown: int
    answered: int
    required: int
    missing: tuple[str, ...]  # keys of the required questions shown and unanswered, in form order


def is_answered(value: AnswerValue) -> bool:
    return value not in (None, [], "")


def progress(definition: ChecklistDefinition, answers: Mapping[str, AnswerValue]) -> Progress:
    shown = [q for q in definition.questions() if is_visible(q, answers, definition)]
    required = [q for q in shown if q.required]
    return Progress(
        shown=len(shown),
        answered=sum(is_answered(answers.get(q.key)) for q in shown),
        required=len(required),
        missing=tuple(q.key for q in required if not is_answered(answers.get(q.key))),
    )
