"""The backups of the database as a table: when, what kind, how large, and what each holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reviewer.storage.backups import BackupInfo, list_backups
from reviewer.ui.table_model import Column, RecordTableModel


def reason_label(reason: str) -> str:
    labels = {
        "daily": QCoreApplication.translate("BackupList", "Daily"),
        "before-migration": QCoreApplication.translate("BackupList", "Before an update"),
        "before-restore": QCoreApplication.translate("BackupList", "Before a restore"),
        "manual": QCoreApplication.translate("BackupList", "Made by hand"),
    }
    return labels.get(reason, reason)


def when_label(info: BackupInfo) -> str:
    return info.created.astimezone().strftime("%Y-%m-%d %H:%M")


def size_label(info: BackupInfo) -> str:
    return f"{info.size / 1_000_000:.1f} MB".replace(".", ",")


def _count(value: int | None) -> str:
    return QCoreApplication.translate("BackupList", "unreadable") if value is None else str(value)


class BackupList(QTableView):
    def __init__(self, backup_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backup_dir = backup_dir
        self.model_ = RecordTableModel[BackupInfo](
            [
                Column(self.tr("Date"), when_label, sort_key=lambda i: i.created),
                Column(self.tr("Kind"), lambda i: reason_label(i.reason)),
                Column(self.tr("Size"), size_label, sort_key=lambda i: i.size, align_right=True),
                Column(
                    self.tr("Rounds"), lambda i: _count(i.rounds), sort_key=lambda i: i.rounds or 0, align_right=True
                ),
                Column(self.tr("Cases"), lambda i: _count(i.cases), sort_key=lambda i: i.cases or 0, align_right=True),
                Column(
                    self.tr("Reviews"), lambda i: _count(i.reviews), sort_key=lambda i: i.reviews or 0, align_right=True
                ),
            ],
            self,
        )
        self.setModel(self.model_)
        self.setAccessibleName(self.tr("Backups"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.refresh()

    def refresh(self) -> None:
        self.model_.set_records(list_backups(self.backup_dir))
