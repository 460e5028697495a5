"""Aggregation by sex: per question and sex group the counts, percentages and numbers of one or several rounds, the
difference between women and men (girls and boys) with a test fit for small samples, the flagged findings, an
optional second breakdown, and a round against its baseline (before/after) across checklist versions.

The counting is read from the answer counts (`services/answer_counts.py`): per round, review status, sex, unit,
age band, reviewer, question and value, kept current as answers are written, so that a summary of 100 000 reviews
reads a few hundred thousand grouped rows instead of four million answers. Numbers come back as (value, count)
pairs and are expanded with numpy for quartiles and Mann–Whitney. `docs/aggregate-format.md` documents every rule.

Each case counts once. When several reviews of a case qualify (two reviewers read the same file) and no reviewer
filter is set, the case is counted with one deterministic review – a complete one before one in progress, then the
lowest review id – and `n_double_reviewed` says how many cases that concerned: the answers of the reviews left out
are counted from the answers themselves and taken off the counts.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import sqlalchemy as sa
from sqlmodel import Session, col, select

from reviewer.checklists.schema import (
    NUMBER_TYPES,
    SCALE_MAX,
    ChecklistDefinition,
    Question,
    QuestionType,
    implicit_options,
)
from reviewer.domain.sex import Sex, SexGroup, Subject, group_of
from reviewer.domain.statistics import (
    ComparisonState,
    NumberSummary,
    TestResult,
    Thresholds,
    assess,
    bonferroni,
    describe,
    has_variation,
    is_material_difference,
    is_material_ratio,
    mann_whitney,
    median_ratio,
    proportion_test,
    wilson_interval,
)
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.aggregation_text import Unit, finding_message
from reviewer.services.answer_counts import COUNTS
from reviewer.services.checklists import definition_of
from reviewer.storage.models import Answer, Case, ChecklistVersion, Review, ReviewStatus, Round

Kind = Literal["categorical", "numeric", "not_aggregated"]
Breakdown = Literal["age_band", "unit"]
Progress = Callable[[int, int], None]
ChangeStatus = Literal["compared", "new", "retired", "type_changed", "not_aggregated"]

GROUPS = (SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER)
NOT_APPLICABLE = "ej_aktuellt"
_YES_NO = frozenset({QuestionType.YES_NO, QuestionType.YES_NO_NA})
_CATEGORICAL = frozenset(
    {
        QuestionType.YES_NO,
        QuestionType.YES_NO_NA,
        QuestionType.SINGLE_CHOICE,
        QuestionType.MULTIPLE_CHOICE,
        QuestionType.SCALE,
    }
)
_YES_NO_LABELS = {
    "ja": Message("Ja", "Yes"),
    "nej": Message("Nej", "No"),
    NOT_APPLICABLE: Message("Ej aktuellt", "Not applicable"),
}
_UNKNOWN_STRATUM = Message("Uppgift saknas", "Not recorded")


class AggregationError(ReviewerError):
    pass


# ---------------------------------------------------------------------------------------------------------------
# Result types: plain frozen data, JSON-able through reviewer.services.aggregation_json


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
    """Female against male for one question (annat/okänt is never compared).

    Categorical: the `option` compared ("ja" for yes/no questions, otherwise the option with the largest
    difference), its count, base and percentage per group and `difference_pp` = female − male. Numeric: medians,
    `median_ratio` = female / male, `female_n`/`male_n` the number of values. `test` is None unless state is OK.
    """

    state: ComparisonState
    material: bool
    significant: bool
    flagged: bool
    test: TestResult | None
    female_n: int
    male_n: int
    option: str | None = None
    option_label: Message | None = None
    female_count: int | None = None
    male_count: int | None = None
    female_percent: float | None = None
    male_percent: float | None = None
    difference_pp: float | None = None
    female_median: float | None = None
    male_median: float | None = None
    median_ratio: float | None = None


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

    def question(self, key: str) -> QuestionResult | None:
        return next((q for s in self.sections for q in s.questions if q.key == key), None)


@dataclass(frozen=True)
class GroupChange:
    """One group's compared figure (percent of the compared option, or median) before and after."""

    before: float | None
    after: float | None
    n_before: int
    n_after: int


@dataclass(frozen=True)
class QuestionChange:
    """One question of the round against the baseline. `status` is "compared", "new" (no predecessor in the
    baseline's version), "retired" (a baseline question with no successor), "type_changed" or "not_aggregated".

    `gap_change_pp` = |difference after| − |difference before| in percentage points (negative: the gap narrowed);
    for numbers `median_ratio_change` = ratio after − ratio before and `gap_narrowed` compares |ratio − 1|.
    """

    key: str
    baseline_key: str | None
    section_key: str | None
    text: Message
    kind: Kind
    status: ChangeStatus
    before: Comparison | None
    after: Comparison | None
    gap_change_pp: float | None
    median_ratio_change: float | None
    gap_narrowed: bool | None
    groups: dict[SexGroup, GroupChange]


