"""Checklistor: the checklist versions available for rounds."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reviewer.services.checklists import ChecklistSummary, list_checklists
from reviewer.storage.database import Database
from reviewer.ui.filter_table import FilterTable
from reviewer.ui.labels import area_label, checklist_status_label, yes_no
from reviewer.ui.table_model import Column, RecordTableModel


class ChecklistsPage(QWidget):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        columns: list[Column[ChecklistSummary]] = [
            Column(self.tr("Title"), lambda c: c.title),
            Column(self.tr("Area"), lambda c: area_label(c.area)),
            Column(self.tr("Version"), lambda c: str(c.version), lambda c: c.version, align_right=True),
            Column(self.tr("Status"), lambda c: checklist_status_label(c.status.value)),
            Column(self.tr("Questions"), lambda c: str(c.question_count), lambda c: c.question_count, True),
            Column(self.tr("Rounds"), lambda c: str(c.round_count), lambda c: c.round_count, True),
            Column(self.tr("Built in"), lambda c: yes_no(c.builtin)),
            Column(self.tr("Identifier"), lambda c: f"{c.slug}@{c.version}"),
        ]
        self.model: RecordTableModel[ChecklistSummary] = RecordTableModel(columns, self)
        self.table = FilterTable(self.model, self.tr("Search checklists"), self.tr("Checklists"), self)
        intro = QLabel(
            self.tr(
                "Checklists decide which questions a review asks. A published version never changes, "
                "so rounds stay comparable."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        with self._db.session() as session:
            self.model.set_records(list_checklists(session))
