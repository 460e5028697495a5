"""Adding or editing a case: code, sex, age band, unit. The service checks; the dialog shows its message inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex, categories_for
from reviewer.domain.text import Language, ReviewerError
from reviewer.services.cases import CaseInput, CaseRow
from reviewer.ui.form_dialog import FormDialog
from reviewer.ui.labels import sex_label


class CaseDialog(FormDialog):
    def __init__(
        self,
        definition: ChecklistDefinition,
        language: Language,
        units: list[str],
        submit: Callable[[CaseInput], None],
        existing: CaseRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit case") if existing else self.tr("New case"), parent)
        self._submit = submit
        self._language = language
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Case code"))
        self.code.setPlaceholderText(self.tr("a pseudonym, never a personnummer"))
        self.sex = QComboBox(self)
        self.sex.setAccessibleName(self.tr("Sex"))
        for sex in categories_for(definition.subject):
            self.sex.addItem(sex_label(sex.value), sex.value)
        self.age_band = QComboBox(self)
        self.age_band.setAccessibleName(self.tr("Age band"))
        self.age_band.addItem("–", None)
        for band in definition.age_bands:
            self.age_band.addItem(band.label.text(language), band.value)
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.addItem("")
        self.unit.addItems(units)
        self.form.addRow(self.tr("&Case code"), self.code)
        self.form.addRow(self.tr("&Sex"), self.sex)
        self.form.addRow(self.tr("&Age band"), self.age_band)
        self.form.addRow(self.tr("&Unit"), self.unit)

        if existing is not None:
            self.code.setText(existing.case_code)
            self.sex.setCurrentIndex(max(self.sex.findData(existing.sex.value), 0))
            self.age_band.setCurrentIndex(max(self.age_band.findData(existing.age_band), 0))
            self.unit.setCurrentText(existing.unit or "")

    def value(self) -> CaseInput:
        return CaseInput(
            case_code=self.code.text(),
            sex=Sex(self.sex.currentData()),
            age_band=self.age_band.currentData(),
            unit=self.unit.currentText() or None,
        )

    def accept(self) -> None:
        """Hand the input to `submit`; when it is refused, stay open and say why."""
        try:
            self._submit(self.value())
        except ReviewerError as error:
            self.refuse(error.text(self._language))
            return
        super().accept()
