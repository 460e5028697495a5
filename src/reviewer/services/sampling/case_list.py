"""Reading the list of closed cases exported from the case system (CSV or XLSX), to draw a round's sample from.

The list is read into memory and never stored: only the drawn cases become the round's cases. Such an export often
holds more than it should (names, personnummer in a column nobody asked for), so every cell of every column is run
through the personnummer guard, and a list with one is refused whole – the message names the row and column, never
the number. Columns other than the five below are read only for that check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.personnummer import contains_personnummer, redact
from reviewer.domain.sampling import Candidate
from reviewer.domain.sex import Sex, categories_for
from reviewer.domain.text import Message
from reviewer.services.cases import MAX_CODE, MAX_UNIT
from reviewer.services.files import read_bytes
from reviewer.services.spreadsheet_import.columns import _normalise, _personnummer_message, _shown, column_letter
from reviewer.services.spreadsheet_import.results import SpreadsheetImportError, _file_error, _Issues
from reviewer.services.spreadsheet_import.table import _cell_text, _read_table
from reviewer.services.spreadsheet_import.values import _option_lookup, _sex_words

MAX_LIST_BYTES = 200 * 1024 * 1024  # a 100 000-row export is a few MB
CODE, SEX, AGE_BAND, UNIT, DECIDED = "case_code", "sex", "age_band", "unit", "decision_date"
T = TypeVar("T")
_HEADINGS = {
    CODE: ("case_code", "ärende", "ärendekod", "ärendenummer", "kod", "case code", "case"),
    SEX: ("sex", "kön"),
    AGE_BAND: ("age_band", "åldersgrupp", "ålder", "age band", "age"),
    UNIT: ("unit", "enhet", "enhet/område", "område"),
    DECIDED: ("decision_date", "beslutsdatum", "beslutsdag", "decision date", "decided"),
}


@dataclass(frozen=True)
class CaseList:
    file_name: str
    sha256: str
    rows: int
    candidates: list[Candidate]


def read_case_list(
    path: Path,
    definition: ChecklistDefinition,
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
) -> CaseList:
    """Every row as a candidate (those decided outside the period left out); every problem in the file at once."""
    name = redact(path.name)
    data = read_bytes(path, name, _file_error, MAX_LIST_BYTES)
    table = _read_table(path, data)
    issues = _Issues()
    header = [_cell_text(c) for c in table.header]
    columns = _columns(header, issues)
    heading = {key: header[i] or column_letter(i) for key, i in columns.items()}
    sex_words = _sex_words(definition.subject)
    allowed = categories_for(definition.subject)
    bands = _option_lookup(
        [b.value for b in definition.age_bands], [(b.value, b.label.sv, b.label.en) for b in definition.age_bands]
    )
    # Every row as texts of the same width, plus one blank cell that stands for the optional columns a list lacks.
    width = max(len(header), *(len(cells) for _, cells in table.rows))
    blank = width
    all_texts = [
        [c if type(c) is str else _cell_text(c) for c in cells] + [""] * (width + 1 - len(cells))
        for _, cells in table.rows
    ]
    at_code, at_sex = columns[CODE], columns[SEX]
    at_band, at_unit, at_decided = (columns.get(key, blank) for key in (AGE_BAND, UNIT, DECIDED))
    # One pass of the guard over the whole list; only a list where it finds something is searched cell by cell
    # for the row and column to name. The joined text holds every cell whole, so it finds at least what they hold.
    suspect = contains_personnummer("\n".join("\x1f".join(texts) for texts in all_texts))
    sexes = _Memo(lambda text: _sex(heading[SEX], text, sex_words, allowed))
    age_bands = _Memo(lambda text: _age_band(heading.get(AGE_BAND, ""), text, bands))
    dates = _Memo(lambda text: _date(heading.get(DECIDED, ""), text))
    candidates: list[Candidate] = []
    for (number, _), texts in zip(table.rows, all_texts, strict=True):
        if suspect and _guard(number, header, texts, issues):
            continue
        code = " ".join(texts[at_code].split())
        sex = sexes.get(number, texts[at_sex], issues)
        band_ok, band = age_bands.get(number, texts[at_band], issues)
        unit = " ".join(texts[at_unit].split()) or None
        date_ok, decided = dates.get(number, texts[at_decided], issues)
        if not code:
            issues.add(number, heading[CODE], "ärendekoden saknas", "the case code is missing")
        elif len(code) > MAX_CODE:
            issues.add(
                number,
                heading[CODE],
                f"ärendekoden är längre än {MAX_CODE} tecken",
                f"the case code is over {MAX_CODE} characters",
            )
        if unit is not None and len(unit) > MAX_UNIT:
            issues.add(
                number,
                heading[UNIT],
                f"enheten är längre än {MAX_UNIT} tecken",
                f"the unit is over {MAX_UNIT} characters",
            )
        if not code or sex is None or not band_ok or not date_ok:
            continue
        if not _in_period(decided, decided_from, decided_to):
            continue
        candidates.append(Candidate(code, sex, band, unit))
    if issues.total:
        raise SpreadsheetImportError(
            Message(
                f"Listan {name} kan inte användas: {issues.total} fel. Inget urval har dragits.",
                f"The list {name} cannot be used: {issues.total} error{'s' if issues.total != 1 else ''}. "
                "No sample was drawn.",
            ),
            issues.kept,
            issues.total - len(issues.kept),
        )
    return CaseList(name, hashlib.sha256(data).hexdigest(), len(table.rows), candidates)


def _in_period(decided: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Without a period every case counts; with one, a case without a decision date does not."""
    if start is None and end is None:
        return True
    return decided is not None and (start is None or decided >= start) and (end is None or decided <= end)


