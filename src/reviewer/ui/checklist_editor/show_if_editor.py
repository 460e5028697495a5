"""`show_if` as a unit chief thinks of it: "show this question only when [an earlier question] is [one of these]".

The question picker offers only earlier questions with a fixed set of answers; a condition that points elsewhere
(an imported file, a question moved above its condition) stays visible as it is, and the validator says what is wrong.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from reviewer.ui.checklist_editor.document import ChecklistDocument, ItemRef, item_path
from reviewer.ui.checklist_editor.names import answer_values, question_title

VISIBLE_VALUES = 6  # rows of the value list before it scrolls


class ShowIfEditor(QWidget):
    def __init__(self, document: ChecklistDocument, parent=None) -> None:
        super().__init__(parent)
        self._document = document
        self._ref: ItemRef = ()
        self._loading = False
        self.question = QComboBox(self)
        self.question.setAccessibleName(self.tr("Show only when this question is answered"))
        self.question.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.question.setMinimumContentsLength(20)
        self.values = QListWidget(self)
        self.values.setAccessibleName(self.tr("with one of these answers"))
        self.question.activated.connect(lambda _index: self._question_chosen())
        self.values.itemChanged.connect(lambda _item: self._values_chosen())
        self.values.setFixedHeight(self._list_height(0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addWidget(self.values)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def bind(self, ref: ItemRef) -> None:
        self._ref = ref
        self.refresh()

    def condition(self) -> dict[str, Any] | None:
        condition = self._document.get((*item_path(self._ref), "show_if"))
        return condition if isinstance(condition, dict) else None

    def refresh(self) -> None:
        self._loading = True
        try:
            self._fill()
        finally:
            self._loading = False

    def _fill(self) -> None:
        condition = self.condition()
        target_key = condition.get("question") if condition else None
        earlier = self._document.questions_before(self._ref)
        entries: list[tuple[str, Any]] = [(self.tr("Always shown"), None)]
        entries += [(question_title(q), q.get("key")) for q in earlier if answer_values(q)]
        if target_key is not None and target_key not in [key for _, key in entries]:
            entries.append((self.tr("%1 (not an earlier question)").replace("%1", str(target_key)), target_key))
        # Rebuilt only when the entries differ: this runs inside the widgets' own signals after each choice.
        if entries != [(self.question.itemText(i), self.question.itemData(i)) for i in range(self.question.count())]:
            self.question.clear()
            for text, key in entries:
                self.question.addItem(text, key)
        self.question.setCurrentIndex([key for _, key in entries].index(target_key))

        self.values.setVisible(condition is not None)
        accepted = _accepted(condition) if condition else []
        target = next((q for q in earlier if q.get("key") == target_key), None)
        choices = answer_values(target) if target else []
        for value in accepted:  # values the target cannot have stay visible, so they can be unticked
            if value not in [v for v, _ in choices]:
                choices.append((value, str(value)))
        current = [
            (self.values.item(row).text(), self.values.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.values.count())
        ]
        if current != [(label, value) for value, label in choices]:
            self.values.clear()
            for value, label in choices:
                item = QListWidgetItem(label, self.values)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        for row in range(self.values.count()):
            item = self.values.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in accepted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.values.setFixedHeight(self._list_height(self.values.count()))
        self.updateGeometry()  # the form around it must make room when the list grows

    def _list_height(self, rows: int) -> int:
        """Room for at least three answers from the start, so the form never has to grow when the list appears."""
        row_height = max(self.values.sizeHintForRow(0), self.values.fontMetrics().height() + 8)
        return min(max(rows, 3), VISIBLE_VALUES) * row_height + 2 * self.values.frameWidth() + 2

    def _question_chosen(self) -> None:
        key = self.question.currentData()
        path = (*item_path(self._ref), "show_if")
        if key is None:
            self._document.set_value(path, None, text=self.tr("Show always"))
            return
        if self.condition() and self.condition().get("question") == key:  # type: ignore[union-attr]
            return
        target = next((q for q in self._document.questions_before(self._ref) if q.get("key") == key), {})
        choices = answer_values(target)
        condition: dict[str, Any] = {"question": key}
        if choices:
            condition["equals"] = choices[0][0]
        self._document.set_value(path, condition, text=self.tr("Change condition"))

    def _values_chosen(self) -> None:
        if self._loading:
            return
        condition = self.condition()
        if condition is None:
            return
        chosen = [
            self.values.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.values.count())
            if self.values.item(row).checkState() == Qt.CheckState.Checked
        ]
        new: dict[str, Any] = {"question": condition.get("question")}
        if len(chosen) == 1:
            new["equals"] = chosen[0]
        elif chosen:
            new["in"] = chosen
        self._document.set_value((*item_path(self._ref), "show_if"), new, text=self.tr("Change condition"))


def _accepted(condition: dict[str, Any]) -> list[Any]:
    if "in" in condition and isinstance(condition["in"], list):
        return list(condition["in"])
    return [condition["equals"]] if "equals" in condition else []
