"""Findings in plain Swedish (and English), and the CLI's text report, from the aggregation's result types.

Rounding happens only here: the result types and the JSON keep full precision. Swedish uses a decimal comma, a space
before "%", and spaces between thousands in amounts of money; English a decimal point and thousands commas.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal

from reviewer.domain.sex import SexGroup, Subject
from reviewer.domain.statistics import ComparisonState
from reviewer.domain.text import Language, Message

if TYPE_CHECKING:
    from reviewer.services.aggregation import Aggregate, BeforeAfter, Comparison, GroupResult, QuestionResult

Unit = Literal["days", "money", "none"]

_GROUP_WORDS = {
    Subject.ADULT: (("Kvinnor", "män", "annat/okänt"), ("Women", "men", "other/unknown")),
    Subject.CHILD: (("Flickor", "pojkar", "annat/okänt"), ("Girls", "boys", "other/unknown")),
}


def group_words(subject: Subject, language: Language) -> tuple[str, str, str]:
    """The words for the female, male and other group, the first capitalised (it starts a sentence)."""
    sv, en = _GROUP_WORDS[subject]
    return en if language == "en" else sv


def format_number(value: float, language: Language, decimals: int = 1, group_from: int = 10_000) -> str:
    """Rounded to at most `decimals` (trailing zeros dropped), thousands grouped from `group_from` on."""
    rounded = round(value, decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{rounded:,.{decimals}f}" if abs(rounded) >= group_from else f"{rounded:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if language == "en":
        return text
    return text.replace(",", " ").replace(".", ",")


def format_amount(value: float, unit: Unit, language: Language) -> str:
    if unit == "money":
        number = format_number(value, language, decimals=0, group_from=1000)
        return f"{number} SEK" if language == "en" else f"{number} kr"
    number = format_number(value, language)
    if unit == "days":
        one = number == "1"
        return f"{number} {'day' if one else 'days'}" if language == "en" else f"{number} {'dag' if one else 'dagar'}"
    return number


def format_percent(value: float, language: Language) -> str:
    return f"{round(value):.0f}%" if language == "en" else f"{round(value):.0f} %"


def format_p(p_value: float, language: Language, alpha: float = 0.05) -> str:
    """ "p = 0,03"; "p < 0,001"; more decimals where two would round across alpha (0.0496 is not "0,05")."""
    if p_value < 0.001:
        return "p < 0.001" if language == "en" else "p < 0,001"
    decimals = 2 if p_value >= 0.01 else 3
    while decimals < 4 and (round(p_value, decimals) < alpha) != (p_value < alpha):
        decimals += 1
    text = f"{p_value:.{decimals}f}"
    return f"p = {text}" if language == "en" else f"p = {text.replace('.', ',')}"


def _prefix(text: str, option: str | None) -> str:
    """The question text, then the option the figures are about; a question mark ends a phrase already."""
    asks = text.rstrip().endswith("?")
    if option is None:
        return f"{text} " if asks else f"{text}: "
    return f"{text} {option}: " if asks else f"{text} – {option}: "


def finding_message(
    question_text: Message,
    comparison: Comparison,
    subject: Subject,
    unit: Unit,
    alpha: float,
) -> Message:
    """The finding as one sentence per language, e.g. "Vad blev beslutet? Avslag: Kvinnor 42 % (21 av 50), män 61 %
    (30 av 49): skillnad 19 procentenheter, p = 0,03". The difference is computed from the unrounded percentages,
    so it may differ by one from the difference of the two rounded figures."""
    return Message(
        _sentence(question_text.sv, comparison, subject, unit, alpha, "sv"),
        _sentence(question_text.en, comparison, subject, unit, alpha, "en"),
    )


def _sentence(text: str, c: Comparison, subject: Subject, unit: Unit, alpha: float, language: Language) -> str:
    female, male, _ = group_words(subject, language)
    sv = language == "sv"
    p = f", {format_p(c.test.p_value, language, alpha)}" if c.test is not None else ""
    if c.female_median is not None and c.male_median is not None:
        if c.median_ratio is None:
            ratio = "kvoten går inte att beräkna" if sv else "ratio not defined"
        else:
            ratio = f"{'kvot' if sv else 'ratio'} {format_number(c.median_ratio, language, decimals=2)}"
        return (
            f"{_prefix(text, None)}{female} median {format_amount(c.female_median, unit, language)} "
            f"(n = {c.female_n}), {male} median {format_amount(c.male_median, unit, language)} (n = {c.male_n}): "
            f"{ratio}{p}"
        )
    label = c.option_label.text(language) if c.option_label is not None else None
    of = "av" if sv else "of"

    def share(word: str, percent: float | None, count: int | None, n: int) -> str:
        shown = "–" if percent is None else format_percent(percent, language)
        return f"{word} {shown} ({count or 0} {of} {n})"

    difference = ""
    if c.difference_pp is not None:
        points = round(abs(c.difference_pp))
        if sv:
            difference = f": skillnad {points} {'procentenhet' if points == 1 else 'procentenheter'}"
        else:
            difference = f": difference {points} {'percentage point' if points == 1 else 'percentage points'}"
    return (
        f"{_prefix(text, label)}{share(female, c.female_percent, c.female_count, c.female_n)}, "
        f"{share(male, c.male_percent, c.male_count, c.male_n)}{difference}{p}"
    )


# ---------------------------------------------------------------------------------------------------------------
# The CLI's text report


_STATE_WORDS = {
    ComparisonState.TOO_SMALL: ("för litet underlag", "too few answers"),
    ComparisonState.NO_VARIATION: ("ingen variation", "no variation"),
}
FLAG_MARK = "◆"


def _cell_percent(group: GroupResult, option: str | None, language: Language) -> str:
    for item in group.options:
        if item.value == option:
            return "–" if item.percent is None else format_percent(item.percent, language)
    return "–"


def _comparison_cells(c: Comparison | None, alpha: float, language: Language) -> tuple[str, str, str]:
    if c is None:
        return "", "", ""
    if c.state is not ComparisonState.OK:
        state = _STATE_WORDS[c.state][1 if language == "en" else 0]
        return state, "", ""
    if c.difference_pp is not None:
        difference = format_number(c.difference_pp, language) + (" pp" if language == "en" else " p.e.")
    elif c.median_ratio is not None:
        difference = ("ratio " if language == "en" else "kvot ") + format_number(c.median_ratio, language, 2)
    else:
        difference = ""
    p = format_p(c.test.p_value, language, alpha).removeprefix("p = ").removeprefix("p ") if c.test is not None else ""
    return difference, p, FLAG_MARK if c.flagged else ""


def _cells(
    kind: str,
    groups: dict[SexGroup, GroupResult],
    option: str | None,
    unit: Unit,
    language: Language,
) -> list[str]:
    ordered = [groups[g] for g in (SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER)]
    if kind == "numeric":
        return [
            "–" if g.numbers is None else f"{format_amount(g.numbers.median, unit, language)} (n {g.n})"
            for g in ordered
        ]
    if kind == "categorical":
        return [f"{_cell_percent(g, option, language)} (n {g.base})" for g in ordered]
    return [f"n {g.n}" for g in ordered]


def _question_rows(question: QuestionResult, unit: Unit, alpha: float, language: Language) -> list[list[str]]:
    """The question's row, then one row per stratum of the second breakdown."""
    c = question.comparison
    text = question.text.text(language)
    first = question.groups[SexGroup.FEMALE].options
    option = c.option if c is not None else (first[0].value if first else None)
    if question.kind == "numeric":
        label = f"{text} (median)"
    elif question.kind == "categorical":
        option_label = next((o.label.text(language) for o in first if o.value == option), "")
        label = f"{_truncate(text, 50)} – {option_label}" if option_label else text
    else:
        label = text + (" (not aggregated)" if language == "en" else " (sammanställs inte)")
    rows = [[_truncate(label), *_cells(question.kind, question.groups, option, unit, language)]]
    rows[0] += _comparison_cells(c, alpha, language)
    for stratum in question.strata:
        cells = _cells(question.kind, stratum.groups, option, unit, language)
        rows.append(
            [
                f"  · {_truncate(stratum.label.text(language), 40)}",
                *cells,
                *_comparison_cells(stratum.comparison, alpha, language),
            ]
        )
    return rows


