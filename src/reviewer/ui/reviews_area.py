"""Granskningar: rounds → cases of a round → the review form, as one stack the user moves through."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from reviewer.domain.text import Language, ReviewerError
from reviewer.services import reviews
from reviewer.storage.database import Database
from reviewer.ui.cases_page import CasesPage
from reviewer.ui.review_form import ReviewForm
from reviewer.ui.rounds_page import RoundsPage


class ReviewsArea(QWidget):
    data_changed = Signal()

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
        self.rounds_page = RoundsPage(db, language, actor, self)
        self.cases_page = CasesPage(db, language, actor, self)
        self.form: ReviewForm | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.rounds_page)
        self.stack.addWidget(self.cases_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.rounds_page.open_requested.connect(self.open_round)
        self.rounds_page.data_changed.connect(self.data_changed)
        self.cases_page.back_requested.connect(self.show_rounds)
        self.cases_page.review_requested.connect(self.open_review)
        self.cases_page.changed.connect(self.data_changed)

    def settle_refused_edit(self) -> bool:
        """True unless the open review form holds a refused edit the user goes back to correct."""
        return self.form is None or self.form.settle_refused_edit()

    def show_rounds(self) -> None:
        self.rounds_page.refresh()
        if self.stack.currentWidget() is self.form and not self.settle_refused_edit():
            return
        self.stack.setCurrentWidget(self.rounds_page)
        self.rounds_page.table.view.setFocus()

    def open_round(self, round_uuid: str) -> None:
        if self.stack.currentWidget() is self.form and not self.settle_refused_edit():
            return
        self.cases_page.show_round(round_uuid)
        self.stack.setCurrentWidget(self.cases_page)
        self.cases_page.view.setFocus()

    def open_review(self, case_uuid: str) -> None:
        if not self.settle_refused_edit() or not self._ensure_actor():
            return
        try:
            with self._db.session() as session:
                snapshot = reviews.open_review(session, case_uuid, self._actor())
        except ReviewerError as error:
            QMessageBox.warning(self, self.tr("Review"), error.text(self._language))
            return
        form = ReviewForm(self._db, snapshot, self._language, self)
        form.back_requested.connect(self._close_form)
        form.navigate.connect(self._step)
        form.saved.connect(self.data_changed)
        if self.form is not None:
            self.stack.removeWidget(self.form)
            self.form.deleteLater()
        self.form = form
        self.stack.addWidget(form)
        self.stack.setCurrentWidget(form)
        form.focus_first_question()

    def _step(self, step: int) -> None:
        assert self.form is not None
        if not self.settle_refused_edit():
            return
        with self._db.session() as session:
            target = reviews.neighbour_case(session, self.form.snapshot.case_uuid, step)
        if target is not None:
            self.open_review(target)

    def _close_form(self) -> None:
        if not self.settle_refused_edit():
            return
        case_uuid = self.form.snapshot.case_uuid if self.form else None
        self.cases_page.refresh(select_uuid=case_uuid)
        self.stack.setCurrentWidget(self.cases_page)
        self.cases_page.view.setFocus()
