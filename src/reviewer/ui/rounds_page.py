"""Granskningar: the review rounds, and the offer of demo data while there are none."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import RoundSummary, list_rounds
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.filter_table import FilterTable
from reviewer.ui.labels import area_label, round_kind_label, yes_no
from reviewer.ui.table_model import Column, RecordTableModel

DEMO_CASES = 60
DEMO_SEED = 2026


class RoundsPage(QWidget):
    data_changed = Signal()

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._job: worker.Job | None = None
        columns: list[Column[RoundSummary]] = [
            Column(self.tr("Round"), lambda r: r.name),
            Column(self.tr("Area"), lambda r: area_label(r.area)),
            Column(self.tr("Checklist"), lambda r: f"{r.checklist_slug}@{r.checklist_version}"),
            Column(self.tr("Period"), lambda r: r.period_label),
            Column(self.tr("Kind"), lambda r: round_kind_label(r.kind.value)),
            Column(self.tr("Cases"), lambda r: str(r.case_count), lambda r: r.case_count, True),
            Column(self.tr("Completed"), lambda r: str(r.completed_count), lambda r: r.completed_count, True),
            Column(self.tr("Fictitious"), lambda r: yes_no(r.fictitious)),
        ]
        self.model: RecordTableModel[RoundSummary] = RecordTableModel(columns, self)
        self.table = FilterTable(self.model, self.tr("Search rounds"), self.tr("Review rounds"), self)

        self.empty_state = QFrame(self)
        self.empty_state.setFrameShape(QFrame.Shape.StyledPanel)
        empty_text = QLabel(
            self.tr(
                "There are no review rounds yet. To see how the program works, you can try it with "
                "fictitious demo data: three rounds (paratransit, childcare, substance abuse) with made-up "
                "cases and completed reviews, clearly marked as fictitious."
            ),
            self.empty_state,
        )
        empty_text.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("Try with demo data"), self.empty_state)
        self.demo_button.setAccessibleName(self.tr("Try with demo data"))
        self.demo_button.clicked.connect(self.create_demo_data)
        self.progress = QProgressBar(self.empty_state)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        row = QHBoxLayout()
        row.addWidget(self.demo_button)
        row.addWidget(self.progress, 1)
        row.addStretch()
        empty_layout = QVBoxLayout(self.empty_state)
        empty_layout.addWidget(empty_text)
        empty_layout.addLayout(row)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        with self._db.session() as session:
            rounds = list_rounds(session)
        self.model.set_records(rounds)
        self.empty_state.setVisible(not rounds)

    def create_demo_data(self) -> None:
        db = self._db

        def work(report):
            with db.session() as session:
                return create_demo_data(session, DEMO_CASES, DEMO_SEED, report)

        self.demo_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self._job = worker.Job(work)
        self._job.signals.progress.connect(self._on_progress)
        self._job.signals.finished.connect(self._on_demo_done)
        self._job.signals.failed.connect(self._on_demo_failed)
        worker.start(self._job)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _on_demo_done(self, _names) -> None:
        self._job = None
        self.progress.hide()
        self.demo_button.setEnabled(True)
        self.refresh()
        self.data_changed.emit()

    def _on_demo_failed(self, message: str) -> None:
        self._job = None
        self.progress.hide()
        self.demo_button.setEnabled(True)
        QMessageBox.warning(
            self,
            self.tr("Demo data"),
            message or self.tr("The demo data could not be created. The log file has the details."),
        )
