"""Importing earlier reviews from a spreadsheet into a round: choose the file, check it, then import it.

The check and the import run off the UI thread (`ui.worker`). Nothing is stored until the whole file has passed;
every problem is listed with its row and column. The format is in docs/spreadsheet-import.md.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.services import spreadsheet_import
from reviewer.services.cases import round_definition
from reviewer.services.rounds import get_round
from reviewer.services.spreadsheet_import import ImportSummary, SpreadsheetImportError
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.spreadsheet_file import choose_spreadsheet
from reviewer.ui.style import ERROR_STYLE


class ImportDialog(QDialog):
    """`set_path`, `validate` and `start_import` are what the buttons do; tests call them directly.

    `validation_finished(ok)` follows every check, `imported(summary)` a successful import and `import_failed()` a
    refused one.
    """

    validation_finished = Signal(bool)
    imported = Signal(object)
    import_failed = Signal()

    def __init__(
        self,
        db: Database,
        round_uuid: str,
        language: Language,
        parent: QWidget | None = None,
        *,
        reviewer: str = "",
        actor: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import reviews from a spreadsheet"))
        self._db = db
        self._round_uuid = round_uuid
        self._language = language
        self._actor = actor
        self._job: worker.Job | None = None
        self._valid_for: tuple[str, str] | None = None
        self.last_summary: ImportSummary | None = None

        self.round_label = QLabel(self)
        self.round_label.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "One row per reviewed case: the columns case_code, sex, age_band, unit and reviewer, then one "
                "column per question key of the round's checklist. The whole file is checked first; nothing is "
                "saved unless every row is valid. CSV (UTF-8) and Excel (.xlsx) files can be imported."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File"))
        self.path.setPlaceholderText(self.tr("a .csv or .xlsx file"))
        self.choose_button = QPushButton(self.tr("C&hoose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        self.reviewer = QLineEdit(self)
        self.reviewer.setAccessibleName(self.tr("Reviewer for rows without one"))
        self.reviewer.setPlaceholderText(self.tr("initials or pseudonym, used where the reviewer cell is empty"))
        self.reviewer.setText(reviewer)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("&File"), file_row)
        form.addRow(self.tr("&Reviewer for rows without one"), self.reviewer)
        file_label = form.labelForField(file_row)
        if isinstance(file_label, QLabel):
            file_label.setBuddy(self.path)

        self.check_button = QPushButton(self.tr("&Check file"), self)
        self.check_button.clicked.connect(self.validate)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.progress, 1)
        check_row.addStretch()

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.errors_model = QStringListModel(self)
        self.errors = QListView(self)
        self.errors.setModel(self.errors_model)
        self.errors.setAccessibleName(self.tr("Problems in the file"))
        self.errors.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors.setWordWrap(True)
        self.errors.setAlternatingRowColors(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.round_label)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(check_row)
        layout.addWidget(self.status)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 520)

        self.path.textChanged.connect(self._inputs_changed)
        self.reviewer.textChanged.connect(self._inputs_changed)
        self._show_round()

    # -- state -------------------------------------------------------------------------------------------------

    def _show_round(self) -> None:
        try:
            with self._db.session() as session:
                round_ = get_round(session, self._round_uuid)
                definition = round_definition(session, round_)
                name = round_.name
        except ReviewerError as error:
            self._show_error(error.text(self._language), [])
            self.check_button.setEnabled(False)
            return
        self.round_label.setText(
            self.tr("Round: {round} – checklist {checklist}").format(
                round=name, checklist=f"{definition.slug}@{definition.version}"
            )
        )

    def _inputs(self) -> tuple[str, str]:
        return self.path.text().strip(), self.reviewer.text().strip()

    def _inputs_changed(self) -> None:
        self._valid_for = None
        self.import_button.setEnabled(False)
        self.status.clear()
        self.errors_model.setStringList([])

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.path, self.reviewer, self.choose_button, self.check_button):
            widget.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self._valid_for is not None and self._valid_for == self._inputs())
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def is_busy(self) -> bool:
        return self._job is not None

    def _show_error(self, message: str, lines: list[str]) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message)
        self.errors_model.setStringList(lines)

    def _show_info(self, message: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.errors_model.setStringList([])

    def error_lines(self) -> list[str]:
        return self.errors_model.stringList()

    # -- actions -----------------------------------------------------------------------------------------------

    def set_path(self, path: str | Path) -> None:
        self.path.setText(str(path))

    def choose_file(self) -> None:
        if choose_spreadsheet(self, self.tr("Choose a spreadsheet"), self.path):
            self.validate()

    def validate(self) -> None:
        """Check the whole file on a worker thread; the result arrives with `validation_finished`."""
        if self.is_busy():
            return
        path, reviewer = self._inputs()
        if not path:
            self._show_error(self.tr("Choose a file first."), [])
            self.validation_finished.emit(False)
            return
        db, round_uuid = self._db, self._round_uuid

        def work(report):
            with db.session() as session:
                try:
                    return spreadsheet_import.validate_file(session, round_uuid, Path(path), reviewer or None, report)
                except ReviewerError as error:
                    return error

        self._run(work, self._on_validated, self._on_validation_crashed)

    def start_import(self) -> None:
        """Import the checked file on a worker thread (it is checked again); `imported` follows on success."""
        if self.is_busy() or self._valid_for is None or self._valid_for != self._inputs():
            return
        path, reviewer = self._valid_for
        db, round_uuid, actor = self._db, self._round_uuid, self._actor

        def work(report):
            with db.session() as session:
                try:
                    return spreadsheet_import.import_file(
                        session, round_uuid, Path(path), reviewer or None, actor, report
                    )
                except ReviewerError as error:
                    return error

        self._run(work, self._on_imported, self._on_import_crashed)

    def _run(self, work, done, crashed) -> None:
        self._job = worker.Job(work)
        self._job.signals.progress.connect(self._on_progress)
        self._job.signals.finished.connect(done)
        self._job.signals.failed.connect(crashed)
        self._set_busy(True)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Working…"))
        self.errors_model.setStringList([])
        worker.start(self._job)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._job = None
        self._set_busy(False)

    def _show_refusal(self, error: ReviewerError) -> None:
        lines = error.lines(self._language) if isinstance(error, SpreadsheetImportError) else []
        self._show_error(error.message.text(self._language), lines)

    def _on_validated(self, result) -> None:
        self._job = None
        if isinstance(result, ImportSummary):
            self._valid_for = self._inputs()
            self._show_info(
                self.tr(
                    "The file can be imported: {summary}. Nothing has been saved yet; choose Import to save it."
                ).format(summary=result.text(self._language))
            )
        else:
            self._valid_for = None
            self._show_refusal(result)
        self._set_busy(False)
        self.validation_finished.emit(self._valid_for is not None)

    def _on_validation_crashed(self, _message: str) -> None:
        self._valid_for = None
        self._finish()
        self._show_error(self.tr("The file could not be checked. The log file has the details."), [])
        self.validation_finished.emit(False)

    def _on_imported(self, result) -> None:
        self._job = None
        self._valid_for = None
        if isinstance(result, ImportSummary):
            self.last_summary = result
            self._show_info(
                self.tr("Imported {file} into {round}: {summary}.").format(
                    file=result.file_name, round=result.round_name, summary=result.text(self._language)
                )
            )
            self._set_busy(False)
            self.imported.emit(result)
        else:
            self._show_refusal(result)
            self._set_busy(False)
            self.import_failed.emit()

    def _on_import_crashed(self, _message: str) -> None:
        self._valid_for = None
        self._finish()
        self._show_error(
            self.tr("The file could not be imported; nothing was saved. The log file has the details."), []
        )
        self.import_failed.emit()

    # -- closing -----------------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self.is_busy():  # the work finishes in one transaction either way; wait for it
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_busy():
            event.ignore()
            return
        super().closeEvent(event)
