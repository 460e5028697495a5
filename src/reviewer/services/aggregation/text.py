"""Findings in plain Swedish (and English), and the CLI's text report, from the aggregation's result types.

Rounding happens only here: the result types and the JSON keep full precision. Swedish uses a decimal comma, a space
before "%", and spaces between thousands in amounts of money; English a decimal point and thousands commas.
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewer.domain.sex import SexGroup, Subject
from reviewer.domain.statistics import ComparisonState
from reviewer.domain.text import Language, Message, count_of
from reviewer.services.aggregation.compare import sex_distribution
from reviewer.services.aggregation.model import (
    GROUPS,
    MIN_PERCENT_BASE,
    Aggregate,
    Comparison,
    GroupResult,
    QuestionResult,
    Unit,
    sex_heading,
)

_GROUP_WORDS = {
    Subject.ADULT: (("Kvinnor", "män", "annat", "okänt"), ("Women", "men", "other", "unknown")),
    Subject.CHILD: (("Flickor", "pojkar", "annat", "okänt"), ("Girls", "boys", "other", "unknown")),
}


def group_words(subject: Subject, language: Language) -> tuple[str, str, str, str]:
    """The words for the female, male, annat and okänt group, the first capitalised (it starts a sentence)."""
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


# What each test tests, in the words a unit chief reads beside its p-value.
TEST_WORDS: dict[str, Message] = {
    "fisher": Message("Fishers exakta test av andelen", "Fisher's exact test of the share"),
    "chi2": Message("chi2-test av hela svarsfördelningen", "chi-square test of the whole distribution of answers"),
    "permutation": Message(
        "permutationstest av hela svarsfördelningen", "permutation test of the whole distribution of answers"
    ),
    "mann_whitney": Message(
        "Mann–Whitney-test av om fördelningarna skiljer sig", "Mann–Whitney test of whether the distributions differ"
    ),
}


def p_text(c: Comparison, language: Language) -> str:
    """ "p = 0,004, justerat p = 0,03 (Fishers exakta test av andelen)"; a primary question says it is unadjusted."""
    if c.test is None:
        return ""
    sv = language == "sv"
    raw = format_p(c.test.p_value, language)
    if c.primary:
        adjusted = "huvudfråga, ojusterat" if sv else "primary question, unadjusted"
    elif c.p_adjusted is not None:
        adjusted = ("justerat " if sv else "adjusted ") + format_p(c.p_adjusted, language)
    else:
        adjusted = ""
    words = TEST_WORDS[c.test.name].text(language)
    if c.test.comparisons > 1:
        words += (
            f", Bonferroni för {c.test.comparisons} alternativ"
            if sv
            else f", Bonferroni for {c.test.comparisons} options"
        )
    return f"{raw}, {adjusted} ({words})" if adjusted else f"{raw} ({words})"


def interval_text(low: float | None, high: float | None, language: Language, decimals: int = 1) -> str:
    """ "95 % KI 4–38" (Swedish) or "95% CI 4 to 38"; negative bounds keep their minus sign."""
    if low is None or high is None:
        return ""
    a, b = format_number(low, language, decimals), format_number(high, language, decimals)
    return f"95 % KI {a} till {b}" if language == "sv" else f"95% CI {a} to {b}"


def finding_message(question_text: Message, comparison: Comparison, subject: Subject, unit: Unit) -> Message:
    """The finding as one sentence per language, e.g. "Vad blev beslutet? Avslag: Kvinnor 42 % (21 av 50), män 61 %
    (30 av 49): skillnad 19 procentenheter (95 % KI 0 till 37), p = 0,004, justerat p = 0,03 (Fishers exakta test
    av andelen)". The difference is computed from the unrounded percentages, so it may differ by one from the
    difference of the two rounded figures."""
    return Message(
        _sentence(question_text.sv, comparison, subject, unit, "sv"),
        _sentence(question_text.en, comparison, subject, unit, "en"),
    )


def _sentence(text: str, c: Comparison, subject: Subject, unit: Unit, language: Language) -> str:
    female, male, *_ = group_words(subject, language)
    sv = language == "sv"
    p = f"; {p_text(c, language)}" if c.test is not None else ""
    if c.female_median is not None and c.male_median is not None:
        if c.median_ratio is None:
            ratio = "kvoten går inte att beräkna" if sv else "ratio not defined"
        else:
            ratio = f"{'kvot' if sv else 'ratio'} {format_number(c.median_ratio, language, decimals=2)}"
            bounds = interval_text(c.median_ratio_low, c.median_ratio_high, language, 2)
            ratio += f" ({bounds})" if bounds else ""
        means = ""
        if c.female_mean is not None and c.male_mean is not None:
            means = (
                f"; {'medelvärde' if sv else 'mean'} {format_amount(c.female_mean, unit, language)} "
                f"{'mot' if sv else 'vs'} {format_amount(c.male_mean, unit, language)}"
            )
            if c.mean_ratio is not None:
                means += f", {'kvot' if sv else 'ratio'} {format_number(c.mean_ratio, language, decimals=2)}"
                bounds = interval_text(c.mean_ratio_low, c.mean_ratio_high, language, 2)
                means += f" ({bounds})" if bounds else ""
        return (
            f"{_prefix(text, None)}{female} median {format_amount(c.female_median, unit, language)} "
            f"(n = {c.female_n}), {male} median {format_amount(c.male_median, unit, language)} (n = {c.male_n}): "
            f"{ratio}{means}{p}"
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
        # the sentence gives the size of the difference, so its interval is of the size too
        low, high = c.difference_low, c.difference_high
        if c.difference_pp < 0 and low is not None and high is not None:
            low, high = -high, -low
        bounds = interval_text(low, high, language, 0)
        difference += f" ({bounds})" if bounds else ""
    return (
        f"{_prefix(text, label)}{share(female, c.female_percent, c.female_count, c.female_n)}, "
        f"{share(male, c.male_percent, c.male_count, c.male_n)}{difference}{p}"
    )


def comparisons_summary(n_tested: int, n_primary: int, q: float, alpha: float, language: Language) -> str:
    """What the number of tests means, in plain words, beside every list of findings."""
    sv = language == "sv"
    q_text = format_percent(100 * q, language)
    level = format_number(alpha, language, 3)
    if sv:
        if n_tested == 0 and n_primary:
            text = "Inga andra frågor kunde jämföras mellan könen."
        elif n_tested == 0:
            text = "Ingen fråga kunde jämföras mellan könen (för få svar eller ingen variation)."
        elif n_tested == 1:
            text = "1 fråga jämfördes mellan könen."
        else:
            text = (
                f"{n_tested} frågor jämfördes mellan könen. Med så många jämförelser blir några skillnader stora av "
                "en slump; därför är p-värdena justerade för antalet (Benjamini–Hochberg), och bland de flaggade "
                f"skillnaderna väntas högst {q_text} vara slumpfynd."
            )
        if n_primary == 1:
            text += f" 1 huvudfråga, bestämd före omgången, prövas för sig utan justering (p < {level})."
        elif n_primary:
            text += (
                f" {n_primary} huvudfrågor, bestämda före omgången, prövas var för sig utan justering (p < {level})."
            )
        return text
    if n_tested == 0 and n_primary:
        text = "No other question could be compared between the sexes."
    elif n_tested == 0:
        text = "No question could be compared between the sexes (too few answers or no variation)."
    elif n_tested == 1:
        text = "1 question was compared between the sexes."
    else:
        text = (
            f"{n_tested} questions were compared between the sexes. With so many comparisons some differences are "
            "large by chance; the p-values are therefore adjusted for their number (Benjamini–Hochberg), and of the "
            f"flagged differences at most {q_text} are expected to be chance findings."
        )
    if n_primary == 1:
        text += f" 1 primary question, decided before the round, is tested on its own without adjustment (p < {level})."
    elif n_primary:
        text += (
            f" {n_primary} primary questions, decided before the round, are tested on their own without adjustment "
            f"(p < {level})."
        )
    return text


# ---------------------------------------------------------------------------------------------------------------
# The CLI's text report


_STATE_WORDS = {
    ComparisonState.TOO_SMALL: ("för litet underlag", "too few answers"),
    ComparisonState.NO_VARIATION: ("ingen variation", "no variation"),
}
FLAG_MARK = "◆"


def _share_cell(group: GroupResult, option: str | None, language: Language) -> str:
    """The share with its 95 % Wilson interval and base, "42 % (29–56, n 50)"; "– (n 3)" below the base."""
    item = next((o for o in group.options if o.value == option), None)
    if item is None or item.percent is None:
        return f"– (n {group.base})"
    if item.ci_low is None or item.ci_high is None:
        return f"{format_percent(item.percent, language)} (n {group.base})"
    low, high = format_number(item.ci_low, language, 0), format_number(item.ci_high, language, 0)
    return f"{format_percent(item.percent, language)} ({low}–{high}, n {group.base})"


def _difference(c: Comparison, language: Language) -> str:
    """The difference with its interval: "12,5 p.e. (−2 till 27)" or "kvot 1,4 (1,1 till 1,8)"."""
    sv = language == "sv"
    if c.difference_pp is not None:
        text = format_number(c.difference_pp, language) + (" p.e." if sv else " pp")
        low, high, decimals = c.difference_low, c.difference_high, 0
    elif c.median_ratio is not None:
        text = ("kvot " if sv else "ratio ") + format_number(c.median_ratio, language, 2)
        low, high, decimals = c.median_ratio_low, c.median_ratio_high, 2
    else:
        return ""
    if low is not None and high is not None:
        between = " till " if sv else " to "
        text += f" ({format_number(low, language, decimals)}{between}{format_number(high, language, decimals)})"
    return text


def _comparison_cells(c: Comparison | None, language: Language) -> tuple[str, str, str, str]:
    """difference (95 % interval), raw p, adjusted p, flag."""
    if c is None:
        return "", "", "", ""
    if c.state is not ComparisonState.OK:
        state = _STATE_WORDS[c.state][1 if language == "en" else 0]
        return state, "", "", ""
    raw = format_p(c.test.p_value, language).removeprefix("p = ").removeprefix("p ") if c.test is not None else ""
    if c.primary:
        adjusted = "huvudfråga" if language == "sv" else "primary"
    elif c.p_adjusted is not None:
        adjusted = format_p(c.p_adjusted, language).removeprefix("p = ").removeprefix("p ")
    else:
        adjusted = ""
    return _difference(c, language), raw, adjusted, FLAG_MARK if c.flagged else ""


def _cells(
    kind: str,
    groups: dict[SexGroup, GroupResult],
    total: GroupResult | None,
    option: str | None,
    unit: Unit,
    language: Language,
) -> list[str]:
    ordered = [groups[g] for g in GROUPS]
    ordered.append(total if total is not None else _no_total(ordered))
    if kind == "numeric":
        return [
            "–" if g.numbers is None else f"{format_amount(g.numbers.median, unit, language)} (n {g.n})"
            for g in ordered
        ]
    if kind == "categorical":
        return [_share_cell(g, option, language) for g in ordered]
    return [f"n {g.n}" for g in ordered]


def _distribution_row(groups: dict[SexGroup, GroupResult], option: str | None, language: Language) -> list[str]:
    """SCB's other view: of all with the compared answer, the share women, men, annat and okänt (counts alone below
    MIN_PERCENT_BASE)."""
    shares = sex_distribution(groups, option)
    counts = {g: next((o.count for o in groups[g].options if o.value == option), 0) for g in groups}
    total = sum(counts.values())
    label = "  · könsfördelning" if language == "sv" else "  · sex distribution"
    if total < MIN_PERCENT_BASE:
        return [label, *(str(counts[g]) for g in GROUPS), str(total)]
    cells = [format_percent(shares[g] or 0.0, language) for g in GROUPS]
    return [label, *cells, f"{format_percent(100.0, language)} (n {total})"]


def _no_total(groups: list[GroupResult]) -> GroupResult:
    """A stratum's Totalt cell: its n only (percentages and medians of a stratum's total are not computed)."""
    n = sum(g.n for g in groups)
    return GroupResult(n, sum(g.base for g in groups), 0, [], None)


def _question_rows(question: QuestionResult, unit: Unit, language: Language) -> list[list[str]]:
    """The question's row, then one row per stratum of the second breakdown."""
    c = question.comparison
    text = question.text.text(language)
    first = question.groups[SexGroup.FEMALE].options
    option = c.option if c is not None else (first[0].value if first else None)
    if question.kind == "numeric":
        label = f"{text} (median)"
    elif question.kind == "categorical":
        option_label = next((o.label.text(language) for o in first if o.value == option), "")
        label = f"{truncate(text, 50)} – {option_label}" if option_label else text
    else:
        label = text + (" (not aggregated)" if language == "en" else " (sammanställs inte)")
    rows = [[truncate(label), *_cells(question.kind, question.groups, question.total, option, unit, language)]]
    rows[0] += _comparison_cells(c, language)
    for stratum in question.strata:
        cells = _cells(question.kind, stratum.groups, None, option, unit, language)
        rows.append(
            [
                f"  · {truncate(stratum.label.text(language), 40)}",
                *cells,
                *_comparison_cells(stratum.comparison, language),
            ]
        )
    if question.kind == "categorical" and c is not None:
        rows.append([*_distribution_row(question.groups, option, language), "", "", "", ""])
    return rows


