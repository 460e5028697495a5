"""Starting the window: Qt application, translation, bootstrap with a readable error, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.bootstrap import bootstrap
from reviewer.domain.text import ReviewerError
from reviewer.services.settings import load_settings
from reviewer.ui.i18n import install_translator
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


def run_gui(data_dir: Path | None, database_url: str | None, argv: list[str]) -> int:
    qt_app = QApplication.instance() or QApplication(argv)
    qt_app.setApplicationName("reviewer")
    qt_app.setOrganizationName("reviewer")
    language = install_translator(qt_app)
    try:
        app = bootstrap(data_dir, database_url)
    except ReviewerError as error:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Gender equality review"), error.text(language))
        return 1
    settings = load_settings(app.paths.config_dir)
    if resolve_language(settings) != language:
        install_translator(qt_app, resolve_language(settings))
    previous_hook = sys.excepthook
    sys.excepthook = report_unexpected_error
    window = MainWindow(app, settings)
    window.show()
    if not settings.reviewer:
        window.ensure_actor()
    try:
        return qt_app.exec()
    finally:
        sys.excepthook = previous_hook
        app.close()
