"""What one question shows in its section's table and charts, for the internal report (from the aggregation's
`QuestionResult`) and the anonymised one (from the anonymised result, "x" for what it hides).

A categorical question has two lines: the share choosing the compared answer within each group and in total, and
under it SCB's other view, the sex distribution of those who chose it. A numeric question has a line each for the
median, the mean and – for money – the sum, each ratio with its interval. The p-values go under the question, raw
and adjusted, named for what they test (`text.p_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reviewer.checklists.schema import QuestionType
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import wilson_interval
from reviewer.domain.text import Message
from reviewer.reports.pdf.document import HIDDEN_MARK
from reviewer.reports.pdf.figures import amount, difference, ratio, share, whole
from reviewer.services.aggregation import (
    GROUPS,
    MIN_PERCENT_BASE,
    NOT_APPLICABLE,
    Comparison,
    GroupResult,
    OptionCount,
    QuestionResult,
    sex_distribution,
)
from reviewer.services.aggregation.model import Unit
from reviewer.services.aggregation.text import format_amount, format_number, format_percent, p_text
from reviewer.services.anonymisation import AnonymisedQuestion, Column, NumberCell
from reviewer.services.anonymisation import Row as AnonymisedRow

COLUMNS: tuple[Column, ...] = ("female", "male", "other", "unknown", "total")
_YES_NO = frozenset({QuestionType.YES_NO, QuestionType.YES_NO_NA})
Cells = tuple[str, str, str, str, str]  # women, men, annat, okänt, Totalt
_NO_LABEL = Message("", "")


def _five(items: Sequence[str]) -> Cells:
    first, second, third, fourth, fifth = items
    return first, second, third, fourth, fifth


@dataclass(frozen=True)
class Bars:
    label: str
    female: float
    male: float
    female_text: str
    male_text: str


@dataclass(frozen=True)
class Line:
    """One table row. A "sub" line (sex distribution, mean, sum) belongs to the "main" line above it."""

    label: str
    note: str
    cells: Cells
    difference: str
    kind: Literal["main", "sub"] = "main"


@dataclass(frozen=True)
class QuestionRows:
    lines: list[Line]
    flagged: bool
    small_base: bool  # a count stands without its percentage: its base is under MIN_PERCENT_BASE
    percent_bars: Bars | None
    number_bars: Bars | None


def _bars(label: str, c: Comparison | None, unit: Unit) -> tuple[Bars | None, Bars | None]:
    """The compared figures as (percent bars, number bars), when the comparison has both groups' figures."""
    if c is None:
        return None, None
    if c.female_percent is not None and c.male_percent is not None:
        texts = (format_percent(c.female_percent, "sv"), format_percent(c.male_percent, "sv"))
        return Bars(label, c.female_percent, c.male_percent, *texts), None
    if c.female_median is not None and c.male_median is not None:
        texts = (format_amount(c.female_median, unit, "sv"), format_amount(c.male_median, unit, "sv"))
        return None, Bars(label, c.female_median, c.male_median, *texts)
    return None, None


def _comparison_cells(c: Comparison | None, hidden: bool) -> tuple[str, str]:
    """The difference cell and the note under the question (p raw and adjusted, and what the test tests)."""
    if c is None:
        return (HIDDEN_MARK, "") if hidden else ("", "")
    return difference(c), p_text(c, "sv")


def _distribution(counts: dict[SexGroup, int], option: str) -> Cells:
    """The sex distribution of those who chose `option`, by `compare.sex_distribution`'s rule; counts alone below
    MIN_PERCENT_BASE."""
    groups = {
        g: GroupResult(n, n, 0, [OptionCount(option, _NO_LABEL, n, None, None, None)], None) for g, n in counts.items()
    }
    shares = sex_distribution(groups, option)
    total = sum(counts.values())
    if total < MIN_PERCENT_BASE:
        return _five([*(str(counts[g]) for g in GROUPS), str(total)])
    cells = ["–" if shares[g] is None else whole(format_percent(shares[g] or 0.0, "sv")) for g in GROUPS]
    return _five([*cells, whole(format_percent(100.0, "sv"))])


