"""The report's cells as text: shares with their count, base and Wilson interval, differences with their Newcombe
interval, ratios with their bootstrap interval. Numbers are formatted by `services.aggregation.text`, as everywhere
else; only the layout in a narrow table cell is the report's own (a line per figure, no break inside a number)."""

from __future__ import annotations

from reviewer.domain.statistics import ComparisonState
from reviewer.reports.pdf.document import NBSP
from reviewer.services.aggregation import Comparison
from reviewer.services.aggregation.model import Unit
from reviewer.services.aggregation.text import format_amount, format_number, format_percent

STATE_WORDS = {ComparisonState.TOO_SMALL: "för litet underlag", ComparisonState.NO_VARIATION: "ingen variation"}


def whole(text: str) -> str:
    """No line break inside a figure ("10 000 kr", "42 %")."""
    return text.replace(" ", NBSP)


def count_of(count: int, base: int) -> str:
    return f"{whole(format_number(count, 'sv', 0))} av {whole(format_number(base, 'sv', 0))}"


def share(percent: float | None, count: int, base: int, low: float | None, high: float | None) -> str:
    """ "42 %" over "21 av 50" over the 95 % interval "(29–56)"; the count alone on a base too small for a
    percentage; "–" when nobody answered."""
    if base == 0:
        return "–"
    if percent is None:
        return count_of(count, base)
    lines = [whole(format_percent(percent, "sv")), count_of(count, base)]
    if low is not None and high is not None:
        lines.append(f"({format_number(low, 'sv', 0)}–{format_number(high, 'sv', 0)})")
    return "\n".join(lines)


def difference(c: Comparison) -> str:
    """Women minus men in percentage points over its 95 % interval, or "för litet underlag" and the like."""
    if c.state is not ComparisonState.OK and c.difference_pp is None:
        return STATE_WORDS[c.state]
    if c.difference_pp is None:
        return "–"
    text = whole(f"{format_number(c.difference_pp, 'sv')} p.e.")
    if c.difference_low is not None and c.difference_high is not None:
        low, high = format_number(c.difference_low, "sv", 0), format_number(c.difference_high, "sv", 0)
        text += f"\n({low} till {high})"
    return text


def ratio(value: float | None, low: float | None, high: float | None) -> str:
    """ "kvot 1,5" over "(1,2–2)"; ratios are positive, so a dash between the bounds cannot be read as a minus."""
    if value is None:
        return "–"
    text = whole(f"kvot {format_number(value, 'sv', 2)}")
    if low is not None and high is not None:
        text += f"\n({format_number(low, 'sv', 2)}–{format_number(high, 'sv', 2)})"
    return text


def amount(value: float | None, unit: Unit) -> str:
    return "–" if value is None else whole(format_amount(value, unit, "sv"))


def gap(c: Comparison) -> str:
    """A round's gap without its interval, for before/after: "-29,4 p.e." or "kvot 1,5"."""
    if c.state is ComparisonState.TOO_SMALL and c.difference_pp is None and c.median_ratio is None:
        return STATE_WORDS[c.state]
    if c.difference_pp is not None:
        return whole(f"{format_number(c.difference_pp, 'sv')} p.e.")
    if c.median_ratio is not None:
        return whole(f"kvot {format_number(c.median_ratio, 'sv', 2)}")
    return "–"
