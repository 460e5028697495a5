"""A write transaction that lost a race, not an argument, is tried again: the user never sees it.

PostgreSQL ends one of two transactions that wait for each other (deadlock, SQLSTATE 40P01) or that it cannot order
(serialisation failure, 40001); either is safe to repeat from the start. SQLite's "database is locked" that comes
back at once (a busy writer that SQLite did not wait for) is repeated too; one that comes after the whole busy
timeout (another program holds the database) is not, and reaches the user as the plain message of
`storage.failures`.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from reviewer.storage.failures import DatabaseInUseError, causes

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})
# How long a write may keep being retried; about SQLite's busy timeout, so a lock held elsewhere is still said
# after a few seconds.
WINDOW_SECONDS = 5.0


def lost_race(error: BaseException) -> bool:
    for cause in causes(error):
        if getattr(cause, "sqlstate", None) in RETRYABLE_SQLSTATES or isinstance(cause, DatabaseInUseError):
            return True
    return False


def retrying(session: Session, work: Callable[[], T], window: float = WINDOW_SECONDS) -> T:
    """`work()` (which commits), rolled back and run again after a short random pause while it loses races and
    `window` seconds have not passed; `work` must start from what the database holds, not from its last attempt."""
    start = time.monotonic()
    attempt = 0
    while True:
        try:
            return work()
        except Exception as error:
            if not lost_race(error) or time.monotonic() - start >= window:
                raise
            session.rollback()
            attempt += 1
            log.info("write transaction lost a race (%s), attempt %d", type(error).__name__, attempt + 1)
            time.sleep(random.uniform(0, min(0.2, 0.01 * 2**attempt)))  # noqa: S311 - jitter, not a secret
