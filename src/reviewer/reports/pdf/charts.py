"""The charts of a section: one grouped bar chart of the shares choosing the compared answer, and a small chart of
the medians per numeric question. docs/report.md says why they look as they do."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm

from reviewer.reports.pdf.document import FEMALE_COLOUR, FONT, MALE_COLOUR, WIDTH, Text, short
from reviewer.reports.pdf.rows import Bars
from reviewer.services.aggregation.text import format_number, format_percent

BARS_PER_CHART = 12


def percent_chart(bars: Sequence[Bars], words: tuple[str, str], text: Text) -> Drawing:
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
    chart.categoryAxis.categoryNames = [short(text.plain(b.label), 58) for b in ordered]
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


def number_chart(bars: Bars, words: tuple[str, str]) -> Drawing:
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


def share_chart(
    labels: Sequence[str], series: Sequence[tuple[str, colors.Color, Sequence[float]]], text: Text
) -> Drawing:
    """A horizontal grouped bar chart of shares (0–100 %) per label, the first label on top and the first series
    the top bar of each label: a training question's answers beside the facit's."""
    plot_height = (6.0 + 9.0 * len(series)) * len(labels)
    label_width = 70 * mm
    drawing = Drawing(WIDTH, plot_height + 40, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 28
    chart.width, chart.height = WIDTH - label_width - 28, plot_height
    chart.data = [list(reversed(values)) for _, _, values in reversed(series)]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[format_percent(v, "sv") for v in row] for row in chart.data]
    _style_bars(chart)
    for index, (_, colour, _) in enumerate(reversed(series)):
        chart.bars[index].fillColor = colour
    chart.categoryAxis.categoryNames = [short(text.plain(label), 52) for label in reversed(labels)]
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
    legend.deltax = 90
    legend.colorNamePairs = [(colour, name) for name, colour, _ in series]
    drawing.add(legend)
    return drawing


def _style_bars(chart: HorizontalBarChart) -> None:
    chart.barSpacing = 1
    chart.bars.strokeColor = None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
