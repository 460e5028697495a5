"""The properties of the item selected in the tree: the checklist, a section or a question.

Each page reads its item from the document after every change and writes each edit back as one undo step; typing in
one field merges into one step. A problem the validator reports is shown in red under the field it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import CHOICE_TYPES, NUMBER_TYPES, Area, QuestionType
from reviewer.ui.checklist_editor.document import ChecklistDocument, ItemRef, Path, item_path, localized
from reviewer.ui.checklist_editor.names import question_type_names, subject_names
from reviewer.ui.checklist_editor.options_editor import OptionsEditor
from reviewer.ui.checklist_editor.show_if_editor import ShowIfEditor
from reviewer.ui.labels import area_label
from reviewer.ui.style import ERROR_STYLE

TextInput = QLineEdit | QPlainTextEdit


class UndoToDocument(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in a text field to the document's undo stack instead of the field's own history."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
            event.ignore()
            return True
        return False


def _text_of(widget: TextInput) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def _set_text(widget: TextInput, text: str) -> None:
    """Only when it differs, so the cursor of the field being typed in stays where it is."""
    if _text_of(widget) == text:
        return
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)


def _number(text: str) -> Any:
    """What a min/max field holds: nothing, a number, or the text as typed (which the validator then refuses)."""
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in cleaned else number


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace(".", ",") if isinstance(value, float) else str(value)


class PropertyPage(QWidget):
    """A form over one item; subclasses add their fields in `__init__` and read them in `load`."""

    main_field = "title"  # the text a new item is named by

    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.ref: ItemRef = ()
        self._loading = False
        self._messages: dict[str, QLabel] = {}
        self._localized: dict[str, tuple[TextInput, TextInput, bool]] = {}
        self._undo_filter = UndoToDocument(self)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 110%;")
        self.general = self._message_label()
        # The fields keep their natural height; what is left of the page stays empty below them.
        fields = QWidget(self)
        fields.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.form = QFormLayout(fields)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.general)
        layout.addWidget(fields)
        layout.addStretch(1)

    def path(self, *parts: str | int) -> Path:
        return (*item_path(self.ref), *parts)

    def bind(self, ref: ItemRef) -> None:
        self.ref = ref
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False

    def load(self) -> None:
        for field, (sv, en, _optional) in self._localized.items():
            value = self.document.get(self.path(field))
            value = value if isinstance(value, dict) else {}
            _set_text(sv, str(value.get("sv", "")))
            _set_text(en, str(value.get("en", "")))

    def main_text(self) -> TextInput:
        """The Swedish field of the item's name."""
        return self._localized[self.main_field][0]

    def show_issues(self, by_field: dict[str, list[str]]) -> None:
        """Each field's problems under it; problems of the item as a whole, or of a hidden field, at the top."""
        shown = {field for field, label in self._messages.items() if self._row_shown(label)}
        for field, label in self._messages.items():
            texts = by_field.get(field, []) if field in shown else []
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        rest = [text for field, texts in by_field.items() if field not in shown for text in texts]
        self.general.setText("\n".join(rest))
        self.general.setVisible(bool(rest))

    def _row_shown(self, label: QLabel) -> bool:
        box = label.parentWidget()
        return box is not None and box.isVisibleTo(self)

    # Building fields

    def _message_label(self) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        """A labelled row; the first row of a field carries the place for its problems. Returns the row's box."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        if field is not None and field not in self._messages:
            message = self._message_label()
            message.setParent(box)
            column.addWidget(message)
            self._messages[field] = message
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        return box

    def line(self, accessible: str) -> QLineEdit:
        widget = QLineEdit(self)
        widget.setAccessibleName(accessible)
        widget.installEventFilter(self._undo_filter)
        return widget

    def multiline(self, accessible: str) -> QPlainTextEdit:
        widget = QPlainTextEdit(self)
        widget.setAccessibleName(accessible)
        widget.setTabChangesFocus(True)
        widget.setFixedHeight(64)
        widget.installEventFilter(self._undo_filter)
        return widget

    def add_localized(self, field: str, labels: tuple[str, str], optional: bool, multiline: bool = False) -> None:
        """A text in Swedish and (optionally) English, stored as one localized value."""
        make = self.multiline if multiline else self.line
        sv, en = make(labels[0].replace("&", "")), make(labels[1].replace("&", ""))
        self._localized[field] = (sv, en, optional)
        self.add_row(labels[0], sv, field)
        self.add_row(labels[1], en)
        for language, widget in (("sv", sv), ("en", en)):
            signal = widget.textEdited if isinstance(widget, QLineEdit) else widget.textChanged
            signal.connect(lambda *_args, f=field, lang=language: self._localized_edited(f, lang))

    def _localized_edited(self, field: str, language: str) -> None:
        if self._loading:
            return
        sv, en, optional = self._localized[field]
        value = localized(_text_of(sv), _text_of(en), optional)
        self.document.set_value(self.path(field), value, merge_key=(self.path(field), language))


class ChecklistPage(PropertyPage):
    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(document, parent)
        self.heading.setText(self.tr("Checklist"))
        self.identity = QLabel(self)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Identifier"), self.identity)
        self.add_localized("title", (self.tr("&Title (Swedish)"), self.tr("Title (English)")), optional=False)
        self.add_localized(
            "description", (self.tr("&Description (Swedish)"), self.tr("Description (English)")), True, True
        )
        self.area = QComboBox(self)
        self.area.setAccessibleName(self.tr("Area"))
        for area in Area:
            self.area.addItem(area_label(area.value), area.value)
        self.add_row(self.tr("&Area"), self.area, "area")
        self.subject = QComboBox(self)
        self.subject.setAccessibleName(self.tr("The cases are about"))
        for value, name in subject_names():
            self.subject.addItem(name, value)
        self.add_row(self.tr("The cases are &about"), self.subject, "subject")
        self.add_localized("subject_label", (self.tr("&Whose sex (Swedish)"), self.tr("Whose sex (English)")), True)
        self._localized["subject_label"][0].setPlaceholderText(
            self.tr("e.g. sökande, vårdnadshavare som ansökt, barnet")
        )
        self.age_bands = OptionsEditor(document, self.tr("Age bands"), self)
        self.add_row(self.tr("Age &bands"), self.age_bands, "age_bands")
        self.area.activated.connect(lambda _i: self._choose("area", self.area, self.tr("Change area")))
        self.subject.activated.connect(lambda _i: self._choose("subject", self.subject, self.tr("Change subject")))

    def load(self) -> None:
        super().load()
        data = self.document.data
        self.identity.setText(
            self.tr("%1, version %2").replace("%1", str(data.get("slug", ""))).replace("%2", str(data.get("version")))
        )
        self.area.setCurrentIndex(self.area.findData(data.get("area")))
        self.subject.setCurrentIndex(self.subject.findData(data.get("subject")))
        if self.age_bands.model.path != ("age_bands",):
            self.age_bands.bind(("age_bands",))

    def _choose(self, field: str, combo: QComboBox, text: str) -> None:
        self.document.set_value((field,), combo.currentData(), text=text)


class SectionPage(PropertyPage):
    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(document, parent)
        self.heading.setText(self.tr("Section"))
        self.key = self.line(self.tr("Section key"))
        self.add_row(self.tr("&Key"), self.key, "key")
        self.add_localized("title", (self.tr("&Title (Swedish)"), self.tr("Title (English)")), optional=False)
        self.add_localized(
            "description", (self.tr("&Description (Swedish)"), self.tr("Description (English)")), True, True
        )
        self.key.textEdited.connect(lambda text: self.document.rename_key(self.ref, text))

    def load(self) -> None:
        super().load()
        _set_text(self.key, str(self.document.get(self.path("key"), "")))


class QuestionPage(PropertyPage):
    main_field = "text"

    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(document, parent)
        self.heading.setText(self.tr("Question"))
        self.key = self.line(self.tr("Question key"))
        self.key.setToolTip(
            self.tr(
                "The question's stable name in statistics and exports: lowercase letters a–z, digits and _. "
                "Keep it when you only reword the question."
            )
        )
        self.add_row(self.tr("&Key"), self.key, "key")
        self.add_localized("text", (self.tr("&Question (Swedish)"), self.tr("Question (English)")), optional=False)
        self.add_localized("help", (self.tr("&Guidance (Swedish)"), self.tr("Guidance (English)")), True, True)
        self.type = QComboBox(self)
        self.type.setAccessibleName(self.tr("Answer type"))
        for value, name in question_type_names():
            self.type.addItem(name, value)
        self.add_row(self.tr("Answer &type"), self.type, "type")
        self.options = OptionsEditor(document, self.tr("Options"), self)
        self.options_row = self.add_row(self.tr("&Options"), self.options, "options")
        self.minimum = self.line(self.tr("Smallest allowed number"))
        self.maximum = self.line(self.tr("Largest allowed number"))
        self.minimum_row = self.add_row(self.tr("S&mallest"), self.minimum, "min")
        self.maximum_row = self.add_row(self.tr("La&rgest"), self.maximum, "max")
        self._add_anchor_fields()
        self.required = QCheckBox(self.tr("&Required answer"), self)
        self.required.setToolTip(self.tr("A review cannot be marked complete without an answer to this question"))
        self.compare = QCheckBox(self.tr("Compare &women and men"), self)
        self.compare.setToolTip(self.tr("The summary compares the answers of women and men to this question"))
        self.add_row("", self.required, "required")
        self.add_row("", self.compare, "compare_by_sex")
        self.show_if = ShowIfEditor(document, self)
        self.add_row(self.tr("&Show only when"), self.show_if, "show_if")

        self.key.textEdited.connect(lambda text: self.document.rename_key(self.ref, text))
        self.type.activated.connect(lambda _i: self.document.set_type(self.ref, self.type.currentData()))
        self.required.clicked.connect(lambda on: self._set("required", on, self.tr("Change required")))
        self.compare.clicked.connect(lambda on: self._set("compare_by_sex", on, self.tr("Change comparison")))
        self.minimum.textEdited.connect(lambda text: self._set("min", _number(text), self.tr("Change smallest"), True))
        self.maximum.textEdited.connect(lambda text: self._set("max", _number(text), self.tr("Change largest"), True))

    def _add_anchor_fields(self) -> None:
        """What 1 and 5 of a scale mean, in Swedish and English: four fields, stored together as `anchors`."""
        labels = {
            "low": (self.tr("Scale 1 means (Swedish)"), self.tr("Scale 1 means (English)")),
            "high": (self.tr("Scale 5 means (Swedish)"), self.tr("Scale 5 means (English)")),
        }
        self.anchor_fields: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        self.anchor_rows: list[QWidget] = []
        for end, (sv_label, en_label) in labels.items():
            sv, en = self.line(sv_label), self.line(en_label)
            self.anchor_fields[end] = (sv, en)
            self.anchor_rows += [self.add_row(sv_label, sv, f"anchors.{end}"), self.add_row(en_label, en)]
            for language, widget in (("sv", sv), ("en", en)):
                widget.textEdited.connect(lambda _text, e=end, lang=language: self._anchors_edited(e, lang))

    def _anchors_edited(self, end: str, language: str) -> None:
        """Typing in one field is one undo step, as in the other texts."""
        if self._loading:
            return
        ends = {name: localized(sv.text(), en.text(), True) for name, (sv, en) in self.anchor_fields.items()}
        value = {name: text for name, text in ends.items() if text is not None} or None
        path = self.path("anchors")
        self.document.set_value(path, value, merge_key=(path, end, language), text=self.tr("Change scale ends"))

    def _load_anchors(self, question: dict[str, Any]) -> None:
        anchors = question.get("anchors")
        anchors = anchors if isinstance(anchors, dict) else {}
        for end, (sv, en) in self.anchor_fields.items():
            text = anchors.get(end)
            text = text if isinstance(text, dict) else {}
            _set_text(sv, str(text.get("sv", "")))
            _set_text(en, str(text.get("en", "")))
        for row in self.anchor_rows:
            self.form.setRowVisible(row, question.get("type") == QuestionType.SCALE.value)

    def _set(self, field: str, value: Any, text: str, typing: bool = False) -> None:
        self.document.set_value(self.path(field), value, merge_key=self.path(field) if typing else None, text=text)

    def load(self) -> None:
        super().load()
        question = self.document.item(self.ref)
        _set_text(self.key, str(question.get("key", "")))
        self.type.setCurrentIndex(self.type.findData(question.get("type")))
        kind = question.get("type")
        if self.options.model.path != self.path("options"):
            self.options.bind(self.path("options"))
        self.form.setRowVisible(self.options_row, kind in CHOICE_TYPES)
        for widget, row, field in ((self.minimum, self.minimum_row, "min"), (self.maximum, self.maximum_row, "max")):
            self.form.setRowVisible(row, kind in NUMBER_TYPES)
            if _number(widget.text()) != question.get(field):
                widget.setText(_number_text(question.get(field)))
        self._load_anchors(question)
        self.required.setChecked(bool(question.get("required")))
        self.compare.setChecked(bool(question.get("compare_by_sex")))
        self.show_if.bind(self.ref)


class PropertyPanel(QScrollArea):
    """The page for the selected item, kept current after every change of the document."""

    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.checklist_page = ChecklistPage(document, self)
        self.section_page = SectionPage(document, self)
        self.question_page = QuestionPage(document, self)
        self.stack = QStackedWidget(self.viewport())
        for page in (self.checklist_page, self.section_page, self.question_page):
            self.stack.addWidget(page)
        self.setWidget(self.stack)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._issues: dict[ItemRef, dict[str, list[str]]] = {}
        document.changed.connect(self.refresh)

    @property
    def page(self) -> PropertyPage:
        page = self.stack.currentWidget()
        assert isinstance(page, PropertyPage)
        return page

    def bind(self, ref: ItemRef) -> None:
        page = (self.checklist_page, self.section_page, self.question_page)[len(ref)]
        self.stack.setCurrentWidget(page)
        page.bind(ref)
        page.show_issues(self._issues.get(ref, {}))

    def refresh(self) -> None:
        if self.document.exists(self.page.ref):
            self.page.refresh()
        # else the item is gone; the editor binds the tree's next current item

    def show_issues(self, issues: dict[ItemRef, dict[str, list[str]]]) -> None:
        self._issues = issues
        self.page.show_issues(issues.get(self.page.ref, {}))
