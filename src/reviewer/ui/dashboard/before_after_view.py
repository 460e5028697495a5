"""Before/after: the chosen round against an earlier one, question by question through the checklist's key mapping.
Whether the gap changed is a test of the change, adjusted across the questions like the findings, never read off
two point estimates: the verdict words are the services' (`text.VERDICT_WORDS`), as in the text report and the PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from reviewer.checklists.schema import QuestionType
from reviewer.domain.sex import SexGroup
from reviewer.domain.statistics import ComparisonState
from reviewer.domain.text import Language
from reviewer.services.aggregation import BeforeAfter, Comparison, QuestionChange
from reviewer.services.aggregation import text as aggregation_text
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.bar_chart import Bar, BarChart, ChartData
from reviewer.ui.dashboard.summary import fit_question_table, group_names, option_source_text, sex_of_text
from reviewer.ui.dashboard.table import TipColumn, TipTableModel
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column


class BeforeAfterView(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._types: dict[str, QuestionType] = {}
        self._result: BeforeAfter | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.tested = QLabel(self)
        self.tested.setWordWrap(True)
        self.model: TipTableModel[QuestionChange] = TipTableModel([], self)
        self.view = record_table_view(self.model, self.tr("Before and after"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        self.chart_title = QLabel(self)
        self.chart_title.setWordWrap(True)
        self.chart = BarChart(self)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch()
        chart_scroll = QScrollArea(self)
        chart_scroll.setWidget(chart_box)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(chart_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tested)
        layout.addWidget(splitter, 1)
        self.show_result(None)

    def _question(self, change: QuestionChange) -> str:
        """The question, and under it the figure whose gap is compared: "(andel ”Ja”)" or "(median)"."""
        text = change.text.text(self._language)
        if change.status != "compared":
            return text
        if change.kind == "numeric":
            return text + "\n(" + self.tr("median") + ")"
        if change.option_label is not None or change.option is not None:
            label = change.option_label.text(self._language) if change.option_label is not None else change.option
            return text + "\n(" + self.tr("share “%1”").replace("%1", label or "") + ")"
        return text

    def _compared_tip(self, change: QuestionChange) -> str:
        return option_source_text(change.option_source) if change.option_source is not None else ""

    def _gap(self, comparison: Comparison | None) -> str:
        if comparison is None:
            return "–"
        if comparison.state == ComparisonState.TOO_SMALL:
            return self.tr("too few to say")
        if comparison.median_ratio is not None:
            return formatting.ratio(comparison.median_ratio, self._language)
        if comparison.difference_pp is not None:
            return formatting.points(comparison.difference_pp, self._language) + " " + self.tr("pp")
        return "–"

    def _gap_tip(self, change: QuestionChange, after: bool) -> str:
        """Both groups' figures in that round, and the gap's own 95 % interval."""
        female, male, *_ = group_names(self._subject())
        parts = []
        for group, name in ((SexGroup.FEMALE, female), (SexGroup.MALE, male)):
            figures = change.groups.get(group)
            if figures is None:
                continue
            value, n = (figures.after, figures.n_after) if after else (figures.before, figures.n_before)
            if change.kind == "numeric":
                shown = formatting.amount(value, self._types.get(change.key, QuestionType.DECIMAL), self._language)
            else:
                shown = formatting.percent(value, self._language)
            parts.append(f"{name} {shown} (n {n})")
        text = ", ".join(parts)
        comparison = change.after if after else change.before
        if comparison is not None:
            if comparison.difference_pp is not None:
                low, high, decimals = comparison.difference_low, comparison.difference_high, 0
            else:
                low, high, decimals = comparison.median_ratio_low, comparison.median_ratio_high, 2
            interval = aggregation_text.interval_text(low, high, self._language, decimals)
            if interval:
                text += "; " + self.tr("gap %1").replace("%1", interval)
        return text

    def _change(self, change: QuestionChange) -> str:
        gap = change.gap
        if gap is None:
            return "–"
        lang = self._language
        if change.kind == "numeric":
            return f"×{formatting.number(gap.change, lang, 2)} {formatting.bounds(gap.low, gap.high, lang, 2)}"
        return f"{formatting.points(gap.change, lang)} {self.tr('pp')} {formatting.bounds(gap.low, gap.high, lang)}"

    def _p(self, change: QuestionChange) -> str:
        gap = change.gap
        if gap is None:
            return ""
        alpha = self._result.after.request.thresholds.alpha if self._result is not None else 0.05
        return formatting.p_value(gap.p_value, self._language, alpha)

    def _p_adjusted(self, change: QuestionChange) -> str:
        gap = change.gap
        if gap is None:
            return ""
        q = self._fdr_q()
        if change.primary:
            return formatting.p_value(gap.p_value, self._language, q) + " " + self.tr("(primary question)")
        return formatting.p_value(gap.p_adjusted, self._language, q)

    def _p_tip(self, change: QuestionChange) -> str:
        gap = change.gap
        if gap is None:
            return ""
        return self.tr("Unadjusted: %1").replace("%1", aggregation_text.format_p(gap.p_value, self._language))

    def _verdict(self, change: QuestionChange) -> str:
        reasons = {
            "new": self.tr("new question, no earlier figure"),
            "retired": self.tr("question retired"),
            "type_changed": self.tr("question type changed, not comparable"),
            "not_aggregated": self.tr("not summarised (free text or date)"),
        }
        if change.status in reasons:
            return reasons[change.status]
        return aggregation_text.VERDICT_WORDS[change.verdict or "not_tested"].text(self._language)

    def _subject(self) -> str:
        return self._result.after.subject if self._result is not None else "adult"

    def _fdr_q(self) -> float:
        return self._result.after.request.thresholds.fdr_q if self._result is not None else 0.05

    def show_result(self, result: BeforeAfter | None) -> None:
        self._result = result
        if result is None:
            self.title.setText(
                self.tr("Choose one round and, under “Compare with”, the earlier round to compare it with.")
            )
            self.tested.clear()
            self.model.set_columns([])
            self.model.set_records([])
            self.chart_title.clear()
            self.chart.set_empty("")
            return
        self._types = {q.key: q.type for section in result.after.sections for q in section.questions}
        female, male, *_ = group_names(result.after.subject)
        before, after = result.before.rounds[0], result.after.rounds[0]
        self.title.setText(
            self.tr("%1 (after) compared with %2 (before). The gap is %3 minus %4.")
            .replace("%1", f"{after.name} ({after.period_label})")
            .replace("%2", f"{before.name} ({before.period_label})")
            .replace("%3", female.lower())
            .replace("%4", male.lower())
            + " "
            + sex_of_text(result.after, self._language)
            + "."
        )
        self.tested.setText(
            self.tr(
                "%n change(s) of the gap were tested, with p-values adjusted for their number (Benjamini–Hochberg, "
                "q = %1). “Narrowed” or “widened” is said only when the change holds after the adjustment; "
                "otherwise “no clear change”.",
                "",
                result.n_tested,
            ).replace("%1", formatting.number(self._fdr_q(), self._language, 3))
        )
        columns: list[Column[QuestionChange]] = [
            TipColumn(self.tr("Question"), self._question, tooltip=self._compared_tip),
            TipColumn(
                self.tr("Gap before"),
                lambda c: self._gap(c.before),
                align_right=True,
                tooltip=lambda c: self._gap_tip(c, False),
            ),
            TipColumn(
                self.tr("Gap after"),
                lambda c: self._gap(c.after),
                align_right=True,
                tooltip=lambda c: self._gap_tip(c, True),
            ),
            TipColumn(
                self.tr("Change (95 % CI)"),
                self._change,
                align_right=True,
                header_tooltip=self.tr(
                    "Gap after minus gap before in percentage points (a difference in differences), with its 95 % "
                    "interval. For numbers the ratio of the median ratios, after / before (×1 = unchanged), with a "
                    "bootstrap interval."
                ),
            ),
            TipColumn(
                self.tr("p"),
                self._p,
                align_right=True,
                header_tooltip=self.tr(
                    "The change's own p-value, before the adjustment for the number of questions: whether the gap is "
                    "the same in both rounds."
                ),
            ),
            TipColumn(
                self.tr("adjusted p"),
                self._p_adjusted,
                align_right=True,
                tooltip=self._p_tip,
                header_tooltip=self.tr(
                    "Tests whether the gap is the same in both rounds, adjusted for the number of questions compared "
                    "(Benjamini–Hochberg). A primary question is tested on its own without adjustment."
                ),
            ),
            Column(self.tr("Assessment"), self._verdict),
        ]
        self.model.set_columns(columns)
        self.model.set_records(result.questions)
        fit_question_table(self.view, 280)
        self._show_chart(result)

    def _show_chart(self, result: BeforeAfter) -> None:
        """The gap in percentage points per compared question, before beside after; the option compared is named
        with the question. Numbers (a ratio of medians) are in the table only: a ratio has no place on this axis."""
        female, male, *_ = group_names(result.after.subject)
        changes = [
            c
            for c in result.questions
            if c.status == "compared" and c.kind == "categorical" and (c.before is not None or c.after is not None)
        ]
        before, after = result.before.rounds[0], result.after.rounds[0]
        title = (
            self.tr("The gap per question, %1 minus %2 in percentage points, at the answer named with the question.")
            .replace("%1", female.lower())
            .replace("%2", male.lower())
            + " "
            + sex_of_text(result.after, self._language)
            + "."
        )
        self.chart_title.setText(title)
        if not changes:
            self.chart.set_empty(self.tr("No question with answer options was compared in both rounds."))
            return

        def bar(comparison: Comparison | None) -> Bar:
            value = comparison.difference_pp if comparison is not None else None
            return Bar(value, self._gap(comparison))

        bars = tuple((bar(c.before), bar(c.after)) for c in changes)
        values = [b.value for pair in bars for b in pair if b.value is not None]
        reach = max([10.0, *(abs(v) for v in values)])
        self.chart.set_data(
            ChartData(
                (f"{before.name} ({before.period_label})", f"{after.name} ({after.period_label})"),
                tuple(self._question(c).replace("\n", " ") for c in changes),
                bars,
                maximum=reach,
                minimum=-reach,
            ),
            title,
        )
