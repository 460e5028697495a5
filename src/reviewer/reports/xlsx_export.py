"""The anonymised export as an Excel workbook, the way Botkyrka's "Dia-mallen" laid out sex-split tables: sex is the
overarching breakdown on every sheet (Kvinnor / Män / Annat / Okänt / Totalt, each with count and %), one sheet per
checklist section with a table per question and a native bar chart beside every compared question, a "Metod" sheet
(checklist, rounds, cases, reviewers, rules, hidden figures, what the marks mean) and an "Ordlista" with the codes and
labels of questions and answers. Headings are Swedish. Percentages are stored as fractions with a % format and
amounts with a kr format, so Excel computes with the full numbers; the layout is in docs/export-format.md.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reviewer import __version__
from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Message
from reviewer.reports.common import (
    ALL_UNITS,
    ANSWER,
    ANSWERED,
    CASES,
    CHECKLIST,
    COMPARED,
    COMPARISON,
    COMPARISON_HIDDEN,
    COUNT,
    DIFFERENCE,
    DIFFERENCE_CI,
    DOMINANCE,
    EXPORTED_ON,
    FIGURE,
    FLAGGED,
    GLOSSARY,
    HIDDEN,
    HIDDEN_COUNT,
    LEGEND,
    MARKS,
    MEAN_RATIO,
    MEAN_RATIO_CI,
    METHOD,
    MIN_CELL,
    NO,
    NO_VALUE,
    OPTION,
    OPTION_CODE,
    P_ADJUSTED,
    P_VALUE,
    PERCENT,
    PRIMARY,
    QUESTION,
    QUESTION_KEY,
    QUESTION_TYPE,
    QUESTION_TYPE_NAMES,
    RATIO,
    RATIO_CI,
    REVIEWERS,
    ROUNDS,
    SECTION,
    SEX_GROUPS_ONLY,
    SEX_OF,
    STATE_LABELS,
    STATISTICS,
    TEST,
    TEST_NAMES,
    THRESHOLDS,
    TITLE,
    UNIT,
    UNITS,
    WITH_SUM,
    YES,
    case_count,
    group_label,
    statistic,
)
from reviewer.reports.guard import ExportGuard, xlsx_texts
from reviewer.services.aggregation import NOT_APPLICABLE
from reviewer.services.anonymisation import (
    COLUMNS,
    AnonymisedQuestion,
    AnonymisedResult,
    AnonymisedSection,
    Cell,
    Column,
    Method,
)
from reviewer.services.files import write_atomically

WHERE = Message("Excel-filen", "the Excel file")
PROGRAM = f"reviewer {__version__}"

FORMAT_COUNT = "#,##0"
FORMAT_PERCENT = "0.0%"
FORMAT_DECIMAL = "0.0"
FORMAT_MONEY = '#,##0 "kr"'
FORMAT_P = "0.000"
FORMAT_RATIO = "0.00"
FORMAT_DATE = "yyyy-mm-dd"

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_MUTED = Font(italic=True, color="595959")
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_RIGHT = Alignment(horizontal="right")
_CENTRE = Alignment(horizontal="center")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")
# Colour-blind safe pair (Okabe–Ito) for women and men.
_SERIES_COLOURS = ("E69F00", "0072B2")
# Rows a question's block takes at least when it has a chart, so that charts never overlap.
_CHART_ROWS = 16
_CHART_HEIGHT_CM = 7.5
_CHART_WIDTH_CM = 13.0
_CHART_COLUMN = "K"
CHARTED: tuple[Column, ...] = ("female", "male")  # the compared groups


def render_xlsx(result: AnonymisedResult) -> bytes:
    workbook = Workbook()
    method = workbook.active
    assert method is not None
    method.title = METHOD.sv
    _method_sheet(method, result)
    used = {METHOD.sv.casefold(), GLOSSARY.sv.casefold()}
    for section in result.sections:
        _section_sheet(workbook.create_sheet(_sheet_name(section.title.sv, used)), section, result)
    _glossary_sheet(workbook.create_sheet(GLOSSARY.sv), result)
    workbook.properties.creator = PROGRAM
    workbook.properties.lastModifiedBy = PROGRAM
    workbook.properties.title = f"{TITLE.sv}: {result.method.checklist_title.sv}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(result: AnonymisedResult, path: Path, guard: ExportGuard) -> None:
    """Render, let the guard read every text of the finished workbook, then write it atomically."""
    data = render_xlsx(result)
    guard.check(xlsx_texts(data), WHERE)
    write_atomically(path, data)


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique regardless of case."""
    base = _BAD_SHEET_CHARACTERS.sub(" ", title).strip() or SECTION.sv
    name, number = base[:31], 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(name.casefold())
    return name


