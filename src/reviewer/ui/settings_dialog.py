"""Settings: the reviewer's initials or pseudonym, and the language."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reviewer.services.settings import Settings
from reviewer.ui.style import ERROR_STYLE


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome") if first_run else self.tr("Settings"))
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
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Initials or pseudonym"), self.reviewer)
        form.addRow(self.tr("&Language"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.result_settings = settings

    def accept(self) -> None:
        try:
            self.result_settings = Settings(reviewer=self.reviewer.text(), language=self.language.currentData())
        except ValidationError:
            self.message.setText(self.tr("That looks like a personnummer. Use initials or a pseudonym."))
            self.message.show()
            return
        super().accept()
