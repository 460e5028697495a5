"""Building the anonymised result from the aggregation: the tables handed to `domain.disclosure`, and what it hides
turned into cells, numbers, comparisons and the list of hidden figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session

from reviewer.checklists.schema import ChecklistDefinition, QuestionType
from reviewer.domain.disclosure import (
    FrequencyTable,
    Line,
    Position,
    Reason,
    Rules,
    is_dominated,
    is_small,
    protect,
)
from reviewer.domain.releases import SAMPLE_KEY, Release, ReleaseTable, protect_release
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import NumberSummary
from reviewer.domain.text import Message
from reviewer.services.aggregation import (
    GROUPS,
    NOT_APPLICABLE,
    AggregateRequest,
    Finding,
    QuestionResult,
    aggregate,
    unit_of,
)
from reviewer.services.aggregation.text import finding_message
from reviewer.services.anonymisation.model import (
    CASES_LABEL,
    COLUMNS,
    COMPARISON_LABEL,
    FIGURES_LABEL,
    NOT_APPLICABLE_LABEL,
    SUM_LABEL,
    TOTAL_LABEL,
    AnonymisedQuestion,
    AnonymisedResult,
    AnonymisedSection,
    Cell,
    Column,
    ExportError,
    ExportRequest,
    HiddenCell,
    Method,
    NumberCell,
    Progress,
    RoundLabel,
    Row,
)
from reviewer.services.anonymisation.queries import count_reviewers, largest_amounts
from reviewer.services.anonymisation.register import current_population, earlier_releases, round_states
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import require_real_rounds


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
    """The anonymised picture of the rounds in the request (see the module docstring and docs/anonymisation.md),
    checked against the earlier releases in the register (`services.anonymisation.register`)."""
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
    # a small annat or okänt group is left out of the tables: the total column is that of the groups shown
    left_out = tuple(g for g in (SexGroup.OTHER, SexGroup.UNKNOWN) if is_small(result.n_by_group[g], rules))
    groups = tuple(g for g in GROUPS if g not in left_out)
    dropped = tuple(g.value for g in left_out)

    sample = FrequencyTable((), tuple(result.n_by_group[g] for g in groups))
    categorical: list[_Categorical] = []
    numeric: list[_Numeric] = []
    for section in result.sections:
        for question in section.questions:
            if question.kind == "categorical":
                categorical.append(_categorical(section.key, question, groups))
            elif question.kind == "numeric":
                counts = tuple(question.groups[g].n for g in groups)
                numeric.append(_Numeric(section.key, question, FrequencyTable((), counts)))
    tables = [
        ReleaseTable(SAMPLE_KEY, sample, (), small_group=True, left_out=dropped),
        *(
            ReleaseTable(c.result.key, c.table, tuple(c.values), always_row=_always_row(c), left_out=dropped)
            for c in categorical
        ),
        *(ReleaseTable(n.result.key, n.table, (), left_out=dropped) for n in numeric),
    ]
    hidden_maps, release, n_earlier = _protect_together(session, request, result.checklist_slug, tables, rules)
    sample_hidden = hidden_maps[0]
    categorical_hidden = hidden_maps[1 : 1 + len(categorical)]
    numeric_hidden = hidden_maps[1 + len(categorical) :]

    largest = largest_amounts(session, result, definition, request, rules.dominance_n)
    cases = _cells(sample, sample_hidden, 0, None, groups)
    hidden_list = [
        HiddenCell("", None, CASES_LABEL, column, cell.reason) for column, cell in cases.items() if cell.reason
    ]
    questions: dict[str, AnonymisedQuestion] = {}
    for item, hidden in zip(categorical, categorical_hidden, strict=True):
        questions[item.result.key] = _categorical_question(item, hidden, groups, hidden_list)
    for number, hidden in zip(numeric, numeric_hidden, strict=True):
        amounts = largest.get(number.result.key, {})
        questions[number.result.key] = _numeric_question(number, hidden, groups, amounts, rules, hidden_list)

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
        n_reviewers=count_reviewers(session, request),
        rules=rules,
        thresholds=result.request.thresholds,
        n_hidden=len(hidden_list),
        exported_on=today or date.today(),
        n_tested=result.n_tested,
        n_tested_primary=result.n_tested_primary,
        left_out=tuple(COLUMNS[GROUPS.index(g)] for g in left_out),
        n_earlier_releases=n_earlier,
        n_hidden_for_earlier=sum(1 for h in hidden_list if h.reason is Reason.RELEASED),
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
        release=release,
    )


def _protect_together(
    session: Session, request: ExportRequest, slug: str, tables: Sequence[ReleaseTable], rules: Rules
) -> tuple[list[dict[Position, Reason]], Release, int]:
    """What to hide so that, with the earlier releases of overlapping selections in the register, nothing becomes
    recoverable; the release as the register keeps it, and how many earlier releases it was checked against."""
    earlier = earlier_releases(session, slug, request.round_uuids)
    population = current_population(session, earlier, request.round_uuids) if earlier else None
    state = round_states(session, request.round_uuids)
    hidden_maps, release = protect_release(tables, rules, state, request.unit, earlier, population)
    return hidden_maps, release, len(earlier)


def _published_finding(finding: Finding, question: AnonymisedQuestion, definition: ChecklistDefinition) -> Finding:
    """The finding as published: its comparison is the anonymised one (means and sums left out where a sum is
    hidden), and so is its sentence, which would otherwise still print them."""
    comparison = question.comparison
    assert comparison is not None
    if comparison == finding.comparison:
        return finding
    message = finding_message(finding.question_text, comparison, definition.subject, question.unit)
    return replace(finding, comparison=comparison, message=message)


def _categorical(section: str, question: QuestionResult, groups: Sequence[SexGroup]) -> _Categorical:
    female = question.groups[SexGroup.FEMALE]
    values = [o.value for o in female.options]
    labels = [o.label for o in female.options]
    counts = [[o.count for o in question.groups[g].options] for g in groups]
    answered = tuple(question.groups[g].n for g in groups)
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
    bases = [question.groups[g].base for g in groups]
    return _Categorical(section, question, values, labels, table, bases)


def _always_row(item: _Categorical) -> str | None:
    """The "ej aktuellt" row of a table that adds up, kept by the register also when nobody chose it."""
    return NOT_APPLICABLE if item.table.columns_add_up else None


def _table_column(groups: Sequence[SexGroup], column: int) -> int | None:
    """Where a result column (an index into COLUMNS) is in a table of `groups`: None for a small annat or okänt
    group left out, the total column after the groups."""
    if column < len(COLUMNS) - 1:
        return groups.index(GROUPS[column]) if GROUPS[column] in groups else None
    return len(groups)


def _cells(
    table: FrequencyTable,
    hidden: Mapping[Position, Reason],
    row: int,
    percent: Callable[[int], float | None] | None,
    groups: Sequence[SexGroup],
) -> dict[Column, Cell]:
    values = table.values()
    cells = {}
    for c, column in enumerate(COLUMNS):
        t = _table_column(groups, c)
        if t is None:
            cells[column] = Cell(None, None, Reason.PRIMARY)  # the small group: reported only as fewer than k
            continue
        reason = hidden.get((row, t))
        value = values[(row, t)]
        share = percent(t) if percent is not None and reason is None else None
        cells[column] = Cell(None if reason is not None else value, share, reason)
    return cells


def _categorical_question(
    item: _Categorical, hidden: Mapping[Position, Reason], groups: Sequence[SexGroup], hidden_list: list[HiddenCell]
) -> AnonymisedQuestion:
    question, table = item.result, item.table
    rows_n, totals_row = len(item.values), table.rows
    values = table.values()
    # the base of a column's percentages: the number who answered, less "ej aktuellt" for yes/no/not applicable
    base_less_not_applicable = question.type is QuestionType.YES_NO_NA
    bases = [*item.bases, sum(item.bases)]

    def base_hidden(t: int) -> bool:
        return (totals_row, t) in hidden or (base_less_not_applicable and (rows_n - 1, t) in hidden)

    rows = []
    for r, (value, label) in enumerate(zip(item.values, item.labels, strict=True)):
        option_percent: Callable[[int], float | None] | None = None
        if value != NOT_APPLICABLE:

            def option_percent(t: int, r: int = r) -> float | None:
                if t < len(groups):
                    return question.groups[groups[t]].options[r].percent
                return 100.0 * values[(r, t)] / bases[t] if bases[t] else None

        cells = _cells(table, hidden, r, option_percent, groups)
        for c, column in enumerate(COLUMNS):
            cell = cells[column]
            t = _table_column(groups, c)
            if cell.reason is not None:
                hidden_list.append(HiddenCell(item.section, question.key, label, column, cell.reason))
            elif t is not None and value != NOT_APPLICABLE and base_hidden(t):
                cells[column] = Cell(cell.count, None, Reason.SECONDARY)
        rows.append(Row(value, label, cells))
    totals = _cells(table, hidden, totals_row, None, groups)
    for column, cell in totals.items():
        if cell.reason is not None:
            hidden_list.append(HiddenCell(item.section, question.key, TOTAL_LABEL, column, cell.reason))
    comparison, comparison_reason = question.comparison, None
    if comparison is not None:
        compared = [t for t, g in enumerate(groups) if g in (SexGroup.FEMALE, SexGroup.MALE)]
        if any((r, t) in hidden for r in range(totals_row + 1) for t in compared):
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
    groups: Sequence[SexGroup],
    largest: Mapping[SexGroup, Sequence[float]],
    rules: Rules,
    hidden_list: list[HiddenCell],
) -> AnonymisedQuestion:
    question = item.result
    money = question.type is QuestionType.MONEY
    summaries: list[NumberSummary | None] = [question.groups[g].numbers for g in groups]
    counts = [question.groups[g].n for g in groups]
    sums = [s.total if s is not None else 0.0 for s in summaries]
    all_largest = [v for g in groups for v in largest.get(g, ())]
    amounts = [*(largest.get(g, ()) for g in groups), all_largest]
    totals = [*sums, sum(sums)]
    # every figure of a column whose count is hidden; then the sums (which the means give away): the dominance
    # rule for money, and complements so that no hidden sum is the published total less the others
    group_reasons = {t: Reason.TOO_FEW if r is Reason.PRIMARY else r for (_, t), r in hidden.items()}
    sum_hidden: dict[int, Reason] = dict(group_reasons)
    if money:
        for t in range(len(totals)):
            if t not in sum_hidden and is_dominated(amounts[t], totals[t], rules):
                sum_hidden[t] = Reason.DOMINANCE
    sum_hidden = protect(
        dict(enumerate(totals)),
        [Line(tuple(range(len(groups))), len(groups))],
        sum_hidden,
        rank=lambda t: 0 if t == len(groups) else 1,
    )
    numbers: dict[Column, NumberCell] = {}
    n_total = sum(counts)
    for c, column in enumerate(COLUMNS):
        place = _table_column(groups, c)
        if place is None or place in group_reasons:
            reason = Reason.TOO_FEW if place is None else group_reasons[place]
            numbers[column] = NumberCell(None, None, None, None, None, None, reason, None)
            hidden_list.append(HiddenCell(item.section, question.key, FIGURES_LABEL, column, reason))
            continue
        summary = summaries[place] if place < len(groups) else None
        n = counts[place] if place < len(groups) else n_total
        mean = (
            (summary.mean if summary is not None else None)
            if place < len(groups)
            else (totals[place] / n if n else None)
        )
        total_reason = sum_hidden.get(place)
        if total_reason is not None:
            hidden_list.append(HiddenCell(item.section, question.key, SUM_LABEL, column, total_reason))
        numbers[column] = NumberCell(
            n=n,
            mean=None if total_reason is not None else mean,
            median=summary.median if summary is not None else None,
            q1=summary.q1 if summary is not None else None,
            q3=summary.q3 if summary is not None else None,
            total=totals[place] if money and total_reason is None and n else None,
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
