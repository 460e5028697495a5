"""Importing earlier reviews from a spreadsheet (CSV or XLSX) into a round, e.g. to make it a baseline round.

One row per reviewed case: the fixed columns `case_code`, `sex`, `age_band`, `unit`, `reviewer`, then one column per
question key of the round's checklist, and optionally a note column `<key>_note` (or `<key>_anteckning`) per
question. The format is documented in `docs/spreadsheet-import.md`.

The whole file is read and validated first, collecting every problem with its row (as Excel numbers it: the header
is row 1) and column; only a file without any problem is written, in one transaction, with Core bulk inserts (as in
`services.demo`), so ten thousand rows take seconds and a failure leaves nothing behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import json
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from reviewer.checklists.answers import AnswerError, AnswerValue, EncodedAnswer, check_answer, encode
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType, implicit_options
from reviewer.domain.personnummer import contains_personnummer, find_personnummer, redact
from reviewer.domain.sex import Sex, Subject, categories_for
from reviewer.domain.text import Language, Message, ReviewerError, language_from_environment
from reviewer.services import audit
from reviewer.services.bulk_reviews import ReviewedCase, insert_reviewed_cases
from reviewer.services.cases import MAX_CODE, MAX_UNIT, round_definition
from reviewer.services.files import read_bytes
from reviewer.services.reviews import MAX_TEXT, missing_required
from reviewer.services.rounds import get_round
from reviewer.storage.models import (
    Case,
    ImportRecord,
    ReviewStatus,
    Round,
)

SPREADSHEET_FORMAT_VERSION = 1
IMPORT_KIND = "spreadsheet"
MAX_ISSUES = 200
MAX_REVIEWER = 64
PROGRESS_EVERY = 250

CASE_CODE, SEX, AGE_BAND, UNIT, REVIEWER = "case_code", "sex", "age_band", "unit", "reviewer"
FIXED_COLUMNS = (CASE_CODE, SEX, AGE_BAND, UNIT, REVIEWER)
REQUIRED_COLUMNS = (CASE_CODE, SEX)
# Swedish headings a unit's own spreadsheet may already use; they mean the same as the English column names.
SWEDISH_COLUMNS = {"ärendekod": CASE_CODE, "kön": SEX, "åldersgrupp": AGE_BAND, "enhet": UNIT, "granskare": REVIEWER}
NOTE_SUFFIXES = ("_note", "_anteckning")

Progress = Callable[[int, int], None]
Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None


# ----------------------------------------------------------------------------------------------------------------
# Results and errors


@dataclass(frozen=True)
class ImportIssue:
    """One problem in the file: the row as Excel numbers it (header = 1; None for the file as a whole) and the
    column (its heading, or its letter when it has none)."""

    row: int | None
    column: str | None
    message: Message

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        parts = []
        if self.row is not None:
            parts.append(f"{'Row' if lang == 'en' else 'Rad'} {self.row}")
        if self.column is not None:
            parts.append(f"{'column' if lang == 'en' else 'kolumn'} '{self.column}'")
        where = ", ".join(parts)
        where = where[:1].upper() + where[1:]
        return f"{where}: {self.message.text(lang)}" if where else self.message.text(lang)


class SpreadsheetImportError(ReviewerError):
    """The file cannot be imported; `issues` says where and why (at most MAX_ISSUES; `more` counts the rest)."""

    def __init__(self, message: Message, issues: Sequence[ImportIssue] = (), more: int = 0) -> None:
        super().__init__(message)
        self.issues = list(issues)
        self.more = more

    def lines(self, language: Language | None = None) -> list[str]:
        """One line per issue, plus a last line counting the issues left out."""
        lang = language or language_from_environment()
        lines = [issue.text(lang) for issue in self.issues]
        if self.more:
            lines.append(f"… and {self.more} more" if lang == "en" else f"… och {self.more} fel till")
        return lines

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        return "\n".join([self.message.text(lang), *(f"  {line}" for line in self.lines(lang))])


@dataclass(frozen=True)
class ImportSummary:
    """What a valid file holds (after `validate_file`) or what was stored (after `import_file`)."""

    file_name: str
    round_name: str
    cases: int
    reviews: int
    answers: int
    complete: int
    in_progress: int

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        if lang == "en":
            return (
                f"{self.cases} cases, {self.reviews} reviews ({self.complete} complete, {self.in_progress} in "
                f"progress), {self.answers} answers"
            )
        return (
            f"{self.cases} ärenden, {self.reviews} granskningar ({self.complete} klara, {self.in_progress} "
            f"påbörjade), {self.answers} svar"
        )


def _file_error(sv: str, en: str) -> SpreadsheetImportError:
    return SpreadsheetImportError(Message(sv, en))


# ----------------------------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Table:
    header: list[Cell]
    rows: list[tuple[int, list[Cell]]]  # (row number as Excel shows it, cells)


def _read_table(path: Path, data: bytes) -> _Table:
    name = redact(path.name)
    suffix = path.suffix.lower()
    if suffix in {".csv", ".txt"}:
        return _read_csv(name, data)
    if suffix in {".xlsx", ".xlsm"}:
        return _read_xlsx(name, data)
    if suffix == ".xls":
        raise _file_error(
            f"Filen {name} är i Excels gamla format (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som "
            "”CSV UTF-8” och försök igen.",
            f"The file {name} is in Excel's old format (.xls). Save it as an Excel workbook (.xlsx) or as "
            "'CSV UTF-8' and try again.",
        )
    raise _file_error(
        f"Filen {name} är varken CSV (.csv) eller Excel (.xlsx); de två formaten kan importeras",
        f"The file {name} is neither CSV (.csv) nor Excel (.xlsx), the two formats that can be imported",
    )


def _delimiter(header_line: str) -> str:
    """`;` (Swedish Excel), `,` or a tab: whichever the header line has most of; `;` on a tie."""
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts.values())
    if best == 0:
        return ","
    return next(d for d in (";", ",", "\t") if counts[d] == best)


def _read_csv(name: str, data: bytes) -> _Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SpreadsheetImportError(
            Message(
                f"Filen {name} är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” "
                "och försök igen.",
                f"The file {name} is not saved as UTF-8. Save it in Excel as 'CSV UTF-8 (comma delimited)' and "
                "try again.",
            ),
            [
                ImportIssue(
                    line,
                    None,
                    Message(
                        "första tecknet som inte är UTF-8 finns på den här raden",
                        "the first character that is not UTF-8 is on this row",
                    ),
                )
            ],
        ) from None
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[Cell]] = []
    try:
        for record in reader:
            cells: list[Cell] = [c.strip() or None for c in record]
            records.append(cells)
    except csv.Error as error:
        raise SpreadsheetImportError(
            Message(f"Filen {name} är inte en giltig CSV-fil", f"The file {name} is not a valid CSV file"),
            [ImportIssue(len(records) + 1, None, Message(str(error), str(error)))],
        ) from None
    return _table_from_records(name, records)


def _read_xlsx(name: str, data: bytes) -> _Table:
    import openpyxl  # imported here: the CLI should not pay for it unless a workbook is read

    not_excel = _file_error(
        f"Filen {name} kunde inte läsas som en Excel-arbetsbok (.xlsx)",
        f"The file {name} could not be read as an Excel workbook (.xlsx)",
    )
    records: list[list[Cell]] = []
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not know; they do not matter for the values.
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:
            raise not_excel from None
        try:
            if not workbook.worksheets:
                raise not_excel
            for values in workbook.worksheets[0].iter_rows(values_only=True):
                records.append([(v.strip() or None) if isinstance(v, str) else v for v in values])
        except SpreadsheetImportError:
            raise
        except Exception:
            raise not_excel from None
        finally:
            workbook.close()
    return _table_from_records(name, records)


def _table_from_records(name: str, records: list[list[Cell]]) -> _Table:
    if not records or _blank_row(records[0]):
        raise _file_error(
            f"Filen {name} har ingen rubrikrad; rad 1 ska ha kolumnnamnen (case_code, sex …)",
            f"The file {name} has no header row; row 1 must hold the column names (case_code, sex …)",
        )
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2) if not _blank_row(cells)]
    if not rows:
        raise _file_error(
            f"Filen {name} har inga rader att importera under rubrikraden",
            f"The file {name} has no rows to import below the header row",
        )
    return _Table(records[0], rows)


def _blank(cell: Cell) -> bool:
    """Cells are stripped when read, and an empty one becomes None."""
    return cell is None


def _blank_row(cells: Sequence[Cell]) -> bool:
    return all(c is None for c in cells)


# ----------------------------------------------------------------------------------------------------------------
# Columns


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


def _cell_text(cell: Cell) -> str:
    """A cell as the user sees it: numbers without a trailing '.0', dates in ISO form, text stripped."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(sep=" ")
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell).strip()


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