def column_of(column: Column) -> int:
    """The sheet column (1-based) of a group's count in a section sheet; its percentage is the next one."""
    return 2 + 2 * COLUMNS.index(column)


def _put(sheet: Worksheet, row: int, column: int, value: Any, number_format: str | None = None) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if number_format is not None and isinstance(value, int | float):
        cell.number_format = number_format
    if value in (HIDDEN, NO_VALUE):
        cell.alignment = _RIGHT


# ---------------------------------------------------------------------------------------------------------------
# Metod


def _method_sheet(sheet: Worksheet, result: AnonymisedResult) -> None:
    method, rules = result.method, result.method.rules
    sheet["A1"] = f"{TITLE.sv}: {method.checklist_title.sv}"
    sheet["A1"].font = _TITLE
    rows: list[tuple[str, Any, str | None]] = [
        (
            CHECKLIST.sv,
            f"{method.checklist_title.sv} ({method.checklist_slug}, version {method.checklist_version})",
            None,
        )
    ]
    rows.append((SEX_OF.sv, method.subject_label.sv, None))
    rows += [(ROUNDS.sv if i == 0 else "", f"{r.name} ({r.period_label})", None) for i, r in enumerate(method.rounds)]
    rows.append((UNIT.sv, method.unit or ALL_UNITS.sv, None))
    for column in COLUMNS:
        label = f"{CASES.sv}: {group_label(column, method).sv.lower()}"
        cell = method.cases[column]
        count: Any = case_count(method, column) if cell.count is None and column in method.left_out else _count(cell)
        rows.append((label, count, FORMAT_COUNT))
    rows += [
        (REVIEWERS.sv, method.n_reviewers, FORMAT_COUNT),
        (MIN_CELL.sv, rules.min_cell, None),
        (DOMINANCE.sv, f"{rules.dominance_n}, {rules.dominance_percent:g} %", None),
        (THRESHOLDS.sv, _thresholds(method.thresholds), None),
        (HIDDEN_COUNT.sv, method.n_hidden, FORMAT_COUNT),
        (EXPORTED_ON.sv, method.exported_on, FORMAT_DATE),
    ]
    for offset, (label, value, number_format) in enumerate(rows, start=3):
        sheet.cell(row=offset, column=1, value=label).font = _BOLD
        cell = sheet.cell(row=offset, column=2, value=value)
        cell.alignment = Alignment(horizontal="left")
        if number_format is not None:
            cell.number_format = number_format
    row = len(rows) + 4
    for message in MARKS:
        sheet.cell(row=row, column=1, value=message.sv).alignment = _WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        sheet.row_dimensions[row].height = 48
        row += 1
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 80


def _thresholds(thresholds: Thresholds) -> str:
    parts = (thresholds.min_difference_pp, 1.0 + thresholds.min_relative_difference, thresholds.fdr_q)
    return "; ".join(f"{value:g}".replace(".", ",") for value in parts)


def _interval(low: float, high: float, decimals: int) -> str:
    """ "−2,1 till 27,0": one text cell, since a spreadsheet has no interval type."""
    return f"{low:.{decimals}f} till {high:.{decimals}f}".replace(".", ",").replace("-", "−")


def _count(cell: Cell) -> int | str:
    return HIDDEN if cell.count is None else cell.count


# ---------------------------------------------------------------------------------------------------------------
# A sheet per section


def _section_sheet(sheet: Worksheet, section: AnonymisedSection, result: AnonymisedResult) -> None:
    sheet["A1"] = section.title.sv
    sheet["A1"].font = _TITLE
    sheet["A2"] = LEGEND.sv
    sheet["A2"].font = _MUTED
    sheet["A3"] = f"{SEX_OF.sv}: {result.method.subject_label.sv}"
    sheet["A3"].font = _BOLD
    row = 4
    for question in section.questions:
        row = _question_block(sheet, row, question, result.method) + 2
    sheet.column_dimensions["A"].width = 50
    for index in range(2, 2 + 2 * len(COLUMNS)):
        sheet.column_dimensions[get_column_letter(index)].width = 11
    sheet.freeze_panes = "B3"


