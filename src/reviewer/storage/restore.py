"""Putting a backup back: check it, keep the current database, and swap the files so that a process killed at any
moment leaves either the old database or the restored one, never a mixture.

A live SQLite database in WAL mode is two files, and an old WAL applied to a new main file would corrupt it. So the
current database is first taken under an exclusive lock (refused while another program has it open), backed up from
that locked connection, and switched to rollback-journal mode, which folds the WAL into the main file and removes it.
The checked copy of the backup is then renamed over the main file in one step.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from reviewer.domain.text import Message
from reviewer.storage.backups import (
    BEFORE_RESTORE,
    DEFAULT_KEEP,
    BackupInfo,
    copy_database,
    list_backups,
    prune_backups,
    read_only_uri,
    remove_partial,
    write_backup,
)
from reviewer.storage.database import DatabaseError, preflight_sqlite, refuse_unknown_revision
from reviewer.storage.failures import in_use, known_failure
from reviewer.storage.private import private_folder, sync_folder

log = logging.getLogger(__name__)

DAMAGED_FOLDER = "damaged"
SIDE_FILES = ("-wal", "-shm", "-journal", "-lock")


def check_backup(path: Path) -> str:
    """The candidate's schema revision; raises if it is damaged, not a review database, or from a newer program."""
    if not path.is_file():
        raise DatabaseError(Message(f"Filen {path} finns inte", f"The file {path} does not exist"))
    revision = preflight_sqlite(path)
    if revision is None:
        raise DatabaseError(
            Message(
                f"Filen {path} är ingen säkerhetskopia av en granskningsdatabas. Inget har ändrats.",
                f"The file {path} is not a backup of a review database. Nothing was changed.",
            )
        )
    refuse_unknown_revision(revision, str(path))
    return revision


def newest_good_backup(backup_dir: Path) -> BackupInfo | None:
    """The newest backup that passes the same checks as a restore; older ones are checked only if it fails."""
    for info in list_backups(backup_dir):
        try:
            check_backup(info.path)
        except DatabaseError:
            log.warning("backup %s failed its check", info.path.name)
            continue
        return info
    return None


def _exclusive(database: Path) -> sqlite3.Connection | None:
    """An exclusive connection to the current database, or None when it is not a readable database; raises when
    another program has it open."""
    connection = sqlite3.connect(database, timeout=0.5, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("COMMIT")
        verdict = connection.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            connection.close()
            return None
    except sqlite3.DatabaseError as error:
        connection.close()
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in (5, 6):
            raise in_use(str(database)) from None
        return None
    return connection


def _set_damaged_aside(database: Path, backup_dir: Path) -> Path:
    """A current file that cannot be read is copied, with its WAL, to backups/damaged/ for IT, never deleted."""
    folder = private_folder(backup_dir / DAMAGED_FOLDER)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = folder / f"{database.stem}-{stamp}.sqlite"
    for suffix in ("", "-wal"):
        part = database.with_name(database.name + suffix)
        if part.is_file():
            shutil.copyfile(part, kept.with_name(kept.name + suffix))
            kept.with_name(kept.name + suffix).chmod(0o600)
    sync_folder(folder)
    return kept


def restore_backup(candidate: Path, database: Path, backup_dir: Path, keep: int = DEFAULT_KEEP) -> Path | None:
    """Replace `database` by the checked `candidate`; returns where the previous database was kept (None when there
    was none). The program must have closed its own connections first."""
    check_backup(candidate)
    private_folder(database.parent)
    staged = database.with_name(f".{database.name}.restoring-{os.getpid()}")
    remove_partial(staged)
    lock: sqlite3.Connection | None = None
    kept: Path | None = None
    try:
        if database.exists():
            lock = _exclusive(database) if database.is_file() and database.stat().st_size else None
            if lock is not None:
                kept = write_backup(database, backup_dir, BEFORE_RESTORE, source=lock)
                prune_backups(backup_dir, BEFORE_RESTORE, keep)
                lock.execute("PRAGMA journal_mode=DELETE")
            else:
                kept = _set_damaged_aside(database, backup_dir)
        with closing(sqlite3.connect(read_only_uri(candidate), uri=True)) as source:
            copy_database(source, staged)
        for suffix in SIDE_FILES:
            with suppress(FileNotFoundError):
                database.with_name(database.name + suffix).unlink()
        os.replace(staged, database)
        sync_folder(database.parent)
    except BaseException as error:
        remove_partial(staged)
        known = known_failure(error, database) if isinstance(error, sqlite3.Error | OSError) else None
        if known is not None:
            raise known from None
        raise
    finally:
        if lock is not None:
            lock.close()
    log.info("backup restored: %s", candidate.name)
    return kept


def remove_restore_leftovers(database: Path) -> None:
    """A staged copy left by a restore that was killed before its rename."""
    for leftover in database.parent.glob(f".{database.name}.restoring-*"):
        with suppress(OSError):
            leftover.unlink()