def table_lines(rows: list[list[str]]) -> Iterator[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        yield "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()


def truncate(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(aggregate: Aggregate, language: Language, units: dict[str, Unit]) -> str:
    """Findings first with what the number of tests means, then one compact table per section: the compared figure
    per group and in total, the difference with its interval, raw and adjusted p, flag."""
    sv = language == "sv"
    female, male, other, unknown = group_words(aggregate.subject, language)
    thresholds = aggregate.request.thresholds
    lines = [
        ", ".join(f"{r.name} ({r.period_label})" for r in aggregate.rounds),
        (
            f"{count_of(aggregate.n_cases, 'ärende', 'ärenden')} "
            f"({female.lower()} {aggregate.n_by_group[SexGroup.FEMALE]}, {male} "
            f"{aggregate.n_by_group[SexGroup.MALE]}, {other} {aggregate.n_by_group[SexGroup.OTHER]}, "
            f"{unknown} {aggregate.n_by_group[SexGroup.UNKNOWN]}), "
            f"checklista {aggregate.checklist_slug}@{aggregate.checklist_version}"
            if sv
            else f"{count_of(aggregate.n_cases, 'case', 'cases')} "
            f"({female.lower()} {aggregate.n_by_group[SexGroup.FEMALE]}, {male} "
            f"{aggregate.n_by_group[SexGroup.MALE]}, {other} {aggregate.n_by_group[SexGroup.OTHER]}, "
            f"{unknown} {aggregate.n_by_group[SexGroup.UNKNOWN]}), "
            f"checklist {aggregate.checklist_slug}@{aggregate.checklist_version}"
        ),
        sex_heading(aggregate.subject_label, language),
    ]
    lines += [warning.text(language) for warning in aggregate.warnings]
    lines.append("")
    lines.append("Flaggade skillnader" if sv else "Flagged differences")
    lines.append(
        "  "
        + comparisons_summary(
            aggregate.n_tested, aggregate.n_tested_primary, thresholds.fdr_q, thresholds.alpha, language
        )
    )
    if not aggregate.findings:
        lines.append("  (inga)" if sv else "  (none)")
    lines += [f"  {FLAG_MARK} {finding.message.text(language)}" for finding in aggregate.findings]
    header = [
        "fråga" if sv else "question",
        female.lower(),
        male,
        other,
        unknown,
        "totalt" if sv else "total",
        "skillnad (95 % KI)" if sv else "difference (95% CI)",
        "p",
        "justerat p" if sv else "adjusted p",
        "flagga" if sv else "flag",
    ]
    for section in aggregate.sections:
        lines += ["", section.title.text(language)]
        rows = [header]
        for question in section.questions:
            rows += _question_rows(question, units.get(question.key, "none"), language)
        lines += ["  " + line for line in table_lines(rows)]
    points = format_number(thresholds.min_difference_pp, language)
    relative = format_number(thresholds.min_relative_difference * 100, language)
    q = format_number(thresholds.fdr_q, language, 3)
    lines += [
        "",
        (
            f"{FLAG_MARK} = minst {points} procentenheter (eller {relative} % åt något håll för medianer) och "
            f"justerat p < {q}; för litet underlag = färre än {thresholds.min_group_n} svar i en grupp; "
            f"ingen procentsats på färre än {MIN_PERCENT_BASE} svar. Inom parentes efter en andel dess 95 % KI "
            "(Wilson) och antalet svar; könsfördelning = av alla med det jämförda svaret, andelen kvinnor, män, "
            "annat och okänt. p = frågans eget p-värde (ojusterat); justerat "
            "p = justerat för antalet jämförda frågor (Benjamini–Hochberg). Raderna under en fråga (uppdelning) är "
            "justerade tillsammans för sig."
            if sv
            else f"{FLAG_MARK} = at least {points} percentage points (or {relative}% either way for medians) and "
            f"adjusted p < {q}; too few answers = fewer than {thresholds.min_group_n} answers in a group; no "
            f"percentage on fewer than {MIN_PERCENT_BASE} answers. In brackets after a share its 95% CI (Wilson) and "
            "the number of answers; sex distribution = of all with the compared answer, the share women, men, "
            "other and unknown. p = the question's own p-value (unadjusted); "
            "adjusted p = adjusted for the number of questions compared (Benjamini–Hochberg). The rows under a "
            "question (breakdown) are adjusted together on their own."
        ),
    ]
    return "\n".join(lines) + "\n"


VERDICT_WORDS: dict[str, Message] = {
    "narrowed": Message("skillnaden har minskat", "the gap has narrowed"),
    "widened": Message("skillnaden har ökat", "the gap has widened"),
    "reversed": Message("skillnaden har bytt riktning", "the gap has reversed"),
    "unchanged": Message("oförändrad", "unchanged"),
    "no_clear_change": Message("ingen säker förändring", "no clear change"),
    "not_tested": Message("kan inte prövas (för litet underlag)", "cannot be tested (too few answers)"),
}
