"""Files the program keeps for itself are private to the user: 0600 in folders 0700, whatever the umask.

SQLite gives a database's WAL, shared-memory and journal files the database file's own mode, so creating the
database file privately is what makes those private too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
POSIX = os.name == "posix"


def private_folder(folder: Path) -> Path:
    """Create the folder (and missing parents) and make it 0700; a folder of the program's own only."""
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    tighten(folder, FOLDER_MODE)
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty file that only the user can read, failing if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    tighten(path, FILE_MODE)


def open_private(path: Path, flags: int) -> int:
    """os.open with the private mode for a file it creates (the mode argument is filtered by the umask)."""
    fd = os.open(path, flags, FILE_MODE)
    if POSIX:
        os.fchmod(fd, FILE_MODE)
    return fd


def tighten(path: Path, mode: int) -> None:
    """Take group and other rights away from a file or folder the program made earlier or SQLite made."""
    if not POSIX:
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current != mode:
            path.chmod(mode)
    except FileNotFoundError:
        pass


def sync_folder(folder: Path) -> None:
    """Make a rename in the folder durable (POSIX; Windows has no directory handles for this)."""
    if not POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
