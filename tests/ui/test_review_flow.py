"""A caseworker's afternoon on the real widgets: round, case, every question type, autosave, completion."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from reviewer.checklists.loader import parse_checklist
from reviewer.services.checklists import add_definition
from reviewer.services.settings import Settings, load_settings
from reviewer.storage.models import Answer, Review, ReviewStatus
from reviewer.ui.main_window import MainWindow
from tests.ui.helpers import ALL_TYPES, activate, press, type_text, when_modal

EXPECTED = {
    "beviljat": "nej",
    "skal": "Inkomsten över gränsen för hushållet",
    "fragat_barn": "ej_aktuellt",
    "insats": "inst",
    "kommun": "d2",
    "fokus": ["kanslor", "arbete"],
    "antal": 3,
    "timmar": 2.5,
    "kostnad": 12500.0,
    "dagar": 45,
    "beslutsdatum": "2026-03-01",
    "ton": 4,
    "ovrigt": "Både mödrar och fäder fick frågan.",
}


@pytest.fixture
def window(qtbot, app, swedish):
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
    main = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(main)
    main.show()
    activate(qtbot, main)
    return main


def create_round_and_case(qtbot, window, screenshot=None):
    rounds_page = window.reviews.rounds_page
    activate(qtbot, window)

    def fill_round(dialog):
        dialog.name.setText("Alla typer 2026")
        dialog.checklist.setCurrentIndex(dialog.checklist.findText("Alla frågetyper", Qt.MatchFlag.MatchStartsWith))
        dialog.period.setText("2026 H1")
        if screenshot:
            screenshot(dialog, "ny-omgang")
        dialog.accept()

    when_modal(qtbot, fill_round)
    press(rounds_page.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    names = [rounds_page.model.record(r).name for r in range(rounds_page.model.rowCount())]
    assert names == ["Alla typer 2026"]
    rounds_page.table.view.selectRow(0)
    press(rounds_page.table.view, Qt.Key.Key_Return)
    cases_page = window.reviews.cases_page
    assert window.reviews.stack.currentWidget() is cases_page

    refused = []

    def fill_case(dialog):
        dialog.code.setText("811228-9874")
        dialog.sex.setCurrentIndex(dialog.sex.findData("kvinna"))
        dialog.age_band.setCurrentIndex(dialog.age_band.findData("aldre"))
        dialog.accept()
        refused.append(dialog.message.text())
        assert dialog.isVisible(), "a refused case keeps the dialog open"
        dialog.code.setText("ÄR-001")
        dialog.unit.setCurrentText("Vuxenenheten")
        if screenshot:
            screenshot(dialog, "nytt-arende")
        dialog.accept()

    activate(qtbot, window)
    when_modal(qtbot, fill_case)
    press(cases_page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    activate(qtbot, window)
    assert "personnummer" in refused[0]
    assert "811228" not in refused[0]
    assert cases_page.model.rowCount() == 1
    assert cases_page.selected().case_code == "ÄR-001"
    return cases_page


def answer_everything(qtbot, form):
    rows = form.rows
    assert not rows["skal"].isVisibleTo(form)
    press(rows["beviljat"].editor.buttons()[0], Qt.Key.Key_N)
    assert rows["skal"].isVisibleTo(form), "show_if applies at once"
    type_text(rows["skal"].editor.text, EXPECTED["skal"])
    press(rows["fragat_barn"].editor.buttons()[0], Qt.Key.Key_E)
    press(rows["insats"].editor.buttons()[0], Qt.Key.Key_2)
    combo = rows["kommun"].editor.focusProxy()
    combo.setFocus()
    press(combo, Qt.Key.Key_Down)
    press(combo, Qt.Key.Key_Down)
    for box in rows["fokus"].editor.boxes():
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    type_text(rows["antal"].editor.line, "3")
    type_text(rows["timmar"].editor.line, "2,5")
    type_text(rows["kostnad"].editor.line, "12 500")
    type_text(rows["beslutsdatum"].editor.line, "2026-03-01")
    press(rows["ton"].editor.buttons()[0], Qt.Key.Key_4)
    type_text(rows["ovrigt"].editor.text, EXPECTED["ovrigt"])


def stored_answers(app):
    with app.db.session() as session:
        return {a.question_key: json.loads(a.value_json) for a in session.exec(select(Answer))}


def test_a_review_from_round_to_completion(qtbot, app, window, screenshot):
    cases_page = create_round_and_case(qtbot, window, screenshot)
    screenshot(window, "arenden")
    press(cases_page.view, Qt.Key.Key_Return)
    form = window.reviews.form
    assert form is not None
    assert form.title.text() == "Ärende ÄR-001"
    answer_everything(qtbot, form)
    assert form.state.text().startswith("Sparat")
    expected_so_far = {k: v for k, v in EXPECTED.items() if k != "dagar"}
    assert stored_answers(app) == expected_so_far, "every change is saved without pressing anything"

    press(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dagar = form.rows["dagar"]
    assert dagar.message.isVisibleTo(form)
    assert "Obligatorisk" in dagar.message.text()
    assert QApplication.focusWidget() is dagar.editor.line, "the form takes the reviewer to what is missing"
    assert form.state.text() == "1 obligatorisk fråga saknar svar"

    type_text(dagar.editor.line, "45")
    screenshot(window, "granskningsformular")
    press(form, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.snapshot.status is ReviewStatus.COMPLETE
    assert form.complete_button.text() == "Öppna igen för ändringar"
    assert not form.rows["antal"].editor.line.isEnabled() or form.rows["antal"].editor.line.isReadOnly()
    assert stored_answers(app) == EXPECTED

    press(form, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.reviews.stack.currentWidget() is cases_page
    assert cases_page.model.record(0).status.value == "complete"


def test_help_follows_focus_and_notes_are_saved(qtbot, app, window):
    cases_page = create_round_and_case(qtbot, window)
    cases_page.review_selected()
    form = window.reviews.form
    row = form.rows["fragat_barn"]
    row.editor.buttons()[0].setFocus()
    assert form.help_title.text() == "Frågade man om barn?"
    assert "E = ej aktuellt" in form.help_keys.text()
    form.rows["beviljat"].editor.buttons()[0].setFocus()
    assert form.help_text.text() == "Se beslutet."
    press(form.rows["beviljat"].editor.buttons()[0], Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    note = form.rows["beviljat"].note
    assert note.isVisibleTo(form)
    assert QApplication.focusWidget() is note
    type_text(note, "Beslutet är otydligt")
    with app.db.session() as session:
        assert session.exec(select(Answer.note)).one() == "Beslutet är otydligt"


def test_personnummer_in_free_text_is_refused_inline_and_never_stored(qtbot, app, window):
    cases_page = create_round_and_case(qtbot, window)
    cases_page.review_selected()
    form = window.reviews.form
    row = form.rows["ovrigt"]
    type_text(row.editor.text, "Se 19811228-9874")
    assert row.message.isVisibleTo(form)
    assert "personnummer" in row.message.text()
    assert form.state.text().startswith("Inte sparat")
    with app.db.session() as session:
        assert all("9874" not in (a.value_json + (a.note or "")) for a in session.exec(select(Answer)))
    form.reload()  # discard the refused text, so that closing the window does not ask


def test_reopening_the_program_shows_the_saved_review(qtbot, app, window):
    cases_page = create_round_and_case(qtbot, window)
    cases_page.review_selected()
    answer_everything(qtbot, window.reviews.form)
    window.close()
    again = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(again)
    again.reviews.open_round(again.reviews.rounds_page.model.record(0).uuid)
    again.reviews.cases_page.view.selectRow(0)
    again.reviews.cases_page.review_selected()
    form = again.reviews.form
    values = {key: row.editor.value() for key, row in form.rows.items()}
    assert values["beviljat"] == "nej"
    assert values["fokus"] == ["kanslor", "arbete"]
    assert values["ovrigt"] == EXPECTED["ovrigt"]
    assert values["kostnad"] == "12500"
    assert values["timmar"] == "2,5"


def test_next_and_previous_case_by_keyboard(qtbot, app, window):
    cases_page = create_round_and_case(qtbot, window)
    when_modal(
        qtbot, lambda d: (d.code.setText("ÄR-002"), d.sex.setCurrentIndex(1), d.age_band.setCurrentIndex(0), d.accept())
    )
    cases_page.add_case()
    activate(qtbot, window)
    cases_page.view.selectRow(0)
    cases_page.review_selected()
    form = window.reviews.form
    press(form, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.reviews.form.title.text() == "Ärende ÄR-002"
    press(window.reviews.form, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.reviews.form.title.text() == "Ärende ÄR-001"


def test_every_input_has_an_accessible_name(qtbot, app, window):
    cases_page = create_round_and_case(qtbot, window)
    cases_page.review_selected()
    form = window.reviews.form
    for row in form.rows.values():
        focus = row.editor.focusProxy()
        assert focus.accessibleName(), row.question.key
    assert form.rows["beviljat"].editor.buttons()[0].accessibleName() == "Beviljades insatsen?: Ja"


def test_switching_language_rebuilds_the_window_in_english(qtbot, app, window):
    window.apply_settings(Settings(reviewer="AB", language="en"))
    assert window.windowTitle() == "Gender equality review"
    assert window.tabs.tabText(0) == "&Reviews"
    assert window.reviews.rounds_page.new_button.text() == "&New round…"
    assert load_settings(app.paths.config_dir).language == "en"
    window.apply_settings(Settings(reviewer="AB", language="sv"))
    assert window.tabs.tabText(0) == "&Granskningar"


def test_first_review_asks_for_an_identity(qtbot, app, swedish):
    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json"))
    main = MainWindow(app, Settings())
    qtbot.addWidget(main)
    main.show()
    cases_page = create_round_and_case(qtbot, main)

    def identify(dialog):
        dialog.reviewer.setText("811228-9874")
        dialog.accept()
        assert dialog.message.isVisible()
        dialog.reviewer.setText("Granskare Ö")
        dialog.accept()

    when_modal(qtbot, identify)
    cases_page.review_selected()
    assert main.reviews.form is not None
    assert main.reviews.form.snapshot.reviewer == "Granskare Ö"
    with app.db.session() as session:
        assert session.exec(select(Review.reviewer)).one() == "Granskare Ö"


def test_earlier_reviews_are_imported_from_the_case_list(qtbot, app, swedish):
    from pathlib import Path

    from reviewer.services.checklists import get_version
    from reviewer.services.rounds import create_round

    example = Path(__file__).parents[2] / "docs/examples/tidigare-granskningar-missbruk.csv"
    with app.db.session() as session:
        round_uuid = create_round(session, "Missbruk 2024 (före)", get_version(session, "missbruk"), "2024").uuid
    main = MainWindow(app, Settings(reviewer="AB"))
    qtbot.addWidget(main)
    main.show()
    main.reviews.open_round(round_uuid)
    cases_page = main.reviews.cases_page

    def import_example(dialog):
        dialog.set_path(example)
        with qtbot.waitSignal(dialog.validation_finished, timeout=30_000) as checked:
            dialog.validate()
        assert checked.args == [True]
        with qtbot.waitSignal(dialog.imported, timeout=30_000):
            dialog.start_import()
        dialog.accept()

    when_modal(qtbot, import_example)
    qtbot.mouseClick(cases_page.import_button, Qt.MouseButton.LeftButton)
    assert cases_page.model.rowCount() == 8
    assert {r.status.value for r in cases_page.model.records()} == {"complete", "in_progress"}
