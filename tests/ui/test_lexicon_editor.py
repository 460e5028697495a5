"""Ordlista: the unit chief edits the lexicon in a table, saves it as a new version, and moves it through Excel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QFileDialog, QLineEdit, QMessageBox

from reviewer.domain.wording import LexiconEntry, WordGroup, builtin_lexicon
from reviewer.services.lexicon import current_lexicon, list_versions
from reviewer.services.lexicon_files import read_lexicon_file
from reviewer.ui.checklists_page import ChecklistsPage
from reviewer.ui.lexicon_editor import LexiconEditorDialog
from reviewer.ui.lexicon_editor.entries_model import FORMS, GROUP, LEMMA
from tests.ui.helpers import activate, press_in_focus, type_as_user, type_text, when_modal


@pytest.fixture
def editor(app, qtbot, swedish):
    dialog = LexiconEditorDialog(app.db, "sv", actor=lambda: "AB")  # not qtbot's: it would close it asking first
    dialog.show()
    activate(qtbot, dialog)
    yield dialog
    dialog.model.set_entries(dialog._saved_entries)  # nothing left unsaved: closing asks nothing
    dialog.close()
    dialog.deleteLater()


def row_of(editor, lemma):
    return next(number for number, row in enumerate(editor.model.rows()) if row.lemma == lemma)


def in_cell(qtbot, editor, kind):
    """The editor the table opened in a cell, once it has the keyboard focus."""
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.focusWidget(), kind)
            and QApplication.focusWidget().parent() is editor.table.viewport()
        )
    )
    return QApplication.focusWidget()


def commit(qtbot, editor):
    """Return in the cell's editor; the table writes the cell once the event loop runs, as it does for a user."""
    press_in_focus(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.table.state() != QAbstractItemView.State.EditingState)


def edit_cell(qtbot, editor, row, column, text):
    """Open the cell's editor as a double click would, type as a user (å, ä, ö as key events) and press Return."""
    index = editor.proxy.mapFromSource(editor.model.index(row, column))
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    in_cell(qtbot, editor, QLineEdit).selectAll()
    type_as_user(text)
    commit(qtbot, editor)


def test_a_new_word_typed_in_swedish_is_saved_as_version_2(app, qtbot, editor, screenshot):
    assert (
        editor.heading.text()
        == f"Version 1, {len(builtin_lexicon().entries)} ord. Nya omgångar räknar med den här versionen."
    )
    editor.add_button.click()
    in_cell(qtbot, editor, QLineEdit)
    type_as_user("hånfull")
    commit(qtbot, editor)
    row = row_of(editor, "hånfull")
    edit_cell(qtbot, editor, row, FORMS, "hånfullt, hånfulla, hånfullhet*")
    group_index = editor.proxy.mapFromSource(editor.model.index(row, GROUP))
    editor.table.setCurrentIndex(group_index)
    editor.table.edit(group_index)
    combo = in_cell(qtbot, editor, QComboBox)
    combo.setCurrentIndex(combo.findData(WordGroup.CHARACTER.value))
    commit(qtbot, editor)
    assert editor.model.index(row, GROUP).data() == "Omdömen om karaktär"
    type_text(editor.note, "Lade till hånfull efter granskningen 2026")
    screenshot(editor, "lexicon13-editor-new-word")
    editor.save_button.click()

    assert editor.message.text() == "Sparad som version 2. Nya omgångar räknar med den."
    assert editor.note.text() == ""
    assert editor.heading.text().startswith("Version 2, ")
    with app.db.session() as session:
        lexicon = current_lexicon(session)
        versions = list_versions(session)
    assert LexiconEntry("hånfull", WordGroup.CHARACTER, ("hånfullt", "hånfulla", "hånfullhet*")) in lexicon.entries
    assert (versions[0].version, versions[0].note, versions[0].created_by) == (
        2,
        "Lade till hånfull efter granskningen 2026",
        "AB",
    )

    notes = [editor.history_model.index(row, 5).data() for row in range(editor.history_model.rowCount())]
    assert notes == ["Lade till hånfull efter granskningen 2026", "Inbyggd"]
    screenshot(editor, "lexicon13-editor-saved")