class _Issues:
    """Collects issues, keeping the first MAX_ISSUES and counting the rest."""

    def __init__(self) -> None:
        self.kept: list[ImportIssue] = []
        self.total = 0

    def add(self, row: int | None, column: str | None, sv: str, en: str) -> None:
        self.add_message(row, column, Message(sv, en))

    def add_message(self, row: int | None, column: str | None, message: Message) -> None:
        self.total += 1
        if len(self.kept) < MAX_ISSUES:
            self.kept.append(ImportIssue(row, column, message))


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


# ----------------------------------------------------------------------------------------------------------------
# Values


class _RefusedError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


def _sex_words(subject: Subject) -> dict[str, Sex]:
    female, male, _other = categories_for(subject)
    words = {s.value: s for s in Sex}
    words.update(
        {
            "annat/okänt": Sex.ANNAT_OKANT,
            "annat/okant": Sex.ANNAT_OKANT,
            "annat eller okänt": Sex.ANNAT_OKANT,
            "annat_okänt": Sex.ANNAT_OKANT,
            "annat": Sex.ANNAT_OKANT,
            "okänt": Sex.ANNAT_OKANT,
            "okant": Sex.ANNAT_OKANT,
            # K and M as in SCB's statistics (kvinnor/män, flickor/pojkar), for the checklist's own words.
            "k": female,
            "m": male,
        }
    )
    if subject is Subject.CHILD:
        words.update({"f": Sex.FLICKA, "p": Sex.POJKE})
    return words


