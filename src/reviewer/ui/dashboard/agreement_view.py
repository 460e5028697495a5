"""Agreement between reviewers: for the cases two or more reviewers reviewed, per question how often they answered
alike, kappa and alpha with their intervals, and Landis and Koch's reading; the same cells as `reviewer agreement`
and the PDF report (`services.agreement.text`). The most disputed questions can be found by sorting on a column."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reviewer.domain.agreement import Estimate
from reviewer.domain.text import Language
from reviewer.services.agreement import AgreementResult, QuestionAgreement
from reviewer.services.agreement import text as agreement_text
from reviewer.ui.dashboard.summary import fit_question_table
from reviewer.ui.dashboard.table import TipColumn, TipTableModel
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column


def _sort_value(estimate: Estimate | None) -> float:
    return -2.0 if estimate is None or estimate.value is None else estimate.value


class AgreementView(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.convention = QLabel(self)
        self.convention.setWordWrap(True)
        self.model: TipTableModel[QuestionAgreement] = TipTableModel([], self)
        self.view = record_table_view(self.model, self.tr("Agreement between reviewers"), self)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.convention)
        self.show_result(None)

    def _estimate(self, estimate: Estimate | None) -> str:
        return agreement_text.format_estimate(estimate, self._language)

    def _kappa_tip(self, question: QuestionAgreement) -> str:
        a = question.agreement
        if a.kappa is None:
            return self.tr("Numbers are measured by Krippendorff's alpha only.")
        parts = [agreement_text.kappa_label(a.kappa_kind, self._language)]
        if a.kappa.standard_error is not None:
            parts.append(
                self.tr("standard error %1").replace(
                    "%1", agreement_text.format_estimate(Estimate(a.kappa.standard_error), self._language)
                )
            )
        if a.kappa.reason is not None:
            parts.append(a.kappa.reason.message.text(self._language))
        return "; ".join(p for p in parts if p)

    def _alpha_tip(self, question: QuestionAgreement) -> str:
        reason = question.agreement.alpha.reason
        return "" if reason is None else reason.message.text(self._language)

    def _reading_tip(self, question: QuestionAgreement) -> str:
        notes = agreement_text.not_estimable_notes(question.agreement)
        return "\n".join(note.text(self._language) for note in notes)

    def show_result(self, result: AgreementResult | None, error: str = "") -> None:
        if result is None:
            self.summary.setText(error or self.tr("Choose at least one round to see how alike the reviewers answered."))
            self.convention.clear()
            self.model.set_columns([])
            self.model.set_records([])
            return
        self.summary.setText(agreement_text.summary(result, self._language))
        self.convention.setText(agreement_text.CONVENTION.text(self._language) if result.questions else "")
        columns: list[Column[QuestionAgreement]] = [
            Column(self.tr("Question"), lambda q: q.text.text(self._language)),
            TipColumn(
                self.tr("Cases (reviewers)"),
                lambda q: f"{q.agreement.n_cases} ({q.agreement.n_raters})",
                sort_key=lambda q: q.agreement.n_cases,
                align_right=True,
                header_tooltip=self.tr(
                    "The cases two or more reviewers answered the question in, which every figure of the row rests "
                    "on, and how many reviewers took part."
                ),
            ),
            TipColumn(
                self.tr("Alike"),
                lambda q: agreement_text.percent_cell(q.agreement, self._language),
                sort_key=lambda q: -1.0 if q.agreement.percent is None else q.agreement.percent,
                align_right=True,
                tooltip=lambda q: (
                    self.tr("%1 of %2 pairs of answers to the same case")
                    .replace("%1", str(q.agreement.agreeing_pairs))
                    .replace("%2", str(q.agreement.pairs))
                ),
                header_tooltip=self.tr("The share of pairs of answers to the same case that are alike."),
            ),
            TipColumn(
                self.tr("Kappa (95 % CI)"),
                lambda q: self._estimate(q.agreement.kappa),
                sort_key=lambda q: _sort_value(q.agreement.kappa),
                align_right=True,
                tooltip=self._kappa_tip,
                header_tooltip=self.tr(
                    "How much more often than chance the reviewers answered alike: 1 full agreement, 0 no better "
                    "than chance. Cohen's kappa when the same two reviewers read the cases, Fleiss' kappa when more "
                    "did. The interval is from 1000 bootstrap samples of the cases."
                ),
            ),
            TipColumn(
                self.tr("Alpha (95 % CI)"),
                lambda q: self._estimate(q.agreement.alpha),
                sort_key=lambda q: _sort_value(q.agreement.alpha),
                align_right=True,
                tooltip=self._alpha_tip,
                header_tooltip=self.tr(
                    "Krippendorff's alpha: like kappa, but it weighs how far apart answers are on a scale or in "
                    "numbers (days, kronor), and it allows any number of reviewers per case."
                ),
            ),
            TipColumn(
                self.tr("Reading"),
                lambda q: agreement_text.reading_of(q.agreement).text(self._language),
                sort_key=lambda q: _sort_value(q.agreement.headline[1]),
                tooltip=self._reading_tip,
                header_tooltip=self.tr("Landis and Koch's bands: a convention for reading the figures, not a verdict."),
            ),
        ]
        self.model.set_columns(columns)
        self.model.set_records(result.questions)
        fit_question_table(self.view, 300)
