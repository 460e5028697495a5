"""Checklists as Excel workbooks, in the spirit of XLSForm, for unit chiefs who keep their templates in Excel.

Three sheets: *Frågor* (one row per question, its section in the first columns), *Alternativ* (the options of choice
questions and the age bands) and *Inställningar* (id, version, titles, area, the previous version and its key
mapping). The layout is documented in docs/checklist-excel.md. A workbook written here reads back to the identical
definition; a workbook with mistakes yields a `ChecklistFileError` whose every issue names the sheet, row and column.
Reading builds the file format's dict and validates it with the loader, so the rules are exactly those of JSON files.
"""

from __future__ import annotations

from reviewer.checklists.xlsx.layout import (
    OPTION_COLUMNS,
    OPTIONS,
    QUESTION_COLUMNS,
    QUESTIONS,
    SETTINGS,
    SETTINGS_ROWS,
    TYPE_NAMES,
)
from reviewer.checklists.xlsx.reader import read_checklist_xlsx
from reviewer.checklists.xlsx.writer import write_checklist_xlsx

__all__ = [
    "OPTIONS",
    "OPTION_COLUMNS",
    "QUESTIONS",
    "QUESTION_COLUMNS",
    "SETTINGS",
    "SETTINGS_ROWS",
    "TYPE_NAMES",
    "read_checklist_xlsx",
    "write_checklist_xlsx",
]
