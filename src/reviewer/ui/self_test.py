"""`reviewer --self-test`: the program's own start, watched from inside, for IT after an install and for CI.

It goes through exactly what a user's start does (translator, icon, the window, bootstrap with its migrations, the
areas built); any dialog that start opens (the first run's settings, an error) is closed and reported. Then it reads
the licence texts the About dialog shows. It passes only when the main window holds its areas, no error dialog
appeared and the licence texts are there.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reviewer.ui.main_window import MainWindow

TIMEOUT_SECONDS = 120.0


class SelfTest(QObject):
    def __init__(self, window: MainWindow, qt_app: QApplication) -> None:
        super().__init__(window)
        self._window = window
        self._qt_app = qt_app
        self._started = time.monotonic()
        self._errors: list[str] = []
        self._closed: list[str] = []
        self._components = 0
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._timer.start()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            self._close(modal)
            return
        window = self._window
        if window.app is not None and hasattr(window, "tabs"):
            self._timer.stop()
            self._check_licences()
            self._report()
            self._qt_app.exit(1 if self._errors else 0)
        elif time.monotonic() - self._started > TIMEOUT_SECONDS:
            self._timer.stop()
            print(f"self-test: the window was not ready within {TIMEOUT_SECONDS:.0f} s", file=sys.stderr, flush=True)
            self._qt_app.exit(2)

    def _close(self, dialog: QDialog) -> None:
        if isinstance(dialog, QMessageBox) and dialog.icon() == QMessageBox.Icon.Critical:
            self._errors.append(dialog.text())
            print(f"self-test: error dialog: {dialog.text()}", file=sys.stderr, flush=True)
        else:
            self._closed.append(dialog.windowTitle())
        dialog.reject()

    def _check_licences(self) -> None:
        """The files Hjälp → Om shows: a build that lost them would fail only when somebody opens the dialog."""
        from reviewer.ui.about_dialog import legal_text, third_party_components

        try:
            for name in ("LICENSE", "LGPL-3.0.txt", "GPL-3.0.txt"):
                legal_text(name)
            self._components = len(third_party_components(self._window.language))
        except (RuntimeError, ValueError, KeyError) as error:
            self._errors.append(str(error))
            print(f"self-test: {error}", file=sys.stderr, flush=True)

    def _report(self) -> None:
        window = self._window
        assert window.app is not None
        db = window.app.db
        areas = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
        sizes = sorted({size.width() for size in self._qt_app.windowIcon().availableSizes()})
        lines = [
            f"title: {window.windowTitle()}",
            f"areas: {' | '.join(areas)}",
            f"database: {db.file if db.file else db.engine.url.render_as_string(hide_password=True)}",
            f"icon sizes: {', '.join(map(str, sizes)) or 'none'}",
            f"dialogs closed: {', '.join(self._closed) or 'none'}",
            f"licences: EUPL-1.2, LGPL-3.0, GPL-3.0 and {self._components} third-party notices",
            "self-test: " + ("FAILED" if self._errors else "ok"),
        ]
        print("\n".join(lines), flush=True)
