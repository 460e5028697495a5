"""The PDF audit report for management and the nämnd (reportlab platypus), written from a `ReportData`.

A4, Swedish. Cover, table of contents, summary in plain sentences, method, one compact table per checklist section
with charts of the compared questions, before/after, and for the anonymised report the notes on hidden cells. Every
page says whether the report is internal (holds small numbers) or anonymised, and "Sida x av n".

The text font is Bitstream Vera, which reportlab ships, embedded as TrueType so that å, ä and ö are searchable and
extractable everywhere and the PDF looks the same on every machine. The few characters Vera lacks (e.g. "→" in a
question text) are replaced by a close one. Numbers are formatted by `services.aggregation_text`, as everywhere
else. docs/report.md describes the layout and why it was chosen.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from reviewer import __version__
from reviewer.checklists.schema import QuestionType
from reviewer.domain.agreement import strength
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import ComparisonState
from reviewer.domain.text import Message
from reviewer.reports.common import HIDDEN
from reviewer.reports.guard import ExportGuard
from reviewer.services.aggregation import (
    NOT_APPLICABLE,
    Aggregate,
    Comparison,
    Finding,
    GroupResult,
    QuestionChange,
    QuestionResult,
)
from reviewer.services.aggregation_text import Unit, format_amount, format_number, format_p, format_percent, group_words
from reviewer.services.anonymisation import AnonymisedQuestion, AnonymisedResult, Column, NumberCell
from reviewer.services.anonymisation import Row as AnonymisedRow
from reviewer.services.files import write_atomically
from reviewer.services.report import ReportData

FONT = "ReviewerSans"
FONT_BOLD = "ReviewerSans-Bold"
PROGRAM = f"reviewer {__version__}"
INTERNAL_MARK = "Intern rapport – innehåller små tal"
ANONYMISED_MARK = "Anonymiserad sammanställning"
HIDDEN_MARK = HIDDEN  # the exports' mark, so that an x means the same in the PDF and in Excel
WHERE_ANONYMISED = Message("den anonymiserade rapporten", "the anonymised report")
WHERE_INTERNAL = Message("rapporten", "the report")
HIDDEN_NOTE = "dolt: färre än {k} ärenden, eller beräkningsbart från andra uppgifter"
NBSP = "\u00a0"
# Okabe & Ito's palette, told apart by every common kind of colour blindness: orange for women, blue for men.
FEMALE_COLOUR = colors.HexColor("#E69F00")
MALE_COLOUR = colors.HexColor("#0072B2")
FLAG_BACKGROUND = colors.HexColor("#FFF1CC")
HEADER_BACKGROUND = colors.HexColor("#E8E8E8")
GRID = colors.HexColor("#B0B0B0")
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
BARS_PER_CHART = 12
# Characters Vera lacks, and what stands in for them.
_SUBSTITUTES = {"→": "–", "←": "–", "◆": "*"}
_TEST_NAMES = {
    "fisher": "Fishers exakta test",
    "chi2": "chi två-test",
    "permutation": "permutationstest",
    "mann_whitney": "Mann–Whitneys U-test",
}


# ---------------------------------------------------------------------------------------------------------------
# Font and text


def _register_fonts() -> frozenset[int]:
    """Register Vera (once per process) and return the code points it can draw."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        folder = Path(reportlab.__file__).parent / "fonts"
        pdfmetrics.registerFont(TTFont(FONT, str(folder / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "VeraBd.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


class _Text:
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


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=9.5, leading=13, spaceAfter=5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=9.5, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8, leading=9.5),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=8, leading=9.5, alignment=TA_RIGHT),
        "head_right": ParagraphStyle(
            "head_right", parent=base, fontName=FONT_BOLD, fontSize=8, leading=9.5, alignment=TA_RIGHT
        ),
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


# ---------------------------------------------------------------------------------------------------------------
# Document, pages, headings


class _Heading(Paragraph):  # type: ignore[misc]
    """A heading that goes into the table of contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str, plain: str) -> None:
        super().__init__(text, style)
        self.toc_level = level
        self.toc_key = key
        self.toc_text = plain


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.toc_key, level=flowable.toc_level, closed=False)
            # the contents lay the text out as Paragraph markup again
            self.notify("TOCEntry", (flowable.toc_level, escape(flowable.toc_text), self.page, flowable.toc_key))


def _numbered_canvas(title: str, mark: str) -> type[Canvas]:
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


# ---------------------------------------------------------------------------------------------------------------
# What one table row and one bar show


@dataclass(frozen=True)
class _Bars:
    label: str
    female: float
    male: float
    female_text: str
    male_text: str


@dataclass(frozen=True)
class _Row:
    label: str
    cells: tuple[str, str, str]  # female, male, other
    difference: str
    p: str
    flagged: bool
    percent_bars: _Bars | None = None
    number_bars: _Bars | None = None


_GROUPS = (SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER)
_COLUMNS: tuple[Column, Column, Column] = ("female", "male", "other")
_COMPARED = (SexGroup.FEMALE, SexGroup.MALE)
_YES_NO = frozenset({QuestionType.YES_NO, QuestionType.YES_NO_NA})
_STATE_WORDS = {ComparisonState.TOO_SMALL: "för litet underlag", ComparisonState.NO_VARIATION: "ingen variation"}


def _difference(c: Comparison) -> str:
    if c.difference_pp is not None:
        return f"{format_number(c.difference_pp, 'sv')} p.e."
    if c.median_ratio is not None:
        return f"kvot {format_number(c.median_ratio, 'sv', 2)}"
    return "–"


def _option_percent(group: GroupResult, option: str | None) -> tuple[float | None, int]:
    item = next((o for o in group.options if o.value == option), None)
    return (item.percent, item.count) if item is not None else (None, 0)


def _bars(label: str, c: Comparison | None, unit: Unit) -> tuple[_Bars | None, _Bars | None]:
    """The compared figures as (percent bars, number bars), when the comparison has both groups' figures."""
    if c is None:
        return None, None
    if c.female_percent is not None and c.male_percent is not None:
        texts = (format_percent(c.female_percent, "sv"), format_percent(c.male_percent, "sv"))
        return _Bars(label, c.female_percent, c.male_percent, *texts), None
    if c.female_median is not None and c.male_median is not None:
        texts = (format_amount(c.female_median, unit, "sv"), format_amount(c.male_median, unit, "sv"))
        return None, _Bars(label, c.female_median, c.male_median, *texts)
    return None, None


def _verdict(c: Comparison | None, hidden: bool, alpha: float) -> tuple[str, str, bool]:
    """The difference, p and flag cells of a comparison (hidden: "x")."""
    if c is None:
        return (HIDDEN_MARK, HIDDEN_MARK, False) if hidden else ("", "", False)
    if c.state is not ComparisonState.OK:
        return _STATE_WORDS[c.state], "–", False
    p = format_p(c.test.p_value, "sv", alpha).removeprefix("p = ").removeprefix("p ") if c.test else "–"
    return _difference(c), p, c.flagged


def _internal_row(question: QuestionResult, unit: Unit, alpha: float) -> _Row | None:
    """The row of one question of the internal report; free text and dates are not summarised (None)."""
    if question.kind == "not_aggregated":
        return None
    c = question.comparison
    ordered = [question.groups[g] for g in _GROUPS]
    if question.kind == "numeric":
        label = f"{question.text.sv} (median)"
        cells = [
            "–" if g.numbers is None else f"{format_amount(g.numbers.median, unit, 'sv')}\nn = {g.n}" for g in ordered
        ]
    else:
        first = ordered[0].options
        option = c.option if c is not None else (first[0].value if first else None)
        option_label = next((o.label.sv for o in first if o.value == option), "")
        label = f"{question.text.sv} – {option_label}" if option_label else question.text.sv
        shares = [_option_percent(g, option) for g in ordered]
        cells = [
            "–" if percent is None else f"{format_percent(percent, 'sv')}\n{count} av {g.base}"
            for (percent, count), g in zip(shares, ordered, strict=True)
        ]
    percent_bars, number_bars = _bars(question.text.sv if question.kind == "numeric" else label, c, unit)
    difference, p, flagged = _verdict(c, False, alpha)
    return _Row(label, (cells[0], cells[1], cells[2]), difference, p, flagged, percent_bars, number_bars)


def _anonymised_row(question: AnonymisedQuestion, alpha: float) -> _Row:
    """The row of one question of the anonymised report: what the anonymised result publishes, "x" for the rest."""
    c = question.comparison
    if question.kind == "numeric":
        label = f"{question.text.sv} (median)"
        cells = [_number_cell(question.numbers[column], question.unit) for column in _COLUMNS]
    else:
        rows = [r for r in question.rows if r.value != NOT_APPLICABLE]
        # without a published comparison: "ja" for yes/no questions, else the first option, as the CLI shows it
        default = "ja" if question.type in _YES_NO else (rows[0].value if rows else None)
        option = c.option if c is not None else default
        row = next((r for r in rows if r.value == option), None)
        label = f"{question.text.sv} – {row.label.sv}" if row is not None else question.text.sv
        cells = [_share_cell(question, row, column) for column in _COLUMNS]
    percent_bars, number_bars = _bars(question.text.sv if question.kind == "numeric" else label, c, question.unit)
    difference, p, flagged = _verdict(c, question.comparison_reason is not None, alpha)
    return _Row(label, (cells[0], cells[1], cells[2]), difference, p, flagged, percent_bars, number_bars)


def _number_cell(cell: NumberCell, unit: Unit) -> str:
    if cell.reason is not None:
        return HIDDEN_MARK
    if cell.median is None:
        return "–"
    return f"{format_amount(cell.median, unit, 'sv')}\nn = {cell.n}"


def _share_cell(question: AnonymisedQuestion, row: AnonymisedRow | None, column: Column) -> str:
    """ "42 %" over "21 av 50"; "x" for a hidden count, percentage or base."""
    if row is None or question.totals is None:
        return "–"
    cell = row.cells[column]
    if cell.count is None:
        return HIDDEN_MARK
    answered = question.totals.cells[column].count
    not_applicable = next((r.cells[column].count for r in question.rows if r.value == NOT_APPLICABLE), 0)
    base = None if answered is None or not_applicable is None else answered - not_applicable
    if cell.percent is None and cell.reason is None:
        return "–"  # nobody answered
    percent = HIDDEN_MARK if cell.percent is None else format_percent(cell.percent, "sv")
    return f"{percent}\n{cell.count} av {HIDDEN_MARK if base is None else base}"


# ---------------------------------------------------------------------------------------------------------------
# Charts


def _percent_chart(bars: Sequence[_Bars], words: tuple[str, str], text: _Text) -> Drawing:
    """One horizontal grouped bar chart: the share choosing the compared answer, women and men, 0–100 %."""
    plot_height = 22.0 * len(bars)
    label_width = 78 * mm
    drawing = Drawing(WIDTH, plot_height + 40, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 28
    chart.width, chart.height = WIDTH - label_width - 28, plot_height
    # The chart draws its first category at the bottom and its last series on top within a category: reversed,
    # the first question is on top as in the table, and the women's bar above the men's.
    ordered = list(reversed(bars))
    chart.data = [[b.male for b in ordered], [b.female for b in ordered]]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[b.male_text for b in ordered], [b.female_text for b in ordered]]
    _style_bars(chart)
    chart.bars[0].fillColor = MALE_COLOUR
    chart.bars[1].fillColor = FEMALE_COLOUR
    chart.categoryAxis.categoryNames = [_short(text.plain(b.label), 58) for b in ordered]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: format_percent(v, "sv")
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = label_width, 8
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.dx = legend.dy = 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.colorNamePairs = [(FEMALE_COLOUR, words[0]), (MALE_COLOUR, words[1])]
    drawing.add(legend)
    return drawing


def _number_chart(bars: _Bars, words: tuple[str, str]) -> Drawing:
    """Two bars, the medians of women and men, for one numeric question; the bars are named, so no legend."""
    width = WIDTH / 2 - 8
    drawing = Drawing(width, 52, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 42, 14, width - 100, 36
    chart.data = [[bars.male, bars.female]]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[bars.male_text, bars.female_text]]
    _style_bars(chart)
    chart.bars[(0, 0)].fillColor = MALE_COLOUR
    chart.bars[(0, 1)].fillColor = FEMALE_COLOUR
    chart.categoryAxis.categoryNames = [words[1], words[0]]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, "sv", 1, 1000)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    drawing.add(chart)
    return drawing


