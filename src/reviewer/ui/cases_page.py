"""The cases of one round: a filterable table (model/view, so 100 000 rows scroll), and the actions on a case."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex
from reviewer.domain.text import Language
from reviewer.services import cases
from reviewer.services.cases import CaseRow, CaseStatus
from reviewer.services.planning_text import render_sample_text
from reviewer.services.rounds import get_round
from reviewer.services.sampling import SamplingRecord, sampling_of
from reviewer.storage.database import Database
from reviewer.ui.audit_log_dialog import AuditLogDialog
from reviewer.ui.case_dialog import CaseDialog
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.import_dialog import ImportDialog
from reviewer.ui.labels import case_status_label, sex_label
from reviewer.ui.read_only_text_dialog import ReadOnlyTextDialog
from reviewer.ui.table_model import Column, RecordFilterProxy, RecordTableModel

ASSIGNED_COLUMN, DOUBLE_COLUMN = 5, 6


class CaseFilterProxy(RecordFilterProxy):
    """Filters on the records themselves, not on display text, so filtering 100 000 rows stays quick."""

    def __init__(self, source: RecordTableModel[CaseRow], parent=None) -> None:
        super().__init__(parent)
        self._source = source
        self.setSourceModel(source)
        self.status: CaseStatus | None = None
        self.sex: Sex | None = None
        self.unit: str | None = None
        self.needle = ""

    def set_filters(self, status: CaseStatus | None, sex: Sex | None, unit: str | None, needle: str) -> None:
        self.status, self.sex, self.unit, self.needle = status, sex, unit, needle.strip().casefold()
        # A full re-filter: endFilterChange() removes tens of thousands of row ranges one by one (over a second
        # on 100 000 cases); invalidate() maps the rows anew in a fraction of that.
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        record = self._source.record(source_row)
        if self.status is not None and record.status is not self.status:
            return False
        if self.sex is not None and record.sex is not self.sex:
            return False
        if self.unit is not None and record.unit != self.unit:
            return False
        return not self.needle or self.needle in record.case_code.casefold()


class CasesPage(QWidget):
    review_requested = Signal(str)
    back_requested = Signal()
    changed = Signal()

    def __init__(self, db: Database, language: Language, actor, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self.round_uuid = ""
        self._definition: ChecklistDefinition | None = None
        age_labels: dict[str, str] = {}
        self._age_labels = age_labels
        assigned: dict[str, tuple[str, ...]] = {}  # from the round's sampling record: case uuid → its reviewers
        self._assigned = assigned
        self._sampling: SamplingRecord | None = None
        double = self.tr("double review")
        columns: list[Column[CaseRow]] = [
            Column(self.tr("Case code"), lambda c: c.case_code),
            Column(self.tr("Sex"), lambda c: sex_label(c.sex.value)),
            Column(self.tr("Age band"), lambda c: age_labels.get(c.age_band or "", c.age_band or "–")),
            Column(self.tr("Unit"), lambda c: c.unit or "–"),
            Column(self.tr("Status"), lambda c: case_status_label(c.status.value), lambda c: c.status.value),
            Column(self.tr("Assigned to"), lambda c: ", ".join(assigned.get(c.uuid, ())) or "–"),
            Column(
                self.tr("Double review"),
                lambda c: double if len(assigned.get(c.uuid, ())) > 1 else "",
                lambda c: len(assigned.get(c.uuid, ())),
            ),
        ]
        self.model: RecordTableModel[CaseRow] = RecordTableModel(columns, self)
        self.proxy = CaseFilterProxy(self.model, self)

        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.back_button = QPushButton(self.tr("← Rounds"), self)
        self.back_button.clicked.connect(self.back_requested)
        self.count = QLabel(self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search case code"))
        self.search.setAccessibleName(self.tr("Search case code"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in CaseStatus:
            self.status_filter.addItem(case_status_label(status.value), status.value)
        self.sex_filter = QComboBox(self)
        self.sex_filter.setAccessibleName(self.tr("Filter by sex"))
        self.unit_filter = QComboBox(self)
        self.unit_filter.setAccessibleName(self.tr("Filter by unit"))
        self.search.textChanged.connect(self._apply_filters)
        for combo in (self.status_filter, self.sex_filter, self.unit_filter):
            combo.currentIndexChanged.connect(self._apply_filters)

        self.view = record_table_view(self.proxy, self.tr("Cases"), self)
        # Fixed row heights and interactive columns: nothing is measured per row, so 100 000 rows open at once.
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 220)
        self.view.activated.connect(lambda _index: self.review_selected())

        self.add_button = QPushButton(self.tr("&New case…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.review_button = QPushButton(self.tr("&Review"), self)
        self.log_button = QPushButton(self.tr("Event &log…"), self)
        self.log_button.setToolTip(self.tr("Who changed what in the selected case, and when"))
        self.log_button.clicked.connect(self.show_event_log)
        self.sampling_button = QPushButton(self.tr("About the &sample…"), self)
        self.sampling_button.setToolTip(self.tr("How the round's cases were drawn: seed, method, date and counts"))
        self.sampling_button.clicked.connect(self.show_sampling)
        self.import_button = QPushButton(self.tr("&Import from spreadsheet…"), self)
        self.import_button.clicked.connect(self.import_spreadsheet)
        self.add_button.clicked.connect(self.add_case)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.review_button.clicked.connect(self.review_selected)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_case)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        delete.activated.connect(self.delete_selected)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.sex_filter)
        filters.addWidget(self.unit_filter)
        actions = QHBoxLayout()
        for button in (self.review_button, self.add_button, self.edit_button, self.delete_button, self.log_button):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(self.sampling_button)
        actions.addWidget(self.import_button)
        self.actions_layout = actions
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

    def show_round(self, round_uuid: str) -> None:
        self.round_uuid = round_uuid
        with self._db.session() as session:
            round_ = get_round(session, round_uuid)
            self._definition = cases.round_definition(session, round_)
            self.title.setText(round_.name)
            units = cases.units_in_round(session, round_uuid)
            self._sampling = sampling_of(session, round_uuid)
        assert self._definition is not None
        self._assigned.clear()
        if self._sampling is not None:
            self._assigned.update(self._sampling.assignments)
        for column in (ASSIGNED_COLUMN, DOUBLE_COLUMN):
            self.view.setColumnHidden(column, self._sampling is None)
        self.sampling_button.setVisible(self._sampling is not None)
        self._age_labels.clear()
        self._age_labels.update({b.value: b.label.text(self._language) for b in self._definition.age_bands})
        self._fill_combo(self.sex_filter, self.tr("All sexes"), [(s.value, sex_label(s.value)) for s in Sex])
        self._fill_combo(self.unit_filter, self.tr("All units"), [(u, u) for u in units])
        self.refresh()

    def _fill_combo(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in items:
            combo.addItem(label, value)
        combo.blockSignals(False)

    def refresh(self, select_uuid: str | None = None) -> None:
        with self._db.session() as session:
            rows = cases.list_cases(session, self.round_uuid)
        self.model.set_records(rows)
        self._apply_filters()
        if select_uuid is not None:
            self.select_case(select_uuid)

    def select_case(self, case_uuid: str) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.record(source.row()).uuid == case_uuid:
                self.view.selectRow(row)
                self.view.scrollTo(self.proxy.index(row, 0))
                return

    def _apply_filters(self) -> None:
        status = self.status_filter.currentData()
        sex = self.sex_filter.currentData()
        self.proxy.set_filters(
            CaseStatus(status) if status else None,
            Sex(sex) if sex else None,
            self.unit_filter.currentData(),
            self.search.text(),
        )
        self.count.setText(
            self.tr("%1 of %2 cases")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def selected(self) -> CaseRow | None:
        indexes = self.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.record(self.proxy.mapToSource(indexes[0]).row())

    def add_case(self) -> None:
        assert self._definition is not None
        created: list[str] = []

        def submit(data) -> None:
            with self._db.session() as session:
                created.append(cases.add_case(session, self.round_uuid, data, self._actor()).uuid)

        dialog = CaseDialog(self._definition, self._language, self._units(), submit, parent=self)
        if dialog.exec() and created:
            self.refresh(select_uuid=created[0])
            self.changed.emit()

    def edit_selected(self) -> None:
        record = self.selected()
        if record is None or self._definition is None:
            return

        def submit(data) -> None:
            with self._db.session() as session:
                cases.update_case(session, record.uuid, data, self._actor())

        dialog = CaseDialog(self._definition, self._language, self._units(), submit, existing=record, parent=self)
        if dialog.exec():
            self.refresh(select_uuid=record.uuid)
            self.changed.emit()

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete case"),
            self.tr("Delete case %1 and its reviews? This cannot be undone.").replace("%1", record.case_code),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self._db.session() as session:
            cases.delete_case(session, record.uuid, self._actor())
        self.refresh()
        self.changed.emit()

    def review_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self.review_requested.emit(record.uuid)

    def show_event_log(self) -> None:
        record = self.selected()
        if record is not None:
            AuditLogDialog(self._db, record.uuid, record.case_code, self._language, self).exec()

    def sampling_text(self) -> str:
        """The round's sampling record in the words `reviewer round sample` prints."""
        if self._sampling is None or self._definition is None:
            return ""
        return render_sample_text(self._sampling, self.title.text(), self._definition.subject, self._language)

    def show_sampling(self) -> None:
        if self._sampling is not None:
            ReadOnlyTextDialog(self.tr("About the sample"), self.sampling_text(), self).exec()

    def import_spreadsheet(self) -> None:
        """Earlier reviews kept in Excel become cases and reviews of this round (typically a baseline round)."""
        actor = self._actor()
        dialog = ImportDialog(self._db, self.round_uuid, self._language, self, reviewer=actor, actor=actor)
        dialog.imported.connect(self._after_import)
        dialog.exec()

    def _after_import(self, _summary) -> None:
        self.refresh()
        self.changed.emit()

    def _units(self) -> list[str]:
        return sorted({r.unit for r in self.model.records() if r.unit})