@dataclass(frozen=True)
class BeforeAfter:
    after: Aggregate
    before: Aggregate
    questions: list[QuestionChange]


@dataclass(frozen=True)
class FilterOptions:
    units: list[str]
    reviewers: list[str]
    age_bands: list[str]


# ---------------------------------------------------------------------------------------------------------------
# Rounds, versions and key mapping


@dataclass(frozen=True)
class _RoundRow:
    id: int
    info: RoundInfo
    baseline_round_id: int | None


def _load_rounds(session: Session, round_uuids: Sequence[str]) -> list[_RoundRow]:
    if not round_uuids:
        raise AggregationError(Message("Välj minst en omgång", "Choose at least one round"))
    rows = session.exec(
        select(Round, ChecklistVersion)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .where(col(Round.uuid).in_(list(round_uuids)))
    ).all()
    found = {r.uuid: (r, c) for r, c in rows}
    missing = [u for u in round_uuids if u not in found]
    if missing:
        raise AggregationError(Message("En vald omgång finns inte längre", "A chosen round no longer exists"))
    result = []
    for uuid in dict.fromkeys(round_uuids):
        round_, checklist = found[uuid]
        assert round_.id is not None
        info = RoundInfo(round_.uuid, round_.name, round_.period_label, checklist.slug, checklist.version)
        result.append(_RoundRow(round_.id, info, round_.baseline_round_id))
    slugs = {r.info.checklist_slug for r in result}
    if len(slugs) > 1:
        raise AggregationError(
            Message(
                "Omgångarna använder olika checklistor (" + ", ".join(sorted(slugs)) + ") och kan inte slås ihop",
                "The rounds use different checklists (" + ", ".join(sorted(slugs)) + ") and cannot be combined",
            )
        )
    return result


class _Versions:
    """The definitions of one checklist slug, parsed when first needed."""

    def __init__(self, session: Session, slug: str) -> None:
        self.slug = slug
        self._rows = {
            row.version: row for row in session.exec(select(ChecklistVersion).where(ChecklistVersion.slug == slug))
        }
        self._parsed: dict[int, ChecklistDefinition] = {}

    def get(self, version: int) -> ChecklistDefinition | None:
        if version not in self._parsed:
            row = self._rows.get(version)
            if row is None:
                return None
            self._parsed[version] = definition_of(row)
        return self._parsed[version]

    def lineage(self, newer: ChecklistDefinition, older_version: int) -> dict[str, str | None]:
        """For each key of `newer`, its key in `older_version` (following every step's `previous.key_map`), or None
        when the question is new since. Raises when the versions are not linked by `previous`."""
        mapping: dict[str, str | None] = {q.key: q.key for q in newer.questions()}
        current = newer
        while current.version != older_version:
            step = current.previous
            older = self.get(step.version) if step is not None and step.version >= older_version else None
            if step is None or older is None:
                raise AggregationError(
                    Message(
                        f"Version {newer.version} av checklistan {self.slug} är inte kopplad till version "
                        f"{older_version}, så frågorna kan inte jämföras",
                        f"Version {newer.version} of the checklist {self.slug} is not linked to version "
                        f"{older_version}, so the questions cannot be compared",
                    )
                )
            older_keys = {q.key for q in older.questions()}
            for new_key, key in mapping.items():
                if key is None:
                    continue
                if key in step.key_map:
                    mapping[new_key] = step.key_map[key]
                elif key in older_keys and key not in step.retired:
                    mapping[new_key] = key
                else:
                    mapping[new_key] = None
            current = older
        return mapping


# ---------------------------------------------------------------------------------------------------------------
# SQL


_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Scope:
    """Which reviews count: the rounds, status, unit and reviewer filters, and one review per case."""

    round_ids: tuple[int, ...]
    statuses: tuple[ReviewStatus, ...]
    unit: str | None
    reviewer: str | None
    one_per_case: bool = False

    def conditions(self) -> list[sa.ColumnElement[bool]]:
        conditions: list[sa.ColumnElement[bool]] = [
            _CASE.c.round_id.in_(self.round_ids),
            _REVIEW.c.status.in_(self.statuses),
        ]
        if self.unit is not None:
            conditions.append(_CASE.c.unit == self.unit)
        if self.reviewer is not None:
            conditions.append(_REVIEW.c.reviewer == self.reviewer)
        if self.one_per_case:
            conditions.append(~self._better_review_exists())
        return conditions

    def left_out(self) -> list[sa.ColumnElement[bool]]:
        """The reviews in scope that the one-review-per-case rule leaves out."""
        return [*replace(self, one_per_case=False).conditions(), self._better_review_exists()]

    def count_conditions(self) -> list[sa.ColumnElement[bool]]:
        """The scope on the answer counts, which know rounds, statuses, units and reviewers but not cases."""
        conditions: list[sa.ColumnElement[bool]] = [
            COUNTS.c.round_id.in_(self.round_ids),
            COUNTS.c.status.in_([status.value for status in self.statuses]),
        ]
        if self.unit is not None:
            conditions.append(COUNTS.c.unit == self.unit)
        if self.reviewer is not None:
            conditions.append(COUNTS.c.reviewer == self.reviewer)
        return conditions

    def _better_review_exists(self) -> sa.Exists:
        other = _REVIEW.alias("preferred")
        if ReviewStatus.IN_PROGRESS in self.statuses:
            complete = ReviewStatus.COMPLETE
            preferred = sa.or_(
                sa.and_(other.c.status == complete, _REVIEW.c.status != complete),
                sa.and_(other.c.status == _REVIEW.c.status, other.c.id < _REVIEW.c.id),
            )
        else:
            preferred = other.c.id < _REVIEW.c.id
        return sa.exists().where(other.c.case_id == _REVIEW.c.case_id, other.c.status.in_(self.statuses), preferred)

    def reviews(self) -> sa.Join:
        return _REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id)


