"""Exporting the audit trail of a period for the unit chief or the data-protection officer: an internal document
with personal data, never one of the anonymised exports (docs/audit-trail.md). The work runs off the UI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.reports.audit_export import check_target, write_audit
from reviewer.services.audit_trail import Period, period_rows
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.style import ERROR_STYLE


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditExportDialog(QDialog):
    """`export_to(path)` is what the Export button does after asking for the file; `exported` follows success."""

    exported = Signal(object)

    def __init__(self, db: Database, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the audit trail"))
        self._db = db
        self._language = language
        self._job: worker.Job | None = None
        intro = QLabel(
            self.tr(
                "Every logged change of the period: who, when, which round and case, what changed. The file is an "
                "internal document with personal data (case codes, reviewers' initials): keep it within the "
                "organisation and never hand it out with the anonymised exports."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        today = date.today()
        self.start = self._date_edit(date(today.year, 1, 1), self.tr("First day"))
        self.end = self._date_edit(today, self.tr("Last day"))
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _day: self.status.clear())
        self.file_format = QComboBox(self)
        self.file_format.setAccessibleName(self.tr("File format"))
        self.file_format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.file_format.addItem(self.tr("CSV for Excel (.csv)"), "csv")
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.start)
        form.addRow(self.tr("&To"), self.end)
        form.addRow(self.tr("F&ormat"), self.file_format)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 330)

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    def set_period(self, start: date, end: date) -> None:
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))

    def period(self) -> Period:
        """The chosen days; raises with a message when the first comes after the last."""
        return Period(_day(self.start.date()), _day(self.end.date()))

    def _refuse(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def choose_and_export(self) -> None:
        try:
            period = self.period()
        except ReviewerError as error:
            self._refuse(error.text(self._language))
            return
        suffix = self.file_format.currentData()
        name = self.tr("audit-trail") + f"-{period.start.isoformat()}-{period.end.isoformat()}.{suffix}"
        pattern = self.tr("Excel workbooks (*.xlsx)") if suffix == "xlsx" else self.tr("CSV files (*.csv)")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the audit trail"), name, pattern)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self._job is not None:
            return
        if path.suffix == "":
            path = path.with_suffix("." + self.file_format.currentData())
        try:
            period = self.period()
            check_target(path)
        except ReviewerError as error:
            self._refuse(error.text(self._language))
            return
        db, language = self._db, self._language

        def work(report):
            with db.session() as session:
                rows = period_rows(session, period, language, report)
            write_audit(rows, period, path, language)
            return len(rows), path

        self._job = worker.Job(work)
        self._job.signals.progress.connect(self._progress)
        self._job.signals.finished.connect(self._done)
        self._job.signals.failed.connect(self._failed)
        self._set_busy(True)
        worker.start(self._job)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        if busy:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Exporting…"))

    def _done(self, result: tuple[int, Path]) -> None:
        self._job = None
        self._set_busy(False)
        count, path = result
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "%n event(s) written to %1. An internal document: keep it within the organisation.", "", count
            ).replace("%1", path.name)
        )
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self._refuse(message or self.tr("The file could not be written. The log file has the details."))

    def reject(self) -> None:
        if self._job is None:
            super().reject()
