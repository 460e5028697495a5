"""Settings: the reviewer's initials or pseudonym, the language, and the backups (how many are kept, and the list)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from reviewer.domain.text import ReviewerError
from reviewer.services.settings import Settings
from reviewer.ui.backup_list import BackupList
from reviewer.ui.form_dialog import FormDialog


class SettingsDialog(FormDialog):
    def __init__(
        self,
        settings: Settings,
        first_run: bool = False,
        parent: QWidget | None = None,
        backup_dir: Path | None = None,
        backup_now: Callable[[], object] | None = None,
    ) -> None:
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
        self.add_row(self.tr("&Initials or pseudonym"), self.reviewer, required=True)
        self.add_row(self.tr("&Language"), self.language)
        self.body.insertWidget(0, intro)
        if first_run:
            self.guide = QLabel(
                self.tr(
                    "<b>How the work is shared.</b> The <b>caseworker</b> reviews closed case files against a "
                    "checklist, case by case, and sends the reviews to the unit chief in an exchange file. The "
                    "<b>unit chief</b> collects them, sees the findings split by sex and hands them out only as "
                    "anonymised figures. Press F1 at any time for help on the part you are in."
                ),
                self,
            )
            self.guide.setWordWrap(True)
            self.body.insertWidget(0, self.guide)
        self.result_settings = settings
        self.backups_kept: QSpinBox | None = None
        self.backup_list: BackupList | None = None
        if not first_run:
            self._add_backups(backup_dir, backup_now)

    def _add_backups(self, backup_dir: Path | None, backup_now: Callable[[], object] | None) -> None:
        self.backups_kept = QSpinBox(self)
        self.backups_kept.setRange(1, 100)
        self.backups_kept.setValue(self.result_settings.backups_kept)
        self.backups_kept.setAccessibleName(self.tr("Automatic backups kept of each kind"))
        self.add_row(self.tr("Automatic &backups kept"), self.backups_kept)
        if backup_dir is None:
            note = QLabel(self.tr("A PostgreSQL database is backed up by your IT department (pg_dump)."), self)
            note.setWordWrap(True)
            self.form.addRow(note)
            return
        explained = QLabel(
            self.tr(
                "A backup is made at the first start of each day and before every update of the database. "
                "Backups are kept in %1."
            ).replace("%1", str(backup_dir)),
            self,
        )
        explained.setWordWrap(True)
        self.backup_list = BackupList(backup_dir, self)
        self.backup_list.setMinimumHeight(160)
        self.backup_button = QPushButton(self.tr("Back &up now"), self)
        self.backup_button.clicked.connect(lambda: self._backup(backup_now))
        self.backup_button.setEnabled(backup_now is not None)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.backup_button)
        position = self.body.indexOf(self.message)
        self.body.insertWidget(position, explained)
        self.body.insertWidget(position + 1, self.backup_list)
        self.body.insertLayout(position + 2, row)
        self.setMinimumWidth(640)

    def _backup(self, backup_now: Callable[[], object] | None) -> None:
        assert backup_now is not None and self.backup_list is not None
        try:
            backup_now()
        except ReviewerError as error:
            self.refuse(error.text())
            return
        self.backup_list.refresh()

    def _settings(self) -> Settings:
        """What the dialog shows, over the settings it does not show (the last exchange folder), kept as they were."""
        return Settings(
            **self.result_settings.model_dump(exclude={"reviewer", "language", "backups_kept"}),
            reviewer=self.reviewer.text(),
            language=self.language.currentData(),
            backups_kept=self.backups_kept.value() if self.backups_kept else self.result_settings.backups_kept,
        )

    def problem(self) -> str | None:
        try:
            self._settings()
        except ValidationError:
            return self.tr("That looks like a personnummer. Use initials or a pseudonym.")
        return None

    def commit(self) -> str | None:
        self.result_settings = self._settings()
        return None
