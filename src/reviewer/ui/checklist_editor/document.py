"""The checklist being edited: the definition in file form (a plain dict), changed only through undoable commands.

A draft may be invalid while a unit chief works on it (an empty text, a `show_if` on a question not written yet), so
the editor holds the raw dict of the file format, not the frozen pydantic model, and validation runs beside it.
Every change is a `QUndoCommand` on the document's `QUndoStack`; the widgets listen to the signals and never change
the dict themselves. Items are addressed by position: `()` the checklist, `(s,)` a section, `(s, q)` a question.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count
from typing import Any, TypeAlias

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reviewer.checklists.schema import CHOICE_TYPES, NUMBER_TYPES, QuestionType

Path: TypeAlias = tuple[str | int, ...]
ItemRef: TypeAlias = tuple[int, ...]

_ABSENT: Any = object()
# Fields of the file format that hold a localized text: a bare string is Swedish only; the editor keeps the dict form.
_LOCALIZED = ("title", "description", "text", "help", "label")
_MERGE_ID = 1


def item_path(ref: ItemRef) -> Path:
    if len(ref) == 2:
        return ("sections", ref[0], "questions", ref[1])
    if len(ref) == 1:
        return ("sections", ref[0])
    return ()


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy with every localized text as `{"sv": …, "en": …}`, so each language is one field to edit."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: {"sv": value} if key in _LOCALIZED and isinstance(value, str) else walk(value)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    result: dict[str, Any] = walk(data)
    return result


def localized(sv: str, en: str, optional: bool) -> dict[str, str] | None:
    """The stored form of a text typed in two fields: English only when given; an optional text may disappear."""
    if optional and not sv and not en:
        return None
    return {"sv": sv, "en": en} if en else {"sv": sv}


@dataclass
class Change:
    path: Path
    old: Any
    new: Any


class EditCommand(QUndoCommand):
    """Sets one or more values; consecutive commands with the same merge key (typing in one field) become one step."""

    def __init__(self, document: ChecklistDocument, text: str, changes: list[Change], merge_key: object = None) -> None:
        super().__init__(text)
        self._document = document
        self.changes = changes
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        mine = {change.path: change for change in self.changes}
        for change in other.changes:
            if change.path in mine:
                mine[change.path].new = change.new
            else:
                self.changes.append(change)
        # Typing that ends where it began is no step at all.
        self.setObsolete(all(change.old == change.new for change in self.changes))
        return True

    def redo(self) -> None:
        self._document.apply([(c.path, c.new) for c in self.changes])

    def undo(self) -> None:
        self._document.apply([(c.path, c.old) for c in reversed(self.changes)])


class InsertCommand(QUndoCommand):
    def __init__(self, document: ChecklistDocument, text: str, ref: ItemRef, item: dict[str, Any]) -> None:
        super().__init__(text)
        self._document = document
        self._ref = ref
        self._item = item

    def redo(self) -> None:
        self._document.insert_item(self._ref, copy.deepcopy(self._item))

    def undo(self) -> None:
        self._document.remove_item(self._ref)


class RemoveCommand(QUndoCommand):
    def __init__(self, document: ChecklistDocument, text: str, ref: ItemRef) -> None:
        super().__init__(text)
        self._document = document
        self._ref = ref
        self._item = copy.deepcopy(document.item(ref))

    def redo(self) -> None:
        self._document.remove_item(self._ref)

    def undo(self) -> None:
        self._document.insert_item(self._ref, copy.deepcopy(self._item))


class MoveCommand(QUndoCommand):
    """Moves an item to `target`, its position once moved (a question may change section)."""

    def __init__(self, document: ChecklistDocument, text: str, source: ItemRef, target: ItemRef) -> None:
        super().__init__(text)
        self._document = document
        self._source = source
        self._target = target

    def redo(self) -> None:
        self._document.move_item(self._source, self._target)

    def undo(self) -> None:
        self._document.move_item(self._target, self._source)


class ChecklistDocument(QObject):
    """The dict and its undo stack. Structure signals carry (section or -1 for the section list, row)."""

    value_changed = Signal(object)  # Path
    changed = Signal()
    about_to_insert = Signal(int, int)
    inserted = Signal(int, int)
    about_to_remove = Signal(int, int)
    removed = Signal(int, int)
    about_to_move = Signal(int, int, int, int)  # from (section, row) to (section, row once moved)
    moved = Signal(int, int, int, int)

    def __init__(self, data: dict[str, Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data = normalised(data)
        if not isinstance(self.data.get("sections"), list):
            self.data["sections"] = []
        for section in self.data["sections"]:
            if not isinstance(section.get("questions"), list):
                section["questions"] = []
        self.undo_stack = QUndoStack(self)
        # The item the last change was made to, so that undo and redo can show it.
        self.touched: ItemRef | None = None
        # Stable ids of the sections, so the tree's question items know their section while sections move.
        self._ids = count(1)
        self._section_ids = [next(self._ids) for _ in self.data["sections"]]

    # Reading

    def get(self, path: Path, default: Any = None) -> Any:
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node

    def sections(self) -> list[dict[str, Any]]:
        sections: list[dict[str, Any]] = self.data["sections"]
        return sections

    def questions(self, section: int) -> list[dict[str, Any]]:
        questions: list[dict[str, Any]] = self.sections()[section]["questions"]
        return questions

    def item(self, ref: ItemRef) -> dict[str, Any]:
        node: dict[str, Any] = self.get(item_path(ref))
        return node

    def all_questions(self) -> Iterator[tuple[ItemRef, dict[str, Any]]]:
        for s, section in enumerate(self.sections()):
            for q, question in enumerate(section["questions"]):
                yield (s, q), question

    def questions_before(self, ref: ItemRef) -> list[dict[str, Any]]:
        """The questions a `show_if` of the question at `ref` may depend on: those that come before it."""
        return [question for other, question in self.all_questions() if other < ref]

    def find_key(self, key: str) -> ItemRef | None:
        return next((ref for ref, question in self.all_questions() if question.get("key") == key), None)

    def exists(self, ref: ItemRef) -> bool:
        sections = self.sections()
        if not ref:
            return True
        if ref[0] >= len(sections):
            return False
        return len(ref) == 1 or ref[1] < len(sections[ref[0]]["questions"])

    def section_id(self, row: int) -> int:
        return self._section_ids[row]

    def section_row(self, section_id: int) -> int:
        return self._section_ids.index(section_id)

    def unused_key(self, stem: str) -> str:
        taken = {q.get("key") for _, q in self.all_questions()} | {s.get("key") for s in self.sections()}
        return next(f"{stem}_{n}" for n in count(1) if f"{stem}_{n}" not in taken)

    # Undoable edits: what the widgets call

    def set_value(self, path: Path, value: Any, merge_key: object = None, text: str = "") -> None:
        self.set_values([(path, value)], merge_key, text)

    def set_values(self, values: Sequence[tuple[Path, Any]], merge_key: object = None, text: str = "") -> None:
        """Pushes one undo step; `None` removes an optional field. Nothing happens when nothing would change."""
        changes = [Change(path, self.get(path, _ABSENT), _ABSENT if new is None else new) for path, new in values]
        changes = [c for c in changes if c.old != c.new]
        if changes:
            self.undo_stack.push(EditCommand(self, text or self.tr("Edit"), changes, merge_key))

    def rename_key(self, ref: ItemRef, key: str) -> None:
        """A new key; `show_if` conditions that named the old one follow it, unless another question shares it."""
        old = self.item(ref).get("key")
        values: list[tuple[Path, Any]] = [((*item_path(ref), "key"), key)]
        if len(ref) == 2 and old and sum(q.get("key") == old for _, q in self.all_questions()) == 1:
            for other, question in self.all_questions():
                condition = question.get("show_if")
                if isinstance(condition, dict) and condition.get("question") == old:
                    values.append(((*item_path(other), "show_if", "question"), key))
        self.set_values(values, ("key", *ref), self.tr("Change key"))

    def set_type(self, ref: ItemRef, type_value: str) -> None:
        """A new question type; options, min, max and anchors go when the type has no use for them (undo keeps them)."""
        path = item_path(ref)
        kind = QuestionType(type_value)
        values: list[tuple[Path, Any]] = [((*path, "type"), type_value)]
        if kind not in CHOICE_TYPES:
            values.append(((*path, "options"), None))
        elif self.get((*path, "options")) is None:
            values.append(((*path, "options"), []))
        if kind not in NUMBER_TYPES:
            values += [((*path, "min"), None), ((*path, "max"), None)]
        if kind is not QuestionType.SCALE:
            values.append(((*path, "anchors"), None))
        self.set_values(values, None, self.tr("Change question type"))

    def add_section(self, after: ItemRef) -> ItemRef:
        row = after[0] + 1 if after else len(self.sections())
        section = {
            "key": self.unused_key("avsnitt"),
            "title": {"sv": ""},
            "questions": [self._new_question()],
        }
        self.undo_stack.push(InsertCommand(self, self.tr("Add section"), (row,), section))
        return (row,)

    def add_question(self, after: ItemRef) -> ItemRef:
        """A yes/no question after the current question, or at the end of the current section."""
        if not self.sections():
            self.add_section(())
            return (0, 0)
        if len(after) == 2:
            ref = (after[0], after[1] + 1)
        else:
            section = after[0] if after else len(self.sections()) - 1
            ref = (section, len(self.questions(section)))
        self.undo_stack.push(InsertCommand(self, self.tr("Add question"), ref, self._new_question()))
        return ref

    def _new_question(self) -> dict[str, Any]:
        return {"key": self.unused_key("fraga"), "type": QuestionType.YES_NO.value, "text": {"sv": ""}}

    def remove(self, ref: ItemRef) -> None:
        if ref:
            text = self.tr("Remove question") if len(ref) == 2 else self.tr("Remove section")
            self.undo_stack.push(RemoveCommand(self, text, ref))

    def move(self, source: ItemRef, target: ItemRef) -> bool:
        if not self.move_possible(source, target):
            return False
        text = self.tr("Move question") if len(source) == 2 else self.tr("Move section")
        self.undo_stack.push(MoveCommand(self, text, source, target))
        return True

    def move_by(self, ref: ItemRef, step: int) -> ItemRef | None:
        """One place up or down; a question at the edge of its section goes on into the neighbouring section."""
        target: ItemRef
        if len(ref) == 1:
            target = (ref[0] + step,)
        elif 0 <= ref[1] + step < len(self.questions(ref[0])):
            target = (ref[0], ref[1] + step)
        else:
            neighbour = ref[0] + step
            if not 0 <= neighbour < len(self.sections()):
                return None
            target = (neighbour, len(self.questions(neighbour)) if step < 0 else 0)
        return target if self.move(ref, target) else None

    def move_possible(self, source: ItemRef, target: ItemRef) -> bool:
        if len(source) != len(target) or source == target or not source:
            return False
        if len(source) == 1:
            return 0 <= target[0] < len(self.sections())
        if not 0 <= target[0] < len(self.sections()):
            return False
        limit = len(self.questions(target[0])) - (1 if target[0] == source[0] else 0)
        return 0 <= target[1] <= limit

    # Mutations, called only by the commands

    def apply(self, values: list[tuple[Path, Any]]) -> None:
        for path, value in values:
            parent = self.get(path[:-1])
            if value is _ABSENT:
                if isinstance(parent, dict):
                    parent.pop(path[-1], None)
            else:
                parent[path[-1]] = copy.deepcopy(value)
        self.touched = item_of(values[0][0]) if values else None
        for path, _ in values:
            self.value_changed.emit(path)
        self.changed.emit()

    def insert_item(self, ref: ItemRef, item: dict[str, Any]) -> None:
        section, row = (-1, ref[0]) if len(ref) == 1 else ref
        self.about_to_insert.emit(section, row)
        if len(ref) == 1:
            self.sections().insert(row, item)
            self._section_ids.insert(row, next(self._ids))
        else:
            self.questions(section).insert(row, item)
        self.touched = ref
        self.inserted.emit(section, row)
        self.changed.emit()

    def remove_item(self, ref: ItemRef) -> None:
        section, row = (-1, ref[0]) if len(ref) == 1 else ref
        self.about_to_remove.emit(section, row)
        if len(ref) == 1:
            del self.sections()[row]
            del self._section_ids[row]
        else:
            del self.questions(section)[row]
        self.touched = None
        self.removed.emit(section, row)
        self.changed.emit()

    def move_item(self, source: ItemRef, target: ItemRef) -> None:
        if len(source) == 1:
            coordinates = (-1, source[0], -1, target[0])
        else:
            coordinates = (source[0], source[1], target[0], target[1])
        self.about_to_move.emit(*coordinates)
        if len(source) == 1:
            self.sections().insert(target[0], self.sections().pop(source[0]))
            self._section_ids.insert(target[0], self._section_ids.pop(source[0]))
        else:
            self.questions(target[0]).insert(target[1], self.questions(source[0]).pop(source[1]))
        self.touched = target
        self.moved.emit(*coordinates)
        self.changed.emit()


def item_of(path: Path) -> ItemRef:
    if len(path) >= 4 and path[0] == "sections" and path[2] == "questions":
        return (int(path[1]), int(path[3]))
    if len(path) >= 2 and path[0] == "sections":
        return (int(path[1]),)
    return ()


_PATH = re.compile(r"^sections\[(\d+)\](?:\.questions\[(\d+)\])?(?:\.([A-Za-z_]+)(?:\.(low|high)\b)?)?")
_ROOT_FIELD = re.compile(r"^([A-Za-z_]+)")


def locate(document: ChecklistDocument, path: str, key: str | None) -> tuple[ItemRef, str]:
    """The item an issue belongs to and the field it names ('' for the item as a whole).

    Issue paths are those of the validator: `sections[0].questions[2].text.sv`, `age_bands[1].value`, or
    `previous.key_map.x` with the question key beside it.
    """
    match = _PATH.match(path)
    if match:
        section, question, field, end = match.groups()
        if question is not None:
            if field == "anchors" and end:
                field = f"anchors.{end}"  # each end of a scale has its own fields
            return (int(section), int(question)), field or ""
        return (int(section),), "" if field == "questions" else field or ""
    if key is not None:
        found = document.find_key(key)
        if found is not None:
            return found, ""
    root = _ROOT_FIELD.match(path)
    return (), root.group(1) if root and root.group(1) != "previous" else ""
