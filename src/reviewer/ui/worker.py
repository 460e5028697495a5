"""The one way to run long work off the UI thread; results and errors come back as signals on the UI thread.

Cancelling is cooperative: the work reports progress through the callback it is given, and the first report after
`cancel()` raises `Cancelled` inside the work, which unwinds its transaction like any other error.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.domain.text import ReviewerError

log = logging.getLogger(__name__)


class Cancelled(Exception):  # noqa: N818 - it is not an error, the user asked for it
    pass


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """Runs `work(report_progress)`; connect to `signals` before `start()`."""

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.signals = _Signals()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._report)
        except Cancelled:
            self.signals.cancelled.emit()
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
