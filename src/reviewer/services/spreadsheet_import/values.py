"""Turning one cell into the answer value of one question, accepting what a spreadsheet typically holds."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from reviewer.checklists.answers import AnswerError, AnswerValue, check_answer
from reviewer.checklists.schema import Question, QuestionType, implicit_options
from reviewer.domain.sex import Sex, Subject, categories_for
from reviewer.domain.text import Message
from reviewer.services.reviews import MAX_TEXT
from reviewer.services.spreadsheet_import.columns import _normalise, _shown
from reviewer.services.spreadsheet_import.workbook import Cell


class _RefusedError(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message.en)
        self.message = message


def _sex_words(subject: Subject) -> dict[str, Sex]:
    female, male, *_ = categories_for(subject)
    words = {s.value: s for s in Sex}
    words.update(
        {
            "annat": Sex.ANNAT,
            "okänt": Sex.OKANT,
            "okant": Sex.OKANT,
            "vet ej": Sex.OKANT,
            "uppgift saknas": Sex.OKANT,
            # the one value of earlier versions: which of the two it was cannot be told, so okänt
            "annat/okänt": Sex.OKANT,
            "annat/okant": Sex.OKANT,
            "annat eller okänt": Sex.OKANT,
            "annat_okänt": Sex.OKANT,
            "annat_okant": Sex.OKANT,
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