def _group_headers(sheet: Worksheet, row: int, first: str, method: Method, second: Sequence[str]) -> None:
    """Two header rows: the groups across (each over two columns), and under each group `second`."""
    sheet.cell(row=row, column=1, value=first).font = _BOLD
    for column in COLUMNS:
        left = column_of(column)
        top = sheet.cell(row=row, column=left, value=group_label(column, method).sv)
        top.font, top.alignment, top.fill = _BOLD, _CENTRE, _HEADER_FILL
        sheet.merge_cells(start_row=row, start_column=left, end_row=row, end_column=left + 1)
        for offset, text in enumerate(second):
            below = sheet.cell(row=row + 1, column=left + offset, value=text)
            below.font, below.alignment = _BOLD, _RIGHT
    sheet.cell(row=row, column=1).fill = _HEADER_FILL


def _question_block(sheet: Worksheet, row: int, question: AnonymisedQuestion, method: Method) -> int:
    """The question's table from `row` on, its comparison and its chart; returns the last row used."""
    sheet.cell(row=row, column=1, value=question.text.sv).font = _BOLD
    sheet.cell(row=row, column=2, value=question.key).font = _MUTED
    if question.kind == "categorical":
        return _answer_table(sheet, row, question, method)
    return _number_table(sheet, row, question, method)


def _answer_table(sheet: Worksheet, first: int, question: AnonymisedQuestion, method: Method) -> int:
    _group_headers(sheet, first + 1, ANSWER.sv, method, (COUNT.sv, PERCENT.sv))
    row = first + 3
    charted = []
    for answer in question.rows:
        sheet.cell(row=row, column=1, value=answer.label.sv)
        for column in COLUMNS:
            cell = answer.cells[column]
            _put(sheet, row, column_of(column), _count(cell), FORMAT_COUNT)
            share: Any = cell.percent / 100.0 if cell.percent is not None else NO_VALUE
            if cell.count is None or (cell.percent is None and cell.reason is not None):
                share = HIDDEN
            _put(sheet, row, column_of(column) + 1, share, FORMAT_PERCENT)
        if answer.value != NOT_APPLICABLE:
            charted.append(row)
        row += 1
    if question.totals is not None:
        sheet.cell(row=row, column=1, value=ANSWERED.sv).font = _BOLD
        for column in COLUMNS:
            _put(sheet, row, column_of(column), _count(question.totals.cells[column]), FORMAT_COUNT)
        row += 1
    last = _comparison_rows(sheet, row, question)
    if question.comparison is not None and charted:
        _categorical_chart(sheet, first, question, method, charted[0], charted[-1])
        last = max(last, first + _CHART_ROWS)
    return last


def _number_table(sheet: Worksheet, first: int, question: AnonymisedQuestion, method: Method) -> int:
    _group_headers(sheet, first + 1, FIGURE.sv, method, (UNITS[question.unit].sv,))
    row = first + 3
    median_row = None
    number_format = FORMAT_MONEY if question.unit == "money" else FORMAT_DECIMAL
    for code, label in STATISTICS:
        if code == "summa" and question.unit != "money":
            continue
        sheet.cell(row=row, column=1, value=label.sv)
        for column in COLUMNS:
            figures = question.numbers[column]
            value: float | None = figures.n if code == "n" else statistic(figures, code)
            shown: Any = NO_VALUE if value is None else value
            if column == "total" and code in SEX_GROUPS_ONLY:
                shown = NO_VALUE
            elif figures.reason is not None or (code in WITH_SUM and figures.total_reason is not None):
                shown = HIDDEN
            _put(sheet, row, column_of(column), shown, FORMAT_COUNT if code == "n" else number_format)
        if code == "median":
            median_row = row
        row += 1
    last = _comparison_rows(sheet, row, question)
    if question.comparison is not None and median_row is not None:
        _median_chart(sheet, first, question, method, median_row)
        last = max(last, first + _CHART_ROWS)
    return last


