"""The questions of a checklist laid out in sections, shared by the review form and the checklist editor's preview."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from reviewer.checklists.rules import is_visible
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Language
from reviewer.ui.review_form.question_row import QuestionRow


class FormView(QScrollArea):
    """The questions of a checklist as a reviewer sees them, without storing anything.

    The review form stores what is typed; the checklist editor's preview shows the same rows for a definition that
    is not in the database yet.
    """

    answer_edited = Signal(object, object)  # QuestionRow, new value
    note_edited = Signal(object)  # QuestionRow
    text_aid_requested = Signal(object)  # QuestionRow

    def __init__(self, definition: ChecklistDefinition, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.definition = definition
        self.rows: dict[str, QuestionRow] = {}
        self._current: QuestionRow | None = None
        # Made in the viewport, where setWidget puts it: moving 200 filled rows there afterwards costs half the time.
        container = QWidget(self.viewport())
        form_layout = QVBoxLayout(container)
        for section in definition.sections:
            box = QGroupBox(section.title.text(language), container)
            box_layout = QVBoxLayout(box)
            if section.description:
                intro = QLabel(section.description.text(language), box)
                intro.setWordWrap(True)
                box_layout.addWidget(intro)
            for question in section.questions:
                row = QuestionRow(question, language, box)
                self.rows[question.key] = row
                box_layout.addWidget(row)
                row.editor.edited.connect(lambda value, r=row: self.answer_edited.emit(r, value))
                row.note.textEdited.connect(lambda _text, r=row: self.note_edited.emit(r))
                if row.aid_button is not None:
                    row.aid_button.clicked.connect(lambda _checked=False, r=row: self.text_aid_requested.emit(r))
            form_layout.addWidget(box)
        form_layout.addStretch()
        self.setWidget(container)
        self.setWidgetResizable(True)
        # Everything in a row wraps (options, messages, anchors), so the form never scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def apply_visibility(self, answers: Mapping[str, object]) -> None:
        for row in self.rows.values():
            row.setVisible(is_visible(row.question, answers, self.definition))

    def set_current(self, row: QuestionRow | None) -> None:
        """Frames the row the keyboard is in, and only that one."""
        if row is self._current:
            return
        if self._current is not None:
            self._current.set_current(False)
        self._current = row
        if row is not None:
            row.set_current(True)

    def row_of(self, widget: QWidget | None) -> QuestionRow | None:
        """The row a widget belongs to, when it is one of this form's."""
        while widget is not None and not isinstance(widget, QuestionRow):
            widget = widget.parentWidget()
        return widget if widget is not None and self.isAncestorOf(widget) else None
