"""Starting the window: Qt application and translation, the window on screen, then the database behind it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.domain.text import ReviewerError
from reviewer.ui.i18n import install_translator
from reviewer.ui.icon import DESKTOP_ID, application_icon
from reviewer.ui.main_window import MainWindow, resolve_language

log = logging.getLogger(__name__)


def report_unexpected_error(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """The last resort: the details go to the log file, the user gets a sentence instead of a traceback."""
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    QMessageBox.critical(
        None,
        QCoreApplication.translate("App", "Gender equality review"),
        QCoreApplication.translate(
            "App",
            "An unexpected error occurred. What you saved before is kept. The details are in the log file; "
            "please send it to your IT support.",
        ),
    )


def _open(window: MainWindow, data_dir: Path | None, database_url: str | None, qt_app: QApplication) -> None:
    """Runs once the window is on screen: import the storage and services, open the database, fill the window."""
    from reviewer.bootstrap import bootstrap
    from reviewer.services.settings import load_settings

    language = window.language
    try:
        app = bootstrap(data_dir, database_url)
    except ReviewerError as error:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Gender equality review"), error.text(language))
        qt_app.exit(1)
        return
    settings = load_settings(app.paths.config_dir)
    if resolve_language(settings) != language:
        install_translator(qt_app, resolve_language(settings))
    window.settings = settings
    window.attach(app)
    if not settings.reviewer:
        window.ensure_actor()


def run_gui(data_dir: Path | None, database_url: str | None, argv: list[str], self_test: bool = False) -> int:
    qt_app = QApplication.instance() or QApplication(argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("reviewer")
    qt_app.setOrganizationName("reviewer")
    qt_app.setDesktopFileName(DESKTOP_ID)
    qt_app.setWindowIcon(application_icon())
    install_translator(qt_app)
    window = MainWindow()
    window.show()
    if self_test:
        from reviewer.ui.self_test import SelfTest

        SelfTest(window, qt_app).start()
    previous_hook = sys.excepthook
    sys.excepthook = report_unexpected_error
    QTimer.singleShot(0, lambda: _open(window, data_dir, database_url, qt_app))
    try:
        return qt_app.exec()
    finally:
        sys.excepthook = previous_hook
        window.close()
        window.deleteLater()
        if window.app is not None:
            window.app.close()
