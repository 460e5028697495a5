"""What the unit chief chooses before anything is computed: checklist, rounds, unit, reviewer, breakdown, comparison.

Rounds are offered per checklist, so that only rounds whose answers can be added up are chosen together.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QListView, QVBoxLayout, QWidget

from reviewer.services.aggregation import Breakdown, filter_options
from reviewer.services.rounds import RoundSummary, list_rounds
from reviewer.storage.database import Database

UUID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Selection:
    round_uuids: tuple[str, ...]
    unit: str | None
    reviewer: str | None
    breakdown: Breakdown | None
    compare_with: str | None


class FilterPanel(QWidget):
    """Emits `changed` whenever the selection changes; `reload(db)` reads the rounds, and the units and reviewers
    of the chosen rounds follow the choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rounds: list[RoundSummary] = []
        self._db: Database | None = None
        self.checklist = QComboBox(self)
        self.checklist.setAccessibleName(self.tr("Checklist"))
        self.rounds_model = QStandardItemModel(self)
        self.rounds = QListView(self)
        self.rounds.setModel(self.rounds_model)
        self.rounds.setAccessibleName(self.tr("Rounds"))
        self.rounds.setMinimumHeight(90)
        self.rounds.setWordWrap(True)
        self.rounds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unit = QComboBox(self)
        self.unit.setAccessibleName(self.tr("Unit"))
        self.reviewer = QComboBox(self)
        self.reviewer.setAccessibleName(self.tr("Reviewer"))
        self.breakdown = QComboBox(self)
        self.breakdown.setAccessibleName(self.tr("Also split by"))
        self.breakdown.addItem(self.tr("Nothing else"), None)
        self.breakdown.addItem(self.tr("Age band"), "age_band")
        self.breakdown.addItem(self.tr("Unit"), "unit")
        self.compare = QComboBox(self)
        self.compare.setAccessibleName(self.tr("Compare with (before/after)"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)

        self.form = form = QFormLayout()
        form.addRow(self.tr("&Checklist"), self.checklist)
        form.addRow(self.tr("&Rounds"), self.rounds)
        form.addRow(self.tr("U&nit"), self.unit)
        form.addRow(self.tr("Revie&wer"), self.reviewer)
        form.addRow(self.tr("Also split &by"), self.breakdown)
        form.addRow(self.tr("Compare &with"), self.compare)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.hint)

        self.checklist.currentIndexChanged.connect(lambda _index: self._fill_rounds())
        self.rounds_model.itemChanged.connect(self._rounds_checked)
        for combo in (self.unit, self.reviewer, self.breakdown, self.compare):
            combo.currentIndexChanged.connect(self.changed)

    def hide_rows(self, *fields: QWidget) -> None:
        """For pages that need fewer choices (the export page has no reviewer or breakdown)."""
        for field in fields:
            self.form.setRowVisible(field, False)

    def reload(self, db: Database, preferred: Selection | None = None) -> None:
        """Read the rounds again (they may have changed in another area); units and reviewers follow the choice.
        `preferred` is a selection to restore (after a change of language), kept where its rounds still exist."""
        self._db = db
        with db.session() as session:
            self.set_rounds(list_rounds(session), preferred)

    def _load_options(self) -> None:
        uuids = self.round_uuids()
        if self._db is None or not uuids:
            self.set_options([], [])
            return
        with self._db.session() as session:
            options = filter_options(session, uuids)
        self.set_options(options.units, options.reviewers)

    def set_rounds(self, rounds: list[RoundSummary], preferred: Selection | None = None) -> None:
        """Offers the rounds grouped by checklist. The first time, the newest real round is chosen (demo and
        training rounds only when there is nothing else); after that the choice is kept."""
        self._rounds = [r for r in rounds if not r.archived]
        wanted = set(preferred.round_uuids) if preferred is not None else set()
        keep = [r for r in self._rounds if r.uuid in wanted]
        slug: str | None
        if keep:
            slug = keep[0].checklist_slug
        elif self.checklist.count() and self.checklist.currentData() in {r.checklist_slug for r in self._rounds}:
            slug = self.checklist.currentData()
            wanted = set(self.round_uuids())
        else:
            newest = self._newest()
            slug = newest.checklist_slug if newest is not None else None
            wanted = {newest.uuid} if newest is not None else set()
        names: dict[str, str] = {}
        for summary in self._rounds:
            names.setdefault(summary.checklist_slug, summary.checklist_name)
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for value, label in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.checklist.addItem(label, value)
        index = self.checklist.findData(slug)
        self.checklist.setCurrentIndex(index if index >= 0 else 0)
        self.checklist.blockSignals(False)
        self._fill_rounds(wanted)
        if preferred is not None and keep:
            self._restore_choices(preferred)

    def _newest(self) -> RoundSummary | None:
        """The newest real round, else the newest of any kind (the list comes newest first)."""
        return next((r for r in self._rounds if r.real), self._rounds[0] if self._rounds else None)

    def _restore_choices(self, preferred: Selection) -> None:
        for combo, value in (
            (self.unit, preferred.unit),
            (self.reviewer, preferred.reviewer),
            (self.breakdown, preferred.breakdown),
            (self.compare, preferred.compare_with),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
        self.changed.emit()

    def _fill_rounds(self, checked: set[str] | None = None) -> None:
        slug = self.checklist.currentData()
        chosen = [r for r in self._rounds if r.checklist_slug == slug]
        if not checked or not any(r.uuid in checked for r in chosen):
            newest = next((r for r in chosen if r.real), chosen[0] if chosen else None)
            checked = {newest.uuid} if newest is not None else set()
        self.rounds_model.blockSignals(True)
        self.rounds_model.clear()
        for summary in chosen:
            item = QStandardItem(self._round_text(summary))
            item.setData(summary.uuid, UUID_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if summary.uuid in checked else Qt.CheckState.Unchecked)
            self.rounds_model.appendRow(item)
        self.rounds_model.blockSignals(False)
        self.rounds.reset()
        self._rounds_checked()

    def _round_text(self, summary: RoundSummary) -> str:
        text = f"{summary.name} ({summary.period_label})"
        if summary.real:
            return text
        return text + " – " + (self.tr("fictitious") if summary.fictitious else self.tr("training"))

    def _rounds_checked(self) -> None:
        checked = set(self.round_uuids())
        same_checklist = [r for r in self._rounds if r.checklist_slug == self.checklist.currentData()]
        baseline = next((r.baseline_name for r in same_checklist if r.uuid in checked and r.baseline_name), None)
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem(self.tr("No comparison"), None)
        for summary in same_checklist:
            if summary.uuid not in checked:
                self.compare.addItem(f"{summary.name} ({summary.period_label})", summary.uuid)
                if summary.name == baseline:
                    self.compare.setCurrentIndex(self.compare.count() - 1)
        self.compare.setEnabled(len(checked) == 1)
        if len(checked) != 1:
            self.compare.setCurrentIndex(0)
        self.compare.blockSignals(False)
        self.hint.setText("" if checked else self.tr("Choose at least one round."))
        self._load_options()
        self.changed.emit()

    def set_options(self, units: list[str], reviewers: list[str]) -> None:
        for combo, values, everything in (
            (self.unit, units, self.tr("All units")),
            (self.reviewer, reviewers, self.tr("All reviewers")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def round_uuids(self) -> tuple[str, ...]:
        uuids = []
        for row in range(self.rounds_model.rowCount()):
            item = self.rounds_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                uuids.append(item.data(UUID_ROLE))
        return tuple(uuids)

    def trend_uuids(self) -> tuple[str, ...]:
        """The ticked rounds from the oldest to the newest, as a trend reads them (the list shows the newest
        first)."""
        return tuple(reversed(self.round_uuids()))

    def check_rounds(self, uuids: set[str]) -> None:
        self.rounds_model.blockSignals(True)
        for row in range(self.rounds_model.rowCount()):
            item = self.rounds_model.item(row)
            state = Qt.CheckState.Checked if item.data(UUID_ROLE) in uuids else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self.rounds_model.blockSignals(False)
        self._rounds_checked()

    def selection(self) -> Selection:
        return Selection(
            round_uuids=self.round_uuids(),
            unit=self.unit.currentData(),
            reviewer=self.reviewer.currentData(),
            breakdown=self.breakdown.currentData(),
            compare_with=self.compare.currentData() if self.compare.isEnabled() else None,
        )
