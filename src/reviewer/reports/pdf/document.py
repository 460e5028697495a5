"""The page furniture every part of the report shares: the embedded font and what it cannot draw, the paragraph
styles, the headings that feed the contents and the outline, and the canvas that writes "Sida x av n"."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate

from reviewer import __version__
from reviewer.reports.common import HIDDEN

FONT = "ReviewerSans"
FONT_BOLD = "ReviewerSans-Bold"
PROGRAM = f"reviewer {__version__}"
INTERNAL_MARK = "Intern rapport – innehåller små tal"
ANONYMISED_MARK = "Anonymiserad sammanställning"
HIDDEN_MARK = HIDDEN  # the exports' mark, so that an x means the same in the PDF and in Excel
HIDDEN_NOTE = "dolt: färre än {k} ärenden, eller beräkningsbart från andra uppgifter"
NBSP = "\u00a0"
# Okabe & Ito's palette, told apart by every common kind of colour blindness: orange for women, blue for men.
FEMALE_COLOUR = colors.HexColor("#E69F00")
MALE_COLOUR = colors.HexColor("#0072B2")
FLAG_BACKGROUND = colors.HexColor("#FFF1CC")
HEADER_BACKGROUND = colors.HexColor("#E8E8E8")
NOTE_COLOUR = colors.HexColor("#505050")
GRID = colors.HexColor("#B0B0B0")
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
# Characters Vera lacks, and what stands in for them.
_SUBSTITUTES = {"→": "–", "←": "–", "◆": "*"}


def register_fonts() -> frozenset[int]:
    """Register Vera (once per process) and return the code points it can draw."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        folder = Path(reportlab.__file__).parent / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "VeraBd.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


class Text:
    """Turns any text into what the font can draw, and into Paragraph markup."""

    def __init__(self, drawable: frozenset[int]) -> None:
        self._drawable = drawable

    def plain(self, text: str) -> str:
        if all(ord(c) in self._drawable or c in "\n" for c in text):
            return text
        return "".join(c if ord(c) in self._drawable or c == "\n" else self._substitute(c) for c in text)

    def _substitute(self, char: str) -> str:
        if char in _SUBSTITUTES:
            return _SUBSTITUTES[char]
        base = unicodedata.normalize("NFKD", char)[:1]
        return base if base and ord(base) in self._drawable else "?"

    def markup(self, text: str) -> str:
        return escape(self.plain(text))


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13, spaceAfter=5)
    cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=9.5, spaceAfter=0)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=3),
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_sub": ParagraphStyle("cell_sub", parent=cell, leftIndent=8),
        "note": ParagraphStyle("note", parent=cell, fontSize=7, leading=8.5, textColor=NOTE_COLOUR),
        "note_right": ParagraphStyle(
            "note_right", parent=cell, fontSize=7, leading=8.5, textColor=NOTE_COLOUR, alignment=TA_RIGHT
        ),
        "head_right": ParagraphStyle("head_right", parent=cell, fontName=FONT_BOLD, alignment=TA_RIGHT),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=4),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=22, leading=28, spaceAfter=14),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=18, spaceAfter=18),
        "mark": ParagraphStyle(
            "mark", parent=base, fontName=FONT_BOLD, fontSize=13, leading=18, alignment=TA_CENTER, spaceAfter=0
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=FONT_BOLD, fontSize=15, leading=20, spaceBefore=6, spaceAfter=8
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=12, leading=16, spaceBefore=8, spaceAfter=6
        ),
        "chart_title": ParagraphStyle("chart_title", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10),
        "toc1": ParagraphStyle("toc1", parent=base, fontSize=10.5, leading=15, leftIndent=0),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=9.5, leading=13, leftIndent=14),
    }


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """Every table sets the font, or reportlab falls back to Helvetica, which is not embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8, 9.5), *commands])


def short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class Heading(Paragraph):  # type: ignore[misc]
    """A heading that goes into the table of contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str, plain: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        self.toc_key = key
        self.toc_text = plain


class Document(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.toc_key, level=flowable.toc_level, closed=False)
            # the contents lay the text out as Paragraph markup again
            self.notify("TOCEntry", (flowable.toc_level, escape(flowable.toc_text), self.page, flowable.toc_key))


def numbered_canvas(title: str, mark: str) -> type[Canvas]:
    """A canvas that holds its pages until the end, so that each can say "Sida x av n"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            number = self.getPageNumber()
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#444444"))
            if number > 1:
                self.drawString(MARGIN, A4[1] - 11 * mm, title)
                self.drawRightString(A4[0] - MARGIN, A4[1] - 11 * mm, mark)
                self.setStrokeColor(GRID)
                self.setLineWidth(0.4)
                self.line(MARGIN, A4[1] - 12.5 * mm, A4[0] - MARGIN, A4[1] - 12.5 * mm)
            self.drawCentredString(A4[0] / 2, 10 * mm, f"Sida {number} av {total}")
            self.restoreState()

    return NumberedCanvas
