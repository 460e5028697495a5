"""The aggregation's request and result types: plain frozen data, JSON-able through `json_form`, read by the
dashboard, the text report, the PDF and the anonymised exports alike – so they all show the same figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from reviewer.checklists.schema import DEFAULT_SUBJECT_LABEL, LocalizedText, QuestionType
from reviewer.domain.sex import GROUPS as GROUPS
from reviewer.domain.sex import SexGroup, Subject
from reviewer.domain.statistics import ComparisonState, NumberSummary, TestResult, Thresholds
from reviewer.domain.text import Language, Message, ReviewerError

Kind = Literal["categorical", "numeric", "not_aggregated"]
Breakdown = Literal["age_band", "unit"]
Progress = Callable[[int, int], None]
ChangeStatus = Literal["compared", "new", "retired", "type_changed", "not_aggregated"]
Unit = Literal["days", "money", "none"]
# How a before/after change reads: "narrowed"/"widened" only when the change of the gap is significant after the
# adjustment, "reversed" when it is and the other sex is now ahead; "unchanged" when the gap is exactly the same;
# "no_clear_change" otherwise; "not_tested" when a round has too few answers to compare.
ChangeVerdict = Literal["narrowed", "widened", "reversed", "unchanged", "no_clear_change", "not_tested"]
# Where the compared option of a categorical question comes from: "ja" of a yes/no question, the checklist's
# `compare_option`, or the option most different between women and men – in the round itself, or for before/after
# in both rounds pooled (so the after round alone never picks it).
OptionSource = Literal["yes", "checklist", "most_different", "pooled"]

NOT_APPLICABLE = "ej_aktuellt"
YES_NO = frozenset({QuestionType.YES_NO, QuestionType.YES_NO_NA})
CATEGORICAL = frozenset(
    {
        QuestionType.YES_NO,
        QuestionType.YES_NO_NA,
        QuestionType.SINGLE_CHOICE,
        QuestionType.MULTIPLE_CHOICE,
        QuestionType.SCALE,
    }
)
YES_NO_LABELS = {
    "ja": Message("Ja", "Yes"),
    "nej": Message("Nej", "No"),
    NOT_APPLICABLE: Message("Ej aktuellt", "Not applicable"),
}
UNKNOWN_STRATUM = Message("Uppgift saknas", "Not recorded")
# No percentage on a base below this (SCB's practice): a single case moves it by 20 points or more. The count is shown.
MIN_PERCENT_BASE = 5


class AggregationError(ReviewerError):
    pass


# ---------------------------------------------------------------------------------------------------------------
# Result types: plain frozen data, JSON-able through reviewer.services.aggregation.json_form


@dataclass(frozen=True)
class AggregateRequest:
    round_uuids: tuple[str, ...]
    unit: str | None = None
    reviewer: str | None = None
    breakdown: Breakdown | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    include_in_progress: bool = False


@dataclass(frozen=True)
class RoundInfo:
    uuid: str
    name: str
    period_label: str
    checklist_slug: str
    checklist_version: int


@dataclass(frozen=True)
class OptionCount:
    """One answer option in one group. `percent` and the 95 % Wilson interval are in percent (0–100) of the
    group's `base`; None when the base is 0."""

    value: str
    label: Message
    count: int
    percent: float | None
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True)
class GroupResult:
    """One sex group's answers to one question.

    `n` is the number of cases that answered. `base` is the denominator of the percentages: `n`, except for yes/no/
    not applicable questions, where "ej aktuellt" answers (`not_applicable`) are left out of it. For multiple choice
    the percentages are of respondents, so they can add up to more than 100.
    """

    n: int
    base: int
    not_applicable: int
    options: list[OptionCount]
    numbers: NumberSummary | None


@dataclass(frozen=True)
class Comparison:
    """Female against male for one question (annat and okänt are never compared).

    Categorical: the `option` compared (see `option_source`), its count, base and percentage per group,
    `difference_pp` = female − male with its 95 % Newcombe interval (`difference_low`, `difference_high`). Numeric:
    medians with `median_ratio` = female / male, means with `mean_ratio`, totals, each ratio with a 95 % bootstrap
    interval; `female_n`/`male_n` the number of values.

    `test` is the raw test (None unless state is OK); `p_adjusted` its p-value adjusted across the family it was
    tested in (Benjamini–Hochberg over the selection's questions, or over a breakdown's rows), or the raw p-value
    of a `primary` question. `significant` = `p_adjusted` below q (alpha for a primary question).
    """

    state: ComparisonState
    material: bool
    significant: bool
    flagged: bool
    test: TestResult | None
    female_n: int
    male_n: int
    p_adjusted: float | None = None
    primary: bool = False
    option: str | None = None
    option_label: Message | None = None
    option_source: OptionSource | None = None
    female_count: int | None = None
    male_count: int | None = None
    female_percent: float | None = None
    male_percent: float | None = None
    difference_pp: float | None = None
    difference_low: float | None = None
    difference_high: float | None = None
    female_median: float | None = None
    male_median: float | None = None
    median_ratio: float | None = None
    median_ratio_low: float | None = None
    median_ratio_high: float | None = None
    female_mean: float | None = None
    male_mean: float | None = None
    mean_ratio: float | None = None
    mean_ratio_low: float | None = None
    mean_ratio_high: float | None = None
    female_total: float | None = None
    male_total: float | None = None


