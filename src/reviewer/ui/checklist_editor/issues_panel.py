"""Every problem of the draft in one list; activating a problem selects its question in the tree."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reviewer.ui.checklist_editor.document import ItemRef


class IssuesPanel(QWidget):
    activated = Signal(object)  # ItemRef

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems in the checklist"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addStretch()  # keeps the heading at the top while the list is hidden
        self.show_issues([])

    def show_issues(self, issues: list[tuple[ItemRef, str]]) -> None:
        """(item, text) pairs in the order of the checklist."""
        current = [
            (self.list.item(row).data(Qt.ItemDataRole.UserRole), self.list.item(row).text())
            for row in range(self.list.count())
        ]
        if current != issues:
            self.list.clear()
            for ref, text in issues:
                item = QListWidgetItem(text, self.list)
                item.setData(Qt.ItemDataRole.UserRole, ref)
        if issues:
            self.heading.setText(self.tr("%n problem(s) to fix before publishing:", "", len(issues)))
        else:
            self.heading.setText(self.tr("No problems: the checklist can be published."))
        self.list.setVisible(bool(issues))

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]