def test_a_bad_form_is_marked_and_refused_naming_the_row_and_nothing_is_saved(app, qtbot, editor, screenshot):
    row = row_of(editor, "arg")
    edit_cell(qtbot, editor, row, FORMS, "argt, a*")
    assert editor.model.index(row, FORMS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Ordstammen ”a*” hos ”arg” är för kort: minst 3 bokstäver före *."
    )
    assert editor.model.index(row, LEMMA).data(Qt.ItemDataRole.ForegroundRole) is not None
    editor.save_button.click()
    assert editor.message.text() == f"Rad {row + 1}: Ordstammen ”a*” hos ”arg” är för kort: minst 3 bokstäver före *."
    selected = [editor.proxy.mapToSource(i).row() for i in editor.table.selectionModel().selectedRows()]
    assert selected == [row]
    screenshot(editor, "lexicon13-editor-refused")
    edit_cell(qtbot, editor, row, FORMS, "argt, ilsk")  # "ilsk" is no entry's form yet: fine
    assert editor.model.index(row, FORMS).data(Qt.ItemDataRole.ToolTipRole) is None
    edit_cell(qtbot, editor, row, FORMS, "argt, ilskan")  # ilskan belongs to "ilska"
    editor.save_button.click()
    ilska = row_of(editor, "ilska")
    assert editor.message.text() == f"Rad {ilska + 1}: Formen ”ilskan” finns både hos ”arg” och ”ilska”."
    assert [editor.proxy.mapToSource(i).row() for i in editor.table.selectionModel().selectedRows()] == [ilska]
    with app.db.session() as session:
        assert [v.version for v in list_versions(session)] == [1]


def test_removing_words_and_searching(app, qtbot, editor):
    type_text(editor.search, "ångest")
    assert editor.proxy.rowCount() == 1
    editor.table.selectRow(0)
    editor.remove_button.click()
    assert editor.proxy.rowCount() == 0
    editor.search.clear()
    editor.save_button.click()
    with app.db.session() as session:
        assert "ångest" not in {entry.lemma for entry in current_lexicon(session).entries}
        assert current_lexicon(session).version == 2


def test_an_unchanged_list_is_not_saved_again(app, editor):
    editor.save_button.click()
    assert editor.message.text() == "Ordlistan är densamma som version 1; ingen ny version sparades."


def test_import_fills_the_table_to_look_at_and_export_writes_it(app, qtbot, editor, tmp_path, monkeypatch):
    source = tmp_path / "från excel.csv"
    source.write_text(
        "Grundform;Grupp;Former\ngnällig;karaktär;gnälligt, gnälliga\nmamma;familjeroller;mammas\n", "utf-8-sig"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    editor.import_button.click()
    assert editor.message.text() == (
        "Läste 2 ord från från excel.csv. Granska dem och spara dem som en ny version för att använda dem."
    )
    assert [row.lemma for row in editor.model.rows()] == ["gnällig", "mamma"]
    with app.db.session() as session:
        assert current_lexicon(session).version == 1  # not saved until the chief saves
    target = tmp_path / "ut"
    filters = [None, None]

    def save_name(*args, **kwargs):
        filters[0] = args[3]
        return str(target), args[3].split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    editor.export_button.click()
    assert editor.message.text() == f"Exporterade 2 ord till {target}.xlsx."
    assert [entry.lemma for entry in read_lexicon_file(tmp_path / "ut.xlsx")] == ["gnällig", "mamma"]

    broken = tmp_path / "trasig.csv"
    broken.write_text("grundform;grupp\narg;känslor\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    editor.import_button.click()
    assert (
        editor.message.text()
        == "trasig.csv: Rad 1 saknar kolumnen ”former” (rubrikerna ska vara grundform, grupp, former)."
    )
    assert [row.lemma for row in editor.model.rows()] == ["gnällig", "mamma"]


def test_closing_with_unsaved_changes_asks_first(app, qtbot, editor):
    editor.model.remove_rows([0])
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    editor.reject()
    assert editor.isVisible()
    when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    editor.reject()
    assert not editor.isVisible()


def test_the_checklists_page_opens_it(app, qtbot, swedish, screenshot):
    page = ChecklistsPage(app.db, "sv")
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    activate(qtbot, page)
    assert page.lexicon_action.text() == "&Ordlista…"
    seen = []

    def look(dialog):
        seen.append((type(dialog), dialog.windowTitle()))
        screenshot(dialog, "lexicon13-editor-from-page")
        dialog.reject()

    when_modal(qtbot, look)
    page.lexicon_action.trigger()
    assert seen == [(LexiconEditorDialog, "Ordlista över värdeladdade ord")]
    screenshot(page, "lexicon13-checklists-page")
    page.close()