def _stratum_column(breakdown: Breakdown | None) -> sa.ColumnElement[Any] | None:
    if breakdown == "age_band":
        return _CASE.c.age_band
    if breakdown == "unit":
        return _CASE.c.unit
    return None


def _answer_value(dialect: str) -> sa.ColumnElement[Any]:
    """One value per answer to group by: the option code, the number, the JSON list of a multiple choice, NULL for
    an answer row that only holds a note, and '' for answered text and dates (counted, not aggregated). SQLite
    groups the mixed types as they are; other databases get the number as text."""
    number: sa.ColumnElement[Any] = _ANSWER.c.value_number
    if dialect != "sqlite":
        number = sa.cast(number, sa.Text)
    return sa.case(
        (_ANSWER.c.value_code.is_not(None), _ANSWER.c.value_code),
        (_ANSWER.c.value_number.is_not(None), number),
        (_ANSWER.c.value_json == sa.literal_column("'null'"), sa.null()),
        (sa.func.substr(_ANSWER.c.value_json, 1, 1) == sa.literal_column("'['"), _ANSWER.c.value_json),
        else_=sa.literal_column("''"),
    )


@dataclass
class _Counts:
    """Per (stratum, sex): cases counted and reviews matched."""

    cases: Counter[tuple[str | None, Sex]] = field(default_factory=Counter)
    reviews: int = 0
    double_reviewed: int = 0


def _count_cases(session: Session, scope: _Scope, stratum: sa.ColumnElement[Any] | None) -> _Counts:
    columns: list[sa.ColumnElement[Any]] = [_CASE.c.sex, stratum if stratum is not None else sa.null()]
    query = (
        sa.select(
            *columns,
            sa.func.count(),
            sa.func.count(sa.distinct(_REVIEW.c.case_id)),
        )
        .select_from(scope.reviews())
        .where(*scope.conditions())
        .group_by(*([_CASE.c.sex] if stratum is None else [_CASE.c.sex, stratum]))
    )
    counts = _Counts()
    for sex, value, reviews, cases in session.execute(query):
        counts.cases[(value, Sex(sex))] += cases
        counts.reviews += reviews
    if counts.reviews > sum(counts.cases.values()):
        doubles = (
            sa.select(_REVIEW.c.case_id)
            .select_from(scope.reviews())
            .where(*scope.conditions())
            .group_by(_REVIEW.c.case_id)
            .having(sa.func.count() > 1)
            .subquery()
        )
        counts.double_reviewed = session.execute(sa.select(sa.func.count()).select_from(doubles)).scalar_one()
    return counts


def _counts_query(scope: _Scope, breakdown: Breakdown | None) -> sa.Select[Any]:
    """(sex, question key, stratum, kind, value, number, count) from the answer counts (see `AnswerCount`); a
    missing stratum is ''."""
    stratum: sa.ColumnElement[Any] = sa.null() if breakdown is None else COUNTS.c[breakdown]
    grouping = [COUNTS.c.sex, COUNTS.c.question_key, COUNTS.c.kind, COUNTS.c.value, COUNTS.c.number]
    if breakdown is not None:
        grouping.append(COUNTS.c[breakdown])
    return (
        sa.select(
            COUNTS.c.sex,
            COUNTS.c.question_key,
            stratum,
            COUNTS.c.kind,
            COUNTS.c.value,
            COUNTS.c.number,
            sa.func.sum(COUNTS.c.n),
        )
        .where(*scope.count_conditions())
        .group_by(*grouping)
    )


def _counted(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[Any, str, str | None, Any, int]]:
    """The rows of `_counts_query` as (sex, key, stratum, value, count), like those of `_left_out_query`."""
    for sex, key, stratum, kind, value, number, count in rows:
        yield sex, key, stratum, number if kind == "n" else value, int(count)


