"""Checking one data row at a time against the checklist, reporting every problem with its row and column."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.checklists.answers import AnswerValue, EncodedAnswer, encode
from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition, Question, QuestionType
from reviewer.domain.personnummer import contains_personnummer
from reviewer.domain.sex import Sex, Subject, categories_for
from reviewer.domain.text import Message
from reviewer.services.bulk_reviews import ReviewedCase
from reviewer.services.cases import MAX_CODE, MAX_UNIT
from reviewer.services.reviews import MAX_TEXT, missing_required
from reviewer.services.spreadsheet_import.columns import (
    AGE_BAND,
    CASE_CODE,
    REVIEWER,
    SEX,
    UNIT,
    _Column,
    _normalise,
    _personnummer_message,
    _shown,
    column_letter,
)
from reviewer.services.spreadsheet_import.results import ImportSummary, _Issues
from reviewer.services.spreadsheet_import.table import _blank, _cell_text
from reviewer.services.spreadsheet_import.values import _option_lookup, _QuestionReader, _RefusedError, _sex_words
from reviewer.services.spreadsheet_import.workbook import Cell
from reviewer.storage.models import (
    ReviewStatus,
    Round,
)

MAX_REVIEWER = 64


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
