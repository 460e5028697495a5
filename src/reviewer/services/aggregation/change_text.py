"""The text report of a change: before/after (`render_before_after_text`) and a trend over rounds
(`render_trend_text`). Each gap with its 95 % interval, each test with its own p-value and the adjusted one, both
labelled, and the verdict in the words the dashboard and the PDF use (`text.VERDICT_WORDS`)."""

from __future__ import annotations

import math

from reviewer.domain.text import Language, Message, count_of
from reviewer.services.aggregation.model import BeforeAfter, Comparison, QuestionChange, QuestionTrend, RoundTrend
from reviewer.services.aggregation.text import VERDICT_WORDS, format_number, format_p, table_lines, truncate


def _p_cell(p: float | None, language: Language) -> str:
    return "" if p is None else format_p(p, language).removeprefix("p = ").removeprefix("p ")


def _p_cells(p_value: float | None, p_adjusted: float | None, primary: bool, language: Language) -> list[str]:
    """Raw p and adjusted p; a primary question is not adjusted, and says so."""
    if p_value is None:
        return ["", ""]
    if primary:
        return [_p_cell(p_value, language), "huvudfråga" if language == "sv" else "primary"]
    return [_p_cell(p_value, language), _p_cell(p_adjusted, language)]


def _test_header(language: Language) -> list[str]:
    return ["p", "justerat p" if language == "sv" else "adjusted p", "bedömning" if language == "sv" else "verdict"]


def _label(text: Message, option_label: Message | None, language: Language) -> str:
    """The question, and the answer compared: "Frågade handläggaren om barn? – Ja"."""
    if option_label is None:
        return text.text(language)
    return f"{truncate(text.text(language), 44)} – {option_label.text(language)}"


def _legend(language: Language, of_trend: bool) -> str:
    if language == "sv":
        return (
            f"p = {'trendens' if of_trend else 'förändringens'} eget p-värde (ojusterat); justerat p = justerat för "
            "antalet prövade frågor (Benjamini–Hochberg) och det som avgör bedömningen; en huvudfråga prövas för sig "
            "utan justering."
        )
    return (
        f"p = the {'trend' if of_trend else 'change'}'s own p-value (unadjusted); adjusted p = adjusted for the number "
        "of questions tested (Benjamini–Hochberg), which decides the verdict; a primary question is tested on its "
        "own without adjustment."
    )


def render_before_after_text(before_after: BeforeAfter, language: Language) -> str:
    """The before/after table: the gap (female − male) in the baseline and now at the same option, the change of
    the gap with its interval, raw and adjusted p, and what it means."""
    sv = language == "sv"
    after, before = before_after.after, before_after.before
    thresholds = after.request.thresholds
    lines = [
        (
            f"Före/efter: {before.rounds[0].name} ({count_of(before.n_cases, 'ärende', 'ärenden')}) → "
            f"{after.rounds[0].name} ({count_of(after.n_cases, 'ärende', 'ärenden')})"
            if sv
            else f"Before/after: {before.rounds[0].name} ({count_of(before.n_cases, 'case', 'cases')}) → "
            f"{after.rounds[0].name} ({count_of(after.n_cases, 'case', 'cases')})"
        ),
        (
            f"{before_after.n_tested} förändringar prövades; p-värdena är justerade för antalet (Benjamini–Hochberg, "
            f"q = {format_number(thresholds.fdr_q, language, 3)}). Minskat eller ökat sägs bara när förändringen "
            "av skillnaden är säkerställd efter justeringen."
            if sv
            else f"{before_after.n_tested} changes were tested; the p-values are adjusted for their number "
            f"(Benjamini–Hochberg, q = {format_number(thresholds.fdr_q, language, 3)}). Narrowed or widened is said "
            "only when the change of the gap holds after the adjustment."
        ),
    ]
    header = [
        "fråga (jämfört alternativ)" if sv else "question (option compared)",
        "före" if sv else "before",
        "efter" if sv else "after",
        "förändring (95 % KI)" if sv else "change (95% CI)",
        *_test_header(language),
    ]
    rows = [header]
    for change in before_after.questions:
        if change.status != "compared":
            continue
        label = _label(change.text, change.option_label, language)
        gap = change.gap
        rows.append(
            [
                truncate(label),
                _gap(change.before, language),
                _gap(change.after, language),
                _gap_change(change, language),
                *_p_cells(gap.p_value if gap else None, gap.p_adjusted if gap else None, change.primary, language),
                VERDICT_WORDS[change.verdict or "not_tested"].text(language),
            ]
        )
    lines += ["  " + line for line in table_lines(rows)]
    lines += ["", _legend(language, of_trend=False)]
    others = [c for c in before_after.questions if c.status in {"new", "retired", "type_changed"}]
    if others:
        lines += ["", "Kan inte jämföras:" if sv else "Not comparable:"]
        for change in others:
            reason = {
                "new": ("ny fråga", "new question"),
                "retired": ("frågan har tagits bort", "question retired"),
                "type_changed": ("frågetypen har ändrats", "question type changed"),
            }[change.status][1 if language == "en" else 0]
            lines.append(f"  {change.text.text(language)}: {reason}")
    return "\n".join(lines) + "\n"