def _left_out_query(dialect: str, scope: _Scope, stratum: sa.ColumnElement[Any] | None) -> sa.Select[Any]:
    """(sex, question key, stratum, value, count) over the answers of the reviews the one-review-per-case rule
    leaves out, to be taken off the counts; the values compare equal to those of `_counts_query` once folded."""
    columns: list[sa.ColumnElement[Any]] = [
        _CASE.c.sex.label("s"),
        _ANSWER.c.question_key.label("k"),
        (stratum if stratum is not None else sa.null()).label("st"),
        _answer_value(dialect).label("v"),
    ]
    joined = _ANSWER.join(_REVIEW, _REVIEW.c.id == _ANSWER.c.review_id).join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
    return (
        sa.select(*columns, sa.func.count())
        .select_from(joined)
        .where(*scope.left_out())
        .group_by(*(sa.literal_column(name) for name in ("s", "k", "st", "v")))
    )


# ---------------------------------------------------------------------------------------------------------------
# Folding the grouped rows into tallies


@dataclass
class _Tally:
    answered: int = 0
    values: Counter[Any] = field(default_factory=Counter)

    def merge(self, other: _Tally) -> None:
        self.answered += other.answered
        self.values.update(other.values)


def _kind(question: Question) -> Kind:
    if question.type in _CATEGORICAL:
        return "categorical"
    if question.type in NUMBER_TYPES:
        return "numeric"
    return "not_aggregated"


def _fold(tally: _Tally, question_type: QuestionType, value: Any, count: int) -> None:
    """Add one grouped row; values come back as codes, numbers (text on PostgreSQL) or a JSON list."""
    if value is None:
        return
    if question_type is QuestionType.MULTIPLE_CHOICE:
        chosen = json.loads(value) if isinstance(value, str) and value.startswith("[") else []
        if not chosen:
            return
        tally.answered += count
        for option in chosen:
            tally.values[str(option)] += count
        return
    tally.answered += count
    if question_type is QuestionType.SCALE:
        tally.values[str(round(float(value)))] += count
    elif question_type in NUMBER_TYPES:
        tally.values[float(value)] += count
    elif question_type in _CATEGORICAL:
        tally.values[str(value)] += count


# ---------------------------------------------------------------------------------------------------------------
# Statistics per question


def _labels(question: Question) -> dict[str, Message]:
    if question.type in _YES_NO:
        return dict(_YES_NO_LABELS)
    if question.type is QuestionType.SCALE:
        return {str(v): Message(f"{v} av {SCALE_MAX}", f"{v} of {SCALE_MAX}") for v in implicit_options(question)}
    return {o.value: Message(o.label.sv, o.label.en or o.label.sv) for o in question.options or []}


def _option_values(question: Question, tallies: Iterable[_Tally]) -> list[str]:
    """The question's options in checklist order, then any value the answers hold that the newest version lacks
    (answers of an older version), so that nothing counted disappears from the table."""
    apart = {NOT_APPLICABLE} if question.type is QuestionType.YES_NO_NA else set()  # only there is it no option
    values = [str(v) for v in implicit_options(question) if str(v) not in apart]
    extra = sorted({v for t in tallies for v in t.values} - set(values) - apart)
    return values + extra


def _group_result(question: Question, kind: Kind, tally: _Tally, options: list[str]) -> GroupResult:
    if kind == "numeric":
        numbers = describe(_expand(tally)) if tally.answered else None
        return GroupResult(tally.answered, tally.answered, 0, [], numbers)
    if kind == "not_aggregated":
        return GroupResult(tally.answered, tally.answered, 0, [], None)
    not_applicable = tally.values.get(NOT_APPLICABLE, 0) if question.type is QuestionType.YES_NO_NA else 0
    base = tally.answered - not_applicable
    labels = _labels(question)
    items = []
    for value in options:
        count = tally.values.get(value, 0)
        if base:
            low, high = wilson_interval(count, base)
            items.append(
                OptionCount(
                    value,
                    labels.get(value, Message(value, value)),
                    count,
                    100.0 * count / base,
                    100.0 * low,
                    100.0 * high,
                )
            )
        else:
            items.append(OptionCount(value, labels.get(value, Message(value, value)), count, None, None, None))
    return GroupResult(tally.answered, base, not_applicable, items, None)


def _expand(tally: _Tally) -> np.ndarray:
    if not tally.values:
        return np.empty(0)
    values, counts = zip(*tally.values.items(), strict=True)
    return np.repeat(np.asarray(values, dtype=np.float64), np.asarray(counts, dtype=np.int64))


