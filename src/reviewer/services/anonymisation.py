"""The anonymised result: what of the sex-split aggregation of some rounds may leave the unit, with what was hidden
and why. The CSV, XLSX and JSON exports and the anonymised PDF report are written from it, so they agree.

The counts come from the aggregation service (`services.aggregation.aggregate`), never from a second counting code;
this module only decides what to hide (`domain.disclosure`) and fetches the one thing the aggregation does not
return: the largest amounts of each money question, which the dominance rule needs. What never enters the result:
free-text and date questions, notes, case codes, reviewer names or initials (the method gives only how many
reviewers), dates finer than a round's period label (the export's own date is a day), the smallest and largest
value of a number (each describes a single case), and any figure about fewer than k cases.

The rules and their reasons are documented in `docs/anonymisation.md`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, col, select

from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.domain.disclosure import (
    FrequencyTable,
    Line,
    Position,
    Reason,
    Rules,
    is_dominated,
    protect,
    suppress_linked,
)
from reviewer.domain.sex import Sex, SexGroup, Subject, group_of
from reviewer.domain.statistics import NumberSummary, Thresholds
from reviewer.domain.text import Message, ReviewerError
from reviewer.services.aggregation import (
    GROUPS,
    NOT_APPLICABLE,
    Aggregate,
    AggregateRequest,
    Comparison,
    Finding,
    GroupResult,
    QuestionResult,
    aggregate,
    unit_of,
)
from reviewer.services.aggregation.model import Unit, default_subject_label
from reviewer.services.aggregation.text import finding_message
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import require_real_rounds
from reviewer.storage.models import Answer, AuditEvent, Case, ChecklistVersion, Review, ReviewStatus, Round

Column = Literal["female", "male", "other", "total"]
COLUMNS: tuple[Column, ...] = ("female", "male", "other", "total")
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

    def question(self, key: str) -> AnonymisedQuestion | None:
        return next((q for s in self.sections for q in s.questions if q.key == key), None)


# ---------------------------------------------------------------------------------------------------------------
# Building it


@dataclass
class _Categorical:
    section: str
    result: QuestionResult
    values: list[str]
    labels: list[Message]
    table: FrequencyTable
    bases: list[int]


@dataclass
class _Numeric:
    section: str
    result: QuestionResult
    table: FrequencyTable


def build_anonymised(
    session: Session, request: ExportRequest, progress: Progress | None = None, today: date | None = None
) -> AnonymisedResult:
    """The anonymised picture of the rounds in the request (see the module docstring and docs/anonymisation.md)."""
    rules = request.rules
    require_real_rounds(session, request.round_uuids)
    result = aggregate(session, AggregateRequest(round_uuids=request.round_uuids, unit=request.unit), progress)
    if result.n_cases == 0:
        raise ExportError(
            Message(
                "Det finns inga klara granskningar att sammanställa för det här urvalet",
                "There are no completed reviews to summarise for this selection",
            )
        )
    if result.n_cases < rules.min_cell:
        raise ExportError(
            Message(
                f"Urvalet har färre än {rules.min_cell} granskade ärenden; en anonymiserad sammanställning skulle "
                "inte kunna visa något",
                f"The selection has fewer than {rules.min_cell} reviewed cases; an anonymised summary could show "
                "nothing",
            )
        )
    definition = definition_of(get_version(session, result.checklist_slug, result.checklist_version))

    sample = FrequencyTable((), tuple(result.n_by_group[g] for g in GROUPS))
    categorical: list[_Categorical] = []
    numeric: list[_Numeric] = []
    for section in result.sections:
        for question in section.questions:
            if question.kind == "categorical":
                categorical.append(_categorical(section.key, question))
            elif question.kind == "numeric":
                counts = tuple(question.groups[g].n for g in GROUPS)
                numeric.append(_Numeric(section.key, question, FrequencyTable((), counts)))
    hidden_maps = suppress_linked([sample, *(c.table for c in categorical), *(n.table for n in numeric)], rules)
    sample_hidden = hidden_maps[0]
    categorical_hidden = hidden_maps[1 : 1 + len(categorical)]
    numeric_hidden = hidden_maps[1 + len(categorical) :]

    largest = _largest_amounts(session, result, definition, request, rules.dominance_n)
    cases = _cells(sample, sample_hidden, 0, None)
    hidden_list = [
        HiddenCell("", None, CASES_LABEL, column, cell.reason) for column, cell in cases.items() if cell.reason
    ]
    questions: dict[str, AnonymisedQuestion] = {}
    for item, hidden in zip(categorical, categorical_hidden, strict=True):
        questions[item.result.key] = _categorical_question(item, hidden, hidden_list)
    for number, hidden in zip(numeric, numeric_hidden, strict=True):
        amounts = largest.get(number.result.key, {})
        questions[number.result.key] = _numeric_question(number, hidden, amounts, rules, hidden_list)

    sections = []
    for section in result.sections:
        kept = [questions[q.key] for q in section.questions if q.key in questions]
        if kept:
            sections.append(AnonymisedSection(section.key, section.index, section.title, kept))
    published = {key for key, q in questions.items() if q.comparison is not None}
    method = Method(
        checklist_slug=result.checklist_slug,
        checklist_version=result.checklist_version,
        checklist_title=Message(definition.title.sv, definition.title.en or definition.title.sv),
        subject=result.subject,
        subject_label=result.subject_label,
        rounds=[RoundLabel(r.name, r.period_label) for r in result.rounds],
        unit=request.unit,
        cases=cases,
        n_reviewers=_count_reviewers(session, request),
        rules=rules,
        thresholds=result.request.thresholds,
        n_hidden=len(hidden_list),
        exported_on=today or date.today(),
        n_tested=result.n_tested,
        n_tested_primary=result.n_tested_primary,
    )
    return AnonymisedResult(
        method=method,
        sections=sections,
        findings=[
            _published_finding(f, questions[f.question_key], definition)
            for f in result.findings
            if f.question_key in published
        ],
        hidden=hidden_list,
    )


def _published_finding(finding: Finding, question: AnonymisedQuestion, definition: ChecklistDefinition) -> Finding:
    """The finding as published: its comparison is the anonymised one (means and sums left out where a sum is
    hidden), and so is its sentence, which would otherwise still print them."""
    comparison = question.comparison
    assert comparison is not None
    if comparison == finding.comparison:
        return finding
    message = finding_message(finding.question_text, comparison, definition.subject, question.unit)
    return replace(finding, comparison=comparison, message=message)


def _categorical(section: str, question: QuestionResult) -> _Categorical:
    female = question.groups[SexGroup.FEMALE]
    values = [o.value for o in female.options]
    labels = [o.label for o in female.options]
    counts = [[o.count for o in question.groups[g].options] for g in GROUPS]
    answered = tuple(question.groups[g].n for g in GROUPS)
    if question.type is QuestionType.MULTIPLE_CHOICE:
        # a case may choose several options: the columns do not add up to the number who answered
        table = FrequencyTable(tuple(zip(*counts, strict=True)), column_totals=answered)
    else:
        # "ej aktuellt" is answered but is no option: its own row, so that the table adds up (the aggregation
        # counts it apart for yes/no/not applicable, and within the number who answered for other questions)
        rest = [n - sum(counted) for counted, n in zip(counts, answered, strict=True)]
        if question.type is QuestionType.YES_NO_NA or any(rest):
            values.append(NOT_APPLICABLE)
            labels.append(NOT_APPLICABLE_LABEL)
            for counted, remainder in zip(counts, rest, strict=True):
                counted.append(remainder)
        table = FrequencyTable(tuple(zip(*counts, strict=True)))
    bases = [question.groups[g].base for g in GROUPS]
    return _Categorical(section, question, values, labels, table, bases)


def _cells(
    table: FrequencyTable, hidden: Mapping[Position, Reason], row: int, percent: Callable[[int], float | None] | None
) -> dict[Column, Cell]:
    values = table.values()
    cells = {}
    for c, column in enumerate(COLUMNS):
        reason = hidden.get((row, c))
        value = values[(row, c)]
        share = percent(c) if percent is not None and reason is None else None
        cells[column] = Cell(None if reason is not None else value, share, reason)
    return cells


def _categorical_question(
    item: _Categorical, hidden: Mapping[Position, Reason], hidden_list: list[HiddenCell]
) -> AnonymisedQuestion:
    question, table = item.result, item.table
    rows_n, totals_row = len(item.values), table.rows
    values = table.values()
    # the base of a column's percentages: the number who answered, less "ej aktuellt" for yes/no/not applicable
    base_less_not_applicable = question.type is QuestionType.YES_NO_NA
    bases = [*item.bases, sum(item.bases)]

    def base_hidden(c: int) -> bool:
        return (totals_row, c) in hidden or (base_less_not_applicable and (rows_n - 1, c) in hidden)

    rows = []
    for r, (value, label) in enumerate(zip(item.values, item.labels, strict=True)):
        option_percent: Callable[[int], float | None] | None = None
        if value != NOT_APPLICABLE:

            def option_percent(c: int, r: int = r) -> float | None:
                if c < len(GROUPS):
                    return question.groups[GROUPS[c]].options[r].percent
                return 100.0 * values[(r, c)] / bases[c] if bases[c] else None

        cells = _cells(table, hidden, r, option_percent)
        for c, column in enumerate(COLUMNS):
            cell = cells[column]
            if cell.reason is not None:
                hidden_list.append(HiddenCell(item.section, question.key, label, column, cell.reason))
            elif value != NOT_APPLICABLE and base_hidden(c):
                cells[column] = Cell(cell.count, None, Reason.SECONDARY)
        rows.append(Row(value, label, cells))
    totals = _cells(table, hidden, totals_row, None)
    for column, cell in totals.items():
        if cell.reason is not None:
            hidden_list.append(HiddenCell(item.section, question.key, TOTAL_LABEL, column, cell.reason))
    comparison, comparison_reason = question.comparison, None
    if comparison is not None:
        compared = [c for c, g in enumerate(GROUPS) if g in (SexGroup.FEMALE, SexGroup.MALE)]
        if any((r, c) in hidden for r in range(totals_row + 1) for c in compared):
            comparison, comparison_reason = None, Reason.SECONDARY
            hidden_list.append(HiddenCell(item.section, question.key, COMPARISON_LABEL, None, Reason.SECONDARY))
    return AnonymisedQuestion(
        key=question.key,
        type=question.type,
        text=question.text,
        kind="categorical",
        unit="none",
        compare_by_sex=question.compare_by_sex,
        rows=rows,
        totals=Row("", TOTAL_LABEL, totals),
        numbers={},
        comparison=comparison,
        comparison_reason=comparison_reason,
    )


def _numeric_question(
    item: _Numeric,
    hidden: Mapping[Position, Reason],
    largest: Mapping[SexGroup, Sequence[float]],
    rules: Rules,
    hidden_list: list[HiddenCell],
) -> AnonymisedQuestion:
    question = item.result
    money = question.type is QuestionType.MONEY
    summaries: list[NumberSummary | None] = [question.groups[g].numbers for g in GROUPS]
    counts = [question.groups[g].n for g in GROUPS]
    sums = [s.total if s is not None else 0.0 for s in summaries]
    all_largest = [v for g in GROUPS for v in largest.get(g, ())]
    amounts = [*(largest.get(g, ()) for g in GROUPS), all_largest]
    totals = [*sums, sum(sums)]
    # every figure of a column whose count is hidden; then the sums (which the means give away): the dominance
    # rule for money, and complements so that no hidden sum is the published total less the others
    group_reasons = {c: Reason.TOO_FEW if r is Reason.PRIMARY else r for (_, c), r in hidden.items()}
    sum_hidden: dict[int, Reason] = dict(group_reasons)
    if money:
        for c in range(len(COLUMNS)):
            if c not in sum_hidden and is_dominated(amounts[c], totals[c], rules):
                sum_hidden[c] = Reason.DOMINANCE
    sum_hidden = protect(
        dict(enumerate(totals)),
        [Line(tuple(range(len(GROUPS))), len(GROUPS))],
        sum_hidden,
        rank=lambda c: 0 if c == len(GROUPS) else 1,
    )
    numbers: dict[Column, NumberCell] = {}
    n_total = sum(counts)
    for c, column in enumerate(COLUMNS):
        if c in group_reasons:
            reason = group_reasons[c]
            numbers[column] = NumberCell(None, None, None, None, None, None, reason, None)
            hidden_list.append(HiddenCell(item.section, question.key, FIGURES_LABEL, column, reason))
            continue
        summary = summaries[c] if c < len(GROUPS) else None
        n = counts[c] if c < len(GROUPS) else n_total
        mean = (summary.mean if summary is not None else None) if c < len(GROUPS) else (totals[c] / n if n else None)
        total_reason = sum_hidden.get(c)
        if total_reason is not None:
            hidden_list.append(HiddenCell(item.section, question.key, SUM_LABEL, column, total_reason))
        numbers[column] = NumberCell(
            n=n,
            mean=None if total_reason is not None else mean,
            median=summary.median if summary is not None else None,
            q1=summary.q1 if summary is not None else None,
            q3=summary.q3 if summary is not None else None,
            total=totals[c] if money and total_reason is None and n else None,
            reason=None,
            total_reason=total_reason,
        )
    comparison, comparison_reason = question.comparison, None
    if comparison is not None and ({0, 1} & group_reasons.keys()):
        comparison, comparison_reason = None, Reason.SECONDARY
        hidden_list.append(HiddenCell(item.section, question.key, COMPARISON_LABEL, None, Reason.SECONDARY))
    elif comparison is not None and ({0, 1} & sum_hidden.keys()):
        # a hidden sum of women or men would follow from the means, the totals or the ratio of the means
        comparison = replace(
            comparison,
            female_mean=None,
            male_mean=None,
            female_total=None,
            male_total=None,
            mean_ratio=None,
            mean_ratio_low=None,
            mean_ratio_high=None,
        )
    return AnonymisedQuestion(
        key=question.key,
        type=question.type,
        text=question.text,
        kind="numeric",
        unit=unit_of(question.type),
        compare_by_sex=question.compare_by_sex,
        rows=[],
        totals=None,
        numbers=numbers,
        comparison=comparison,
        comparison_reason=comparison_reason,
    )


# ---------------------------------------------------------------------------------------------------------------
# What the aggregation does not return


_ANSWER: sa.Table = Answer.__table__  # type: ignore[attr-defined]
_REVIEW: sa.Table = Review.__table__  # type: ignore[attr-defined]
_CASE: sa.Table = Case.__table__  # type: ignore[attr-defined]


def _counted_reviews(round_ids: Sequence[int], unit: str | None) -> list[sa.ColumnElement[bool]]:
    """The reviews the aggregation counts for an export: completed, of the rounds and unit, one per case (the one
    recorded first, as the aggregation chooses)."""
    first = _REVIEW.alias("first")
    conditions: list[sa.ColumnElement[bool]] = [
        _CASE.c.round_id.in_(round_ids),
        _REVIEW.c.status == ReviewStatus.COMPLETE.value,
        ~sa.exists().where(
            first.c.case_id == _REVIEW.c.case_id,
            first.c.status == ReviewStatus.COMPLETE.value,
            first.c.id < _REVIEW.c.id,
        ),
    ]
    if unit is not None:
        conditions.append(_CASE.c.unit == unit)
    return conditions


def _round_versions(session: Session, round_uuids: Sequence[str]) -> dict[int, list[int]]:
    rows = session.exec(
        select(Round.id, ChecklistVersion.version)
        .join(ChecklistVersion, col(Round.checklist_version_id) == col(ChecklistVersion.id))
        .where(col(Round.uuid).in_(list(round_uuids)))
    ).all()
    by_version: dict[int, list[int]] = defaultdict(list)
    for round_id, version in rows:
        assert round_id is not None
        by_version[version].append(round_id)
    return by_version


def _older_keys(session: Session, newest: ChecklistDefinition, version: int) -> dict[str, str]:
    """For the questions of `newest`: their key in the older `version`, following each version's key map (a key
    kept unmapped and not retired is the same question), for questions whose type is unchanged."""
    rows = {r.version: r for r in session.exec(select(ChecklistVersion).where(ChecklistVersion.slug == newest.slug))}
    mapping: dict[str, str | None] = {q.key: q.key for q in newest.questions()}
    current = newest
    while current.version > version and current.previous is not None and current.previous.version in rows:
        step = current.previous
        older = definition_of(rows[step.version])
        older_keys = {q.key for q in older.questions()}
        for new_key, key in mapping.items():
            if key is not None:
                kept = key in older_keys and key not in step.retired
                mapping[new_key] = step.key_map.get(key, key if kept else None)
        current = older
    if current.version != version:
        return {}
    return {
        new: old
        for new, old in mapping.items()
        if old is not None
        and (old_question := current.question(old)) is not None
        and (new_question := newest.question(new)) is not None
        and old_question.type is new_question.type
    }


def _largest_amounts(
    session: Session, result: Aggregate, definition: ChecklistDefinition, request: ExportRequest, n: int
) -> dict[str, dict[SexGroup, list[float]]]:
    """The n largest amounts of each money question per sex group, which the dominance rule compares with the
    group's sum. If the values found do not match what the aggregation counted, the amounts are left out, and the
    sums are hidden as dominated – never published on a partial check."""
    money: list[Question] = [q for q in definition.questions() if q.type is QuestionType.MONEY]
    if not money:
        return {}
    found: dict[str, dict[SexGroup, list[float]]] = {q.key: defaultdict(list) for q in money}
    counted: dict[str, dict[SexGroup, int]] = {q.key: defaultdict(int) for q in money}
    for version, round_ids in _round_versions(session, request.round_uuids).items():
        keys = (
            {q.key: q.key for q in money}
            if version == definition.version
            else _older_keys(session, definition, version)
        )
        old_to_new = {keys[q.key]: q.key for q in money if q.key in keys}
        if not old_to_new:
            continue
        partition = (_ANSWER.c.question_key, _CASE.c.sex)
        ranked = (
            sa.select(
                _ANSWER.c.question_key.label("key"),
                _CASE.c.sex.label("sex"),
                _ANSWER.c.value_number.label("value"),
                sa.func.row_number()
                .over(partition_by=partition, order_by=_ANSWER.c.value_number.desc())
                .label("place"),
                sa.func.count().over(partition_by=partition).label("values"),
            )
            .select_from(
                _ANSWER.join(_REVIEW, _REVIEW.c.id == _ANSWER.c.review_id).join(_CASE, _CASE.c.id == _REVIEW.c.case_id)
            )
            .where(
                *_counted_reviews(round_ids, request.unit),
                _ANSWER.c.question_key.in_(list(old_to_new)),
                _ANSWER.c.value_number.is_not(None),
            )
            .subquery()
        )
        query = sa.select(ranked.c.key, ranked.c.sex, ranked.c.value, ranked.c.place, ranked.c["values"]).where(
            ranked.c.place <= n
        )
        for key, sex, value, place, values in session.execute(query):
            group = group_of(Sex(sex))
            found[old_to_new[key]][group].append(float(value))
            if place == 1:
                counted[old_to_new[key]][group] += values
    complete: dict[str, dict[SexGroup, list[float]]] = {}
    for question in money:
        groups = result.question(question.key)
        if groups is not None and all(counted[question.key][g] == groups.groups[g].n for g in GROUPS):
            complete[question.key] = {g: sorted(v, reverse=True)[:n] for g, v in found[question.key].items()}
        else:
            # everything the group has, as far as the rule can tell, is in its largest contributions
            complete[question.key] = {g: [_everything(groups.groups[g] if groups else None)] for g in GROUPS}
    return complete


def _everything(group: GroupResult | None) -> float:
    return group.numbers.total if group is not None and group.numbers is not None else 0.0


def _count_reviewers(session: Session, request: ExportRequest) -> int:
    round_ids = [i for ids in _round_versions(session, request.round_uuids).values() for i in ids]
    conditions = [_CASE.c.round_id.in_(round_ids), _REVIEW.c.status == ReviewStatus.COMPLETE.value]
    if request.unit is not None:
        conditions.append(_CASE.c.unit == request.unit)
    query = (
        sa.select(sa.func.count(sa.distinct(_REVIEW.c.reviewer)))
        .select_from(_REVIEW.join(_CASE, _CASE.c.id == _REVIEW.c.case_id))
        .where(*conditions)
    )
    return int(session.execute(query).scalar_one())


# ---------------------------------------------------------------------------------------------------------------
# For the exports' last guard


@dataclass(frozen=True)
class ForbiddenStrings:
    """What must never appear in an anonymised export: every case code, and every name – reviewers and the people
    in the audit log."""

    case_codes: frozenset[str]
    names: frozenset[str]


def forbidden_strings(session: Session) -> ForbiddenStrings:
    def distinct(column: Any) -> frozenset[str]:
        return frozenset(v.strip() for v in session.exec(select(column).distinct()) if v and v.strip())

    return ForbiddenStrings(distinct(Case.case_code), distinct(Review.reviewer) | distinct(AuditEvent.actor))


def checklist_texts(session: Session, slug: str) -> list[str]:
    """The texts of every version of a checklist that an export shows (titles, questions, options), in both
    languages: the export's ordinary vocabulary, which the guard needs to tell a word from a name."""
    texts: list[str] = []
    for row in session.exec(select(ChecklistVersion).where(ChecklistVersion.slug == slug)):
        definition = definition_of(row)
        texts += [definition.title.sv, definition.title.en or ""]
        for section in definition.sections:
            texts += [section.title.sv, section.title.en or ""]
            for question in section.questions:
                texts += [question.text.sv, question.text.en or ""]
                for option in question.options or []:
                    texts += [option.label.sv, option.label.en or ""]
    return [t for t in texts if t]
