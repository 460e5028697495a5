"""The result types of the inter-rater agreement, which the CLI, the dashboard and the PDF report all read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewer.checklists.schema import QuestionType
from reviewer.domain.agreement import RaterAgreement
from reviewer.domain.text import Message, ReviewerError


class AgreementError(ReviewerError):
    pass


def pooled(agreements: Iterable[RaterAgreement]) -> tuple[int, int, float | None]:
    """Pairs of answers to the same case and question over several questions, of which alike, and their share."""
    pairs = alike = 0
    for agreement in agreements:
        pairs += agreement.pairs
        alike += agreement.agreeing_pairs
    return pairs, alike, 100.0 * alike / pairs if pairs else None


@dataclass(frozen=True)
class RoundLabel:
    uuid: str
    name: str
    period_label: str


@dataclass(frozen=True)
class QuestionAgreement:
    key: str
    section_key: str
    text: Message
    type: QuestionType
    agreement: RaterAgreement


@dataclass(frozen=True)
class AgreementResult:
    """`n_cases`: cases with two or more completed reviews, by `n_reviewers` reviewers in `n_reviews` reviews.
    `questions`: the measured questions two reviewers answered in at least one case, in checklist order."""

    rounds: list[RoundLabel]
    unit: str | None
    checklist_slug: str
    checklist_version: int
    n_cases: int
    n_reviewers: int
    n_reviews: int
    questions: list[QuestionAgreement]

    @property
    def pairs(self) -> int:
        return pooled(q.agreement for q in self.questions)[0]

    @property
    def agreeing_pairs(self) -> int:
        return pooled(q.agreement for q in self.questions)[1]

    @property
    def percent(self) -> float | None:
        """The share of all pairs of answers to the same case and question that are alike."""
        return pooled(q.agreement for q in self.questions)[2]

    @property
    def mean_kappa(self) -> float | None:
        """The unweighted mean of the estimable kappas: one overall figure in which every question weighs the same."""
        values = [
            q.agreement.kappa.value
            for q in self.questions
            if q.agreement.kappa is not None and q.agreement.kappa.value is not None
        ]
        return sum(values) / len(values) if values else None
