"""Utbildning: training with fictitious cases. The participant's page comes first; the facilitator's pages (making
a pack, reading the participants' answers together) are further tabs of the same area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from reviewer.domain.text import Language
from reviewer.storage.database import Database
from reviewer.ui.training.authoring import PackAuthoringPage
from reviewer.ui.training.facilitator_view import FacilitatorView
from reviewer.ui.training.facit_review import FacitReviewPage
from reviewer.ui.training.participant_page import ParticipantPage


class TrainingArea(QWidget):
    def __init__(
        self,
        db: Database,
        language: Language,
        actor: Callable[[], str],
        ensure_actor: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.participant = ParticipantPage(db, language, actor, ensure_actor, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.participant, self.tr("Take &part"))
        self.authoring = PackAuthoringPage(db, language, actor, self)
        self.facit_review = FacitReviewPage(db, language, actor, ensure_actor, self)
        self._authoring_stack = QStackedWidget(self)
        self._authoring_stack.addWidget(self.authoring)
        self._authoring_stack.addWidget(self.facit_review)
        self.authoring.review_requested.connect(self._review_for_facit)
        self.facit_review.back_requested.connect(self._back_to_authoring)
        self.tabs.addTab(self._authoring_stack, self.tr("&Make a pack"))
        self.facilitator = FacilitatorView(db, language, self)
        self.tabs.addTab(self.facilitator, self.tr("&Workshop results"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def settle_refused_edit(self) -> bool:
        return self.participant.settle_refused_edit() and self.facit_review.settle_refused_edit()

    def _review_for_facit(self, _round_uuid: str, case_uuid: str) -> None:
        if self.facit_review.open_case(case_uuid):
            self._authoring_stack.setCurrentWidget(self.facit_review)

    def _back_to_authoring(self) -> None:
        self._authoring_stack.setCurrentWidget(self.authoring)
        self.authoring.setFocus()
