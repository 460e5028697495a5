"""A unit chief's afternoon in the checklist editor, on the real widgets: build, check, preview, publish, map."""

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication

from reviewer.checklists.schema import Area, ChecklistDefinition
from reviewer.domain.sex import Subject
from reviewer.services import checklists
from reviewer.services.checklists import draft_data, get_version, new_draft, validate_data
from reviewer.storage.models import ChecklistStatus
from reviewer.ui.checklist_editor.publish_dialog import RETIRED, PublishDialog
from tests.ui.helpers import ALL_TYPES, open_editor, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

PATH_0_2 = ("sections", 0, "questions", 2)
# (key, type, Swedish text) of the checklist built by hand, in two sections.
FIRST_SECTION = [
    ("beviljat", "yes_no", "Beviljades insatsen?"),
    ("skal", "text", "Skäl till avslag"),
    ("fragat_barn", "yes_no_na", "Frågade man om barn?"),
    ("insats", "single_choice", "Insats"),
    ("fokus", "multiple_choice", "Beskrivningens fokus"),
]
SECOND_SECTION = [
    ("antal", "integer", "Antal samtal"),
    ("timmar", "decimal", "Timmar per vecka"),
    ("kostnad", "money", "Kostnad i kronor"),
    ("dagar", "days", "Handläggningstid"),
    ("beslutsdatum", "date", "Beslutsdatum"),
    ("ton", "scale", "Värdeladdat språk"),
]


@pytest.fixture
def empty_editor(app, qtbot, swedish):
    with app.db.session() as session:
        slug, version = new_draft(session, title_sv="Alla frågetyper", area=Area.OTHER, subject=Subject.ADULT)
    editor = open_editor(qtbot, app, slug, version)
    yield editor
    editor.close()


def page(editor):
    return editor.panel.page


