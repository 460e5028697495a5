"""The short list first: the differences that are both material and significant, in plain sentences."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.services.aggregation import Aggregate, Finding
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.summary import population_text
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column, RecordTableModel


class FindingsView(QWidget):
    question_activated = Signal(str)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._section_titles: dict[str, str] = {}
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        columns: list[Column[Finding]] = [
            Column(self.tr("Difference"), lambda f: f.message.text(language)),
            Column(self.tr("Section"), lambda f: self._section_titles.get(f.section_key, "")),
        ]
        self.model: RecordTableModel[Finding] = RecordTableModel(columns, self)
        self.view = record_table_view(self.model, self.tr("Flagged differences"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._activated)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.rule)

    def show_result(self, result: Aggregate | None) -> None:
        if result is None:
            self.summary.clear()
            self.rule.clear()
            self.model.set_records([])
            return
        self._section_titles = {s.key: s.title.text(self._language) for s in result.sections}
        self.model.set_records(result.findings)
        intro = population_text(result, self._language)
        if result.findings:
            intro += " " + self.tr("%n difference(s) flagged:", "", len(result.findings))
        else:
            intro += " " + self.tr(
                "No difference between the sexes is both large enough and statistically significant."
            )
        thresholds = result.request.thresholds
        warnings = "".join(" " + w.text(self._language) for w in result.warnings)
        self.summary.setText(intro + warnings)
        self.rule.setText(
            self.tr(
                "A difference is flagged when it is at least {pp} percentage points (for numbers: medians differ by at "
                "least {rel} %) and p < {alpha}. Questions with fewer than {n} answers from women or from men are "
                "marked “too few to say”."
            ).format(
                pp=f"{thresholds.min_difference_pp:g}",
                rel=f"{thresholds.min_relative_difference * 100:g}",
                alpha=formatting.number(thresholds.alpha, self._language, 3),
                n=thresholds.min_group_n,
            )
        )

    def _activated(self, index: QModelIndex) -> None:
        self.question_activated.emit(self.model.record(index.row()).question_key)
