"""A tab whose page is built the first time it is needed, so that the window does not import and build at start-up
what the user may never open (the summary pulls in the statistics, the export page the report writers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

Page = TypeVar("Page", bound=QWidget)


class LazyTab(QWidget, Generic[Page]):
    def __init__(self, build: Callable[[QWidget], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> Page:
        if self._page is None:
            self._page = self._build(self)
            self._layout.addWidget(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page  # noqa: B018 - built when shown
        super().showEvent(event)
