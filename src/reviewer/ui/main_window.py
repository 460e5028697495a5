"""The main window: one tab per area of work; each page owns its own data and widgets."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from reviewer import __version__
from reviewer.bootstrap import App
from reviewer.ui.checklists_page import ChecklistsPage
from reviewer.ui.rounds_page import RoundsPage


class MainWindow(QMainWindow):
    def __init__(self, app: App, parent=None) -> None:
        super().__init__(parent)
        self._app = app
        self.setWindowTitle(self.tr("Gender equality review"))
        self.resize(1100, 700)

        self.rounds_page = RoundsPage(app.db, self)
        self.checklists_page = ChecklistsPage(app.db, self)
        self.rounds_page.data_changed.connect(self.checklists_page.refresh)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rounds_page, self.tr("&Reviews"))
        self.tabs.addTab(self.checklists_page, self.tr("&Checklists"))
        self.setCentralWidget(self.tabs)

        location = str(app.db.file) if app.db.file else app.db.engine.url.render_as_string(hide_password=True)
        where = QLabel(self.tr("Database: %1").replace("%1", location))
        self.statusBar().addPermanentWidget(where)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About"), self)
        about_action.triggered.connect(self._about)
        help_menu.addAction(about_action)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Gender equality review of case files, version %1.\nData folder: %2")
            .replace("%1", __version__)
            .replace("%2", str(self._app.paths.data_dir)),
        )