def _option_lookup(values: Sequence[str], labelled: Sequence[tuple[str, str, str | None]]) -> dict[str, str]:
    """Normalised value, Swedish label and English label → value."""
    lookup = {_normalise(v): v for v in values}
    for value, sv, en in labelled:
        lookup.setdefault(_normalise(sv), value)
        if en:
            lookup.setdefault(_normalise(en), value)
    return lookup


_YES_NO = {"ja": "ja", "nej": "nej", "ej aktuellt": "ej_aktuellt", "ej_aktuellt": "ej_aktuellt"}


def _list_values(values: Sequence[object], limit: int = 12) -> str:
    shown = [str(v) for v in values[:limit]]
    if len(values) > limit:
        shown.append("…")
    return ", ".join(shown)


@dataclass
class _QuestionReader:
    """Turns one cell into the answer value of one question, accepting what a spreadsheet typically holds."""

    question: Question
    lookup: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_question(cls, question: Question) -> _QuestionReader:
        lookup: dict[str, str] = {}
        if question.type in {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE} and question.options:
            lookup = _option_lookup(
                [o.value for o in question.options],
                [(o.value, o.label.sv, o.label.en) for o in question.options],
            )
        return cls(question, lookup)

    def read(self, cell: Cell, text: str) -> AnswerValue:
        kind = self.question.type
        if kind in {QuestionType.YES_NO, QuestionType.YES_NO_NA}:
            value: AnswerValue = ("ja" if cell else "nej") if isinstance(cell, bool) else self._yes_no(text)
        elif kind is QuestionType.SINGLE_CHOICE:
            value = self._choice(text)
        elif kind is QuestionType.MULTIPLE_CHOICE:
            value = self._choices(text)
        elif kind is QuestionType.SCALE:
            value = self._scale(cell, text)
        elif kind is QuestionType.DATE:
            value = cell.date().isoformat() if isinstance(cell, dt.datetime) else text
        elif kind is QuestionType.TEXT:
            if len(text) > MAX_TEXT:
                raise _RefusedError(
                    Message(
                        f"texten är för lång (högst {MAX_TEXT} tecken)",
                        f"the text is too long ({MAX_TEXT} characters at most)",
                    )
                )
            value = text
        elif isinstance(cell, int | float) and not isinstance(cell, bool):
            value = cell
        else:
            value = self._number_text(text)
        try:
            return check_answer(self.question, value)
        except AnswerError as error:
            raise _RefusedError(error.message) from None

    def _yes_no(self, text: str) -> str:
        value = _YES_NO.get(_normalise(text))
        allowed = implicit_options(self.question)
        if value is None or value not in allowed:
            words = "ja, nej" + (", ej aktuellt" if "ej_aktuellt" in allowed else "")
            raise _RefusedError(
                Message(
                    f"{_shown(text)} är inte ett av svaren {words}", f"{_shown(text)} is not one of the answers {words}"
                )
            )
        return value

    def _choice(self, text: str) -> str:
        value = self.lookup.get(_normalise(text))
        if value is None:
            options = _list_values([o.value for o in self.question.options or []])
            raise _RefusedError(
                Message(
                    f"{_shown(text)} är inte ett av svarsalternativen ({options})",
                    f"{_shown(text)} is not one of the options ({options})",
                )
            )
        return value

    def _choices(self, text: str) -> list[str]:
        whole = self.lookup.get(_normalise(text))
        if whole is not None:
            return [whole]
        parts = [p for p in re.split(r"\|" if "|" in text else r"[,;]", text) if p.strip()]
        values = []
        for part in parts:
            value = self.lookup.get(_normalise(part))
            if value is None:
                options = _list_values([o.value for o in self.question.options or []])
                raise _RefusedError(
                    Message(
                        f"{_shown(part.strip())} är inte ett av svarsalternativen ({options}); skilj flera svar "
                        "åt med | eller komma",
                        f"{_shown(part.strip())} is not one of the options ({options}); separate several answers "
                        "with | or a comma",
                    )
                )
            values.append(value)
        return values

    def _scale(self, cell: Cell, text: str) -> AnswerValue:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            number: Decimal | None = Decimal(str(cell))
        else:
            try:
                number = Decimal(text.replace(",", "."))
            except InvalidOperation:
                number = None
        if number is not None and number.is_finite() and number == number.to_integral_value():
            return int(number)
        return text

    def _number_text(self, text: str) -> str:
        cleaned = text
        if self.question.type is QuestionType.MONEY:
            cleaned = re.sub(r"\s*(kr\.?|sek)$", "", cleaned, flags=re.IGNORECASE)
        return cleaned