def _table(rows: list[list[str]]) -> Iterator[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        yield "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()


def _truncate(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(aggregate: Aggregate, language: Language, units: dict[str, Unit]) -> str:
    """Findings first, then one compact table per section: the compared figure per group, difference, p, flag."""
    sv = language == "sv"
    female, male, other = group_words(aggregate.subject, language)
    alpha = aggregate.request.thresholds.alpha
    lines = [
        ", ".join(f"{r.name} ({r.period_label})" for r in aggregate.rounds),
        (
            f"{aggregate.n_cases} ärenden ({female.lower()} {aggregate.n_by_group[SexGroup.FEMALE]}, {male} "
            f"{aggregate.n_by_group[SexGroup.MALE]}, {other} {aggregate.n_by_group[SexGroup.OTHER]}), "
            f"checklista {aggregate.checklist_slug}@{aggregate.checklist_version}"
            if sv
            else f"{aggregate.n_cases} cases ({female.lower()} {aggregate.n_by_group[SexGroup.FEMALE]}, {male} "
            f"{aggregate.n_by_group[SexGroup.MALE]}, {other} {aggregate.n_by_group[SexGroup.OTHER]}), "
            f"checklist {aggregate.checklist_slug}@{aggregate.checklist_version}"
        ),
    ]
    lines += [warning.text(language) for warning in aggregate.warnings]
    lines.append("")
    lines.append("Flaggade skillnader" if sv else "Flagged differences")
    if not aggregate.findings:
        lines.append("  (inga)" if sv else "  (none)")
    lines += [f"  {FLAG_MARK} {finding.message.text(language)}" for finding in aggregate.findings]
    header = [
        "fråga" if sv else "question",
        female.lower(),
        male,
        other,
        "skillnad" if sv else "difference",
        "p",
        "flagga" if sv else "flag",
    ]
    for section in aggregate.sections:
        lines += ["", section.title.text(language)]
        rows = [header]
        for question in section.questions:
            rows += _question_rows(question, units.get(question.key, "none"), alpha, language)
        lines += ["  " + line for line in _table(rows)]
    thresholds = aggregate.request.thresholds
    points = format_number(thresholds.min_difference_pp, language)
    relative = format_number(thresholds.min_relative_difference * 100, language)
    lines += [
        "",
        (
            f"{FLAG_MARK} = minst {points} procentenheter (eller {relative} % för medianer) och "
            f"p < {format_number(alpha, language, 3)}; för litet underlag = färre än {thresholds.min_group_n} svar "
            "i en grupp"
            if sv
            else f"{FLAG_MARK} = at least {points} percentage points (or {relative}% for medians) and "
            f"p < {format_number(alpha, language, 3)}; too few answers = fewer than {thresholds.min_group_n} answers "
            "in a group"
        ),
    ]
    return "\n".join(lines) + "\n"


def render_before_after_text(before_after: BeforeAfter, language: Language) -> str:
    """The before/after table: the gap (female − male) in the baseline and now, and how it changed."""
    sv = language == "sv"
    after, before = before_after.after, before_after.before
    lines = [
        (
            f"Före/efter: {before.rounds[0].name} ({before.n_cases} ärenden) → {after.rounds[0].name} "
            f"({after.n_cases} ärenden)"
            if sv
            else f"Before/after: {before.rounds[0].name} ({before.n_cases} cases) → {after.rounds[0].name} "
            f"({after.n_cases} cases)"
        )
    ]
    header = [
        "fråga" if sv else "question",
        "före" if sv else "before",
        "efter" if sv else "after",
        "förändring" if sv else "change",
    ]
    rows = [header]
    for change in before_after.questions:
        if change.status != "compared":
            continue
        rows.append(
            [
                _truncate(change.text.text(language)),
                _gap(change.before, language),
                _gap(change.after, language),
                _gap_change(change.gap_change_pp, change.median_ratio_change, language),
            ]
        )
    lines += ["  " + line for line in _table(rows)]
    others = [c for c in before_after.questions if c.status in {"new", "retired", "type_changed"}]
    if others:
        lines += ["", "Kan inte jämföras:" if sv else "Not comparable:"]
        for change in others:
            reason = {
                "new": ("ny fråga", "new question"),
                "retired": ("frågan har tagits bort", "question retired"),
                "type_changed": ("frågetypen har ändrats", "question type changed"),
            }[change.status][1 if language == "en" else 0]
            lines.append(f"  {change.key}: {reason}")
    return "\n".join(lines) + "\n"


def _gap(c: Comparison | None, language: Language) -> str:
    if c is None:
        return "–"
    if c.difference_pp is not None:
        return format_number(c.difference_pp, language) + (" pp" if language == "en" else " p.e.")
    if c.median_ratio is not None:
        return ("ratio " if language == "en" else "kvot ") + format_number(c.median_ratio, language, 2)
    return "–"


def _gap_change(points: float | None, ratio: float | None, language: Language) -> str:
    if points is not None and math.isfinite(points):
        return f"{'+' if points > 0 else ''}{format_number(points, language)}" + (
            " pp" if language == "en" else " p.e."
        )
    if ratio is not None:
        return f"{'+' if ratio > 0 else ''}{format_number(ratio, language, 2)}"
    return "–"
