"""The checklist editor: the tree, the properties of the selected item, the problems, and the live preview.

Every change is validated at once (debounced by a few milliseconds), saved as the draft shortly after, and shown in
the preview; leaving the editor or closing the window saves what is pending, so a draft is never lost.

Keyboard: Ctrl+N adds a question after the current one, Ctrl+Shift+N a section; Delete (in the tree) removes the item;
Ctrl+Up / Ctrl+Down move it; Ctrl+Z / Ctrl+Shift+Z undo and redo; Alt+Left goes back to the list of checklists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.services.checklists import draft_data, save_draft_data, validate_data
from reviewer.storage.database import Database
from reviewer.ui.checklist_editor.document import ChecklistDocument, ItemRef, locate
from reviewer.ui.checklist_editor.issues_panel import IssuesPanel
from reviewer.ui.checklist_editor.preview import PreviewPanel
from reviewer.ui.checklist_editor.publish_dialog import publish_with_dialog
from reviewer.ui.checklist_editor.question_panel import PropertyPanel
from reviewer.ui.checklist_editor.structure_model import StructureModel
from reviewer.ui.style import ERROR_STYLE

VALIDATE_DELAY_MS = 60
SAVE_DELAY_MS = 300
PREVIEW_DELAY_MS = 300


class ChecklistEditor(QWidget):
    back_requested = Signal()
    published = Signal(str, int)
    saved = Signal()

    def __init__(
        self, db: Database, slug: str, version: int, language: Language, parent=None, actor: Callable[[], str] = str
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self.slug = slug
        self.version = version
        self.language = language
        self._unsaved = False
        with db.session() as session:
            data = draft_data(session, slug, version)
        self.document = ChecklistDocument(data, self)
        self.model = StructureModel(self.document, self)
        self.tree = self._make_tree()
        self.issues = IssuesPanel(self)
        self.panel = PropertyPanel(self.document, self)
        self.preview = PreviewPanel(language, self)
        self.state = QLabel(self)
        self.state.setAccessibleName(self.tr("Save state"))
        self.issue_count = 0

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.tree)
        left.addWidget(self.issues)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([280, 520, 500])
        title = QLabel(self.tr("Draft: %1, version %2").replace("%1", slug).replace("%2", str(version)), self)
        title.setStyleSheet("font-weight: bold;")
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.addWidget(self._make_toolbar())
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        self._validate_timer = self._timer(VALIDATE_DELAY_MS, self.validate)
        self._save_timer = self._timer(SAVE_DELAY_MS, self.save)
        self._preview_timer = self._timer(PREVIEW_DELAY_MS, self.update_preview)
        self.document.changed.connect(self._document_changed)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.issues.activated.connect(self.select)

        self.tree.expandAll()
        self.select(())
        self.validate()
        self.update_preview()
        self.state.setText(self.tr("All changes are saved"))

    def _timer(self, delay: int, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    def _make_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setModel(self.model)
        tree.setHeaderHidden(True)
        tree.setAccessibleName(self.tr("Sections and questions"))
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setMinimumWidth(220)
        return tree

    def _action(self, text: str, slot, shortcuts: list[QKeySequence], tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        action.setToolTip(" ".join(filter(None, [tip or text.replace("&", ""), f"({keys})" if keys else ""])))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_toolbar(self) -> QToolBar:
        ctrl, shift = Qt.Modifier.CTRL, Qt.Modifier.SHIFT
        stack = self.document.undo_stack
        self.back_action = self._action(
            self.tr("← Checklists"),
            self.leave,
            [QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left)],
            self.tr("Back to the list of checklists"),
        )
        self.undo_action = self._action(self.tr("Undo"), self.undo, [QKeySequence(ctrl | Qt.Key.Key_Z)])
        self.redo_action = self._action(
            self.tr("Redo"), self.redo, [QKeySequence(ctrl | shift | Qt.Key.Key_Z), QKeySequence(ctrl | Qt.Key.Key_Y)]
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setToolTip(self.tr("Undo: %1").replace("%1", text)))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setToolTip(self.tr("Redo: %1").replace("%1", text)))
        self.add_question_action = self._action(
            self.tr("Add &question"),
            self.add_question,
            [QKeySequence(ctrl | Qt.Key.Key_N)],
            self.tr("Add a question after the current one"),
        )
        self.add_section_action = self._action(
            self.tr("Add &section"),
            self.add_section,
            [QKeySequence(ctrl | shift | Qt.Key.Key_N)],
            self.tr("Add a section after the current one"),
        )
        self.remove_action = self._action(self.tr("&Remove"), self.remove_current, [QKeySequence(Qt.Key.Key_Delete)])
        # Delete removes an item only in the tree; in a text field it deletes text.
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(self.remove_action)
        self.tree.addAction(self.remove_action)
        self.up_action = self._action(
            self.tr("Move &up"), lambda: self.move_current(-1), [QKeySequence(ctrl | Qt.Key.Key_Up)]
        )
        self.down_action = self._action(
            self.tr("Move &down"), lambda: self.move_current(1), [QKeySequence(ctrl | Qt.Key.Key_Down)]
        )
        self.publish_action = self._action(
            self.tr("&Publish…"),
            self.publish,
            [QKeySequence(ctrl | shift | Qt.Key.Key_P)],
            self.tr("Publish this draft as a version that rounds can use"),
        )
        toolbar = QToolBar(self)
        toolbar.setAccessibleName(self.tr("Editor actions"))
        toolbar.addAction(self.back_action)
        toolbar.addSeparator()
        for action in (self.undo_action, self.redo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (
            self.add_section_action,
            self.add_question_action,
            self.remove_action,
            self.up_action,
            self.down_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.publish_action)
        return toolbar

    # Selection

    def current(self) -> ItemRef:
        ref = self.model.ref(self.tree.currentIndex())
        return () if ref is None else ref

    def select(self, ref: ItemRef) -> None:
        index = self.model.index_of(ref) if self.document.exists(ref) else self.model.index_of(())
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = self.model.ref(current)
        self.panel.bind(() if ref is None else ref)
        self._update_actions()
        if ref is not None and len(ref) == 2:
            self.preview.reveal(str(self.document.item(ref).get("key", "")))

    def _update_actions(self) -> None:
        ref = self.current()
        self.remove_action.setEnabled(bool(ref))
        self.up_action.setEnabled(bool(ref))
        self.down_action.setEnabled(bool(ref))

    def undo(self) -> None:
        self.document.undo_stack.undo()
        self._show_touched()

    def redo(self) -> None:
        self.document.undo_stack.redo()
        self._show_touched()

    def _show_touched(self) -> None:
        """Undo and redo select what they changed, so the user sees it."""
        if self.document.touched is not None:
            self.select(self.document.touched)

    # Editing

    def add_question(self) -> None:
        ref = self.document.add_question(self.current())
        self.select(ref)
        self._focus_first_text()

    def add_section(self) -> None:
        ref = self.document.add_section(self.current())
        self.tree.expand(self.model.index_of(ref))
        self.select(ref)
        self._focus_first_text()

    def _focus_first_text(self) -> None:
        """New items start with an empty text: the cursor goes there, ready for typing."""
        self.panel.page.main_text().setFocus()

    def remove_current(self) -> None:
        ref = self.current()
        if ref:
            self.document.remove(ref)
            self.state.setText(self.tr("Removed. Ctrl+Z brings it back."))

    def move_current(self, step: int) -> None:
        ref = self.current()
        if not ref:
            return
        target = self.document.move_by(ref, step)
        if target is not None:
            self.select(target)

    def _document_changed(self) -> None:
        ref = self.current()
        if self.panel.page.ref != ref or not self.document.exists(self.panel.page.ref):
            self.panel.bind(ref)
        else:
            self.panel.page.refresh()
        self._update_actions()
        self._unsaved = True
        self.state.setText(self.tr("Saving…"))
        self._validate_timer.start()
        self._save_timer.start()
        self._preview_timer.start()

    # Validation, saving, preview

    def validate(self) -> None:
        self._validate_timer.stop()
        by_item: dict[ItemRef, dict[str, list[str]]] = {}
        listing: list[tuple[ItemRef, str]] = []
        for issue in validate_data(self.document.data):
            ref, field = locate(self.document, issue.path, issue.key)
            if not self.document.exists(ref):
                ref, field = (), ""
            text = issue.message.text(self.language)
            by_item.setdefault(ref, {}).setdefault(field, []).append(text)
            listing.append((ref, f"{self._where(ref)}: {text}"))
        listing.sort(key=lambda entry: entry[0])
        self.issue_count = len(listing)
        self.model.set_issues({ref: [t for texts in fields.values() for t in texts] for ref, fields in by_item.items()})
        self.panel.show_issues(by_item)
        self.issues.show_issues(listing)

    def _where(self, ref: ItemRef) -> str:
        item = self.document.item(ref) if ref else self.document.data
        if len(ref) == 2:
            return self.tr("Question %1").replace("%1", str(item.get("key", "")))
        if len(ref) == 1:
            return self.tr("Section %1").replace("%1", str(item.get("key", "")))
        return self.tr("Checklist")

    def save(self) -> bool:
        """Stores the draft as it is, valid or not; True when nothing is left unsaved."""
        self._save_timer.stop()
        if not self._unsaved:
            return True
        try:
            with self._db.session() as session:
                save_draft_data(session, self.slug, self.version, self.document.data)
        except ReviewerError as error:
            self.state.setStyleSheet(ERROR_STYLE)
            self.state.setText(self.tr("Not saved: %1").replace("%1", error.text(self.language)))
            return False
        self._unsaved = False
        self.state.setStyleSheet("")
        self.state.setText(self.tr("Saved %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self.saved.emit()
        return True

    def update_preview(self) -> None:
        self._preview_timer.stop()
        self.preview.show_definition(self.document.data)
        if len(self.current()) == 2:
            self.preview.reveal(str(self.document.item(self.current()).get("key", "")))

    def flush(self) -> bool:
        """Runs what the timers would: validation, the save, the preview. True when everything is saved."""
        if self._validate_timer.isActive():
            self.validate()
        if self._preview_timer.isActive():
            self.update_preview()
        return self.save()

    # Leaving

    def leave(self) -> None:
        self.flush()
        self.back_requested.emit()

    def publish(self) -> None:
        if not self.flush():
            return
        if publish_with_dialog(self._db, self.slug, self.version, self.language, self, self._actor()):
            self.published.emit(self.slug, self.version)

    def hideEvent(self, event: QHideEvent) -> None:
        # The window closing hides its children too: the last keystrokes are saved then.
        self.save()
        super().hideEvent(event)