def replace_text(widget, text):
    widget.setFocus()
    widget.selectAll()
    if text:
        type_text(widget, text)
    else:
        press(widget, Qt.Key.Key_Backspace)


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_in_cell(view, row, column, text):
    """Open a table cell's editor as F2 does, type, and commit with Return."""
    view.setCurrentIndex(view.model().index(row, column))
    view.setFocus()
    press(view, Qt.Key.Key_F2)
    cell = QApplication.focusWidget()
    assert cell is not view
    replace_text(cell, text)
    press(cell, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell on the next turn of the event loop


def add_options(editor, options):
    table = page(editor).options
    for value, label in options:
        table.add_button.click()
        row = table.current_row()
        press(QApplication.focusWidget(), Qt.Key.Key_Escape)  # the label cell opens for typing; fill both below
        type_in_cell(table.view, row, 1, label)
        type_in_cell(table.view, row, 0, value)


def fill_question(editor, key, kind, text):
    current = page(editor)
    type_text(current.main_text(), text)
    replace_text(current.key, key)
    choose(current.type, kind)


def check_value(editor, value, on):
    values = page(editor).show_if.values
    item = next(values.item(r) for r in range(values.count()) if values.item(r).data(Qt.ItemDataRole.UserRole) == value)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def stored(app, editor):
    with app.db.session() as session:
        return draft_data(session, editor.slug, editor.version)


def issues_at(editor, ref):
    editor.validate()
    return editor.model.problems(ref)


def test_build_a_checklist_of_every_question_type(qtbot, app, empty_editor, screenshot):
    editor = empty_editor
    editor.select((0,))
    type_text(page(editor).main_text(), "Grunduppgifter")
    editor.select((0, 0))
    fill_question(editor, *FIRST_SECTION[0])
    page(editor).required.click()
    help_sv = page(editor)._localized["help"][0]
    type_text(help_sv, "Se beslutet.")
    press(help_sv, Qt.Key.Key_Return)
    type_text(help_sv, "Delvis beviljat räknas som ja.")

    for key, kind, text in FIRST_SECTION[1:]:
        press(editor.tree, Qt.Key.Key_N, CTRL)
        assert QApplication.focusWidget() is page(editor).main_text(), "a new question is ready for its text"
        fill_question(editor, key, kind, text)
        if key == "skal":
            choose(page(editor).show_if.question, "beviljat")
            check_value(editor, "ja", False)
            check_value(editor, "nej", True)
        if kind == "single_choice":
            add_options(editor, [("oppen", "Öppenvård"), ("inst", "Institution")])
        if kind == "multiple_choice":
            add_options(editor, [("kanslor", "Känslor"), ("arbete", "Arbete"), ("boende", "Boende")])
            page(editor).compare.click()

    editor.tree.setFocus()
    press(editor.tree, Qt.Key.Key_N, CTRL | SHIFT)
    assert editor.current() == (1,)
    type_text(page(editor).main_text(), "Tal och datum")
    for index, (key, kind, text) in enumerate(SECOND_SECTION):
        if index == 0:
            editor.select((1, 0))
        else:
            press(editor.tree, Qt.Key.Key_N, CTRL)
        fill_question(editor, key, kind, text)
        if kind == "integer":
            type_text(page(editor).minimum, "0")
            type_text(page(editor).maximum, "100")
        editor.tree.setFocus()

    editor.flush()
    assert editor.issues.texts() == []
    data = stored(app, editor)
    assert validate_data(data) == []
    definition = ChecklistDefinition.model_validate(data)
    assert [(q.key, q.type.value, q.text.sv) for q in definition.questions()] == FIRST_SECTION + SECOND_SECTION
    assert [s.title.sv for s in definition.sections] == ["Grunduppgifter", "Tal och datum"]
    beviljat = definition.question("beviljat")
    assert beviljat.required and beviljat.help.sv == "Se beslutet.\nDelvis beviljat räknas som ja."
    assert definition.question("skal").show_if.accepted() == ("nej",)
    assert [(o.value, o.label.sv) for o in definition.question("insats").options] == [
        ("oppen", "Öppenvård"),
        ("inst", "Institution"),
    ]
    assert definition.question("fokus").compare_by_sex
    assert (definition.question("antal").min, definition.question("antal").max) == (0, 100)

    editor.update_preview()
    assert list(editor.preview.form.rows) == [key for key, _, _ in FIRST_SECTION + SECOND_SECTION]
    assert not editor.preview.form.rows["skal"].isVisibleTo(editor.preview.form), "show_if applies in the preview"
    press(editor.preview.form.rows["beviljat"].editor.buttons()[0], Qt.Key.Key_N)
    assert editor.preview.form.rows["skal"].isVisibleTo(editor.preview.form)
    assert stored(app, editor) == data, "answering the preview stores nothing"

    editor.select((0, 1))
    path = screenshot(editor, "checklisteditor")
    assert path.exists()


def test_typing_is_one_undo_step_and_undo_redo_restore_the_text(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select((0, 0))
    text = page(editor).main_text()
    assert text.text() == "Beviljades insatsen?"
    replace_text(text, "Fick personen insatsen?")
    type_text(text, " Ja eller nej.")
    assert editor.document.undo_stack.count() == 1, "typing in one field merges into one step"
    press(text, Qt.Key.Key_Z, CTRL)
    assert text.text() == "Beviljades insatsen?"
    assert editor.model.index_of((0, 0)).data() == "Beviljades insatsen? (beviljat)"
    press(text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert text.text() == "Fick personen insatsen? Ja eller nej."

    editor.tree.setFocus()
    press(editor.tree, Qt.Key.Key_N, CTRL)
    assert editor.current() == (0, 1)
    assert len(editor.document.questions(0)) == 7
    editor.tree.setFocus()
    press(editor.tree, Qt.Key.Key_Z, CTRL)
    assert len(editor.document.questions(0)) == 6
    editor.select((1, 2))
    press(editor.tree, Qt.Key.Key_Z, CTRL)
    assert editor.current() == (0, 0), "undo shows the item it changed"
    assert editor.document.item((0, 0))["text"] == {"sv": "Beviljades insatsen?"}


def test_a_new_key_carries_the_conditions_that_named_the_old_one(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select((0, 0))
    replace_text(page(editor).key, "fick_insats")
    assert editor.document.item((0, 1))["show_if"] == {"question": "fick_insats", "equals": "nej"}
    press(page(editor).key, Qt.Key.Key_Z, CTRL)
    assert editor.document.item((0, 1))["show_if"] == {"question": "beviljat", "equals": "nej"}


def test_keyboard_moves_questions_within_and_across_sections(qtbot, app, all_types_editor):
    editor = all_types_editor
    keys = lambda s: [q["key"] for q in editor.document.questions(s)]  # noqa: E731
    editor.select((0, 2))
    editor.tree.setFocus()
    press(editor.tree, Qt.Key.Key_Up, CTRL)
    assert keys(0)[:3] == ["beviljat", "fragat_barn", "skal"]
    assert editor.current() == (0, 1), "the selection follows the moved question"
    assert page(editor).key.text() == "fragat_barn"
    press(editor.tree, Qt.Key.Key_Down, CTRL)
    assert keys(0)[:3] == ["beviljat", "skal", "fragat_barn"]
    editor.select((0, 5))
    press(editor.tree, Qt.Key.Key_Down, CTRL)
    assert keys(1)[0] == "fokus" and "fokus" not in keys(0), "past the last question it goes into the next section"
    press(editor.tree, Qt.Key.Key_Up, CTRL)
    assert keys(0)[-1] == "fokus"
    editor.select((1,))
    press(editor.tree, Qt.Key.Key_Up, CTRL)
    assert [s["key"] for s in editor.document.sections()] == ["tal", "grund"]
    assert editor.tree.isExpanded(editor.model.index_of((0,)))
    press(editor.tree, Qt.Key.Key_Z, CTRL)
    assert [s["key"] for s in editor.document.sections()] == ["grund", "tal"]


def test_drag_and_drop_moves_a_question_into_another_section(qtbot, app, all_types_editor):
    editor = all_types_editor
    model = editor.model
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    source = model.index_of((0, 3))
    mime = model.mimeData([source])
    target_parent = model.index_of((1,))
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, target_parent)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index_of(()))
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, target_parent)
    assert [q["key"] for q in editor.document.questions(1)][:3] == ["antal", "insats", "timmar"]
    onto = model.mimeData([model.index_of((1, 1))])
    assert model.dropMimeData(onto, Qt.DropAction.MoveAction, -1, 0, model.index_of((0, 0)))
    assert [q["key"] for q in editor.document.questions(0)][:2] == ["beviljat", "insats"]
    section = model.mimeData([model.index_of((1,))])
    assert model.dropMimeData(section, Qt.DropAction.MoveAction, 0, 0, model.index_of(()))
    assert [s["key"] for s in editor.document.sections()] == ["tal", "grund"]
    for _ in range(3):
        editor.undo()
    for s, section in enumerate(ALL_TYPES["sections"]):
        assert [q["key"] for q in editor.document.questions(s)] == [q["key"] for q in section["questions"]]


def test_remove_and_add_keep_the_tree_and_the_model_consistent(qtbot, app, all_types_editor):
    editor = all_types_editor
    QAbstractItemModelTester(editor.model, QAbstractItemModelTester.FailureReportingMode.Warning)
    editor.select((1, 0))
    press(editor.tree, Qt.Key.Key_Delete)
    assert editor.document.questions(1)[0]["key"] == "timmar"
    assert editor.current() == (1, 0)
    editor.tree.setFocus()
    press(editor.tree, Qt.Key.Key_N, CTRL | SHIFT)
    assert editor.current() == (2,)
    assert QApplication.focusWidget() is page(editor).main_text(), "a new section is ready for its title"
    editor.tree.setFocus()
    press(editor.tree, Qt.Key.Key_Delete)
    assert len(editor.document.sections()) == 2
    editor.undo()
    editor.undo()
    editor.undo()
    assert editor.document.questions(1)[0]["key"] == "antal"


@pytest.mark.parametrize(
    ("act", "ref", "field", "fragment"),
    [
        (lambda e: replace_text(page(e).key, "beviljat"), (0, 2), "key", "används mer än en gång"),
        # The picker offers only earlier questions; a condition on a later one comes from a file or a move.
        (
            lambda e: e.document.set_value((*PATH_0_2, "show_if"), {"question": "antal", "equals": 1}),
            (0, 2),
            "show_if",
            "före denna fråga",
        ),
        (lambda e: type_in_cell(page(e).options.view, 1, 0, "oppen"), (0, 3), "options", "mer än en gång"),
        (lambda e: replace_text(page(e).main_text(), ""), (0, 2), "text", "svensk text saknas"),
    ],
    ids=["duplicate key", "show_if on a later question", "option value twice", "missing Swedish text"],
)
def test_a_problem_shows_at_its_question_and_goes_when_fixed(qtbot, app, all_types_editor, act, ref, field, fragment):
    editor = all_types_editor
    editor.select(ref)
    act(editor)
    qtbot.waitUntil(lambda: any(fragment in p for p in editor.model.problems(ref)), timeout=2000)
    assert editor.model.index_of(ref).data(Qt.ItemDataRole.DecorationRole) is not None
    assert fragment in editor.model.index_of(ref).data(Qt.ItemDataRole.ToolTipRole)
    message = page(editor)._messages[field]
    assert message.isVisible() and fragment in message.text(), "the problem is shown under its field"
    assert any(fragment in text for text in editor.issues.texts())
    assert editor.model.index_of((ref[0],)).data(Qt.ItemDataRole.DecorationRole) is not None

    editor.select((1, 0))
    editor.issues.list.setCurrentRow(0)
    editor.issues.list.itemActivated.emit(editor.issues.list.item(0))
    assert editor.current() == ref, "activating a problem selects its question"

    press(editor.tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not editor.model.problems(ref), timeout=2000)
    assert editor.issues.texts() == []
    assert not page(editor)._messages[field].isVisible()
    assert editor.model.index_of(ref).data(Qt.ItemDataRole.DecorationRole) is None


def test_an_unreadable_draft_keeps_the_last_preview_and_says_so(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select((0, 0))
    press(editor.tree, Qt.Key.Key_N, CTRL)
    type_text(page(editor).main_text(), "Fanns en tolk med?")
    replace_text(page(editor).key, "tolk")
    qtbot.waitUntil(lambda: "tolk" in editor.preview.form.rows, timeout=3000)
    assert editor.preview.form.rows["tolk"].label.text() == "Fanns en tolk med?"
    form = editor.preview.form
    type_text(page(editor).main_text(), " Vem ordnade den?")
    editor.flush()
    assert editor.preview.form is form, "a new text changes the form in place"
    assert form.rows["tolk"].label.text() == "Fanns en tolk med? Vem ordnade den?"
    replace_text(page(editor).main_text(), "")
    editor.flush()
    assert "tolk" in editor.preview.form.rows
    assert editor.preview.form.rows["tolk"].label.text() == "Fanns en tolk med? Vem ordnade den?"
    assert editor.preview.state.text() == editor.preview.tr(
        "The preview shows the last version that could be shown. Fix the problems to update it."
    )


def test_every_change_is_saved_as_a_draft_and_closing_saves_the_rest(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select((0, 0))
    replace_text(page(editor).main_text(), "Fick personen insatsen?")
    qtbot.waitUntil(lambda: stored(app, editor)["sections"][0]["questions"][0]["text"]["sv"].startswith("Fick"))
    assert "Sparat" in editor.state.text()
    type_text(page(editor).main_text(), " (enligt beslutet)")
    editor.close()
    assert stored(app, editor)["sections"][0]["questions"][0]["text"]["sv"] == (
        "Fick personen insatsen? (enligt beslutet)"
    )


def test_a_personnummer_in_a_text_is_not_saved_and_the_editor_says_why(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select((0, 0))
    type_text(page(editor).main_text(), " 811228-9874")
    assert not editor.flush()
    assert "personnummer" in editor.state.text()
    assert "811228" not in json.dumps(stored(app, editor))


def test_the_options_table_adds_removes_and_reorders(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select((0, 3))
    table = page(editor).options
    table.view.selectionModel().setCurrentIndex(
        table.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    table.down_button.click()
    assert [o["value"] for o in editor.document.item((0, 3))["options"]] == ["inst", "oppen"]
    table.add_button.click()
    press(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert [o["value"] for o in editor.document.item((0, 3))["options"]] == ["inst", "oppen", "alt1"]
    table.remove_button.click()
    assert [o["value"] for o in editor.document.item((0, 3))["options"]] == ["inst", "oppen"]
    choose(page(editor).type, "integer")
    assert "options" not in editor.document.item((0, 3)), "a number question has no options"
    assert not page(editor).options.isVisibleTo(page(editor))
    press(editor.tree, Qt.Key.Key_Z, CTRL)
    assert len(editor.document.item((0, 3))["options"]) == 2


def test_checklist_properties_when_the_root_is_selected(qtbot, app, all_types_editor):
    editor = all_types_editor
    editor.select(())
    current = page(editor)
    replace_text(current.main_text(), "Alla typer, ny version")
    choose(current.area, "missbruk")
    choose(current.subject, "child")
    type_in_cell(current.age_bands.view, 0, 2, "Adult")
    data = editor.document.data
    assert (data["title"]["sv"], data["area"], data["subject"]) == ("Alla typer, ny version", "missbruk", "child")
    assert data["age_bands"][0]["label"] == {"sv": "Vuxen", "en": "Adult"}
    assert editor.model.index_of(()).data() == "Alla typer, ny version"


def test_publish_then_a_new_version_with_a_renamed_key_mapped_in_the_dialog(qtbot, app, empty_editor):
    editor = empty_editor
    editor.select((0,))
    type_text(page(editor).main_text(), "Beslut")
    editor.select((0, 0))
    fill_question(editor, "beviljat", "yes_no", "Beviljades insatsen?")
    press(editor.tree, Qt.Key.Key_N, CTRL)
    fill_question(editor, "dagar", "days", "Handläggningstid")
    press(editor.tree, Qt.Key.Key_N, CTRL)
    fill_question(editor, "tolk", "yes_no", "Fanns tolk?")
    slug = editor.slug

    seen = []

    def accept(dialog):
        seen.append(dialog)
        dialog.accept()

    with qtbot.waitSignal(editor.published):
        when_modal(qtbot, accept)
        editor.publish_action.trigger()
    assert isinstance(seen[0], PublishDialog)
    with app.db.session() as session:
        assert get_version(session, slug, 1).status is ChecklistStatus.PUBLISHED
        new_slug, version = new_draft(session, (slug, 1))
    assert (new_slug, version) == (slug, 2)

    second = open_editor(qtbot, app, slug, 2)
    second.select((0, 0))
    replace_text(page(second).key, "insats_beviljad")
    second.select((0, 2))
    second.tree.setFocus()
    press(second.tree, Qt.Key.Key_Delete)
    press(second.tree, Qt.Key.Key_N, CTRL)
    fill_question(second, "tolk_behov", "yes_no", "Behövdes tolk?")
    press(second.tree, Qt.Key.Key_N, CTRL)
    fill_question(second, "tolk_fanns", "yes_no", "Fanns tolk?")

    def map_keys(dialog):
        seen.append(set(dialog.rows))
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.message.text()))
        try:
            choose(dialog.rows["beviljat"][0], "insats_beviljad")
            choose(dialog.rows["tolk"][0], "tolk_behov")
            dialog.add_split("tolk")
            choose(dialog.rows["tolk"][1], "tolk_fanns")
            dialog.accept()
        finally:
            if dialog.isVisible():  # the test went wrong: end the dialog instead of waiting forever
                dialog.reject()

    with qtbot.waitSignal(second.published):
        when_modal(qtbot, map_keys)
        second.publish_action.trigger()
    assert seen[1] == {"beviljat", "tolk"}, "the questions version 2 lacks are asked about"
    refused_visible, refusal = seen[2]
    assert refused_visible and "tolk" in refusal, "unresolved keys keep the dialog open, named"
    with app.db.session() as session:
        definition = checklists.definition_of(get_version(session, slug, 2))
    assert definition.previous.version == 1
    assert definition.previous.key_map == {
        "insats_beviljad": "beviljat",
        "tolk_behov": "tolk",
        "tolk_fanns": "tolk",
    }
    assert definition.previous.retired == []
    second.close()


def test_publish_dialog_retires_an_old_key(qtbot, app, swedish):
    from reviewer.services.checklists import PublishPlan

    plan = PublishPlan(1, ["a"], ["b", "c"], ["d"], {}, [])
    submitted = []
    dialog = PublishDialog(
        "Test", 2, plan, {"b": "Fråga B"}, {"d": "Fråga D (d)"}, lambda m, r: submitted.append((m, r)), "sv"
    )
    qtbot.addWidget(dialog)
    choose(dialog.rows["b"][0], RETIRED)
    choose(dialog.rows["c"][0], "d")
    dialog.accept()
    assert submitted == [({"d": "c"}, ["b"])]


def test_publish_dialog_says_the_difference_in_plain_words(qtbot, app, swedish, screenshot):
    from PySide6.QtWidgets import QLabel

    from reviewer.services.checklists import PublishPlan

    plan = PublishPlan(1, ["a", "e", "f"], ["b", "c"], ["d"], {}, [])
    dialog = PublishDialog(
        "Test",
        2,
        plan,
        {"a": "Fråga A", "b": "Fråga B", "c": "Fråga C"},
        {"a": "Fråga A, omskriven", "d": "Fråga D"},
        lambda m, r: None,
        "sv",
        changed=["a"],
    )
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert (
        "Jämfört med version 1: 1 fråga ändrad, 1 ny, 2 borttagna eller omdöpta, 2 oförändrade.\n"
        "Ändrade: ”Fråga A, omskriven”\nNya: ”Fråga D”"
    ) in texts
    assert "Fråga B" in texts and "Fråga C" in texts
    assert not any(t in ("a", "b", "c", "d", "e", "f") or "(b)" in t for t in texts), "keys are never shown"
    dialog.show()
    screenshot(dialog, "publish-dialog-difference")


def test_a_kept_question_counts_as_changed_when_anything_in_it_differs():
    from reviewer.checklists.loader import parse_checklist
    from reviewer.ui.checklist_editor.publish_dialog import _changed
    from tests.ui.helpers import ALL_TYPES

    old = parse_checklist(json.dumps(ALL_TYPES), "alla.json")
    data = old.model_dump(mode="json", by_alias=True, exclude_none=True)
    first, second = data["sections"][0]["questions"][:2]
    first["help"] = {"sv": "Ny vägledning"}
    assert _changed(old, [first["key"], second["key"]], data) == [first["key"]]
