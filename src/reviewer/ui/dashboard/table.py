"""The dashboard's tables carry more than fits in a cell: intervals, means, what a test tests. They go in tooltips,
per cell and per header, so that the columns stay narrow enough for a 1280-pixel screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import Qt

from reviewer.ui.table_model import AnyIndex, Column, RecordTableModel

Record = TypeVar("Record")


@dataclass(frozen=True)
class TipColumn(Column[Record]):
    tooltip: Callable[[Record], str] | None = None
    header_tooltip: str = ""


class TipTableModel(RecordTableModel[Record]):
    def __init__(self, columns: Sequence[Column[Record]], parent=None) -> None:
        super().__init__(columns, parent)
        self._tip_columns = list(columns)

    def set_columns(self, columns: Sequence[Column[Record]]) -> None:
        self._tip_columns = list(columns)
        super().set_columns(columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.ToolTipRole:
            return super().data(index, role)
        if not index.isValid():
            return None
        column = self._tip_columns[index.column()]
        if isinstance(column, TipColumn) and column.tooltip is not None:
            return column.tooltip(self.record(index.row())) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            column = self._tip_columns[section]
            return column.header_tooltip or None if isinstance(column, TipColumn) else None
        return super().headerData(section, orientation, role)
