"""Writing the report: the parts in their order, the document with its metadata, and the last guard."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate

from reviewer.domain.text import Message
from reviewer.reports.guard import ExportGuard
from reviewer.reports.pdf.before_after import before_after
from reviewer.reports.pdf.cover import contents, cover, mark, title
from reviewer.reports.pdf.document import FONT, MARGIN, PROGRAM, WIDTH, Document, numbered_canvas
from reviewer.reports.pdf.hidden import hidden
from reviewer.reports.pdf.method import method
from reviewer.reports.pdf.results import sections
from reviewer.reports.pdf.story import Story
from reviewer.reports.pdf.summary import summary
from reviewer.reports.pdf.trend import trend
from reviewer.services.files import write_atomically
from reviewer.services.report import ReportData

WHERE_ANONYMISED = Message("den anonymiserade rapporten", "the anonymised report")
WHERE_INTERNAL = Message("rapporten", "the report")


def render_pdf(data: ReportData) -> bytes:
    """The report as PDF bytes."""
    story = Story(data)
    for part in (cover, contents, summary, method, sections, before_after, trend, hidden):
        part(story)
    marking = mark(story)
    return render_flowables(
        story.flowables,
        story.text.plain(title(story)),
        marking,
        f"{marking}: {', '.join(f'{r.name} ({r.period_label})' for r in data.rounds)}",
        ["jämställdhetsgranskning", "könsuppdelad statistik", data.checklist_slug, marking],
    )


def render_flowables(
    flowables: list[Flowable], plain_title: str, marking: str, subject: str, keywords: list[str]
) -> bytes:
    """An A4 document of the flowables, its pages headed by the title and the marking and numbered "Sida x av n"."""
    buffer = io.BytesIO()
    document = Document(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=plain_title,
        author=PROGRAM,
        subject=subject,
        keywords=keywords,
        creator=PROGRAM,
        lang="sv-SE",
        initialFontName=FONT,
        invariant=False,
    )
    frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN - 4 * mm, id="body", leftPadding=0, rightPadding=0)
    document.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("body", [frame])])
    canvas: Callable[..., Canvas] = numbered_canvas(plain_title, marking)
    document.multiBuild(flowables, canvasmaker=canvas)
    return buffer.getvalue()


def data_texts(data: ReportData) -> Iterator[str]:
    """Every text of the report that comes from the database rather than the program: names of rounds and units,
    the checklist's titles, questions and answer labels, the findings' sentences. The anonymised report's guard
    scans these; the program's own sentences around them hold nothing else."""
    yield data.checklist_title.sv
    yield from data.units
    for label in [*data.rounds, *([data.baseline] if data.baseline is not None else [])]:
        yield from (label.name, label.period_label)
    yield from (q.text.sv for q in data.agreement.questions)
    if data.anonymised is not None:
        yield from (f.message.sv for f in data.anonymised.findings)
        for section in data.anonymised.sections:
            yield section.title.sv
            for question in section.questions:
                yield question.text.sv
                yield from (row.label.sv for row in question.rows)
    if data.anonymised_before_after is not None:
        yield from (change.text.sv for change in data.anonymised_before_after.changes)
    if data.aggregate is not None:
        yield from (f.message.sv for f in data.aggregate.findings)
        yield from (w.sv for w in data.aggregate.warnings)
        for result_section in data.aggregate.sections:
            yield result_section.title.sv
            for result in result_section.questions:
                yield result.text.sv
                yield from (o.label.sv for g in result.groups.values() for o in g.options)
    if data.before_after is not None:
        yield from (change.text.sv for change in data.before_after.questions)
    if data.trend is not None:
        yield from (label.name for label in data.trend.rounds)
        for followed in data.trend.questions:
            yield followed.text.sv
            if followed.option_label is not None:
                yield followed.option_label.sv


def write_pdf(data: ReportData, path: Path, guard: ExportGuard) -> None:
    """Write the report to `path` atomically: a failure never leaves half a PDF behind. First the exports' last
    guard reads every text of the report that came from the database (`data_texts`): a personnummer, case code or
    name refuses the report and nothing is written – the internal report holds no personal data either."""
    guard.check(data_texts(data), WHERE_ANONYMISED if data.anonymised is not None else WHERE_INTERNAL)
    write_atomically(path, render_pdf(data))