@dataclass(frozen=True)
class Stratum:
    """One value of the second breakdown (an age band or a unit; None = not recorded on the case). A categorical
    comparison is made at the option compared for the question overall, so the strata split the same figure."""

    value: str | None
    label: Message
    n_by_group: dict[SexGroup, int]
    groups: dict[SexGroup, GroupResult]
    comparison: Comparison | None


@dataclass(frozen=True)
class QuestionResult:
    key: str
    type: QuestionType
    text: Message
    kind: Kind
    compare_by_sex: bool
    groups: dict[SexGroup, GroupResult]
    comparison: Comparison | None
    strata: list[Stratum]
    # All cases together, annat and okänt included: SCB's Totalt column.
    total: GroupResult | None = None


@dataclass(frozen=True)
class SectionResult:
    key: str
    index: int
    title: Message
    questions: list[QuestionResult]


@dataclass(frozen=True)
class Finding:
    question_key: str
    section_key: str
    question_text: Message
    comparison: Comparison
    message: Message


def label_message(text: LocalizedText) -> Message:
    return Message(text.sv, text.text("en"))


def default_subject_label() -> Message:
    return label_message(DEFAULT_SUBJECT_LABEL)


def sex_heading(label: Message, language: Language) -> str:
    """Says whose sex the split is, beside every table and chart: "Kön avser: sökande"."""
    return f"Sex of: {label.en}" if language == "en" else f"Kön avser: {label.sv}"


@dataclass(frozen=True)
class Aggregate:
    rounds: list[RoundInfo]
    checklist_slug: str
    checklist_version: int
    subject: Subject
    request: AggregateRequest
    n_cases: int
    n_reviews: int
    n_double_reviewed: int
    n_not_counted: int
    n_by_group: dict[SexGroup, int]
    sections: list[SectionResult]
    findings: list[Finding]
    warnings: list[Message]
    # How many comparisons were tested (state OK) in each family: the selection's questions other than the primary
    # ones, the primary questions, and the rows of the breakdown. The summary says so beside the findings.
    n_tested: int = 0
    n_tested_primary: int = 0
    n_tested_strata: int = 0
    # Whose sex the split is (the checklist's subject_label), said beside every table and chart.
    subject_label: Message = field(default_factory=default_subject_label)

    def question(self, key: str) -> QuestionResult | None:
        return next((q for s in self.sections for q in s.questions if q.key == key), None)

    def questions(self) -> list[QuestionResult]:
        return [q for s in self.sections for q in s.questions]


@dataclass(frozen=True)
class GroupChange:
    """One group's compared figure (percent of the compared option, or median) before and after."""

    before: float | None
    after: float | None
    n_before: int
    n_after: int


@dataclass(frozen=True)
class GapChange:
    """How the gap between women and men changed from the baseline to the round.

    Categorical: `change` = gap after − gap before in percentage points (a difference in differences), with its 95 %
    MOVER interval and the p-value of 'the gap is the same'. Numeric: `change` = median ratio after / median ratio
    before (a ratio of ratios, 1 = unchanged), with a 95 % bootstrap interval and p-value. `p_adjusted` is adjusted
    by Benjamini–Hochberg across the compared questions (a primary question's own p-value for a primary question).
    """

    change: float
    low: float
    high: float
    p_value: float
    p_adjusted: float | None = None


@dataclass(frozen=True)
class QuestionChange:
    """One question of the round against the baseline. `status` is "compared", "new" (no predecessor in the
    baseline's version), "retired" (a baseline question with no successor), "type_changed" or "not_aggregated".

    Both rounds are compared at the same `option` (see `option_source`), fixed before the after round is looked
    at; `before` and `after` are the two rounds' comparisons at that option. `verdict` is what the change means.
    """

    key: str
    baseline_key: str | None
    section_key: str | None
    text: Message
    kind: Kind
    status: ChangeStatus
    before: Comparison | None
    after: Comparison | None
    option: str | None
    option_label: Message | None
    option_source: OptionSource | None
    gap: GapChange | None
    verdict: ChangeVerdict | None
    primary: bool
    groups: dict[SexGroup, GroupChange]


@dataclass(frozen=True)
class BeforeAfter:
    after: Aggregate
    before: Aggregate
    questions: list[QuestionChange]
    n_tested: int = 0


@dataclass(frozen=True)
class TrendPoint:
    """One round's gap (female − male, percentage points; for numbers the median ratio) with its 95 % interval."""

    round_uuid: str
    gap: float | None
    low: float | None
    high: float | None
    female_n: int
    male_n: int


@dataclass(frozen=True)
class QuestionTrend:
    """The gap of one question over three or more rounds and the test for a linear trend in it (`slope` per round,
    for numbers on the log scale of the ratio), adjusted like before/after across the questions; a `primary`
    question keeps its own p-value and is tested at alpha."""

    key: str
    text: Message
    kind: Kind
    option: str | None
    option_label: Message | None
    points: list[TrendPoint]
    slope: float | None
    slope_low: float | None
    slope_high: float | None
    p_value: float | None
    p_adjusted: float | None
    verdict: ChangeVerdict | None
    primary: bool = False


@dataclass(frozen=True)
class RoundTrend:
    rounds: list[RoundInfo]
    questions: list[QuestionTrend]
    n_tested: int


@dataclass(frozen=True)
class FilterOptions:
    units: list[str]
    reviewers: list[str]
    age_bands: list[str]
