"""Per section: a table of every question by sex, and a bar chart of the question chosen in it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from reviewer.domain.sex import SexGroup
from reviewer.domain.text import Language
from reviewer.services.aggregation import Aggregate, Comparison, QuestionResult, SectionResult, Stratum
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.bar_chart import Bar, BarChart, ChartData
from reviewer.ui.dashboard.summary import fit_question_table, group_names
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column, RecordTableModel


@dataclass(frozen=True)
class Row:
    """A question, or one stratum of it (age band or unit) when a second breakdown is chosen."""

    question: QuestionResult
    stratum: Stratum | None = None

    @property
    def groups(self):
        return self.stratum.groups if self.stratum else self.question.groups

    @property
    def comparison(self) -> Comparison | None:
        return self.stratum.comparison if self.stratum else self.question.comparison


class SectionsView(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._result: Aggregate | None = None
        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Section"))
        self.section.currentIndexChanged.connect(self._show_section)
        self.model: RecordTableModel[Row] = RecordTableModel([], self)
        self.view = record_table_view(self.model, self.tr("Questions by sex"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.chart_title = QLabel(self)
        self.chart_title.setWordWrap(True)
        self.chart = BarChart(self)

        top = QHBoxLayout()
        label = QLabel(self.tr("S&ection"), self)
        label.setBuddy(self.section)
        top.addWidget(label)
        top.addWidget(self.section, 1)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # -- columns ---------------------------------------------------------------------------------------------

    def _columns(self, result: Aggregate) -> list[Column[Row]]:
        lang = self._language
        female, male, other = group_names(result.subject)

        def question_text(row: Row) -> str:
            if row.stratum is not None:
                return "    " + row.stratum.label.text(lang)
            return row.question.text.text(lang)

        return [
            Column(self.tr("Question"), question_text),
            Column(self.tr("Compared"), lambda r: self._compared_text(r) if r.stratum is None else ""),
            Column(female, lambda r: self._figure(r, SexGroup.FEMALE), align_right=True),
            Column(self.tr("n"), lambda r: self._n(r, SexGroup.FEMALE), align_right=True),
            Column(male, lambda r: self._figure(r, SexGroup.MALE), align_right=True),
            Column(self.tr("n"), lambda r: self._n(r, SexGroup.MALE), align_right=True),
            Column(other + " " + self.tr("(n)"), lambda r: self._n(r, SexGroup.OTHER), align_right=True),
            Column(self.tr("Difference"), self._difference, align_right=True),
            Column(self.tr("p"), lambda r: self._p(r), align_right=True),
            Column(self.tr("Assessment"), self._assessment),
        ]

    def _compared_text(self, row: Row) -> str:
        question, comparison = row.question, row.comparison
        if question.kind == "numeric":
            return self.tr("median")
        if question.kind != "categorical":
            return self.tr("not summarised (free text or date)")
        if comparison is None or comparison.option is None:
            return ""
        label = comparison.option_label.text(self._language) if comparison.option_label else comparison.option
        return self.tr("share “%1”").replace("%1", label)

    def _n(self, row: Row, group: SexGroup) -> str:
        result = row.groups.get(group)
        return str(result.n) if result is not None else "0"

    def _figure(self, row: Row, group: SexGroup) -> str:
        comparison = row.comparison
        result = row.groups.get(group)
        if result is None or result.n == 0:
            return "–"
        if row.question.kind == "numeric":
            median = result.numbers.median if result.numbers else None
            return formatting.amount(median, row.question.type, self._language)
        if row.question.kind != "categorical" or comparison is None or comparison.option is None:
            return ""
        option = next((o for o in result.options if o.value == comparison.option), None)
        return formatting.percent(option.percent if option else 0.0, self._language)

    def _difference(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.state != "ok":
            return ""
        if row.question.kind == "numeric":
            ratio = formatting.number(comparison.median_ratio, self._language, 2)
            return self.tr("ratio %1").replace("%1", ratio)
        return formatting.points(comparison.difference_pp, self._language) + " " + self.tr("pp")

    def _p(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.test is None or comparison.state != "ok":
            return ""
        assert self._result is not None
        return formatting.p_value(comparison.test.p_value, self._language, self._result.request.thresholds.alpha)

    def _assessment(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None:
            return ""
        if comparison.state == "too_small":
            return self.tr("too few to say")
        if comparison.state == "no_variation":
            return self.tr("no variation")
        if comparison.flagged:
            return "⚑ " + self.tr("difference")
        if comparison.material:
            return self.tr("large but uncertain")
        return ""

    # -- showing ---------------------------------------------------------------------------------------------

    def show_result(self, result: Aggregate | None) -> None:
        self._result = result
        current = self.section.currentIndex()
        self.section.blockSignals(True)
        self.section.clear()
        if result is not None:
            for section in result.sections:
                self.section.addItem(section.title.text(self._language))
        self.section.setCurrentIndex(min(max(current, 0), self.section.count() - 1))
        self.section.blockSignals(False)
        self._show_section()

    def current_section(self) -> SectionResult | None:
        if self._result is None or not 0 <= self.section.currentIndex() < len(self._result.sections):
            return None
        return self._result.sections[self.section.currentIndex()]

    def _show_section(self) -> None:
        section = self.current_section()
        if self._result is None or section is None:
            self.model.set_columns([])
            self.model.set_records([])
            self.chart.set_empty(self.tr("No findings to show."))
            self.chart_title.clear()
            return
        rows: list[Row] = []
        for question in section.questions:
            rows.append(Row(question))
            rows.extend(Row(question, stratum) for stratum in question.strata)
        self.model.set_columns(self._columns(self._result))
        self.model.set_records(rows)
        fit_question_table(self.view)
        if rows:
            self.view.selectRow(0)
        else:
            self.chart.set_empty(self.tr("No findings to show."))

    def select_question(self, key: str) -> None:
        if self._result is None:
            return
        for index, section in enumerate(self._result.sections):
            if any(q.key == key for q in section.questions):
                self.section.setCurrentIndex(index)
                break
        for row, record in enumerate(self.model.records()):
            if record.stratum is None and record.question.key == key:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                self.view.setFocus()
                return

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self._result is None:
            return
        self.show_chart(self.model.record(indexes[0].row()))

    def show_chart(self, row: Row) -> None:
        assert self._result is not None
        lang = self._language
        names = group_names(self._result.subject)
        groups = [g for g in (SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER) if g in row.groups and row.groups[g].n]
        if not groups:
            self.chart.set_empty(self.tr("No answers."))
            self.chart_title.setText(row.question.text.text(lang))
            return
        series = tuple(f"{names[g_index(g)]} (n = {row.groups[g].n})" for g in groups)
        title = row.question.text.text(lang) + (f" – {row.stratum.label.text(lang)}" if row.stratum else "")
        if row.question.kind == "categorical":
            options = _options(row)
            categories = tuple(o.label.text(lang) or o.value for o in options)
            bars = tuple(tuple(_option_bar(row, g, o.value, lang) for g in groups) for o in options)
            self.chart.set_data(ChartData(series, categories, bars, 100.0), title)
            self.chart_title.setText(title + " " + self.tr("(share of answers)"))
        elif row.question.kind == "numeric":
            summaries = [row.groups[g].numbers for g in groups]
            measures = (("median", self.tr("Median")), ("mean", self.tr("Mean")), ("q3", self.tr("Upper quartile")))
            values = [[getattr(s, attr) if s else None for s in summaries] for attr, _label in measures]
            top = max((v for line in values for v in line if v is not None), default=0.0) or 1.0
            kind = row.question.type
            bars = tuple(tuple(Bar(v, formatting.amount(v, kind, lang)) for v in line) for line in values)
            self.chart.set_data(ChartData(series, tuple(label for _attr, label in measures), bars, top), title)
            self.chart_title.setText(title)
        else:
            self.chart.set_empty(self.tr("Free text and dates are not summarised."))
            self.chart_title.setText(title)
        self.chart.updateGeometry()


def g_index(group: SexGroup) -> int:
    return {SexGroup.FEMALE: 0, SexGroup.MALE: 1, SexGroup.OTHER: 2}[group]


def _options(row: Row):
    for group in (SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER):
        result = row.groups.get(group)
        if result is not None and result.options:
            return result.options
    return []


def _option_bar(row: Row, group: SexGroup, value: str, language: Language) -> Bar:
    option = next((o for o in row.groups[group].options if o.value == value), None)
    if option is None or option.percent is None:
        return Bar(None, "–")
    return Bar(option.percent, f"{formatting.percent(option.percent, language)} ({option.count})")
