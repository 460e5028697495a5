"""Every form dialog typed into the way a keyboard user does: the cursor starts in the first field, Space types a space,
Return submits only a complete form, and a message goes as soon as the input is fixed."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from reviewer.checklists.loader import parse_checklist
from reviewer.domain.sex import Sex
from reviewer.services.checklists import list_checklists
from reviewer.services.planning import plan_for_checklist
from reviewer.services.settings import Settings
from reviewer.ui.case_dialog import CaseDialog
from reviewer.ui.checklists_page import NewChecklistDialog
from reviewer.ui.round_dialog import RoundDialog
from reviewer.ui.settings_dialog import SettingsDialog
from tests.ui.helpers import ALL_TYPES, activate, press_in_focus, type_as_user


def planner(app):
    """The sample-size panel's service, as the rounds page gives it."""

    def plan_for(slug, version, request):
        with app.db.session() as session:
            return plan_for_checklist(session, slug, version, request)

    return plan_for


def opened(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    return dialog


def focus() -> object:
    return QApplication.focusWidget()


def test_new_round_starts_in_the_name_and_a_space_is_typed_not_pressed(qtbot, app, swedish, screenshot):
    submitted = []
    with app.db.session() as session:
        checklists = list_checklists(session)
    dialog = opened(qtbot, RoundDialog(checklists, [], "sv", lambda *args: submitted.append(args), planner(app)))
    assert focus() is dialog.name
    type_as_user("Färdtjänst 2026 H1")
    assert dialog.isVisible(), "Space in the name must not press OK"
    assert dialog.name.text() == "Färdtjänst 2026 H1"
    press_in_focus(Qt.Key.Key_Tab)
    assert focus() is dialog.checklist
    press_in_focus(Qt.Key.Key_Tab)
    type_as_user("2026 H1")
    assert dialog.period.text() == "2026 H1"
    screenshot(dialog, "dialogs16-ny-omgang")
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert submitted[0][0] == "Färdtjänst 2026 H1"


def test_new_round_return_on_an_empty_name_says_what_is_missing(qtbot, app, swedish):
    submitted = []
    with app.db.session() as session:
        checklists = list_checklists(session)
    dialog = opened(qtbot, RoundDialog(checklists, [], "sv", lambda *args: submitted.append(args), planner(app)))
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.isVisible() and not submitted
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Fyll i: Namn."
    assert focus() is dialog.name
    type_as_user("V")
    assert not dialog.message.isVisible(), "the message goes as soon as the name is there"


def test_the_buttons_come_after_every_field_in_the_tab_order(qtbot, app, swedish):
    with app.db.session() as session:
        checklists = list_checklists(session)
    dialog = opened(qtbot, RoundDialog(checklists, [], "sv", lambda *args: None, planner(app)))
    seen = [focus()]
    for _ in range(8):
        press_in_focus(Qt.Key.Key_Tab)
        seen.append(focus())
    assert seen[:4] == [dialog.name, dialog.checklist, dialog.period, dialog.baseline]
    assert seen[4:7] == [dialog.plan.difference, dialog.plan.women, dialog.plan.men], "then the sample size"
    assert seen[7] is dialog.ok_button


def case_dialog(qtbot, submit, existing=None):
    definition = parse_checklist(json.dumps(ALL_TYPES), "alla_typer.json")
    return opened(qtbot, CaseDialog(definition, "sv", ["Norr"], submit, existing=existing))


def test_new_case_has_no_sex_until_one_is_chosen(qtbot, app, swedish, screenshot):
    submitted = []
    dialog = case_dialog(qtbot, submitted.append)
    assert focus() is dialog.code
    assert dialog.sex.currentIndex() == -1 and dialog.age_band.currentIndex() == -1
    type_as_user("ÄR 7")
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.isVisible() and not submitted, "Return on an incomplete form submits nothing"
    assert dialog.message.text() == "Fyll i: Kön, Åldersgrupp."
    assert focus() is dialog.sex
    screenshot(dialog, "dialogs16-nytt-arende-saknas")
    type_as_user("m")
    assert dialog.sex.currentData() == "man"
    assert dialog.message.text() == "Fyll i: Åldersgrupp."
    press_in_focus(Qt.Key.Key_Tab)
    assert focus() is dialog.age_band
    type_as_user("v")
    assert not dialog.message.isVisible()
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert submitted[0].case_code == "ÄR 7"
    assert submitted[0].sex is Sex.MAN
    assert submitted[0].age_band == "vuxen"


def test_the_sex_choices_are_kvinna_man_annat_okant_and_for_children_flicka_pojke(qtbot, app, swedish, screenshot):
    dialog = case_dialog(qtbot, lambda _case: None)
    choices = [(dialog.sex.itemText(i), dialog.sex.itemData(i)) for i in range(dialog.sex.count())]
    assert choices == [("Kvinna", "kvinna"), ("Man", "man"), ("Annat", "annat"), ("Okänt", "okant")]
    dialog.sex.setCurrentIndex(dialog.sex.findData("okant"))
    screenshot(dialog, "sex14-kon")
    child = parse_checklist(json.dumps(ALL_TYPES | {"subject": "child"}), "barn.json")
    children = opened(qtbot, CaseDialog(child, "sv", [], lambda _case: None))
    assert [children.sex.itemText(i) for i in range(children.sex.count())] == ["Flicka", "Pojke", "Annat", "Okänt"]


def test_a_personnummer_as_case_code_is_refused_until_it_is_fixed(qtbot, app, swedish):
    submitted = []
    dialog = case_dialog(qtbot, submitted.append)
    type_as_user("811228-9874")
    dialog.sex.setCurrentIndex(dialog.sex.findData("kvinna"))
    dialog.age_band.setCurrentIndex(dialog.age_band.findText("Ej känd"))
    dialog.code.setFocus()
    press_in_focus(Qt.Key.Key_Return)
    assert "personnummer" in dialog.message.text() and "811228" not in dialog.message.text()
    dialog.unit.setCurrentText("Norr")
    assert dialog.message.isVisible(), "the message stays while the code is still a personnummer"
    dialog.code.selectAll()
    type_as_user("ÄR-8")
    assert not dialog.message.isVisible()
    press_in_focus(Qt.Key.Key_Return)
    assert submitted[0].age_band is None


def test_a_refusal_on_saving_stays_until_the_input_changes(qtbot, app, swedish):
    from reviewer.domain.text import Message
    from reviewer.services.cases import CaseError

    def taken(data):
        raise CaseError(Message("Ärendekoden finns redan i omgången", "taken"))

    dialog = case_dialog(qtbot, taken)
    type_as_user("ÄR-1")
    dialog.sex.setCurrentIndex(0)
    dialog.age_band.setCurrentIndex(0)
    dialog.code.setFocus()
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.message.text() == "Ärendekoden finns redan i omgången"
    dialog.sex.setCurrentIndex(0)
    assert dialog.message.isVisible()
    type_as_user("2")
    assert not dialog.message.isVisible()


def test_editing_a_case_shows_its_own_values(qtbot, app, swedish):
    from reviewer.services.cases import CaseRow, CaseStatus

    existing = CaseRow("u", "ÄR-3", Sex.KVINNA, None, "Norr", next(iter(CaseStatus)))
    dialog = case_dialog(qtbot, lambda data: None, existing)
    assert dialog.sex.currentData() == "kvinna"
    assert dialog.age_band.currentIndex() >= 0 and dialog.age_band.currentData() is None
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("first_run", [True, False])
def test_initials_are_typed_into_the_first_field_and_never_saved_empty(qtbot, app, swedish, first_run, screenshot):
    dialog = opened(qtbot, SettingsDialog(Settings(), first_run=first_run))
    assert focus() is dialog.reviewer
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message.text() == "Fyll i: Initialer eller pseudonym."
    type_as_user("19811228-9874")
    assert not dialog.message.isVisible(), "the missing initials are there now"
    press_in_focus(Qt.Key.Key_Return)
    assert "personnummer" in dialog.message.text()
    dialog.reviewer.clear()
    assert dialog.message.text() == "Fyll i: Initialer eller pseudonym."
    type_as_user("Å B")
    assert not dialog.message.isVisible()
    if first_run:
        screenshot(dialog, "dialogs16-valkommen")
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_settings.reviewer == "Å B"


def test_new_checklist_needs_a_title_only_when_it_starts_empty(qtbot, app, swedish):
    with app.db.session() as session:
        builtins = [c for c in list_checklists(session) if c.builtin]
    dialog = opened(qtbot, NewChecklistDialog(app.db, builtins, "sv"))
    assert focus() is dialog.source
    press_in_focus(Qt.Key.Key_Tab)
    assert focus() is dialog.title
    type_as_user("Bemötande i beslut")
    assert dialog.isVisible()
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created is not None


def test_return_in_the_unit_field_submits_a_complete_case(qtbot, app, swedish):
    submitted = []
    dialog = case_dialog(qtbot, submitted.append)
    type_as_user("ÄR-9")
    dialog.sex.setCurrentIndex(dialog.sex.findData("kvinna"))
    dialog.age_band.setCurrentIndex(0)
    dialog.unit.setFocus()
    type_as_user("Söder 2")
    press_in_focus(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert submitted[0].unit == "Söder 2"


def test_renaming_a_round_keeps_the_dialog_open_on_a_refusal(qtbot, app, swedish):
    from reviewer.services.checklists import get_version
    from reviewer.services.rounds import create_round
    from reviewer.ui.rounds_page import RoundsPage
    from tests.ui.helpers import when_modal

    with app.db.session() as session:
        create_round(session, "Första", get_version(session, "missbruk"), "2026")
        create_round(session, "Andra", get_version(session, "missbruk"), "2026")
    page = RoundsPage(app.db, "sv", lambda: "AB")
    qtbot.addWidget(page)
    page.refresh()
    page.table.view.selectRow([r.name for r in page.model.records()].index("Andra"))
    seen = []

    def rename(dialog):
        assert focus() is dialog.text and dialog.text.text() == "Andra"
        dialog.text.selectAll()
        type_as_user("Första")
        press_in_focus(Qt.Key.Key_Return)
        seen.append(dialog.message.text())
        assert dialog.isVisible(), "a refused name keeps the dialog open"
        type_as_user(" omgången i år")
        assert not dialog.message.isVisible()
        press_in_focus(Qt.Key.Key_Return)

    when_modal(qtbot, rename)
    page.rename_selected()
    assert "Första" in seen[0]
    assert "Första omgången i år" in [r.name for r in page.model.records()]


def test_a_passphrase_is_asked_in_a_field_that_takes_spaces(qtbot, app, swedish):
    from reviewer.ui.exchange_import_dialog import ExchangeImportDialog
    from tests.ui.helpers import when_modal

    dialog = ExchangeImportDialog(app.db, "sv", "AB")
    qtbot.addWidget(dialog)

    def give(asked):
        assert focus() is asked.text
        press_in_focus(Qt.Key.Key_Return)
        assert asked.isVisible() and asked.message.text() == "Fyll i: Lösenfras."
        type_as_user("röd häst i regn")
        press_in_focus(Qt.Key.Key_Return)

    when_modal(qtbot, give)
    assert dialog.ask_passphrase("a.granskning", False) == "röd häst i regn"
