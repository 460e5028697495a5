"""The cover – title, facts, and the framed marking that says who may read the report – and the contents."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents

from reviewer.reports.pdf.document import ANONYMISED_MARK, HIDDEN_MARK, INTERNAL_MARK, PROGRAM, WIDTH, table_style
from reviewer.reports.pdf.story import Story


def title(story: Story) -> str:
    text = story.data.checklist_title.sv.strip()
    # the built-in titles end with "– jämställdhetsgranskning", which the report's own title already says
    for dash in ("–", "-"):
        suffix = f" {dash} jämställdhetsgranskning"
        if text.lower().endswith(suffix):
            text = text[: -len(suffix)].rstrip()
    return f"Jämställdhetsgranskning – {text}"


def mark(story: Story) -> str:
    return ANONYMISED_MARK if story.anonymised is not None else INTERNAL_MARK


def cover(story: Story) -> None:
    data = story.data
    story.flowables.append(Spacer(1, 30 * mm))
    story.para(title(story), "title")
    story.para("Rapport om könsuppdelade resultat av aktgranskning", "subtitle")
    rounds = "; ".join(f"{r.name} ({r.period_label})" for r in data.rounds)
    facts = [
        ("Enhet" if len(data.units) == 1 else "Enheter", ", ".join(data.units) or "–"),
        ("Omgång och period" if len(data.rounds) == 1 else "Omgångar och perioder", rounds),
        ("Checklista", f"{data.checklist_slug}@{data.checklist_version}"),
        ("Rapportens datum", data.created.isoformat()),
    ]
    if data.baseline is not None:
        facts.insert(2, ("Jämförs med", f"{data.baseline.name} ({data.baseline.period_label})"))
    table = Table([[story.cell(k, bold=True), story.cell(v)] for k, v in facts], colWidths=[45 * mm, WIDTH - 45 * mm])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)))
    story.flowables += [table, Spacer(1, 20 * mm)]
    if story.anonymised is not None:
        explanation = (
            "Uppgifter som bygger på färre än "
            f"{story.anonymised.method.rules.min_cell} ärenden, eller som kan räknas fram ur andra uppgifter, är "
            f"dolda ({HIDDEN_MARK}). Rapporten innehåller inga uppgifter om enskilda ärenden eller granskare."
        )
    else:
        explanation = (
            "Rapporten innehåller små tal som kan peka ut enskilda personer. Den får inte lämnas ut utanför "
            "enheten; till andra lämnas en anonymiserad sammanställning."
        )
    box = Table(
        [[Paragraph(escape(mark(story)), story.styles["mark"])], [story.cell(explanation)]],
        colWidths=[WIDTH - 30 * mm],
    )
    box.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        )
    )
    story.flowables += [box, Spacer(1, 25 * mm)]
    story.para(f"Framställd med {PROGRAM}.", "small")
    story.flowables += [NextPageTemplate("body"), PageBreak()]


def contents(story: Story) -> None:
    story.flowables.append(Paragraph("Innehåll", story.styles["h1"]))
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [story.styles["toc1"], story.styles["toc2"]]
    toc.tableStyle = table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    )
    story.flowables += [toc, PageBreak()]
