"""Writers to one SQLite file take turns through a lock file beside it, so that none waits out the busy timeout.

SQLite admits one writer at a time and makes the others wait by sleeping in growing steps (1, 2, 5 … 100 ms): with
several programs saving at once a waiting one sleeps through the moments the lock is free while another takes it,
and an unlucky one waits out the whole busy timeout and fails with "database is locked" (eight processes saving
answers the way `tests/services/test_shared_load.py` does met it in three of four trial runs before this queue).

A connection about to write first takes an exclusive `flock` on `NAME-lock` beside the database (asking every
millisecond or so, with a little jitter) and lets it go when its transaction ends; SQLite's own lock is then almost
always free when asked for. Readers never queue (WAL lets them read beside the writer). The lock file is only a
courtesy among this program's connections: another program writing the file meets SQLite's locks as before; where
the file cannot be made (a read-only folder) or `fcntl` does not exist (Windows) writers go straight to SQLite, and
so does a writer that has not had its turn within the busy timeout.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

try:
    import fcntl
except ImportError:  # Windows: SQLite's own waiting only
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 5.0
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


def lock_file(database: Path) -> Path:
    return database.with_name(database.name + "-lock")


def _is_write(statement: str) -> bool:
    return statement.lstrip().upper().startswith(_WRITES)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def remove_lock_file(database: Path) -> None:
    """When the program closes the database, like SQLite's own -wal and -shm files: only when no writer has its
    turn (one that opened the file just before keeps its turn on the removed file; SQLite's lock still keeps the
    two apart, as it would without the queue)."""
    path = lock_file(database)
    if fcntl is None or not path.exists():
        return
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return
    try:
        if _try_lock(fd):
            path.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        os.close(fd)


class QueuedConnection(sqlite3.Connection):
    """A sqlite3 connection that takes its turn in the writer queue before its first write of a transaction."""

    def __init__(self, database: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(database, *args, **kwargs)
        self._lock_path: Path | None = lock_file(Path(os.fsdecode(database))) if fcntl is not None else None
        self._lock_fd: int | None = None

    def cursor(self, factory: Any = None) -> Any:
        return super().cursor(factory or QueuedCursor)

    def _take_turn(self) -> None:
        if self._lock_fd is not None or self._lock_path is None:
            return
        try:
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            self._lock_path = None  # a read-only folder: no queue, SQLite's own waiting
            return
        deadline = time.monotonic() + WAIT_SECONDS
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return
            time.sleep(random.uniform(0.0005, 0.0015))  # noqa: S311 - jitter, not a secret
        self._lock_fd = fd

    def _end_turn(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the file lets the lock go
            self._lock_fd = None

    def _after(self) -> None:
        if self._lock_fd is not None and not self.in_transaction:
            self._end_turn()  # a statement outside a transaction (autocommit, DDL) ends its own turn

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._end_turn()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._end_turn()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._end_turn()


class QueuedCursor(sqlite3.Cursor):
    connection: QueuedConnection

    def execute(self, sql: str, parameters: Any = (), /) -> QueuedCursor:
        return self._in_turn(super().execute, sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> QueuedCursor:
        return self._in_turn(super().executemany, sql, seq_of_parameters)

    def _in_turn(self, run: Callable[[str, Any], Any], sql: str, parameters: Any) -> QueuedCursor:
        if _is_write(sql):
            self.connection._take_turn()
        try:
            return cast(QueuedCursor, run(sql, parameters))
        finally:
            self.connection._after()