# ----------------------------------------------------------------------------------------------------------------
# Validation


@dataclass(frozen=True)
class _Plan:
    round_: Round
    definition: ChecklistDefinition
    file_name: str
    file_sha256: str
    rows: list[ReviewedCase]

    def summary(self) -> ImportSummary:
        complete = sum(1 for r in self.rows if r.status is ReviewStatus.COMPLETE)
        return ImportSummary(
            file_name=self.file_name,
            round_name=self.round_.name,
            cases=len(self.rows),
            reviews=len(self.rows),
            answers=sum(len(r.answers) for r in self.rows),
            complete=complete,
            in_progress=len(self.rows) - complete,
        )


class _RowValidator:
    """Checks one data row at a time against the checklist, reporting every problem with its row and column."""

    def __init__(
        self,
        definition: ChecklistDefinition,
        columns: list[_Column],
        existing_codes: set[str],
        default_reviewer: str | None,
        issues: _Issues,
    ) -> None:
        self.definition = definition
        self.columns = columns
        self.existing_codes = existing_codes
        self.default_reviewer = " ".join((default_reviewer or "").split()) or None
        self.issues = issues
        self.first_row_of: dict[str, int] = {}
        self.fixed = {c.key: c for c in columns if c.kind == "fixed"}
        self.answer_columns = [c for c in columns if c.kind == "answer"]
        self.note_columns = [c for c in columns if c.kind == "note"]
        self.readers: dict[str, _QuestionReader] = {}
        for column in self.answer_columns:
            question = definition.question(column.key)
            assert question is not None
            self.readers[column.key] = _QuestionReader.for_question(question)
        self.sex_words = _sex_words(definition.subject)
        self.allowed_sex = categories_for(definition.subject)
        self.age_bands = _option_lookup(
            [b.value for b in definition.age_bands],
            [(b.value, b.label.sv, b.label.en) for b in definition.age_bands],
        )
        self.blank_reported: set[int] = set()
        self.read_cache: dict[tuple[int, str, Cell], tuple[AnswerValue, EncodedAnswer] | Message] = {}
        self.conditional_columns: list[tuple[_Column, Question]] = []
        for column in [*self.answer_columns, *self.note_columns]:
            question = definition.question(column.key)
            if question is not None and question.show_if is not None:
                self.conditional_columns.append((column, question))
        # Whether a review is complete depends only on which required questions are answered and on the answers
        # that conditions look at; rows repeat those patterns, so the outcome is remembered per pattern.
        self.required_keys = tuple(q.key for q in definition.questions() if q.required)
        self.condition_keys = tuple(
            dict.fromkeys(q.show_if.question for q in definition.questions() if q.show_if is not None)
        )
        self.status_cache: dict[tuple[object, ...], ReviewStatus] = {}
        self.reviewer_missing = REVIEWER not in self.fixed and self.default_reviewer is None
        if self.reviewer_missing:  # said once for the file, not once per row
            issues.add(
                1,
                REVIEWER,
                "kolumnen saknas och ingen granskare för rader utan namn har angetts; lägg till kolumnen eller ange "
                "en granskare",
                "the column is missing and no reviewer for rows without one was given; add the column or give a "
                "reviewer",
            )

    def _issue(self, row: int, column: _Column | str, sv: str, en: str) -> None:
        self.issues.add(row, column if isinstance(column, str) else column.name, sv, en)

    def validate(self, number: int, cells: list[Cell]) -> ReviewedCase | None:
        """The row ready to store, or None when it has a problem (reported to `issues`)."""
        texts: dict[int, str] = {}
        ok = True
        width = len(self.columns)
        for index, cell in enumerate(cells):
            if cell is None:
                continue
            if index >= width or self.columns[index].kind == "blank":
                if index not in self.blank_reported:  # once per column is enough
                    self.blank_reported.add(index)
                    self._issue(
                        number,
                        column_letter(index),
                        "cellen har ett värde men kolumnen har ingen rubrik på rad 1",
                        "the cell has a value but the column has no heading in row 1",
                    )
                ok = False
                continue
            texts[index] = cell if isinstance(cell, str) else _cell_text(cell)
        # One search over the whole row; only a row with a hit is searched cell by cell. A newline is a boundary
        # the personnummer pattern never crosses, so no number can be made up of the ends of two cells.
        if contains_personnummer("\n".join(texts.values())):
            for index, text in list(texts.items()):
                problem = _personnummer_message(text)
                if problem is not None:
                    self._issue(number, self.columns[index], f"Cellen {problem.sv}", f"The cell {problem.en}")
                    del texts[index]
                    ok = False
        case = self._case_fields(number, cells, texts)
        answers = self._answers(number, cells, texts)
        if case is None or answers is None or not ok:
            return None
        code, sex, age_band, unit, reviewer = case
        values, encoded = answers
        status = self._status(values)
        return ReviewedCase(code, sex, age_band, unit, reviewer, status, encoded)

    def _status(self, values: dict[str, AnswerValue]) -> ReviewStatus:
        """Complete when no shown required question is unanswered (`reviews.missing_required`), else in progress."""
        pattern = (
            *(k in values for k in self.required_keys),
            *(_hashable(values.get(k)) for k in self.condition_keys),
        )
        status = self.status_cache.get(pattern)
        if status is None:
            missing = missing_required(self.definition, values)
            status = ReviewStatus.IN_PROGRESS if missing else ReviewStatus.COMPLETE
            self.status_cache[pattern] = status
        return status

    def _field(self, key: str, cells: list[Cell], texts: dict[int, str]) -> tuple[_Column | None, str | None]:
        """A fixed column and its cell's text: "" when empty, None when the cell was refused already."""
        column = self.fixed.get(key)
        if column is None:
            return None, ""
        if column.index in texts:
            return column, texts[column.index]
        if column.index < len(cells) and not _blank(cells[column.index]):
            return column, None
        return column, ""

    def _case_fields(
        self, number: int, cells: list[Cell], texts: dict[int, str]
    ) -> tuple[str, Sex, str | None, str | None, str] | None:
        code = self._case_code(number, cells, texts)
        sex = self._sex(number, cells, texts)
        age_ok, age_band = self._age_band(number, cells, texts)
        unit_ok, unit = self._free(number, UNIT, cells, texts, MAX_UNIT, Message("enhetens namn", "the unit name"))
        reviewer_ok, reviewer = self._free(
            number, REVIEWER, cells, texts, MAX_REVIEWER, Message("granskarens namn", "the reviewer's name")
        )
        if reviewer_ok and reviewer is None:
            reviewer = self.default_reviewer
            if reviewer is None:
                reviewer_ok = False
            if reviewer is None and not self.reviewer_missing:
                self._issue(
                    number,
                    REVIEWER,
                    "granskaren saknas; fyll i kolumnen eller ange en granskare för rader utan namn",
                    "the reviewer is missing; fill in the column or give a reviewer for rows without one",
                )
        if code is None or sex is None or not (age_ok and unit_ok and reviewer_ok):
            return None
        assert reviewer is not None
        return code, sex, age_band, unit, reviewer

    def _case_code(self, number: int, cells: list[Cell], texts: dict[int, str]) -> str | None:
        column, code = self._field(CASE_CODE, cells, texts)
        if column is None or code is None:
            return None  # the missing column is reported with the header, a refused cell already
        if not code:
            self._issue(number, column, "ärendekoden saknas", "the case code is missing")
            return None
        if len(code) > MAX_CODE:
            self._issue(
                number,
                column,
                f"ärendekoden är för lång (högst {MAX_CODE} tecken)",
                f"the case code is too long ({MAX_CODE} characters at most)",
            )
            return None
        if code in self.first_row_of:
            self._issue(
                number,
                column,
                f"ärendekoden {_shown(code)} finns redan på rad {self.first_row_of[code]}",
                f"the case code {_shown(code)} is already on row {self.first_row_of[code]}",
            )
            return None
        self.first_row_of[code] = number
        if code in self.existing_codes:
            self._issue(
                number,
                column,
                f"ärendekoden {_shown(code)} finns redan i omgången",
                f"the case code {_shown(code)} is already in the round",
            )
            return None
        return code

    def _sex(self, number: int, cells: list[Cell], texts: dict[int, str]) -> Sex | None:
        column, text = self._field(SEX, cells, texts)
        if column is None or text is None:
            return None
        if not text:
            self._issue(number, column, "kön saknas", "the sex is missing")
            return None
        sex = self.sex_words.get(_normalise(text))
        allowed = ", ".join(s.value for s in self.allowed_sex)
        if sex is None:
            self._issue(
                number,
                column,
                f"{_shown(text)} är inget kön som kan anges här ({allowed})",
                f"{_shown(text)} is not a sex that can be given here ({allowed})",
            )
            return None
        if sex not in self.allowed_sex:
            child = self.definition.subject is Subject.CHILD
            self._issue(
                number,
                column,
                f"{_shown(text)} passar inte checklistan, som gäller {'barn' if child else 'vuxna'}; använd {allowed}",
                f"{_shown(text)} does not fit the checklist, which is about {'children' if child else 'adults'}; "
                f"use {allowed}",
            )
            return None
        return sex

    def _age_band(self, number: int, cells: list[Cell], texts: dict[int, str]) -> tuple[bool, str | None]:
        column, text = self._field(AGE_BAND, cells, texts)
        if text is None:
            return False, None
        if column is None or not text:
            return True, None
        value = self.age_bands.get(_normalise(text))
        if value is None:
            bands = ", ".join(f"{b.value} ({b.label.sv})" for b in self.definition.age_bands)
            self._issue(
                number,
                column,
                f"{_shown(text)} är ingen åldersgrupp i checklistan ({bands})",
                f"{_shown(text)} is not an age band of the checklist ({bands})",
            )
            return False, None
        return True, value

    def _free(
        self, number: int, key: str, cells: list[Cell], texts: dict[int, str], limit: int, what: Message
    ) -> tuple[bool, str | None]:
        """A short free text (unit, reviewer) with its whitespace normalised; None when empty."""
        column, text = self._field(key, cells, texts)
        if text is None:
            return False, None
        value = " ".join(text.split())
        if column is not None and len(value) > limit:
            self._issue(
                number,
                column,
                f"{what.sv} är för långt (högst {limit} tecken)",
                f"{what.en} is too long ({limit} characters at most)",
            )
            return False, None
        return True, value or None

    def _read_answer(self, column: _Column, cell: Cell, text: str) -> tuple[AnswerValue, EncodedAnswer] | Message:
        """The checked and encoded answer of a cell, or why it is refused; remembered, since values repeat."""
        reader = self.readers[column.key]
        cacheable = reader.question.type is not QuestionType.TEXT
        key = (column.index, type(cell).__name__, cell)
        if cacheable and key in self.read_cache:
            return self.read_cache[key]
        result: tuple[AnswerValue, EncodedAnswer] | Message
        try:
            value = reader.read(cell, text)
            result = (value, encode(reader.question, value))
        except _RefusedError as refused:
            result = refused.message
        if cacheable:
            self.read_cache[key] = result
        return result

    def _answers(
        self, number: int, cells: list[Cell], texts: dict[int, str]
    ) -> tuple[dict[str, AnswerValue], dict[str, tuple[EncodedAnswer, str | None]]] | None:
        """The row's answer values (for visibility and completeness) and what is stored per question key."""
        values: dict[str, AnswerValue] = {}
        encoded: dict[str, EncodedAnswer] = {}
        notes: dict[str, str] = {}
        refused: set[str] = set()  # answers already reported; questions depending on them are not judged
        ok = True
        for column in self.answer_columns:
            text = texts.get(column.index)
            if not text:
                if column.index < len(cells) and cells[column.index] is not None:
                    refused.add(column.key)  # refused for a personnummer
                continue
            result = self._read_answer(column, cells[column.index], text)
            if isinstance(result, Message):
                self.issues.add_message(number, column.name, result)
                refused.add(column.key)
                ok = False
                continue
            value, enc = result
            if value is not None and value != "" and value != []:
                values[column.key] = value
                encoded[column.key] = enc
        for column in self.note_columns:
            text = texts.get(column.index)
            if not text:
                continue
            if len(text) > MAX_TEXT:
                self._issue(
                    number,
                    column,
                    f"anteckningen är för lång (högst {MAX_TEXT} tecken)",
                    f"the note is too long ({MAX_TEXT} characters at most)",
                )
                ok = False
                continue
            notes[column.key] = text
        for column, question in self.conditional_columns:
            if column.key not in (values if column.kind == "answer" else notes):
                continue
            if refused and self._depends_on(question, refused):
                continue
            if not is_visible(question, values, self.definition):
                self.issues.add_message(number, column.name, self._hidden_message(question, values))
                ok = False
        if not ok:
            return None
        stored: dict[str, tuple[EncodedAnswer, str | None]] = {}
        for key in dict.fromkeys([*encoded, *notes]):
            enc = encoded.get(key) or self._no_answer(key)
            stored[key] = (enc, notes.get(key))
        return values, stored

    def _depends_on(self, question: Question, keys: set[str]) -> bool:
        """Whether the question's visibility rests, directly or through other conditions, on one of the keys."""
        condition = question.show_if
        while condition is not None:
            if condition.question in keys:
                return True
            target = self.definition.question(condition.question)
            condition = target.show_if if target is not None else None
        return False

    def _no_answer(self, key: str) -> EncodedAnswer:
        """What a note without an answer stores as its value (JSON null), as the review form does."""
        question = self.definition.question(key)
        assert question is not None
        return encode(question, None)

    def _hidden_message(self, question: Question, answers: dict[str, AnswerValue]) -> Message:
        condition = question.show_if
        assert condition is not None
        target = condition.question
        given = answers.get(target)
        shown_sv = "tomt" if given is None else _shown(_answer_text(given))
        shown_en = "empty" if given is None else _shown(_answer_text(given))
        needed_sv = " eller ".join(map(str, condition.accepted()))
        needed_en = " or ".join(map(str, condition.accepted()))
        target_question = self.definition.question(target)
        if target_question is not None and not is_visible(target_question, answers, self.definition):
            why_sv, why_en = f"visas inte '{target}' själv", f"'{target}' itself is not shown"
        else:
            why_sv, why_en = f"'{target}' är {shown_sv}", f"'{target}' is {shown_en}"
        return Message(
            f"frågan visas bara när '{target}' är {needed_sv}, och här {why_sv}, så den ska inte ha något svar; "
            "töm cellen eller kontrollera att kolumnerna hamnat rätt",
            f"the question is shown only when '{target}' is {needed_en}, and here {why_en}, so it must have no "
            "answer; empty the cell or check that the columns are aligned",
        )


