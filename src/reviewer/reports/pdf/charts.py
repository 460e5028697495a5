"""The charts of a section: one grouped bar chart of the shares choosing the compared answer, and a small chart of
the medians per numeric question. docs/report.md says why they look as they do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

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
    series = [
        Series(words[0], FEMALE_COLOUR, [b.female for b in bars], [b.female_text for b in bars]),
        Series(words[1], MALE_COLOUR, [b.male for b in bars], [b.male_text for b in bars]),
    ]
    return _share_bars([b.label for b in bars], series, text, 78 * mm, 22.0, 58, 60)


def share_chart(
    labels: Sequence[str], series: Sequence[tuple[str, colors.Color, Sequence[float]]], text: Text
) -> Drawing:
    """Shares (0–100 %) per label and series: a training question's answers beside the facit's."""
    named = [Series(name, colour, values, [format_percent(v, "sv") for v in values]) for name, colour, values in series]
    return _share_bars(labels, named, text, 70 * mm, 24.0, 52, 90)


class Series(NamedTuple):
    name: str
    colour: colors.Color
    values: Sequence[float]
    texts: Sequence[str]


def _share_bars(
    labels: Sequence[str],
    series: Sequence[Series],
    text: Text,
    label_width: float,
    row_height: float,
    label_chars: int,
    legend_step: float,
) -> Drawing:
    """A horizontal grouped bar chart, 0–100 %, the first label on top as in a table and the first series the top
    bar of each label, with a legend of the series."""
    plot_height = row_height * len(labels)
    drawing = Drawing(WIDTH, plot_height + 40, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 28
    chart.width, chart.height = WIDTH - label_width - 28, plot_height
    # The chart draws its first category at the bottom and its last series on top within a category: both reversed.
    ordered = list(reversed(series))
    chart.data = [list(reversed(s.values)) for s in ordered]
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(s.texts)) for s in ordered]
    _style_bars(chart)
    for index, s in enumerate(ordered):
        chart.bars[index].fillColor = s.colour
    chart.categoryAxis.categoryNames = [short(text.plain(label), label_chars) for label in reversed(labels)]
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
    legend.deltax = legend_step
    legend.colorNamePairs = [(s.colour, s.name) for s in series]
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


def _style_bars(chart: HorizontalBarChart) -> None:
    chart.barSpacing = 1
    chart.bars.strokeColor = None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
