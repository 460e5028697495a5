"""Per section: a table of every question by sex, and a bar chart of the question chosen in it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from reviewer.domain.sex import GROUPS, SexGroup
from reviewer.domain.text import Language, Message
from reviewer.services.aggregation import (
    MIN_PERCENT_BASE,
    Aggregate,
    Comparison,
    GroupResult,
    QuestionResult,
    SectionResult,
    Stratum,
    sex_distribution,
    unit_of,
)
from reviewer.services.aggregation import text as aggregation_text
from reviewer.ui.dashboard import formatting
from reviewer.ui.dashboard.bar_chart import Bar, BarChart, ChartData
from reviewer.ui.dashboard.summary import (
    fit_question_table,
    group_names,
    option_source_text,
    p_header_text,
    sex_of_text,
)
from reviewer.ui.dashboard.table import TipColumn, TipTableModel
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.table_model import Column


@dataclass(frozen=True)
class Row:
    """A question, or one stratum of it (age band or unit) when a second breakdown is chosen."""

    question: QuestionResult
    stratum: Stratum | None = None

    @property
    def groups(self):
        return self.stratum.groups if self.stratum else self.question.groups

    @property
    def comparison(self) -> Comparison | None:
        return self.stratum.comparison if self.stratum else self.question.comparison


class SectionsView(QWidget):
    def __init__(self, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._result: Aggregate | None = None
        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Section"))
        self.section.currentIndexChanged.connect(self._show_section)
        self.model: TipTableModel[Row] = TipTableModel([], self)
        self.view = record_table_view(self.model, self.tr("Questions by sex"), self)
        self.view.setSortingEnabled(False)
        self.view.setWordWrap(True)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.chart_title = QLabel(self)
        self.chart_title.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = BarChart(self)

        top = QHBoxLayout()
        label = QLabel(self.tr("S&ection"), self)
        label.setBuddy(self.section)
        top.addWidget(label)
        top.addWidget(self.section, 1)
        self.sex_of = QLabel(self)
        top.addWidget(self.sex_of)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.detail)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # -- columns ---------------------------------------------------------------------------------------------

    def _columns(self, result: Aggregate) -> list[Column[Row]]:
        lang = self._language
        female, male, other, unknown = group_names(result.subject)

        def question_text(row: Row) -> str:
            if row.stratum is not None:
                return "    " + row.stratum.label.text(lang)
            compared = self._compared_text(row)
            return row.question.text.text(lang) + (f"\n({compared})" if compared else "")

        def group_column(name: str, group: SexGroup) -> TipColumn[Row]:
            return TipColumn(
                name,
                lambda r: self._figure(r, group),
                align_right=True,
                tooltip=lambda r: self._figure_tip(r, group, name),
                header_tooltip=self.tr(
                    "The share of %1 with the answer compared, and in brackets the number who answered (n). "
                    "No percentage on fewer than %2 answers: the count only. The tooltip gives the 95 % interval."
                )
                .replace("%1", name.lower())
                .replace("%2", str(MIN_PERCENT_BASE)),
            )

        def uncompared_column(name: str, group: SexGroup) -> TipColumn[Row]:
            column = group_column(name, group)
            return replace(
                column,
                header_tooltip=column.header_tooltip
                + " "
                + self.tr("Counted and shown, never part of the test between the sexes."),
            )

        return [
            TipColumn(
                self.tr("Question"),
                question_text,
                tooltip=lambda r: self._compared_tip(r) if r.stratum is None else "",
            ),
            group_column(female, SexGroup.FEMALE),
            group_column(male, SexGroup.MALE),
            uncompared_column(other, SexGroup.OTHER),
            uncompared_column(unknown, SexGroup.UNKNOWN),
            TipColumn(
                self.tr("Total"),
                self._total,
                align_right=True,
                tooltip=self._total_tip,
                header_tooltip=self.tr(
                    "All cases together, %1 and %2 included; the tooltip gives the sex distribution of those "
                    "with the answer compared."
                )
                .replace("%1", other.lower())
                .replace("%2", unknown.lower()),
            ),
            TipColumn(
                self.tr("Difference\n(95 % CI)"),
                self._difference,
                align_right=True,
                tooltip=self._difference_tip,
                header_tooltip=self.tr(
                    "%1 minus %2 in percentage points, with the 95 % confidence interval (Newcombe). For numbers the "
                    "ratio of the medians (%1 / %2) with a 95 % bootstrap interval; the tooltip gives the means and "
                    "totals."
                )
                .replace("%1", female.lower())
                .replace("%2", male.lower()),
            ),
            TipColumn(
                self.tr("p"),
                self._p,
                align_right=True,
                tooltip=self._p_tip,
                header_tooltip=p_header_text(),
            ),
            TipColumn(
                self.tr("adjusted\np"),
                self._p_adjusted,
                align_right=True,
                tooltip=self._p_tip,
                header_tooltip=self._p_adjusted_header(result),
            ),
            Column(self.tr("Assessment"), self._assessment),
        ]

    def _p_adjusted_header(self, result: Aggregate) -> str:
        return self.tr(
            "The p-value adjusted for the number of questions compared (Benjamini–Hochberg); a difference is "
            "flagged when it is below %1. The rows of a breakdown are adjusted together on their own. A primary "
            "question, decided before the round, is tested on its own without adjustment."
        ).replace("%1", formatting.number(result.request.thresholds.fdr_q, self._language, 3))

    def _compared_text(self, row: Row) -> str:
        question, comparison = row.question, row.comparison
        if question.kind == "numeric":
            return self.tr("median")
        if question.kind != "categorical":
            return self.tr("not summarised (free text or date)")
        if comparison is None or comparison.option is None:
            return ""
        label = comparison.option_label.text(self._language) if comparison.option_label else comparison.option
        return self.tr("share “%1”").replace("%1", label)

    def _compared_tip(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.option_source is None:
            return ""
        return option_source_text(comparison.option_source)

    def _option(self, row: Row) -> str | None:
        comparison = row.comparison if row.stratum is None else row.question.comparison
        if comparison is not None and comparison.option is not None:
            return comparison.option
        options = _options(row)
        return options[0].value if options else None

    def _figure(self, row: Row, group: SexGroup) -> str:
        result = row.groups.get(group)
        if result is None or result.n == 0:
            return "–"
        if row.question.kind == "numeric":
            median = result.numbers.median if result.numbers else None
            return f"{formatting.amount(median, row.question.type, self._language)}\n(n = {result.n})"
        if row.question.kind != "categorical":
            return f"n = {result.n}"
        return formatting.share(result, self._option(row), self._language, "\n")

    def _figure_tip(self, row: Row, group: SexGroup, name: str) -> str:
        return self._group_tip(row, row.groups.get(group), name)

    def _group_tip(self, row: Row, result: GroupResult | None, name: str) -> str:
        if result is None or result.n == 0:
            return ""
        lang = self._language
        if row.question.kind == "numeric" and result.numbers is not None:
            numbers, kind = result.numbers, row.question.type
            return (
                self.tr("%1: median %2, mean %3, quartiles %4 to %5, total %6; %7 answers")
                .replace("%1", name)
                .replace("%2", formatting.amount(numbers.median, kind, lang))
                .replace("%3", formatting.amount(numbers.mean, kind, lang))
                .replace("%4", formatting.amount(numbers.q1, kind, lang))
                .replace("%5", formatting.amount(numbers.q3, kind, lang))
                .replace("%6", formatting.amount(numbers.total, kind, lang))
                .replace("%7", str(numbers.n))
            )
        if row.question.kind != "categorical":
            return ""
        text = formatting.share_detail(name, result, self._option(row), lang)
        if result.not_applicable:
            text += "; " + self.tr("%1 “not applicable”, not in the base").replace("%1", str(result.not_applicable))
        return text

    def _total(self, row: Row) -> str:
        total = row.question.total if row.stratum is None else None
        if total is None:
            return f"n = {sum(g.n for g in row.groups.values())}"
        if row.question.kind == "numeric":
            median = total.numbers.median if total.numbers else None
            return f"{formatting.amount(median, row.question.type, self._language)}\n(n = {total.n})"
        if row.question.kind != "categorical":
            return f"n = {total.n}"
        return formatting.share(total, self._option(row), self._language, "\n")

    def _total_tip(self, row: Row) -> str:
        if row.question.kind != "categorical":
            return self._group_tip(row, row.question.total if row.stratum is None else None, self.tr("Total"))
        option = self._option(row)
        names = dict(zip(GROUPS, group_names(self._subject()), strict=True))
        distribution = sex_distribution(row.groups, option)
        with_option = sum(next((o.count for o in g.options if o.value == option), 0) for g in row.groups.values())
        lines = []
        if row.stratum is None and row.question.total is not None:
            lines.append(formatting.share_detail(self.tr("Total"), row.question.total, option, self._language))
        if any(v is not None for v in distribution.values()):
            parts = ", ".join(
                f"{names[g].lower()} {formatting.percent(distribution[g], self._language)}" for g in distribution
            )
            lines.append(self.tr("Of the %1 with this answer: %2").replace("%1", str(with_option)).replace("%2", parts))
        else:
            lines.append(self.tr("%1 with this answer: too few for a sex distribution").replace("%1", str(with_option)))
        return "\n".join(lines)

    def _subject(self) -> str:
        return self._result.subject if self._result is not None else "adult"

    def _difference(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.state != "ok":
            return ""
        return formatting.difference(comparison, self._language, "\n")

    def _difference_tip(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.state != "ok":
            return ""
        lang = self._language
        if comparison.median_ratio is None and comparison.mean_ratio is None:
            return aggregation_text.interval_text(comparison.difference_low, comparison.difference_high, lang, 0)
        kind = row.question.type
        female, male, *_ = group_names(self._subject())
        c = comparison

        def line(template: str, values: tuple[float | None, ...], ratio=None, low=None, high=None) -> str:
            text = template.replace("%1", female.lower()).replace("%3", male.lower())
            text = text.replace("%2", formatting.amount(values[0], kind, lang))
            text = text.replace("%4", formatting.amount(values[1], kind, lang))
            text = text.replace("%5", formatting.number(ratio, lang, 2))
            return text.replace("%6", aggregation_text.interval_text(low, high, lang, 2))

        return "\n".join(
            [
                line(
                    self.tr("Median: %1 %2, %3 %4, ratio %5 (%6)"),
                    (c.female_median, c.male_median),
                    c.median_ratio,
                    c.median_ratio_low,
                    c.median_ratio_high,
                ),
                line(
                    self.tr("Mean: %1 %2, %3 %4, ratio %5 (%6)"),
                    (c.female_mean, c.male_mean),
                    c.mean_ratio,
                    c.mean_ratio_low,
                    c.mean_ratio_high,
                ),
                line(self.tr("Total: %1 %2, %3 %4"), (c.female_total, c.male_total)),
            ]
        )

    def _p(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.test is None or comparison.state != "ok":
            return ""
        assert self._result is not None
        return formatting.p_value(comparison.test.p_value, self._language, self._result.request.thresholds.alpha)

    def _p_adjusted(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.test is None or comparison.state != "ok":
            return ""
        if comparison.primary:
            return self.tr("primary question")
        assert self._result is not None
        return formatting.p_value(comparison.p_adjusted, self._language, self._result.request.thresholds.fdr_q)

    def _p_tip(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None or comparison.test is None:
            return ""
        return aggregation_text.p_text(comparison, self._language)

    def _assessment(self, row: Row) -> str:
        comparison = row.comparison
        if comparison is None:
            return ""
        if comparison.state == "too_small":
            return self.tr("too few to say")
        if comparison.state == "no_variation":
            return self.tr("no variation")
        if comparison.flagged:
            return "⚑ " + self.tr("difference")
        if comparison.material:
            return self.tr("large but uncertain")
        return ""

    # -- showing ---------------------------------------------------------------------------------------------

    def show_result(self, result: Aggregate | None) -> None:
        self._result = result
        current = self.section.currentIndex()
        self.section.blockSignals(True)
        self.section.clear()
        if result is not None:
            for section in result.sections:
                self.section.addItem(section.title.text(self._language))
        self.section.setCurrentIndex(min(max(current, 0), self.section.count() - 1))
        self.section.blockSignals(False)
        self.sex_of.setText(sex_of_text(result, self._language) if result is not None else "")
        self._show_section()

    def current_section(self) -> SectionResult | None:
        if self._result is None or not 0 <= self.section.currentIndex() < len(self._result.sections):
            return None
        return self._result.sections[self.section.currentIndex()]

    def _show_section(self) -> None:
        section = self.current_section()
        if self._result is None or section is None:
            self.model.set_columns([])
            self.model.set_records([])
            self.chart.set_empty(self.tr("No findings to show."))
            self.chart_title.clear()
            self.detail.clear()
            return
        rows: list[Row] = []
        for question in section.questions:
            rows.append(Row(question))
            rows.extend(Row(question, stratum) for stratum in question.strata)
        self.model.set_columns(self._columns(self._result))
        self.model.set_records(rows)
        fit_question_table(self.view, 260)
        if rows:
            self.view.selectRow(0)
        else:
            self.chart.set_empty(self.tr("No findings to show."))

    def select_question(self, key: str) -> None:
        if self._result is None:
            return
        for index, section in enumerate(self._result.sections):
            if any(q.key == key for q in section.questions):
                self.section.setCurrentIndex(index)
                break
        for row, record in enumerate(self.model.records()):
            if record.stratum is None and record.question.key == key:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                self.view.setFocus()
                return

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self._result is None:
            return
        self.show_chart(self.model.record(indexes[0].row()))

    def show_chart(self, row: Row) -> None:
        assert self._result is not None
        lang = self._language
        names = group_names(self._result.subject)
        self.detail.setText(self.detail_text(row))
        groups = [g for g in GROUPS if g in row.groups and row.groups[g].n]
        if not groups:
            self.chart.set_empty(self.tr("No answers."))
            self.chart_title.setText(row.question.text.text(lang))
            return
        few = {g for g in groups if row.groups[g].n < MIN_PERCENT_BASE}
        series = tuple(
            f"{names[GROUPS.index(g)]} (n = {row.groups[g].n}"
            + (", " + self.tr("too few for a bar") if g in few else "")
            + ")"
            for g in groups
        )
        title = row.question.text.text(lang) + (f" – {row.stratum.label.text(lang)}" if row.stratum else "")
        title += " · " + sex_of_text(self._result, lang)
        if row.question.kind == "categorical":
            options = _options(row)
            categories = tuple(o.label.text(lang) or o.value for o in options)
            bars = tuple(tuple(_option_bar(row, g, o.value, lang) for g in groups) for o in options)
            self.chart.set_data(ChartData(series, categories, bars, 100.0), title)
            self.chart_title.setText(title + " " + self.tr("(share of answers)"))
        elif row.question.kind == "numeric":
            summaries = [row.groups[g].numbers for g in groups]
            measures = (("median", self.tr("Median")), ("mean", self.tr("Mean")), ("q3", self.tr("Upper quartile")))
            # A group too small for a percentage gets no bar either: one case's figure would set the scale.
            values = [
                [getattr(s, attr) if s and g not in few else None for s, g in zip(summaries, groups, strict=True)]
                for attr, _label in measures
            ]
            texts = [[getattr(s, attr) if s else None for s in summaries] for attr, _label in measures]
            top = max((v for line in values for v in line if v is not None), default=0.0) or 1.0
            kind = row.question.type
            bars = tuple(
                tuple(Bar(v, formatting.amount(t, kind, lang)) for v, t in zip(line, text_line, strict=True))
                for line, text_line in zip(values, texts, strict=True)
            )
            self.chart.set_data(ChartData(series, tuple(label for _attr, label in measures), bars, top), title)
            self.chart_title.setText(title)
        else:
            self.chart.set_empty(self.tr("Free text and dates are not summarised."))
            self.chart_title.setText(title)
        self.chart.updateGeometry()

    def detail_text(self, row: Row) -> str:
        """The row's comparison in full, as the findings and the reports word it: shares or medians, the interval
        of the difference, means and their ratio, raw and adjusted p and what the test tests."""
        comparison = row.comparison
        if self._result is None or comparison is None or comparison.state != "ok":
            return ""
        text = row.question.text
        if row.stratum is not None:
            label = row.stratum.label
            text = Message(f"{text.sv} – {label.sv}", f"{text.en} – {label.en}")
        message = aggregation_text.finding_message(text, comparison, self._result.subject, unit_of(row.question.type))
        return message.text(self._language)


def _options(row: Row):
    for group in GROUPS:
        result = row.groups.get(group)
        if result is not None and result.options:
            return result.options
    return []


def _option_bar(row: Row, group: SexGroup, value: str, language: Language) -> Bar:
    option = next((o for o in row.groups[group].options if o.value == value), None)
    if option is None:
        return Bar(None, "–")
    if option.percent is None:
        return Bar(None, formatting.share(row.groups[group], value, language))
    return Bar(option.percent, f"{formatting.percent(option.percent, language)} ({option.count})")