def _distribution_line(option_label: str, cells: Cells, total: int | None) -> Line:
    """`total`: how many chose the option (None when hidden)."""
    everyone = "alla" if total is None else f"alla {whole(format_number(total, 'sv', 0))}"
    return Line("Könsfördelning", f"av {everyone} som svarat {option_label}", cells, "", "sub")


# ---------------------------------------------------------------------------------------------------------------
# The internal report


def internal_rows(question: QuestionResult, unit: Unit) -> QuestionRows | None:
    """Free text and dates are not summarised (None)."""
    if question.kind == "not_aggregated":
        return None
    c = question.comparison
    ordered = [question.groups[g] for g in GROUPS]
    total = question.total
    with_total = [*ordered, total]
    diff, note = _comparison_cells(c, False)
    flagged = c is not None and c.flagged
    if question.kind == "numeric":
        lines = _internal_numbers(question.text.sv, with_total, c, unit, diff, note)
        percent_bars, number_bars = _bars(question.text.sv, c, unit)
        return QuestionRows(lines, flagged, False, percent_bars, number_bars)
    first = ordered[0].options
    option = c.option if c is not None else (first[0].value if first else None)
    option_label = next((o.label.sv for o in first if o.value == option), "")
    label = f"{question.text.sv} – {option_label}" if option_label else question.text.sv
    items = [_option(g, option) if g is not None else None for g in with_total]
    cells = _five(
        [
            "–" if g is None or item is None else share(item.percent, item.count, g.base, item.ci_low, item.ci_high)
            for g, item in zip(with_total, items, strict=True)
        ]
    )
    small = any(g is not None and 0 < g.base < MIN_PERCENT_BASE for g in with_total)
    lines = [Line(label, note, cells, diff)]
    if option is not None:
        counts = {g: (item.count if (item := _option(question.groups[g], option)) else 0) for g in GROUPS}
        lines.append(_distribution_line(option_label, _distribution(counts, option), sum(counts.values())))
    percent_bars, number_bars = _bars(label, c, unit)
    return QuestionRows(lines, flagged, small, percent_bars, number_bars)


def _option(group: GroupResult, option: str | None) -> OptionCount | None:
    return next((o for o in group.options if o.value == option), None)


def _internal_numbers(
    text: str, groups: list[GroupResult | None], c: Comparison | None, unit: Unit, diff: str, note: str
) -> list[Line]:
    numbers = [g.numbers if g is not None else None for g in groups]
    medians = _five(
        [
            "–" if n is None or g is None else f"{amount(n.median, unit)}\nn = {whole(str(g.n))}"
            for n, g in zip(numbers, groups, strict=True)
        ]
    )
    median_diff = ratio(c.median_ratio, c.median_ratio_low, c.median_ratio_high) if c and c.test else diff
    lines = [Line(f"{text} – median", note, medians, median_diff)]
    means = _five(["–" if n is None else amount(n.mean, unit) for n in numbers])
    mean_diff = ratio(c.mean_ratio, c.mean_ratio_low, c.mean_ratio_high) if c and c.test else ""
    lines.append(Line("medelvärde", "", means, mean_diff, "sub"))
    if unit == "money":
        sums = _five(["–" if n is None else amount(n.total, unit) for n in numbers])
        lines.append(Line("summa", "", sums, "", "sub"))
    return lines


# ---------------------------------------------------------------------------------------------------------------
# The anonymised report