def categorical_comparison(
    question: Question,
    female: GroupResult,
    male: GroupResult,
    thresholds: Thresholds,
    option: str | None = None,
) -> Comparison:
    """Female against male for a categorical question, at `option` or at the option chosen by the documented rule
    (also used by before/after to compare the baseline at the round's option)."""
    counts_f = {o.value: o.count for o in female.options}
    counts_m = {o.value: o.count for o in male.options}
    values = [o.value for o in female.options]
    both = female.base > 0 and male.base > 0

    def difference(value: str) -> float:
        return 100.0 * counts_f.get(value, 0) / female.base - 100.0 * counts_m.get(value, 0) / male.base

    if option is None:
        if question.type in _YES_NO:
            option = "ja"
        elif both and values:
            option = max(values, key=lambda v: abs(difference(v)))  # first of equals: checklist order
        else:
            option = values[0] if values else None
    labels = _labels(question)
    f_count, m_count = counts_f.get(option or "", 0), counts_m.get(option or "", 0)
    f_percent = 100.0 * f_count / female.base if female.base else None
    m_percent = 100.0 * m_count / male.base if male.base else None
    diff = f_percent - m_percent if f_percent is not None and m_percent is not None else None
    comparisons = 1
    if question.type is QuestionType.MULTIPLE_CHOICE:
        table = [[f_count, female.base - f_count], [m_count, male.base - m_count]]
        comparisons = len(values)  # the option was picked as the most different of them
    else:
        table = [[counts_f.get(v, 0) for v in values], [counts_m.get(v, 0) for v in values]]
    varies = bool(values) and has_variation(table)
    material = diff is not None and is_material_difference(diff, thresholds)
    test = None
    if varies and min(female.base, male.base) >= thresholds.min_group_n:
        test = bonferroni(proportion_test(table), comparisons)
    verdict = assess(female.base, male.base, varies, material, test.p_value if test else None, thresholds)
    return Comparison(
        state=verdict.state,
        material=verdict.material,
        significant=verdict.significant,
        flagged=verdict.flagged,
        test=test if verdict.state is ComparisonState.OK else None,
        female_n=female.base,
        male_n=male.base,
        option=option,
        option_label=labels.get(option or "", Message(option or "", option or "")) if option else None,
        female_count=f_count,
        male_count=m_count,
        female_percent=f_percent,
        male_percent=m_percent,
        difference_pp=diff,
    )


def numeric_comparison(female: np.ndarray, male: np.ndarray, thresholds: Thresholds) -> Comparison:
    f_median = float(np.median(female)) if female.size else None
    m_median = float(np.median(male)) if male.size else None
    ratio = median_ratio(f_median, m_median) if f_median is not None and m_median is not None else None
    material = f_median is not None and m_median is not None and is_material_ratio(f_median, m_median, thresholds)
    pooled = np.concatenate([female, male])
    varies = bool(female.size and male.size) and bool(pooled.min() != pooled.max())
    test = None
    if varies and min(female.size, male.size) >= thresholds.min_group_n:
        test = mann_whitney(female, male)
    verdict = assess(int(female.size), int(male.size), varies, material, test.p_value if test else None, thresholds)
    return Comparison(
        state=verdict.state,
        material=verdict.material,
        significant=verdict.significant,
        flagged=verdict.flagged,
        test=test if verdict.state is ComparisonState.OK else None,
        female_n=int(female.size),
        male_n=int(male.size),
        female_median=f_median,
        male_median=m_median,
        median_ratio=ratio,
    )


def _compare(
    question: Question,
    kind: Kind,
    groups: dict[SexGroup, GroupResult],
    tallies: Mapping[SexGroup, _Tally],
    thresholds: Thresholds,
    option: str | None = None,
) -> Comparison | None:
    if not question.compare_by_sex or kind == "not_aggregated":
        return None
    if kind == "numeric":
        return numeric_comparison(_expand(tallies[SexGroup.FEMALE]), _expand(tallies[SexGroup.MALE]), thresholds)
    return categorical_comparison(question, groups[SexGroup.FEMALE], groups[SexGroup.MALE], thresholds, option)


def unit_of(question_type: QuestionType) -> Unit:
    if question_type is QuestionType.DAYS:
        return "days"
    if question_type is QuestionType.MONEY:
        return "money"
    return "none"


def _materiality(comparison: Comparison, thresholds: Thresholds) -> float:
    """How many times the threshold a difference is, to put the most material findings first."""
    if comparison.difference_pp is not None:
        return abs(comparison.difference_pp) / thresholds.min_difference_pp
    if comparison.median_ratio is not None:
        return abs(comparison.median_ratio - 1.0) / thresholds.min_relative_difference
    return math.inf


# ---------------------------------------------------------------------------------------------------------------
# The use cases


def filter_options(session: Session, round_uuids: Sequence[str]) -> FilterOptions:
    """The units, reviewers and age bands that occur in the rounds, for the dashboard's filters."""
    rounds = _load_rounds(session, round_uuids)
    ids = [r.id for r in rounds]
    units = session.exec(
        select(Case.unit).where(col(Case.round_id).in_(ids), col(Case.unit).is_not(None)).distinct()
    ).all()
    bands = session.exec(
        select(Case.age_band).where(col(Case.round_id).in_(ids), col(Case.age_band).is_not(None)).distinct()
    ).all()
    reviewers = session.exec(
        select(Review.reviewer)
        .join(Case, col(Case.id) == col(Review.case_id))
        .where(col(Case.round_id).in_(ids))
        .distinct()
    ).all()
    versions = _Versions(session, rounds[0].info.checklist_slug)
    newest = versions.get(max(r.info.checklist_version for r in rounds))
    order = [b.value for b in newest.age_bands] if newest else []
    return FilterOptions(
        units=sorted(u for u in units if u),
        reviewers=sorted(reviewers),
        age_bands=sorted((b for b in bands if b), key=lambda b: (order.index(b) if b in order else len(order), b)),
    )


