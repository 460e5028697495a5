"""One question's gap per round: a point per round with its 95 % interval as a bar, and a dashed line where there is
no gap (0 percentage points, a ratio of 1).

Painted by hand like `bar_chart`: every point carries its value as text, and the accessible description repeats the
figures for screen readers. A round without a gap (too few answers) has no point; its name stays on the axis.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reviewer.domain.text import Language
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.bar_chart import SERIES_COLOURS

MARGIN = 8
POINT_RADIUS = 4
CAP = 5


@dataclass(frozen=True)
class TrendPointData:
    round_name: str
    gap: float | None
    low: float | None
    high: float | None
    text: str  # the gap with its interval, for the tooltip and screen readers
    label: str  # the gap alone, beside the point


@dataclass(frozen=True)
class TrendData:
    points: tuple[TrendPointData, ...]
    reference: float  # no gap: 0 percentage points, or a ratio of 1
    decimals: int
    language: Language = "sv"


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = TrendData((), 0.0, 0)
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    @property
    def data(self) -> TrendData:
        return self._data

    def set_data(self, data: TrendData, title: str) -> None:
        self._data = data
        self.setAccessibleName(title)
        lines = [f"{p.round_name}: {p.text}" for p in data.points]
        self.setAccessibleDescription("; ".join(lines))
        self.setToolTip("\n".join(lines))
        self.update()

    def set_empty(self, text: str) -> None:
        self._data = TrendData((), 0.0, 0)
        self._empty_text = text
        self.setAccessibleDescription(text)
        self.setToolTip("")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)

    def _bounds(self) -> tuple[float, float]:
        values = [v for p in self._data.points for v in (p.gap, p.low, p.high) if v is not None]
        low, high = min([self._data.reference, *values]), max([self._data.reference, *values])
        reach = max(high - low, 0.2 if self._data.decimals else 10.0)
        return low - reach * 0.08, high + reach * 0.08

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_colour)
        metrics = QFontMetrics(self.font())
        points = self._data.points
        if not points:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)
            return
        low, high = self._bounds()
        axis = {
            v: formatting.number(v, self._data.language, self._data.decimals) for v in (self._data.reference, low, high)
        }
        label_width = max(metrics.horizontalAdvance(t) for t in axis.values()) + 12
        left, top = MARGIN + label_width, MARGIN + metrics.height() // 2
        bottom = self.height() - MARGIN - metrics.height() * 2
        width = max(self.width() - left - MARGIN, 40)
        height = max(bottom - top, 40)

        def y(value: float) -> float:
            return top + height * (high - value) / (high - low)

        def x(index: int) -> float:
            return left + width * (index + 0.5) / len(points)

        grid = QPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setPen(grid)
        painter.drawRect(QRectF(left, top, width, height))
        reference = QPen(text_colour)
        reference.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(reference)
        painter.drawLine(QPointF(left, y(self._data.reference)), QPointF(left + width, y(self._data.reference)))
        painter.setPen(text_colour)
        for value in (self._data.reference, low, high):
            text = axis[value]
            rect = QRectF(MARGIN, y(value) - metrics.height() / 2, label_width - 6, metrics.height())
            if value != self._data.reference and abs(y(value) - y(self._data.reference)) < metrics.height():
                continue
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        colour = SERIES_COLOURS[1]
        for index, point in enumerate(points):
            column = QRectF(x(index) - width / len(points) / 2, bottom + 4, width / len(points), metrics.height())
            painter.setPen(text_colour)
            name = metrics.elidedText(point.round_name, Qt.TextElideMode.ElideRight, int(column.width()) - 4)
            painter.drawText(column, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
            if point.gap is None:
                continue
            pen = QPen(colour)
            pen.setWidth(2)
            painter.setPen(pen)
            if point.low is not None and point.high is not None:
                painter.drawLine(QPointF(x(index), y(point.low)), QPointF(x(index), y(point.high)))
                for end in (point.low, point.high):
                    painter.drawLine(QPointF(x(index) - CAP, y(end)), QPointF(x(index) + CAP, y(end)))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x(index), y(point.gap)), POINT_RADIUS, POINT_RADIUS)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text_colour)
            # above and to the right of the point, clear of the line of no gap it may sit on
            value_rect = QRectF(x(index) + POINT_RADIUS + 2, y(point.gap) - metrics.height() - 1, 200, metrics.height())
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, point.label)
