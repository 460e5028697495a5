from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from reviewer.checklists.loader import parse_checklist
from reviewer.services import checklists
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import list_rounds
from reviewer.ui.i18n import install_translator
from tests.ui.helpers import ALL_TYPES, open_editor

SCREENSHOTS = Path(__file__).parents[2] / "test-screenshots"
# How long a modal dialog may wait for an answer in a test; a test that answers its dialogs does so within a second.
UNANSWERED_DIALOG_SECONDS = 60


@pytest.fixture(autouse=True)
def no_dialog_waits_forever(qapp):
    """A modal dialog that no test answers (a question at closing time, say) would hang the suite until CI's time
    runs out; after a minute it is closed and the test fails, naming it."""
    stuck: list[str] = []
    opened: dict[int, float] = {}

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            opened.clear()
            return
        if time.monotonic() - opened.setdefault(id(dialog), time.monotonic()) > UNANSWERED_DIALOG_SECONDS:
            stuck.append(f"{type(dialog).__name__} ‘{dialog.windowTitle()}’")
            if isinstance(dialog, QDialog):
                dialog.reject()
            else:
                dialog.close()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(1000)
    yield
    timer.stop()
    assert not stuck, f"a modal dialog waited for an answer nobody gave: {stuck}"


@pytest.fixture
def swedish(qapp):
    install_translator(qapp, "sv")
    yield qapp
    install_translator(qapp, "en")


@pytest.fixture
def screenshot():
    """Saves a widget's picture for a person to look at; the folder is not committed."""

    def save(widget, name: str) -> Path:
        QApplication.processEvents()
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    return save


@pytest.fixture
def demo(app):
    """The demo data's three rounds (80 cases each), by checklist slug: what the summary and export pages show."""
    with app.db.session() as session:
        create_demo_data(session, 80, 2026)
        return {r.checklist_slug: r for r in list_rounds(session)}


@pytest.fixture
def all_types_editor(app, qtbot, swedish):
    """The checklist editor on a draft of ALL_TYPES (version 2 of a published version 1)."""
    with app.db.session() as session:
        checklists.add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
        slug, version = checklists.new_draft(session, ("alla_typer", 1))
    editor = open_editor(qtbot, app, slug, version)
    yield editor
    editor.close()
