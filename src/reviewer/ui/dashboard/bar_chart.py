"""A grouped horizontal bar chart: one group of bars per category, one bar per sex group.

Painted by hand because Qt Charts is not part of PySide6-Essentials, and a chart this simple does not justify the
add-ons package. Every bar carries its value as text, so the chart can be read without telling colours apart, and the
accessible description repeats the figures for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

# Colour-blind safe (Okabe–Ito), with enough contrast for text beside them.
# Women, men, annat, okänt.
SERIES_COLOURS = (QColor("#D55E00"), QColor("#0072B2"), QColor("#999999"), QColor("#CC79A7"))

BAR_HEIGHT = 14
BAR_GAP = 3
GROUP_GAP = 12
MARGIN = 8


@dataclass(frozen=True)
class Bar:
    value: float | None
    text: str


@dataclass(frozen=True)
class ChartData:
    series: tuple[str, ...]
    categories: tuple[str, ...]
    bars: tuple[tuple[Bar, ...], ...]  # per category, one bar per series
    maximum: float = 100.0
    # Below zero for a gap that can go either way: the bars then start at a zero line and point left or right.
    minimum: float = 0.0


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ChartData((), (), ())
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    @property
    def data(self) -> ChartData:
        return self._data

    def set_data(self, data: ChartData, title: str) -> None:
        self._data = data
        self.setAccessibleName(title)
        lines = [
            f"{category}: " + ", ".join(f"{name} {bar.text}" for name, bar in zip(data.series, bars, strict=True))
            for category, bars in zip(data.categories, data.bars, strict=True)
        ]
        self.setAccessibleDescription("; ".join(lines))
        self.setToolTip("\n".join(lines))
        self.updateGeometry()
        self.update()

    def set_empty(self, text: str) -> None:
        self._data = ChartData((), (), ())
        self._empty_text = text
        self.setAccessibleDescription(text)
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def _group_height(self) -> int:
        return len(self._data.series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        legend = metrics.height() + 2 * BAR_GAP
        body = len(self._data.categories) * self._group_height() if self._data.categories else metrics.height() * 2
        return QSize(420, legend + body + 2 * MARGIN)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_colour)
        metrics = QFontMetrics(self.font())
        if not self._data.categories:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        y = self._paint_legend(painter, metrics)
        label_width = min(max(metrics.horizontalAdvance(c) for c in self._data.categories) + 12, self.width() // 3)
        value_width = max(metrics.horizontalAdvance(b.text) for bars in self._data.bars for b in bars) + 8
        bar_left = MARGIN + label_width
        bar_span = max(self.width() - bar_left - 2 * value_width - MARGIN, 20)
        scale = self._data.maximum - self._data.minimum
        zero = bar_left + value_width + bar_span * (-self._data.minimum / scale) if scale > 0 else bar_left
        if self._data.minimum < 0:
            painter.drawLine(int(zero), y, int(zero), y + len(self._data.categories) * self._group_height())
        else:
            bar_span += value_width
            zero = bar_left
        for category, bars in zip(self._data.categories, self._data.bars, strict=True):
            group_top = y
            label_rect = QRectF(MARGIN, group_top, label_width - 8, self._group_height() - GROUP_GAP)
            painter.setPen(text_colour)
            elided = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, elided)
            for index, bar in enumerate(bars):
                length = 0.0
                if bar.value is not None and scale > 0:
                    clamped = max(self._data.minimum, min(bar.value, self._data.maximum))
                    length = bar_span * clamped / scale
                left = zero + min(length, 0.0)
                painter.fillRect(QRectF(left, y, abs(length), BAR_HEIGHT), SERIES_COLOURS[index % len(SERIES_COLOURS)])
                painter.setPen(text_colour)
                if length < 0:
                    text_rect = QRectF(left - value_width - 4, y, value_width, BAR_HEIGHT)
                    align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
                else:
                    text_rect = QRectF(zero + length + 4, y, value_width, BAR_HEIGHT)
                    align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                painter.drawText(text_rect, align, bar.text)
                y += BAR_HEIGHT + BAR_GAP
            y += GROUP_GAP

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics) -> int:
        x = MARGIN
        y = MARGIN
        for index, name in enumerate(self._data.series):
            painter.fillRect(QRectF(x, y + 2, 12, metrics.height() - 4), SERIES_COLOURS[index % len(SERIES_COLOURS)])
            x += 16
            painter.drawText(x, y + metrics.ascent(), name)
            x += metrics.horizontalAdvance(name) + 16
        return y + metrics.height() + 2 * BAR_GAP
