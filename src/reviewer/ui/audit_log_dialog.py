"""Händelselogg: the history of one case – who did what and when, old → new – for the reviewer, the unit chief or
the data-protection officer to read beside the case (docs/audit-trail.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from reviewer.domain.text import Language, ReviewerError
from reviewer.services.audit_trail import AuditRow, case_rows, local_time
from reviewer.storage.database import Database
from reviewer.ui.filter_table import FilterTable
from reviewer.ui.table_model import Column, RecordTableModel


class AuditLogDialog(QDialog):
    def __init__(
        self, db: Database, case_uuid: str, case_code: str, language: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Event log – case %1").replace("%1", case_code))
        columns: list[Column[AuditRow]] = [
            Column(self.tr("Time"), lambda r: local_time(r.at), lambda r: r.at),
            Column(self.tr("Who"), lambda r: r.actor or "–"),
            Column(self.tr("Event"), lambda r: r.action),
            Column(self.tr("What"), lambda r: r.subject),
            Column(self.tr("From"), lambda r: r.old),
            Column(self.tr("To"), lambda r: r.new),
        ]
        self.model: RecordTableModel[AuditRow] = RecordTableModel(columns, self)
        self.table = FilterTable(self.model, self.tr("Search the events"), self.tr("Events"), self)
        self.table.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.note = QLabel(
            self.tr(
                "Who changed what in this case, its reviews and its round, oldest first. Free-text answers and "
                "notes are logged only as given, changed or removed, never their words. Internal: the log names "
                "reviewers and cases."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.count = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        try:
            with db.session() as session:
                rows = case_rows(session, case_uuid, language)
        except ReviewerError as error:
            rows = []
            self.count.setText(error.text(language))
        else:
            self.count.setText(self.tr("%n event(s)", "", len(rows)))
        self.model.set_records(rows)
        self.table.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((140, 60, 230, 260, 110)):
            self.table.view.horizontalHeader().resizeSection(column, width)
