"""Exporting rounds to an exchange file for the unit chief, optionally encrypted with a passphrase.

The passphrase lives only in the two fields of this dialog and the worker's call; it is never stored or logged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from reviewer.domain.text import Language
from reviewer.services.exchange import FILE_SUFFIX, ExportSummary, export_exchange
from reviewer.services.rounds import RoundSummary, list_rounds, rounds_reviewed_by
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.style import ERROR_STYLE

UUID_ROLE = Qt.ItemDataRole.UserRole + 1
MIN_PASSPHRASE = 8


class ExchangeExportDialog(QDialog):
    """`export_to(path)` is what the Export button does after asking for the file; `exported` follows success.

    Only the exporting reviewer's own real rounds are ticked at first (not demo, training or archived ones), the
    file is named with their initials and the day so that two caseworkers' files never collide, and the save dialog
    opens in the folder used last (`remember_folder` keeps it), else in the user's Documents folder.
    """

    exported = Signal(object)

    def __init__(
        self,
        db: Database,
        language: Language,
        exported_by: str,
        parent: QWidget | None = None,
        folder: str | None = None,
        remember_folder: Callable[[Path], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = Path(folder) if folder and Path(folder).is_dir() else None
        self._remember_folder = remember_folder
        self.setWindowTitle(self.tr("Export reviews to an exchange file"))
        self._db = db
        self._language = language
        self._job: worker.Job | None = None
        self.last_summary: ExportSummary | None = None

        intro = QLabel(
            self.tr(
                "The exchange file holds the chosen rounds with their cases, reviews, answers and notes, and the "
                "checklists they use. Give it to your unit chief, who imports it. Encrypt it when it travels by "
                "e-mail or on a USB stick, and give the passphrase separately."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.rounds_model = QStandardItemModel(self)
        self.rounds = QListView(self)
        self.rounds.setModel(self.rounds_model)
        self.rounds.setAccessibleName(self.tr("Rounds to export"))
        self.rounds.setWordWrap(True)
        self.rounds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        with db.session() as session:
            self._fill(list_rounds(session), rounds_reviewed_by(session, exported_by))
        self.exported_by = QLineEdit(exported_by, self)
        self.exported_by.setAccessibleName(self.tr("Exported by"))
        self.exported_by.setPlaceholderText(self.tr("your initials or pseudonym"))
        self.encrypt = QCheckBox(self.tr("&Encrypt with a passphrase"), self)
        self.encrypt.setChecked(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("at least %n characters", "", MIN_PASSPHRASE))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.encrypt.toggled.connect(self.passphrase.setEnabled)
        self.encrypt.toggled.connect(self.repeat.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("&Rounds"), self.rounds)
        form.addRow(self.tr("Exported &by"), self.exported_by)
        form.addRow("", self.encrypt)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase &again"), self.repeat)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("E&xport…"), self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.progress)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(620, 520)

    def _fill(self, rounds: list[RoundSummary], own: set[str]) -> None:
        for summary in rounds:
            text = self.tr("%1 (%2) – %3 of %n case(s) completed", "", summary.case_count)
            text = text.replace("%1", summary.name).replace("%2", summary.period_label)
            text = text.replace("%3", str(summary.completed_count))
            if not summary.real:
                text += " – " + (self.tr("fictitious") if summary.fictitious else self.tr("training"))
            item = QStandardItem(text)
            item.setData(summary.uuid, UUID_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            # Without a name nothing is known to be one's own: then every real round in use is offered ticked.
            ticked = summary.real and not summary.archived and (summary.uuid in own or not own)
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.rounds_model.appendRow(item)

    def default_path(self) -> Path:
        """`granskningar-AB-2026-03-14.granskning` in the folder used last, else in Documents."""
        initials = re.sub(r"[^\w-]+", "-", self.exported_by.text().strip()).strip("-")
        name = "-".join(p for p in ("granskningar", initials, dt.date.today().isoformat()) if p) + FILE_SUFFIX
        folder = self._folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        return folder / name

    def chosen_rounds(self) -> list[str]:
        return [
            self.rounds_model.item(row).data(UUID_ROLE)
            for row in range(self.rounds_model.rowCount())
            if self.rounds_model.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _refuse(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def _checked_passphrase(self) -> tuple[bool, str | None]:
        if not self.encrypt.isChecked():
            return True, None
        passphrase = self.passphrase.text()
        if len(passphrase) < MIN_PASSPHRASE:
            self._refuse(self.tr("The passphrase needs at least %n characters.", "", MIN_PASSPHRASE))
            self.passphrase.setFocus()
            return False, None
        if passphrase != self.repeat.text():
            self._refuse(self.tr("The two passphrases differ. Type the same passphrase twice."))
            self.repeat.setFocus()
            return False, None
        return True, passphrase

    def choose_and_export(self) -> None:
        if not self.chosen_rounds():
            self._refuse(self.tr("Choose at least one round."))
            return
        ok, _passphrase = self._checked_passphrase()
        if not ok:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the exchange file"),
            str(self.default_path()),
            self.tr("Exchange files (*%1);;All files (*)").replace("%1", FILE_SUFFIX),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        uuids = self.chosen_rounds()
        ok, passphrase = self._checked_passphrase()
        if not ok or not uuids or self._job is not None:
            if not uuids:
                self._refuse(self.tr("Choose at least one round."))
            return
        if path.suffix == "":
            path = path.with_suffix(FILE_SUFFIX)
        self._folder = path.parent
        if self._remember_folder is not None:
            self._remember_folder(path.parent)
        db, exported_by = self._db, self.exported_by.text().strip()

        def work(_report):
            with db.session() as session:
                return export_exchange(session, path, uuids, passphrase, exported_by)

        self._job = worker.Job(work)
        self._job.signals.finished.connect(self._done)
        self._job.signals.failed.connect(self._failed)
        self._set_busy(True)
        worker.start(self._job)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not busy)
        if busy:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Exporting…"))

    def _done(self, summary: ExportSummary) -> None:
        self._job = None
        self._set_busy(False)
        self.last_summary = summary
        self.passphrase.clear()
        self.repeat.clear()
        self.status.setStyleSheet("")
        self.status.setText(summary.text(self._language))
        self.exported.emit(summary)

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self._refuse(message or self.tr("The file could not be written. The log file has the details."))

    def reject(self) -> None:
        if self._job is None:
            super().reject()
