"""When the database cannot be opened at start: say what happened and offer the newest good backup, so a
caseworker can get back to work without a terminal."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from reviewer.storage.backups import BackupInfo
from reviewer.ui.backup_list import when_label


class RecoveryDialog(QDialog):
    def __init__(self, problem: str, backup: BackupInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The database cannot be opened"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.problem = QLabel(problem, self)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        offer = (
            self.tr(
                "The newest good backup is from %1 and holds %2 rounds, %3 cases and %4 reviews. Restoring it puts "
                "that copy back; what was saved after it is not in it. The damaged file is kept in the backups "
                "folder for your IT support."
            )
            .replace("%1", when_label(backup))
            .replace("%2", str(backup.rounds))
            .replace("%3", str(backup.cases))
            .replace("%4", str(backup.reviews))
        )
        self.offer = QLabel(offer, self)
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore the backup"), self)
        self.restore_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
