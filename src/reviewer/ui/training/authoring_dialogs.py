"""The form dialogs of making a pack in the program: a new training round, a case with its case text, and the
export of a round as a pack file. The services check; each dialog shows their message inline and stays open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Language, ReviewerError
from reviewer.services.cases import CaseInput, CaseRow
from reviewer.services.checklists import ChecklistSummary
from reviewer.services.training_authoring import AuthoringCase
from reviewer.storage.models import ChecklistStatus
from reviewer.training.schema import FeedbackMode
from reviewer.ui.case_dialog import CaseDialog
from reviewer.ui.form_dialog import FormDialog
from reviewer.ui.labels import area_label

NewRound = Callable[[str, str, int, str, FeedbackMode, str], None]


def _refusal(work: Callable[[], None], language: Language) -> str | None:
    try:
        work()
    except ReviewerError as error:
        return error.text(language)
    return None


class NewTrainingRoundDialog(FormDialog):
    """`submit(name, slug, version, title, feedback, description)` makes the round."""

    def __init__(
        self, checklists: list[ChecklistSummary], language: Language, submit: NewRound, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New training round"), parent)
        self._submit = submit
        self._language = language
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Round name"))
        self.name.setPlaceholderText(self.tr("e.g. Workshop substance abuse, spring"))
        self.checklist = QComboBox(self)
        self.checklist.setAccessibleName(self.tr("Checklist"))
        for c in checklists:
            if c.status is ChecklistStatus.PUBLISHED:
                self.checklist.addItem(f"{c.title} – {area_label(c.area)} (v{c.version})", (c.slug, c.version))
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Pack title"))
        self.title.setPlaceholderText(self.tr("what participants see when they choose the pack"))
        self.description = QLineEdit(self)
        self.description.setAccessibleName(self.tr("Description"))
        self.feedback = QComboBox(self)
        self.feedback.setAccessibleName(self.tr("Facit shown"))
        self.feedback.addItem(self.tr("After each case"), FeedbackMode.AFTER_EACH_CASE.value)
        self.feedback.addItem(self.tr("When all cases are answered"), FeedbackMode.AT_END.value)
        self.add_row(self.tr("&Name"), self.name, required=True)
        self.add_row(self.tr("&Checklist"), self.checklist, required=True)
        self.add_row(self.tr("&Title"), self.title, required=True)
        self.add_row(self.tr("&Description"), self.description)
        self.add_row(self.tr("&Facit shown"), self.feedback)

    def commit(self) -> str | None:
        slug, version = self.checklist.currentData()
        feedback = FeedbackMode(self.feedback.currentData())
        return _refusal(
            lambda: self._submit(self.name.text(), slug, version, self.title.text(), feedback, self.description.text()),
            self._language,
        )


class TrainingCaseDialog(CaseDialog):
    """The case dialog with a case text and no unit: a new case (`submit(case, text)`), or the text of an existing
    one, whose code, sex and age band stay."""

    def __init__(
        self,
        definition: ChecklistDefinition,
        language: Language,
        submit: Callable[[CaseInput, str], None],
        existing: AuthoringCase | None = None,
        parent: QWidget | None = None,
    ) -> None:
        row = None
        if existing is not None:
            row = CaseRow(existing.uuid, existing.code, existing.sex, existing.age_band, None, existing.status)
        super().__init__(definition, language, [], lambda case: submit(case, self.text.toPlainText()), row, parent)
        self.setWindowTitle(self.tr("Edit case text") if existing else self.tr("New case"))
        self.setMinimumWidth(640)
        self.code.setPlaceholderText(self.tr("e.g. KURS-01"))
        self.age_band.removeItem(self.age_band.findData(None))  # a pack's case has an age band
        self.age_band.setCurrentIndex(self.age_band.findData(existing.age_band) if existing else -1)
        self.form.setRowVisible(self.unit, False)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Case text"))
        self.text.setPlaceholderText(
            self.tr("The part of the investigation or decision a reviewer reads; invented, no personnummer.")
        )
        self.text.setTabChangesFocus(True)  # Tab goes on to OK, as in every form; Return starts a new line
        self.text.setMinimumHeight(260)
        self.text.textChanged.connect(self._recheck)
        self.add_row(self.tr("Case &text"), self.text)
        if existing is not None:
            self.text.setPlainText(existing.text)
            for field in (self.code, self.sex, self.age_band):
                field.setEnabled(False)


class ExportPackDialog(FormDialog):
    """`submit(path, slug, version, author)` exports; a refusal (what the pack still lacks) stays in view."""

    def __init__(
        self,
        slug: str,
        author: str,
        language: Language,
        submit: Callable[[Path, str, int, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Export pack"), parent)
        self.setMinimumWidth(560)
        self._submit = submit
        self._language = language
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File"))
        self.choose = QPushButton(self.tr("C&hoose…"), self)
        self.choose.clicked.connect(self.choose_file)
        file_row = QWidget(self)
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        self.slug = QLineEdit(slug, self)
        self.slug.setAccessibleName(self.tr("Pack identifier"))
        self.version = QSpinBox(self)
        self.version.setAccessibleName(self.tr("Version"))
        self.version.setRange(1, 9999)
        self.author = QLineEdit(author, self)
        self.author.setAccessibleName(self.tr("Author"))
        self.author.setPlaceholderText(self.tr("who made the pack; a role is enough"))
        self.form.addRow(self.tr("&File"), file_row)
        self.watch(self.path)
        self._required.append(self.path)
        self.add_row(self.tr("&Identifier"), self.slug, required=True)
        self.add_row(self.tr("&Version"), self.version)
        self.add_row(self.tr("&Author"), self.author)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export pack"),
            self.path.text() or f"{self.slug.text()}.yaml",
            self.tr("Training pack (*.yaml *.yml *.json)"),
        )
        if path:
            self.path.setText(path)

    def commit(self) -> str | None:
        return _refusal(
            lambda: self._submit(
                Path(self.path.text()), self.slug.text().strip(), self.version.value(), self.author.text()
            ),
            self._language,
        )