def _columns(header: list[str], issues: _Issues) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        norm = _normalise(text)
        for key, words in _HEADINGS.items():
            if norm in words and key not in found:
                found[key] = index
    for key, sv, en in ((CODE, "ärendekod (case_code)", "case code (case_code)"), (SEX, "kön (sex)", "sex")):
        if key not in found:
            issues.add(1, None, f"kolumnen för {sv} saknas", f"the column for the {en} is missing")
    if issues.total:
        raise SpreadsheetImportError(
            Message("Listan saknar nödvändiga kolumner", "The list lacks columns it needs"), issues.kept
        )
    return found


def _guard(number: int, header: list[str], texts: list[str], issues: _Issues) -> bool:
    """Whether the row holds a personnummer in any cell; each one is an issue naming its column."""
    found = False
    for index, text in enumerate(texts):
        message = _personnummer_message(text) if text else None
        if message is not None:
            heading = header[index] if index < len(header) else ""
            issues.add_message(number, heading or column_letter(index), message)
            found = True
    return found


class _Memo(Generic[T]):
    """A cell's reading, worked out once per distinct text: a list repeats its few sex and age-band words."""

    def __init__(self, read: Callable[[str], tuple[T, Message | None, str]]) -> None:
        self._read = read
        self._seen: dict[str, tuple[T, Message | None, str]] = {}

    def get(self, number: int, text: str, issues: _Issues) -> T:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._read(text)
        value, problem, column = found
        if problem is not None:
            issues.add_message(number, column, problem)
        return value


def _sex(
    column: str, text: str, words: dict[str, Sex], allowed: tuple[Sex, ...]
) -> tuple[Sex | None, Message | None, str]:
    if not text:
        return None, Message("kön saknas", "the sex is missing"), column
    sex = words.get(_normalise(text))
    if sex is None or sex not in allowed:
        names = ", ".join(s.value for s in allowed)
        return (
            None,
            Message(
                f"{_shown(text)} är inget kön som kan anges här ({names})",
                f"{_shown(text)} is not a sex that can be given here ({names})",
            ),
            column,
        )
    return sex, None, column


def _age_band(column: str, text: str, bands: dict[str, str]) -> tuple[tuple[bool, str | None], Message | None, str]:
    """((whether the cell is acceptable, the band's value or None when blank), the problem, the column)."""
    if not text:
        return (True, None), None, column
    value = bands.get(_normalise(text))
    if value is None:
        problem = Message(
            f"{_shown(text)} är ingen åldersgrupp i checklistan", f"{_shown(text)} is not an age band of the checklist"
        )
        return (False, None), problem, column
    return (True, value), None, column


def _date(column: str, text: str) -> tuple[tuple[bool, dt.date | None], Message | None, str]:
    """((whether the cell is acceptable, the decision date or None when blank), the problem, the column); an Excel
    date cell arrives in ISO form."""
    if not text:
        return (True, None), None, column
    try:
        return (True, dt.datetime.fromisoformat(text).date()), None, column
    except ValueError:
        problem = Message(f"{_shown(text)} är inget datum (ÅÅÅÅ-MM-DD)", f"{_shown(text)} is not a date (YYYY-MM-DD)")
        return (False, None), problem, column
