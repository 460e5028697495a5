"""Driving real widgets the way a keyboard user does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ALL_TYPES = {
    "format_version": 1,
    "slug": "alla_typer",
    "version": 1,
    "area": "annat",
    "title": {"sv": "Alla frågetyper", "en": "Every question type"},
    "subject": "adult",
    "age_bands": [{"value": "vuxen", "label": "Vuxen"}, {"value": "aldre", "label": "Äldre"}],
    "sections": [
        {
            "key": "grund",
            "title": "Grunduppgifter",
            "questions": [
                {
                    "key": "beviljat",
                    "type": "yes_no",
                    "text": "Beviljades insatsen?",
                    "required": True,
                    "help": "Se beslutet.",
                },
                {
                    "key": "skal",
                    "type": "text",
                    "text": "Skäl till avslag",
                    "required": True,
                    "show_if": {"question": "beviljat", "equals": "nej"},
                },
                {"key": "fragat_barn", "type": "yes_no_na", "text": "Frågade man om barn?", "required": True},
                {
                    "key": "insats",
                    "type": "single_choice",
                    "text": "Insats",
                    "options": [{"value": "oppen", "label": "Öppenvård"}, {"value": "inst", "label": "Institution"}],
                },
                {
                    "key": "kommun",
                    "type": "single_choice",
                    "text": "Kommundel",
                    "options": [{"value": f"d{i}", "label": f"Del {i}"} for i in range(1, 9)],
                },
                {
                    "key": "fokus",
                    "type": "multiple_choice",
                    "text": "Beskrivningens fokus",
                    "options": [{"value": "kanslor", "label": "Känslor"}, {"value": "arbete", "label": "Arbete"}],
                },
            ],
        },
        {
            "key": "tal",
            "title": "Tal och datum",
            "questions": [
                {"key": "antal", "type": "integer", "text": "Antal samtal"},
                {"key": "timmar", "type": "decimal", "text": "Timmar per vecka"},
                {"key": "kostnad", "type": "money", "text": "Kostnad"},
                {"key": "dagar", "type": "days", "text": "Handläggningstid", "required": True},
                {"key": "beslutsdatum", "type": "date", "text": "Beslutsdatum"},
                {"key": "ton", "type": "scale", "text": "Värdeladdat språk"},
                {"key": "ovrigt", "type": "text", "text": "Övrigt"},
            ],
        },
    ],
}


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying the text, one per character; qtbot.keyClicks cannot send å, ä, ö."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One key through the window system, so shortcuts apply as they would for a user."""
    QTest.keyClick(widget, key, modifiers)


def when_modal(qtbot, act: Callable[[QWidget], None]) -> None:
    """Run `act` on the next modal dialog as soon as it is shown and active, as a user sees it (its exec() blocks the
    test until then); a dialog the offscreen platform never activates is acted on after a second."""
    waited = [0]

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (not dialog.isActiveWindow() and waited[0] < 50):
            waited[0] += dialog is not None
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def activate(qtbot, window: QWidget) -> None:
    """Give the window focus back, as a window manager would after a dialog closes (offscreen there is none)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def type_as_user(text: str) -> None:
    """Keys into whatever has the keyboard focus, the way a keyboard does: Space and plain letters as their keys,
    other characters (å, ä, ö, …) as key events that carry the text."""
    for char in text:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        if char == " ":
            QTest.keyClick(widget, Qt.Key.Key_Space)
        elif char.isascii() and char.isalnum():
            QTest.keyClick(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                )


def press_in_focus(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One key to whatever has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifiers)


def open_editor(qtbot, app, slug: str, version: int) -> QWidget:
    """The checklist editor on a draft, shown and active."""
    from reviewer.ui.checklist_editor.editor import ChecklistEditor

    editor = ChecklistEditor(app.db, slug, version, "sv")
    qtbot.addWidget(editor)
    editor.resize(1400, 860)
    editor.show()
    activate(qtbot, editor)
    return editor
