"""The text aid: the reviewer pastes the passage that describes the person, sees it counted with the round's lexicon
and the hits highlighted, and fills the checklist's measured answers with the numbers.

The passage is discarded at once: the editor keeps no undo stack, nothing it shows is copied to any clipboard by the
program (not even the X11 selection), nothing is logged, and the document is cleared when the dialog is closed or the
answers are filled, not merely hidden. Only the numbers leave this dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.measures import fill_answers, filled_questions
from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.text import Language
from reviewer.domain.wording import GROUP_LABELS, Lexicon, TextCount, WordGroup, count_text

# Light backgrounds that keep black text readable, one per word group; the legend beside the counts uses the same.
GROUP_COLOURS = {
    WordGroup.EMOTION: QColor("#ffd6a5"),
    WordGroup.CHARACTER: QColor("#ffadad"),
    WordGroup.APPEARANCE: QColor("#bde0fe"),
    WordGroup.FAMILY_ROLE: QColor("#caffbf"),
}
RECOUNT_MS = 150  # a long paste is counted once, not at every keystroke of a correction


class PassageEdit(QPlainTextEdit):
    """A plain text editor that never hands its text on: copying, cutting, dragging and selecting give away nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)

    def createMimeDataFromSelection(self) -> QMimeData:
        return QMimeData()


def _number(value: float, language: Language) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace(".", ",") if language == "sv" else text


class TextAidDialog(QDialog):
    """Counts a pasted passage for the measured questions of one text aid; `filled` carries key → number."""

    filled = Signal(dict)

    def __init__(
        self,
        definition: ChecklistDefinition,
        aid: Question,
        lexicon: Lexicon,
        language: Language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._definition = definition
        self._aid = aid
        self._lexicon = lexicon
        self._language = language
        self._count: TextCount | None = None
        self.setWindowTitle(self.tr("Count words in a text"))

        intro = QLabel(
            self.tr(
                "Paste the passage of the investigation that describes the person. It is counted here and discarded "
                "when you close this window or fill in the answers: the text is never saved, only the numbers."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.edit = PassageEdit(self)
        self.edit.setAccessibleName(self.tr("Text to count"))
        self.edit.setPlaceholderText(self.tr("Paste the text here (Ctrl+V)"))
        self.edit.textChanged.connect(self._schedule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOUNT_MS)
        self._timer.timeout.connect(self.recount)

        counts = QFormLayout()
        self.words = QLabel(self)
        self.sentences = QLabel(self)
        self.hits = QLabel(self)
        counts.addRow(self.tr("Words:"), self.words)
        counts.addRow(self.tr("Sentences:"), self.sentences)
        counts.addRow(self.tr("Value-laden words:"), self.hits)
        self.group_counts: dict[WordGroup, QLabel] = {}
        for group in WordGroup:
            name = QLabel(GROUP_LABELS[group].text(language) + ":", self)
            name.setStyleSheet(f"background-color: {GROUP_COLOURS[group].name()}; color: black; padding: 1px 4px;")
            self.group_counts[group] = QLabel(self)
            counts.addRow(name, self.group_counts[group])
        self.lexicon_label = QLabel(self.tr("Lexicon version %1").replace("%1", str(lexicon.version)), self)
        self.lexicon_label.setStyleSheet("color: palette(mid);")
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        side = QVBoxLayout()
        side.addLayout(counts)
        side.addWidget(self.lexicon_label)
        side.addSpacing(8)
        side.addWidget(self.preview)
        side.addStretch()
        body = QHBoxLayout()
        body.addWidget(self.edit, 3)
        body.addLayout(side, 2)

        buttons = QDialogButtonBox(self)
        self.fill_button = QPushButton(self.tr("&Fill in the answers"), self)
        self.fill_button.setToolTip("Ctrl+Return")
        self.fill_button.setAutoDefault(False)
        buttons.addButton(self.fill_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        self.fill_button.clicked.connect(self.fill)
        close.clicked.connect(self.reject)
        fill_shortcut = QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), self)
        fill_shortcut.activated.connect(self.fill)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self.recount()

    def showEvent(self, event: QShowEvent) -> None:
        """Ready for Ctrl+V at once, whatever the buttons' focus order would choose."""
        super().showEvent(event)
        self.edit.setFocus()

    def _schedule(self) -> None:
        self._timer.start()

    def recount(self) -> None:
        self._timer.stop()
        count = count_text(self.edit.toPlainText(), self._lexicon)
        self._count = count
        self.words.setText(str(count.words))
        self.sentences.setText(str(count.sentences))
        rate = count.hits_per_100_words
        self.hits.setText(
            str(len(count.hits))
            if rate is None
            else self.tr("%1 (%2 per 100 words)")
            .replace("%1", str(len(count.hits)))
            .replace("%2", _number(round(rate, 2), self._language))
        )
        for group, number in count.hits_by_group.items():
            self.group_counts[group].setText(str(number))
        self._highlight(count)
        self._show_preview(count)
        self.fill_button.setEnabled(count.words > 0)

    def _highlight(self, count: TextCount) -> None:
        """Extra selections, not a change of the document's formats: the text itself stays plain."""
        selections = []
        document = self.edit.document()
        for hit in count.hits:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(hit.start)
            cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            char_format = QTextCharFormat()
            char_format.setBackground(GROUP_COLOURS[hit.group])
            char_format.setForeground(QColor("black"))
            selection.format = char_format
            selections.append(selection)
        self.edit.setExtraSelections(selections)

    def _show_preview(self, count: TextCount) -> None:
        values = fill_answers(self._definition, self._aid, count)
        lines = [
            f"{question.text.text(self._language)}: "
            f"<b>{_number(v, self._language) if (v := values.get(question.key)) is not None else '–'}</b>"
            for question in filled_questions(self._definition, self._aid)
        ]
        self.preview.setText(self.tr("Fills in:") + "<br>" + "<br>".join(lines))

    def fill(self) -> None:
        if self._timer.isActive():
            self.recount()
        count = self._count
        if count is None or count.words == 0:
            return
        values = fill_answers(self._definition, self._aid, count)
        self.discard()
        self.filled.emit(values)
        self.accept()

    def discard(self) -> None:
        """The passage gone from the document, the highlights and the counts (the counts name no words, but a
        dialog that was closed shows nothing of what was in it)."""
        self._timer.stop()
        self.edit.setExtraSelections([])
        self.edit.document().clear()
        self._count = None

    def done(self, result: int) -> None:
        self.discard()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.discard()
        super().closeEvent(event)