def _style_bars(chart: HorizontalBarChart) -> None:
    chart.barSpacing = 1
    chart.bars.strokeColor = None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3


def _table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """Every table sets the font, or reportlab falls back to Helvetica, which is not embedded."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8, 9.5), *commands])


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------------------------
# The story


class _Story:
    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.text = _Text(_register_fonts())
        self.styles = _styles()
        self.flowables: list[Flowable] = []
        self._numbers = [0, 0]
        female, male, other = group_words(data.subject, "sv")
        self.group_headers = (female, male.capitalize(), other.capitalize())
        self.words = (female.lower(), male)

    def para(self, text: str, style: str = "body", bullet: str | None = None) -> None:
        self.flowables.append(Paragraph(self.text.markup(text), self.styles[style], bulletText=bullet))

    def heading(self, title: str, level: int) -> None:
        if level == 0:
            self._numbers = [self._numbers[0] + 1, 0]
            number = f"{self._numbers[0]}"
        else:
            self._numbers[1] += 1
            number = f"{self._numbers[0]}.{self._numbers[1]}"
        plain = self.text.plain(f"{number} {title}")
        if level == 0:
            self.flowables.append(CondPageBreak(60 * mm))
        self.flowables.append(
            _Heading(escape(plain), self.styles["h1" if level == 0 else "h2"], level, f"s{number}", plain)
        )

    def cell(self, text: str, bold: bool = False) -> Paragraph:
        return Paragraph(self.text.markup(text), self.styles["cell_bold" if bold else "cell"])

    def right(self, text: str, head: bool = False) -> Paragraph:
        """A right-aligned cell that wraps, lines kept; a "/" in a heading may break the line ("Annat/ okänt")."""
        markup = "<br/>".join(self.text.markup(line) for line in text.split("\n"))
        if head:
            markup = markup.replace("/", "/<br/>")
        return Paragraph(markup, self.styles["head_right" if head else "cell_right"])

    def table(self, rows: list[list[Any]], widths: Sequence[float], flagged: Sequence[int] = ()) -> None:
        table = Table(rows, colWidths=list(widths), repeatRows=1)
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8, 9.5),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        commands += [("BACKGROUND", (0, i), (-1, i), FLAG_BACKGROUND) for i in flagged]
        table.setStyle(_table_style(*commands))
        self.flowables.append(table)
        self.flowables.append(Spacer(1, 4 * mm))

    def build(self) -> list[Flowable]:
        self.cover()
        self.contents()
        self.summary()
        self.method()
        self.sections()
        self.before_after()
        self.hidden()
        return self.flowables

    # -- what the two variants have

    @property
    def anonymised(self) -> AnonymisedResult | None:
        return self.data.anonymised

    def case_counts(self) -> tuple[str, str, str, str]:
        """Cases of women, men, annat/okänt and in all; "x" where the anonymised report hides the count."""
        if self.anonymised is not None:
            cases = self.anonymised.method.cases
            return tuple(  # type: ignore[return-value]
                HIDDEN_MARK if cases[c].count is None else str(cases[c].count)
                for c in ("female", "male", "other", "total")
            )
        aggregate = self._aggregate
        by_group = [str(aggregate.n_by_group[g]) for g in _GROUPS]
        return by_group[0], by_group[1], by_group[2], str(aggregate.n_cases)

    @property
    def _aggregate(self) -> Aggregate:
        assert self.data.aggregate is not None
        return self.data.aggregate

    def findings(self) -> list[Finding]:
        return self.anonymised.findings if self.anonymised is not None else self._aggregate.findings

    def comparisons(self) -> list[Comparison]:
        if self.anonymised is not None:
            return [q.comparison for s in self.anonymised.sections for q in s.questions if q.comparison is not None]
        return [q.comparison for s in self._aggregate.sections for q in s.questions if q.comparison is not None]

    def result_sections(self) -> list[tuple[str, list[_Row]]]:
        alpha = self.data.thresholds.alpha
        if self.anonymised is not None:
            return [(s.title.sv, [_anonymised_row(q, alpha) for q in s.questions]) for s in self.anonymised.sections]
        units = self.data.question_units
        return [
            (s.title.sv, [row for q in s.questions if (row := _internal_row(q, units.get(q.key, "none"), alpha))])
            for s in self._aggregate.sections
        ]

    def changes(self) -> tuple[list[QuestionChange], frozenset[tuple[str, str]], str, str] | None:
        """The before/after changes, the hidden (key, side) pairs, and the case counts of before and after."""
        if self.data.anonymised_before_after is not None:
            ba = self.data.anonymised_before_after
            cases = [HIDDEN_MARK if c.count is None else str(c.count) for c in (ba.before_cases, ba.after_cases)]
            return ba.changes, frozenset(ba.hidden), cases[0], cases[1]
        if self.data.before_after is not None:
            before_after = self.data.before_after
            counts = str(before_after.before.n_cases), str(before_after.after.n_cases)
            return before_after.questions, frozenset(), *counts
        return None

    # -- cover and contents

    def title(self) -> str:
        title = self.data.checklist_title.sv.strip()
        # the built-in titles end with "– jämställdhetsgranskning", which the report's own title already says
        for dash in ("–", "-"):
            suffix = f" {dash} jämställdhetsgranskning"
            if title.lower().endswith(suffix):
                title = title[: -len(suffix)].rstrip()
        return f"Jämställdhetsgranskning – {title}"

    def mark(self) -> str:
        return ANONYMISED_MARK if self.anonymised is not None else INTERNAL_MARK

    def cover(self) -> None:
        data = self.data
        self.flowables.append(Spacer(1, 30 * mm))
        self.para(self.title(), "title")
        self.para("Rapport om könsuppdelade resultat av aktgranskning", "subtitle")
        rounds = "; ".join(f"{r.name} ({r.period_label})" for r in data.rounds)
        facts = [
            ("Enhet" if len(data.units) == 1 else "Enheter", ", ".join(data.units) or "–"),
            ("Omgång och period" if len(data.rounds) == 1 else "Omgångar och perioder", rounds),
            ("Checklista", f"{data.checklist_slug}@{data.checklist_version}"),
            ("Rapportens datum", data.created.isoformat()),
        ]
        if data.baseline is not None:
            facts.insert(2, ("Jämförs med", f"{data.baseline.name} ({data.baseline.period_label})"))
        table = Table([[self.cell(k, bold=True), self.cell(v)] for k, v in facts], colWidths=[45 * mm, WIDTH - 45 * mm])
        table.setStyle(_table_style(("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)))
        self.flowables += [table, Spacer(1, 20 * mm)]
        if self.anonymised is not None:
            explanation = (
                "Uppgifter som bygger på färre än "
                f"{self.anonymised.method.rules.min_cell} ärenden, eller som kan räknas fram ur andra uppgifter, är "
                f"dolda ({HIDDEN_MARK}). Rapporten innehåller inga uppgifter om enskilda ärenden eller granskare."
            )
        else:
            explanation = (
                "Rapporten innehåller små tal som kan peka ut enskilda personer. Den får inte lämnas ut utanför "
                "enheten; till andra lämnas en anonymiserad sammanställning."
            )
        box = Table(
            [[Paragraph(escape(self.mark()), self.styles["mark"])], [self.cell(explanation)]],
            colWidths=[WIDTH - 30 * mm],
        )
        box.setStyle(
            _table_style(
                ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            )
        )
        self.flowables += [box, Spacer(1, 25 * mm)]
        self.para(f"Framställd med {PROGRAM}.", "small")
        self.flowables += [NextPageTemplate("body"), PageBreak()]

    def contents(self) -> None:
        self.flowables.append(Paragraph("Innehåll", self.styles["h1"]))
        toc = TableOfContents(dotsMinLevel=0)
        toc.levelStyles = [self.styles["toc1"], self.styles["toc2"]]
        toc.tableStyle = _table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
        self.flowables += [toc, PageBreak()]

    # -- summary and method

    def summary(self) -> None:
        female, male = self.words
        women, men, other, total = self.case_counts()
        self.heading("Sammanfattning", 0)
        self.para(f"Granskningen omfattar {total} ärenden ({female} {women}, {male} {men}, annat/okänt {other}).")
        findings = self.findings()
        if findings:
            self.para(
                f"{len(findings)} skillnader mellan {female} och {male} är så stora och säkra att de flaggas (se "
                "avsnittet Metod). De största först:"
            )
            for finding in findings:
                self.para(finding.message.sv, "bullet", bullet="•")
        else:
            self.para(
                f"Inga skillnader mellan {female} och {male} uppfyller kraven för att flaggas: ingen skillnad är både "
                "tillräckligt stor och statistiskt säker (se avsnittet Metod)."
            )
        if self.anonymised is not None and self.anonymised.method.n_hidden:
            self.para(
                "Skillnader i frågor där uppgifter har dolts för att skydda enskilda redovisas inte (se avsnittet "
                "Dolda uppgifter)."
            )
        changes = self.changes()
        if changes is not None and self.data.baseline is not None:
            comparable = [c for c in changes[0] if c.gap_narrowed is not None]
            narrowed = sum(1 for c in comparable if c.gap_narrowed)
            baseline = self.data.baseline
            self.para(
                f"Jämfört med {baseline.name} ({baseline.period_label}) har skillnaden mellan {female} och {male} "
                f"minskat för {narrowed} av {len(comparable)} jämförbara frågor (se avsnittet Före och efter)."
            )

    def method(self) -> None:
        data, thresholds = self.data, self.data.thresholds
        female, male = self.words
        women, men, other, total = self.case_counts()
        self.heading("Metod", 0)
        self.heading("Urval och granskare", 1)
        rounds = ", ".join(f"{r.name} ({r.period_label})" for r in data.rounds)
        self.para(
            f"Underlaget är {total} ärenden ur {rounds}: {female} {women}, {male} {men} och annat/okänt {other}. "
            f"Ärendena granskades av {data.n_reviewers} granskare med checklistan {data.checklist_slug} version "
            f"{data.checklist_version}."
        )
        not_counted = self._aggregate.n_not_counted if self.anonymised is None else 0
        self.para(
            "Bara klara granskningar räknas. Varje ärende räknas en gång, även om två granskare har läst det."
            + (f" {not_counted} ärenden i omgången saknar en klar granskning och ingår inte." if not_counted else "")
        )
        if self.anonymised is None:
            for warning in self._aggregate.warnings:
                self.para(warning.sv, "bullet", bullet="•")
        self.heading("Jämförelser och tester", 1)
        used = sorted({c.test.name for c in self.comparisons() if c.test is not None}, key=list(_TEST_NAMES).index)
        self.para(
            f"För varje fråga som jämförs mellan {female} och {male} visas andelen som valt det jämförda svaret (för "
            "ja/nej-frågor andelen ja) eller medianen, med antalet svar (n). Gruppen annat/okänt redovisas men "
            f"jämförs inte. Skillnaden är {female} minus {male} i procentenheter (p.e.), för tal kvoten mellan "
            "medianerna. Testerna passar små urval: Fishers exakta test för ja/nej-frågor, chi två-test eller ett "
            "permutationstest för frågor med flera svarsalternativ och Mann–Whitneys U-test för tal som dagar och "
            "kronor."
            + (f" I den här rapporten användes {_join([_TEST_NAMES[name] for name in used])}." if used else "")
        )
        self.para(
            f"En skillnad flaggas när den är minst {format_number(thresholds.min_difference_pp, 'sv')} "
            f"procentenheter (för medianer minst {format_number(thresholds.min_relative_difference * 100, 'sv')} %) "
            f"och p är mindre än {format_number(thresholds.alpha, 'sv', 3)}. Med färre än {thresholds.min_group_n} "
            "svar i någon av grupperna testas ingenting (för litet underlag)."
        )
        self.explanations()
        self.agreement()

    def explanations(self) -> None:
        female, male = self.words
        self.heading("Ord och tecken i tabellerna", 1)
        terms = [
            ("n", "antal ärenden som besvarat frågan; för frågor med svaret ”ej aktuellt” räknas de svaren inte in"),
            ("21 av 50", "21 ärenden av de 50 som besvarat frågan valde svaret"),
            ("p.e.", "procentenheter: skillnaden mellan två procentsatser"),
            ("kvot", f"{female}s median delad med {male}s; 1 betyder lika"),
            ("p", "sannolikheten att få minst så stor skillnad av en slump, om det inte finns någon verklig skillnad"),
            ("för litet underlag", f"färre än {self.data.thresholds.min_group_n} svar i någon grupp"),
            ("Flaggad", "skillnaden är både tillräckligt stor och statistiskt säker; raden är färgmarkerad"),
            ("–", "uppgift saknas (ingen har svarat)"),
        ]
        if self.anonymised is not None:
            terms.append((HIDDEN_MARK, HIDDEN_NOTE.format(k=self.anonymised.method.rules.min_cell)))
        for term, meaning in terms:
            self.para(f"{term}: {meaning}", "small", bullet="•")

    def agreement(self) -> None:
        result = self.data.agreement
        self.heading("Överensstämmelse mellan granskare", 1)
        if not result.questions:
            if result.n_cases and self.anonymised is not None:
                self.para(
                    f"Ej tillgängligt: {result.n_cases} ärenden har granskats av två granskare, men ingen fråga har "
                    f"jämförts i minst {self.anonymised.method.rules.min_cell} av dem."
                )
            else:
                self.para(
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
        self.para(
            f"{result.n_cases} ärenden granskades av två granskare. De svarade lika i {overall} av "
            f"{result.pairs} jämförda svar{mean}. Cohens kappa mäter hur mycket oftare granskarna svarar lika än "
            "slumpen skulle ge: 1 är full överensstämmelse, 0 inte bättre än slumpen. Bedömningen följer Landis och "
            "Koch. Med få ärenden är kappa osäker; se konfidensintervallet."
            + (
                f" Frågor som jämförts i färre än {self.anonymised.method.rules.min_cell} ärenden redovisas inte."
                if self.anonymised is not None
                else ""
            )
        )
        rows: list[list[Any]] = [
            [self.cell("Fråga", True), "n", "Lika svar", "Kappa", "95 % KI", self.cell("Bedömning", True)]
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
                    self.cell(question.text.sv),
                    str(a.n),
                    format_percent(a.percent, "sv"),
                    kappa,
                    interval,
                    self.cell(words),
                ]
            )
        self.table(rows, [70 * mm, 12 * mm, 18 * mm, 16 * mm, 28 * mm, WIDTH - 144 * mm])

    # -- results

    def sections(self) -> None:
        self.heading("Resultat per avsnitt", 0)
        self.para(
            "En tabell per avsnitt i checklistan: andel eller median per grupp med antal svar, skillnaden mellan "
            "grupperna, p-värdet och om skillnaden flaggas. Diagrammen visar de frågor som jämförs mellan könen. "
            "Fritextfrågor och datum sammanställs inte."
            + (f" {HIDDEN_MARK} = dolt (se avsnittet Dolda uppgifter)." if self.anonymised is not None else "")
        )
        for title, rows in self.result_sections():
            if rows:
                self.heading(title, 1)
                self.result_table(rows)
                self.charts(rows)

    def result_table(self, rows: Sequence[_Row]) -> None:
        header: list[Any] = [self.cell("Fråga", True), *(self.right(h, True) for h in self.group_headers)]
        header += [self.right("Skillnad", True), "p", "Flaggad"]
        body: list[list[Any]] = [header]
        flagged = []
        for index, row in enumerate(rows, start=1):
            body.append(
                [self.cell(row.label), *row.cells, self.right(row.difference), row.p, "Ja" if row.flagged else ""]
            )
            if row.flagged:
                flagged.append(index)
        self.table(body, [64 * mm, 20 * mm, 20 * mm, 20 * mm, 22 * mm, 14 * mm, WIDTH - 160 * mm], flagged)

    def charts(self, rows: Sequence[_Row]) -> None:
        words = (self.group_headers[0], self.group_headers[1])
        percent = [row.percent_bars for row in rows if row.percent_bars is not None]
        for start in range(0, len(percent), BARS_PER_CHART):
            self.flowables.append(_percent_chart(percent[start : start + BARS_PER_CHART], words, self.text))
            self.flowables.append(Spacer(1, 3 * mm))
        cells = [
            [
                Paragraph(self.text.markup(row.number_bars.label), self.styles["chart_title"]),
                _number_chart(row.number_bars, words),
            ]
            for row in rows
            if row.number_bars is not None
        ]
        grid = [[cells[i], cells[i + 1] if i + 1 < len(cells) else ""] for i in range(0, len(cells), 2)]
        if grid:
            table = Table(grid, colWidths=[WIDTH / 2, WIDTH / 2])
            table.setStyle(_table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
            self.flowables += [table, Spacer(1, 3 * mm)]

    def before_after(self) -> None:
        changes = self.changes()
        if changes is None or self.data.baseline is None:
            return
        questions, hidden, before_cases, after_cases = changes
        female, male = self.words
        self.heading("Före och efter", 0)
        rounds = ", ".join(r.name for r in self.data.rounds)
        self.para(
            f"{rounds} ({after_cases} ärenden) jämförs med {self.data.baseline.name} ({before_cases} ärenden). "
            f"Skillnaden är {female} minus {male}, i procentenheter för andelar och som kvot mellan medianerna för "
            f"tal; under den står andelarna eller medianerna, {female} mot {male}. Förändringen är hur mycket "
            "skillnaden har minskat (−) eller ökat (+). Frågor som bytt nyckel mellan checklistans versioner jämförs "
            "med sin föregångare."
        )
        rows: list[list[Any]] = [
            [self.cell("Fråga", True), "Före", "Efter", self.cell("Förändring", True), self.cell("Skillnaden", True)]
        ]
        for change in questions:
            if change.status != "compared" or (change.after is None and (change.key, "after") not in hidden):
                continue
            verdict = "" if change.gap_narrowed is None else ("har minskat" if change.gap_narrowed else "har ökat")
            if change.gap_change_pp is not None:
                sign = "+" if change.gap_change_pp > 0 else ""
                delta = f"{sign}{format_number(change.gap_change_pp, 'sv')} p.e."
            elif change.median_ratio_change is not None:
                sign = "+" if change.median_ratio_change > 0 else ""
                delta = f"{sign}{format_number(change.median_ratio_change, 'sv', 2)}"
            else:
                delta = HIDDEN_MARK if {(change.key, "before"), (change.key, "after")} & hidden else "–"
            rows.append(
                [
                    self.cell(change.text.sv),
                    self.right(self.gap(change, "before", (change.key, "before") in hidden)),
                    self.right(self.gap(change, "after", (change.key, "after") in hidden)),
                    delta,
                    self.cell(verdict),
                ]
            )
        self.table(rows, [66 * mm, 30 * mm, 30 * mm, 22 * mm, WIDTH - 148 * mm])
        others = [c for c in questions if c.status in {"new", "retired", "type_changed"}]
        if others:
            reasons = {"new": "ny fråga", "retired": "frågan har tagits bort", "type_changed": "frågetypen har ändrats"}
            self.para("Kan inte jämföras:", "small")
            for change in others:
                self.para(f"{change.text.sv}: {reasons[change.status]}", "small", bullet="•")

    def gap(self, change: QuestionChange, when: Literal["before", "after"], hidden: bool) -> str:
        """The gap, and under it the two groups' figures ("42 % mot 71 %"); "x" when hidden."""
        comparison = change.before if when == "before" else change.after
        if comparison is None:
            return HIDDEN_MARK if hidden else "–"
        female, male = (getattr(change.groups[g], when) if g in change.groups else None for g in _COMPARED)
        if female is None or male is None:
            return _difference(comparison)
        if change.kind == "numeric":
            unit = self.data.question_units.get(change.key, "none")
            figures = f"{format_amount(female, unit, 'sv')} mot {format_amount(male, unit, 'sv')}"
        else:
            figures = f"{format_percent(female, 'sv')} mot {format_percent(male, 'sv')}"
        # no break inside a figure ("10 000 kr"), only around "mot"
        return f"{_difference(comparison)}\n{figures.replace(' ', NBSP).replace(f'{NBSP}mot{NBSP}', ' mot ')}"

    def hidden(self) -> None:
        if self.anonymised is None:
            return
        method = self.anonymised.method
        rules = method.rules
        self.heading("Dolda uppgifter", 0)
        self.para(
            f"{HIDDEN_MARK} = {HIDDEN_NOTE.format(k=rules.min_cell)}. Rapporten visar samma uppgifter som den "
            f"anonymiserade exporten (CSV, Excel, JSON) och döljer samma: {method.n_hidden} uppgifter är dolda."
        )
        self.para(
            f"Reglerna: ett antal på 1 till {rules.min_cell - 1} ärenden döljs (frekvensregeln; 0 visas, eftersom en "
            "tom cell inte pekar ut någon). Döljs en uppgift i en rad eller kolumn döljs ytterligare en, så att den "
            "inte kan räknas fram ur summan (sekundär röjandekontroll). Andelar vars antal eller bas är dold döljs "
            "också. Medianer och andra mått på färre än "
            f"{rules.min_cell} värden döljs, och summor av kronor döljs när de {rules.dominance_n} största beloppen "
            f"utgör mer än {format_number(rules.dominance_percent, 'sv')} % av summan (dominansregeln). En skillnad "
            "mellan könen redovisas bara när ingen av uppgifterna den bygger på är dold."
        )
        self.para(
            "Rapporten innehåller inga ärendekoder, inga namn på granskare, inga fritextsvar eller anteckningar och "
            "inga datum utöver omgångarnas perioder."
        )


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " och " + words[-1]


