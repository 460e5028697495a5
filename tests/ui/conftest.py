from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reviewer.checklists.loader import parse_checklist
from reviewer.services import checklists
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import list_rounds
from reviewer.ui.i18n import install_translator
from tests.ui.helpers import ALL_TYPES, open_editor

SCREENSHOTS = Path(__file__).parents[2] / "test-screenshots"


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
