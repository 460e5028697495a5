"""Starting the window: Qt application, translation, bootstrap with a readable error, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.bootstrap import bootstrap
from reviewer.domain.text import ReviewerError
from reviewer.ui.i18n import install_translator
from reviewer.ui.main_window import MainWindow


def run_gui(data_dir: Path | None, database_url: str | None, argv: list[str]) -> int:
    qt_app = QApplication.instance() or QApplication(argv)
    qt_app.setApplicationName("reviewer")
    qt_app.setOrganizationName("reviewer")
    language = install_translator(qt_app)
    try:
        app = bootstrap(data_dir, database_url)
    except ReviewerError as error:
        QMessageBox.critical(None, qt_app.translate("App", "Gender equality review"), error.text(language))
        return 1
    window = MainWindow(app)
    window.show()
    try:
        return qt_app.exec()
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run_gui(None, None, sys.argv))
