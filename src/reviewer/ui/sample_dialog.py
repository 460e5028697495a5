"""Drawing an empty round's cases from the case system's list of closed cases (docs/planning.md), the GUI's
`reviewer round sample`: the list, the design and the seed, a preview of what will be drawn – available and drawn per
sex and unit, and the method sentence for the nämnd – and then the draw.

The list is read on a worker once per file (a 100 000-row list takes a second or two) and each change of the design
draws the preview again from what was read; 'Dra' draws for real, on a worker, from the file read again and refused if
it is no longer the one previewed. A refusal (a personnummer in a cell, a missing column, too few cases) names the row
and column and changes nothing.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.sampling import Allocation, Design, Stratum, parse_reviewers
from reviewer.domain.sex import Subject
from reviewer.domain.text import Language, ReviewerError
from reviewer.services import sampling
from reviewer.services.planning_text import group_word_map, method_sentence, review_load_lines
from reviewer.services.sampling import RoundList, SampleSummary
from reviewer.services.spreadsheet_import import SpreadsheetImportError
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.form_dialog import PENDING, FormDialog, Pending
from reviewer.ui.spreadsheet_file import choose_spreadsheet
from reviewer.ui.style import ERROR_STYLE
from reviewer.ui.table_model import Column, RecordTableModel

MAX_SIZE = 100_000
MAX_SEED = 2**31 - 1
PREVIEW_DELAY_MS = 300


def fresh_seed() -> int:
    """A seed a person can write down and read out to the nämnd."""
    return 100_000 + secrets.randbelow(900_000)


class SampleDialog(FormDialog):
    """`preview_ready(ok)` follows every preview; `drawn` holds the summary once the round has its cases."""

    def __init__(
        self,
        db: Database,
        round_uuid: str,
        round_name: str,
        language: Language,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Draw a sample: %1").replace("%1", round_name), parent)
        self._db = db
        self._round_uuid = round_uuid
        self._language = language
        self._actor = actor
        self._job: worker.Job | None = None
        self._drawing = False
        self._preview_again = False
        self._source: tuple[tuple[str, int, int], RoundList] | None = None  # (file's path, size, mtime), what it held
        self._preview: SampleSummary | None = None
        self._preview_for: tuple[object, ...] | None = None
        self._preview_problem: str | None = None
        self.drawn: SampleSummary | None = None
        self.ok_button.setText(self.tr("&Draw"))

        intro = QLabel(
            self.tr(
                "The list of closed cases exported from the case system (CSV or Excel): one row per case with the "
                "columns case code and sex, optionally age band and unit. The list is read, never stored: only the "
                "drawn cases become the round's cases."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)

        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("List of closed cases"))
        self.path.setPlaceholderText(self.tr("a .csv or .xlsx file"))
        self.choose_button = QPushButton(self.tr("C&hoose file…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QWidget(self)
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.path, 1)
        file_layout.addWidget(self.choose_button)
        self.form.addRow(self.tr("&List"), file_row)
        label = self.form.labelForField(file_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.path)
        self.watch(self.path)

        self.allocation = QComboBox(self)
        self.allocation.setAccessibleName(self.tr("How the cases are shared out"))
        self.allocation.addItem(self.tr("As many women as men"), Allocation.EQUAL.value)
        self.allocation.addItem(self.tr("In proportion to the list"), Allocation.PROPORTIONAL.value)
        self.number = QSpinBox(self)
        self.number.setRange(1, MAX_SIZE)
        self.number.setValue(20)
        self.number.setAccessibleName(self.tr("Number of cases"))
        self.by_unit = QCheckBox(self.tr("Draw within each &unit"), self)
        self.double = QSpinBox(self)
        self.double.setRange(0, 100)
        self.double.setSuffix(" %")
        self.double.setAccessibleName(self.tr("Share reviewed twice"))
        self.reviewers = QLineEdit(self)
        self.reviewers.setAccessibleName(self.tr("Reviewers"))
        self.reviewers.setPlaceholderText(self.tr("initials separated by commas, e.g. AB, CD, EF"))
        self.seed = QSpinBox(self)
        self.seed.setRange(0, MAX_SEED)
        self.seed.setGroupSeparatorShown(False)
        self.seed.setValue(fresh_seed())
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setToolTip(
            self.tr("Any whole number. Write it down: the same list and seed always give the same sample.")
        )
        self.add_row(self.tr("&Share out"), self.allocation)
        self.add_row(self.tr("&Number"), self.number)
        self.add_row("", self.by_unit)
        self.add_row(self.tr("Reviewed &twice"), self.double)
        self.add_row(self.tr("&Reviewers"), self.reviewers)
        self.add_row(self.tr("S&eed"), self.seed)

        self.preview_box = QGroupBox(self.tr("What will be drawn"), self)
        self.status = QLabel(self.preview_box)
        self.status.setWordWrap(True)
        self.strata: RecordTableModel[Stratum] = RecordTableModel(self._strata_columns(None), self)
        self.strata_view = record_table_view(self.strata, self.tr("Available and drawn per sex and unit"), self)
        self.strata_view.setSortingEnabled(False)
        self.strata_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.strata_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.strata_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.strata_view.setMinimumHeight(120)
        self.method = QLabel(self.preview_box)
        self.method.setWordWrap(True)
        self.method.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems_model = QStringListModel(self)
        self.problems = QListView(self.preview_box)
        self.problems.setModel(self.problems_model)
        self.problems.setAccessibleName(self.tr("Problems in the list"))
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        preview_layout = QVBoxLayout(self.preview_box)
        for widget in (self.status, self.strata_view, self.method, self.problems):
            preview_layout.addWidget(widget)
        self.body.insertWidget(self.body.indexOf(self.message), self.preview_box, 1)
        self.resize(760, 680)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.path.textChanged.connect(self._inputs_changed)
        self.allocation.currentIndexChanged.connect(self._inputs_changed)
        self.allocation.currentIndexChanged.connect(self._size_words)
        for box in (self.number, self.double, self.seed):
            box.valueChanged.connect(self._inputs_changed)
        self.by_unit.toggled.connect(self._inputs_changed)
        self.reviewers.textChanged.connect(self._inputs_changed)
        self._size_words()
        self._show_status(self.tr("Choose the list to see what will be drawn."))

    # -- the inputs --------------------------------------------------------------------------------------------

    def design(self) -> Design:
        return Design(
            allocation=Allocation(self.allocation.currentData()),
            size=self.number.value(),
            seed=self.seed.value(),
            by_unit=self.by_unit.isChecked(),
            double_share=self.double.value() / 100,
            reviewers=parse_reviewers(self.reviewers.text()),
        )

    def _inputs(self) -> tuple[object, ...]:
        return (self.path.text().strip(), self.design())

    def _size_words(self) -> None:
        equal = self.allocation.currentData() == Allocation.EQUAL.value
        self.number.setSuffix(self.tr(" per sex") if equal else self.tr(" in all"))

    def _inputs_changed(self) -> None:
        if self._preview_for is not None and self._preview_for == self._inputs():
            return  # Return in a spin box reports its value again, unchanged
        self._preview_for = None
        self._timer.start()

    def set_path(self, path: str | Path) -> None:
        self.path.setText(str(path))

    def choose_file(self) -> None:
        choose_spreadsheet(self, self.tr("Choose the list of closed cases"), self.path)

    # -- the preview -------------------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._job is not None

    def preview_is_current(self) -> bool:
        return self._preview_for is not None and self._preview_for == self._inputs()

    def refresh_preview(self) -> None:
        """Draw the preview again on a worker (reading the list only when it is another file or has changed)."""
        self._timer.stop()
        if self.is_busy():
            self._preview_again = True
            return
        path_text, design = self._inputs()
        if not path_text:
            self._preview, self._preview_problem = None, None
            self._show_status(self.tr("Choose the list to see what will be drawn."))
            return
        path = Path(str(path_text))
        db, round_uuid, cached = self._db, self._round_uuid, self._source
        inputs = (path_text, design)

        def work(_report):
            try:
                stat = path.stat()
            except OSError:
                stat = None
            key = (str(path), stat.st_size, stat.st_mtime_ns) if stat is not None else None
            try:
                if cached is not None and key is not None and cached[0] == key:
                    source = cached[1]
                else:
                    with db.session() as session:
                        source = sampling.read_round_list(session, round_uuid, path)
                return inputs, key, source, sampling.preview_sample(source, design)  # type: ignore[arg-type]
            except ReviewerError as error:
                return inputs, None, None, error

        self._show_status(self.tr("Reading the list…"))
        self._job = worker.start(self._new_job(work, self._on_preview, self._on_preview_crashed))

    def _new_job(self, work, done, crashed) -> worker.Job:
        job = worker.Job(work)
        job.signals.finished.connect(done)
        job.signals.failed.connect(crashed)
        return job

    def _on_preview(self, outcome) -> None:
        self._job = None
        inputs, key, source, result = outcome
        if key is not None and source is not None:
            self._source = (key, source)
        if self._preview_again or inputs != self._inputs():
            self._preview_again = False
            self.refresh_preview()
            return
        self._preview_for = inputs
        if isinstance(result, SampleSummary):
            self._show_preview(result)
        else:
            self._show_refusal(result)
        self._recheck()

    def _on_preview_crashed(self, _message: str) -> None:
        self._job = None
        self._preview_again = False
        self._preview, self._preview_for = None, self._inputs()
        self._preview_problem = self.tr("The list could not be read. The log file has the details.")
        self._show_status(self._preview_problem, error=True)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
        self.strata.set_records([])
        self.strata_view.hide()
        self.method.clear()
        self.method.hide()
        self.problems_model.setStringList([])
        self.problems.hide()

    def _show_preview(self, summary: SampleSummary) -> None:
        self._preview, self._preview_problem = summary, None
        record = summary.record
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr(
                "%1 cases will be drawn from %2 (%3 rows). Nothing has been drawn yet; choose Draw to give the "
                "round these cases."
            )
            .replace("%1", str(record.drawn))
            .replace("%2", summary.file_name)
            .replace("%3", str(summary.listed))
        )
        self.strata.set_columns(self._strata_columns(summary.subject))
        self.strata.set_records(list(record.strata))
        self.strata_view.show()
        lines = [method_sentence(record, summary.subject, self._language), *review_load_lines(record, self._language)]
        self.method.setText("\n".join(lines))
        self.method.show()
        self.problems_model.setStringList([])
        self.problems.hide()

    def _show_refusal(self, error: ReviewerError) -> None:
        self._preview = None
        self._preview_problem = error.message.text(self._language)
        self._show_status(self._preview_problem, error=True)
        lines = error.lines(self._language) if isinstance(error, SpreadsheetImportError) else []
        if lines:
            self.problems_model.setStringList(lines)
            self.problems.show()

    def _strata_columns(self, subject: Subject | None) -> list[Column[Stratum]]:
        words = group_word_map(subject, self._language) if subject is not None else {}
        everything = self.tr("all")
        return [
            Column(self.tr("Unit"), lambda s: s.unit or everything),
            Column(self.tr("Sex"), lambda s: words.get(s.group, s.group.value)),
            Column(self.tr("In the list"), lambda s: str(s.available), lambda s: s.available, True),
            Column(self.tr("Drawn"), lambda s: str(s.drawn), lambda s: s.drawn, True),
        ]

    def problem_lines(self) -> list[str]:
        return self.problems_model.stringList()

    # -- the draw ----------------------------------------------------------------------------------------------

    def problem(self) -> str | None:
        if not self.path.text().strip():
            return self.tr("Choose the list of closed cases.")
        if not self.preview_is_current():
            return self.tr("The preview is not ready yet; look at what will be drawn, then choose Draw.")
        return self._preview_problem

    def commit(self) -> str | Pending | None:
        assert self._preview is not None
        path, design = Path(self.path.text().strip()), self.design()
        db, round_uuid, actor = self._db, self._round_uuid, self._actor
        expected = self._preview.record.list_sha256

        def work(_report):
            with db.session() as session:
                try:
                    return sampling.sample_round(session, round_uuid, path, design, actor, expected_sha256=expected)
                except ReviewerError as error:
                    return error

        self._set_busy(True)
        self._job = worker.start(self._new_job(work, self._on_drawn, self._on_draw_crashed))
        self._drawing = True
        return PENDING

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.path,
            self.choose_button,
            self.allocation,
            self.number,
            self.by_unit,
            self.double,
            self.reviewers,
            self.seed,
            self.buttons,
        ):
            widget.setEnabled(not busy)

    def _on_drawn(self, result) -> None:
        self._job, self._drawing = None, False
        self._set_busy(False)
        if isinstance(result, SampleSummary):
            self.drawn = result
            self.finish(None)
            return
        self._show_refusal(result)
        self.finish(result.message.text(self._language))
        # the list may have changed since it was read: read it again for a preview of what Draw would now draw
        self._source, self._preview_for = None, None
        self._timer.start()

    def _on_draw_crashed(self, _message: str) -> None:
        self._job, self._drawing = None, False
        self._set_busy(False)
        self.finish(self.tr("The sample could not be drawn; nothing was changed. The log file has the details."))

    # -- closing -----------------------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._drawing:  # the draw finishes in one transaction either way; wait for it (a preview need not)
            return
        self._timer.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._drawing:
            event.ignore()
            return
        super().closeEvent(event)
