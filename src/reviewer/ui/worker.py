"""The one way to run long work off the UI thread; results and errors come back as signals on the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.domain.text import ReviewerError

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    """Runs `work(report_progress)`; connect to `signals` before `start()`."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except ReviewerError as error:
            self.signals.failed.emit(error.text())
        except Exception:
            log.exception("background job failed")
            self.signals.failed.emit("")
        else:
            self.signals.finished.emit(result)


def start(job: Job, pool: QThreadPool | None = None) -> Job:
    (pool or QThreadPool.globalInstance()).start(job)
    return job