def _hashable(value: AnswerValue) -> object:
    return tuple(value) if isinstance(value, list) else value


def _answer_text(value: AnswerValue) -> str:
    return "|".join(value) if isinstance(value, list) else str(value)


def _prior_import(session: Session, round_: Round, digest: str) -> ImportRecord | None:
    for record in session.exec(select(ImportRecord).where(ImportRecord.file_sha256 == digest)).all():
        try:
            summary = json.loads(record.summary_json)
        except ValueError:
            continue
        if (
            isinstance(summary, dict)
            and summary.get("kind") == IMPORT_KIND
            and summary.get("round_uuid") == round_.uuid
        ):
            return record
    return None


def _codes_in_file(table: _Table, columns: list[_Column]) -> set[str]:
    code_column = next((c for c in columns if c.kind == "fixed" and c.key == CASE_CODE), None)
    if code_column is None:
        return set()
    return {
        _cell_text(cells[code_column.index])
        for _, cells in table.rows
        if code_column.index < len(cells) and not _blank(cells[code_column.index])
    }


def _plan(
    session: Session,
    round_uuid: str,
    path: Path,
    default_reviewer: str | None,
    tick: Callable[[int, int], None],
) -> _Plan:
    path = Path(path)
    round_ = get_round(session, round_uuid)
    definition = round_definition(session, round_)
    name = redact(path.name)
    # a file name is not exempt from the personnummer rule in messages
    data = read_bytes(path, redact(str(path)), _file_error)
    digest = hashlib.sha256(data).hexdigest()
    table = _read_table(path, data)
    issues = _Issues()
    columns = _read_header(table.header, definition, issues)
    existing = set(session.exec(select(Case.case_code).where(Case.round_id == round_.id)).all())
    prior = _prior_import(session, round_, digest)
    if prior is not None and existing & _codes_in_file(table, columns):
        raise _file_error(
            f"Filen {name} har redan importerats till omgången '{round_.name}' "
            f"({prior.imported_at.date().isoformat()}); ingenting har ändrats.",
            f"The file {name} was already imported into the round '{round_.name}' "
            f"({prior.imported_at.date().isoformat()}); nothing was changed.",
        )
    validator = _RowValidator(definition, columns, existing, default_reviewer, issues)
    rows: list[ReviewedCase] = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows, start=1):
        row = validator.validate(number, cells)
        if row is not None:
            rows.append(row)
        if done % PROGRESS_EVERY == 0:
            tick(done, total)
    tick(total, total)
    if issues.total:
        raise SpreadsheetImportError(
            Message(
                f"Filen {name} kan inte importeras: {issues.total} fel. Ingenting har sparats; rätta felen och "
                "försök igen.",
                f"The file {name} cannot be imported: {issues.total} error{'s' if issues.total != 1 else ''}. "
                "Nothing was saved; correct the errors and try again.",
            ),
            issues.kept,
            issues.total - len(issues.kept),
        )
    return _Plan(round_, definition, name[:260], digest, rows)


