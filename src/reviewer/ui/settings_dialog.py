"""Settings: the reviewer's initials or pseudonym, and the language."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from reviewer.services.settings import Settings
from reviewer.ui.form_dialog import FormDialog


class SettingsDialog(FormDialog):
    def __init__(self, settings: Settings, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Welcome") if first_run else self.tr("Settings"), parent)
        intro = QLabel(
            self.tr(
                "Your initials or a pseudonym are recorded on every review you make, so a unit chief can tell "
                "reviewers apart. Do not use your personnummer."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reviewer = QLineEdit(settings.reviewer or "", self)
        self.reviewer.setAccessibleName(self.tr("Initials or pseudonym"))
        self.reviewer.setMaxLength(32)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "auto")
        self.language.addItem("Svenska", "sv")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.form.addRow(self.tr("&Initials or pseudonym"), self.reviewer)
        self.form.addRow(self.tr("&Language"), self.language)
        self.body.insertWidget(0, intro)
        self.result_settings = settings

    def accept(self) -> None:
        try:
            self.result_settings = Settings(reviewer=self.reviewer.text(), language=self.language.currentData())
        except ValidationError:
            self.refuse(self.tr("That looks like a personnummer. Use initials or a pseudonym."))
            return
        super().accept()