def _comparison_rows(sheet: Worksheet, row: int, question: AnonymisedQuestion) -> int:
    """The comparison of women and men under the table; returns the last row used."""
    c = question.comparison
    if c is None:
        if question.comparison_reason is None:
            return row - 1
        sheet.cell(row=row, column=1, value=COMPARISON.sv).font = _MUTED
        _put(sheet, row, 2, HIDDEN)
        sheet.cell(row=row, column=3, value=COMPARISON_HIDDEN.sv).font = _MUTED
        return row
    lines: list[tuple[str, Any, str | None]] = [(TEST.sv, STATE_LABELS[c.state].sv, None)]
    if c.option_label is not None:
        lines.append((COMPARED.sv, c.option_label.sv, None))
    if c.difference_pp is not None:
        lines.append((DIFFERENCE.sv, c.difference_pp, FORMAT_DECIMAL))
        if c.difference_low is not None and c.difference_high is not None:
            lines.append((DIFFERENCE_CI.sv, _interval(c.difference_low, c.difference_high, 1), None))
    if c.median_ratio is not None:
        lines.append((RATIO.sv, c.median_ratio, FORMAT_RATIO))
        if c.median_ratio_low is not None and c.median_ratio_high is not None:
            lines.append((RATIO_CI.sv, _interval(c.median_ratio_low, c.median_ratio_high, 2), None))
    if c.mean_ratio is not None:
        lines.append((MEAN_RATIO.sv, c.mean_ratio, FORMAT_RATIO))
        if c.mean_ratio_low is not None and c.mean_ratio_high is not None:
            lines.append((MEAN_RATIO_CI.sv, _interval(c.mean_ratio_low, c.mean_ratio_high, 2), None))
    if c.test is not None:
        lines.append((P_VALUE.sv, c.test.p_value, FORMAT_P))
        if c.primary:
            lines.append((PRIMARY.sv, YES.sv, None))
        elif c.p_adjusted is not None:
            lines.append((P_ADJUSTED.sv, c.p_adjusted, FORMAT_P))
        lines[0] = (TEST.sv, TEST_NAMES[c.test.name].sv, None)
    lines.append((FLAGGED.sv, (YES if c.flagged else NO).sv, None))
    for label, value, number_format in lines:
        sheet.cell(row=row, column=1, value=label).font = _MUTED
        _put(sheet, row, 2, value, number_format)
        row += 1
    return row - 1


def _style(chart: BarChart, title: str) -> None:
    chart.title = title[:120]
    chart.height, chart.width = _CHART_HEIGHT_CM, _CHART_WIDTH_CM
    chart.legend.position = "b"
    for series, colour in zip(chart.series, _SERIES_COLOURS, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour


def _categorical_chart(
    sheet: Worksheet, anchor_row: int, question: AnonymisedQuestion, method: Method, first: int, last: int
) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.y_axis.numFmt = "0%"
    chart.y_axis.scaling.min = 0
    for column in CHARTED:
        values = Reference(sheet, min_col=column_of(column) + 1, min_row=first, max_row=last)  # the percentages
        chart.series.append(Series(values, title=group_label(column, method).sv))
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    _style(chart, question.text.sv)
    sheet.add_chart(chart, f"{_CHART_COLUMN}{anchor_row}")


def _median_chart(sheet: Worksheet, anchor_row: int, question: AnonymisedQuestion, method: Method, row: int) -> None:
    chart = BarChart()
    chart.type = "col"
    chart.y_axis.scaling.min = 0
    for column in CHARTED:
        values = Reference(sheet, min_col=column_of(column), min_row=row, max_row=row)
        chart.series.append(Series(values, title=group_label(column, method).sv))
    chart.set_categories(Reference(sheet, min_col=1, min_row=row, max_row=row))
    _style(chart, question.text.sv)
    sheet.add_chart(chart, f"{_CHART_COLUMN}{anchor_row}")


# ---------------------------------------------------------------------------------------------------------------
# Ordlista


def _glossary_sheet(sheet: Worksheet, result: AnonymisedResult) -> None:
    header = (SECTION.sv, QUESTION_KEY.sv, QUESTION.sv, QUESTION_TYPE.sv, OPTION_CODE.sv, OPTION.sv)
    for index, text in enumerate(header, start=1):
        cell = sheet.cell(row=1, column=index, value=text)
        cell.font, cell.fill = _BOLD, _HEADER_FILL
    row = 2
    for section in result.sections:
        for question in section.questions:
            options: list[tuple[str, str]] = [(answer.value, answer.label.sv) for answer in question.rows]
            if question.kind == "numeric":
                options = [("", UNITS[question.unit].sv)]
            for code, label in options:
                kind = QUESTION_TYPE_NAMES[question.type].sv
                values = (section.title.sv, question.key, question.text.sv, kind, code, label)
                for index, value in enumerate(values, start=1):
                    sheet.cell(row=row, column=index, value=value)
                row += 1
    for letter, width in zip("ABCDEF", (28, 28, 60, 24, 18, 45), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{max(row - 1, 1)}"
