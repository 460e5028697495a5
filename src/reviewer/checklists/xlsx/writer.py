"""Writing a definition to a workbook whose every choice has a drop-down list."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from reviewer.checklists.loader import ChecklistFileError
from reviewer.checklists.rules import Issue
from reviewer.checklists.schema import Area, ChecklistDefinition, Condition, LocalizedText, Question
from reviewer.checklists.xlsx.layout import (
    AGE_BAND,
    HELP_LINES,
    HELP_SHEET,
    NO,
    OPTION_COLUMNS,
    OPTIONS,
    QUESTION_COLUMNS,
    QUESTIONS,
    SETTING_COLUMNS,
    SETTINGS,
    SETTINGS_ROWS,
    SUBJECT_NAMES,
    TYPE_NAMES,
    YES,
    Column,
)
from reviewer.domain.text import Message


def write_checklist_xlsx(definition: ChecklistDefinition, path: Path | IO[bytes]) -> None:
    """Write the definition as a workbook a unit chief can edit: bold frozen headings, drop-down lists, wrapped text."""
    import openpyxl  # imported here: starting the program should not pay for it
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    questions = workbook.active
    questions.title = QUESTIONS
    _header(questions, QUESTION_COLUMNS, freeze="D2")
    row = 2
    for section in definition.sections:
        for index, question in enumerate(section.questions):
            first = index == 0
            values: dict[str, Any] = (
                {
                    "section": section.key,
                    "key": question.key,
                    "type": TYPE_NAMES[question.type],
                    "text": question.text.sv,
                    "text_en": question.text.en,
                    "help": question.help.sv if question.help else None,
                    "help_en": question.help.en if question.help else None,
                    "required": YES if question.required else NO,
                    "show_if": _condition_text(question.show_if) if question.show_if else None,
                    "compare_by_sex": YES if question.compare_by_sex else NO,
                    "min": _excel_number(question.min),
                    "max": _excel_number(question.max),
                }
                | _anchor_cells(question)
                | _measure_cells(question)
            )
            if first:
                values |= {
                    "section_title": section.title.sv,
                    "section_title_en": section.title.en,
                    "section_description": section.description.sv if section.description else None,
                    "section_description_en": section.description.en if section.description else None,
                }
            _write_row(questions, row, QUESTION_COLUMNS, values)
            row += 1
    last = max(row + 500, 1000)
    _validation_list(questions, QUESTION_COLUMNS, "type", list(TYPE_NAMES.values()), last)
    _validation_list(questions, QUESTION_COLUMNS, "required", [YES, NO], last)
    _validation_list(questions, QUESTION_COLUMNS, "compare_by_sex", [YES, NO], last)

    options = workbook.create_sheet(OPTIONS)
    _header(options, OPTION_COLUMNS, freeze="C2")
    row = 2
    option_groups = [(AGE_BAND, definition.age_bands)] + [
        (q.key, q.options) for q in definition.questions() if q.options is not None
    ]
    for owner, group in option_groups:
        for option in group:
            values = {"question": owner, "value": option.value, "label": option.label.sv, "label_en": option.label.en}
            _write_row(options, row, OPTION_COLUMNS, values)
            row += 1

    settings = workbook.create_sheet(SETTINGS)
    _header(settings, SETTING_COLUMNS, freeze="B2")
    row = 2
    for setting in SETTINGS_ROWS:
        for value, old_key in _setting_values(definition, setting.name):
            values = {"setting": setting.sv, "value": value, "old_key": old_key, "explanation": setting.explanation}
            _write_row(settings, row, SETTING_COLUMNS, values)
            row += 1
    _validation_list(settings, SETTING_COLUMNS, "value", [a.value for a in Area], 0, _setting_row(settings, "area"))
    _validation_list(
        settings, SETTING_COLUMNS, "value", list(SUBJECT_NAMES.values()), 0, _setting_row(settings, "subject")
    )

    help_sheet = workbook.create_sheet(HELP_SHEET)
    help_sheet.column_dimensions["A"].width = 120
    for number, line in enumerate(HELP_LINES, start=1):
        _put(help_sheet.cell(number, 1), line)
    help_sheet.cell(1, 1).font = Font(bold=True)
    workbook.save(path)


def _setting_values(definition: ChecklistDefinition, name: str) -> list[tuple[Any, str | None]]:
    previous = definition.previous

    def text(value: LocalizedText | None, english: bool = False) -> list[tuple[Any, str | None]]:
        return [(value.en if english else value.sv, None)] if value is not None else [(None, None)]

    match name:
        case "format_version":
            return [(definition.format_version, None)]
        case "slug":
            return [(definition.slug, None)]
        case "version":
            return [(definition.version, None)]
        case "title" | "title_en":
            return text(definition.title, name.endswith("_en"))
        case "description" | "description_en":
            return text(definition.description, name.endswith("_en"))
        case "subject_label" | "subject_label_en":
            return text(definition.subject_label, name.endswith("_en"))
        case "area":
            return [(definition.area.value, None)]
        case "subject":
            return [(SUBJECT_NAMES[definition.subject.value], None)]
        case "previous":
            return [(previous.version if previous else None, None)]
        case "key_change":
            return list(previous.key_map.items()) if previous else []
        case "retired":
            return [(key, None) for key in previous.retired] if previous else []
    raise AssertionError(name)


def _anchor_cells(question: Question) -> dict[str, str | None]:
    anchors = question.anchors
    if anchors is None:
        return {}
    return {
        "anchor_low": anchors.low.sv,
        "anchor_high": anchors.high.sv,
        "anchor_low_en": anchors.low.en,
        "anchor_high_en": anchors.high.en,
    }


def _measure_cells(question: Question) -> dict[str, str | None]:
    measure, aid = question.measure, question.text_aid
    return {
        "measure": measure.kind.value if measure else None,
        "measure_group": measure.group.value if measure and measure.group else None,
        "text_aid": ", ".join(aid.fills) if aid else None,
    }


def _excel_number(value: float | None) -> float | str | None:
    """Excel keeps 15 significant digits and no negative zero; other numbers are written as text to survive exactly."""
    if value is None:
        return None
    negative_zero = value == 0 and math.copysign(1.0, value) < 0
    return value if float(f"{value:.15g}") == value and not negative_zero else repr(value)


def _condition_text(condition: Condition) -> str:
    if condition.in_ is not None:
        return f"{condition.question} in ({', '.join(str(v) for v in condition.in_)})"
    return f"{condition.question} = {condition.equals}"


def _header(sheet: Any, columns: Sequence[Column], freeze: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(1, number)
        _put(cell, column.sv)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = column.width
    sheet.freeze_panes = freeze


def _write_row(sheet: Any, row: int, columns: Sequence[Column], values: dict[str, Any]) -> None:
    from openpyxl.styles import Alignment

    top, wrapped = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row, number)
        _put(cell, values.get(column.name))
        cell.alignment = wrapped if column.wrap else top


def _put(cell: Any, value: Any) -> None:
    """Store a value; text always as text, so a help text starting with '=' never becomes a formula."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    if value is None:
        return
    try:
        cell.value = value
    except IllegalCharacterError:
        raise ChecklistFileError(
            cell.parent.title,
            [
                Issue(
                    "",
                    Message(
                        f"cell {cell.coordinate} skulle innehålla ett styrtecken som Excel inte kan lagra",
                        f"cell {cell.coordinate} would hold a control character Excel cannot store",
                    ),
                )
            ],
        ) from None
    if isinstance(value, str):
        cell.data_type = "s"


def _validation_list(
    sheet: Any, columns: Sequence[Column], name: str, choices: list[str], last_row: int, row: int | None = None
) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter([c.name for c in columns].index(name) + 1)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ogiltigt värde",
        error="Välj ett av värdena i listan: " + ", ".join(choices),
    )
    validation.add(f"{letter}{row}" if row else f"{letter}2:{letter}{last_row}")
    sheet.add_data_validation(validation)


def _setting_row(sheet: Any, name: str) -> int:
    heading = next(s.sv for s in SETTINGS_ROWS if s.name == name)
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == heading)
