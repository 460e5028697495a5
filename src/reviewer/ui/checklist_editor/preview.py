"""The review form a reviewer will see, rendered from the definition being edited; nothing is stored.

The preview answers live only here, so `show_if` can be tried out. While the draft cannot be read as a definition
(a field of the wrong kind, a missing text) the last good form stays and the panel says so.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from reviewer.checklists.answers import AnswerValue
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Language
from reviewer.ui.review_form import FormView, QuestionRow


class PreviewPanel(QWidget):
    def __init__(self, language: Language, parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._shape = ""  # the definition on screen, without the texts that can change in place
        self.answers: dict[str, AnswerValue] = {}
        self.form: FormView | None = None
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: palette(mid);")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.state)
        self._layout.addWidget(self.help)
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication)
        qt_app.focusChanged.connect(self._focus_changed)

    def show_definition(self, data: dict[str, Any]) -> bool:
        """Renders `data` when it reads as a definition; returns whether the preview is current."""
        try:
            definition = ChecklistDefinition.model_validate(data)
        except ValidationError:
            self.state.setText(
                self.tr("The preview shows the last version that could be shown. Fix the problems to update it.")
                if self.form is not None
                else self.tr("The preview appears when the problems are fixed.")
            )
            return False
        self.state.setText(self._current_text())
        shape = _shape(definition)
        if shape == self._shape and self.form is not None:
            self._retext(definition)
            return True
        scroll = self.form.verticalScrollBar().value() if self.form is not None else 0
        form = FormView(definition, self._language, self)
        form.answer_edited.connect(self._answered)
        if self.form is not None:
            self._layout.replaceWidget(self.form, form)
            self.form.deleteLater()
        else:
            self._layout.insertWidget(1, form, 1)
        self.form = form
        self._shape = shape
        self.answers = {key: value for key, value in self.answers.items() if key in form.rows}
        for key, value in self.answers.items():
            form.rows[key].editor.set_value(value)
        form.apply_visibility(self.answers)
        form.verticalScrollBar().setValue(scroll)
        return True

    def _retext(self, definition: ChecklistDefinition) -> None:
        """New question texts and guidance in the rows on screen: typing a text need not rebuild the whole form."""
        assert self.form is not None
        self.form.definition = definition
        for question in definition.questions():
            row = self.form.rows[question.key]
            row.question = question
            row.label.setText(question.text.text(self._language) + (" *" if question.required else ""))

    def _current_text(self) -> str:
        return self.tr("Preview of the review form: try it, nothing you answer here is saved.")

    def reveal(self, key: str) -> None:
        """Scrolls to a question, as the editor's selection moves."""
        if self.form is None or key not in self.form.rows or not self.form.rows[key].isVisibleTo(self.form):
            return
        row = self.form.rows[key]
        container = self.form.widget()
        assert container is not None
        top = row.mapTo(container, row.rect().topLeft()).y()
        bar = self.form.verticalScrollBar()
        if not bar.value() <= top <= bar.value() + self.form.viewport().height() - row.height():
            bar.setValue(top - 40)

    def _answered(self, row: QuestionRow, value: AnswerValue) -> None:
        self.answers[row.question.key] = value
        assert self.form is not None
        self.form.apply_visibility(self.answers)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        row = self.form.row_of(new) if self.form is not None else None
        if self.form is not None and new is not None and self.isAncestorOf(new):
            self.form.set_current(row)  # the same frame as in the review form
        if row is not None:
            question = row.question
            self.help.setText(question.help.text(self._language) if question.help else "")


def _shape(definition: ChecklistDefinition) -> str:
    """The canonical definition without question texts and guidance, which `_retext` updates without a rebuild."""
    data = definition.canonical_dict()
    for section in data["sections"]:
        for question in section["questions"]:
            question.pop("text")
            question.pop("help", None)
    return json.dumps(data, sort_keys=True)
