"""A search field above a sortable table: the shape of every list in the program."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from reviewer.ui.table_model import RecordFilterProxy, RecordTableModel


def record_table_view(model: QAbstractItemModel, accessible_name: str, parent: QWidget) -> QTableView:
    """A read-only table of records: whole rows selected one at a time, sortable by header click."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class FilterTable(QWidget):
    def __init__(
        self, model: RecordTableModel[Any], search_placeholder: str, accessible_name: str, parent=None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(search_placeholder)
        self.search.setAccessibleName(search_placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.view = record_table_view(self.proxy, accessible_name, self)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
