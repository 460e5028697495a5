"""Child process for test_kill: a real main window typing into a review until it is killed.

It prints "typed N" after the N-th keystroke has been handled (and so autosaved), flushing each line, so the
parent knows what must have survived when it sends SIGKILL.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reviewer.bootstrap import bootstrap
from reviewer.services.settings import Settings
from reviewer.ui.main_window import MainWindow

TEXT = "Både mödrar och fäder tillfrågades om barnen; ärendet handlades lika för kvinnor och män. " * 20


def main() -> None:
    data_dir, case_uuid = Path(sys.argv[1]), sys.argv[2]
    qt_app = QApplication(sys.argv[:1])
    app = bootstrap(data_dir=data_dir)
    window = MainWindow(app, Settings(reviewer="AB"))
    window.show()
    window.reviews.open_review(case_uuid)
    form = window.reviews.form
    yes = form.rows["beviljat"].editor
    yes.choose("nej")
    print("answered", flush=True)
    editor = form.rows["skal"].editor.text
    editor.setFocus()
    for count, char in enumerate(TEXT, start=1):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
        qt_app.processEvents()
        print(f"typed {count}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