# ----------------------------------------------------------------------------------------------------------------
# Public API


def validate_file(
    session: Session,
    round_uuid: str,
    path: Path,
    default_reviewer: str | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read and check the whole file against the round; raises SpreadsheetImportError listing every problem.

    Writes nothing; the summary says what an import would store.
    """
    plan = _plan(session, round_uuid, path, default_reviewer, progress or (lambda _d, _t: None))
    session.rollback()
    return plan.summary()


def import_file(
    session: Session,
    round_uuid: str,
    path: Path,
    default_reviewer: str | None = None,
    actor: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Validate the whole file, then store every row as a case with one review in one transaction.

    `default_reviewer` is used for rows whose reviewer cell is empty (without it such rows are errors). A review is
    complete when every shown required question is answered, otherwise in progress. Progress is reported as
    (done, total) over validation and writing together.
    """
    report = progress or (lambda _d, _t: None)
    plan_total: list[int] = [0]

    def tick(done: int, total: int) -> None:
        plan_total[0] = total
        report(done, 2 * total)

    plan = _plan(session, round_uuid, path, default_reviewer, tick)
    try:
        _write(session, plan, actor, lambda done: report(plan_total[0] + done, 2 * plan_total[0]))
        session.commit()
    except IntegrityError:
        session.rollback()
        raise _file_error(
            "Omgången ändrades medan filen importerades (en ärendekod finns nu redan). Ingenting har sparats; "
            "försök igen.",
            "The round changed while the file was being imported (a case code now exists already). Nothing was "
            "saved; try again.",
        ) from None
    except BaseException:
        session.rollback()
        raise
    return plan.summary()


def _write(session: Session, plan: _Plan, actor: str, written: Callable[[int], None]) -> None:
    round_ = plan.round_
    assert round_.id is not None
    insert_reviewed_cases(session, round_.id, round_.checklist_version_id, plan.rows, written)
    summary = plan.summary()
    counts = {
        "cases": summary.cases,
        "reviews": summary.reviews,
        "answers": summary.answers,
        "complete": summary.complete,
        "in_progress": summary.in_progress,
    }
    audit.record(
        session,
        actor,
        "round",
        round_.uuid,
        "import_spreadsheet",
        file=plan.file_name,
        sha256=plan.file_sha256,
        **counts,
    )
    session.add(
        ImportRecord(
            file_name=plan.file_name,
            file_sha256=plan.file_sha256,
            format_version=SPREADSHEET_FORMAT_VERSION,
            summary_json=json.dumps(
                {
                    "kind": IMPORT_KIND,
                    "round_uuid": round_.uuid,
                    "round_name": round_.name,
                    "checklist": f"{plan.definition.slug}@{plan.definition.version}",
                    **counts,
                },
                ensure_ascii=False,
                sort_keys=True,
            ),
        )
    )
    session.flush()