def aggregate(session: Session, request: AggregateRequest, progress: Progress | None = None) -> Aggregate:
    """The sex-split picture of the rounds in the request; see the module docstring for the rules."""
    rounds = _load_rounds(session, request.round_uuids)
    versions = _Versions(session, rounds[0].info.checklist_slug)
    newest_version = max(r.info.checklist_version for r in rounds)
    definition = versions.get(newest_version)
    assert definition is not None
    questions = definition.questions()
    by_key = {q.key: q for q in questions}
    statuses = (
        (ReviewStatus.COMPLETE, ReviewStatus.IN_PROGRESS) if request.include_in_progress else (ReviewStatus.COMPLETE,)
    )
    stratum = _stratum_column(request.breakdown)
    warnings: list[Message] = []

    # Rounds on the same checklist version are counted together; each version's keys map to the newest's.
    by_version: dict[int, list[_RoundRow]] = defaultdict(list)
    for r in rounds:
        by_version[r.info.checklist_version].append(r)
    plans = []
    counts = _Counts()
    for version, members in sorted(by_version.items(), reverse=True):
        scope = _Scope(tuple(r.id for r in members), statuses, request.unit, request.reviewer)
        found = _count_cases(session, scope, stratum)
        if found.double_reviewed and request.reviewer is None:
            scope = replace(scope, one_per_case=True)
        counts.cases.update(found.cases)
        counts.reviews += found.reviews
        counts.double_reviewed += found.double_reviewed
        targets = _targets(versions, definition, version, by_key, warnings)
        if found.reviews:
            plans.append((scope, targets))

    dialect = session.get_bind().dialect.name
    total = len(plans) + 2
    if progress is not None:
        progress(1, total)
    tallies: dict[str, dict[tuple[str | None, SexGroup], _Tally]] = {q.key: defaultdict(_Tally) for q in questions}
    for done, (scope, targets) in enumerate(plans, start=2):
        grouped: list[tuple[int, Iterable[Sequence[Any]]]] = [
            (1, _counted(session.execute(_counts_query(scope, request.breakdown))))
        ]
        if scope.one_per_case:
            grouped.append((-1, session.execute(_left_out_query(dialect, scope, stratum)).all()))
        for sign, rows in grouped:
            for sex, key, value_stratum, value, count in rows:
                cell = (value_stratum or None, group_of(Sex(sex)))
                for target in targets.get(key, ()):
                    _fold(tallies[target][cell], by_key[target].type, value, sign * count)
        if progress is not None:
            progress(done, total)
    for cells in tallies.values():
        for tally in cells.values():
            tally.values = +tally.values  # drops what the left-out reviews brought to zero

    n_total_cases = _count_all_cases(session, [r.id for r in rounds], request.unit)
    n_by_group = dict.fromkeys(GROUPS, 0)
    strata_n: dict[str | None, dict[SexGroup, int]] = defaultdict(lambda: dict.fromkeys(GROUPS, 0))
    for (value, sex), n in counts.cases.items():
        n_by_group[group_of(sex)] += n
        strata_n[value][group_of(sex)] += n
    if not counts.reviews:
        warnings.append(
            Message(
                "Det finns inga klara granskningar att räkna för det här urvalet",
                "There are no completed reviews to count for this selection",
            )
            if not request.include_in_progress
            else Message(
                "Det finns inga granskningar att räkna för det här urvalet",
                "There are no reviews to count for this selection",
            )
        )
    if counts.double_reviewed and request.reviewer is None:
        warnings.append(
            Message(
                f"{counts.double_reviewed} ärenden har granskats av flera granskare; varje ärende räknas en gång "
                "(den klara granskningen som registrerades först)",
                f"{counts.double_reviewed} cases were reviewed by several reviewers; each case is counted once "
                "(the complete review recorded first)",
            )
        )

    stratum_order = _stratum_order(definition, request.breakdown, strata_n)
    sections = []
    findings: list[Finding] = []
    for index, section in enumerate(definition.sections):
        results = []
        for question in section.questions:
            result = _question_result(question, tallies[question.key], stratum_order, strata_n, definition, request)
            results.append(result)
            if result.comparison is not None and result.comparison.flagged:
                text = result.text
                message = finding_message(
                    text, result.comparison, definition.subject, unit_of(question.type), request.thresholds.alpha
                )
                findings.append(Finding(question.key, section.key, text, result.comparison, message))
        sections.append(
            SectionResult(section.key, index, Message(section.title.sv, section.title.en or section.title.sv), results)
        )
    findings.sort(
        key=lambda f: (
            -_materiality(f.comparison, request.thresholds),
            f.comparison.test.p_value if f.comparison.test else 1.0,
        )
    )
    if progress is not None:
        progress(total, total)
    n_cases = sum(n_by_group.values())
    return Aggregate(
        rounds=[r.info for r in rounds],
        checklist_slug=definition.slug,
        checklist_version=definition.version,
        subject=definition.subject,
        request=request,
        n_cases=n_cases,
        n_reviews=counts.reviews,
        n_double_reviewed=counts.double_reviewed,
        n_not_counted=n_total_cases - n_cases,
        n_by_group=n_by_group,
        sections=sections,
        findings=findings,
        warnings=warnings,
    )


