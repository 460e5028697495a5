"""The main window: one tab per area of work; each area owns its own data and widgets.

The window is shown before the database is opened: importing the storage and service layers is most of a cold start,
so the window first says it is opening the database and builds its areas in `attach`, once `bootstrap` is done. The
area modules are therefore imported inside the methods that build them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from reviewer.domain.text import Language, language_from_environment
from reviewer.ui.help_topics import Topic
from reviewer.ui.i18n import install_translator

if TYPE_CHECKING:
    from reviewer.bootstrap import App
    from reviewer.services.settings import Settings
    from reviewer.storage.database import Database
    from reviewer.ui.dashboard.filters import Selection
    from reviewer.ui.dashboard.page import DashboardPage
    from reviewer.ui.export_page import ExportPage
    from reviewer.ui.training.area import TrainingArea


def resolve_language(settings: Settings | None) -> Language:
    if settings is None or settings.language == "auto":
        return language_from_environment()
    return settings.language


class MainWindow(QMainWindow):
    def __init__(self, app: App | None = None, settings: Settings | None = None, parent=None) -> None:
        super().__init__(parent)
        self._app: App | None = None
        self.settings = settings
        self._kept_selection: Selection | None = None
        self.resize(1100, 720)
        self.setWindowTitle(self.tr("Gender equality review"))
        starting = QLabel(self.tr("Opening the database…"), self)
        starting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(starting)
        if app is not None:
            self.attach(app)

    @property
    def app(self) -> App | None:
        return self._app

    @property
    def language(self) -> Language:
        return resolve_language(self.settings)

    def attach(self, app: App) -> None:
        from reviewer.services.settings import load_settings

        self._app = app
        if self.settings is None:
            self.settings = load_settings(app.paths.config_dir)
        self._build()

    def _build(self) -> None:
        """Creates every widget anew, in the current language (also after the language is changed)."""
        from reviewer.ui.checklists_page import ChecklistsPage
        from reviewer.ui.lazy_tab import LazyTab
        from reviewer.ui.reviews_area import ReviewsArea

        assert self._app is not None
        self.setWindowTitle(self.tr("Gender equality review"))
        self.reviews = ReviewsArea(self._app.db, self.language, self.actor, self.ensure_actor, self)
        self.checklists_page = ChecklistsPage(self._app.db, self.language, self, actor=self.actor)
        self.reviews.data_changed.connect(self.checklists_page.refresh)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.reviews, self.tr("&Reviews"))
        self.tabs.addTab(self.checklists_page, self.tr("&Checklists"))
        db, language = self._app.db, self.language
        actor, ensure_actor = self.actor, self.ensure_actor
        self.training_tab = LazyTab(lambda parent: _training(db, language, actor, ensure_actor, parent), self)
        self.tabs.addTab(self.training_tab, self.tr("&Training"))
        preferred = self._kept_selection
        self.dashboard_tab = LazyTab(lambda parent: _dashboard(db, language, parent, preferred), self)
        self.tabs.addTab(self.dashboard_tab, self.tr("&Summary"))
        self.export_tab = LazyTab(lambda parent: _export_page(db, language, parent), self)
        self.tabs.addTab(self.export_tab, self.tr("E&xport and report"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.menuBar().clear()
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        export_action = QAction(self.tr("&Export to exchange file…"), self)
        export_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_E))
        export_action.triggered.connect(self.export_exchange)
        file_menu.addAction(export_action)
        import_action = QAction(self.tr("&Import exchange files…"), self)
        import_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_I))
        import_action.triggered.connect(self.import_exchange)
        file_menu.addAction(import_action)
        audit_action = QAction(self.tr("Export au&dit trail…"), self)
        audit_action.triggered.connect(self.export_audit_trail)
        file_menu.addAction(audit_action)
        file_menu.addSeparator()
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma))
        settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        area_help = QAction(self.tr("&Help for this area"), self)
        area_help.setShortcut(QKeySequence(Qt.Key.Key_F1))
        area_help.triggered.connect(lambda: self.show_help(self.help_topic()))
        help_menu.addAction(area_help)
        shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts_action.triggered.connect(lambda: self.show_help(Topic.SHORTCUTS))
        help_menu.addAction(shortcuts_action)
        start_action = QAction(self.tr("&Getting started"), self)
        start_action.triggered.connect(lambda: self.show_help(Topic.START))
        help_menu.addAction(start_action)
        help_menu.addSeparator()
        about_action = QAction(self.tr("&About"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

        for widget in self.statusBar().findChildren(QLabel):
            self.statusBar().removeWidget(widget)
        db = self._app.db
        location = str(db.file) if db.file else db.engine.url.render_as_string(hide_password=True)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Database: %1").replace("%1", location), self))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard_tab:
            self.dashboard.refresh()
        elif self.tabs.widget(index) is self.export_tab:
            self.export_page.refresh()

    @property
    def training(self) -> TrainingArea:
        return self.training_tab.page

    @property
    def dashboard(self) -> DashboardPage:
        return self.dashboard_tab.page

    @property
    def export_page(self) -> ExportPage:
        return self.export_tab.page

    def export_exchange(self) -> None:
        from reviewer.ui.exchange_export_dialog import ExchangeExportDialog

        assert self._app is not None
        assert self.settings is not None

        def remember(folder: Path) -> None:
            assert self.settings is not None
            self._save(self.settings.model_copy(update={"exchange_folder": str(folder)}))

        ExchangeExportDialog(
            self._app.db, self.language, self.actor(), self, self.settings.exchange_folder, remember
        ).exec()

    def import_exchange(self) -> None:
        from reviewer.ui.exchange_import_dialog import ExchangeImportDialog

        assert self._app is not None
        dialog = ExchangeImportDialog(self._app.db, self.language, self.actor(), self)
        dialog.imported.connect(lambda _summary: self.reviews.show_rounds())
        dialog.imported.connect(lambda _summary: self.checklists_page.refresh())
        dialog.exec()

    def export_audit_trail(self) -> None:
        from reviewer.ui.audit_export_dialog import AuditExportDialog

        assert self._app is not None
        AuditExportDialog(self._app.db, self.language, self).exec()

    def actor(self) -> str:
        return (self.settings.reviewer if self.settings else None) or ""

    def ensure_actor(self) -> bool:
        """A review records who made it: ask once for initials or a pseudonym if none is set."""
        if self.actor():
            return True
        return self.open_settings(first_run=True) and bool(self.actor())

    def open_settings(self, first_run: bool = False) -> bool:
        from reviewer.ui.settings_dialog import SettingsDialog

        assert self.settings is not None
        dialog = SettingsDialog(self.settings, first_run=first_run, parent=self, **self._backup_options())
        if not dialog.exec():
            return False
        self.apply_settings(dialog.result_settings)
        return True

    def _backup_options(self) -> dict[str, Any]:
        from reviewer.services.maintenance import backup_now

        assert self._app is not None
        app = self._app
        if app.db.file is None:
            return {}
        return {"backup_dir": app.paths.backup_dir, "backup_now": lambda: backup_now(app.db, app.paths.backup_dir)}

    def _save(self, settings: Settings) -> None:
        from reviewer.services.settings import save_settings

        assert self._app is not None
        old_language = self.language
        if resolve_language(settings) != old_language and not self._settle_refused_edits():
            return  # rebuilding the window in the other language would drop the refused edit
        self.settings = settings
        save_settings(self._app.paths.config_dir, settings)

    def apply_settings(self, settings: Settings) -> None:
        assert self._app is not None
        old_language = self.language
        self._save(settings)
        if self.language != old_language:
            qt_app = QApplication.instance()
            assert qt_app is not None
            install_translator(qt_app, self.language)
            # The window is built anew in the new language; the area and the summary's choices stay as they were.
            area = self.tabs.currentIndex()
            built = self.dashboard_tab.built
            self._kept_selection = self.dashboard.filters.selection() if built else None
            self._build()
            self._kept_selection = None
            self.tabs.setCurrentIndex(area)

    def _settle_refused_edits(self) -> bool:
        """False when a review form, in Granskningar or in Utbildning, holds a refused edit the user goes back to."""
        reviews = getattr(self, "reviews", None)
        if reviews is not None and not reviews.settle_refused_edit():
            return False
        training_tab = getattr(self, "training_tab", None)
        return training_tab is None or not training_tab.built or self.training.settle_refused_edit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """A refused edit on screen is not lost without a word: the user discards it or goes back to it."""
        if not self._settle_refused_edits():
            event.ignore()
            return
        super().closeEvent(event)

    def help_topic(self) -> Topic:
        """The help page for the area on screen, down to the list or form shown in Granskningar."""
        current = self.tabs.currentWidget()
        if current is self.reviews:
            page = self.reviews.stack.currentWidget()
            if page is self.reviews.cases_page:
                return Topic.CASES
            return Topic.REVIEW if page is self.reviews.form else Topic.ROUNDS
        pages = {
            self.checklists_page: Topic.CHECKLISTS,
            self.training_tab: Topic.TRAINING,
            self.dashboard_tab: Topic.SUMMARY,
        }
        return pages.get(current, Topic.EXPORT)

    def show_help(self, topic: Topic) -> None:
        from reviewer.ui.help_dialog import HelpDialog

        HelpDialog(topic, self.language, self).exec()

    def _about(self) -> None:
        from reviewer.ui.about_dialog import AboutDialog

        AboutDialog(self.language, self._app.paths.data_dir if self._app else None, self).exec()


def _dashboard(db: Database, language: Language, parent: QWidget, preferred: Selection | None) -> DashboardPage:
    from reviewer.ui.dashboard.page import DashboardPage

    return DashboardPage(db, language, parent, preferred)


def _training(
    db: Database, language: Language, actor: Callable[[], str], ensure_actor: Callable[[], bool], parent: QWidget
) -> TrainingArea:
    from reviewer.ui.training.area import TrainingArea

    return TrainingArea(db, language, actor, ensure_actor, parent)


def _export_page(db: Database, language: Language, parent: QWidget) -> ExportPage:
    from reviewer.ui.export_page import ExportPage

    return ExportPage(db, language, parent)
