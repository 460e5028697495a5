"""The header row: which column is a case fact, an answer, a note, or unknown."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.personnummer import find_personnummer
from reviewer.domain.text import Message
from reviewer.services.spreadsheet_import.results import _Issues
from reviewer.services.spreadsheet_import.table import _cell_text
from reviewer.services.spreadsheet_import.workbook import Cell

CASE_CODE, SEX, AGE_BAND, UNIT, REVIEWER = "case_code", "sex", "age_band", "unit", "reviewer"
FIXED_COLUMNS = (CASE_CODE, SEX, AGE_BAND, UNIT, REVIEWER)
REQUIRED_COLUMNS = (CASE_CODE, SEX)
# Swedish headings a unit's own spreadsheet may already use; they mean the same as the English column names.
SWEDISH_COLUMNS = {"ärendekod": CASE_CODE, "kön": SEX, "åldersgrupp": AGE_BAND, "enhet": UNIT, "granskare": REVIEWER}
NOTE_SUFFIXES = ("_note", "_anteckning")


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class _Column:
    index: int
    name: str  # as it appears in the file, for messages
    kind: str  # "fixed", "answer", "note", "blank", "unknown"
    key: str = ""  # fixed column name or question key


def _normalise(text: str) -> str:
    """Case, whitespace and the dashes spreadsheets insert do not matter when matching words and labels."""
    text = re.sub(r"[\u2010\u2011\u2012\u2013\u2014\u2212]", "-", text.casefold())
    return " ".join(text.split())


def _shown(text: str, limit: int = 40) -> str:
    """A value quoted in a message, shortened; only ever called on text already checked for personnummer."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _personnummer_message(text: str) -> Message | None:
    matches = find_personnummer(text)
    if not matches:
        return None
    kinds = {m.kind for m in matches}
    word_sv = "ett samordningsnummer" if kinds == {"samordningsnummer"} else "ett personnummer"
    word_en = "a coordination number" if kinds == {"samordningsnummer"} else "a personal identity number"
    return Message(
        f"innehåller något som ser ut som {word_sv} (tecken {matches[0].start + 1}–{matches[0].end}). "
        "Personnummer och samordningsnummer får inte sparas i programmet; använd en pseudonym.",
        f"contains something that looks like {word_en} (characters {matches[0].start + 1}–{matches[0].end}). "
        "Personal identity and coordination numbers must not be stored in the program; use a pseudonym.",
    )


def _read_header(header: list[Cell], definition: ChecklistDefinition, issues: _Issues) -> list[_Column]:
    columns: list[_Column] = []
    seen: dict[tuple[str, str], str] = {}
    for index, cell in enumerate(header):
        letter = column_letter(index)
        name = _cell_text(cell)
        if not name:
            columns.append(_Column(index, letter, "blank"))
            continue
        problem = _personnummer_message(name)
        if problem is not None:
            issues.add_message(1, letter, Message(f"Kolumnrubriken {problem.sv}", f"The column heading {problem.en}"))
            columns.append(_Column(index, letter, "unknown"))
            continue
        norm = name.casefold()
        column: _Column
        if norm in FIXED_COLUMNS or norm in SWEDISH_COLUMNS:
            column = _Column(index, name, "fixed", SWEDISH_COLUMNS.get(norm, norm))
        elif definition.question(norm) is not None:
            column = _Column(index, name, "answer", norm)
        else:
            column = _note_column(index, name, norm, definition) or _Column(index, name, "unknown")
        if column.kind == "unknown":
            issues.add_message(1, name, _unknown_column_message(norm, definition))
        else:
            target = (column.kind, column.key)
            if target in seen:
                issues.add(
                    1,
                    name,
                    f"kolumnen finns två gånger (också som '{seen[target]}')",
                    f"the column appears twice (also as '{seen[target]}')",
                )
                column = _Column(index, name, "unknown")
            else:
                seen[target] = name
        columns.append(column)
    for required in REQUIRED_COLUMNS:
        if ("fixed", required) not in seen:
            issues.add(1, required, "kolumnen saknas och måste finnas", "the column is missing and is required")
    return columns


def _note_column(index: int, name: str, norm: str, definition: ChecklistDefinition) -> _Column | None:
    for suffix in NOTE_SUFFIXES:
        if norm.endswith(suffix) and definition.question(norm[: -len(suffix)]) is not None:
            return _Column(index, name, "note", norm[: -len(suffix)])
    return None


def _unknown_column_message(norm: str, definition: ChecklistDefinition) -> Message:
    reference = f"{definition.slug}@{definition.version}"
    known = [*FIXED_COLUMNS, *(q.key for q in definition.questions())]
    close = difflib.get_close_matches(norm, known, n=1, cutoff=0.75)
    hint_sv = f" Menade du '{close[0]}'?" if close else ""
    hint_en = f" Did you mean '{close[0]}'?" if close else ""
    return Message(
        f"okänd kolumn: inte en av {', '.join(FIXED_COLUMNS)}, inte en frågenyckel i checklistan {reference} och "
        f"inte en anteckningskolumn (<nyckel>_note eller <nyckel>_anteckning).{hint_sv}",
        f"unknown column: not one of {', '.join(FIXED_COLUMNS)}, not a question key of the checklist {reference} "
        f"and not a note column (<key>_note or <key>_anteckning).{hint_en}",
    )
