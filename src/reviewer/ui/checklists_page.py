"""Checklistor: every checklist version, what can be done with it, and the editor for drafts.

A published version never changes, so rounds stay comparable: editing starts a new version (a draft), which is
published when it is ready. The buttons offer only what the selected version allows; the services refuse the rest
too, and their message is shown as it is.

Keyboard: Ctrl+N new checklist, Ctrl+Shift+N new version of the selected one, Return edits a draft, Delete deletes a
draft, Ctrl+O imports a file, Ctrl+E exports the selected version.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import Area
from reviewer.domain.sex import Subject
from reviewer.domain.text import Language, ReviewerError
from reviewer.services import checklists
from reviewer.services.checklists import ChecklistSummary, ImportOutcome, list_checklists
from reviewer.storage.database import Database
from reviewer.storage.models import ChecklistStatus
from reviewer.ui.checklist_editor.editor import ChecklistEditor
from reviewer.ui.checklist_editor.names import subject_names
from reviewer.ui.checklist_editor.publish_dialog import publish_with_dialog
from reviewer.ui.filter_table import FilterTable
from reviewer.ui.form_dialog import FormDialog
from reviewer.ui.labels import area_label, checklist_status_label, yes_no
from reviewer.ui.lexicon_editor import LexiconEditorDialog
from reviewer.ui.table_model import Column, RecordTableModel

EXPORT_SUFFIXES = (".xlsx", ".json", ".yaml", ".yml")


class NewChecklistDialog(FormDialog):
    """An empty checklist (title, area, whom the cases are about) or the next version of a built-in one."""

    def __init__(self, db: Database, builtins: list[ChecklistSummary], language: Language, parent=None) -> None:
        super().__init__(self.tr("New checklist"), parent)
        self._db = db
        self._language = language
        self.created: tuple[str, int] | None = None
        self.source = QComboBox(self)
        self.source.setAccessibleName(self.tr("Start from"))
        self.source.addItem(self.tr("An empty checklist"), None)
        for summary in builtins:
            self.source.addItem(
                self.tr("A new version of the built-in “%1”").replace("%1", summary.title),
                f"{summary.slug}@{summary.version}",
            )
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Title (Swedish)"))
        self.title.setPlaceholderText(self.tr("e.g. Bemötande i beslutsbrev"))
        self.area = QComboBox(self)
        self.area.setAccessibleName(self.tr("Area"))
        for area in Area:
            self.area.addItem(area_label(area.value), area.value)
        self.subject = QComboBox(self)
        self.subject.setAccessibleName(self.tr("The cases are about"))
        for value, name in subject_names():
            self.subject.addItem(name, value)
        self.add_row(self.tr("&Start from"), self.source)
        self.add_row(self.tr("&Title (Swedish)"), self.title, required=True)
        self.add_row(self.tr("&Area"), self.area)
        self.add_row(self.tr("The cases are &about"), self.subject)
        self.source.currentIndexChanged.connect(self._source_changed)

    def _source_changed(self) -> None:
        empty = self.source.currentData() is None
        for widget in (self.title, self.area, self.subject):
            widget.setEnabled(empty)

    def commit(self) -> str | None:
        source = self.source.currentData()
        try:
            with self._db.session() as session:
                if source is None:
                    self.created = checklists.new_draft(
                        session,
                        title_sv=self.title.text().strip(),
                        area=Area(self.area.currentData()),
                        subject=Subject(self.subject.currentData()),
                    )
                else:
                    slug, version = checklists.parse_reference(source)
                    assert version is not None
                    self.created = checklists.new_draft(session, (slug, version))
        except ReviewerError as error:
            return error.text(self._language)
        return None


class ChecklistList(QWidget):
    """The table of versions and its actions; the page above it swaps in the editor."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        columns: list[Column[ChecklistSummary]] = [
            Column(self.tr("Title"), lambda c: c.title, self._group_order),
            Column(self.tr("Area"), lambda c: area_label(c.area)),
            Column(self.tr("Version"), lambda c: str(c.version), lambda c: c.version, align_right=True),
            Column(self.tr("Status"), lambda c: checklist_status_label(c.status.value)),
            Column(self.tr("Questions"), lambda c: str(c.question_count), lambda c: c.question_count, True),
            Column(self.tr("Rounds"), lambda c: str(c.round_count), lambda c: c.round_count, True),
            Column(self.tr("Used by rounds"), lambda c: ", ".join(c.rounds) or "–"),
            Column(self.tr("Built in"), lambda c: yes_no(c.builtin)),
        ]
        self._group_titles: dict[str, str] = {}
        self.model: RecordTableModel[ChecklistSummary] = RecordTableModel(columns, self)
        self.table = FilterTable(self.model, self.tr("Search checklists"), self.tr("Checklists"), self)
        self.table.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        intro = QLabel(
            self.tr(
                "Checklists decide which questions a review asks. A published version never changes, so rounds "
                "stay comparable: to change a checklist, start a new version, edit the draft and publish it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        layout.addWidget(self.message)

    def _group_order(self, c: ChecklistSummary) -> tuple[str, str, int]:
        """Versions of one checklist stay together, under the title of its newest version."""
        return (self._group_titles.get(c.slug, c.title).casefold(), c.slug, c.version)

    def set_records(self, records: list[ChecklistSummary]) -> None:
        self._group_titles = {c.slug: c.title for c in sorted(records, key=lambda c: c.version)}
        self.model.set_records(records)

    def add_action(self, action: QAction) -> None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        self.table.view.addAction(action)
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons.insertWidget(self.buttons.count() - 1, button)

    def selected(self) -> ChecklistSummary | None:
        indexes = self.table.view.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.record(self.table.proxy.mapToSource(indexes[0]).row())

    def select(self, slug: str, version: int) -> None:
        for row, record in enumerate(self.model.records()):
            if (record.slug, record.version) == (slug, version):
                self.table.view.selectRow(self.table.proxy.mapFromSource(self.model.index(row, 0)).row())
                return


class ChecklistsPage(QWidget):
    def __init__(self, db: Database, language: Language, parent=None, actor: Callable[[], str] = str) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self.editor: ChecklistEditor | None = None
        self.list = ChecklistList(self)
        self.model = self.list.model
        self.table = self.list.table
        self._make_actions()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.table.view.activated.connect(lambda _index: self.edit_selected())
        self.table.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.refresh()

    def _make_actions(self) -> None:
        ctrl, shift = Qt.Modifier.CTRL, Qt.Modifier.SHIFT

        def action(text: str, slot, key: QKeySequence | None = None) -> QAction:
            made = QAction(text, self)
            if key is not None:
                made.setShortcut(key)
            made.triggered.connect(slot)
            self.list.add_action(made)
            return made

        self.new_action = action(self.tr("&New checklist…"), self.new_checklist, QKeySequence(ctrl | Qt.Key.Key_N))
        self.new_version_action = action(
            self.tr("New &version"), self.new_version, QKeySequence(ctrl | shift | Qt.Key.Key_N)
        )
        self.edit_action = action(self.tr("&Edit draft"), self.edit_selected)
        self.publish_action = action(self.tr("&Publish…"), self.publish_selected)
        self.retire_action = action(self.tr("Re&tire"), self.retire_selected)
        self.delete_action = action(self.tr("&Delete draft"), self.delete_selected, QKeySequence(Qt.Key.Key_Delete))
        self.import_action = action(self.tr("&Import file…"), self.import_file, QKeySequence(ctrl | Qt.Key.Key_O))
        self.export_action = action(self.tr("E&xport file…"), self.export_selected, QKeySequence(ctrl | Qt.Key.Key_E))
        self.lexicon_action = action(self.tr("&Lexicon…"), self.open_lexicon)
        # Delete deletes a draft only from the table; in the search field it deletes text.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def refresh(self) -> None:
        chosen = self.list.selected()
        with self._db.session() as session:
            self.list.set_records(list_checklists(session))
        if chosen is not None:
            self.list.select(chosen.slug, chosen.version)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self.list.selected()
        draft = chosen is not None and chosen.status is ChecklistStatus.DRAFT
        has_draft = chosen is not None and any(
            r.slug == chosen.slug and r.status is ChecklistStatus.DRAFT for r in self.model.records()
        )
        self.new_version_action.setEnabled(chosen is not None and not has_draft)
        self.edit_action.setEnabled(draft)
        self.publish_action.setEnabled(draft)
        self.delete_action.setEnabled(draft)
        self.retire_action.setEnabled(chosen is not None and chosen.status is ChecklistStatus.PUBLISHED)
        self.export_action.setEnabled(chosen is not None)

    def _warn(self, title: str, error: ReviewerError) -> None:
        QMessageBox.warning(self, title, error.text(self._language))

    def _say(self, text: str) -> None:
        self.list.message.setText(text)

    # Creating and editing

    def new_checklist(self) -> None:
        builtins = [c for c in self.model.records() if c.builtin and c.status is ChecklistStatus.PUBLISHED]
        dialog = NewChecklistDialog(self._db, builtins, self._language, self)
        if dialog.exec() and dialog.created is not None:
            self.open_editor(*dialog.created)

    def new_version(self) -> None:
        chosen = self.list.selected()
        if chosen is None:
            return
        try:
            with self._db.session() as session:
                slug, version = checklists.new_draft(session, (chosen.slug, chosen.version))
        except ReviewerError as error:
            self._warn(self.tr("New version"), error)
            return
        self.open_editor(slug, version)

    def edit_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is None:
            return
        if chosen.status is ChecklistStatus.DRAFT:
            self.open_editor(chosen.slug, chosen.version)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Edit checklist"),
            self.tr("Version %1 is published and cannot be changed. Start a new version from it?").replace(
                "%1", str(chosen.version)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes and self.new_version_action.isEnabled():
            self.new_version()

    def open_editor(self, slug: str, version: int) -> None:
        try:
            editor = ChecklistEditor(self._db, slug, version, self._language, self, actor=self._actor)
        except ReviewerError as error:
            self._warn(self.tr("Edit draft"), error)
            self.refresh()
            return
        editor.back_requested.connect(self.close_editor)
        editor.published.connect(self._published)
        self.editor = editor
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        editor.tree.setFocus()

    def close_editor(self) -> None:
        editor = self.editor
        if editor is None:
            return
        editor.flush()
        self.editor = None
        self.stack.setCurrentWidget(self.list)
        self.stack.removeWidget(editor)
        editor.deleteLater()
        self.refresh()
        self.list.select(editor.slug, editor.version)
        self.table.view.setFocus()

    def _published(self, slug: str, version: int) -> None:
        self.close_editor()
        self.list.select(slug, version)
        self._say(self.tr("Published %1 version %2.").replace("%1", slug).replace("%2", str(version)))

    # Changing status

    def publish_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is None:
            return
        if publish_with_dialog(self._db, chosen.slug, chosen.version, self._language, self):
            self.refresh()
            self._say(self.tr("Published %1 version %2.").replace("%1", chosen.slug).replace("%2", str(chosen.version)))

    def retire_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retire checklist version"),
            self.tr("Retire %1 version %2? Rounds that use it keep working, but new rounds cannot choose it.")
            .replace("%1", chosen.title)
            .replace("%2", str(chosen.version)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor = self._actor()
        self._change(
            self.tr("Retire checklist version"), lambda s: checklists.retire(s, chosen.slug, chosen.version, actor)
        )

    def delete_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is None or chosen.status is not ChecklistStatus.DRAFT:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete draft"),
            self.tr("Delete the draft %1 version %2? This cannot be undone.")
            .replace("%1", chosen.title or chosen.slug)
            .replace("%2", str(chosen.version)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._change(self.tr("Delete draft"), lambda s: checklists.delete_draft(s, chosen.slug, chosen.version))

    def _change(self, title: str, work) -> None:
        try:
            with self._db.session() as session:
                work(session)
        except ReviewerError as error:
            self._warn(title, error)
        self.refresh()

    def open_lexicon(self) -> None:
        """The lexicon of value-laden words the text aid counts with; edited here, beside the checklists it serves."""
        LexiconEditorDialog(self._db, self._language, self, actor=self._actor).exec()

    # Files

    def import_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import checklist"),
            "",
            self.tr("Checklist files (*.xlsx *.json *.yaml *.yml);;All files (*)"),
        )
        if not path:
            return
        as_draft = self._ask_as_draft(Path(path).name)
        if as_draft is None:
            return
        try:
            with self._db.session() as session:
                outcome, slug, version = checklists.import_checklist_file(
                    session, Path(path), as_draft=as_draft, actor=self._actor()
                )
        except ReviewerError as error:
            self._warn(self.tr("Import checklist"), error)
            return
        self.refresh()
        self.list.select(slug, version)
        if outcome is ImportOutcome.UNCHANGED:
            self._say(
                self.tr("%1 version %2 was already here; nothing changed.")
                .replace("%1", slug)
                .replace("%2", str(version))
            )
        else:
            self._say(self.tr("Imported %1 version %2.").replace("%1", slug).replace("%2", str(version)))

    def _ask_as_draft(self, name: str) -> bool | None:
        """Draft (to look at it first) or published at once; None when the user cancels."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Import checklist"), "", parent=self)
        box.setText(
            self.tr("Import %1 as a draft, to look at and edit it before publishing, or publish it at once?").replace(
                "%1", name
            )
        )
        as_draft = box.addButton(self.tr("As a &draft"), QMessageBox.ButtonRole.AcceptRole)
        as_draft.setObjectName("as_draft")
        published = box.addButton(self.tr("&Publish at once"), QMessageBox.ButtonRole.AcceptRole)
        published.setObjectName("publish")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(as_draft)
        box.exec()
        clicked = box.clickedButton()
        if clicked is as_draft:
            return True
        return False if clicked is published else None

    def export_selected(self) -> None:
        chosen = self.list.selected()
        if chosen is None:
            return
        filters = [self.tr("Excel workbook (*.xlsx)"), self.tr("JSON file (*.json)"), self.tr("YAML file (*.yaml)")]
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export checklist"),
            f"{chosen.slug}-v{chosen.version}.xlsx",
            ";;".join(filters),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in EXPORT_SUFFIXES:
            suffix = EXPORT_SUFFIXES[filters.index(chosen_filter)] if chosen_filter in filters else ".xlsx"
            target = target.with_name(target.name + suffix)
        try:
            with self._db.session() as session:
                checklists.export_checklist_file(session, chosen.slug, chosen.version, target)
        except ReviewerError as error:
            self._warn(self.tr("Export checklist"), error)
            return
        self._say(self.tr("Exported to %1.").replace("%1", str(target)))
