"""Before/after: the chosen round against an earlier one, question by question, through the checklist's key mapping."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reviewer.checklists.schema import QuestionType
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import ComparisonState
from reviewer.domain.text import Language
from reviewer.services.aggregation import BeforeAfter, Comparison, QuestionChange
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.summary import fit_question_table, group_names
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column, RecordTableModel


class BeforeAfterView(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._types: dict[str, QuestionType] = {}
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.model: RecordTableModel[QuestionChange] = RecordTableModel([], self)
        self.view = record_table_view(self.model, self.tr("Before and after"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.show_result(None)

    def _figure(self, change: QuestionChange, group: SexGroup, after: bool) -> str:
        figures = change.groups.get(group)
        if figures is None:
            return "–"
        value = figures.after if after else figures.before
        if change.kind == "numeric":
            return formatting.amount(value, self._types[change.key], self._language)
        return formatting.percent(value, self._language)

    def _gap(self, comparison: Comparison | None) -> str:
        if comparison is None:
            return "–"
        if comparison.state == ComparisonState.TOO_SMALL:
            return self.tr("too few to say")
        if comparison.median_ratio is not None:
            return self.tr("ratio %1").replace("%1", formatting.number(comparison.median_ratio, self._language, 2))
        if comparison.difference_pp is not None:
            return formatting.points(comparison.difference_pp, self._language) + " " + self.tr("pp")
        return "–"

    def _change(self, change: QuestionChange) -> str:
        reasons = {
            "new": self.tr("new question, no earlier figure"),
            "retired": self.tr("question retired"),
            "type_changed": self.tr("question type changed, not comparable"),
            "not_aggregated": self.tr("not summarised (free text or date)"),
        }
        if change.status in reasons:
            return reasons[change.status]
        if change.gap_narrowed is None:
            return "–"
        if change.gap_change_pp is not None:
            amount = formatting.number(abs(change.gap_change_pp), self._language) + " " + self.tr("pp")
        elif change.median_ratio_change is not None:
            amount = self.tr("ratio %1").replace(
                "%1", formatting.number(abs(change.median_ratio_change), self._language, 2)
            )
        else:
            return "–"
        if change.gap_narrowed:
            return self.tr("gap smaller by %1").replace("%1", amount)
        return self.tr("gap larger by %1").replace("%1", amount)

    def show_result(self, result: BeforeAfter | None) -> None:
        if result is None:
            self.title.setText(
                self.tr("Choose one round and, under “Compare with”, the earlier round to compare it with.")
            )
            self.model.set_columns([])
            self.model.set_records([])
            return
        self._types = {q.key: q.type for section in result.after.sections for q in section.questions}
        female, male, _other = group_names(result.after.subject)
        before, after = result.before.rounds[0], result.after.rounds[0]
        self.title.setText(
            self.tr("%1 (after) compared with %2 (before). The gap is %3 minus %4.")
            .replace("%1", f"{after.name} ({after.period_label})")
            .replace("%2", f"{before.name} ({before.period_label})")
            .replace("%3", female.lower())
            .replace("%4", male.lower())
        )
        lang = self._language

        def before_of(group: str) -> str:
            return self.tr("%1 before").replace("%1", group)

        def after_of(group: str) -> str:
            return self.tr("%1 after").replace("%1", group)

        columns: list[Column[QuestionChange]] = [
            Column(self.tr("Question"), lambda c: c.text.text(lang)),
            Column(before_of(female), lambda c: self._figure(c, SexGroup.FEMALE, False), align_right=True),
            Column(before_of(male), lambda c: self._figure(c, SexGroup.MALE, False), align_right=True),
            Column(self.tr("Gap before"), lambda c: self._gap(c.before), align_right=True),
            Column(after_of(female), lambda c: self._figure(c, SexGroup.FEMALE, True), align_right=True),
            Column(after_of(male), lambda c: self._figure(c, SexGroup.MALE, True), align_right=True),
            Column(self.tr("Gap after"), lambda c: self._gap(c.after), align_right=True),
            Column(self.tr("Change"), self._change),
        ]
        self.model.set_columns(columns)
        self.model.set_records(result.questions)
        fit_question_table(self.view)
