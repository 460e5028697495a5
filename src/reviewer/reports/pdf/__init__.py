"""The PDF audit report for management and the nämnd (reportlab platypus), written from a `ReportData`.

A4, Swedish. Cover, table of contents, summary in plain sentences, method, one compact table per checklist section
with charts of the compared questions, before/after, and for the anonymised report the notes on hidden cells. Every
page says whether the report is internal (holds small numbers) or anonymised, and "Sida x av n".

The parts, each a module: `document` (font, styles, headings, page numbers), `story` (the flowables and what both
reports have in common), `cover`, `summary`, `method` with `agreement`, `results` with `rows`, `figures` and
`charts`, `before_after`, `hidden` and `anonymised` (what the anonymised report may derive from what it publishes),
and `writer` (the document, its metadata and the last guard).

The text font is Bitstream Vera, which reportlab ships, embedded as TrueType so that å, ä and ö are searchable and
extractable everywhere and the PDF looks the same on every machine. The few characters Vera lacks (e.g. "→" in a
question text) are replaced by a close one. Numbers and sentences come from `services.aggregation.text`, as
everywhere else. docs/report.md describes the layout and why it was chosen.
"""

from reviewer.reports.pdf.document import ANONYMISED_MARK, INTERNAL_MARK, PROGRAM
from reviewer.reports.pdf.writer import data_texts, render_pdf, write_pdf

__all__ = ["ANONYMISED_MARK", "INTERNAL_MARK", "PROGRAM", "data_texts", "render_pdf", "write_pdf"]
