"""Figures as the dashboard shows them: the same rounding and number style as the findings, the CLI and the reports
(`services.aggregation.text`), with a dash for "no figure" and a true minus sign (−) for negative bounds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reviewer.checklists.schema import QuestionType
from reviewer.domain.text import Language
from reviewer.services.aggregation import Comparison, GroupResult, unit_of
from reviewer.services.aggregation import text as aggregation_text


def number(value: float | None, language: Language, decimals: int = 1) -> str:
    if value is None:
        return "–"
    return aggregation_text.format_number(value, language, decimals).replace("-", "−")


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
    return aggregation_text.format_p(value, language, alpha).removeprefix("p = ").removeprefix("p ")


def amount(value: float | None, question_type: QuestionType, language: Language) -> str:
    """A number with its unit where the question has one: "2 570 kr", "38 dagar"."""
    return "–" if value is None else aggregation_text.format_amount(value, unit_of(question_type), language)


def bounds(low: float | None, high: float | None, language: Language, decimals: int = 0) -> str:
    """An interval in brackets, "(−2 till 27)"; empty when there is none."""
    if low is None or high is None:
        return ""
    between = QCoreApplication.translate("Dashboard", "%1 to %2")
    return (
        "("
        + between.replace("%1", number(low, language, decimals)).replace("%2", number(high, language, decimals))
        + ")"
    )


def ratio(value: float | None, language: Language) -> str:
    return QCoreApplication.translate("Dashboard", "ratio %1").replace("%1", number(value, language, 2))


def difference(comparison: Comparison, language: Language, separator: str = " ") -> str:
    """Women minus men with the Newcombe interval, "+12,5 p.e. (−2 till 27)"; for numbers the median ratio with its
    bootstrap interval, "kvot 1,27 (1,05 till 1,52)". A table cell puts the interval on a line of its own."""
    if comparison.difference_pp is not None:
        text = points(comparison.difference_pp, language) + " " + QCoreApplication.translate("Dashboard", "pp")
        interval = bounds(comparison.difference_low, comparison.difference_high, language)
    elif comparison.median_ratio is not None:
        text = ratio(comparison.median_ratio, language)
        interval = bounds(comparison.median_ratio_low, comparison.median_ratio_high, language, 2)
    else:
        return ""
    return f"{text}{separator}{interval}" if interval else text


def share(group: GroupResult, option: str | None, language: Language, separator: str = " ") -> str:
    """The share of one group with the option and its base, "42 % (n = 50)"; on a base under MIN_PERCENT_BASE the
    count only, "3 av 4", as the model gives no percentage there."""
    if group.base == 0:
        return "–"
    item = next((o for o in group.options if o.value == option), None)
    count = item.count if item is not None else 0
    if item is None or item.percent is None:
        return (
            QCoreApplication.translate("Dashboard", "%1 of %2").replace("%1", str(count)).replace("%2", str(group.base))
        )
    return f"{percent(item.percent, language)}{separator}(n = {group.base})"


def share_detail(name: str, group: GroupResult, option: str | None, language: Language) -> str:
    """ "Kvinnor: 42 % (95 % KI 29 till 56), 21 av 50 svar"."""
    item = next((o for o in group.options if o.value == option), None)
    count = item.count if item is not None else 0
    answers = (
        QCoreApplication.translate("Dashboard", "%1 of %2 answers")
        .replace("%1", str(count))
        .replace("%2", str(group.base))
    )
    if item is None or item.percent is None:
        return f"{name}: {answers}"
    interval = aggregation_text.interval_text(item.ci_low, item.ci_high, language, 0)
    return f"{name}: {percent(item.percent, language)} ({interval}), {answers}"
