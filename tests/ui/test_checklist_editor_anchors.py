"""The checklist editor edits what 1 and 5 of a scale mean, checks it as it is typed, and previews it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.helpers import press, type_text

SCALE = (1, 5)  # "ton" in ALL_TYPES
NUMBER = (1, 0)  # "antal"


@pytest.fixture
def editor(all_types_editor):
    return all_types_editor


def test_scale_ends_are_typed_checked_stored_and_previewed(qtbot, editor):
    page = editor.panel.question_page
    editor.select(NUMBER)
    low_sv, low_en = page.anchor_fields["low"]
    assert not low_sv.isVisibleTo(page), "only a scale has ends"
    editor.select(SCALE)
    assert low_sv.isVisibleTo(page)

    type_text(low_sv, "sakligt och beskrivande")
    message = page._messages["anchors.high"]
    qtbot.waitUntil(lambda: message.isVisible(), timeout=2000)
    assert message.text() == "fältet saknas", "the missing end is named under its own field"
    assert not page._messages["anchors.low"].isVisible()

    high_sv, high_en = page.anchor_fields["high"]
    type_text(high_sv, "många värderande ord")
    type_text(low_en, "factual")
    type_text(high_en, "many judging words")
    qtbot.waitUntil(lambda: not message.isVisible(), timeout=2000)
    question = editor.document.item(SCALE)
    assert question["anchors"] == {
        "low": {"sv": "sakligt och beskrivande", "en": "factual"},
        "high": {"sv": "många värderande ord", "en": "many judging words"},
    }
    editor.update_preview()
    label = editor.preview.form.rows["ton"].findChild(QLabel, "anchors")
    assert label is not None and label.text() == "1 = sakligt och beskrivande · 5 = många värderande ord"
    editor.preview.form.rows["ton"].editor.buttons()[0].setFocus()
    assert editor.preview.form.rows["ton"].property("current") is True, "the preview frames the question too"
    assert editor.flush()

    press(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.document.item(SCALE)["anchors"]["high"] == {"sv": "många värderande ord"}, "one field per step"
    assert high_en.text() == ""


def test_a_type_that_is_no_scale_drops_the_ends(editor):
    editor.select(SCALE)
    page = editor.panel.question_page
    type_text(page.anchor_fields["low"][0], "sakligt")
    type_text(page.anchor_fields["high"][0], "värdeladdat")
    assert "anchors" in editor.document.item(SCALE)
    index = page.type.findData("integer")
    page.type.setCurrentIndex(index)
    page.type.activated.emit(index)
    assert "anchors" not in editor.document.item(SCALE)
    editor.document.undo_stack.undo()
    assert editor.document.item(SCALE)["anchors"]["low"] == {"sv": "sakligt"}
