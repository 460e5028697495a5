"""Help in the program: F1 opens the page of the area on screen, in Swedish (English under English); the Hjälp menu
has the shortcut list and the first-start guide; the pages are package data, so a wheel carries them."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.checklists.loader import parse_checklist
from reviewer.services.checklists import add_definition
from reviewer.services.settings import Settings
from reviewer.ui.help_dialog import HelpDialog, help_text
from reviewer.ui.help_topics import Topic
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings_dialog import SettingsDialog
from tests.ui.helpers import ALL_TYPES, activate, press, when_modal

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("topic", list(Topic))
def test_every_page_is_there_in_swedish_and_english(topic):
    swedish, english = help_text(topic, "sv"), help_text(topic, "en")
    assert swedish.startswith("# ") and english.startswith("# ")
    assert swedish != english
    assert len(swedish.splitlines()) >= 5


def test_the_pages_are_package_data_of_the_wheel():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    assert "help/*.md" in package_data["reviewer.ui"]
    shipped = {p.name for p in (ROOT / "src/reviewer/ui/help").glob("*.md")}
    assert shipped == {f"{t.value}.{lang}.md" for t in Topic for lang in ("sv", "en")}


def test_the_shortcut_list_names_every_shortcut_of_the_main_window(qtbot, app, swedish):
    window = MainWindow(app, Settings(reviewer="AB", language="sv"))
    qtbot.addWidget(window)
    shortcuts = help_text(Topic.SHORTCUTS, "sv")
    for action in window.menuBar().actions():
        for item in action.menu().actions():
            key = item.shortcut().toString()
            if key:
                assert key in shortcuts, key


@pytest.fixture
def window(qtbot, app, swedish):
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
    main = MainWindow(app, Settings(reviewer="AB", language="sv"))
    qtbot.addWidget(main)
    main.show()
    activate(qtbot, main)
    return main


def f1(qtbot, window, widget) -> tuple[Topic, str, str]:
    """Press F1 where the user is; what the help window showed (topic, title, text), closed again."""
    seen = []

    def read(dialog):
        seen.append((dialog.topic, dialog.windowTitle(), dialog.browser.toPlainText()))
        dialog.reject()

    activate(qtbot, window)
    when_modal(qtbot, read)
    press(widget, Qt.Key.Key_F1)
    assert seen, "F1 opened no help"
    return seen[0]


def test_f1_opens_the_help_of_the_area_on_screen(qtbot, app, window):
    topic, title, text = f1(qtbot, window, window.reviews.rounds_page.table.view)
    assert topic is Topic.ROUNDS
    assert title == "Hjälp – Granskningsomgångar"
    assert "jämförelseomgång" in text
    rounds = window.reviews.rounds_page
    with app.db.session() as session:
        from reviewer.services.checklists import get_version
        from reviewer.services.rounds import create_round

        round_uuid = create_round(session, "Omgång", get_version(session, "alla_typer"), "2026").uuid
    rounds.refresh()
    window.reviews.open_round(round_uuid)
    assert f1(qtbot, window, window.reviews.cases_page.view)[0] is Topic.CASES
    window.tabs.setCurrentWidget(window.checklists_page)
    topic, title, _text = f1(qtbot, window, window.checklists_page)
    assert (topic, title) == (Topic.CHECKLISTS, "Hjälp – Checklistor")
    window.tabs.blockSignals(True)  # the summary and the export pages themselves are not needed for their help
    window.tabs.setCurrentWidget(window.dashboard_tab)
    assert window.help_topic() is Topic.SUMMARY
    window.tabs.setCurrentWidget(window.training_tab)
    assert window.help_topic() is Topic.TRAINING
    window.tabs.setCurrentWidget(window.export_tab)
    assert window.help_topic() is Topic.EXPORT
    window.tabs.blockSignals(False)


def test_f1_in_the_review_form_explains_the_save_state(qtbot, app, window):
    from tests.ui.test_review_flow import create_round_and_case

    create_round_and_case(qtbot, window).review_selected()
    form = window.reviews.form
    topic, _title, text = f1(qtbot, window, form.rows["beviljat"].editor.buttons()[0])
    assert topic is Topic.REVIEW
    assert "Inte sparat" in text and "Ctrl+M" in text


def test_help_is_english_under_english(qtbot, app):
    window = MainWindow(app, Settings(reviewer="AB", language="en"))
    qtbot.addWidget(window)
    window.show()
    _topic, title, text = f1(qtbot, window, window.reviews.rounds_page.table.view)
    assert title == "Help – Review rounds"
    assert "baseline round" in text


def test_help_pages_look_right(qtbot, swedish, screenshot):
    for topic in (Topic.START, Topic.SHORTCUTS, Topic.REVIEW):
        dialog = HelpDialog(topic, "sv")
        qtbot.addWidget(dialog)
        dialog.show()
        screenshot(dialog, f"dialogs16-hjalp-{topic.value}")
        assert not dialog.browser.horizontalScrollBar().isVisible()


def test_the_first_start_explains_the_caseworker_and_the_chief(qtbot, swedish, screenshot):
    dialog = SettingsDialog(Settings(), first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Handläggaren" in dialog.guide.text() and "Enhetschefen" in dialog.guide.text()
    screenshot(dialog, "dialogs16-valkommen-guide")
