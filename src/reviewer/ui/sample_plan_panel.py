"""The sample size beside a new round: how many files per sex the chosen checklist needs to find a difference, and
what the files the unit has can find – so a round is not started that cannot show what it looks for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from reviewer.domain.power import DEFAULT_DIFFERENCE_PP, PlanInput
from reviewer.domain.text import Language, ReviewerError
from reviewer.services.planning import ChecklistPlan

PlanFor = Callable[[str, int, PlanInput], ChecklistPlan]
MAX_AVAILABLE = 1_000_000


class SamplePlanPanel(QGroupBox):
    def __init__(self, plan_for: PlanFor, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sample size"), parent)
        self._plan_for = plan_for
        self._language = language
        self._checklist: tuple[str, int] | None = None
        self.difference = QSpinBox(self)
        self.difference.setRange(5, 80)
        self.difference.setValue(int(DEFAULT_DIFFERENCE_PP))
        self.difference.setSuffix(self.tr(" percentage points"))
        self.difference.setAccessibleName(self.tr("Difference to find"))
        self.women = self._available(self.tr("Available files, women"))
        self.men = self._available(self.tr("Available files, men"))
        available = QHBoxLayout()
        available.addWidget(QLabel(self.tr("women"), self))
        available.addWidget(self.women)
        available.addWidget(QLabel(self.tr("men"), self))
        available.addWidget(self.men)
        self.result = QLabel(self)
        inputs = QFormLayout()
        inputs.addRow(self.tr("&Difference to find"), self.difference)
        inputs.addRow(self.tr("Files there are"), available)
        layout = QVBoxLayout(self)
        layout.addLayout(inputs)
        layout.addWidget(self.result)
        for box in (self.difference, self.women, self.men):
            box.valueChanged.connect(self.update_plan)

    def _available(self, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, MAX_AVAILABLE)
        box.setSpecialValueText(self.tr("not given"))
        box.setAccessibleName(name)
        return box

    def set_checklist(self, slug: str | None, version: int | None) -> None:
        self._checklist = None if slug is None or version is None else (slug, version)
        self.update_plan()

    def update_plan(self) -> None:
        if self._checklist is None:
            self._show(self.tr("Choose a checklist to see how many files a round needs."))
            return
        women, men = self.women.value() or None, self.men.value() or None
        request = PlanInput(
            difference_pp=float(self.difference.value()),
            available_women=women if women and men else None,
            available_men=men if women and men else None,
        )
        try:
            result = self._plan_for(*self._checklist, request)
        except ReviewerError as error:
            self._show(error.text(self._language))
            return
        self._show(self._describe(result))

    def _show(self, text: str) -> None:
        """The dialog grows with the text; a wrapped label alone would be clipped to its first height."""
        self.result.setText(text)
        window = self.window()
        if window is not self and window.isVisible():
            for widget in (self, window):
                layout = widget.layout()
                if layout is not None:
                    layout.invalidate()
                    layout.activate()
            window.adjustSize()

    def _describe(self, result: ChecklistPlan) -> str:
        """Short lines, not a wrapped paragraph: a wrapped label inside a form is clipped to its first height."""
        levels = {level.key: level for level in result.plan.levels}
        single, round_ = levels["single"], levels.get("round")
        lines = [
            _fill(
                self.tr("A yes/no question, 50 % against %1 %, found with 80 % power, needs per sex:"),
                self._number(result.plan.other_pct),
            ),
            "• " + _fill(self.tr("%1 files for a question tested on its own"), single.files_per_sex),
        ]
        if round_ is not None:
            lines.append(
                "• "
                + _fill(
                    self.tr("%1 files for any of the checklist's %2 compared questions"),
                    round_.files_per_sex,
                    result.n_compared,
                )
            )
        if result.plan.request.available_women is not None:
            wider = round_ if round_ is not None else single
            lines += [
                self.tr("The files there are can find a difference of at least:"),
                "• "
                + _fill(
                    self.tr("%1 percentage points for a question on its own"), self._detectable(single.detectable_pp)
                ),
                "• " + _fill(self.tr("%1 percentage points for any question"), self._detectable(wider.detectable_pp)),
            ]
        return "\n".join(lines)

    def _detectable(self, value: float | None) -> str:
        return self.tr("more than 100") if value is None else self._number(value)

    def _number(self, value: float) -> str:
        return self.locale().toString(float(value), "f", 0 if float(value).is_integer() else 1)


def _fill(template: str, *values: object) -> str:
    """Qt's %1, %2, … placeholders, which translators may reorder."""
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template