# ---------------------------------------------------------------------------------------------------------------
# Writing


def render_pdf(data: ReportData) -> bytes:
    """The report as PDF bytes."""
    story = _Story(data)
    flowables = story.build()
    buffer = io.BytesIO()
    title = story.text.plain(story.title())
    mark = story.mark()
    document = _Document(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=title,
        author=PROGRAM,
        subject=f"{mark}: {', '.join(f'{r.name} ({r.period_label})' for r in data.rounds)}",
        keywords=["jämställdhetsgranskning", "könsuppdelad statistik", data.checklist_slug, mark],
        creator=PROGRAM,
        lang="sv-SE",
        initialFontName=FONT,
        invariant=False,
    )
    frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN - 4 * mm, id="body", leftPadding=0, rightPadding=0)
    document.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("body", [frame])])
    canvas: Callable[..., Canvas] = _numbered_canvas(title, mark)
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


def write_pdf(data: ReportData, path: Path, guard: ExportGuard) -> None:
    """Write the report to `path` atomically: a failure never leaves half a PDF behind. First the exports' last
    guard reads every text of the report that came from the database (`data_texts`): a personnummer, case code or
    name refuses the report and nothing is written – the internal report holds no personal data either."""
    guard.check(data_texts(data), WHERE_ANONYMISED if data.anonymised is not None else WHERE_INTERNAL)
    write_atomically(path, render_pdf(data))
