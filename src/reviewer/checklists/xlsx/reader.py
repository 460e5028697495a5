"""Reading a workbook: its sheets, then the settings, questions and options, validated as a JSON file is."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from reviewer.checklists.loader import MAX_FILE_BYTES, ChecklistFileError, definition_from_dict, validate_dict
from reviewer.checklists.rules import Issue
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.checklists.xlsx.cells import Place, Reader, Sheet, cell_text, normalised
from reviewer.checklists.xlsx.layout import (
    AGE_BAND,
    OPTION_COLUMNS,
    OPTIONS,
    QUESTION_COLUMNS,
    QUESTIONS,
    REQUIRED_COLUMNS,
    SETTING_COLUMNS,
    SETTINGS,
    SHEET_NAMES,
)
from reviewer.checklists.xlsx.questions import read_options, read_questions, resolve_conditions
from reviewer.checklists.xlsx.settings import read_settings
from reviewer.domain.text import Message


def read_checklist_xlsx(path: Path) -> ChecklistDefinition:
    """The definition in a workbook, or a `ChecklistFileError` listing every mistake by sheet, row and column."""
    source = str(path)
    sheets = _load_sheets(path, source)
    reader = Reader()
    data = read_settings(reader, sheets[SETTINGS])
    sections, question_types = read_questions(reader, sheets[QUESTIONS])
    data["sections"] = sections
    data["age_bands"] = read_options(reader, sheets[OPTIONS], sections)
    resolve_conditions(sections, question_types)
    if not sections:
        _empty(reader, "sections", sheets[QUESTIONS].name, "inga frågor", "no questions")
    if not data["age_bands"]:
        _empty(
            reader,
            "age_bands",
            sheets[OPTIONS].name,
            f"inga åldersgrupper (fråga '{AGE_BAND}')",
            f"no age bands (question '{AGE_BAND}')",
        )
    # A cell already reported as unreadable is not reported again for what the schema makes of it.
    unreadable = {place for place, _ in reader.issues}
    for issue in validate_dict(data):
        place = reader.place_of(issue.path) or Place(sheets[SETTINGS].name)
        if place not in unreadable:
            reader.issues.append((place, Issue(issue.path, issue.message, issue.key, place.message())))
    if reader.issues:
        order = {sheets[name].name: number for number, name in enumerate((SETTINGS, QUESTIONS, OPTIONS))}
        reader.issues.sort(key=lambda item: (order.get(item[0].sheet, 9), item[0].row or 0))
        raise ChecklistFileError(source, [issue for _, issue in reader.issues])
    return definition_from_dict(data, source)


def _empty(reader: Reader, path: str, sheet: str, what_sv: str, what_en: str) -> None:
    place = Place(sheet)
    reader.places[path] = place
    reader.error(place, path, f"bladet har {what_sv}", f"the sheet has {what_en}")


def _file_error(source: str, sv: str, en: str) -> ChecklistFileError:
    return ChecklistFileError(source, [Issue("", Message(sv, en))])


def _load_sheets(path: Path, source: str) -> dict[str, Sheet]:
    import openpyxl

    not_excel = _file_error(
        source, "filen kan inte läsas som en Excel-arbetsbok (.xlsx)", "the file cannot be read as an Excel workbook"
    )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _file_error(source, "filen är för stor för en checklista", "the file is too large for a checklist")
    except OSError as exc:
        raise _file_error(
            source, f"filen kan inte läsas ({exc.strerror})", f"the file cannot be read ({exc.strerror})"
        ) from None
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not know; they do not matter for the values.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception:
            raise not_excel from None
        try:
            found = {normalised(sheet.title): sheet for sheet in workbook.worksheets}
            sheets: dict[str, Sheet] = {}
            problems: list[Issue] = []
            for name, aliases in SHEET_NAMES.items():
                sheet = next((found[a] for a in aliases if a in found), None)
                if sheet is None:
                    problems.append(
                        Issue(
                            "",
                            Message(
                                f"arbetsboken saknar bladet '{name}'; den behöver bladen {QUESTIONS}, {OPTIONS} och "
                                f"{SETTINGS}",
                                f"the workbook lacks the sheet '{name}'; it needs the sheets {QUESTIONS}, {OPTIONS} "
                                f"and {SETTINGS}",
                            ),
                        )
                    )
                    continue
                sheets[name] = _table(name, sheet.title, list(sheet.iter_rows(values_only=True)), problems)
        except Exception:
            raise not_excel from None
        finally:
            workbook.close()
    if problems:
        raise ChecklistFileError(source, problems)
    return sheets


def _table(name: str, title: str, records: list[tuple[Any, ...]], problems: list[Issue]) -> Sheet:
    """The sheet's rows with their columns found by heading; heading mistakes are added to problems."""
    columns = {QUESTIONS: QUESTION_COLUMNS, OPTIONS: OPTION_COLUMNS, SETTINGS: SETTING_COLUMNS}[name]
    by_heading = {normalised(alias): c.name for c in columns for alias in (c.sv, c.en)}
    headings: dict[str, str] = {}
    index: dict[str, int] = {}
    for number, heading in enumerate(records[0] if records else ()):
        text = cell_text(heading)
        if not text or text.startswith("#"):
            continue
        field_name = by_heading.get(normalised(text))
        place = Place(title, 1, text).message()
        if field_name is None:
            known = ", ".join(c.sv for c in columns)
            problems.append(
                Issue(
                    "",
                    Message(f"okänd kolumn; kända kolumner: {known}", f"unknown column; known columns: {known}"),
                    where=place,
                )
            )
        elif field_name in index:
            problems.append(Issue("", Message("kolumnen finns två gånger", "the column appears twice"), where=place))
        else:
            headings[field_name], index[field_name] = text, number
    for required in REQUIRED_COLUMNS.get(name, ()):
        if required not in index:
            column = next(c for c in columns if c.name == required)
            problems.append(
                Issue(
                    "",
                    Message(f"kolumnen '{column.sv}' saknas på rad 1", f"the column '{column.sv}' is missing in row 1"),
                    where=Message(title, title),
                )
            )
    rows = [
        (number, values)
        for number, values in enumerate(records[1:], start=2)
        if any(cell_text(values[i]) for i in index.values() if i < len(values))
    ]
    return Sheet(title, headings, index, rows)
