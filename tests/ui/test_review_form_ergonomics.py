"""The review form for a keyboard user at 1 280 × 720: focus frame, digits on multiple choice, wrapping, scale
anchors, the progress line, number fields and Ctrl+Return on a complete review (issue 16, point 4)."""

from __future__ import annotations

import copy
import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from sqlmodel import select

from reviewer.checklists.loader import parse_checklist
from reviewer.domain.sex import Sex
from reviewer.services import cases, reviews
from reviewer.services.cases import CaseInput
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.rounds import create_round
from reviewer.services.settings import Settings
from reviewer.storage.models import Answer, ReviewStatus
from reviewer.ui.main_window import MainWindow
from tests.ui.helpers import ALL_TYPES, activate, press, type_text

SIZE = (1280, 720)
KOMPLETTERINGAR = "Hur många kompletteringar begärdes?"


def _checklist() -> dict:
    """ALL_TYPES with scale anchors and the number question of the issue's report."""
    data = copy.deepcopy(ALL_TYPES)
    questions = data["sections"][1]["questions"]
    scale = next(q for q in questions if q["key"] == "ton")
    scale["anchors"] = {
        "low": {"sv": "sakligt", "en": "factual"},
        "high": {"sv": "mycket värdeladdat", "en": "very value-laden"},
    }
    questions.insert(0, {"key": "antal_kompletteringar", "type": "integer", "text": KOMPLETTERINGAR})
    return data


def _open(qtbot, app, slug: str) -> MainWindow:
    """The form of one new case in a round on `slug`, in a window of the size the issue was tried at."""
    with app.db.session() as session:
        round_ = create_round(session, "Omgång", get_version(session, slug), "2026 H1", actor="AB")
        case_uuid = cases.add_case(session, round_.uuid, CaseInput("ÄR-1", Sex.MAN)).uuid
    window = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    activate(qtbot, window)
    window.reviews.open_review(case_uuid)
    QApplication.processEvents()
    return window


@pytest.fixture
def form(qtbot, app, swedish):
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(_checklist()), "alla_typer.json"))
    return _open(qtbot, app, "alla_typer").reviews.form


@pytest.fixture
def builtin_window(qtbot, app, swedish):
    return _open(qtbot, app, "fardtjanst")


def stored(app) -> dict:
    with app.db.session() as session:
        return {a.question_key: json.loads(a.value_json) for a in session.exec(select(Answer))}


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def frame_colour(row: QWidget):
    """The colour of the row's left edge, half-way down, as drawn."""
    image = row.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


def test_the_question_being_answered_has_a_visible_frame(form):
    rows = form.rows
    form.focus_first_question()
    assert rows["beviljat"].property("current") is True
    highlight = rows["beviljat"].palette().color(QPalette.ColorRole.Highlight)
    assert frame_colour(rows["beviljat"]) == highlight, "the frame is drawn in the highlight colour"
    assert frame_colour(rows["fragat_barn"]) != highlight

    press(focused(), Qt.Key.Key_Tab)
    assert form.form_view.row_of(focused()) is rows["fragat_barn"]
    assert rows["fragat_barn"].property("current") is True
    assert rows["beviljat"].property("current") is False, "only one question is framed"
    assert frame_colour(rows["fragat_barn"]) == highlight
    assert frame_colour(rows["beviljat"]) != highlight


def test_digits_toggle_the_options_of_a_multiple_choice_question(app, form):
    boxes = form.rows["fokus"].editor.boxes()
    boxes[0].setFocus()
    press(focused(), Qt.Key.Key_2)
    assert stored(app)["fokus"] == ["arbete"]
    assert focused() is boxes[1], "the focus follows the option toggled"
    press(focused(), Qt.Key.Key_1)
    assert stored(app)["fokus"] == ["kanslor", "arbete"]
    press(focused(), Qt.Key.Key_2)
    assert stored(app)["fokus"] == ["kanslor"], "a second press unticks"
    press(focused(), Qt.Key.Key_9)
    assert stored(app)["fokus"] == ["kanslor"], "a digit with no option does nothing"
    press(focused(), Qt.Key.Key_Delete)
    assert "fokus" not in stored(app)
    assert "1, 2, 3" in form.help_keys.text(), "the guidance panel tells the keys"


def test_number_fields_refuse_letters_as_they_are_typed(app, form):
    row = form.rows["antal"]
    type_text(row.editor.line, "3x")
    assert row.editor.line.text() == "3"
    assert row.message.isVisibleTo(form)
    assert row.message.text() == "Här kan bara ett tal skrivas."
    assert stored(app)["antal"] == 3
    type_text(row.editor.line, "0")
    assert not row.message.isVisibleTo(form), "the next accepted key clears the note"

    timmar = form.rows["timmar"].editor.line
    type_text(timmar, "2,5,a")
    assert timmar.text() == "2,5"
    kostnad = form.rows["kostnad"].editor.line
    type_text(kostnad, "12 500 kr")
    assert kostnad.text() == "12 500 "
    type_text(form.rows["dagar"].editor.line, "-4")
    assert form.rows["dagar"].editor.line.text() == "4", "no minus where the answer cannot be negative"
    assert stored(app) == {"antal": 30, "timmar": 2.5, "kostnad": 12500.0, "dagar": 4}


