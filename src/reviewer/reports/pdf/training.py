"""The training summary PDF for the facilitator: the session's figures in the audit report's look (the same font,
styles, tables, page furniture and bar charts), Swedish. Participants are P1, P2, … unless the facilitator asks
for names; no file name is ever printed, as a file is often named after its participant."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, NextPageTemplate, Paragraph, Spacer

from reviewer.reports.pdf.charts import share_chart
from reviewer.reports.pdf.document import WIDTH, short
from reviewer.reports.pdf.layout import Layout
from reviewer.reports.pdf.writer import render_flowables
from reviewer.services.agreement.text import CONVENTION, reading_of
from reviewer.services.files import write_atomically
from reviewer.services.training_agreement.model import QuestionResult, TrainingAgreement
from reviewer.services.training_agreement.text import (
    NO_ANSWER_NOTE,
    ORDER_NOTE,
    agreement_cell,
    facit_cell,
    kappa_cell,
    like_facit_cell,
    participant_kappa_cell,
    participant_rows,
    summary,
)

TITLE = "Utbildningssammanställning"
MARK = "Utbildning – fiktiva ärenden"
MAX_CHARTS = 8  # the disputed questions drawn as charts: what a workshop has time to discuss
ANSWER_COLOUR = colors.HexColor("#56B4E9")  # Okabe & Ito's sky blue and bluish green, apart from the sexes' colours
FACIT_COLOUR = colors.HexColor("#009E73")


def disputed(result: TrainingAgreement) -> list[QuestionResult]:
    """The questions the participants did not all answer alike, most disputed first."""
    return [q for q in result.questions if q.agreement.percent is not None and q.agreement.percent < 100.0][:MAX_CHARTS]


def render_training_pdf(result: TrainingAgreement, names: bool = False, today: date | None = None) -> bytes:
    layout = Layout()
    _cover(layout, result, today or date.today())
    _questions(layout, result)
    _charts(layout, result)
    _participants(layout, result, names)
    _method(layout)
    title = layout.text.plain(f"{TITLE}: {result.pack_title.sv}")
    return render_flowables(
        layout.flowables,
        title,
        MARK,
        f"{result.pack_slug} version {result.pack_version}",
        ["utbildning", "överensstämmelse", result.pack_slug],
    )


def write_training_pdf(result: TrainingAgreement, path: Path, names: bool = False) -> None:
    """Written atomically: a failure never leaves half a PDF behind."""
    write_atomically(Path(path), render_training_pdf(result, names))


def _cover(layout: Layout, result: TrainingAgreement, today: date) -> None:
    layout.flowables += [NextPageTemplate("body"), Spacer(1, 10 * mm)]
    layout.flowables.append(Paragraph(layout.text.markup(TITLE), layout.styles["title"]))
    layout.flowables.append(
        Paragraph(
            layout.text.markup(f"{result.pack_title.sv} (version {result.pack_version}), {today.isoformat()}"),
            layout.styles["subtitle"],
        )
    )
    layout.para(summary(result, "sv"))
    layout.para(
        f"Checklista {result.checklist_slug} version {result.checklist_version}. Ärendena är fiktiva; "
        "sammanställningen visar hur lika deltagarna läser frågorna, inte hur väl någon arbetar."
    )


def _questions(layout: Layout, result: TrainingAgreement) -> None:
    layout.heading("Per fråga, mest omstridd först", 0)
    layout.para(
        "Lika svar är andelen par av deltagare som svarade lika på samma ärende. Fleiss kappa mäter hur mycket "
        "oftare de svarade lika än slumpen skulle ge (1 full överensstämmelse, 0 inte bättre än slumpen), med "
        "standardfel (SE); för tal och skalor står Krippendorffs alfa. Som facit är andelen av alla svar som var "
        "desamma som facit."
    )
    rows = [
        [
            layout.cell("Fråga", True),
            layout.right("Deltagare", True),
            layout.right("Lika svar", True),
            layout.cell("Kappa (SE)", True),
            layout.right("Som facit", True),
            layout.cell("Facit (ärenden)", True),
            layout.cell("Bedömning", True),
        ]
    ]
    flagged = []
    for index, q in enumerate(result.questions, start=1):
        rows.append(
            [
                layout.cell(q.text.sv),
                str(q.n_participants),
                agreement_cell(q, "sv"),
                layout.cell(kappa_cell(q, "sv")),
                like_facit_cell(q, "sv"),
                layout.cell(short(facit_cell(q, "sv"), 80)),
                layout.cell(reading_of(q.agreement).sv),
            ]
        )
        if q.agreement.percent is not None and q.agreement.percent < 100.0 and index <= MAX_CHARTS:
            flagged.append(index)
    layout.table(rows, [46 * mm, 19 * mm, 13 * mm, 29 * mm, 14 * mm, 31 * mm, WIDTH - 152 * mm], flagged)


def _charts(layout: Layout, result: TrainingAgreement) -> None:
    questions = disputed(result)
    if not questions:
        return
    layout.heading("Svaren på de mest omstridda frågorna", 0)
    layout.para(
        "För varje fråga: andelen av deltagarnas svar (alla ärenden) som var respektive svar, och andelen av "
        "ärendena där facit är det svaret."
    )
    for q in questions:
        start = len(layout.flowables)
        layout.heading(q.text.sv, 1)
        answers = sum(a.count for a in q.distribution)
        facits = sum(a.facit for a in q.distribution)
        layout.flowables.append(
            share_chart(
                [a.text.sv for a in q.distribution],
                [
                    (
                        "Deltagarnas svar",
                        ANSWER_COLOUR,
                        [100.0 * a.count / answers if answers else 0.0 for a in q.distribution],
                    ),
                    ("Facit", FACIT_COLOUR, [100.0 * a.facit / facits if facits else 0.0 for a in q.distribution]),
                ],
                layout.text,
            )
        )
        layout.para(
            f"Lika svar {agreement_cell(q, 'sv')}, {kappa_cell(q, 'sv')}; som facit {like_facit_cell(q, 'sv')}.",
            "small",
        )
        layout.flowables[start:] = [KeepTogether(layout.flowables[start:])]  # a question's heading with its chart


def _participants(layout: Layout, result: TrainingAgreement, names: bool) -> None:
    layout.heading("Per deltagare mot facit", 0)
    layout.para(
        "Som facit är andelen av deltagarens svar som var desamma som facit. Cohens kappa räknar facit som en andra "
        "granskare över deltagarens frågor och ärenden (frågor med svarsalternativ och skalor; tal räknas bara i "
        "andelen)."
    )
    header, *body = participant_rows(result, "sv", names)
    rows = [[layout.cell(h[:1].upper() + h[1:], True) for h in header]]
    for participant, row in zip(result.participants, body, strict=True):
        rows.append(
            [
                layout.cell(row[0]),
                row[1],
                row[2],
                row[3],
                layout.cell(participant_kappa_cell(participant, "sv")),
                layout.cell(row[5]),
            ]
        )
    layout.table(rows, [34 * mm, 16 * mm, 22 * mm, 18 * mm, 40 * mm, WIDTH - 130 * mm])


def _method(layout: Layout) -> None:
    layout.heading("Om siffrorna", 0)
    for note in (ORDER_NOTE, NO_ANSWER_NOTE, CONVENTION):
        layout.para(note.sv)
    layout.para(
        "Intervallen är 95 % percentilintervall från 1000 bootstrapurval av ärendena; med färre än 10 ärenden ges "
        "inget intervall. Standardfelet för Fleiss kappa är Fleiss, Nee och Landis (1979) under antagandet att "
        "överensstämmelsen inte är bättre än slumpen."
    )
