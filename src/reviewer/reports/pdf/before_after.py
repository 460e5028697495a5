"""Before and after: per question the gap between women and men in the baseline and now, at the same answer, the
change of the gap with its 95 % interval, its own and its adjusted p, and what it means (`text.VERDICT_WORDS`)."""

from __future__ import annotations

from typing import Any, Literal

from reportlab.lib.units import mm

from reviewer.domain.sex import SexGroup
from reviewer.domain.text import count_of
from reviewer.reports.pdf.document import HIDDEN_MARK, NBSP, WIDTH
from reviewer.reports.pdf.figures import gap as gap_text
from reviewer.reports.pdf.figures import whole
from reviewer.reports.pdf.story import Changes, Story
from reviewer.services.aggregation import QuestionChange
from reviewer.services.aggregation.text import VERDICT_WORDS, format_amount, format_number, format_p, format_percent

_SOURCES = {
    "checklist": "svaret checklistan jämför",
    "pooled": "svaret med störst skillnad i båda omgångarna sammanlagt",
}


def shown_changes(story: Story, changes: Changes) -> tuple[list[QuestionChange], int]:
    """The compared questions that are compared by sex, and how many of them have a hidden side."""
    questions, hidden, _, _ = changes
    shown = [c for c in questions if c.status == "compared" and story.compared_by_sex(c.key)]
    return shown, sum(1 for c in shown if {(c.key, "before"), (c.key, "after")} & hidden)


def before_after(story: Story) -> None:
    changes = story.changes()
    if changes is None or story.data.baseline is None:
        return
    questions, hidden, before_cases, after_cases = changes
    female, male = story.words
    story.heading("Före och efter", 0)
    rounds = ", ".join(r.name for r in story.data.rounds)
    # a small annat or okänt group is left out of the anonymised figures: the count is of the groups shown
    changes_data = story.data.anonymised_before_after
    who = {
        (): "",
        ("other", "unknown"): f" om {female} och {male}",
        ("other",): f" om {female}, {male} och okänt kön",
        ("unknown",): f" om {female}, {male} och annat kön",
    }
    after_who = who[changes_data.after_left_out] if changes_data is not None else ""
    before_who = who[changes_data.before_left_out] if changes_data is not None else ""
    story.para(
        f"{rounds} ({count_of(after_cases, 'ärende', 'ärenden')}{after_who}) jämförs med {story.data.baseline.name} "
        f"({count_of(before_cases, 'ärende', 'ärenden')}{before_who}). {story.sex_of}. Skillnaden är {female} minus "
        f"{male}, i procentenheter för andelar och som kvot mellan medianerna för "
        f"tal; under den står andelarna eller medianerna, {female} mot {male}. Båda omgångarna jämförs vid samma "
        "svar, valt utan att se på den nya omgången ensam: ja för ja/nej-frågor, det svar checklistan anger, eller "
        "svaret med störst skillnad i båda omgångarna sammanlagt. Förändringen är skillnaden efter minus skillnaden "
        "före (för tal kvoten efter delad med kvoten före, där 1 betyder oförändrad), med 95 % konfidensintervall. "
        "Kolumnen p prövar om skillnaden är densamma i båda omgångarna (ojusterat); justerat p är samma p justerat för "
        "antalet prövade frågor (Benjamini–Hochberg). "
        "”Skillnaden har minskat” eller ”har ökat” står bara när förändringen håller efter justeringen. Frågor som "
        "bytt nyckel mellan checklistans versioner jämförs med sin föregångare."
    )
    header: list[Any] = [
        story.cell("Fråga – jämfört svar", True),
        "Före",
        "Efter",
        story.right("Förändring\n(95 % KI)", True),
        story.right("p", True),
        story.right("Justerat\np", True),
        story.cell("Bedömning", True),
    ]
    rows: list[list[Any]] = [header]
    shown, _ = shown_changes(story, changes)
    for change in shown:
        sides = {(change.key, "before"), (change.key, "after")} & hidden
        rows.append(
            [
                story.cell(_label(change), note=_note(change)),
                story.right(_gap(story, change, "before", (change.key, "before") in hidden)),
                story.right(_gap(story, change, "after", (change.key, "after") in hidden)),
                story.right(_change(change, bool(sides))),
                story.right(_p(change, bool(sides))),
                story.right(_p_adjusted(change, bool(sides))),
                story.cell(
                    HIDDEN_MARK
                    if change.verdict is None and sides
                    else VERDICT_WORDS[change.verdict or "not_tested"].sv
                ),
            ]
        )
    story.table(rows, [44 * mm, 25 * mm, 25 * mm, 26 * mm, 14 * mm, 17 * mm, WIDTH - 151 * mm])
    others = [c for c in questions if c.status in {"new", "retired", "type_changed"}]
    if others:
        reasons = {"new": "ny fråga", "retired": "frågan har tagits bort", "type_changed": "frågetypen har ändrats"}
        story.para("Kan inte jämföras:", "small")
        for change in others:
            story.para(f"{change.text.sv}: {reasons[change.status]}", "small", bullet="•")


