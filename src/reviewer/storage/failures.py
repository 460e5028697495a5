"""The failures a user can do something about – the database in use elsewhere, a full disk, a read-only folder –
recognised from whatever raised them (SQLite, SQLAlchemy or the operating system) and put in plain words.

The messages never quote the failed statement or its values: those may hold case data.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

from reviewer.domain.text import Message, ReviewerError

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_IOERR = 10
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
MIN_FREE_BYTES = 20_000_000


class DatabaseInUseError(ReviewerError):
    pass


class DiskFullError(ReviewerError):
    pass


class DatabaseDamagedError(ReviewerError):
    """SQLite found a damaged page while working; the next start checks every page and offers a backup."""

    recoverable = True


class ReadOnlyError(ReviewerError):
    pass


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps and what it was raised from, each once."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
        if isinstance(orig, BaseException):
            yield orig
        current = current.__cause__ or current.__context__


def _megabytes(size: int) -> tuple[str, str]:
    """Whole megabytes, in Swedish and English."""
    if size < 1_000_000:
        return "under 1 MB", "less than 1 MB"
    shown = f"{size / 1_000_000:.0f} MB"
    return shown, shown


def _nearly_full(folder: Path | None) -> bool:
    """SQLite reports some writes that found no room (a journal, the shared-memory file) as a plain I/O error."""
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < 1_000_000
    except OSError:
        return False


def needed_bytes(database: Path | None) -> int:
    """What to free: room for a backup copy of the database, and never less than 20 MB."""
    size = 0
    if database is not None:
        for part in (database, database.with_name(database.name + "-wal")):
            with suppress(OSError):
                size += part.stat().st_size
    return max(size, MIN_FREE_BYTES)


def in_use(where: str) -> DatabaseInUseError:
    shown = f" {where}" if where else ""
    return DatabaseInUseError(
        Message(
            f"Databasen{shown} används av ett annat program och kan inte ändras just nu. Stäng det andra programmet "
            "(till exempel ett annat fönster av granskningsprogrammet eller ett databasverktyg) och försök igen. "
            "Det som inte hann sparas har inte ändrats; det som sparats tidigare finns kvar.",
            f"The database{shown} is in use by another program and cannot be changed now. Close the other program "
            "(for example another window of the review program, or a database tool) and try again. What could not "
            "be saved was not changed; what was saved before is kept.",
        )
    )


def disk_full(folder: Path | None, database: Path | None) -> DiskFullError:
    free_sv = free_en = ""
    if folder is not None:
        try:
            free = _megabytes(shutil.disk_usage(folder).free)
            free_sv, free_en = f" ({free[0]} ledigt där {folder} ligger)", f" ({free[1]} free where {folder} is)"
        except OSError:
            pass
    needed = _megabytes(needed_bytes(database))[0]
    return DiskFullError(
        Message(
            f"Disken är full{free_sv}. Frigör minst {needed} och försök igen. "
            "Det som inte hann sparas har inte ändrats; det som sparats tidigare finns kvar.",
            f"The disk is full{free_en}. Free at least {needed} and try again. "
            "What could not be saved was not changed; what was saved before is kept.",
        )
    )


def damaged_while_working(where: str) -> DatabaseDamagedError:
    shown = f" {where}" if where else ""
    return DatabaseDamagedError(
        Message(
            f"Databasen{shown} är skadad; det som inte hann sparas har inte ändrats. Avsluta och starta programmet "
            "igen: då kontrolleras databasen och den senaste fungerande säkerhetskopian erbjuds.",
            f"The database{shown} is damaged; what could not be saved was not changed. Quit and start the program "
            "again: the database is then checked and the newest good backup offered.",
        )
    )


def read_only(folder: Path | None) -> ReadOnlyError:
    shown_sv, shown_en = (f"Mappen {folder}", f"The folder {folder}") if folder else ("Mappen", "The folder")
    return ReadOnlyError(
        Message(
            f"{shown_sv} är skrivskyddad, så inget kan sparas där. Be IT om skrivrättigheter eller välj en "
            "annan mapp med --data-dir. Inget har ändrats.",
            f"{shown_en} is read-only, so nothing can be saved there. Ask IT for write access or choose "
            "another folder with --data-dir. Nothing was changed.",
        )
    )


def known_failure(error: BaseException, database: Path | None, folder: Path | None = None) -> ReviewerError | None:
    """The plain message for a failure of the database or its disk, or None when it is none of those."""
    where = folder or (database.parent if database is not None else None)
    for cause in causes(error):
        if isinstance(cause, ReviewerError):
            return cause
        if isinstance(cause, sqlite3.Error):
            code = getattr(cause, "sqlite_errorcode", -1) & 0xFF
            text = str(cause).lower()
            if code in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text:
                return in_use(str(database or where or ""))
            if code == SQLITE_FULL or "disk is full" in text or (code == SQLITE_IOERR and _nearly_full(where)):
                return disk_full(where, database)
            if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
                return damaged_while_working(str(database or ""))
            if code == SQLITE_READONLY or "readonly database" in text:
                return read_only(where)
        if isinstance(cause, OSError):
            if cause.errno in (errno.ENOSPC, errno.EDQUOT):
                return disk_full(where, database)
            if cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return read_only(Path(cause.filename).parent if cause.filename else where)
    return None
