"""One question's gap per round as a small chart: a point per round with its 95 % interval as a bar, and a dashed
line where there is no gap (0 percentage points, a ratio of 1). Drawn with plain shapes: reportlab's plots have no
interval bars. A round without a gap (too few answers, or hidden) has no point; its name stays on the axis."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from reviewer.reports.pdf.document import FONT, FONT_BOLD, MALE_COLOUR, Text, short
from reviewer.services.aggregation import QuestionTrend
from reviewer.services.aggregation.text import format_number

HEIGHT = 40 * mm
LEFT, BOTTOM, TOP = 30.0, 16.0, 16.0
GRID_COLOUR = colors.HexColor("#DDDDDD")


def _bounds(values: Sequence[float], numeric: bool) -> tuple[float, float]:
    """The axis: the line of no gap always in view, and some room around the intervals."""
    reference = 1.0 if numeric else 0.0
    low, high = min([reference, *values]), max([reference, *values])
    if numeric:
        return max(0.0, low - 0.1), high + 0.1
    reach = max(10.0, high - low)
    return low - reach * 0.05, high + reach * 0.05


def trend_chart(q: QuestionTrend, names: Sequence[str], width: float, text: Text) -> Drawing:
    numeric = q.kind == "numeric"
    drawing = Drawing(width, HEIGHT, initialFontName=FONT)
    label = f"{q.text.sv} – {q.option_label.sv}" if q.option_label is not None else q.text.sv
    drawing.add(String(0, HEIGHT - 9, short(text.plain(label), 70), fontName=FONT_BOLD, fontSize=7))
    values = [v for p in q.points for v in (p.gap, p.low, p.high) if v is not None]
    low, high = _bounds(values, numeric)
    plot_width, plot_height = width - LEFT - 8, HEIGHT - BOTTOM - TOP

    def y(value: float) -> float:
        return float(BOTTOM + plot_height * (value - low) / (high - low))

    def x(index: int) -> float:
        return LEFT + plot_width * (index + 0.5) / len(q.points)

    decimals = 2 if numeric else 0
    for value in (low, high):
        drawing.add(Line(LEFT, y(value), LEFT + plot_width, y(value), strokeColor=GRID_COLOUR, strokeWidth=0.4))
        drawing.add(
            String(
                LEFT - 3,
                y(value) - 2.5,
                format_number(value, "sv", decimals),
                fontName=FONT,
                fontSize=6,
                textAnchor="end",
            )
        )
    reference = 1.0 if numeric else 0.0
    drawing.add(
        Line(
            LEFT,
            y(reference),
            LEFT + plot_width,
            y(reference),
            strokeColor=colors.black,
            strokeWidth=0.6,
            strokeDashArray=[2, 2],
        )
    )
    drawing.add(
        String(LEFT - 3, y(reference) - 2.5, "1" if numeric else "0", fontName=FONT, fontSize=6, textAnchor="end")
    )
    for index, (point, name) in enumerate(zip(q.points, names, strict=True)):
        drawing.add(String(x(index), 4, short(text.plain(name), 22), fontName=FONT, fontSize=6, textAnchor="middle"))
        if point.gap is None:
            continue
        if point.low is not None and point.high is not None:
            drawing.add(Line(x(index), y(point.low), x(index), y(point.high), strokeColor=MALE_COLOUR, strokeWidth=1))
            for end in (point.low, point.high):
                drawing.add(Line(x(index) - 3, y(end), x(index) + 3, y(end), strokeColor=MALE_COLOUR, strokeWidth=1))
        drawing.add(Circle(x(index), y(point.gap), 2.2, fillColor=MALE_COLOUR, strokeColor=MALE_COLOUR))
    return drawing
