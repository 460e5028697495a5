"""The lexicon's entries as an editable table: lemma, group and forms, edited in place like a spreadsheet.

Rows hold what the user typed, not checked entries, so a half-typed form can stay on screen; a row that is not a valid
entry is shown in red with the reason as its tooltip, and the whole list is checked again when it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from reviewer.domain.text import Language
from reviewer.domain.wording import (
    GROUP_LABELS,
    Lexicon,
    LexiconEntry,
    LexiconError,
    WordGroup,
    format_forms,
    parse_forms,
)
from reviewer.domain.wording.rows import in_row

AnyIndex = QModelIndex | QPersistentModelIndex
LEMMA, GROUP, FORMS = range(3)
_INVALID = QColor("#b00020")


@dataclass
class Row:
    lemma: str
    group: WordGroup
    forms: str

    def entry(self) -> LexiconEntry:
        """The checked entry; raises LexiconError."""
        return LexiconEntry(self.lemma, self.group, parse_forms(self.forms))


class RowError(LexiconError):
    """A row of the table that is not a valid entry, or clashes with an earlier one; `row` counts from 0."""

    def __init__(self, error: LexiconError, row: int) -> None:
        super().__init__(in_row(error, row + 1).message, error.index)
        self.row = row


class EntriesModel(QAbstractTableModel):
    def __init__(self, language: Language, parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[Row] = []
        self._problems: dict[int, str] = {}  # row -> why it is not a valid entry
        self.headers = (self.tr("Lemma"), self.tr("Group"), self.tr("Forms"))

    def set_entries(self, entries: tuple[LexiconEntry, ...] | list[LexiconEntry]) -> None:
        self.beginResetModel()
        self._rows = [Row(entry.lemma, entry.group, format_forms(entry.forms)) for entry in entries]
        self._problems = {}
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def entries(self) -> tuple[LexiconEntry, ...]:
        """The rows as checked entries, empty rows left out; raises RowError for the first row at fault."""
        entries: list[LexiconEntry] = []
        numbers: list[int] = []
        for number, row in enumerate(self._rows):
            if not row.lemma and not row.forms:
                continue
            try:
                entries.append(row.entry())
            except LexiconError as error:
                raise RowError(error, number) from error
            numbers.append(number)
        try:
            Lexicon(1, tuple(entries))
        except LexiconError as error:
            raise RowError(error, numbers[error.index or 0]) from error
        return tuple(entries)

    def group_label(self, group: WordGroup) -> str:
        return GROUP_LABELS[group].text(self._language)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.lemma, self.group_label(row.group), row.forms)[column]
        if role == Qt.ItemDataRole.EditRole:
            return (row.lemma, row.group.value, row.forms)[column]
        problem = self._problems.get(index.row())
        if problem is not None and role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if problem is not None and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(_INVALID)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        text = str(value).strip()
        if index.column() == LEMMA:
            row.lemma = text
        elif index.column() == GROUP:
            row.group = WordGroup(text)
        else:
            row.forms = text
        self._check(index.row())
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True

    def _check(self, number: int) -> None:
        try:
            self._rows[number].entry()
        except LexiconError as error:
            self._problems[number] = error.text(self._language)
        else:
            self._problems.pop(number, None)

    def add_row(self, group: WordGroup) -> int:
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append(Row("", group, ""))
        self.endInsertRows()
        return number

    def remove_rows(self, numbers: list[int]) -> None:
        for number in sorted(set(numbers), reverse=True):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self.endRemoveRows()
        self._problems = {}
        for number in range(len(self._rows)):
            if not self._rows[number].lemma:
                continue
            self._check(number)
