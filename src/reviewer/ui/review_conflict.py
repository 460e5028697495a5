"""The review form's panel for a review that changed elsewhere: both versions of each differing answer, side by side,
with "Keep mine" and "Take theirs". The rows are the form's own differing questions (at most a checklist's length),
laid out like the form itself rather than as a data table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import Question
from reviewer.domain.text import Language
from reviewer.services.audit_text import Vocabulary, value_text
from reviewer.services.review_conflicts import AnswerDifference, ReviewConflict, Side, Version
from reviewer.ui.style import ERROR_STYLE


class ConflictPanel(QFrame):
    chosen = Signal(object)  # dict[str, Side]: the user's choice for one or every differing answer

    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ConflictPanel { border: 2px solid #b35c00; }")
        self.heading = QLabel(self.tr("This review was changed elsewhere"), self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 110%;")
        self.explanation = QLabel(
            self.tr(
                "Your version and the stored one differ in the answers below. Choose for each which one stands; "
                "your own changes stay here until you choose."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        # Many differing answers scroll inside the panel, so the form below stays in sight.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setMaximumHeight(280)
        self.rows = QWidget(scroller.viewport())
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.keep_all = QPushButton(self.tr("Keep all mine"), self)
        self.take_all = QPushButton(self.tr("Take all theirs"), self)
        self.keep_all.clicked.connect(lambda: self._choose_all(Side.MINE))
        self.take_all.clicked.connect(lambda: self._choose_all(Side.THEIRS))
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self._conflict: ReviewConflict | None = None

        footer = QHBoxLayout()
        footer.addStretch()
        footer.addWidget(self.keep_all)
        footer.addWidget(self.take_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        scroller.setWidget(self.rows)
        layout.addWidget(scroller)
        layout.addWidget(self.message)
        layout.addLayout(footer)

    def show_conflict(self, conflict: ReviewConflict) -> None:
        self._conflict = conflict
        self.show_message("")
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        for column, text in enumerate((self.tr("Question"), self.tr("Your version"), self.tr("Their version"))):
            header = QLabel(text, self.rows)
            header.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(header, 0, column)
        words = Vocabulary(conflict.current.definition)
        for row, difference in enumerate(conflict.differences, start=1):
            self._add_row(row, difference, words)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(2, 2)
        self.show()

    def _add_row(self, row: int, difference: AnswerDifference, words: Vocabulary) -> None:
        question = difference.question
        mine = self._version_text(question, difference.mine, words)
        if difference.unsaved:
            mine = self.tr("%1 (not saved yet)").replace("%1", mine)
        cells = (question.text.text(self.language), mine, self._version_text(question, difference.theirs, words))
        for column, text in enumerate(cells):
            label = QLabel(text, self.rows)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            self.grid.addWidget(label, row, column)
        keep = QPushButton(self.tr("Keep mine"), self.rows)
        take = QPushButton(self.tr("Take theirs"), self.rows)
        for button in (keep, take):
            button.setAccessibleDescription(question.text.text(self.language))
        keep.clicked.connect(lambda: self.chosen.emit({difference.key: Side.MINE}))
        take.clicked.connect(lambda: self.chosen.emit({difference.key: Side.THEIRS}))
        self.grid.addWidget(keep, row, 3)
        self.grid.addWidget(take, row, 4)
        self.buttons[difference.key] = (keep, take)

    def _version_text(self, question: Question, version: Version, words: Vocabulary) -> str:
        value, note = version
        text = value_text(question, value, words.options.get(question.key, {})).text(self.language)
        return text + ("\n" + self.tr("Note: %1").replace("%1", note) if note else "")

    def _choose_all(self, side: Side) -> None:
        if self._conflict is not None:
            self.chosen.emit({difference.key: side for difference in self._conflict.differences})

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
