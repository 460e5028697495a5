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
    """Run `act` on the next modal dialog as soon as it is shown (its exec() blocks the test until then)."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def activate(qtbot, window: QWidget) -> None:
    """Give the window focus back, as a window manager would after a dialog closes (offscreen there is none)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def open_editor(qtbot, app, slug: str, version: int) -> QWidget:
    """The checklist editor on a draft, shown and active."""
    from reviewer.ui.checklist_editor.editor import ChecklistEditor

    editor = ChecklistEditor(app.db, slug, version, "sv")
    qtbot.addWidget(editor)
    editor.resize(1400, 860)
    editor.show()
    activate(qtbot, editor)
    return editor
