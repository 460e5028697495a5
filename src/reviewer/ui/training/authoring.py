"""Making a pack in the program: the facilitator's training rounds made by hand, their cases with the case texts,
the facit review of each case (in the ordinary review form, which the main window opens on `review_requested`) and
the export of a round as a pack file (docs/training-packs.md, "Making a pack in the program")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.text import Language, ReviewerError
from reviewer.services.cases import CaseInput
from reviewer.services.checklists import get_version, list_checklists
from reviewer.services.training_authoring import (
    AuthoringCase,
    AuthoringRound,
    add_training_case,
    authoring_cases,
    authoring_definition,
    create_authoring_round,
    export_pack,
    list_authoring_rounds,
    remove_training_case,
    set_case_text,
    write_pack,
)
from reviewer.storage.database import Database
from reviewer.training.authoring import slug_from
from reviewer.training.schema import FeedbackMode
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.labels import sex_label
from reviewer.ui.table_model import Column, RecordTableModel
from reviewer.ui.training.authoring_dialogs import ExportPackDialog, NewTrainingRoundDialog, TrainingCaseDialog


class PackAuthoringPage(QWidget):
    """Rounds above, the selected round's cases and the selected case's text below."""

    review_requested = Signal(str, str)  # round uuid, case uuid: the main window opens the review form
    data_changed = Signal()

    def __init__(self, db: Database, language: Language, actor: Callable[[], str], parent: QWidget | None = None):
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self._definition: ChecklistDefinition | None = None
        intro = QLabel(
            self.tr(
                "Make a training pack of your own: create a training round, add fictitious cases with their case "
                "text, and review each case once – your answers are the facit and the note on each answer is its "
                "rationale. Then export the round as a pack file that other installations can import."
            ),
            self,
        )
        intro.setWordWrap(True)
        round_columns: list[Column[AuthoringRound]] = [
            Column(self.tr("Training round"), lambda r: r.name),
            Column(self.tr("Pack title"), lambda r: r.title),
            Column(self.tr("Checklist"), lambda r: r.checklist),
            Column(self.tr("Facit shown"), lambda r: self._feedback_label(r.feedback)),
            Column(self.tr("Cases"), lambda r: str(r.case_count), lambda r: r.case_count, True),
            Column(self.tr("Reviewed"), lambda r: str(r.reviewed_count), lambda r: r.reviewed_count, True),
        ]
        self.rounds_model: RecordTableModel[AuthoringRound] = RecordTableModel(round_columns, self)
        self.rounds_view = record_table_view(self.rounds_model, self.tr("Training rounds made by hand"), self)
        self.rounds_view.setSortingEnabled(False)
        self.rounds_view.selectionModel().selectionChanged.connect(self._round_changed)

        case_columns: list[Column[AuthoringCase]] = [
            Column(self.tr("Case"), lambda c: c.code),
            Column(self.tr("Sex"), lambda c: sex_label(c.sex.value)),
            Column(self.tr("Age band"), self._age_label),
            Column(self.tr("Facit"), lambda c: self._facit_label(c)),
            Column(self.tr("Text"), lambda c: self.tr("%n character(s)", "", len(c.text)), lambda c: len(c.text), True),
        ]
        self.cases_model: RecordTableModel[AuthoringCase] = RecordTableModel(case_columns, self)
        self.cases_view: QTableView = record_table_view(self.cases_model, self.tr("Cases of the training round"), self)
        self.cases_view.setSortingEnabled(False)
        self.cases_view.selectionModel().selectionChanged.connect(self._case_changed)
        self.cases_view.activated.connect(lambda _index: self.review_selected())
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Case text"))
        self.text_view.setPlaceholderText(self.tr("Choose a case to read its text."))

        self.new_round_button = QPushButton(self.tr("New training round…"), self)
        self.new_case_button = QPushButton(self.tr("New case…"), self)
        self.edit_text_button = QPushButton(self.tr("Edit text…"), self)
        self.remove_case_button = QPushButton(self.tr("Remove case"), self)
        self.review_button = QPushButton(self.tr("Review"), self)
        self.export_button = QPushButton(self.tr("Export pack…"), self)
        self.new_round_button.clicked.connect(self.new_round)
        self.new_case_button.clicked.connect(self.new_case)
        self.edit_text_button.clicked.connect(self.edit_text)
        self.remove_case_button.clicked.connect(self.remove_case)
        self.review_button.clicked.connect(self.review_selected)
        self.export_button.clicked.connect(self.export_selected)
        round_actions = QHBoxLayout()
        for button in (self.new_round_button, self.export_button):
            round_actions.addWidget(button)
        round_actions.addStretch()
        case_actions = QHBoxLayout()
        for button in (self.new_case_button, self.edit_text_button, self.remove_case_button, self.review_button):
            case_actions.addWidget(button)
        case_actions.addStretch()

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.cases_view)
        lower.addWidget(self.text_view)
        lower.setSizes([560, 520])
        for view in (self.rounds_view, self.cases_view):
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rounds_view, 1)
        layout.addLayout(round_actions)
        layout.addWidget(lower, 2)
        layout.addLayout(case_actions)
        self.refresh()

    def _feedback_label(self, feedback: FeedbackMode) -> str:
        if feedback is FeedbackMode.AT_END:
            return self.tr("When all cases are answered")
        return self.tr("After each case")

    def _age_label(self, case: AuthoringCase) -> str:
        bands = {b.value: b.label.text(self._language) for b in self._definition.age_bands} if self._definition else {}
        return bands.get(case.age_band or "", case.age_band or "–")

    def _facit_label(self, case: AuthoringCase) -> str:
        return {
            "complete": self.tr("Reviewed"),
            "in_progress": self.tr("Review begun"),
        }.get(case.status.value, self.tr("Not reviewed"))

    def showEvent(self, event: QShowEvent) -> None:
        """Back from the review form, the facit column says what was done there."""
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        current = self.selected_round()
        case = self.selected_case()
        with self._db.session() as session:
            records = list_authoring_rounds(session)
        self.rounds_model.set_records(records)
        uuids = [r.uuid for r in records]
        if current is not None and current.uuid in uuids:
            self.rounds_view.selectRow(uuids.index(current.uuid))
        elif records:
            self.rounds_view.selectRow(0)
        else:
            self._show_cases(None)
        if case is not None:
            self._select_case(case.uuid)
        self._enable()

    def selected_round(self) -> AuthoringRound | None:
        rows = self.rounds_view.selectionModel().selectedRows() if self.rounds_view.selectionModel() else []
        return self.rounds_model.record(rows[0].row()) if rows else None

    def selected_case(self) -> AuthoringCase | None:
        rows = self.cases_view.selectionModel().selectedRows() if self.cases_view.selectionModel() else []
        return self.cases_model.record(rows[0].row()) if rows else None

    def _round_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_cases(self.selected_round())

    def _show_cases(self, record: AuthoringRound | None) -> None:
        if record is None:
            self._definition = None
            self.cases_model.set_records([])
        else:
            with self._db.session() as session:
                self._definition = authoring_definition(session, record.uuid)
                self.cases_model.set_records(authoring_cases(session, record.uuid))
        self.text_view.clear()
        self._enable()

    def _case_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        case = self.selected_case()
        self.text_view.setPlainText(case.text if case is not None else "")
        self._enable()

    def _select_case(self, case_uuid: str) -> None:
        for row, record in enumerate(self.cases_model.records()):
            if record.uuid == case_uuid:
                self.cases_view.selectRow(row)

    def _enable(self) -> None:
        has_round = self.selected_round() is not None
        has_case = self.selected_case() is not None
        self.new_case_button.setEnabled(has_round)
        self.export_button.setEnabled(has_round)
        for button in (self.edit_text_button, self.remove_case_button, self.review_button):
            button.setEnabled(has_case)

    def _after_change(self, select_case: str | None = None) -> None:
        self.refresh()
        if select_case is not None:
            self._select_case(select_case)
        self.data_changed.emit()

    def new_round(self) -> None:
        with self._db.session() as session:
            checklists = list_checklists(session)
        made: list[str] = []

        def submit(name: str, slug: str, version: int, title: str, feedback: FeedbackMode, description: str) -> None:
            with self._db.session() as session:
                checklist = get_version(session, slug, version)
                round_ = create_authoring_round(
                    session, name, checklist, title, feedback, description, actor=self._actor()
                )
                made.append(round_.uuid)

        if NewTrainingRoundDialog(checklists, self._language, submit, self).exec():
            self.refresh()
            uuids = [r.uuid for r in self.rounds_model.records()]
            if made and made[0] in uuids:
                self.rounds_view.selectRow(uuids.index(made[0]))
            self.data_changed.emit()

    def new_case(self) -> None:
        record = self.selected_round()
        if record is None or self._definition is None:
            return
        made: list[str] = []

        def submit(case: CaseInput, text: str) -> None:
            with self._db.session() as session:
                made.append(add_training_case(session, record.uuid, case, text, self._actor()).uuid)

        if TrainingCaseDialog(self._definition, self._language, submit, parent=self).exec():
            self._after_change(made[0] if made else None)

    def edit_text(self) -> None:
        case = self.selected_case()
        if case is None or self._definition is None:
            return

        def submit(_case: CaseInput, text: str) -> None:
            with self._db.session() as session:
                set_case_text(session, case.uuid, text, self._actor())

        if TrainingCaseDialog(self._definition, self._language, submit, existing=case, parent=self).exec():
            self._after_change(case.uuid)

    def remove_case(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove case"),
            self.tr("Remove the case %1 with its text and its facit review?").replace("%1", case.code),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self._db.session() as session:
                remove_training_case(session, case.uuid, self._actor())
        except ReviewerError as error:
            QMessageBox.warning(self, self.tr("Remove case"), error.text(self._language))
            return
        self._after_change()

    def review_selected(self) -> None:
        record, case = self.selected_round(), self.selected_case()
        if record is not None and case is not None:
            self.review_requested.emit(record.uuid, case.uuid)

    def export_selected(self) -> None:
        record = self.selected_round()
        if record is None:
            return

        def submit(path: Path, slug: str, version: int, author: str) -> None:
            with self._db.session() as session:
                pack = export_pack(session, record.name, slug or None, version, author or None)
            write_pack(pack, path)

        dialog = ExportPackDialog(slug_from(record.title), self._actor(), self._language, submit, self)
        if dialog.exec():
            QMessageBox.information(
                self,
                self.tr("Export pack"),
                self.tr("The pack was saved to %1. Import it under Training on the computers of the workshop.").replace(
                    "%1", dialog.path.text()
                ),
            )
