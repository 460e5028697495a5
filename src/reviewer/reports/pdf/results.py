"""The results: per checklist section one table – the question's figures per group and in total, the sex
distribution, the difference with its interval, the flag – and the charts of its compared questions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from reviewer.reports.pdf.charts import BARS_PER_CHART, number_chart, percent_chart
from reviewer.reports.pdf.document import HIDDEN_MARK, WIDTH, table_style
from reviewer.reports.pdf.rows import QuestionRows, anonymised_rows, internal_rows
from reviewer.reports.pdf.story import Story
from reviewer.services.aggregation import MIN_PERCENT_BASE

# The question, women, men, annat, okänt, Totalt, the difference and the flag: the figures' cells get less padding
# so that "137 av 199" and "(−46 till −10)" fit on one line (a small group's "70,5 dagar" may take two).
_WIDTHS = [55 * mm, 17.5 * mm, 17.5 * mm, 15.5 * mm, 15.5 * mm, 17.5 * mm, 20.7 * mm, WIDTH - 159.2 * mm]
_NARROW = (("LEFTPADDING", (1, 0), (-1, -1), 2), ("RIGHTPADDING", (1, 0), (-1, -1), 2))


def sections(story: Story) -> None:
    story.heading("Resultat per avsnitt", 0)
    female, male = story.words
    story.para(
        f"{story.sex_of}. En tabell per avsnitt i checklistan. För frågor med svarsalternativ: andelen som valt det "
        f"jämförda svaret inom varje grupp och totalt, med antal och 95 % konfidensintervall, och raden under visar "
        f"könsfördelningen bland dem som valt svaret. För tal: median, medelvärde och för kronor summa. Skillnaden "
        f"är {female} minus {male} med 95 % konfidensintervall (för tal kvoten mellan {female} och {male}). Under "
        "frågan står p och justerat p och vad testet prövar. Diagrammen visar de frågor som jämförs mellan könen. "
        "Fritextfrågor och datum sammanställs inte."
        + (f" {HIDDEN_MARK} = dolt (se avsnittet Dolda uppgifter)." if story.anonymised is not None else "")
    )
    for title, questions in _sections(story):
        if questions:
            story.heading(title, 1)
            story.para(f"{story.sex_of}.", "small")
            _table(story, questions)
            _charts(story, questions)


def _sections(story: Story) -> list[tuple[str, list[QuestionRows]]]:
    if story.anonymised is not None:
        return [(s.title.sv, [anonymised_rows(q) for q in s.questions]) for s in story.anonymised.sections]
    units = story.data.question_units
    return [
        (s.title.sv, [rows for q in s.questions if (rows := internal_rows(q, units.get(q.key, "none")))])
        for s in story.aggregate.sections
    ]


def _table(story: Story, questions: Sequence[QuestionRows]) -> None:
    header: list[Any] = [story.cell("Fråga", True), *(story.right(h, True) for h in story.group_headers)]
    header += [story.right(story.total_header, True), story.right("Skillnad\n(95 % KI)", True), "Flaggad"]
    body: list[list[Any]] = [header]
    flagged: list[int] = []
    ends: list[int] = []
    together: list[tuple[Any, ...]] = []
    for question in questions:
        start = len(body)
        for line in question.lines:
            main = line.kind == "main"
            body.append(
                [
                    story.cell(line.label, note=line.note, style="cell" if main else "cell_sub"),
                    *(story.right(cell) for cell in line.cells),
                    story.right(line.difference),
                    "Ja" if main and question.flagged else "",
                ]
            )
            if question.flagged:
                flagged.append(len(body) - 1)
        ends.append(len(body) - 1)
        together.append(("NOSPLIT", (0, start), (-1, len(body) - 1)))  # a question's lines on one page
    story.table(body, _WIDTHS, flagged, [*_NARROW, *together], lines_below=ends)
    if any(q.small_base for q in questions):
        story.para(
            f"Där färre än {MIN_PERCENT_BASE} har svarat står bara antalet, utan procentsats: en enda person "
            "flyttar den då 20 procentenheter eller mer.",
            "small",
        )


def _charts(story: Story, questions: Sequence[QuestionRows]) -> None:
    words = (story.group_headers[0], story.group_headers[1])
    percent = [q.percent_bars for q in questions if q.percent_bars is not None]
    for start in range(0, len(percent), BARS_PER_CHART):
        story.flowables.append(percent_chart(percent[start : start + BARS_PER_CHART], words, story.text))
        story.flowables.append(Spacer(1, 3 * mm))
    cells = [
        [
            Paragraph(story.text.markup(q.number_bars.label), story.styles["chart_title"]),
            number_chart(q.number_bars, words),
        ]
        for q in questions
        if q.number_bars is not None
    ]
    grid = [[cells[i], cells[i + 1] if i + 1 < len(cells) else ""] for i in range(0, len(cells), 2)]
    if grid:
        table = Table(grid, colWidths=[WIDTH / 2, WIDTH / 2])
        table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
        story.flowables += [table, Spacer(1, 3 * mm)]
