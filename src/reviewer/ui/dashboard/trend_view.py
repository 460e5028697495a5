"""Över tid: the gap between women and men per round over three or more rounds of one checklist, and whether it
changes. The figures and the verdict words are the text report's (`change_text.point_text`, `slope_text`,
`text.VERDICT_WORDS`), so the dashboard, `reviewer aggregate --trend` and the PDF read the same; the chart shows the
question chosen in the table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from reviewer.domain.statistics import Thresholds
from reviewer.domain.text import Language
from reviewer.services.aggregation import QuestionTrend, RoundTrend, TrendPoint
from reviewer.services.aggregation import text as aggregation_text
from reviewer.services.aggregation.change_text import point_text, slope_text
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.summary import group_names
from reviewer.ui.dashboard.table import TipColumn, TipTableModel
from reviewer.ui.dashboard.trend_chart import TrendChart, TrendData, TrendPointData
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column

MIN_ROUNDS = 3


def minus(text: str) -> str:
    """The dashboard's true minus sign (−) in a figure of the text report."""
    return text.replace("-", "−")


class TrendView(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._result: RoundTrend | None = None
        self._subject_of = "adult"
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.tested = QLabel(self)
        self.tested.setWordWrap(True)
        self.model: TipTableModel[QuestionTrend] = TipTableModel([], self)
        self.view = record_table_view(self.model, self.tr("The gap over the rounds"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        self.chart_title = QLabel(self)
        self.chart_title.setWordWrap(True)
        self.chart = TrendChart(self)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart, 1)
        self._splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tested)
        layout.addWidget(splitter, 1)
        layout.addStretch()
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.show_result(None, 0)

    # -- cells

    def _question(self, q: QuestionTrend) -> str:
        """The question, and under it the figure whose gap is followed: "(andel ”Ja”)" or "(median)"."""
        text = q.text.text(self._language)
        if q.kind == "numeric":
            return text + "\n(" + self.tr("median") + ")"
        if q.option_label is not None:
            return text + "\n(" + self.tr("share “%1”").replace("%1", q.option_label.text(self._language)) + ")"
        return text

    def _point(self, q: QuestionTrend, point: TrendPoint) -> str:
        text = minus(point_text(q.kind == "numeric", point.gap, point.low, point.high, self._language))
        return text.replace(" (", "\n(", 1)

    def _round_cell(self, index: int) -> Callable[[QuestionTrend], str]:
        return lambda q: self._point(q, q.points[index])

    def _round_tip(self, index: int) -> Callable[[QuestionTrend], str]:
        return lambda q: self._point_tip(q.points[index])

    def _point_tip(self, point: TrendPoint) -> str:
        female, male, *_ = group_names(self._subject())
        text = f"{female} n {point.female_n}, {male.lower()} n {point.male_n}"
        if point.gap is None:
            text += ". " + self.tr("Too few answers in this round to give a gap (at least %1 of each sex).").replace(
                "%1", str(Thresholds().min_group_n)
            )
        return text

    def _slope(self, q: QuestionTrend) -> str:
        return minus(slope_text(q, self._language)).replace(" (", "\n(", 1)

    def _p(self, q: QuestionTrend) -> str:
        return "" if q.p_value is None else formatting.p_value(q.p_value, self._language, Thresholds().alpha)

    def _p_adjusted(self, q: QuestionTrend) -> str:
        q_level = Thresholds().fdr_q
        if q.p_value is None:
            return ""
        if q.primary:
            return formatting.p_value(q.p_value, self._language, q_level) + " " + self.tr("(primary question)")
        return formatting.p_value(q.p_adjusted, self._language, q_level)

    def _verdict(self, q: QuestionTrend) -> str:
        return aggregation_text.VERDICT_WORDS[q.verdict or "not_tested"].text(self._language)

    def _subject(self) -> str:
        return self._subject_of

    # -- showing

    def show_result(self, result: RoundTrend | None, ticked: int, subject: str = "adult", sex_of: str = "") -> None:
        """`ticked`: how many rounds are chosen, to say what is missing when there is no trend."""
        self._result = result
        self._subject_of = subject
        self._splitter.setVisible(result is not None)  # nothing to show but what to tick
        if result is None:
            self.title.setText(
                self.tr(
                    "Tick three or more rounds of the same checklist under “Rounds” to follow the gap between the "
                    "sexes over time. %n round(s) ticked now.",
                    "",
                    ticked,
                )
            )
            self.tested.setText(self.tr("The rounds are read from the oldest to the newest."))
            self.model.set_columns([])
            self.model.set_records([])
            self.chart_title.clear()
            self.chart.set_empty("")
            return
        female, male, *_ = group_names(subject)
        rounds = " → ".join(f"{r.name} ({r.period_label})" for r in result.rounds)
        self.title.setText(
            self.tr("%1. The gap is %2 minus %3 in each round, with its 95 % interval.")
            .replace("%1", rounds)
            .replace("%2", female.lower())
            .replace("%3", male.lower())
            + (" " + sex_of + "." if sex_of else "")
        )
        self.tested.setText(
            self.tr(
                "%n trend(s) were tested (a weighted linear regression of the gap over the rounds), with p-values "
                "adjusted for their number (Benjamini–Hochberg, q = %1). “Narrowed” or “widened” is said only when "
                "the trend holds after the adjustment; otherwise “no clear change”.",
                "",
                result.n_tested,
            ).replace("%1", formatting.number(Thresholds().fdr_q, self._language, 3))
        )
        columns: list[Column[QuestionTrend]] = [TipColumn(self.tr("Question"), self._question)]
        for index, info in enumerate(result.rounds):
            columns.append(
                TipColumn(
                    info.name,
                    self._round_cell(index),
                    align_right=True,
                    tooltip=self._round_tip(index),
                    header_tooltip=self.tr("The gap in %1 (%2), with its 95 % interval.")
                    .replace("%1", info.name)
                    .replace("%2", info.period_label),
                )
            )
        columns += [
            TipColumn(
                self.tr("Trend per round (95 % CI)").replace(" (", "\n(", 1),
                self._slope,
                align_right=True,
                header_tooltip=self.tr(
                    "How much the gap changes from one round to the next, in percentage points, with its 95 % "
                    "interval. For numbers the factor the ratio of the medians is multiplied by per round (×1 = "
                    "unchanged)."
                ),
            ),
            TipColumn(
                self.tr("p"),
                self._p,
                align_right=True,
                header_tooltip=self.tr(
                    "The trend's own p-value, before the adjustment for the number of questions: whether the gap "
                    "changes over the rounds."
                ),
            ),
            TipColumn(
                self.tr("adjusted p"),
                self._p_adjusted,
                align_right=True,
                header_tooltip=self.tr(
                    "Tests whether the gap changes over the rounds, adjusted for the number of questions "
                    "(Benjamini–Hochberg). A primary question is tested on its own without adjustment."
                ),
            ),
            Column(self.tr("Assessment"), self._verdict),
        ]
        self.model.set_columns(columns)
        self.model.set_records(result.questions)
        self._fit()
        first = next((row for row, q in enumerate(result.questions) if any(p.gap is not None for p in q.points)), 0)
        if result.questions:
            self.view.selectRow(first)
        self.show_chart(first)

    def _fit(self) -> None:
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, header.ResizeMode.Interactive)
        header.resizeSection(0, 220)
        self.view.verticalHeader().setSectionResizeMode(self.view.verticalHeader().ResizeMode.ResizeToContents)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if rows:
            self.show_chart(min(rows))

    def show_chart(self, row: int) -> None:
        """The gap per round of the question in `row`, with the line of no gap."""
        if self._result is None or not 0 <= row < len(self._result.questions):
            self.chart_title.clear()
            self.chart.set_empty(self.tr("No question was compared."))
            return
        q = self._result.questions[row]
        numeric = q.kind == "numeric"
        self.chart_title.setText(
            self._question(q).replace("\n", " ")
            + " – "
            + (
                self.tr("the ratio of the medians per round; the dashed line is 1 (no gap).")
                if numeric
                else self.tr("the gap in percentage points per round; the dashed line is 0 (no gap).")
            )
        )
        points = tuple(
            TrendPointData(
                info.name,
                p.gap,
                p.low,
                p.high,
                self._point(q, p).replace("\n", " "),
                self._point(q, TrendPoint(p.round_uuid, p.gap, None, None, 0, 0)),
            )
            for info, p in zip(self._result.rounds, q.points, strict=True)
        )
        if all(p.gap is None for p in points):
            self.chart.set_empty(self.tr("Too few answers in every round to give a gap."))
            return
        self.chart.set_data(
            TrendData(points, 1.0 if numeric else 0.0, 2 if numeric else 0, self._language), self.chart_title.text()
        )
