"""Starting the window: Qt application and translation, the window on screen, then the database behind it."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reviewer.domain.text import Language, ReviewerError
from reviewer.ui.i18n import install_translator
from reviewer.ui.icon import DESKTOP_ID, application_icon
from reviewer.ui.main_window import MainWindow, resolve_language

if TYPE_CHECKING:
    from reviewer.bootstrap import App

log = logging.getLogger(__name__)


def _title() -> str:
    return QCoreApplication.translate("App", "Gender equality review")


def report_unexpected_error(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    database: Path | None = None,
    language: Language | None = None,
) -> None:
    """The last resort: a known failure (the database in use elsewhere, a full disk, a read-only folder) gets its
    own plain message; anything else a sentence, with the details in the log file, never a traceback."""
    from reviewer.storage.failures import known_failure

    known = known_failure(exc, database)
    if known is not None:
        log.warning("operation failed: %s", type(known).__name__)
        QMessageBox.critical(None, _title(), known.text(language))
        return
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    QMessageBox.critical(
        None,
        _title(),
        QCoreApplication.translate(
            "App",
            "An unexpected error occurred. What you saved before is kept. The details are in the log file; "
            "please send it to your IT support.",
        ),
    )


def _recover(window: MainWindow, problem: str, data_dir: Path | None, database_url: str | None) -> bool:
    """The recovery dialog over a damaged database; True once the newest good backup is restored."""
    from reviewer.bootstrap import prepare, release_logging
    from reviewer.services.maintenance import restore_database
    from reviewer.services.settings import load_settings
    from reviewer.storage.restore import newest_good_backup
    from reviewer.ui.recovery_dialog import RecoveryDialog

    try:
        paths, url, handler = prepare(data_dir, database_url)
    except ReviewerError as error:
        QMessageBox.critical(window, _title(), problem + "\n\n" + error.text(window.language))
        return False
    try:
        good = newest_good_backup(paths.backup_dir)
        if good is None:
            no_backup = QCoreApplication.translate(
                "App", "There is no backup to restore. Contact your IT support; the file is kept as it is."
            )
            QMessageBox.critical(window, _title(), problem + "\n\n" + no_backup)
            return False
        if RecoveryDialog(problem, good, window).exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            restore_database(url, paths.backup_dir, good.path, load_settings(paths.config_dir).backups_kept)
        except ReviewerError as error:
            QMessageBox.critical(window, _title(), error.text(window.language))
            return False
        log.info("restored the newest good backup at start")
        return True
    finally:
        release_logging(handler)


def _bootstrap_or_recover(window: MainWindow, data_dir: Path | None, database_url: str | None) -> App | None:
    """The opened database, or None once the user has been told why not (after the recovery dialog, if it is
    damaged and a backup exists)."""
    from reviewer.bootstrap import bootstrap
    from reviewer.storage.database import DatabaseError
    from reviewer.storage.failures import known_failure

    try:
        return bootstrap(data_dir, database_url)
    except DatabaseError as error:
        if not error.recoverable:
            QMessageBox.critical(window, _title(), error.text(window.language))
            return None
        if not _recover(window, error.text(window.language), data_dir, database_url):
            return None
    except ReviewerError as error:
        QMessageBox.critical(window, _title(), error.text(window.language))
        return None
    except Exception as error:
        known = known_failure(error, None)
        if known is None:
            raise
        QMessageBox.critical(window, _title(), known.text(window.language))
        return None
    try:
        return bootstrap(data_dir, database_url)
    except ReviewerError as error:
        QMessageBox.critical(window, _title(), error.text(window.language))
        return None


def _open(window: MainWindow, data_dir: Path | None, database_url: str | None, qt_app: QApplication) -> None:
    """Runs once the window is on screen: import the storage and services, open the database, fill the window."""
    from reviewer.services.settings import load_settings

    language = window.language
    app = _bootstrap_or_recover(window, data_dir, database_url)
    if app is None:
        qt_app.exit(1)
        return
    settings = load_settings(app.paths.config_dir)
    if resolve_language(settings) != language:
        install_translator(qt_app, resolve_language(settings))
    window.settings = settings
    window.attach(app)
    for warning in app.warnings:
        window.statusBar().showMessage(warning.text(window.language))
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
    sys.excepthook = lambda exc_type, exc, tb: report_unexpected_error(
        exc_type, exc, tb, window.app.db.file if window.app else None, window.language
    )
    QTimer.singleShot(0, lambda: _open(window, data_dir, database_url, qt_app))
    try:
        return qt_app.exec()
    finally:
        sys.excepthook = previous_hook
        window.close()
        window.deleteLater()
        if window.app is not None:
            window.app.close()
