"""One training round as a participant takes it: the cases with their status and score, the case text to read,
and beside it the same review form as a real review (autosave, keyboard use); the facit once the pack releases it.

The form is composed, not changed: its signals say when it saved, asks for the next case or wants the list.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language, ReviewerError
from reviewer.services import reviews, training
from reviewer.services.training_feedback import CaseResult, RoundScore, round_score
from reviewer.services.training_score_text import STATUSES, release_note, tally_text
from reviewer.storage.database import Database
from reviewer.storage.models import ReviewStatus
from reviewer.training.schema import FeedbackMode
from reviewer.ui.filter_table import record_table_view
from reviewer.ui.review_form import ReviewForm
from reviewer.ui.table_model import Column, RecordTableModel
from reviewer.ui.training.export_answers import export_answers
from reviewer.ui.training.feedback_panel import FeedbackPanel


class SessionPage(QWidget):
    back_requested = Signal()

    def __init__(
        self,
        db: Database,
        language: Language,
        actor: Callable[[], str],
        ensure_actor: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._language = language
        self._actor = actor
        self._ensure_actor = ensure_actor
        self.round_uuid = ""
        self.result: RoundScore | None = None
        self.form: ReviewForm | None = None

        self.back_button = QPushButton(self.tr("← Packs"), self)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.total = QLabel(self)
        self.total.setAccessibleName(self.tr("Overall score"))
        self.export_button = QPushButton(self.tr("&Export answers for the facilitator…"), self)
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_answers)

        columns: list[Column[CaseResult]] = [
            Column(self.tr("Case"), lambda c: c.code),
            Column(self.tr("Status"), lambda c: STATUSES[c.status].text(language)),
            Column(self.tr("Score"), lambda c: tally_text(c.score.total, language) if c.score else "–"),
        ]
        self.cases: RecordTableModel[CaseResult] = RecordTableModel(columns, self)
        cases_label = QLabel(self.tr("C&ases"), self)
        self.case_view = record_table_view(self.cases, self.tr("Training cases"), self)
        self.case_view.setSortingEnabled(False)
        self.case_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        cases_label.setBuddy(self.case_view)
        self.case_view.activated.connect(lambda _index: self._focus_form())
        text_label = QLabel(self.tr("Case &text"), self)
        self.case_text = QPlainTextEdit(self)
        self.case_text.setReadOnly(True)
        self.case_text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.case_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.case_text.setAccessibleName(self.tr("Case text"))
        reading = QFont(self.case_text.font())
        reading.setPointSizeF(reading.pointSizeF() * 1.1)
        self.case_text.setFont(reading)
        text_label.setBuddy(self.case_text)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(cases_label)
        left_layout.addWidget(self.case_view)
        left_layout.addWidget(text_label)
        left_layout.addWidget(self.case_text, 1)

        self.right = QTabWidget(self)
        self.form_holder = QWidget(self.right)
        self._form_layout = QVBoxLayout(self.form_holder)
        self._form_layout.setContentsMargins(0, 0, 0, 0)
        self.feedback = FeedbackPanel(language, self.right)
        self.feedback.next_button.clicked.connect(lambda: self._step(1))
        self.right.addTab(self.form_holder, self.tr("Answers"))
        self.right.addTab(self.feedback, self.tr("Facit and score"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 840])  # the form has its guidance panel beside it; the text reads well narrow
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.total)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.case_view.selectionModel().currentRowChanged.connect(lambda current, _previous: self._open(current.row()))

    def export_answers(self) -> None:
        """The participant's answers as a training exchange file, which the facilitator reads with the others'."""
        if self.round_uuid and self.settle_refused_edit():
            export_answers(self._db, self._language, self.round_uuid, self._actor(), self)

    def show_round(self, round_uuid: str) -> None:
        self.round_uuid = round_uuid
        self._rescore()
        assert self.result is not None
        self.title.setText(self.result.round_name)
        first_open = next((i for i, c in enumerate(self.result.cases) if c.status is not ReviewStatus.COMPLETE), 0)
        self.case_view.selectRow(first_open)
        self._open(first_open)

    def settle_refused_edit(self) -> bool:
        return self.form is None or self.form.settle_refused_edit()

    def current_case(self) -> CaseResult | None:
        index = self.case_view.currentIndex()
        return self.cases.record(index.row()) if index.isValid() else None

    def _rescore(self) -> None:
        """Status and score of every case anew, keeping the chosen row."""
        with self._db.session() as session:
            self.result = round_score(session, self.round_uuid, self._actor())
        row = self.case_view.currentIndex().row()
        blocker = self.case_view.selectionModel().blockSignals(True)
        self.cases.set_records(self.result.cases)
        self._fit_case_list()
        if row >= 0:
            self.case_view.selectRow(row)
        self.case_view.selectionModel().blockSignals(blocker)
        note = release_note(self.result, self._language)
        if not note and not self.result.released():
            note = self.tr("Your score appears here as you complete the cases.")
        self.total.setText(
            note or self.tr("Overall: %1").replace("%1", tally_text(self.result.total(), self._language))
        )

    def _fit_case_list(self) -> None:
        """Every case in view up to a dozen, so the text below gets the rest of the height."""
        rows = min(self.cases.rowCount(), 12)
        header = self.case_view.horizontalHeader().sizeHint().height()
        frame = 2 * self.case_view.frameWidth()
        self.case_view.setFixedHeight(header + frame + rows * self.case_view.verticalHeader().defaultSectionSize())

    def _open(self, row: int) -> None:
        if self.result is None or not 0 <= row < len(self.result.cases):
            return
        case = self.result.cases[row]
        if self.form is not None and self.form.snapshot.case_uuid == case.case_uuid:
            return
        if not self.settle_refused_edit() or not self._ensure_actor():
            return
        try:
            with self._db.session() as session:
                snapshot = reviews.open_review(session, case.case_uuid, self._actor())
                text = training.case_text(session, case.case_uuid) or ""
        except ReviewerError as error:
            QMessageBox.warning(self, self.tr("Training"), error.text(self._language))
            return
        form = ReviewForm(self._db, snapshot, self._language, self.form_holder)
        form.saved.connect(self._saved)
        form.navigate.connect(self._step)
        form.back_requested.connect(self.case_view.setFocus)
        if self.form is not None:
            self._form_layout.removeWidget(self.form)
            self.form.hide()  # at once: deleteLater waits for the event loop, and two forms would overlap till then
            self.form.deleteLater()
        self.form = form
        self._form_layout.addWidget(form)
        form.show()  # the holder is on screen already, so a widget added to it is not shown by itself
        self.case_text.setPlainText(text)
        self._show_feedback(case)
        self.right.setCurrentWidget(self.form_holder)

    def _show_feedback(self, case: CaseResult | None) -> None:
        assert self.result is not None
        self.feedback.show_case(self.result, case)
        row = self.case_view.currentIndex().row()
        self.feedback.next_button.setEnabled(0 <= row < self.cases.rowCount() - 1)

    def _focus_form(self) -> None:
        if self.form is not None:
            self.right.setCurrentWidget(self.form_holder)
            self.form.focus_first_question()

    def _step(self, step: int) -> None:
        row = self.case_view.currentIndex().row() + step
        if 0 <= row < self.cases.rowCount():
            self.case_view.selectRow(row)
            self._focus_form()

    def _saved(self) -> None:
        """After every save: statuses and scores anew; a case just completed shows its facit when the pack says so."""
        assert self.form is not None and self.result is not None
        before = self.result.case(self.form.snapshot.case_uuid)
        self._rescore()
        case = self.result.case(self.form.snapshot.case_uuid)
        self._show_feedback(case)
        just_completed = (
            case is not None
            and case.status is ReviewStatus.COMPLETE
            and (before is None or before.status is not ReviewStatus.COMPLETE)
        )
        if not just_completed:
            return
        if case is not None and case.score is not None:
            self.right.setCurrentWidget(self.feedback)
            self.feedback.view.setFocus()
        elif self.result.feedback is FeedbackMode.AT_END:
            self._step(1)
