"""One question of the form: its text, its editor, a note and a message, framed while the keyboard is in it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import Question
from reviewer.domain.text import Language
from reviewer.ui.answer_editors import Editor, LineEditor, make_editor
from reviewer.ui.style import ERROR_STYLE

FRAME_WIDTH = 2  # of the frame round the question being answered, in the highlight colour


class QuestionRow(QFrame):
    """One question: its text, its editor, an optional note, and a place for a message about this answer."""

    def __init__(self, question: Question, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("current", False)
        self.question = question
        self.language = language
        text = question.text.text(language) + (" *" if question.required else "")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.editor: Editor = make_editor(question, language, question.text.text(language), self)
        self.label.setBuddy(self.editor.focusProxy() or self.editor)
        self.note_button = QToolButton(self)
        self.note_button.setText(self.tr("Note"))
        self.note_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note_button.setToolTip(self.tr("Add a note to this answer (Ctrl+M)"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Note: %1").replace("%1", question.text.text(language)))
        self.note.hide()
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.note_button.clicked.connect(self.open_note)
        if isinstance(self.editor, LineEditor):
            self.editor.line.inputRejected.connect(self._refused_keystroke)

        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.note_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        self.aid_button: QPushButton | None = None
        if question.text_aid is not None:
            self.aid_button = QPushButton(self.tr("Count words in a text…"), self)
            self.aid_button.setAutoDefault(False)
            self.aid_button.setToolTip(
                self.tr("Paste a passage to count its words and value-laden words; the text is never saved")
            )
            aid_line = QHBoxLayout()
            aid_line.addWidget(self.aid_button)
            aid_line.addStretch()
            layout.addLayout(aid_line)
        anchors = self._anchors_label()
        if anchors is not None:
            layout.addWidget(anchors)
        layout.addWidget(self.note)
        layout.addWidget(self.message)

    def _anchors_label(self) -> QLabel | None:
        """What 1 and 5 mean, under a scale whose checklist says so."""
        anchors = self.question.anchors
        if anchors is None:
            return None
        label = QLabel(
            self.tr("1 = %1 · 5 = %2")
            .replace("%1", anchors.low.text(self.language))
            .replace("%2", anchors.high.text(self.language)),
            self,
        )
        label.setObjectName("anchors")
        label.setWordWrap(True)
        return label

    def _refused_keystroke(self) -> None:
        self.show_message(self.tr("Only a number can be typed here."))

    def set_current(self, current: bool) -> None:
        if self.property("current") != current:
            self.setProperty("current", current)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame is painted, not styled: a style sheet on the form would restyle every widget in it, slowly."""
        super().paintEvent(event)
        if self.property("current"):
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), FRAME_WIDTH))
            half = FRAME_WIDTH / 2
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 4, 4)

    def open_note(self) -> None:
        self.note.show()
        self.note.setFocus()

    def set_note(self, note: str | None) -> None:
        self.note.setText(note or "")
        self.note.setVisible(bool(note))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_read_only(self, read_only: bool) -> None:
        self.editor.set_read_only(read_only)
        self.note.setReadOnly(read_only)
        self.note_button.setEnabled(not read_only)
        if self.aid_button is not None:
            self.aid_button.setEnabled(not read_only)