def anonymised_rows(question: AnonymisedQuestion) -> QuestionRows:
    c = question.comparison
    hidden = question.comparison_reason is not None
    diff, note = _comparison_cells(c, hidden)
    flagged = c is not None and c.flagged
    if question.kind == "numeric":
        lines = _anonymised_numbers(question, c, hidden, diff, note)
        percent_bars, number_bars = _bars(question.text.sv, c, question.unit)
        return QuestionRows(lines, flagged, False, percent_bars, number_bars)
    rows = [r for r in question.rows if r.value != NOT_APPLICABLE]
    # without a published comparison: "ja" for yes/no questions, else the first option, as the CLI shows it
    default = "ja" if question.type in _YES_NO else (rows[0].value if rows else None)
    option = c.option if c is not None else default
    row = next((r for r in rows if r.value == option), None)
    label = f"{question.text.sv} – {row.label.sv}" if row is not None else question.text.sv
    bases = {column: _base(question, column) for column in COLUMNS}
    cells = _five([_share_cell(row, column, bases[column]) for column in COLUMNS])
    small = any(b is not None and 0 < b < MIN_PERCENT_BASE for b in bases.values())
    lines = [Line(label, note, cells, diff)]
    if row is not None:
        counts = [row.cells[column].count for column in COLUMNS]
        if any(count is None for count in counts):
            lines.append(_distribution_line(row.label.sv, _five([HIDDEN_MARK] * 5), None))
        else:
            by_group = {g: counts[i] or 0 for i, g in enumerate(GROUPS)}
            lines.append(_distribution_line(row.label.sv, _distribution(by_group, row.value), counts[-1]))
    percent_bars, number_bars = _bars(label, c, question.unit)
    return QuestionRows(lines, flagged, small, percent_bars, number_bars)


def _base(question: AnonymisedQuestion, column: Column) -> int | None:
    """The base of a column's percentages (those who answered, less "ej aktuellt"); None when it is hidden."""
    if question.totals is None:
        return None
    answered = question.totals.cells[column].count
    not_applicable = next((r.cells[column].count for r in question.rows if r.value == NOT_APPLICABLE), 0)
    return None if answered is None or not_applicable is None else answered - not_applicable


def _share_cell(row: AnonymisedRow | None, column: Column, base: int | None) -> str:
    """The share as `figures.share` writes it, from the published count and base; "x" for what is hidden. The
    Wilson interval is computed from the published count and base, so it reveals nothing they do not."""
    if row is None:
        return "–"
    cell = row.cells[column]
    if cell.count is None:
        return HIDDEN_MARK
    if base is None or (cell.percent is None and cell.reason is not None):
        shown_base = HIDDEN_MARK if base is None else whole(str(base))
        return f"{HIDDEN_MARK}\n{whole(str(cell.count))} av {shown_base}"
    if base < MIN_PERCENT_BASE or cell.percent is None:
        return share(None, cell.count, base, None, None)
    low, high = wilson_interval(cell.count, base)
    return share(cell.percent, cell.count, base, 100.0 * low, 100.0 * high)


def _anonymised_numbers(
    question: AnonymisedQuestion, c: Comparison | None, hidden: bool, diff: str, note: str
) -> list[Line]:
    unit = question.unit
    cells = [question.numbers[column] for column in COLUMNS]

    def figure(cell: NumberCell, value: float | None, value_hidden: bool) -> str:
        if cell.reason is not None or value_hidden:
            return HIDDEN_MARK
        return amount(value, unit)

    medians = _five(
        [HIDDEN_MARK if n.reason is not None else f"{amount(n.median, unit)}\nn = {whole(str(n.n))}" for n in cells]
    )
    median_diff = ratio(c.median_ratio, c.median_ratio_low, c.median_ratio_high) if c and c.test else diff
    lines = [Line(f"{question.text.sv} – median", note, medians, median_diff)]
    means = _five([figure(n, n.mean, n.total_reason is not None) for n in cells])
    if c is not None and c.test is not None:
        mean_diff = HIDDEN_MARK if c.mean_ratio is None else ratio(c.mean_ratio, c.mean_ratio_low, c.mean_ratio_high)
    else:
        mean_diff = HIDDEN_MARK if hidden else ""
    lines.append(Line("medelvärde", "", means, mean_diff, "sub"))
    if unit == "money":
        sums = _five([figure(n, n.total, n.total_reason is not None) for n in cells])
        lines.append(Line("summa", "", sums, "", "sub"))
    return lines
