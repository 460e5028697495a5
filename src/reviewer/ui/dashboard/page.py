"""Sammanställning: the findings split by sex for the chosen rounds, computed off the UI thread.

Every change of the selection starts a new computation after a short pause and cancels the one still running, so
clicking through rounds and units never queues up work or freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.text import Language
from reviewer.services import aggregation
from reviewer.services.agreement import AgreementError, AgreementResult, inter_rater_agreement
from reviewer.storage.database import Database
from reviewer.ui import worker
from reviewer.ui.dashboard.agreement_view import AgreementView
from reviewer.ui.dashboard.before_after_view import BeforeAfterView
from reviewer.ui.dashboard.filters import FilterPanel, Selection
from reviewer.ui.dashboard.findings_view import FindingsView
from reviewer.ui.dashboard.sections_view import SectionsView
from reviewer.ui.dashboard.summary import sex_of_text
from reviewer.ui.dashboard.trend_view import MIN_ROUNDS, TrendView
from reviewer.ui.style import ERROR_STYLE

DEBOUNCE_MS = 250


class DashboardPage(QWidget):
    """`computed` follows every finished computation (tests wait for it); `result`, `before_after`, `trend` and
    `agreement` hold it. The trend is computed when three or more rounds are ticked.

    Nothing is computed until `refresh()`, which the main window calls when the tab is shown.
    """

    computed = Signal()

    def __init__(
        self, db: Database, language: Language, parent: QWidget | None = None, preferred: Selection | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._preferred = preferred
        self._language = language
        self._job: worker.Job | None = None
        self._pending = False
        self.result: aggregation.Aggregate | None = None
        self.before_after: aggregation.BeforeAfter | None = None
        self.trend: aggregation.RoundTrend | None = None
        self.agreement: AgreementResult | None = None

        self.filters = FilterPanel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("&Stop"), self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.refresh_button = QPushButton(self.tr("&Update"), self)
        self.refresh_button.setToolTip(self.tr("Compute again, e.g. after new reviews were imported (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)

        self.findings = FindingsView(language, self)
        self.sections = SectionsView(language, self)
        self.before_after_view = BeforeAfterView(language, self)
        self.trend_view = TrendView(language, self)
        self.agreement_view = AgreementView(language, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.findings, self.tr("&Differences"))
        self.tabs.addTab(self.sections, self.tr("Per &question"))
        self.tabs.addTab(self.before_after_view, self.tr("Before/&after"))
        self.tabs.addTab(self.trend_view, self.tr("Over &time"))
        self.tabs.addTab(self.agreement_view, self.tr("A&greement"))
        self.findings.question_activated.connect(self.show_question)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filters)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.status)
        left_layout.addStretch()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tabs)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([350, 930])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.compute)
        self.filters.changed.connect(self._debounce.start)

    # -- data ------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the rounds (they may have changed in another area) and compute again."""
        self.filters.reload(self._db, self._preferred)
        self._preferred = None
        self._debounce.start()

    def request_for(self, selection: Selection) -> aggregation.AggregateRequest:
        return aggregation.AggregateRequest(
            round_uuids=selection.round_uuids,
            unit=selection.unit,
            reviewer=selection.reviewer,
            breakdown=selection.breakdown,
        )

    def compute(self) -> None:
        """Start computing the current selection; a computation still running is cancelled first."""
        self._debounce.stop()
        if self._job is not None:
            self._pending = True
            self._job.cancel()
            return
        selection = self.filters.selection()
        if not selection.round_uuids:
            self._show_nothing(self.tr("Choose at least one round to see the findings."))
            return
        request = self.request_for(selection)
        trend_uuids = self.filters.trend_uuids()
        db = self._db
        language = self._language

        def work(report):
            with db.session() as session:
                result = aggregation.aggregate(session, request, report)
                before_after = None
                if selection.compare_with is not None:
                    before_after = aggregation.compare_rounds(
                        session, request.round_uuids[0], selection.compare_with, request, report
                    )
                round_trend = None
                if len(trend_uuids) >= MIN_ROUNDS:
                    round_trend = aggregation.trend(session, trend_uuids, request, report)
                try:
                    agreement: AgreementResult | str = inter_rater_agreement(session, request.round_uuids, request.unit)
                except AgreementError as error:
                    agreement = error.text(language)
                return result, before_after, round_trend, agreement

        job = worker.Job(work)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._job = job
        self._set_busy(True)
        worker.start(job)

    def cancel(self) -> None:
        if self._job is not None:
            self._pending = False
            self._job.cancel()

    def is_busy(self) -> bool:
        return self._job is not None

    # -- results ---------------------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Computing…"))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _job_over(self) -> bool:
        """Clears the job; True when the selection changed meanwhile and a new computation was started instead."""
        self._job = None
        self._set_busy(False)
        if self._pending:
            self._pending = False
            self.compute()
            return True
        return False

    def _on_finished(self, outcome) -> None:
        if self._job_over():
            return
        self.result, self.before_after, self.trend, agreement = outcome
        assert self.result is not None
        self.findings.show_result(self.result)
        self.sections.show_result(self.result)
        self.before_after_view.show_result(self.before_after)
        self.trend_view.show_result(
            self.trend,
            len(self.result.rounds),
            self.result.subject,
            sex_of_text(self.result, self._language),
        )
        if isinstance(agreement, str):
            self.agreement = None
            self.agreement_view.show_result(None, agreement)
        else:
            self.agreement = agreement
            self.agreement_view.show_result(agreement)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("%n case(s) with completed reviews.", "", self.result.n_cases)
            + (" " + self.tr("Nothing to compare yet.") if self.result.n_cases == 0 else "")
        )
        self.computed.emit()

    def _on_failed(self, message: str) -> None:
        if self._job_over():
            return
        self._show_nothing(message or self.tr("The findings could not be computed. The log file has the details."))
        self.status.setStyleSheet(ERROR_STYLE)
        self.computed.emit()

    def _on_cancelled(self) -> None:
        if self._job_over():
            return
        self.status.setText(self.tr("Stopped. Choose Update to compute again."))

    def _show_nothing(self, text: str) -> None:
        self.result = None
        self.before_after = None
        self.trend = None
        self.agreement = None
        self.findings.show_result(None)
        self.sections.show_result(None)
        self.before_after_view.show_result(None)
        self.trend_view.show_result(None, len(self.filters.round_uuids()))
        self.agreement_view.show_result(None)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def show_question(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.sections)
        self.sections.select_question(key)
