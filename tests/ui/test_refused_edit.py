"""The save state never lies: a refused edit keeps "Inte sparat" until it is fixed or discarded, and leaving the case,
closing the window or switching round with one on screen asks first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlmodel import select

from reviewer.storage.models import Answer
from tests.ui.helpers import activate, press, type_text, when_modal
from tests.ui.test_review_flow import create_round_and_case, window  # noqa: F401  (the fixture)

PERSONNUMMER = "19811228-9874"


def open_form_with_refused_note(qtbot, window):  # noqa: F811
    cases_page = create_round_and_case(qtbot, window)
    cases_page.review_selected()
    form = window.reviews.form
    row = form.rows["beviljat"]
    press(row.editor.buttons()[0], Qt.Key.Key_J)
    press(row.editor.buttons()[0], Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    paste(row.note, f"Se {PERSONNUMMER}")
    assert row.message.isVisibleTo(form)
    assert form.state.text().startswith("Inte sparat")
    return form, row


def paste(widget, text: str) -> None:
    """The text in one go, as pasting does (typed key by key, every shorter prefix would be saved on its way)."""
    widget.setFocus()
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text)
    )


def notes(app) -> list[str | None]:
    with app.db.session() as session:
        return list(session.exec(select(Answer.note)))


def answer(qtbot, box: QMessageBox, text: str, seen: list[str]) -> None:
    seen.append(box.text())
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_answering_another_question_does_not_say_saved_while_a_refused_note_is_on_screen(qtbot, app, window):  # noqa: F811
    form, row = open_form_with_refused_note(qtbot, window)
    press(form.rows["fragat_barn"].editor.buttons()[0], Qt.Key.Key_N)
    assert form.state.text().startswith("Inte sparat"), form.state.text()
    with app.db.session() as session:
        assert session.exec(select(Answer.question_key).where(Answer.question_key == "fragat_barn")).one()
    assert all(PERSONNUMMER not in (n or "") for n in notes(app))
    row.note.selectAll()
    type_text(row.note, "Beslutet är otydligt")
    assert form.state.text().startswith("Sparat")
    assert not row.message.isVisibleTo(form)
    assert "Beslutet är otydligt" in notes(app)


def test_leaving_the_case_with_a_refused_note_asks_and_going_back_keeps_it(qtbot, app, window, screenshot):  # noqa: F811
    form, row = open_form_with_refused_note(qtbot, window)
    seen: list[str] = []

    def go_back(box):
        screenshot(box, "dialogs16-inte-sparat-fraga")
        answer(qtbot, box, "Gå tillbaka", seen)

    when_modal(qtbot, go_back)
    press(form, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert "Beviljades insatsen?" in seen[0] and PERSONNUMMER not in seen[0]
    assert window.reviews.stack.currentWidget() is form
    assert row.note.text() == f"Se {PERSONNUMMER}"
    assert form.state.text().startswith("Inte sparat")

    activate(qtbot, window)
    when_modal(qtbot, lambda box: answer(qtbot, box, "Kasta ändringen", seen))
    press(form, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reviews.stack.currentWidget() is window.reviews.cases_page
    assert row.note.text() == ""
    assert notes(app) == [None]


def test_the_next_case_and_completing_ask_first(qtbot, app, window):  # noqa: F811
    form, _row = open_form_with_refused_note(qtbot, window)
    seen: list[str] = []
    when_modal(qtbot, lambda box: answer(qtbot, box, "Gå tillbaka", seen))
    press(form, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1 and window.reviews.form is form
    activate(qtbot, window)
    when_modal(qtbot, lambda box: answer(qtbot, box, "Gå tillbaka", seen))
    press(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 2
    assert form.state.text().startswith("Inte sparat")
    form.reload()  # discarded, so that closing the window at the end does not ask


def test_closing_the_window_or_switching_round_with_a_refused_note_asks(qtbot, app, window):  # noqa: F811
    form, _row = open_form_with_refused_note(qtbot, window)
    seen: list[str] = []
    activate(qtbot, window)
    when_modal(qtbot, lambda box: answer(qtbot, box, "Gå tillbaka", seen))
    assert not window.close()
    assert window.isVisible() and len(seen) == 1
    activate(qtbot, window)
    when_modal(qtbot, lambda box: answer(qtbot, box, "Gå tillbaka", seen))
    window.reviews.show_rounds()
    assert window.reviews.stack.currentWidget() is form and len(seen) == 2
    activate(qtbot, window)
    when_modal(qtbot, lambda box: answer(qtbot, box, "Kasta ändringen", seen))
    assert window.close()
    assert len(seen) == 3


def test_a_personnummer_typed_key_by_key_is_never_stored_on_its_way(qtbot, app, window):  # noqa: F811
    """Autosave runs at every keystroke: the date and the first birth-number digits wait, so no prefix that gives the
    whole number (the last digit is a check digit) reaches the database before the guard sees it complete."""
    cases_page = create_round_and_case(qtbot, window)
    cases_page.review_selected()
    form = window.reviews.form
    row = form.rows["beviljat"]
    press(row.editor.buttons()[0], Qt.Key.Key_J)
    stored: set[str] = set()
    row.note.setFocus()
    for char in f"Se {PERSONNUMMER}":
        type_text(row.note, char)
        stored.update(n or "" for n in notes(app))
    assert "Se 1" in stored, "what cannot be a personnummer yet is saved as usual"
    assert not any("811228" in note for note in stored), sorted(stored)
    assert form.state.text().startswith("Inte sparat")
    type_text(row.note, " är fel, se akten")
    assert form.state.text().startswith("Inte sparat"), "the whole number stays refused"
    row.note.selectAll()
    type_text(row.note, "Född 1981, se akten")
    assert form.state.text().startswith("Sparat")
    assert "Född 1981, se akten" in notes(app)
