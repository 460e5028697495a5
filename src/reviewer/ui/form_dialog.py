"""The shape of every small form dialog: fields, a place to say why input was refused, OK and Cancel.

What a keyboard user can rely on in each of them: the dialog opens with the cursor in its first field and OK and
Cancel come last in the Tab order (so Space in a field types a space and never presses OK); Return submits only a
complete form (otherwise it names what is missing and puts the cursor there); a message about refused input goes away
as soon as the input is fixed. Work too long for the UI thread is started by `commit` (returning `PENDING`) and ended
with `finish`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.style import ERROR_STYLE


class Pending:
    """What `commit` returns when it started work off the UI thread; the work's end calls `finish`."""


PENDING = Pending()


class FormDialog(QDialog):
    """Subclasses add their fields with `add_row`, say in `problem` what is wrong with the input (if they can tell
    without saving) and do the work in `commit`, which returns the reason for a refusal or None."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)
        self._fields: list[QWidget] = []
        self._required: list[QWidget] = []
        self._refused_values: tuple[object, ...] | None = None
        self._arranged = False

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_row(self, label: str, field: QWidget, required: bool = False) -> None:
        """A labelled field; a required one must have a value (text, or a choice made) before OK does anything."""
        self.form.addRow(label, field)
        self.watch(field)
        if required:
            self._required.append(field)

    def watch(self, field: QWidget) -> None:
        """Check the input again whenever this field changes, so that a message goes as soon as it is fixed."""
        self._fields.append(field)
        if isinstance(field, QLineEdit):
            field.textChanged.connect(self._recheck)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(self._recheck)
            if field.isEditable():
                field.editTextChanged.connect(self._recheck)
        elif isinstance(field, QSpinBox):
            field.valueChanged.connect(self._recheck)
        elif isinstance(field, QAbstractButton):
            field.toggled.connect(self._recheck)

    def problem(self) -> str | None:
        """What is wrong with the input as it stands, when that can be told without saving it."""
        return None

    def commit(self) -> str | Pending | None:
        """Do the work; the reason it was refused, None when it is done, or PENDING when it runs on a worker."""
        return None

    def finish(self, problem: str | None) -> None:
        """End a commit that ran on a worker: close the dialog, or keep it open and say why the work was refused."""
        if problem is None:
            super().accept()
            return
        self._refused_values = self._values()
        self.refuse(problem)

    def refuse(self, text: str) -> None:
        """Keep the dialog open and say why; the dialog grows to show the whole message."""
        self.message.setText(text)
        self.message.show()
        self.adjustSize()

    def missing(self) -> list[QWidget]:
        """The required fields still without a value (a field that is switched off is not asked for)."""
        return [f for f in self._required if f.isEnabled() and not _has_value(f)]

    def accept(self) -> None:
        missing = self.missing()
        if missing:
            self.refuse(self._missing_text(missing))
            missing[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        problem = self.problem()
        if problem is None:
            outcome = self.commit()
            if isinstance(outcome, Pending):
                return
            problem = outcome
            self._refused_values = self._values() if problem is not None else None
        if problem is not None:
            self.refuse(problem)
            return
        super().accept()

    def _missing_text(self, missing: list[QWidget]) -> str:
        names = ", ".join(self._label_of(f) for f in missing)
        return self.tr("Fill in: %1.").replace("%1", names)

    def _label_of(self, field: QWidget) -> str:
        label = self.form.labelForField(field)
        text = label.text() if isinstance(label, QLabel) else field.accessibleName()
        return text.replace("&", "").rstrip(":")

    def _values(self) -> tuple[object, ...]:
        return tuple(_value_of(f) for f in self._fields)

    def _recheck(self) -> None:
        """While a message shows, say what is still wrong, or nothing once all is well."""
        if self.message.isHidden():
            return
        missing = self.missing()
        if missing:
            self.message.setText(self._missing_text(missing))
            return
        problem = self.problem()
        if problem is None and self._refused_values is not None and self._values() == self._refused_values:
            return  # refused on saving, and nothing has changed since
        if problem is None:
            self.message.clear()
            self.message.hide()
            self._refused_values = None
        else:
            self.message.setText(problem)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._arranged:
            self._arranged = True
            self._buttons_last()
            first = self._first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)
        super().showEvent(event)

    def _focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self and widget not in chain:
            chain.append(widget)
            widget = widget.nextInFocusChain()
        return chain

    def _buttons_last(self) -> None:
        """OK and Cancel after every field in the Tab order, whenever a subclass made its fields."""
        chain = self._focus_chain()
        buttons = [w for w in chain if isinstance(w, QAbstractButton) and self.buttons.isAncestorOf(w)]
        fields = [w for w in chain if self._takes_tab(w) and not self.buttons.isAncestorOf(w)]
        previous = fields[-1] if fields else None
        for button in buttons:
            if previous is not None:
                QWidget.setTabOrder(previous, button)
            previous = button

    def _takes_tab(self, widget: QWidget) -> bool:
        return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisibleTo(self)

    def _first_field(self) -> QWidget | None:
        for widget in self._focus_chain():
            if self._takes_tab(widget) and not self.buttons.isAncestorOf(widget) and widget.isEnabled():
                return widget
        return None


def _has_value(field: QWidget) -> bool:
    if isinstance(field, QLineEdit):
        return bool(field.text().strip())
    if isinstance(field, QComboBox):
        return bool(field.currentText().strip()) if field.isEditable() else field.currentIndex() >= 0
    return True


def _value_of(field: QWidget) -> object:
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QComboBox):
        return (field.currentIndex(), field.currentText())
    if isinstance(field, QAbstractSpinBox):
        return field.text()
    if isinstance(field, QAbstractButton):
        return field.isChecked()
    return None
