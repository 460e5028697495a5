"""Figures as the dashboard shows them: the same rounding and number style as the findings, the CLI and the reports
(`services.aggregation.text`), with a dash for "no figure"."""

from __future__ import annotations

from reviewer.checklists.schema import QuestionType
from reviewer.domain.text import Language
from reviewer.services.aggregation import text as aggregation_text
from reviewer.services.aggregation import unit_of


def number(value: float | None, language: Language, decimals: int = 1) -> str:
    return "–" if value is None else aggregation_text.format_number(value, language, decimals)


def percent(value: float | None, language: Language) -> str:
    return "–" if value is None else aggregation_text.format_percent(value, language)


def points(value: float | None, language: Language) -> str:
    """A difference in percentage points, with its sign."""
    if value is None:
        return "–"
    sign = "+" if round(value, 1) > 0 else ("−" if round(value, 1) < 0 else "±")
    return sign + aggregation_text.format_number(abs(value), language)


def p_value(value: float | None, language: Language, alpha: float) -> str:
    if value is None:
        return "–"
    return aggregation_text.format_p(value, language, alpha).removeprefix("p = ")


def amount(value: float | None, question_type: QuestionType, language: Language) -> str:
    """A number with its unit where the question has one: "2 570 kr", "38 dagar"."""
    return "–" if value is None else aggregation_text.format_amount(value, unit_of(question_type), language)
