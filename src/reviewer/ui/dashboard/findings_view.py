"""The short list first: the differences that are both material and significant after the adjustment for the number
of questions compared, in plain sentences, with what that number means beside them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.services.aggregation import MIN_PERCENT_BASE, Aggregate, Finding
from reviewer.services.aggregation import text as aggregation_text
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.summary import p_header_text, population_text
from reviewer.ui.dashboard.table import TipColumn, TipTableModel
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column


class FindingsView(QWidget):
    question_activated = Signal(str)

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._section_titles: dict[str, str] = {}
        self._result: Aggregate | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tested = QLabel(self)
        self.tested.setWordWrap(True)
        columns: list[Column[Finding]] = [
            Column(self.tr("Difference"), lambda f: f.message.text(language)),
            TipColumn(
                self.tr("p"),
                self._p,
                align_right=True,
                tooltip=self._p_tip,
                header_tooltip=p_header_text(),
            ),
            TipColumn(
                self.tr("adjusted p"),
                self._p_adjusted,
                align_right=True,
                tooltip=self._p_tip,
                header_tooltip=self.tr(
                    "The p-value adjusted for the number of questions compared (Benjamini–Hochberg). A primary "
                    "question, decided before the round, is tested on its own without adjustment."
                ),
            ),
            Column(self.tr("Section"), lambda f: self._section_titles.get(f.section_key, "")),
        ]
        self.model: TipTableModel[Finding] = TipTableModel(columns, self)
        self.view = record_table_view(self.model, self.tr("Flagged differences"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._activated)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tested)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.rule)

    def _p(self, finding: Finding) -> str:
        test = finding.comparison.test
        if test is None or self._result is None:
            return ""
        return formatting.p_value(test.p_value, self._language, self._result.request.thresholds.alpha)

    def _p_adjusted(self, finding: Finding) -> str:
        if self._result is None:
            return ""
        if finding.comparison.primary:
            return self.tr("primary question")
        return formatting.p_value(finding.comparison.p_adjusted, self._language, self._result.request.thresholds.fdr_q)

    def _p_tip(self, finding: Finding) -> str:
        return aggregation_text.p_text(finding.comparison, self._language)

    def show_result(self, result: Aggregate | None) -> None:
        self._result = result
        if result is None:
            self.summary.clear()
            self.tested.clear()
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
                "No difference between the sexes is both large enough and clear enough once the number of "
                "comparisons is allowed for."
            )
        thresholds = result.request.thresholds
        warnings = "".join(" " + w.text(self._language) for w in result.warnings)
        self.summary.setText(intro + warnings)
        tested = aggregation_text.comparisons_summary(
            result.n_tested, result.n_tested_primary, thresholds.fdr_q, thresholds.alpha, self._language
        )
        if result.n_tested_strata:
            tested += " " + self.tr(
                "The %n row(s) of the second breakdown are adjusted together on their own.", "", result.n_tested_strata
            )
        self.tested.setText(tested)
        self.rule.setText(
            self.tr(
                "A difference is flagged when it is at least {pp} percentage points (for numbers: one median at least "
                "{rel} % above the other, whichever is higher) and its adjusted p < {q}; a primary question's own "
                "p < {alpha}. Questions with fewer than {n} answers from women or from men are marked “too few to "
                "say”; no percentage is given on fewer than {base} answers."
            ).format(
                pp=formatting.number(thresholds.min_difference_pp, self._language),
                rel=formatting.number(thresholds.min_relative_difference * 100, self._language),
                q=formatting.number(thresholds.fdr_q, self._language, 3),
                alpha=formatting.number(thresholds.alpha, self._language, 3),
                n=thresholds.min_group_n,
                base=MIN_PERCENT_BASE,
            )
        )

    def _activated(self, index: QModelIndex) -> None:
        self.question_activated.emit(self.model.record(index.row()).question_key)
