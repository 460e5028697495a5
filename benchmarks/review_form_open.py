"""review_form_open: open the review of a 60-question checklist, against a plain form of 60 labelled line edits."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QWidget

from benchmarks._checklist60 import QUESTIONS, REVIEWER, prepare_review
from benchmarks._harness import Result, alternate, progress, qt_application, timed
from reviewer.services.reviews import open_review
from reviewer.storage.database import Database
from reviewer.ui.i18n import install_translator
from reviewer.ui.review_form import ReviewForm

NAME = "review_form_open"
DEFAULT_REPEAT = 15
WINDOW_SIZE = (1100, 700)  # the main window's size; the form fills it in the program


def _dispose(widget: QWidget) -> None:
    widget.hide()
    widget.deleteLater()
    QApplication.processEvents()


def open_form_once(db: Database, case_uuid: str) -> float:
    """Seconds from asking for the review to the form painted: open_review, ReviewForm, show, processEvents."""
    form: list[ReviewForm] = []

    def action() -> None:
        with db.session() as session:
            snapshot = open_review(session, case_uuid, REVIEWER)
        widget = ReviewForm(db, snapshot, "sv")
        widget.resize(*WINDOW_SIZE)
        widget.show()
        QApplication.processEvents()
        form.append(widget)

    elapsed = timed(action)
    assert len(form[0].rows) == QUESTIONS and form[0].isVisible()
    _dispose(form[0])
    return elapsed


def plain_form_once() -> float:
    """Seconds to build and show a QWidget with a QFormLayout of 60 QLabel + QLineEdit pairs."""
    form: list[QWidget] = []

    def action() -> None:
        widget = QWidget()
        layout = QFormLayout(widget)
        for index in range(1, QUESTIONS + 1):
            layout.addRow(QLabel(f"Fråga {index}", widget), QLineEdit(widget))
        widget.resize(*WINDOW_SIZE)
        widget.show()
        QApplication.processEvents()
        form.append(widget)

    elapsed = timed(action)
    _dispose(form[0])
    return elapsed


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    qt_app = qt_application()
    install_translator(qt_app, "sv")
    try:
        with tempfile.TemporaryDirectory(prefix="reviewer-bench-form-") as tmp:
            app, case_uuid = prepare_review(Path(tmp) / "data")
            try:
                # Untimed: the first form and the first plain form load fonts, styles and the modules' code.
                open_form_once(app.db, case_uuid)
                plain_form_once()
                progress(f"review_form_open: {repeat} openings of the 60-question form, {repeat} plain forms")
                samples, baseline_samples = alternate(
                    repeat, lambda _i: open_form_once(app.db, case_uuid), lambda _i: plain_form_once()
                )
            finally:
                app.close()
    finally:
        install_translator(qt_app, "en")
    return [
        Result(
            name=NAME,
            description=(
                f"open_review + ReviewForm + show + processEvents, {QUESTIONS} questions of every type "
                "(two thirds answered), Swedish, 1100x700 (offscreen)"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline=f"a plain QWidget with a QFormLayout of {QUESTIONS} QLabel + QLineEdit pairs, built and shown",
            max_median=0.150,
        )
    ]
