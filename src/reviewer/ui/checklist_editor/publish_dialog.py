"""Publishing a draft: what became of each question of the version it follows, then the immutable version.

Questions with an unchanged key keep their answers comparable by themselves. For every other question of the
previous version the unit chief says which new question it became (renamed or reworded; a split maps it to several)
or that it was removed, so that before/after comparisons across the two versions keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.text import Language, ReviewerError
from reviewer.services import checklists
from reviewer.services.checklists import PublishPlan
from reviewer.storage.database import Database
from reviewer.ui.checklist_editor.names import question_text
from reviewer.ui.form_dialog import FormDialog

RETIRED = "\x00retired"
_LISTED = 12  # questions named before "…"


class PublishDialog(FormDialog):
    """`submit(key_map, retired)` publishes; a refusal keeps the dialog open with the service's message."""

    def __init__(
        self,
        title: str,
        version: int,
        plan: PublishPlan,
        old_texts: dict[str, str],
        new_texts: dict[str, str],
        submit: Callable[[dict[str, str], list[str]], None],
        language: Language,
        parent: QWidget | None = None,
        changed: Sequence[str] = (),
    ) -> None:
        super().__init__(self.tr("Publish checklist"), parent)
        self.setMinimumWidth(640)
        self._plan = plan
        self._submit = submit
        self._language = language
        self._new_texts = new_texts
        self._old_texts = old_texts
        self._changed = list(changed)
        self.rows: dict[str, list[QComboBox]] = {}
        self._columns: dict[str, QVBoxLayout] = {}
        self.grid = QGridLayout()
        intro = QLabel(
            self.tr(
                "Publishing makes version %2 of %1 final: it can no longer be changed, and new review rounds "
                "can use it."
            )
            .replace("%1", title)
            .replace("%2", str(version)),
            self,
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        if plan.previous_version is not None:
            self._add_mapping(plan, old_texts)
        buttons = self.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Publish"))

    def _add_mapping(self, plan: PublishPlan, old_texts: dict[str, str]) -> None:
        kept = QLabel(self._kept_text(plan), self)
        kept.setWordWrap(True)
        self.body.insertWidget(1, kept)
        mapped_from: dict[str, list[str]] = {}
        for new, old in plan.key_map.items():
            mapped_from.setdefault(old, []).append(new)
        olds = [*plan.unresolved, *mapped_from, *plan.retired]
        if olds:
            heading = QLabel(
                self.tr(
                    "These questions of version %1 are not in the new version under the same key. Say what became "
                    "of each: which new question it is now (renamed or reworded; add one for a split), or that it "
                    "was removed."
                ).replace("%1", str(plan.previous_version)),
                self,
            )
            heading.setWordWrap(True)
            self.body.insertWidget(2, heading)
            for row, old in enumerate(dict.fromkeys(olds)):
                self._add_old_key(row, old, old_texts.get(old, ""), mapped_from.get(old, []), old in plan.retired)
            self.body.insertLayout(3, self.grid)

    def _kept_text(self, plan: PublishPlan) -> str:
        """The difference in plain words, "1 fråga ändrad, 1 ny, 38 oförändrade", then the changed and new
        questions by their text; keys are internal and never shown."""
        new = [k for k in plan.new_keys if k not in plan.key_map]
        gone = len(dict.fromkeys([*plan.unresolved, *plan.key_map.values(), *plan.retired]))
        unchanged = len(plan.kept) - len(self._changed)
        parts = [
            self.tr("%n question(s) changed", "", len(self._changed)),
            self.tr("%n new", "", len(new)),
            self.tr("%n removed or renamed", "", gone),
            self.tr("%n unchanged", "", unchanged),
        ]
        counts = (len(self._changed), len(new), gone, unchanged)
        text = (
            self.tr("Compared with version %1: ").replace("%1", str(plan.previous_version))
            + ", ".join(part for part, count in zip(parts, counts, strict=True) if count)
            + "."
        )
        if self._changed:
            text += "\n" + self.tr("Changed: %1").replace("%1", self._listed(self._changed, self._new_texts))
        if new:
            text += "\n" + self.tr("New: %1").replace("%1", self._listed(new, self._new_texts))
        return text

    @staticmethod
    def _listed(keys: Sequence[str], texts: dict[str, str]) -> str:
        names = [f"”{texts.get(k) or k}”" for k in keys[:_LISTED]]
        return "; ".join(names) + (" …" if len(keys) > _LISTED else "")

    def _add_old_key(self, row: int, old: str, text: str, news: list[str], retired: bool) -> None:
        label = QLabel(text or old, self)
        label.setWordWrap(True)
        box = QWidget(self)
        self._columns[old] = QVBoxLayout(box)
        self._columns[old].setContentsMargins(0, 0, 0, 0)
        self.rows[old] = []
        first = self._add_combo(old, with_retired=True)
        if retired:
            first.setCurrentIndex(first.findData(RETIRED))
        elif news:
            first.setCurrentIndex(max(first.findData(news[0]), 0))
        label.setBuddy(first)
        split = QPushButton(self.tr("Split…"), self)
        split.setToolTip(self.tr("The question became several new questions: map it to one more"))
        split.setAccessibleName(self.tr("Map %1 to one more new question").replace("%1", text or old))
        split.setAutoDefault(False)
        split.clicked.connect(lambda: self.add_split(old))
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(box, row, 1)
        self.grid.addWidget(split, row, 2)
        for new in news[1:]:
            combo = self.add_split(old)
            combo.setCurrentIndex(max(combo.findData(new), 0))

    def _add_combo(self, old: str, with_retired: bool) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(self.tr("What became of %1").replace("%1", self._old_texts.get(old) or old))
        combo.addItem(self.tr("– choose –"), None)
        if with_retired:
            combo.addItem(self.tr("Removed (retired)"), RETIRED)
        for key in self._plan.new_keys:
            combo.addItem(self.tr("Became: %1").replace("%1", self._new_texts.get(key, key)), key)
        self.rows[old].append(combo)
        self._columns[old].addWidget(combo)
        return combo

    def add_split(self, old: str) -> QComboBox:
        """One more new question the old one maps to."""
        return self._add_combo(old, with_retired=False)

    def choices(self) -> tuple[dict[str, str], list[str]]:
        """The key map (new → old) and the retired keys, as chosen."""
        key_map: dict[str, str] = {}
        retired: list[str] = []
        for old, combos in self.rows.items():
            for combo in combos:
                value: Any = combo.currentData()
                if value == RETIRED:
                    retired.append(old)
                elif value is not None:
                    key_map[value] = old
        return key_map, retired

    def accept(self) -> None:
        try:
            self._submit(*self.choices())
        except ReviewerError as error:
            self.refuse(error.text(self._language))
            return
        super().accept()


def publish_with_dialog(
    db: Database, slug: str, version: int, language: Language, parent: QWidget, actor: str = ""
) -> bool:
    """Shows the plan, asks for the mapping and publishes; True when the version was published."""
    try:
        with db.session() as session:
            plan = checklists.publish_plan(session, slug, version)
            data = checklists.draft_data(session, slug, version)
            old_texts: dict[str, str] = {}
            changed: list[str] = []
            if plan.previous_version is not None:
                old = checklists.definition_of(checklists.get_version(session, slug, plan.previous_version))
                old_texts = {q.key: q.text.text(language) for q in old.questions()}
                changed = _changed(old, plan.kept, data)
    except ReviewerError as error:
        heading = QCoreApplication.translate("PublishDialog", "Publish checklist")
        QMessageBox.warning(parent, heading, error.text(language))
        return False
    new_texts = {q.get("key", ""): question_text(q) for q in _raw_questions(data)}
    title = str(data["title"].get("sv", "")) if isinstance(data.get("title"), dict) else ""

    def submit(key_map: dict[str, str], retired: list[str]) -> None:
        with db.session() as session:
            if plan.previous_version is None:
                checklists.publish(session, slug, version, actor=actor)
            else:
                checklists.publish(session, slug, version, key_map, retired, actor=actor)

    dialog = PublishDialog(title or slug, version, plan, old_texts, new_texts, submit, language, parent, changed)
    return bool(dialog.exec())


def _raw_questions(data: dict[str, Any]) -> Sequence[dict[str, Any]]:
    sections = data.get("sections")
    return [
        question
        for section in (sections if isinstance(sections, list) else [])
        if isinstance(section, dict) and isinstance(section.get("questions"), list)
        for question in section["questions"]
        if isinstance(question, dict)
    ]


def _changed(old: ChecklistDefinition, kept: Sequence[str], data: dict[str, Any]) -> list[str]:
    """The kept questions whose definition differs in anything (text, help, options, type, rules)."""
    raw = {q.get("key"): q for q in _raw_questions(data)}
    changed = []
    for key in kept:
        before = old.question(key)
        try:
            after = Question.model_validate(raw.get(key))
        except ValidationError:
            changed.append(key)
            continue
        if before is None or before != after:
            changed.append(key)
    return changed
