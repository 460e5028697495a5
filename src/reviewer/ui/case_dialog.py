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
from reviewer.services.cases import CaseInput, CaseRow, check_case
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
        self._definition = definition
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Case code"))
        self.code.setPlaceholderText(self.tr("a pseudonym, never a personnummer"))
        # What the statistics split by starts empty and has to be chosen: a default would be counted unnoticed.
        self.sex = QComboBox(self)
        self.sex.setAccessibleName(self.tr("Sex"))
        self.sex.setPlaceholderText(self.tr("Choose…"))
        for sex in categories_for(definition.subject):
            self.sex.addItem(sex_label(sex.value), sex.value)
        self.sex.setCurrentIndex(-1)
        self.age_band = QComboBox(self)
        self.age_band.setAccessibleName(self.tr("Age band"))
        self.age_band.setPlaceholderText(self.tr("Choose…"))
        for band in definition.age_bands:
            self.age_band.addItem(band.label.text(language), band.value)
        self.age_band.addItem(self.tr("Not known"), None)
        self.age_band.setCurrentIndex(-1 if definition.age_bands else 0)
        self.age_band.setEnabled(bool(definition.age_bands))
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.setAccessibleName(self.tr("Unit"))
        self.unit.addItem("")
        self.unit.addItems(units)
        self.add_row(self.tr("&Case code"), self.code, required=True)
        self.add_row(self.tr("&Sex"), self.sex, required=True)
        self.add_row(self.tr("&Age band"), self.age_band, required=True)
        self.add_row(self.tr("&Unit"), self.unit)

        if existing is not None:
            self.code.setText(existing.case_code)
            self.sex.setCurrentIndex(self.sex.findData(existing.sex.value))
            self.age_band.setCurrentIndex(self.age_band.findData(existing.age_band))
            self.unit.setCurrentText(existing.unit or "")

    def value(self) -> CaseInput:
        return CaseInput(
            case_code=self.code.text(),
            sex=Sex(self.sex.currentData()),
            age_band=self.age_band.currentData(),
            unit=self.unit.currentText() or None,
        )

    def problem(self) -> str | None:
        try:
            check_case(self._definition, self.value())
        except ReviewerError as error:
            return error.text(self._language)
        return None

    def commit(self) -> str | None:
        try:
            self._submit(self.value())
        except ReviewerError as error:
            return error.text(self._language)
        return None
