"""One program start for the cold_start benchmark, run in a fresh process by the parent.

    python benchmarks/_start_child.py --mode app|bare --data-dir DIR

`app` starts the real program through its entry point (`reviewer.main.main`, which parses the command line, installs
the translator, bootstraps the data folder and database, builds `MainWindow` and shows it); `bare` shows an empty
`QMainWindow` in a plain `QApplication`, the least any Qt program must do. A zero-delay timer, queued before the
program starts, is the first thing the event loop runs after the window was shown: it checks that a main window
really is visible and prints "shown". The program opens its database only after that (the window says it is opening
it), so an `app` child then also prints "ready" once the window holds its areas. The parent times both lines.

Quitting keeps asking every event loop to end until the program has returned: a first start opens a modal settings
dialog, and the program goes on to its own event loop after that dialog, so one quit() would not be enough.
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def _main_windows() -> list[QMainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]


def _report_shown(expect_title: str | None, wait_until_ready: bool) -> None:
    """Runs as the first event once the loop starts: the window has been shown, nothing else has run yet."""
    windows = _main_windows()
    if not windows:
        print("no main window shown", flush=True)
        os._exit(3)  # a failure: no tidy shutdown needed, and no exception for the program's error hook
    if expect_title is not None and windows[0].windowTitle() != expect_title:
        print(f"unexpected window title {windows[0].windowTitle()!r}", flush=True)
        os._exit(4)
    print("shown", flush=True)
    if wait_until_ready:
        _poll_ready(windows[0])
    else:
        _keep_quitting()


def _poll_ready(window: QMainWindow) -> None:
    """The program is ready when the window holds its areas (the database is open and the rounds are listed)."""
    timer = QTimer(QApplication.instance())
    timer.setInterval(2)

    def check() -> None:
        if getattr(window, "app", None) is not None and hasattr(window, "tabs"):
            timer.stop()
            print("ready", flush=True)
            _keep_quitting()

    timer.timeout.connect(check)
    timer.start()


def _keep_quitting() -> None:
    timer = QTimer(QApplication.instance())
    timer.setInterval(10)
    timer.timeout.connect(_quit_step)
    timer.start()
    _quit_step()


def _quit_step() -> None:
    modal = QApplication.activeModalWidget()
    if modal is not None:
        modal.close()
    QApplication.exit(0)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("app", "bare"), required=True)
    parser.add_argument("--data-dir", required=True)
    args = parser.parse_args()
    qt_app = QApplication(sys.argv[:1])
    if args.mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1100, 700)
        window.show()
        QTimer.singleShot(0, lambda: _report_shown(None, wait_until_ready=False))
        return qt_app.exec()
    # The Swedish title proves the translator was installed; the parent runs this with a Swedish (non-English) locale.
    QTimer.singleShot(0, lambda: _report_shown("Jämställdhetsgranskning", wait_until_ready=True))
    from reviewer.main import main as reviewer_main

    return reviewer_main(["--data-dir", args.data_dir])


if __name__ == "__main__":
    sys.exit(main())
