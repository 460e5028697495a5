"""checklist_editor: open a 200-question draft in the editor, and what one keystroke in it costs.

The draft is version 2 of a published 200-question checklist (ten sections of twenty questions of every type, with
guidance in two languages, options for the choice questions and a `show_if` in every section), as a unit chief gets
it from "New version". Opening is measured until the editor is on screen with its tree, properties, problem list and
preview filled; its baseline is a plain widget with 200 labels. A keystroke is one character typed into the question
text (the undoable edit, the property page refreshed) plus the validation it triggers with the problems placed in the
tree, the page and the list; its baseline is `json.dumps` of the definition. Autosave and the preview follow a
keystroke after a pause (debounced) and are not part of it.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from benchmarks._harness import Result, alternate, progress, qt_application, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.checklists.loader import parse_checklist
from reviewer.services.checklists import add_definition, new_draft, validate_data
from reviewer.ui.checklist_editor.editor import ChecklistEditor
from reviewer.ui.i18n import install_translator

NAME = "checklist_editor"
DEFAULT_REPEAT = 15
QUESTIONS = 200
SECTIONS = 10
SLUG = "bench_tvahundra"
WINDOW_SIZE = (1400, 860)
TYPES = [
    ("yes_no", 0),
    ("yes_no_na", 0),
    ("single_choice", 4),
    ("multiple_choice", 5),
    ("integer", 0),
    ("decimal", 0),
    ("money", 0),
    ("days", 0),
    ("date", 0),
    ("scale", 0),
    ("text", 0),
    ("single_choice", 12),
]
NO_FIXED_ANSWERS = {"integer", "decimal", "money", "days", "date", "text"}


def checklist_data() -> dict[str, Any]:
    """The published version 1 in file form."""
    questions: list[dict[str, Any]] = []
    for index in range(1, QUESTIONS + 1):
        kind, options = TYPES[index % len(TYPES)]
        question: dict[str, Any] = {
            "key": f"q{index:03d}_{kind}",
            "type": kind,
            "text": {
                "sv": f"Fråga {index}: framgår det av utredningen hur handläggaren bedömde punkt {index}?",
                "en": f"Question {index}: does the investigation show how the caseworker assessed point {index}?",
            },
            "help": {
                "sv": f"Läs avsnittet om punkt {index}.\nSvara utifrån vad som står, inte vad som antas.",
                "en": f"Read the section on point {index}.\nAnswer from what is written, not assumed.",
            },
            "required": index % 3 == 0,
            "compare_by_sex": kind != "text",
        }
        if options:
            question["options"] = [
                {"value": f"o{n}", "label": {"sv": f"Alternativ {n}", "en": f"Option {n}"}} for n in range(options)
            ]
        if index % 20 == 10:  # on the nearest earlier question with a fixed set of answers
            target = next(q for q in reversed(questions) if q["type"] not in NO_FIXED_ANSWERS)
            question["show_if"] = {"question": target["key"], "in": _values_of(target)}
        questions.append(question)
    per_section = QUESTIONS // SECTIONS
    return {
        "format_version": 1,
        "slug": SLUG,
        "version": 1,
        "area": "annat",
        "title": {"sv": "Prestandamall med 200 frågor", "en": "Benchmark template with 200 questions"},
        "subject": "adult",
        "age_bands": [{"value": "a18_64", "label": "18–64 år"}, {"value": "a65", "label": "65 år och äldre"}],
        "sections": [
            {
                "key": f"avsnitt_{s + 1}",
                "title": {"sv": f"Avsnitt {s + 1}", "en": f"Section {s + 1}"},
                "questions": questions[s * per_section : (s + 1) * per_section],
            }
            for s in range(SECTIONS)
        ],
    }


def _values_of(question: dict[str, Any]) -> list[Any]:
    if question["type"] in {"yes_no", "yes_no_na"}:
        return ["ja"]
    if question["type"] == "scale":
        return [4, 5]
    return [question["options"][0]["value"]]


def prepare(data_dir: Path) -> tuple[App, int]:
    app = bootstrap(data_dir=data_dir)
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(checklist_data()), f"{SLUG}.json", "json"))
        _slug, version = new_draft(session, (SLUG, 1))
    return app, version


def _dispose(widget: QWidget) -> None:
    widget.hide()
    widget.deleteLater()
    QApplication.processEvents()


def open_editor_once(app: App, version: int) -> tuple[float, ChecklistEditor]:
    editors: list[ChecklistEditor] = []

    def action() -> None:
        editor = ChecklistEditor(app.db, SLUG, version, "sv")
        editor.resize(*WINDOW_SIZE)
        editor.show()
        QApplication.processEvents()
        editors.append(editor)

    elapsed = timed(action)
    editor = editors[0]
    assert editor.preview.form is not None and len(editor.preview.form.rows) == QUESTIONS
    assert editor.model.rowCount(editor.model.index_of(())) == SECTIONS and editor.issue_count == 0
    return elapsed, editor


def plain_labels_once() -> float:
    widgets: list[QWidget] = []

    def action() -> None:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        for index in range(1, QUESTIONS + 1):
            layout.addWidget(QLabel(f"Fråga {index}", widget))
        widget.resize(*WINDOW_SIZE)
        widget.show()
        QApplication.processEvents()
        widgets.append(widget)

    elapsed = timed(action)
    _dispose(widgets[0])
    return elapsed


def keystroke(editor: ChecklistEditor, char: str) -> float:
    """One character into the Swedish question text, and the validation it triggers."""
    field = editor.panel.page.main_text()
    start = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    editor.validate()
    return time.perf_counter() - start


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    qt_app = qt_application()
    install_translator(qt_app, "sv")
    try:
        with tempfile.TemporaryDirectory(prefix="reviewer-bench-editor-") as tmp:
            app, version = prepare(Path(tmp) / "data")
            try:
                # Untimed: the first editor and the first plain widget load fonts, styles and the modules' code.
                _dispose(open_editor_once(app, version)[1])
                plain_labels_once()
                progress(f"{NAME}: {repeat} openings of the 200-question draft, {repeat} plain widgets")

                def measured(_index: int) -> float:
                    elapsed, editor = open_editor_once(app, version)
                    editor.flush()
                    _dispose(editor)
                    return elapsed

                open_samples, open_baseline = alternate(repeat, measured, lambda _i: plain_labels_once())

                _elapsed, editor = open_editor_once(app, version)
                editor.select((SECTIONS - 1, QUESTIONS // SECTIONS - 1))
                data = editor.document.data
                keystroke(editor, "x")
                progress(f"{NAME}: {repeat * 4} keystrokes in the last question's text")
                key_samples, key_baseline = alternate(
                    repeat * 4, lambda i: keystroke(editor, "åäö"[i % 3]), lambda _i: timed(lambda: json.dumps(data))
                )
                validate_only = [timed(lambda: validate_data(data)) for _ in range(repeat * 4)]
                editor.flush()
                _dispose(editor)
            finally:
                app.close()
    finally:
        install_translator(qt_app, "en")
    return [
        Result(
            name=f"{NAME}_open",
            description=(
                f"ChecklistEditor on a {QUESTIONS}-question draft + show + processEvents: tree, properties, "
                "problems and the preview form filled, Swedish, 1400x860 (offscreen)"
            ),
            samples=open_samples,
            baseline_samples=open_baseline,
            baseline=f"a plain QWidget with a QVBoxLayout of {QUESTIONS} QLabels, built and shown",
            max_median=0.500,
        ),
        Result(
            name=f"{NAME}_keystroke",
            description=(
                "one character typed into a question's text (undoable edit, property page refreshed) and the "
                f"validation it triggers, with the problems placed in tree, page and list; {QUESTIONS} questions"
            ),
            samples=key_samples,
            baseline_samples=key_baseline,
            baseline="json.dumps of the same definition",
            max_median=0.030,
            extra={"validate_data_median_s": statistics.median(validate_only)},
        ),
    ]
