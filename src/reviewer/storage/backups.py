"""Backup copies of a SQLite database: written with SQLite's online backup API, so a copy is consistent even while
the program (or another) has the database open and writing, and made visible only when complete.

A copy is written to a hidden partial file beside its final name and renamed when it is whole and on disk; a process
killed while copying leaves a partial file that is never listed and is removed later, never a half backup. Copies are
plain rollback-journal files (not WAL), so each is one self-contained file that can be opened read-only, copied to a
USB stick or handed to IT.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from reviewer.storage.failures import known_failure
from reviewer.storage.private import FILE_MODE, create_private_file, private_folder, sync_folder, tighten

log = logging.getLogger(__name__)

DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
MANUAL = "manual"
AUTOMATIC = (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE)
REASONS = (*AUTOMATIC, MANUAL)
DEFAULT_KEEP = 10
PARTIAL_SUFFIX = ".partial"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the settings and the recovery dialog list it; counts are None when it cannot be read."""

    path: Path
    reason: str
    created: datetime
    size: int
    rounds: int | None
    cases: int | None
    reviews: int | None

    @property
    def readable(self) -> bool:
        return self.rounds is not None


def read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database into a new private file at `target`, as one self-contained rollback-journal file."""
    create_private_file(target)
    with closing(sqlite3.connect(target)) as dest:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_partial(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        with suppress(FileNotFoundError):
            leftover.unlink()


def write_backup(
    database: Path,
    backup_dir: Path,
    reason: str,
    source: sqlite3.Connection | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Path:
    """A consistent copy of `database` in `backup_dir`, named by the time and the reason; returns its path.

    `source` is an open connection to copy from (the restore holds one with an exclusive lock); otherwise the file
    is opened read-only for the copy, which does not disturb another connection that is writing.
    """
    private_folder(backup_dir)
    target = backup_dir / f"{database.stem}-{_stamp(now())}-{reason}.sqlite"
    partial = target.with_name(f".{target.name}{PARTIAL_SUFFIX}")
    try:
        if source is not None:
            copy_database(source, partial)
        else:
            with closing(sqlite3.connect(read_only_uri(database), uri=True)) as connection:
                copy_database(connection, partial)
        os.replace(partial, target)
        sync_folder(backup_dir)
    except BaseException as error:
        remove_partial(partial)
        known = known_failure(error, database, backup_dir) if isinstance(error, Exception) else None
        if known is not None:
            raise known from None
        raise
    log.info("backup written: %s", target.name)
    return target


def parse_name(path: Path) -> tuple[str, datetime] | None:
    match = _NAME.match(path.name)
    if match is None or match["reason"] not in REASONS:
        return None
    created = datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    return match["reason"], created


def _counts(path: Path) -> tuple[int, int, int] | None:
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            values = [
                int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names
                for table in ("review_round", "review_case", "review")
            ]
    except sqlite3.Error:
        return None
    return values[0], values[1], values[2]


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Every backup in the folder, newest first, with its size and what it holds."""
    found: list[BackupInfo] = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.glob("*.sqlite"):
        parsed = parse_name(path)
        if parsed is None or not path.is_file():
            continue
        counts = _counts(path)
        rounds, cases, reviews = counts if counts is not None else (None, None, None)
        found.append(BackupInfo(path, parsed[0], parsed[1], path.stat().st_size, rounds, cases, reviews))
    return sorted(found, key=lambda info: info.created, reverse=True)


def prune_backups(backup_dir: Path, reason: str, keep: int = DEFAULT_KEEP) -> None:
    """Keep the newest `keep` automatic copies of one kind; manual copies are the user's and are never pruned."""
    if reason not in AUTOMATIC:
        return
    copies = sorted(
        (path for path in backup_dir.glob(f"*-{reason}.sqlite") if parse_name(path) is not None),
        key=lambda path: path.name,
    )
    for old in copies[: max(len(copies) - max(keep, 1), 0)]:
        old.unlink()
        log.info("old backup removed: %s", old.name)


def remove_leftovers(backup_dir: Path) -> None:
    """Partial copies left by a process that was killed while copying."""
    for partial in backup_dir.glob(f".*{PARTIAL_SUFFIX}*"):
        with suppress(OSError):
            partial.unlink()


def daily_backup_due(backup_dir: Path, today: date | None = None) -> bool:
    """True until a daily copy dated today (local time) exists."""
    day = today or datetime.now().astimezone().date()
    for path in backup_dir.glob(f"*-{DAILY}.sqlite"):
        parsed = parse_name(path)
        if parsed is not None and parsed[1].astimezone().date() == day:
            return False
    return True


def tighten_database_files(database: Path) -> None:
    """A database (and its WAL, shared memory and journal) made by an earlier version or another tool."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        tighten(database.with_name(database.name + suffix), FILE_MODE)
