"""The facilitator's view of a training session: the participants' training exchange files, read (never stored)
and measured against the pack's facit – per question, most disputed first, and per participant – and the training
summary PDF. Participants are P1, P2, … until "Show names" is ticked; the PDF follows the same choice.

Reading, measuring and writing the PDF run on the worker (`ui.worker`); a file that is refused leaves the list as
it was, with the reason below the buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language
from reviewer.reports.pdf.training import write_training_pdf
from reviewer.services.agreement.text import reading_of
from reviewer.services.exchange import FILE_SUFFIX
from reviewer.services.training_agreement import ParticipantResult, QuestionResult, TrainingAgreement
from reviewer.services.training_agreement import training_agreement as measure_session
from reviewer.services.training_agreement.text import (
    agreement_cell,
    distribution_cell,
    facit_cell,
    kappa_cell,
    like_facit_cell,
    participant_kappa_cell,
    summary,
)
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.style import ERROR_STYLE
from reviewer.ui.table_model import Column, RecordTableModel


def _percent_or_dash(value: float | None, language: Language) -> str:
    if value is None:
        return "–"
    return f"{round(value):.0f}%" if language == "en" else f"{round(value):.0f} %"


class FacilitatorView(QWidget):
    """`add_files(paths)` and `save_pdf(path)` are what the two buttons do after asking for the files;
    `analysed` follows each finished analysis, `pdf_saved` each written PDF."""

    analysed = Signal(object)
    pdf_saved = Signal(object)

    def __init__(self, db: Database, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._paths: list[Path] = []
        self._job: worker.Job | None = None
        self.result: TrainingAgreement | None = None

        intro = QLabel(
            self.tr(
                "Add the training files the participants exported from the same training pack. The files are read "
                "here and compared with the pack's facit; nothing is stored. The questions the participants answered "
                "least alike come first: they are the ones to discuss."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add participant files…"), self)
        self.add_button.clicked.connect(self.choose_files)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.clicked.connect(self.clear)
        self.show_names = QCheckBox(self.tr("Show names"), self)
        self.show_names.setToolTip(
            self.tr("Show the participants' names instead of P1, P2, …, also in the PDF; leave it off on a projector.")
        )
        self.show_names.toggled.connect(self._show)
        self.pdf_button = QPushButton(self.tr("Save summary as PDF…"), self)
        self.pdf_button.clicked.connect(self.choose_pdf)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.clear_button, self.show_names):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)

        self.questions_model: RecordTableModel[QuestionResult] = RecordTableModel(self._question_columns(), self)
        self.questions = self._table(self.questions_model, self.tr("Per question, most disputed first"))
        self.participants_model: RecordTableModel[ParticipantResult] = RecordTableModel([], self)
        self.participants = self._table(self.participants_model, self.tr("Per participant against the facit"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for title, table in (
            (self.tr("Per question, most disputed first"), self.questions),
            (self.tr("Per participant against the facit"), self.participants),
        ):
            box = QWidget(splitter)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(f"<b>{title}</b>", box)
            heading.setBuddy(table)
            box_layout.addWidget(heading)
            box_layout.addWidget(table)
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._show()

    def _table(self, model: RecordTableModel, name: str) -> QTableView:  # type: ignore[type-arg]
        view = record_table_view(model, name, self)
        view.setSortingEnabled(False)  # the order is the analysis's: most disputed first
        view.setWordWrap(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    # -- columns

    def _question_columns(self) -> list[Column[QuestionResult]]:
        lang = self._language
        return [
            Column(self.tr("Question"), lambda q: q.text.text(lang)),
            Column(self.tr("Participants"), lambda q: str(q.n_participants), align_right=True),
            Column(self.tr("Alike"), lambda q: agreement_cell(q, lang), align_right=True),
            Column(self.tr("Kappa (SE)"), lambda q: kappa_cell(q, lang)),
            Column(self.tr("Like facit"), lambda q: like_facit_cell(q, lang), align_right=True),
            Column(self.tr("Answers"), lambda q: distribution_cell(q, lang)),
            Column(self.tr("Facit"), lambda q: facit_cell(q, lang)),
        ]

    def _participant_columns(self, names: bool) -> list[Column[ParticipantResult]]:
        lang = self._language
        return [
            Column(self.tr("Participant"), lambda p: p.shown_as(names)),
            Column(self.tr("Cases"), lambda p: str(p.n_cases), align_right=True),
            Column(self.tr("Answers compared"), lambda p: str(p.compared), align_right=True),
            Column(self.tr("Like facit"), lambda p: _percent_or_dash(p.percent_correct, lang), align_right=True),
            Column(self.tr("Cohen's kappa against facit (95% CI)"), lambda p: participant_kappa_cell(p, lang)),
            Column(self.tr("Reading (Landis & Koch)"), lambda p: reading_of(p.kappa).text(lang)),
        ]

    # -- what the buttons do

    @property
    def paths(self) -> list[Path]:
        return list(self._paths)

    def choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the participants' training files"),
            "",
            self.tr("Exchange files (*%1);;All files (*)").replace("%1", FILE_SUFFIX),
        )
        if chosen:
            self.add_files([Path(p) for p in chosen])

    def add_files(self, paths: Sequence[Path]) -> None:
        """Measure the files so far with these added; a refusal leaves the list as it was."""
        if self._job is not None:
            return
        known = {p.resolve() for p in self._paths}
        candidates = self._paths + [p for p in dict.fromkeys(paths) if p.resolve() not in known]
        db = self._db

        def work(report):
            with db.session() as session:
                return candidates, measure_session(session, candidates, progress=report)

        self._run(work, self._measured, self.tr("Reading the files…"))

    def clear(self) -> None:
        self._paths = []
        self.result = None
        self.status.clear()
        self._show()

    def choose_pdf(self) -> None:
        if self.result is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the training summary"), self.tr("training-summary.pdf"), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        result, names = self.result, self.show_names.isChecked()
        if result is None or self._job is not None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def work(_report):
            write_training_pdf(result, path, names)
            return path

        self._run(work, self._saved, self.tr("Writing the PDF…"))

    # -- the worker

    def _run(self, work, done, busy_text: str) -> None:
        self._job = worker.Job(work)
        self._job.signals.finished.connect(done)
        self._job.signals.failed.connect(self._failed)
        self._set_busy(True, busy_text)
        worker.start(self._job)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        for button in (self.add_button, self.clear_button, self.pdf_button):
            button.setEnabled(not busy)
        if busy:
            self.status.setStyleSheet("")
            self.status.setText(text)
        else:
            self.pdf_button.setEnabled(self.result is not None)

    def _measured(self, outcome: tuple[list[Path], TrainingAgreement]) -> None:
        self._job = None
        self._paths, self.result = outcome
        self._set_busy(False)
        self.status.setStyleSheet("")
        count = len(self._paths)
        self.status.setText(self.tr("%n participant file(s) read; nothing was stored.", "", count))
        self._show()
        self.analysed.emit(self.result)

    def _saved(self, path: Path) -> None:
        self._job = None
        self._set_busy(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved %1").replace("%1", str(path)))
        self.pdf_saved.emit(path)

    def _failed(self, message: str) -> None:
        self._job = None
        self._set_busy(False)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message or self.tr("The files could not be read. The log file has the details."))

    def _show(self) -> None:
        names = self.show_names.isChecked()
        result = self.result
        self.participants_model.set_columns(self._participant_columns(names))
        self.questions_model.set_records(result.questions if result is not None else [])
        self.participants_model.set_records(result.participants if result is not None else [])
        if result is None:
            self.summary.setText(self.tr("No participant files yet."))
        else:
            self.summary.setText(
                f"<b>{result.pack_title.text(self._language)}</b> (version {result.pack_version}). "
                f"{summary(result, self._language)}"
            )
        self.pdf_button.setEnabled(result is not None and self._job is None)
        self.clear_button.setEnabled(bool(self._paths) and self._job is None)
        self.questions.resizeColumnsToContents()
        self.questions.setColumnWidth(0, min(self.questions.columnWidth(0), 380))
        self.questions.setColumnWidth(5, min(self.questions.columnWidth(5), 260))
        self.questions.setColumnWidth(6, min(self.questions.columnWidth(6), 220))
        self.participants.resizeColumnsToContents()
