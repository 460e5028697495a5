"""Choosing a spreadsheet to read (CSV or Excel), starting where the field's current file is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget


def choose_spreadsheet(parent: QWidget, title: str, field: QLineEdit) -> bool:
    """Put the chosen file's path in `field`; whether one was chosen."""
    start = str(Path(field.text()).parent) if field.text().strip() else ""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        title,
        start,
        QCoreApplication.translate(
            "SpreadsheetFile", "Spreadsheets (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;All files (*)"
        ),
    )
    if chosen:
        field.setText(chosen)
    return bool(chosen)
