"""Creating a round: name, checklist version, period, and optionally the baseline round it is compared with."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from reviewer.domain.text import Language, ReviewerError
from reviewer.services.checklists import ChecklistSummary
from reviewer.services.rounds import RoundSummary
from reviewer.storage.models import ChecklistStatus
from reviewer.ui.form_dialog import FormDialog
from reviewer.ui.labels import area_label
from reviewer.ui.sample_plan_panel import PlanFor, SamplePlanPanel


class RoundDialog(FormDialog):
    """`submit(name, slug, version, period, baseline_uuid)` does the work; a refusal keeps the dialog open."""

    def __init__(
        self,
        checklists: list[ChecklistSummary],
        rounds: list[RoundSummary],
        language: Language,
        submit: Callable[[str, str, int, str, str | None], None],
        plan_for: PlanFor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New review round"), parent)
        self._submit = submit
        self._language = language
        self._rounds = rounds
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("e.g. Färdtjänst 2026 H1"))
        self.checklist = QComboBox(self)
        self.checklist.setAccessibleName(self.tr("Checklist"))
        for c in checklists:
            if c.status is ChecklistStatus.PUBLISHED:
                self.checklist.addItem(f"{c.title} – {area_label(c.area)} (v{c.version})", (c.slug, c.version, c.area))
        self.period = QLineEdit(self)
        self.period.setAccessibleName(self.tr("Period"))
        self.period.setPlaceholderText(self.tr("e.g. 2026 H1"))
        self.baseline = QComboBox(self)
        self.baseline.setAccessibleName(self.tr("Baseline round"))
        self.plan = SamplePlanPanel(plan_for, language, self)
        self.checklist.currentIndexChanged.connect(self._fill_baselines)
        self.checklist.currentIndexChanged.connect(self._plan_checklist)
        self._fill_baselines()

        self.add_row(self.tr("&Name"), self.name, required=True)
        self.add_row(self.tr("&Checklist"), self.checklist, required=True)
        self.add_row(self.tr("&Period"), self.period)
        self.add_row(self.tr("&Baseline (before)"), self.baseline)
        self.form.addRow(self.plan)
        self._plan_checklist()

    def _plan_checklist(self) -> None:
        data = self.checklist.currentData()
        self.plan.set_checklist(data[0] if data else None, data[1] if data else None)

    def _fill_baselines(self) -> None:
        data = self.checklist.currentData()
        area = data[2] if data else None
        self.baseline.clear()
        self.baseline.addItem(self.tr("None"), None)
        for r in self._rounds:
            if r.area == area and not r.fictitious:
                self.baseline.addItem(f"{r.name} ({r.period_label})", r.uuid)

    def commit(self) -> str | None:
        slug, version, _area = self.checklist.currentData()
        try:
            self._submit(self.name.text(), slug, version, self.period.text(), self.baseline.currentData())
        except ReviewerError as error:
            return error.text(self._language)
        return None
