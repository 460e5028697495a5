"""The anonymised result's types: what an export, and the anonymised PDF report, may publish, and what was hidden."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from reviewer.checklists.schema import QuestionType
from reviewer.domain.disclosure import Reason, Rules
from reviewer.domain.releases import Release
from reviewer.domain.sex import Subject
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.aggregation import Comparison, Finding
from reviewer.services.aggregation.model import Unit, default_subject_label

# "other" is annat, "unknown" okänt: each counted and shown, never compared.
Column = Literal["female", "male", "other", "unknown", "total"]
COLUMNS: tuple[Column, ...] = ("female", "male", "other", "unknown", "total")
Progress = Callable[[int, int], None]

TOTAL_LABEL = Message("Totalt", "Total")
NOT_APPLICABLE_LABEL = Message("Ej aktuellt", "Not applicable")
CASES_LABEL = Message("Antal ärenden", "Number of cases")
FIGURES_LABEL = Message("Alla mått", "All figures")
SUM_LABEL = Message("Summa och medelvärde", "Sum and mean")
COMPARISON_LABEL = Message("Jämförelse", "Comparison")


class ExportError(ReviewerError):
    pass


@dataclass(frozen=True)
class ExportRequest:
    round_uuids: tuple[str, ...]
    rules: Rules = field(default_factory=Rules)
    unit: str | None = None


@dataclass(frozen=True)
class Cell:
    """One count and its percentage. `reason` says why the count is hidden (None when shown), or – with the count
    shown and the percentage None – why the percentage is hidden (its base is). A percentage of None without a
    reason means there is none to give (a base of 0, or the "ej aktuellt" row)."""

    count: int | None
    percent: float | None
    reason: Reason | None


@dataclass(frozen=True)
class Row:
    """One row of a question's table: an answer option ("ej_aktuellt" for not applicable), or the totals row
    (`value` ""), the number who answered, by column."""

    value: str
    label: Message
    cells: dict[Column, Cell]


@dataclass(frozen=True)
class NumberCell:
    """One column's figures for a number question, in the question's unit. `reason`: every figure is hidden (fewer
    than k values, or to protect another column). `total_reason`: the sum (money only) and the mean are hidden
    (the dominance rule, or to protect another column's sum), the rest shown. Median and quartiles are given for
    the sex groups, not for the Totalt column."""

    n: int | None
    mean: float | None
    median: float | None
    q1: float | None
    q3: float | None
    total: float | None
    reason: Reason | None
    total_reason: Reason | None


@dataclass(frozen=True)
class AnonymisedQuestion:
    """A categorical question has `rows` (options, then "ej aktuellt" for a yes/no/not applicable question) and
    `totals`; a numeric one has `numbers`. `comparison` is the aggregation's comparison of women and men, or None –
    with `comparison_reason` set when it exists but would reveal hidden figures."""

    key: str
    type: QuestionType
    text: Message
    kind: Literal["categorical", "numeric"]
    unit: Unit
    compare_by_sex: bool
    rows: list[Row]
    totals: Row | None
    numbers: dict[Column, NumberCell]
    comparison: Comparison | None
    comparison_reason: Reason | None


@dataclass(frozen=True)
class AnonymisedSection:
    key: str
    index: int
    title: Message
    questions: list[AnonymisedQuestion]


@dataclass(frozen=True)
class RoundLabel:
    name: str
    period_label: str


@dataclass(frozen=True)
class Method:
    """How the figures were made: the checklist, the rounds (name and period only), the cases by column (hidden like
    any count), how many reviewers (never who), the rules, how many figures were hidden, and the day of export."""

    checklist_slug: str
    checklist_version: int
    checklist_title: Message
    subject: Subject
    rounds: list[RoundLabel]
    unit: str | None
    cases: dict[Column, Cell]
    n_reviewers: int
    rules: Rules
    thresholds: Thresholds
    n_hidden: int
    exported_on: date
    # How many comparisons the adjustment was made over (counts of questions, not of cases: nothing to hide).
    n_tested: int = 0
    n_tested_primary: int = 0
    # Whose sex the columns are (the checklist's subject_label): every export's heading says it.
    subject_label: Message = field(default_factory=default_subject_label)
    # The columns of annat and okänt with 1..k-1 cases: each hidden and reported as "fewer than k", and the total
    # column counts the groups shown only (labelled so), which reveals nothing their columns do not.
    left_out: tuple[Column, ...] = ()
    # How many earlier releases of overlapping selections this one was checked against, and how many of its
    # figures are hidden because, with those, they would have let a hidden figure be worked out.
    n_earlier_releases: int = 0
    n_hidden_for_earlier: int = 0

    @property
    def women_and_men(self) -> bool:
        """Both annat and okänt are left out: the total column is women and men's."""
        return self.left_out == ("other", "unknown")


@dataclass(frozen=True)
class HiddenCell:
    """One hidden figure, for the list of what was hidden and why. `section` is "" and `question_key` None for the
    method's case counts; `column` is None for a comparison."""

    section: str
    question_key: str | None
    row: Message
    column: Column | None
    reason: Reason


@dataclass(frozen=True)
class AnonymisedResult:
    method: Method
    sections: list[AnonymisedSection]
    findings: list[Finding]
    hidden: list[HiddenCell]
    # what the release register keeps of it (services.anonymisation.register)
    release: Release | None = None

    def question(self, key: str) -> AnonymisedQuestion | None:
        return next((q for s in self.sections for q in s.questions if q.key == key), None)
