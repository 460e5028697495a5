"""A participant's answers to a training case against the pack's facit, question by question.

Pure rules (no database, no Qt), so the session page, the CLI and the tests score alike. They live beside the pack
format rather than in `reviewer.domain` because they need the checklist's question types and visibility rules, and
the domain is the layer below the checklists.

The rules (docs/training-packs.md, "Scoring"):
- single choice, yes/no, dates: the same value; multiple choice: the same set of options;
- scale: the same step; one step off is *near*, which is told apart but still not right;
- numbers: integers and days exactly; decimals and kronor within `RELATIVE_TOLERANCE` of the facit (at least
  `ABSOLUTE_TOLERANCE`), since an amount worked out from a case text may be rounded;
- text questions are not scored (their rationale is still shown);
- a facit of no answer (null) is right when the question is left empty;
- a question hidden under both the facit's answers and the participant's is skipped; one the participant's
  answers hid but the facit shows counts as unanswered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, LocalizedText, Question, QuestionType
from reviewer.training.schema import TrainingCase

RELATIVE_TOLERANCE = 0.005
ABSOLUTE_TOLERANCE = 0.01
EXACT_NUMBER_TYPES = frozenset({QuestionType.INTEGER, QuestionType.DAYS})
ROUNDED_NUMBER_TYPES = frozenset({QuestionType.DECIMAL, QuestionType.MONEY})


class Outcome(StrEnum):
    RIGHT = "right"
    NEAR = "near"  # a scale one step off: not right, but worth saying
    WRONG = "wrong"
    NOT_SCORED = "not_scored"  # a text question
    SKIPPED = "skipped"  # hidden by the checklist's rules


SCORED = frozenset({Outcome.RIGHT, Outcome.NEAR, Outcome.WRONG})


@dataclass(frozen=True)
class Tally:
    """How many scored questions were answered like the facit."""

    right: int = 0
    scored: int = 0

    @property
    def share(self) -> float | None:
        return self.right / self.scored if self.scored else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.right + other.right, self.scored + other.scored)


@dataclass(frozen=True)
class QuestionScore:
    key: str
    section: str
    outcome: Outcome
    answer: AnswerValue
    facit: AnswerValue
    rationale: LocalizedText | None

    @property
    def tally(self) -> Tally:
        return Tally(int(self.outcome is Outcome.RIGHT), int(self.outcome in SCORED))


@dataclass(frozen=True)
class CaseScore:
    code: str
    questions: tuple[QuestionScore, ...]

    @property
    def total(self) -> Tally:
        return sum((q.tally for q in self.questions), Tally())

    def sections(self) -> dict[str, Tally]:
        return section_tallies([self])


def _empty(value: AnswerValue) -> bool:
    return value is None or value == "" or value == []


def _number(value: AnswerValue) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(str(value).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        return None


def compare(question: Question, answer: AnswerValue, facit: AnswerValue) -> Outcome:
    """One shown question's answer against its facit."""
    if question.type is QuestionType.TEXT:
        return Outcome.NOT_SCORED
    if _empty(facit) or _empty(answer):
        return Outcome.RIGHT if _empty(facit) and _empty(answer) else Outcome.WRONG
    if question.type is QuestionType.MULTIPLE_CHOICE:
        same = isinstance(answer, list) and isinstance(facit, list) and set(answer) == set(facit)
        return Outcome.RIGHT if same else Outcome.WRONG
    if question.type is QuestionType.SCALE or question.type in EXACT_NUMBER_TYPES | ROUNDED_NUMBER_TYPES:
        mine, reference = _number(answer), _number(facit)
        if mine is None or reference is None:
            return Outcome.WRONG
        if question.type in ROUNDED_NUMBER_TYPES:
            tolerance = max(ABSOLUTE_TOLERANCE, abs(reference) * RELATIVE_TOLERANCE)
            return Outcome.RIGHT if abs(mine - reference) <= tolerance else Outcome.WRONG
        if mine == reference:
            return Outcome.RIGHT
        near = question.type is QuestionType.SCALE and abs(mine - reference) == 1
        return Outcome.NEAR if near else Outcome.WRONG
    return Outcome.RIGHT if answer == facit else Outcome.WRONG


def score_case(definition: ChecklistDefinition, case: TrainingCase, answers: Mapping[str, AnswerValue]) -> CaseScore:
    """Every question of the checklist, in its order, scored against the case's facit."""
    facit_answers = {key: entry.answer for key, entry in case.facit.items()}
    scores = []
    for section in definition.sections:
        for question in section.questions:
            entry = case.facit.get(question.key)
            answer = answers.get(question.key)
            facit = entry.answer if entry is not None else None
            shown = is_visible(question, facit_answers, definition) or is_visible(question, answers, definition)
            outcome = compare(question, answer, facit) if shown else Outcome.SKIPPED
            rationale = entry.rationale if entry is not None else None
            scores.append(QuestionScore(question.key, section.key, outcome, answer, facit, rationale))
    return CaseScore(case.code, tuple(scores))


def section_tallies(cases: Iterable[CaseScore]) -> dict[str, Tally]:
    """Per section key, in the checklist's order, summed over the cases."""
    tallies: dict[str, Tally] = {}
    for case in cases:
        for question in case.questions:
            tallies[question.section] = tallies.get(question.section, Tally()) + question.tally
    return tallies


def overall(cases: Iterable[CaseScore]) -> Tally:
    return sum((case.total for case in cases), Tally())
