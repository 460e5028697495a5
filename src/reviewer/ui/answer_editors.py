"""One input widget per question type, all with the same small interface: value(), set_value(), edited signal.

Editors only collect input; checking and storing the answer is the review service's job, so the same rules apply to
the form, the spreadsheet import and the CLI.
"""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.schema import CHOICE_TYPES, NUMBER_TYPES, Question, QuestionType, implicit_options
from reviewer.domain.text import Language
from reviewer.ui.flow_layout import FlowLayout

RADIO_LIMIT = 6

# Keys that answer a yes/no question directly: Swedish and English initials both work.
ANSWER_KEYS = {
    Qt.Key.Key_J: "ja",
    Qt.Key.Key_Y: "ja",
    Qt.Key.Key_N: "nej",
    Qt.Key.Key_E: "ej_aktuellt",
    Qt.Key.Key_A: "ej_aktuellt",
}


def digit_index(event: QKeyEvent) -> int | None:
    """0 for the key 1, 1 for 2 … (keypad too), None for any other key or with a modifier held."""
    key = Qt.Key(event.key())
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers != Qt.KeyboardModifier.NoModifier or not Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
        return None
    return int(key - Qt.Key.Key_1)


def is_clear_key(event: QKeyEvent) -> bool:
    return event.key() in {Qt.Key.Key_Delete, Qt.Key.Key_Backspace} and not event.modifiers()


class AnswerEditor(QWidget):
    """Base of the editors: `edited` carries the new value whenever the user changes the answer.

    Each subclass adds `value()` and `set_value()`; `Editor` names the union for type checking.
    """

    edited = Signal(object)

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


def option_labels(question: Question, language: Language) -> list[tuple[str | int, str]]:
    if question.type is QuestionType.YES_NO:
        return [
            ("ja", QCoreApplication.translate("AnswerEditors", "Yes")),
            ("nej", QCoreApplication.translate("AnswerEditors", "No")),
        ]
    if question.type is QuestionType.YES_NO_NA:
        return [
            ("ja", QCoreApplication.translate("AnswerEditors", "Yes")),
            ("nej", QCoreApplication.translate("AnswerEditors", "No")),
            ("ej_aktuellt", QCoreApplication.translate("AnswerEditors", "Not applicable")),
        ]
    if question.type is QuestionType.SCALE:
        return [(v, str(v)) for v in implicit_options(question)]
    return [(o.value, o.label.text(language)) for o in question.options or []]