def _label(change: QuestionChange) -> str:
    return f"{change.text.sv} – {change.option_label.sv}" if change.option_label is not None else change.text.sv


def _note(change: QuestionChange) -> str:
    notes = [_SOURCES[change.option_source]] if change.option_source in _SOURCES else []
    if change.primary:
        notes.append("huvudfråga: prövas utan justering")
    return "; ".join(notes).capitalize() if notes else ""


def _gap(story: Story, change: QuestionChange, when: Literal["before", "after"], hidden: bool) -> str:
    """The gap, and under it the two groups' figures ("42 % mot 71 %"); "x" when hidden."""
    comparison = change.before if when == "before" else change.after
    if comparison is None:
        return HIDDEN_MARK if hidden else "–"
    female, male = (
        getattr(change.groups[g], when) if g in change.groups else None for g in (SexGroup.FEMALE, SexGroup.MALE)
    )
    if female is None or male is None:
        return gap_text(comparison)
    if change.kind == "numeric":
        unit = story.data.question_units.get(change.key, "none")
        figures = f"{whole(format_amount(female, unit, 'sv'))} mot {whole(format_amount(male, unit, 'sv'))}"
    else:
        figures = f"{whole(format_percent(female, 'sv'))} mot {whole(format_percent(male, 'sv'))}"
    return f"{gap_text(comparison)}\n{figures}"


def _change(change: QuestionChange, hidden: bool) -> str:
    """Gap after − gap before over its interval; for numbers the ratio of the ratios."""
    gap = change.gap
    if gap is None:
        return HIDDEN_MARK if hidden else "–"
    if change.kind == "numeric":
        bounds = f"({format_number(gap.low, 'sv', 2)}–{format_number(gap.high, 'sv', 2)})"
        return f"×{format_number(gap.change, 'sv', 2)}\n{bounds}"
    sign = "+" if gap.change > 0 else ""
    bounds = f"({format_number(gap.low, 'sv', 0)} till {format_number(gap.high, 'sv', 0)})"
    return f"{sign}{format_number(gap.change, 'sv')}{NBSP}p.e.\n{bounds}"


def _verdict(change: QuestionChange, hidden: bool) -> str:
    if change.verdict is None and hidden:
        return HIDDEN_MARK
    return VERDICT_WORDS[change.verdict or "not_tested"].sv


def p_number(p: float) -> str:
    return whole(format_p(p, "sv").removeprefix("p = ").removeprefix("p "))


def _p(change: QuestionChange, hidden: bool) -> str:
    """The change's own p-value, before any adjustment."""
    gap = change.gap
    if gap is None:
        return HIDDEN_MARK if hidden else "–"
    return p_number(gap.p_value)


def _p_adjusted(change: QuestionChange, hidden: bool) -> str:
    """Adjusted across the compared questions; a primary question is not adjusted and says so."""
    gap = change.gap
    if gap is None:
        return HIDDEN_MARK if hidden else "–"
    if change.primary:
        return "ojusterat"
    if gap.p_adjusted is None:
        return "–"
    return p_number(gap.p_adjusted)
