"""The Checklistor page: versions and their rounds, what each status allows, new drafts, files in and out."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from reviewer.services import checklists
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import ChecklistStatus
from reviewer.ui.checklists_page import ChecklistsPage
from reviewer.ui.labels import checklist_status_label
from tests.ui.helpers import activate, press, type_text, when_modal

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(app, qtbot, swedish):
    with app.db.session() as session:
        create_round(session, "Missbruk 2026 H1", get_version(session, "missbruk"), "2026 H1", actor="AB")
    widget = ChecklistsPage(app.db, "sv")
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    activate(qtbot, widget)
    yield widget
    widget.close()


def rows(page):
    proxy = page.table.proxy
    return [page.model.record(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())]


def cell(page, slug, version, column):
    for r in range(page.model.rowCount()):
        record = page.model.record(r)
        if (record.slug, record.version) == (slug, version):
            return page.model.index(r, column).data()
    raise AssertionError(f"{slug}@{version} is not listed")


def enabled(page):
    names = ["new_version", "edit", "publish", "retire", "delete", "export"]
    return {name for name in names if getattr(page, f"{name}_action").isEnabled()}


def on_modal(qtbot, act, left_open=None):
    """`when_modal`, but a dialog the test leaves open is closed (its message noted) so the test cannot hang."""

    def safely(dialog):
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                if left_open is not None:
                    left_open.append(getattr(getattr(dialog, "message", None), "text", lambda: "")())
                dialog.reject()

    when_modal(qtbot, safely)


def answer(qtbot, button, seen=None):
    """Answer the next message box with `button`, noting its text."""

    def act(box):
        if seen is not None:
            seen.append(box.text())
        box.button(button).click()

    on_modal(qtbot, act)


def test_versions_with_status_rounds_and_what_each_allows(qtbot, app, page, screenshot):
    assert sorted((r.slug, r.version) for r in rows(page)) == [("barnomsorg", 2), ("fardtjanst", 3), ("missbruk", 3)]
    assert cell(page, "missbruk", 3, 6) == "Missbruk 2026 H1"
    assert cell(page, "missbruk", 3, 5) == "1"
    assert cell(page, "fardtjanst", 3, 6) == "–"
    assert cell(page, "missbruk", 3, 3) == "Publicerad"
    assert enabled(page) == set(), "nothing is selected yet"

    page.list.select("missbruk", 3)
    assert enabled(page) == {"new_version", "retire", "export"}, "a published version is never edited or deleted"

    page.new_version_action.trigger()
    assert page.editor is not None and (page.editor.slug, page.editor.version) == ("missbruk", 4)
    assert page.stack.currentWidget() is page.editor
    press(page.editor.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.stack.currentWidget() is page.list
    assert cell(page, "missbruk", 4, 3) == "Utkast"
    assert page.list.selected().version == 4
    assert enabled(page) == {"edit", "publish", "delete", "export"}
    page.list.select("missbruk", 3)
    assert "new_version" not in enabled(page), "one draft per checklist at a time"
    screenshot(page, "checklistor-utkast")

    page.list.select("missbruk", 4)
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Yes, seen)
    press(page.table.view, Qt.Key.Key_Delete)
    assert "missbruk" in seen[0] or "Missbruk" in seen[0], "the question names the draft"
    assert ("missbruk", 4) not in [(r.slug, r.version) for r in rows(page)]


def test_return_on_a_draft_opens_the_editor_and_on_a_published_version_offers_a_new_one(qtbot, app, page):
    with app.db.session() as session:
        checklists.new_draft(session, ("fardtjanst", 3))
    page.refresh()
    page.list.select("fardtjanst", 4)
    press(page.table.view, Qt.Key.Key_Return)
    assert page.editor is not None and page.editor.version == 4
    page.close_editor()

    page.list.select("barnomsorg", 2)
    seen = []
    answer(qtbot, QMessageBox.StandardButton.Yes, seen)
    press(page.table.view, Qt.Key.Key_Return)
    assert seen, "a published version is not opened for editing without asking"
    assert page.editor is not None and (page.editor.slug, page.editor.version) == ("barnomsorg", 3)


def test_new_checklist_from_scratch_and_from_a_built_in(qtbot, app, page):
    def fill(dialog):
        type_text(dialog.title, "Bemötande i beslutsbrev")
        dialog.area.setCurrentIndex(dialog.area.findData("fardtjanst"))
        dialog.accept()

    refused = []
    on_modal(qtbot, fill, refused)
    press(page.table.view, Qt.Key.Key_N, CTRL)
    assert refused == []
    assert page.editor is not None
    slug = page.editor.slug
    assert page.editor.document.data["title"]["sv"] == "Bemötande i beslutsbrev"
    assert page.editor.document.data["area"] == "fardtjanst"
    page.close_editor()
    assert cell(page, slug, 1, 0) == "Bemötande i beslutsbrev"

    def from_builtin(dialog):
        dialog.source.setCurrentIndex(dialog.source.findData("barnomsorg@2"))
        assert not dialog.title.isEnabled()
        dialog.accept()

    on_modal(qtbot, from_builtin)
    page.new_action.trigger()
    assert page.editor is not None and (page.editor.slug, page.editor.version) == ("barnomsorg", 3)
    assert page.editor.document.data["previous"]["version"] == 2


def test_a_refusal_keeps_the_new_checklist_dialog_open_with_the_reason(qtbot, app, page):
    with app.db.session() as session:
        checklists.new_draft(session, ("missbruk", 3))
    page.refresh()
    seen = []

    def try_builtin(dialog):
        dialog.source.setCurrentIndex(dialog.source.findData("missbruk@3"))
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.message.text()))
        dialog.reject()

    on_modal(qtbot, try_builtin)
    page.new_action.trigger()
    visible, message = seen[0]
    assert visible and "Det finns redan ett utkast av missbruk" in message
    assert page.editor is None


def test_publish_and_retire_from_the_page(qtbot, app, page):
    with app.db.session() as session:
        checklists.new_draft(session, ("fardtjanst", 3))
    page.refresh()
    page.list.select("fardtjanst", 4)

    def publish(dialog):
        dialog.accept()

    on_modal(qtbot, publish)
    page.publish_action.trigger()
    assert cell(page, "fardtjanst", 4, 3) == "Publicerad"
    assert "fardtjanst" in page.list.message.text()

    page.list.select("missbruk", 3)
    answer(qtbot, QMessageBox.StandardButton.Yes)
    page.retire_action.trigger()
    assert cell(page, "missbruk", 3, 3) == checklist_status_label("retired")
    assert cell(page, "missbruk", 3, 6) == "Missbruk 2026 H1", "its round keeps using it"
    page.list.select("missbruk", 3)
    assert enabled(page) == {"new_version", "export"}


def test_export_and_import_through_the_page(qtbot, app, page, tmp_path, monkeypatch):
    target = tmp_path / "missbruk"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "Excel-arbetsbok (*.xlsx)")
    )
    page.list.select("missbruk", 3)
    press(page.table.view, Qt.Key.Key_E, CTRL)
    workbook = tmp_path / "missbruk.xlsx"
    assert workbook.exists(), page.list.message.text()

    json_file = tmp_path / "missbruk.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(json_file), ""))
    page.export_action.trigger()
    data = json.loads(json_file.read_text(encoding="utf-8"))
    data["version"] = 7
    data["title"]["sv"] = "Missbruk, enhetens version"
    data.pop("previous", None)
    changed = tmp_path / "missbruk-v7.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(changed), ""))

    on_modal(qtbot, lambda box: box.findChild(QPushButton, "as_draft").click())
    press(page.table.view, Qt.Key.Key_O, CTRL)
    assert cell(page, "missbruk", 7, 3) == "Utkast"
    assert cell(page, "missbruk", 7, 0) == "Missbruk, enhetens version"
    assert page.list.selected().version == 7

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(workbook), ""))
    before = rows(page)
    on_modal(qtbot, lambda box: box.findChild(QPushButton, "publish").click())
    page.import_action.trigger()
    assert rows(page) == before, "the same version again changes nothing"
    assert "missbruk" in page.list.message.text()
    with app.db.session() as session:
        assert get_version(session, "missbruk", 3).status is ChecklistStatus.PUBLISHED


def test_a_broken_file_is_refused_with_the_services_message(qtbot, app, page, tmp_path, monkeypatch):
    broken = tmp_path / "trasig.yaml"
    broken.write_text("slug: [\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    seen = []

    def as_draft(box):
        box.findChild(QPushButton, "as_draft").click()
        answer(qtbot, QMessageBox.StandardButton.Ok, seen)

    on_modal(qtbot, as_draft)
    page.import_action.trigger()
    assert seen and "trasig.yaml" in seen[0] and "YAML" in seen[0]
    assert len(rows(page)) == 3