class RadioEditor(AnswerEditor):
    """Yes/no, yes/no/n.a., scales and short single-choice lists: one key press or arrow key per answer."""

    def __init__(self, question: Question, language: Language, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._group = QButtonGroup(self)
        self._values: list[str | int] = []
        layout = FlowLayout(self)
        for index, (value, label) in enumerate(option_labels(question, language)):
            button = QRadioButton(label, self)
            button.setAccessibleName(f"{accessible}: {label}")
            self._group.addButton(button, index)
            self._values.append(value)
            layout.addWidget(button)
        self._group.idClicked.connect(lambda _id: self.edited.emit(self.value()))
        self.setFocusProxy(self._group.buttons()[0])

    def buttons(self) -> list[QRadioButton]:
        return [b for b in self._group.buttons() if isinstance(b, QRadioButton)]

    def value(self) -> AnswerValue:
        checked = self._group.checkedId()
        return None if checked < 0 else self._values[checked]

    def set_value(self, value: AnswerValue) -> None:
        self._group.setExclusive(False)
        for index, button in enumerate(self._group.buttons()):
            button.setChecked(self._values[index] == value)
        self._group.setExclusive(True)

    def choose(self, value: str | int | None) -> None:
        """Set from the keyboard and report it, as a click would."""
        if value is not None and value not in self._values:
            return
        self.set_value(value)
        if value is not None:
            self._group.button(self._values.index(value)).setFocus()
        self.edited.emit(self.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if self.question.type in {QuestionType.YES_NO, QuestionType.YES_NO_NA} and key in ANSWER_KEYS:
            self.choose(ANSWER_KEYS[key])
            return True
        index = digit_index(event)
        if index is not None and index < len(self._values):
            self.choose(self._values[index])
            return True
        if is_clear_key(event):
            self.choose(None)
            return True
        return False


class ComboEditor(AnswerEditor):
    def __init__(self, question: Question, language: Language, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._combo = QComboBox(self)
        self._combo.setAccessibleName(accessible)
        self._combo.addItem("–", None)
        for value, label in option_labels(question, language):
            self._combo.addItem(label, value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._combo)
        layout.addStretch()
        self.setFocusProxy(self._combo)
        self._combo.activated.connect(lambda _index: self.edited.emit(self.value()))

    def value(self) -> AnswerValue:
        data = self._combo.currentData()
        return None if data is None else str(data)

    def set_value(self, value: AnswerValue) -> None:
        index = self._combo.findData(value) if value is not None else 0
        self._combo.setCurrentIndex(max(index, 0))


class CheckEditor(AnswerEditor):
    def __init__(self, question: Question, language: Language, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self._boxes: list[tuple[str, QCheckBox]] = []
        layout = FlowLayout(self)
        for value, label in option_labels(question, language):
            box = QCheckBox(label, self)
            box.setAccessibleName(f"{accessible}: {label}")
            box.toggled.connect(lambda _on: self.edited.emit(self.value()))
            self._boxes.append((str(value), box))
            layout.addWidget(box)
        self.setFocusProxy(self._boxes[0][1])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Digits toggle the n-th option, as they choose one on a single-choice question; Delete clears them all."""
        index = digit_index(event)
        if index is not None and index < len(self._boxes):
            box = self._boxes[index][1]
            box.setFocus()
            box.toggle()
        elif is_clear_key(event) and self.value() is not None:
            self.set_value(None)
            self.edited.emit(None)
        else:
            super().keyPressEvent(event)

    def boxes(self) -> list[QCheckBox]:
        return [box for _, box in self._boxes]

    def value(self) -> AnswerValue:
        return [value for value, box in self._boxes if box.isChecked()] or None

    def set_value(self, value: AnswerValue) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for option, box in self._boxes:
            box.blockSignals(True)
            box.setChecked(option in chosen)
            box.blockSignals(False)


class LineEditor(AnswerEditor):
    """Numbers and dates as typed text: an empty field is no answer; the service decides what is valid."""

    def __init__(self, question: Question, accessible: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.line = QLineEdit(self)
        self.line.setAccessibleName(accessible)
        self.line.setPlaceholderText(placeholder)
        self.line.setMaximumWidth(220)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addStretch()
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(lambda _text: self.edited.emit(self.value()))
        if question.type in NUMBER_TYPES:
            self.line.setValidator(QRegularExpressionValidator(QRegularExpression(number_pattern(question)), self))

    def value(self) -> AnswerValue:
        text = self.line.text().strip()
        return text or None

    def set_value(self, value: AnswerValue) -> None:
        if value is None:
            self.line.clear()
        elif isinstance(value, float) and self.question.type in NUMBER_TYPES:
            self.line.setText(f"{value:g}".replace(".", ","))
        else:
            self.line.setText(str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)


def number_pattern(question: Question) -> str:
    """What a number field lets through as typed: digits, spaces between thousands, one decimal comma (a whole-number
    question too, so that "12,5" is refused by name rather than read as 125), and a minus sign where a negative
    answer is allowed. Letters never get in; the service still checks the whole answer."""
    negative = question.min < 0 if question.min is not None else question.type is QuestionType.DECIMAL
    sign = "-?" if negative else ""
    return f"^ *{sign}([0-9][0-9 \u00a0]*([.,][0-9]*)?)?$"


class TextEditor(AnswerEditor):
    def __init__(self, question: Question, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(accessible)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(70)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        self.setFocusProxy(self.text)
        self._loading = False
        self.text.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def value(self) -> AnswerValue:
        return self.text.toPlainText() or None

    def set_value(self, value: AnswerValue) -> None:
        self._loading = True
        self.text.setPlainText("" if value is None else str(value))
        self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        self.text.setReadOnly(read_only)


Editor: TypeAlias = "RadioEditor | ComboEditor | CheckEditor | LineEditor | TextEditor"


def make_editor(question: Question, language: Language, accessible: str, parent: QWidget | None = None) -> Editor:
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return CheckEditor(question, language, accessible, parent)
    if kind in CHOICE_TYPES and len(question.options or []) > RADIO_LIMIT:
        return ComboEditor(question, language, accessible, parent)
    if kind in {QuestionType.YES_NO, QuestionType.YES_NO_NA, QuestionType.SINGLE_CHOICE, QuestionType.SCALE}:
        return RadioEditor(question, language, accessible, parent)
    if kind is QuestionType.TEXT:
        return TextEditor(question, accessible, parent)
    if kind is QuestionType.DATE:
        return LineEditor(question, accessible, QCoreApplication.translate("AnswerEditors", "YYYY-MM-DD"), parent)
    placeholders = {
        QuestionType.MONEY: QCoreApplication.translate("AnswerEditors", "amount in SEK"),
        QuestionType.DAYS: QCoreApplication.translate("AnswerEditors", "number of days"),
    }
    return LineEditor(
        question, accessible, placeholders.get(kind, QCoreApplication.translate("AnswerEditors", "number")), parent
    )