def _count_all_cases(session: Session, round_ids: list[int], unit: str | None) -> int:
    query = sa.select(sa.func.count()).select_from(_CASE).where(_CASE.c.round_id.in_(round_ids))
    if unit is not None:
        query = query.where(_CASE.c.unit == unit)
    return int(session.execute(query).scalar_one())


def _targets(
    versions: _Versions,
    newest: ChecklistDefinition,
    version: int,
    by_key: Mapping[str, Question],
    warnings: list[Message],
) -> dict[str, list[str]]:
    """For the answers of one version: its key → the newest version's keys they count for (same question type)."""
    if version == newest.version:
        return {key: [key] for key in by_key}
    older = versions.get(version)
    assert older is not None
    targets: dict[str, list[str]] = defaultdict(list)
    for new_key, old_key in versions.lineage(newest, version).items():
        if old_key is None:
            continue
        old_question = older.question(old_key)
        if old_question is None:
            continue
        if old_question.type is not by_key[new_key].type:
            warnings.append(
                Message(
                    f"Frågan '{new_key}' har en annan frågetyp i version {version}; de svaren räknas inte med",
                    f"The question '{new_key}' has another type in version {version}; those answers are left out",
                )
            )
            continue
        targets[old_key].append(new_key)
    return targets


def _stratum_order(
    definition: ChecklistDefinition, breakdown: Breakdown | None, strata_n: Mapping[str | None, object]
) -> list[tuple[str | None, Message]]:
    if breakdown is None:
        return []
    present = [v for v in strata_n if v is not None]
    result: list[tuple[str | None, Message]]
    if breakdown == "age_band":
        bands = {b.value: Message(b.label.sv, b.label.en or b.label.sv) for b in definition.age_bands}
        order = list(bands)
        present.sort(key=lambda v: (order.index(v) if v in order else len(order), v))
        result = [(v, bands.get(v, Message(v, v))) for v in present]
    else:
        result = [(v, Message(v, v)) for v in sorted(present)]
    if None in strata_n:
        result.append((None, _UNKNOWN_STRATUM))
    return result


def _question_result(
    question: Question,
    tallies: Mapping[tuple[str | None, SexGroup], _Tally],
    stratum_order: list[tuple[str | None, Message]],
    strata_n: Mapping[str | None, dict[SexGroup, int]],
    definition: ChecklistDefinition,
    request: AggregateRequest,
) -> QuestionResult:
    kind = _kind(question)
    overall = {g: _Tally() for g in GROUPS}
    for (_, group), tally in tallies.items():
        overall[group].merge(tally)
    options = _option_values(question, overall.values()) if kind == "categorical" else []
    groups = {g: _group_result(question, kind, overall[g], options) for g in GROUPS}
    comparison = _compare(question, kind, groups, overall, request.thresholds)
    option = comparison.option if comparison is not None else None
    strata = []
    for value, label in stratum_order:
        stratum_tallies = {g: tallies.get((value, g)) or _Tally() for g in GROUPS}
        stratum_groups = {g: _group_result(question, kind, stratum_tallies[g], options) for g in GROUPS}
        strata.append(
            Stratum(
                value,
                label,
                dict(strata_n[value]),
                stratum_groups,
                # every stratum at the option compared overall, so that the breakdown splits one figure
                _compare(question, kind, stratum_groups, stratum_tallies, request.thresholds, option),
            )
        )
    return QuestionResult(
        key=question.key,
        type=question.type,
        text=Message(question.text.sv, question.text.en or question.text.sv),
        kind=kind,
        compare_by_sex=question.compare_by_sex,
        groups=groups,
        comparison=comparison,
        strata=strata,
    )


