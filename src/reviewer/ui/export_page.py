"""Export och rapport: what leaves the unit – the anonymised export (CSV, Excel, JSON) and the PDF audit report.

The preview shows exactly the figures the export files will hold, with every hidden figure marked and a list of what
was hidden and why, so the unit chief sees the result of the disclosure rules before anything is written. Building
the preview and writing the files run on a worker; the files pass the exports' last guard before they are written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.disclosure import Reason, Rules, RulesError
from reviewer.domain.text import Language, ReviewerError
from reviewer.reports.common import HIDDEN, NO_VALUE, STATISTICS, group_label, public_reason, reason_text, statistic
from reviewer.reports.csv_export import write_csv
from reviewer.reports.guard import ExportGuard
from reviewer.reports.json_export import write_json
from reviewer.reports.pdf import write_pdf
from reviewer.reports.xlsx_export import write_xlsx
from reviewer.services.aggregation import text as aggregation_text
from reviewer.services.anonymisation import (
    COLUMNS,
    AnonymisedQuestion,
    AnonymisedResult,
    Cell,
    ExportRequest,
    HiddenCell,
    build_anonymised,
    checklist_texts,
    forbidden_strings,
    record_release,
)
from reviewer.services.report import ReportRequest, build_report
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.dashboard.filters import FilterPanel
from reviewer.ui.dashboard.summary import fit_question_table
from reviewer.ui.dashboard.trend_view import MIN_ROUNDS
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.style import ERROR_STYLE
from reviewer.ui.table_model import Column, RecordTableModel

DEBOUNCE_MS = 250


@dataclass(frozen=True)
class PreviewRow:
    """One line of the preview: an answer option, or one statistic of a number question, across the sex groups."""

    question: str
    label: str
    figures: tuple[str, ...]  # per column of COLUMNS: the count (or statistic) and, for counts, the percentage


class ExportPage(QWidget):
    """`previewed` follows every finished preview, `written(path)` every file written, `failed(text)` a refusal."""

    previewed = Signal()
    written = Signal(str)
    failed = Signal(str)

    def __init__(self, db: Database, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._job: worker.Job | None = None
        self._pending = False
        self._previewing = False
        self.result: AnonymisedResult | None = None

        self.filters = FilterPanel(self)
        self.filters.hide_rows(self.filters.reviewer, self.filters.breakdown)
        self.min_cell = QSpinBox(self)
        self.min_cell.setRange(3, 100)
        self.min_cell.setValue(Rules().min_cell)
        self.min_cell.setAccessibleName(self.tr("Smallest number of cases shown"))
        self.min_cell.setToolTip(
            self.tr("Figures of fewer cases are hidden, and so is whatever would let them be worked out (at least 3)")
        )
        rules_form = QFormLayout()
        rules_form.addRow(self.tr("&Smallest number shown"), self.min_cell)
        self.anonymised_report = QCheckBox(self.tr("A&nonymised report (for readers outside the unit)"), self)
        self.anonymised_report.setChecked(True)
        self.trend_report = QCheckBox(self.tr("With the &trend over the ticked rounds"), self)
        self.trend_report.setToolTip(
            self.tr(
                "The gap per round and whether it changes over the rounds, from the oldest to the newest. Tick three "
                "or more rounds of the checklist."
            )
        )
        self.trend_report.setEnabled(False)

        self.csv_button = QPushButton(self.tr("&CSV for Excel…"), self)
        self.xlsx_button = QPushButton(self.tr("E&xcel workbook…"), self)
        self.json_button = QPushButton(self.tr("&JSON…"), self)
        self.pdf_button = QPushButton(self.tr("&PDF report…"), self)
        self.csv_button.clicked.connect(lambda: self.choose_and_write("csv"))
        self.xlsx_button.clicked.connect(lambda: self.choose_and_write("xlsx"))
        self.json_button.clicked.connect(lambda: self.choose_and_write("json"))
        self.pdf_button.clicked.connect(lambda: self.choose_and_write("pdf"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filters)
        left_layout.addLayout(rules_form)
        exports = QLabel(self.tr("Anonymised export:"), self)
        left_layout.addWidget(exports)
        row = QHBoxLayout()
        for button in (self.csv_button, self.xlsx_button, self.json_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        left_layout.addWidget(QLabel(self.tr("Audit report:"), self))
        left_layout.addWidget(self.anonymised_report)
        left_layout.addWidget(self.trend_report)
        left_layout.addWidget(self.pdf_button)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.status)
        left_layout.addStretch()

        self.section = QComboBox(self)
        self.section.setAccessibleName(self.tr("Section"))
        self.section.currentIndexChanged.connect(self._show_section)
        self.preview_model: RecordTableModel[PreviewRow] = RecordTableModel([], self)
        self.preview = record_table_view(self.preview_model, self.tr("Preview of the export"), self)
        self.preview.setSortingEnabled(False)
        self.hidden_model: RecordTableModel[HiddenCell] = RecordTableModel(
            [
                Column(self.tr("Section"), lambda h: h.section),
                Column(self.tr("Question"), lambda h: self._question_text(h.question_key)),
                Column(self.tr("Line"), lambda h: h.row.text(language)),
                Column(self.tr("Column"), self._hidden_column),
                Column(self.tr("Why"), self._hidden_reason),
            ],
            self,
        )
        self.hidden_view = record_table_view(self.hidden_model, self.tr("Hidden figures"), self)
        self.hidden_view.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        preview_box = QWidget(self)
        preview_layout = QVBoxLayout(preview_box)
        top = QHBoxLayout()
        section_label = QLabel(self.tr("S&ection"), self)
        section_label.setBuddy(self.section)
        top.addWidget(section_label)
        top.addWidget(self.section, 1)
        preview_layout.addLayout(top)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.legend)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(preview_box, self.tr("P&review"))
        self.tabs.addTab(self.hidden_view, self.tr("&Hidden, and why"))

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.compute)
        self.filters.changed.connect(self._debounce.start)
        self.filters.changed.connect(self._trend_possible)
        self.min_cell.valueChanged.connect(self._debounce.start)
        self._set_ready(False)

    # -- choices ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the rounds and build the preview again; the main window calls it when the tab is shown."""
        self.filters.reload(self._db)
        self._debounce.start()

    def _trend_possible(self) -> None:
        possible = len(self.filters.round_uuids()) >= MIN_ROUNDS
        self.trend_report.setEnabled(possible)
        if not possible:
            self.trend_report.setChecked(False)

    def rules(self) -> Rules:
        try:
            return Rules(min_cell=self.min_cell.value())
        except RulesError as error:  # the spin box keeps to the allowed range; this is the rule's own check
            raise ReviewerError(error.message) from error

    def request(self) -> ExportRequest:
        selection = self.filters.selection()
        return ExportRequest(selection.round_uuids, self.rules(), selection.unit)

    # -- the preview -----------------------------------------------------------------------------------------

    def compute(self) -> None:
        self._debounce.stop()
        if self._job is not None:
            self._pending = True
            return
        if not self.filters.round_uuids():
            self._show(None, self.tr("Choose at least one round."))
            return
        request, db = self.request(), self._db

        def work(report):
            with db.session() as session:
                return build_anonymised(session, request, report)

        self._previewing = True
        self._run(work, self._on_previewed, self.tr("Preparing the preview…"))

    def _on_previewed(self, result: AnonymisedResult) -> None:
        if self._job_over():
            return
        method = result.method
        text = self.tr(
            "%n figure(s) hidden: fewer than %1 cases, or they would give such a figure away.", "", method.n_hidden
        ).replace("%1", str(method.rules.min_cell))
        if method.n_hidden_for_earlier:
            text += " " + self.tr(
                "%n of them because, together with earlier releases of overlapping selections (%1), they would let a "
                "hidden figure be worked out.",
                "",
                method.n_hidden_for_earlier,
            ).replace("%1", str(method.n_earlier_releases))
        self._show(result, text)
        self.previewed.emit()

    def _show(self, result: AnonymisedResult | None, text: str) -> None:
        self.result = result
        self.status.setStyleSheet("")
        self.status.setText(text)
        current = self.section.currentIndex()
        self.section.blockSignals(True)
        self.section.clear()
        for section in result.sections if result else []:
            self.section.addItem(section.title.text(self._language))
        self.section.setCurrentIndex(min(max(current, 0), self.section.count() - 1))
        self.section.blockSignals(False)
        self._show_section()
        self.hidden_model.set_records(result.hidden if result else [])
        self.legend.setText(
            self.tr("%1 = hidden figure, %2 = no figure.").replace("%1", HIDDEN).replace("%2", NO_VALUE)
            if result
            else ""
        )
        self._set_ready(result is not None)

    def _show_section(self) -> None:
        result = self.result
        index = self.section.currentIndex()
        if result is None or not 0 <= index < len(result.sections):
            self.preview_model.set_columns([])
            self.preview_model.set_records([])
            return
        method = result.method
        columns: list[Column[PreviewRow]] = [
            Column(self.tr("Question"), lambda r: r.question),
            Column(self.tr("Answer or measure"), lambda r: r.label),
        ]
        for position, column in enumerate(COLUMNS):
            name = group_label(column, method).text(self._language)
            columns.append(Column(name, _figure(2 * position), align_right=True))
            columns.append(Column("%", _figure(2 * position + 1), align_right=True))
        rows = [row for question in result.sections[index].questions for row in self._rows(question)]
        self.preview_model.set_columns(columns)
        self.preview_model.set_records(rows)
        fit_question_table(self.preview, 240)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.resizeSection(1, 220)

    def _rows(self, question: AnonymisedQuestion) -> list[PreviewRow]:
        text = question.text.text(self._language)
        lines: list[PreviewRow] = []
        if question.kind == "categorical":
            for row in [*question.rows, *([question.totals] if question.totals else [])]:
                figures: list[str] = []
                for column in COLUMNS:
                    cell = row.cells.get(column)
                    figures += [self._count(cell), self._percent(cell)]
                lines.append(PreviewRow(text if not lines else "", row.label.text(self._language), tuple(figures)))
            return lines
        for code, label in STATISTICS:
            figures = []
            for column in COLUMNS:
                number = question.numbers.get(column)
                if number is None:
                    figures += [NO_VALUE, ""]
                    continue
                value = statistic(number, code)
                hidden = (number.reason if code != "summa" else number.total_reason or number.reason) is not None
                shown = (
                    HIDDEN
                    if hidden and value is None
                    else (NO_VALUE if value is None else aggregation_text.format_number(value, self._language))
                )
                figures += [shown, ""]
            lines.append(PreviewRow(text if not lines else "", label.text(self._language), tuple(figures)))
        return lines

    def _count(self, cell: Cell | None) -> str:
        if cell is None:
            return NO_VALUE
        if cell.count is None:
            return HIDDEN if cell.reason is not None else NO_VALUE
        return str(cell.count)

    def _percent(self, cell: Cell | None) -> str:
        if cell is None or cell.percent is None:
            return HIDDEN if cell is not None and cell.reason is not None else NO_VALUE
        return aggregation_text.format_percent(cell.percent, self._language)

    def _question_text(self, key: str | None) -> str:
        if self.result is None or key is None:
            return ""
        for section in self.result.sections:
            for question in section.questions:
                if question.key == key:
                    return question.text.text(self._language)
        return key

    def _hidden_column(self, hidden: HiddenCell) -> str:
        if self.result is None or hidden.column is None:
            return ""
        return group_label(hidden.column, self.result.method).text(self._language)

    def _hidden_reason(self, hidden: HiddenCell) -> str:
        assert self.result is not None
        if hidden.reason is Reason.RELEASED:
            return self.tr("Hidden: together with an earlier release it would let a hidden figure be worked out")
        return reason_text(public_reason(hidden.reason), self.result.method.rules).text(self._language)

    # -- writing ---------------------------------------------------------------------------------------------

    def choose_and_write(self, kind: str) -> None:
        filters = {
            "csv": self.tr("CSV for Excel (*.csv)"),
            "xlsx": self.tr("Excel workbook (*.xlsx)"),
            "json": self.tr("JSON (*.json)"),
            "pdf": self.tr("PDF (*.pdf)"),
        }
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as"), f"jamstalldhetsgranskning.{kind}", filters[kind]
        )
        if path:
            self.write(kind, Path(path))

    def write(self, kind: str, path: Path) -> None:
        """Write the export (`csv`, `xlsx`, `json`) or the report (`pdf`) of the current choices to `path`."""
        if self._job is not None or not self.filters.round_uuids():
            return
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        selection, rules, db = self.filters.selection(), self.rules(), self._db
        anonymised = self.anonymised_report.isChecked()
        with_trend = self.trend_report.isEnabled() and self.trend_report.isChecked()
        report_rounds = self.filters.trend_uuids() if with_trend else selection.round_uuids

        def work(report):
            with db.session() as session:
                if kind == "pdf":
                    request = ReportRequest(
                        report_rounds,
                        None if with_trend else selection.compare_with,
                        anonymised,
                        rules,
                        selection.unit,
                        trend=with_trend,
                    )
                    data = build_report(session, request, progress=report)
                    slug = data.checklist_slug
                    released = data.anonymised
                else:
                    result = build_anonymised(
                        session, ExportRequest(selection.round_uuids, rules, selection.unit), report
                    )
                    slug = result.method.checklist_slug
                    released = result
                guard = ExportGuard(forbidden_strings(session), checklist_texts(session, slug))
            if kind == "pdf":
                write_pdf(data, path, guard)
            elif kind == "csv":
                write_csv(result, path, guard)
            elif kind == "xlsx":
                write_xlsx(result, path, guard)
            else:
                write_json(result, path, guard)
            if released is not None:  # an anonymised release left the unit: later ones are checked against it
                with db.session() as session:
                    record_release(session, released, kind)
            return str(path)

        self._previewing = False
        self._run(work, self._on_written, self.tr("Writing %1…").replace("%1", path.name))

    def _on_written(self, path: str) -> None:
        if self._job_over():
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Wrote %1.").replace("%1", path))
        self.written.emit(path)

    # -- the worker ------------------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._job is not None

    def _run(self, work, done, text: str) -> None:
        job = worker.Job(work)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(done)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(text)
        self._set_ready(False)
        worker.start(job)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _job_over(self) -> bool:
        self._job = None
        self.progress.hide()
        self._set_ready(self.result is not None)
        if self._pending:
            self._pending = False
            self.compute()
            return True
        return False

    def _on_failed(self, message: str) -> None:
        previewing = self._previewing
        if self._job_over():
            return
        if previewing:
            self._show(None, "")
        self.status.setStyleSheet(ERROR_STYLE)
        text = message or self.tr("That did not work; nothing was written. The log file has the details.")
        self.status.setText(text)
        self.failed.emit(text)
        if previewing:
            self.previewed.emit()

    def _set_ready(self, ready: bool) -> None:
        for button in (self.csv_button, self.xlsx_button, self.json_button, self.pdf_button):
            button.setEnabled(ready and self._job is None)


def _figure(position: int) -> Callable[[PreviewRow], str]:
    return lambda row: row.figures[position]
