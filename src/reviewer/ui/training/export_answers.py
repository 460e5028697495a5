"""Exporting a participant's answers of a training round as a file for the facilitator: the exchange format,
marked as training and naming the pack (`services.training_exchange`). `export_answers(...)` opens the dialog; the
training area calls it for the round the participant has open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language
from reviewer.services.exchange import FILE_SUFFIX, ExportSummary
from reviewer.services.rounds import get_round
from reviewer.services.training_exchange import export_training_answers
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.style import ERROR_STYLE

MAX_NAME = 64


class ExportAnswersDialog(QDialog):
    """`export_to(path)` is what the Save button does after asking for the file; `exported` follows success."""

    exported = Signal(object)

    def __init__(
        self, db: Database, language: Language, round_uuid: str, exported_by: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._round_uuid = round_uuid
        self._job: worker.Job | None = None
        self.last_summary: ExportSummary | None = None
        with db.session() as session:
            self._round_name = get_round(session, round_uuid).name
        self.setWindowTitle(self.tr("Export my answers for the facilitator"))
        intro = QLabel(
            self.tr(
                "Your answers to the training round %1 are saved in a file that you give to the facilitator, who "
                "compares everyone's answers with the facit. The file holds only the fictitious training cases and "
                "your answers; it can never be imported among real reviews."
            ).replace("%1", self._round_name),
            self,
        )
        intro.setWordWrap(True)
        self.exported_by = QLineEdit(exported_by, self)
        self.exported_by.setMaxLength(MAX_NAME)
        self.exported_by.setAccessibleName(self.tr("Your name or initials"))
        form = QFormLayout()
        form.addRow(self.tr("Your name or initials"), self.exported_by)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton(self.tr("Save file…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def default_name(self) -> str:
        return f"utbildning-{self.exported_by.text().strip() or 'svar'}{FILE_SUFFIX}"

    def choose_and_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save my training answers"),
            self.default_name(),
            self.tr("Exchange files (*%1);;All files (*)").replace("%1", FILE_SUFFIX),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self._job is not None:
            return
        if path.suffix == "":
            path = path.with_suffix(FILE_SUFFIX)
        db, round_uuid, exported_by = self._db, self._round_uuid, self.exported_by.text().strip()

        def work(_report):
            with db.session() as session:
                return export_training_answers(session, round_uuid, path, exported_by)

        self._job = worker.Job(work)
        self._job.signals.finished.connect(self._done)
        self._job.signals.failed.connect(self._failed)
        self.save_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Exporting…"))
        worker.start(self._job)

    def _done(self, summary: ExportSummary) -> None:
        self._job = None
        self.save_button.setEnabled(True)
        self.last_summary = summary
        self.status.setText(summary.text(self._language))
        self.exported.emit(summary)

    def _failed(self, message: str) -> None:
        self._job = None
        self.save_button.setEnabled(True)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message or self.tr("The file could not be written. The log file has the details."))


def export_answers(
    db: Database, language: Language, round_uuid: str, exported_by: str, parent: QWidget | None = None
) -> ExportAnswersDialog:
    """Open the dialog for the training round (modeless, so the case text stays readable beside it)."""
    dialog = ExportAnswersDialog(db, language, round_uuid, exported_by, parent)
    dialog.show()
    return dialog