def compare_rounds(
    session: Session,
    round_uuid: str,
    baseline_uuid: str | None,
    request_template: AggregateRequest,
    progress: Progress | None = None,
) -> BeforeAfter:
    """The round against its baseline (`baseline_uuid`, or the round's own baseline round), question by question
    through the key mapping between their checklist versions. The template's filters and thresholds apply to both."""
    (round_row,) = _load_rounds(session, [round_uuid])
    if baseline_uuid is None:
        if round_row.baseline_round_id is None:
            raise AggregationError(
                Message(
                    f"Omgången {round_row.info.name} har ingen jämförelseomgång; välj en",
                    f"The round {round_row.info.name} has no baseline round; choose one",
                )
            )
        baseline = session.get(Round, round_row.baseline_round_id)
        assert baseline is not None
        baseline_uuid = baseline.uuid
    (baseline_row,) = _load_rounds(session, [baseline_uuid])
    if baseline_row.info.checklist_slug != round_row.info.checklist_slug:
        raise AggregationError(
            Message(
                "Omgångarna använder olika checklistor och kan inte jämföras",
                "The rounds use different checklists and cannot be compared",
            )
        )

    def part(offset: int) -> Progress | None:
        if progress is None:
            return None
        report = progress
        return lambda done, total: report(offset * total + done, 2 * total)

    after = aggregate(session, replace(request_template, round_uuids=(round_uuid,)), part(0))
    before = aggregate(session, replace(request_template, round_uuids=(baseline_uuid,)), part(1))
    versions = _Versions(session, round_row.info.checklist_slug)
    after_definition = versions.get(after.checklist_version)
    before_definition = versions.get(before.checklist_version)
    assert after_definition is not None and before_definition is not None
    if after.checklist_version >= before.checklist_version:
        lineage = versions.lineage(after_definition, before.checklist_version)
    else:
        backwards = versions.lineage(before_definition, after.checklist_version)
        lineage = {q.key: None for q in after_definition.questions()}
        for before_key, after_key in backwards.items():
            if after_key is not None and lineage.get(after_key) is None:
                lineage[after_key] = before_key
    changes = [
        _question_change(after_definition, result, before, lineage.get(result.key), request_template.thresholds)
        for section in after.sections
        for result in section.questions
    ]
    matched = {c.baseline_key for c in changes if c.baseline_key is not None}
    for section in before.sections:
        for result in section.questions:
            if result.key not in matched:
                changes.append(
                    QuestionChange(
                        result.key,
                        result.key,
                        None,
                        result.text,
                        result.kind,
                        "retired",
                        None,
                        None,
                        None,
                        None,
                        None,
                        {},
                    )
                )
    return BeforeAfter(after, before, changes)


def _question_change(
    definition: ChecklistDefinition,
    after: QuestionResult,
    before_aggregate: Aggregate,
    baseline_key: str | None,
    thresholds: Thresholds,
) -> QuestionChange:
    section_key = next(s.key for s in definition.sections if any(q.key == after.key for q in s.questions))
    before = before_aggregate.question(baseline_key) if baseline_key is not None else None

    def unchanged(status: ChangeStatus) -> QuestionChange:
        return QuestionChange(
            after.key,
            baseline_key,
            section_key,
            after.text,
            after.kind,
            status,
            None,
            after.comparison,
            None,
            None,
            None,
            {},
        )

    if before is None:
        return unchanged("new")
    if before.type is not after.type:
        return unchanged("type_changed")
    if after.kind == "not_aggregated":
        return unchanged("not_aggregated")
    question = definition.question(after.key)
    assert question is not None
    before_comparison = before.comparison
    gap_change = ratio_change = None
    narrowed = None
    groups: dict[SexGroup, GroupChange] = {}
    if after.kind == "categorical":
        option = after.comparison.option if after.comparison is not None else None
        if option is None:
            option = next((o.value for o in after.groups[SexGroup.FEMALE].options), None)
        if after.comparison is not None:
            before_comparison = categorical_comparison(
                question, before.groups[SexGroup.FEMALE], before.groups[SexGroup.MALE], thresholds, option
            )
        for g in GROUPS:
            groups[g] = GroupChange(
                _percent_of(before.groups[g], option),
                _percent_of(after.groups[g], option),
                before.groups[g].base,
                after.groups[g].base,
            )
        a = after.comparison.difference_pp if after.comparison else None
        b = before_comparison.difference_pp if before_comparison else None
        if a is not None and b is not None:
            gap_change = abs(a) - abs(b)
            narrowed = abs(a) < abs(b)
    else:
        for g in GROUPS:
            old_numbers, new_numbers = before.groups[g].numbers, after.groups[g].numbers
            groups[g] = GroupChange(
                old_numbers.median if old_numbers else None,
                new_numbers.median if new_numbers else None,
                before.groups[g].n,
                after.groups[g].n,
            )
        a_ratio = after.comparison.median_ratio if after.comparison else None
        b_ratio = before_comparison.median_ratio if before_comparison else None
        if a_ratio is not None and b_ratio is not None:
            ratio_change = a_ratio - b_ratio
            narrowed = abs(a_ratio - 1.0) < abs(b_ratio - 1.0)
    return QuestionChange(
        after.key,
        baseline_key,
        section_key,
        after.text,
        after.kind,
        "compared",
        before_comparison,
        after.comparison,
        gap_change,
        ratio_change,
        narrowed,
        groups,
    )


def _percent_of(group: GroupResult, option: str | None) -> float | None:
    return next((o.percent for o in group.options if o.value == option), None)
