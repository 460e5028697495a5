"""The tree of the editor: the checklist, its sections and their questions, with drag and drop to reorder them.

The model reads the document and turns its structure signals into Qt's begin/end calls, so selections and expanded
sections follow the items as they move. A drop becomes one undoable move on the document; the view never removes
rows itself (the model has no `removeRows`).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from reviewer.ui.checklist_editor.document import ChecklistDocument, ItemRef, Path, item_of
from reviewer.ui.checklist_editor.names import question_title

AnyIndex = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-reviewer-checklist-item"
_ROOT_ID = 0
_SECTION_ID = 1
_QUESTION_BASE = 2  # a question item's id is its section's stable id from the document plus this


class StructureModel(QAbstractItemModel):
    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._issues: dict[ItemRef, list[str]] = {}
        self._sections_with_problems: set[int] = set()
        style = QApplication.style()
        self._warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        document.about_to_insert.connect(lambda s, row: self.beginInsertRows(self._parent_of(s), row, row))
        document.inserted.connect(lambda _s, _row: self.endInsertRows())
        document.about_to_remove.connect(lambda s, row: self.beginRemoveRows(self._parent_of(s), row, row))
        document.removed.connect(lambda _s, _row: self.endRemoveRows())
        document.about_to_move.connect(self._begin_move)
        document.moved.connect(lambda *_: self.endMoveRows())
        document.value_changed.connect(self._value_changed)

    # Addressing

    def ref(self, index: AnyIndex) -> ItemRef | None:
        if not index.isValid():
            return None
        kind = index.internalId()
        if kind == _ROOT_ID:
            return ()
        if kind == _SECTION_ID:
            return (index.row(),)
        return (self._document.section_row(kind - _QUESTION_BASE), index.row())

    def index_of(self, ref: ItemRef) -> QModelIndex:
        root = self.createIndex(0, 0, _ROOT_ID)
        if not ref:
            return root
        section = self.index(ref[0], 0, root)
        return section if len(ref) == 1 else self.index(ref[1], 0, section)

    def _parent_of(self, section: int) -> QModelIndex:
        return self.index_of(()) if section < 0 else self.index_of((section,))

    # QAbstractItemModel

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's
        if column != 0 or row < 0:
            return QModelIndex()
        parent_ref = self.ref(parent)
        if parent_ref is None:
            return self.createIndex(row, 0, _ROOT_ID) if row == 0 else QModelIndex()
        if parent_ref == ():
            return self.createIndex(row, 0, _SECTION_ID) if row < len(self._document.sections()) else QModelIndex()
        if len(parent_ref) == 1 and row < len(self._document.questions(parent_ref[0])):
            return self.createIndex(row, 0, self._document.section_id(parent_ref[0]) + _QUESTION_BASE)
        return QModelIndex()

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _ROOT_ID:
            return QModelIndex()
        if index.internalId() == _SECTION_ID:
            return self.createIndex(0, 0, _ROOT_ID)
        return self.createIndex(self._document.section_row(index.internalId() - _QUESTION_BASE), 0, _SECTION_ID)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        ref = self.ref(parent)
        if ref is None:
            return 1
        if ref == ():
            return len(self._document.sections())
        return len(self._document.questions(ref[0])) if len(ref) == 1 else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ref = self.ref(index)
        if ref is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(ref)
        problems = self._issues.get(ref, [])
        if role == Qt.ItemDataRole.DecorationRole:
            has_problems = problems or (len(ref) == 1 and ref[0] in self._sections_with_problems)
            return self._warning if has_problems else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [*problems]
            if len(ref) == 1 and ref[0] in self._sections_with_problems:
                lines.append(self.tr("Some questions of this section have problems."))
            return "\n".join([self._label(ref), *lines])
        return None

    def _label(self, ref: ItemRef) -> str:
        item = self._document.item(ref) if ref else self._document.data
        if not ref:
            return _swedish(item.get("title")) or self.tr("(checklist without a title)")
        if len(ref) == 1:
            return _swedish(item.get("title")) or self.tr("(section without a title)")
        return question_title(item)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        ref = self.ref(index)
        if ref is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDragEnabled if ref else flags

    # Problems shown at their items

    def set_issues(self, issues: dict[ItemRef, list[str]]) -> None:
        if issues == self._issues:
            return
        changed = set(issues) | set(self._issues)
        self._issues = issues
        sections = {ref[0] for ref in issues if len(ref) == 2}
        changed |= {(s,) for s in sections ^ self._sections_with_problems}
        self._sections_with_problems = sections
        for ref in changed:
            index = self._index_if_present(ref)
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole])

    def problems(self, ref: ItemRef) -> list[str]:
        return self._issues.get(ref, [])

    def _index_if_present(self, ref: ItemRef) -> QModelIndex:
        return self.index_of(ref) if self._document.exists(ref) else QModelIndex()

    # Drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        refs = [self.ref(index) for index in indexes if index.isValid()]
        if refs and refs[0]:
            mime.setData(MIME_TYPE, QByteArray(json.dumps(list(refs[0])).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        return self._drop_move(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        move = self._drop_move(data, row, parent)
        return move is not None and self._document.move(*move)

    def _drop_move(self, data: QMimeData, row: int, parent: AnyIndex) -> tuple[ItemRef, ItemRef] | None:
        """Source and target of a drop: between items of the source's kind, or onto one (then after it)."""
        if not data.hasFormat(MIME_TYPE):
            return None
        source: ItemRef = tuple(json.loads(bytes(data.data(MIME_TYPE).data()).decode()))
        on = self.ref(parent)
        if on is None or not source:
            return None
        if len(on) == len(source) - 1:
            destination, insert_at = on, row if row >= 0 else self.rowCount(parent)
        elif len(on) == len(source):
            destination, insert_at = on[:-1], on[-1] + 1
        else:
            return None
        if destination == source[:-1] and insert_at > source[-1]:
            insert_at -= 1  # the row counted the moved item, which leaves its old place first
        target = (*destination, insert_at)
        return (source, target) if self._document.move_possible(source, target) else None

    # Document signals

    def _begin_move(self, from_section: int, from_row: int, to_section: int, to_row: int) -> None:
        destination_row = to_row + 1 if from_section == to_section and to_row > from_row else to_row
        self.beginMoveRows(
            self._parent_of(from_section), from_row, from_row, self._parent_of(to_section), destination_row
        )

    def _value_changed(self, path: Path) -> None:
        index = self._index_if_present(item_of(path))
        if index.isValid():
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])


def _swedish(text: Any) -> str:
    return str(text.get("sv", "")).strip() if isinstance(text, dict) else ""
