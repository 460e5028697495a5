"""The main window: one tab per area of work; each area owns its own data and widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget

from reviewer import __version__
from reviewer.bootstrap import App
from reviewer.domain.text import Language, language_from_environment
from reviewer.services.settings import Settings, load_settings, save_settings
from reviewer.ui.checklists_page import ChecklistsPage
from reviewer.ui.i18n import install_translator
from reviewer.ui.reviews_area import ReviewsArea
from reviewer.ui.settings_dialog import SettingsDialog


def resolve_language(settings: Settings) -> Language:
    return language_from_environment() if settings.language == "auto" else settings.language


class MainWindow(QMainWindow):
    def __init__(self, app: App, settings: Settings | None = None, parent=None) -> None:
        super().__init__(parent)
        self._app = app
        self.settings = settings if settings is not None else load_settings(app.paths.config_dir)
        self.resize(1100, 720)
        self._build()

    @property
    def language(self) -> Language:
        return resolve_language(self.settings)

    def _build(self) -> None:
        """Creates every widget anew, in the current language (also after the language is changed)."""
        self.setWindowTitle(self.tr("Gender equality review"))
        self.reviews = ReviewsArea(self._app.db, self.language, self.actor, self.ensure_actor, self)
        self.checklists_page = ChecklistsPage(self._app.db, self)
        self.reviews.data_changed.connect(self.checklists_page.refresh)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.reviews, self.tr("&Reviews"))
        self.tabs.addTab(self.checklists_page, self.tr("&Checklists"))
        self.setCentralWidget(self.tabs)

        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

        for widget in self.statusBar().findChildren(QLabel):
            self.statusBar().removeWidget(widget)
        db = self._app.db
        location = str(db.file) if db.file else db.engine.url.render_as_string(hide_password=True)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Database: %1").replace("%1", location), self))

    @property
    def rounds_page(self):
        return self.reviews.rounds_page

    def actor(self) -> str:
        return self.settings.reviewer or ""

    def ensure_actor(self) -> bool:
        """A review records who made it: ask once for initials or a pseudonym if none is set."""
        if self.settings.reviewer:
            return True
        return self.open_settings(first_run=True) and bool(self.settings.reviewer)

    def open_settings(self, first_run: bool = False) -> bool:
        dialog = SettingsDialog(self.settings, first_run=first_run, parent=self)
        if not dialog.exec():
            return False
        self.apply_settings(dialog.result_settings)
        return True

    def apply_settings(self, settings: Settings) -> None:
        old_language = self.language
        self.settings = settings
        save_settings(self._app.paths.config_dir, settings)
        if self.language != old_language:
            qt_app = QApplication.instance()
            assert qt_app is not None
            install_translator(qt_app, self.language)
            self._build()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Gender equality review of case files, version %1.\nData folder: %2")
            .replace("%1", __version__)
            .replace("%2", str(self._app.paths.data_dir)),
        )
