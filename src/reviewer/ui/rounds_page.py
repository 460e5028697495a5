"""Granskningar: the review rounds, the actions on them, and the offer of demo data while there are none."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.power import PlanInput
from reviewer.domain.text import Language
from reviewer.services import rounds
from reviewer.services.checklists import definition_of, get_version, list_checklists
from reviewer.services.demo import create_demo_data
from reviewer.services.planning import ChecklistPlan, plan_for_definition
from reviewer.services.rounds import RoundSummary, list_rounds
from reviewer.storage.database import Database
from reviewer.storage.models import RoundKind
from reviewer.ui import worker
from reviewer.ui.filter_table import FilterTable
from reviewer.ui.labels import area_label, round_kind_label, yes_no
from reviewer.ui.round_dialog import RoundDialog
from reviewer.ui.sample_dialog import SampleDialog
from reviewer.ui.table_model import Column, RecordTableModel
from reviewer.ui.text_dialog import TextDialog

DEMO_CASES = 60
DEMO_SEED = 2026


CHECKLIST_COLUMN = 2


class RoundsPage(QWidget):
    data_changed = Signal()
    open_requested = Signal(str)

    def __init__(self, db: Database, language: Language, actor: Callable[[], str], parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self._job: worker.Job | None = None
        columns: list[Column[RoundSummary]] = [
            Column(self.tr("Round"), lambda r: r.name + (self.tr(" (archived)") if r.archived else "")),
            Column(self.tr("Area"), lambda r: area_label(r.area)),
            Column(self.tr("Checklist"), lambda r: r.checklist_name),
            Column(self.tr("Period"), lambda r: r.period_label),
            Column(self.tr("Baseline"), lambda r: r.baseline_name or "–"),
            Column(self.tr("Kind"), lambda r: round_kind_label(r.kind.value)),
            Column(self.tr("Cases"), lambda r: str(r.case_count), lambda r: r.case_count, True),
            Column(self.tr("Completed"), lambda r: str(r.completed_count), lambda r: r.completed_count, True),
            Column(self.tr("Fictitious"), lambda r: yes_no(r.fictitious)),
        ]
        self.model: RecordTableModel[RoundSummary] = RecordTableModel(columns, self)
        self.table = FilterTable(self.model, self.tr("Search rounds"), self.tr("Review rounds"), self)
        self.table.view.activated.connect(lambda _index: self.open_selected())
        # A checklist's title is long; at a fixed width (elided) the counts stay in view at 1 280 pixels.
        header = self.table.view.horizontalHeader()
        header.setSectionResizeMode(CHECKLIST_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CHECKLIST_COLUMN, 240)

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

        self.open_button = QPushButton(self.tr("&Open"), self)
        self.new_button = QPushButton(self.tr("&New round…"), self)
        self.rename_button = QPushButton(self.tr("Re&name…"), self)
        self.archive_button = QPushButton(self.tr("&Archive / restore"), self)
        self.sample_button = QPushButton(self.tr("Draw &sample…"), self)
        self.sample_button.setToolTip(
            self.tr("Draw the selected empty round's cases at random from the case system's list of closed cases")
        )
        self.sample_button.clicked.connect(self.sample_selected)
        self.show_archived = QCheckBox(self.tr("Show &archived"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_round)
        self.rename_button.clicked.connect(self.rename_selected)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        QShortcut(QKeySequence.StandardKey.New, self, self.new_round)
        rename = QShortcut(QKeySequence(Qt.Key.Key_F2), self.table.view)
        rename.activated.connect(self.rename_selected)
        actions = QHBoxLayout()
        for button in (self.open_button, self.new_button, self.sample_button, self.rename_button, self.archive_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.show_archived)

        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        self.refresh()

    def refresh(self) -> None:
        with self._db.session() as session:
            everything = list_rounds(session)
        self.model.set_records([r for r in everything if self.show_archived.isChecked() or not r.archived])
        self.empty_state.setVisible(not everything)

    def selected(self) -> RoundSummary | None:
        indexes = self.table.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.record(self.table.proxy.mapToSource(indexes[0]).row())

    def open_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.open_requested.emit(record.uuid)

    def new_round(self) -> None:
        with self._db.session() as session:
            checklists = list_checklists(session)
            existing = list_rounds(session)

        created: list[str] = []

        def submit(name: str, slug: str, version: int, period: str, baseline: str | None) -> None:
            with self._db.session() as session:
                checklist = get_version(session, slug, version)
                round_ = rounds.create_round(
                    session, name, checklist, period, baseline_uuid=baseline, actor=self._actor()
                )
                created.append(round_.uuid)

        definitions: dict[tuple[str, int], ChecklistDefinition] = {}

        def plan_for(slug: str, version: int, request: PlanInput) -> ChecklistPlan:
            # read once per checklist, not at every step of a spin box
            if (slug, version) not in definitions:
                with self._db.session() as session:
                    definitions[(slug, version)] = definition_of(get_version(session, slug, version))
            return plan_for_definition(definitions[(slug, version)], request)

        if RoundDialog(checklists, existing, self._language, submit, plan_for, self).exec():
            self.refresh()
            if created:  # selected, so that 'Dra urval…' draws its cases next
                self.select_round(created[0])
            self.data_changed.emit()

    def select_round(self, round_uuid: str) -> None:
        for row in range(self.table.proxy.rowCount()):
            source = self.table.proxy.mapToSource(self.table.proxy.index(row, 0))
            if self.model.record(source.row()).uuid == round_uuid:
                self.table.view.selectRow(row)
                return

    def rename_selected(self) -> None:
        record = self.selected()
        if record is None:
            return

        def submit(name: str) -> None:
            with self._db.session() as session:
                rounds.rename_round(session, record.uuid, name, self._actor())

        dialog = TextDialog(
            self.tr("Rename round"), self.tr("&New name"), self._language, submit, record.name, parent=self
        )
        if not dialog.exec():
            return
        self.refresh()
        self.data_changed.emit()

    def sample_selected(self) -> SampleDialog | None:
        """The dialog that draws the selected round's cases (returned for tests, which drive it themselves)."""
        record = self.selected()
        if record is None:
            return None
        if record.kind is not RoundKind.REAL or record.case_count:
            QMessageBox.information(
                self,
                self.tr("Draw sample"),
                self.tr(
                    "A sample is drawn into an empty review round; %1 already has cases or is a training round."
                ).replace("%1", record.name),
            )
            return None
        dialog = SampleDialog(self._db, record.uuid, record.name, self._language, self._actor(), self)
        dialog.accepted.connect(self._after_sample)
        dialog.open()
        return dialog

    def _after_sample(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def toggle_archived(self) -> None:
        record = self.selected()
        if record is None:
            return
        with self._db.session() as session:
            rounds.set_archived(session, record.uuid, not record.archived, self._actor())
        self.refresh()

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
