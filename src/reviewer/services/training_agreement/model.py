"""The facilitator's figures, which the CLI's text and JSON, the summary PDF and the facilitator view all read."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from reviewer.checklists.schema import QuestionType
from reviewer.domain.agreement import RaterAgreement
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.agreement.model import pooled


class TrainingAgreementError(ReviewerError):
    pass


@dataclass(frozen=True)
class Participant:
    """One participant: the reviewer of one file's completed reviews. `label` is P1, P2, … (see `participants`);
    `name` is the reviewer name in the file, shown only when the facilitator asks for names. `answers`: case code →
    question key → the answer as it is compared (a set of options as a sorted tuple, a number as a float); `raw`: the
    answers as the file gives them, which the training score reads."""

    label: str
    name: str
    answers: dict[str, dict[str, Hashable]]
    raw: dict[str, dict[str, Any]]
    incomplete: int  # reviews not marked complete, left out


@dataclass(frozen=True)
class AnswerCount:
    """How many answers (participants × cases) were this value; `value` None is no answer."""

    value: Hashable
    text: Message
    count: int
    facit: int  # how many of the cases' facit answers are this value


@dataclass(frozen=True)
class CaseAnswers:
    """One case's facit for the question (None when the pack gives none) and the participants' answers to it."""

    case_code: str
    has_facit: bool
    facit: Hashable
    facit_text: Message
    answers: tuple[AnswerCount, ...]


@dataclass(frozen=True)
class QuestionResult:
    """One question over the pack's cases. `agreement`: the participants as raters of the cases (Fleiss' kappa with
    three or more); `standard_error`: the kappa's, also where the cases are too few for an interval (Fleiss, Nee
    and Landis's, under no agreement beyond chance); `like_facit` of `compared` answers right by the training score's
    rules (a question hidden for the participant and the facit alike is not compared)."""

    key: str
    section_key: str
    text: Message
    type: QuestionType
    n_participants: int
    agreement: RaterAgreement
    standard_error: float | None
    distribution: tuple[AnswerCount, ...]
    cases: tuple[CaseAnswers, ...]
    compared: int
    like_facit: int

    @property
    def percent_like_facit(self) -> float | None:
        return 100.0 * self.like_facit / self.compared if self.compared else None


@dataclass(frozen=True)
class ParticipantResult:
    """One participant against the facit: `correct` of `compared` answers right by the training score's rules (the
    participant's own score, `reviewer.training.score`), and Cohen's kappa with the facit as the second rater (the
    questions answered by categories or on the scale)."""

    label: str
    name: str
    n_cases: int
    incomplete: int
    compared: int
    correct: int
    kappa: RaterAgreement

    @property
    def percent_correct(self) -> float | None:
        return 100.0 * self.correct / self.compared if self.compared else None

    def shown_as(self, names: bool) -> str:
        return f"{self.label} ({self.name})" if names else self.label


@dataclass(frozen=True)
class TrainingAgreement:
    """A session: the pack, its checklist, the participants in label order, and the questions most disputed first
    (lowest share of agreeing pairs, then lowest kappa, then checklist order)."""

    pack_slug: str
    pack_version: int
    pack_title: Message
    checklist_slug: str
    checklist_version: int
    n_cases: int
    participants: list[ParticipantResult]
    questions: list[QuestionResult]

    @property
    def pairs(self) -> int:
        return pooled(q.agreement for q in self.questions)[0]

    @property
    def agreeing_pairs(self) -> int:
        return pooled(q.agreement for q in self.questions)[1]

    @property
    def percent(self) -> float | None:
        return pooled(q.agreement for q in self.questions)[2]
