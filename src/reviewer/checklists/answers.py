"""Typed answer values: checking them against their question and encoding them for storage.

The JSON form is the stored truth; the code and number columns are derived from it so aggregation can run as SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from reviewer.checklists.schema import NUMBER_TYPES, Question, QuestionType, implicit_options
from reviewer.domain.text import Message, ReviewerError

AnswerValue = str | int | float | list[str] | None


class AnswerError(ReviewerError):
    pass


@dataclass(frozen=True)
class EncodedAnswer:
    value_json: str
    value_code: str | None
    value_number: float | None


# Numbers are stored as a double beside their JSON text; below 10^15 every whole number and every amount in öre is
# exact there, and no case has a larger one.
MAX_MAGNITUDE = 10**15


def _bad(question: Question, sv: str, en: str) -> AnswerError:
    """Named by the question's text, as the reviewer reads it: the key is a name for statistics, not for people."""
    return AnswerError(
        Message(f"Frågan ”{question.text.text('sv')}”: {sv}", f"Question “{question.text.text('en')}”: {en}")
    )


def check_answer(question: Question, value: AnswerValue) -> AnswerValue:
    """The value normalised for its question type, or an AnswerError saying why it does not fit."""
    kind = question.type
    if value is None:
        return None
    if kind in {QuestionType.YES_NO, QuestionType.YES_NO_NA, QuestionType.SINGLE_CHOICE}:
        if value not in implicit_options(question):
            raise _bad(question, f"{value!r} är inget av svarsalternativen", f"{value!r} is not one of the options")
        return value
    if kind is QuestionType.MULTIPLE_CHOICE:
        allowed = implicit_options(question)
        if not isinstance(value, list) or any(v not in allowed for v in value):
            raise _bad(question, "ogiltiga svarsalternativ", "invalid options")
        return sorted(set(value), key=allowed.index)
    if kind is QuestionType.SCALE:
        if isinstance(value, bool) or value not in implicit_options(question):
            raise _bad(question, "svaret ska vara 1–5", "the answer must be 1–5")
        return value
    if kind in NUMBER_TYPES:
        return _check_number(question, value)
    if kind is QuestionType.DATE:
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise _bad(question, "ogiltigt datum (ÅÅÅÅ-MM-DD)", "invalid date (YYYY-MM-DD)") from None
    if not isinstance(value, str):
        raise _bad(question, "svaret ska vara text", "the answer must be text")
    return value


def _check_number(question: Question, value: AnswerValue) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _bad(question, "svaret ska vara ett tal", "the answer must be a number")
    try:
        number = Decimal(str(value).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        raise _bad(question, "svaret ska vara ett tal", "the answer must be a number") from None
    if not number.is_finite():
        raise _bad(question, "svaret ska vara ett tal", "the answer must be a number")
    if abs(number) > MAX_MAGNITUDE:
        raise _bad(
            question,
            f"svaret är orimligt stort (högst {MAX_MAGNITUDE:,} till beloppet)".replace(",", " "),
            f"the answer is unreasonably large (at most {MAX_MAGNITUDE:,} in magnitude)",
        )
    whole = question.type in {QuestionType.INTEGER, QuestionType.DAYS}
    if whole and number != number.to_integral_value():
        raise _bad(question, "svaret ska vara ett heltal", "the answer must be a whole number")
    lower = question.min if question.min is not None else (0 if question.type is not QuestionType.DECIMAL else None)
    if lower is not None and number < Decimal(str(lower)):
        raise _bad(question, f"svaret får inte vara mindre än {lower:g}", f"the answer must be at least {lower:g}")
    if question.max is not None and number > Decimal(str(question.max)):
        raise _bad(
            question, f"svaret får inte vara större än {question.max:g}", f"the answer must be at most {question.max:g}"
        )
    if whole:
        return int(number)
    if question.type is QuestionType.MONEY:
        return float(round(number, 2))
    return float(number)


def encode(question: Question, value: AnswerValue) -> EncodedAnswer:
    checked = check_answer(question, value)
    code = checked if isinstance(checked, str) and question.type in _CODED else None
    number = float(checked) if isinstance(checked, int | float) else None
    return EncodedAnswer(json.dumps(checked, ensure_ascii=False), code, number)


_CODED = frozenset({QuestionType.YES_NO, QuestionType.YES_NO_NA, QuestionType.SINGLE_CHOICE})


def content_sha256(answers: Mapping[str, tuple[str, str | None]]) -> str:
    """A review's fingerprint over its encoded answers and notes, independent of storage order."""
    canonical = json.dumps(
        {key: [value_json, note] for key, (value_json, note) in answers.items()},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
