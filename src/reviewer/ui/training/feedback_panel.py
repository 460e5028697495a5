"""The facit for one training case, question by question: the participant's answer, the facit, right or wrong in
words (not colour alone) and the rationale; above it the score per case, per section and overall."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.services.training_feedback import CaseResult, RoundScore
from reviewer.services.training_score_text import (
    OUTCOMES,
    answer_text,
    release_note,
    score_text,
    section_title,
    tally_text,
)
from reviewer.training.score import Outcome
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column, RecordTableModel

MARKS = {Outcome.RIGHT: "✓", Outcome.NEAR: "≈", Outcome.WRONG: "✗", Outcome.NOT_SCORED: "–"}


@dataclass(frozen=True)
class FeedbackRow:
    question: str
    outcome: str
    answer: str
    facit: str
    rationale: str


class FeedbackPanel(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.sections = QLabel(self)
        self.sections.setWordWrap(True)
        columns: list[Column[FeedbackRow]] = [
            Column(self.tr("Question"), lambda r: r.question),
            Column(self.tr("Result"), lambda r: r.outcome),
            Column(self.tr("Your answer"), lambda r: r.answer),
            Column(self.tr("Facit"), lambda r: r.facit),
            Column(self.tr("Rationale"), lambda r: r.rationale),
        ]
        self.model: RecordTableModel[FeedbackRow] = RecordTableModel(columns, self)
        self.view = record_table_view(self.model, self.tr("Feedback per question"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((190, 100, 110, 110)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.sectionResized.connect(lambda *_args: self.view.resizeRowsToContents())  # rationales wrap anew
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Score per case, section and overall"))
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.summary.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # its columns line up
        self.summary.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.next_button = QPushButton(self.tr("&Next case"), self)
        self.next_button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.sections)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def show_case(self, result: RoundScore, case: CaseResult | None) -> None:
        language = self._language
        self.summary.setPlainText(score_text(result, language))
        score = case.score if case is not None else None
        if case is None or score is None:
            note = release_note(result, language) or self.tr(
                "The facit for this case is shown once you mark it as complete (Ctrl+Return)."
            )
            self.heading.setText(note)
            self.sections.clear()
            self.model.set_records([])
            return
        self.heading.setText(
            self.tr("Case %1: %2").replace("%1", case.code).replace("%2", tally_text(score.total, language))
        )
        parts = [
            f"{section_title(result.definition, key, language)} {tally_text(tally, language)}"
            for key, tally in score.sections().items()
            if tally.scored
        ]
        self.sections.setText(self.tr("Per section: %1").replace("%1", " · ".join(parts)))
        rows = []
        for question_score in score.questions:
            if question_score.outcome is Outcome.SKIPPED:
                continue
            question = result.definition.question(question_score.key)
            assert question is not None
            outcome = f"{MARKS[question_score.outcome]} {OUTCOMES[question_score.outcome].text(language)}"
            rationale = question_score.rationale
            rows.append(
                FeedbackRow(
                    question.text.text(language),
                    outcome,
                    answer_text(question, question_score.answer, language),
                    answer_text(question, question_score.facit, language),
                    rationale.text(language) if rationale is not None else "",
                )
            )
        self.model.set_records(rows)
        self.view.resizeRowsToContents()
