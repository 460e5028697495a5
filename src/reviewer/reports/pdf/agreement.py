"""Inter-rater agreement: per question the pairs, the share answered alike, Cohen's kappa with its interval and
Landis and Koch's words; for the anonymised report only questions compared in at least k pairs."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from reviewer.domain.agreement import strength
from reviewer.reports.pdf.document import WIDTH
from reviewer.reports.pdf.story import Story
from reviewer.services.aggregation.text import format_number, format_percent


def agreement(story: Story) -> None:
    result = story.data.agreement
    story.heading("Överensstämmelse mellan granskare", 1)
    if not result.questions:
        if result.n_cases and story.anonymised is not None:
            story.para(
                f"Ej tillgängligt: {result.n_cases} ärenden har granskats av två granskare, men ingen fråga har "
                f"jämförts i minst {story.anonymised.method.rules.min_cell} av dem."
            )
        else:
            story.para(
                "Ej tillgängligt: inget ärende i urvalet har granskats av två granskare, så överensstämmelsen "
                "mellan granskarna kan inte mätas."
            )
        return
    overall = format_percent(result.percent or 0.0, "sv")
    mean = (
        f", och kappa är i genomsnitt {format_number(result.mean_kappa, 'sv', 2)} "
        f"({strength(result.mean_kappa).sv} överensstämmelse)"
        if result.mean_kappa is not None
        else ""
    )
    story.para(
        f"{result.n_cases} ärenden granskades av två granskare. De svarade lika i {overall} av "
        f"{result.pairs} jämförda svar{mean}. Cohens kappa mäter hur mycket oftare granskarna svarar lika än "
        "slumpen skulle ge: 1 är full överensstämmelse, 0 inte bättre än slumpen. Bedömningen följer Landis och "
        "Koch. Med få ärenden är kappa osäker; se konfidensintervallet."
        + (
            f" Frågor som jämförts i färre än {story.anonymised.method.rules.min_cell} ärenden redovisas inte."
            if story.anonymised is not None
            else ""
        )
    )
    rows: list[list[Any]] = [
        [story.cell("Fråga", True), "n", "Lika svar", "Kappa", "95 % KI", story.cell("Bedömning", True)]
    ]
    for question in result.questions:
        a = question.agreement
        if a.kappa is None:
            kappa, interval, words = "–", "–", "alla svar lika"
        else:
            kappa = format_number(a.kappa, "sv", 2)
            interval = f"{format_number(a.ci_low or 0.0, 'sv', 2)} till {format_number(a.ci_high or 0.0, 'sv', 2)}"
            words = strength(a.kappa).sv
        rows.append(
            [
                story.cell(question.text.sv),
                str(a.n),
                format_percent(a.percent, "sv"),
                kappa,
                interval,
                story.cell(words),
            ]
        )
    story.table(rows, [70 * mm, 12 * mm, 18 * mm, 16 * mm, 28 * mm, WIDTH - 144 * mm])