def test_a_refused_number_is_named_by_its_question_text_never_its_key(app, form, screenshot):
    row = form.rows["antal_kompletteringar"]
    type_text(row.editor.line, "2,5")
    assert row.message.text() == f"Frågan ”{KOMPLETTERINGAR}”: svaret ska vara ett heltal"
    assert "antal_kompletteringar" not in row.message.text()
    assert form.state.text().startswith("Inte sparat")
    screenshot(form.window(), "tal-med-fragetext-1280x720")
    form.reload()  # discard the refused number, so that closing the window at the end does not ask
    assert not form.has_refused_edit()


def test_the_progress_line_counts_the_questions_shown(form):
    rows = form.rows
    assert form.progress.text() == "0 av 13 besvarade · 3 obligatoriska saknar svar"
    press(rows["beviljat"].editor.buttons()[0], Qt.Key.Key_N)
    assert form.progress.text() == "1 av 14 besvarade · 3 obligatoriska saknar svar", "'skal' is shown now"
    press(rows["beviljat"].editor.buttons()[0], Qt.Key.Key_J)
    assert form.progress.text() == "1 av 13 besvarade · 2 obligatoriska saknar svar"
    press(rows["fragat_barn"].editor.buttons()[0], Qt.Key.Key_E)
    type_text(rows["dagar"].editor.line, "45")
    assert form.progress.text() == "3 av 13 besvarade · alla obligatoriska besvarade"
    assert form.progress.isVisible()


def test_ctrl_return_on_a_complete_review_only_says_how_to_reopen_it(app, form, screenshot):
    rows = form.rows
    press(rows["beviljat"].editor.buttons()[0], Qt.Key.Key_J)
    press(rows["fragat_barn"].editor.buttons()[0], Qt.Key.Key_N)
    type_text(rows["dagar"].editor.line, "30")
    press(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.snapshot.status is ReviewStatus.COMPLETE
    revision = form.snapshot.revision

    press(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.snapshot.status is ReviewStatus.COMPLETE, "not reopened unasked"
    with app.db.session() as session:
        again = reviews.open_review(session, form.snapshot.case_uuid, "AB")
    assert (again.status, again.revision) == (ReviewStatus.COMPLETE, revision)
    assert form.notice.isVisible()
    assert form.notice.text() == "Granskningen är klar. Tryck på ”Öppna igen för ändringar” för att ändra den."
    screenshot(form.window(), "klar-ctrl-retur-1280x720")

    form.complete_button.click()
    assert form.snapshot.status is ReviewStatus.IN_PROGRESS, "the button still reopens"
    assert not form.notice.isVisible()


def _right_edge(widget: QWidget, viewport: QWidget) -> int:
    return widget.mapTo(viewport, QPoint(widget.width(), 0)).x()


def test_at_1280_by_720_everything_wraps_instead_of_scrolling_sideways(builtin_window, screenshot):
    form = builtin_window.reviews.form
    view = form.form_view
    viewport = view.viewport()
    assert builtin_window.size().toTuple() == SIZE
    focus = form.rows["beskrivningens_fokus"]
    assert len(focus.editor.boxes()) == 6
    long = (
        "Frågan ”Hur mycket av beskrivningen handlar om konkreta fakta om förflyttningsförmågan och hur mycket om "
        "känslor, relationer och boende?”: svaret ska vara ett tal mellan ett och fem, skrivet med siffror"
    )
    focus.show_message(long)
    QApplication.processEvents()
    assert view.widget().width() <= viewport.width(), "the questions are never wider than the form"
    for row in form.rows.values():
        if not row.isVisibleTo(form):
            continue
        for widget in [*row.findChildren(QAbstractButton), *row.findChildren(QLabel)]:
            if widget.isVisibleTo(form):
                assert _right_edge(widget, viewport) <= viewport.width(), (row.question.key, widget.text())
    boxes = focus.editor.boxes()
    assert boxes[-1].y() > boxes[0].y(), "the options run onto a second line"
    assert focus.message.height() > focus.message.fontMetrics().height() * 1.5, "the message wraps"
    view.ensureWidgetVisible(focus)
    focus.editor.boxes()[0].setFocus()
    QApplication.processEvents()
    screenshot(builtin_window, "granskningsformular-1280x720")


def test_every_scale_of_a_builtin_checklist_says_what_1_and_5_mean(builtin_window, screenshot):
    form = builtin_window.reviews.form
    scales = [row for row in form.rows.values() if row.question.type == "scale"]
    assert len(scales) == 3
    for row in scales:
        label = row.findChild(QLabel, "anchors")
        assert label is not None, row.question.key
        anchors = row.question.anchors
        assert label.text() == f"1 = {anchors.low.sv} · 5 = {anchors.high.sv}"
    row = form.rows["vardeladdade_ord"]
    assert row.findChild(QLabel, "anchors").text().startswith("1 = sakligt och beskrivande · 5 = många")
    form.form_view.ensureWidgetVisible(row)
    row.editor.buttons()[0].setFocus()
    QApplication.processEvents()
    screenshot(builtin_window, "skala-med-andpunkter-1280x720")


def test_a_scale_without_anchors_shows_none(qtbot, app, swedish):
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
    form = _open(qtbot, app, "alla_typer").reviews.form
    assert form.rows["ton"].findChild(QLabel, "anchors") is None
