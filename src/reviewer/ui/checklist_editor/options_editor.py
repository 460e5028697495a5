"""A table of answer options (value, Swedish label, English label) with buttons to add, remove and reorder them.

Used for a choice question's options and for the checklist's age bands; both are lists of `{value, label}` in the
file format. Each edit is one undo step on the document.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.checklist_editor.document import ChecklistDocument, Path, localized

AnyIndex = QModelIndex | QPersistentModelIndex


class OptionsModel(QAbstractTableModel):
    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self.path: Path = ()
        self._headers = [self.tr("Value (code)"), self.tr("Label (Swedish)"), self.tr("Label (English)")]
        document.value_changed.connect(self._value_changed)

    def bind(self, path: Path) -> None:
        self.beginResetModel()
        self.path = path
        self.endResetModel()

    def options(self) -> list[dict[str, Any]]:
        options = self._document.get(self.path) if self.path else None
        return options if isinstance(options, list) else []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.options())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        option = self.options()[index.row()]
        if index.column() == 0:
            return str(option.get("value", ""))
        label = option.get("label")
        language = "sv" if index.column() == 1 else "en"
        return str(label.get(language, "")) if isinstance(label, dict) else ""

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row_path = (*self.path, index.row())
        text = str(value).strip()
        if index.column() == 0:
            self._document.set_value((*row_path, "value"), text, text=self.tr("Change option value"))
            return True
        label = self.options()[index.row()].get("label")
        sv, en = (str(label.get("sv", "")), str(label.get("en", ""))) if isinstance(label, dict) else ("", "")
        sv, en = (text, en) if index.column() == 1 else (sv, text)
        self._document.set_value((*row_path, "label"), localized(sv, en, False), text=self.tr("Change option label"))
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def _value_changed(self, path: Path) -> None:
        if not self.path or path[: len(self.path)] != self.path:
            return
        if len(path) > len(self.path) and isinstance(path[len(self.path)], int):
            row = int(path[len(self.path)])
            if row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
                return
        self.beginResetModel()
        self.endResetModel()


class OptionsEditor(QWidget):
    """The table and its buttons; `bind(path)` points it at a list of options in the document."""

    def __init__(self, document: ChecklistDocument, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self.model = OptionsModel(document, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(accessible_name)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumHeight(120)
        self.add_button = QPushButton(self.tr("Add option"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.add_button.clicked.connect(self.add_option)
        self.remove_button.clicked.connect(self.remove_option)
        self.up_button.clicked.connect(lambda: self.move_option(-1))
        self.down_button.clicked.connect(lambda: self.move_option(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def bind(self, path: Path) -> None:
        self.model.bind(path)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _set_options(self, options: list[dict[str, Any]], text: str, select: int) -> None:
        self._document.set_value(self.model.path, options, text=text)
        if 0 <= select < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(select, 0))

    def add_option(self) -> None:
        """A new option after the current one, its value cell open for typing."""
        options = copy.deepcopy(self.model.options())
        row = self.current_row() + 1 if self.current_row() >= 0 else len(options)
        taken = {o.get("value") for o in options}
        value = next(f"alt{n}" for n in range(1, len(options) + 2) if f"alt{n}" not in taken)
        options.insert(row, {"value": value, "label": {"sv": ""}})
        self._set_options(options, self.tr("Add option"), row)
        self.view.setFocus()
        self.view.edit(self.model.index(row, 1))

    def remove_option(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        options = copy.deepcopy(self.model.options())
        del options[row]
        self._set_options(options, self.tr("Remove option"), min(row, len(options) - 1))

    def move_option(self, step: int) -> None:
        row = self.current_row()
        options = copy.deepcopy(self.model.options())
        if row < 0 or not 0 <= row + step < len(options):
            return
        options.insert(row + step, options.pop(row))
        self._set_options(options, self.tr("Move option"), row + step)