def render_trend_text(trend: RoundTrend, language: Language) -> str:
    """The gap per round with its 95 % interval, and the trend over the rounds – the change per round with its
    interval, raw and adjusted p – and what it means."""
    sv = language == "sv"
    lines = [
        "Trend: " + " → ".join(r.name for r in trend.rounds),
        (
            f"{trend.n_tested} trender prövades (viktad linjär regression av skillnaden över omgångarna); p-värdena "
            "är justerade för antalet (Benjamini–Hochberg). Skillnaden är kvinnor minus män i procentenheter, eller "
            "kvoten mellan medianerna för tal, med 95 % konfidensintervall."
            if sv
            else f"{trend.n_tested} trends were tested (weighted linear regression of the gap over the rounds); the "
            "p-values are adjusted for their number (Benjamini–Hochberg). The gap is women minus men in percentage "
            "points, or the ratio of the medians for numbers, with its 95% confidence interval."
        ),
    ]
    header = [
        "fråga" if sv else "question",
        *[r.name for r in trend.rounds],
        "trend per omgång (95 % KI)" if sv else "trend per round (95% CI)",
        *_test_header(language),
    ]
    rows = [header]
    for q in trend.questions:
        label = _label(q.text, q.option_label, language)
        cells = [point_text(q.kind == "numeric", p.gap, p.low, p.high, language) for p in q.points]
        rows.append(
            [
                truncate(label),
                *cells,
                slope_text(q, language),
                *_p_cells(q.p_value, q.p_adjusted, q.primary, language),
                VERDICT_WORDS[q.verdict or "not_tested"].text(language),
            ]
        )
    lines += ["  " + line for line in table_lines(rows)]
    lines += ["", _legend(language, of_trend=True)]
    return "\n".join(lines) + "\n"


def _between(language: Language) -> str:
    return " till " if language == "sv" else " to "


def point_text(numeric: bool, gap: float | None, low: float | None, high: float | None, language: Language) -> str:
    """One round's gap with its interval: "20,0 p.e. (−1 till 39)" or "kvot 1,50 (1,21 till 1,83)"."""
    if gap is None:
        return "–"
    if numeric:
        text = ("kvot " if language == "sv" else "ratio ") + format_number(gap, language, 2)
        decimals = 2
    else:
        text = format_number(gap, language) + (" p.e." if language == "sv" else " pp")
        decimals = 0
    if low is not None and high is not None:
        text += (
            f" ({format_number(low, language, decimals)}{_between(language)}{format_number(high, language, decimals)})"
        )
    return text


def slope_text(q: QuestionTrend, language: Language) -> str:
    """The fitted change per round: percentage points per round, or for numbers the factor the ratio is multiplied
    by per round (the slope is on the log scale)."""
    if q.slope is None or q.slope_low is None or q.slope_high is None:
        return "–"
    between = _between(language)
    if q.kind == "numeric":
        low, high = math.exp(q.slope_low), math.exp(q.slope_high)
        return (
            f"×{format_number(math.exp(q.slope), language, 2)} "
            f"({format_number(low, language, 2)}{between}{format_number(high, language, 2)})"
        )
    sign = "+" if q.slope > 0 else ""
    unit = " p.e." if language == "sv" else " pp"
    return (
        f"{sign}{format_number(q.slope, language)}{unit} "
        f"({format_number(q.slope_low, language, 0)}{between}{format_number(q.slope_high, language, 0)})"
    )


def _gap(c: Comparison | None, language: Language) -> str:
    if c is None:
        return "–"
    if c.difference_pp is not None:
        return format_number(c.difference_pp, language) + (" pp" if language == "en" else " p.e.")
    if c.median_ratio is not None:
        return ("ratio " if language == "en" else "kvot ") + format_number(c.median_ratio, language, 2)
    return "–"


def _gap_change(change: QuestionChange, language: Language) -> str:
    gap = change.gap
    if gap is None:
        return "–"
    between = _between(language)
    if change.kind == "numeric":
        return (
            f"×{format_number(gap.change, language, 2)} "
            f"({format_number(gap.low, language, 2)}{between}{format_number(gap.high, language, 2)})"
        )
    unit = " pp" if language == "en" else " p.e."
    sign = "+" if gap.change > 0 else ""
    return (
        f"{sign}{format_number(gap.change, language)}{unit} "
        f"({format_number(gap.low, language, 0)}{between}{format_number(gap.high, language, 0)})"
    )
