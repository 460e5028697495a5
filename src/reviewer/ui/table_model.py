"""A read-only table model over a list of records, with columns declared once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Record = TypeVar("Record")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Record]):
    header: str
    display: Callable[[Record], str]
    sort_key: Callable[[Record], Any] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[Record]):
    SortRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column[Record]], parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[Record] = []

    def set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> Record:
        return self._records[row]

    def records(self) -> list[Record]:
        return list(self._records)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        record = self._records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == self.SortRole:
            return column.sort_key(record) if column.sort_key else column.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None
