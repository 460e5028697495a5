"""Inter-rater agreement: per question the cases and reviewers it rests on, the share of pairs answered alike,
Cohen's or Fleiss' kappa and Krippendorff's alpha with their bootstrap intervals, and Landis and Koch's reading; the
same figures as `reviewer agreement` and the dashboard's panel. For the anonymised report only questions measured
in at least k cases."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from reviewer.reports.pdf.document import WIDTH
from reviewer.reports.pdf.story import Story
from reviewer.services.agreement.text import (
    CONVENTION,
    format_estimate,
    kappa_label,
    notes_by_reason,
    percent_cell,
    reading_of,
    summary,
)


def agreement(story: Story) -> None:
    result = story.data.agreement
    story.heading("Överensstämmelse mellan granskare", 1)
    if not result.questions:
        if result.n_cases and story.anonymised is not None:
            story.para(
                f"Ej tillgängligt: {result.n_cases} ärenden har granskats av två eller fler granskare, men ingen "
                f"fråga har jämförts i minst {story.anonymised.method.rules.min_cell} av dem."
            )
        else:
            story.para(
                "Ej tillgängligt: inget ärende i urvalet har granskats av två eller fler granskare, så "
                "överensstämmelsen mellan granskarna kan inte mätas."
            )
        return
    story.para(
        summary(result, "sv")
        + " Kappa mäter hur mycket oftare granskarna svarar lika än slumpen skulle ge: 1 är full överensstämmelse, "
        "0 inte bättre än slumpen. Cohens kappa används när samma två granskare har läst ärendena, Fleiss kappa när "
        "fler har det, och Krippendorffs alfa, som tar hänsyn till hur långt ifrån varandra svaren ligger, för "
        "skalor och tal (dagar, kronor). Intervallen är 95 % percentilintervall från 1000 bootstrapurval av "
        "ärendena; med få ärenden är de breda, och där underlaget inte räcker står ingen siffra."
        + (
            f" Frågor som jämförts i färre än {story.anonymised.method.rules.min_cell} ärenden redovisas inte."
            if story.anonymised is not None
            else ""
        )
    )
    story.para(CONVENTION.sv)
    rows: list[list[Any]] = [
        [
            story.cell("Fråga", True),
            story.cell("Ärenden (granskare)", True),
            story.cell("Lika svar", True),
            story.cell("Kappa (95 % KI)", True),
            story.cell("Alfa (95 % KI)", True),
            story.cell("Bedömning (Landis & Koch)", True),
        ]
    ]
    for question in result.questions:
        a = question.agreement
        kappa = format_estimate(a.kappa, "sv")
        if a.kappa is not None and a.kappa.value is not None:
            kappa = f"{kappa_label(a.kappa_kind, 'sv')} {kappa}"
        rows.append(
            [
                story.cell(question.text.sv),
                f"{a.n_cases} ({a.n_raters})",
                percent_cell(a, "sv"),
                story.cell(kappa),
                story.cell(format_estimate(a.alpha, "sv")),
                story.cell(reading_of(a).sv),
            ]
        )
    story.table(rows, [48 * mm, 24 * mm, 15 * mm, 32 * mm, 26 * mm, WIDTH - 145 * mm])
    for note, questions in notes_by_reason(result):
        named = "; ".join(q.text.sv for q in questions)
        story.para(f"{note.sv[0].upper()}{note.sv[1:]}: {named}.", "bullet", bullet="•")
