"""Builds paths, logging and the database in one place, from explicit arguments, and hands them down.

Nothing here runs at import time. `--data-dir` (or REVIEWER_DATA_DIR) moves every file the program writes, which is
what keeps tests and demos away from a real user's data.
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
import sqlalchemy as sa

from reviewer.domain.text import Message, ReviewerError
from reviewer.services.checklists import ensure_builtins
from reviewer.services.lexicon import ensure_builtin as ensure_builtin_lexicon
from reviewer.services.maintenance import daily_backup
from reviewer.services.settings import load_settings
from reviewer.storage.backups import daily_backup_due, remove_leftovers
from reviewer.storage.database import Database, open_database, sqlite_path
from reviewer.storage.failures import read_only
from reviewer.storage.private import open_private, private_folder
from reviewer.storage.restore import remove_restore_leftovers

APP_NAME = "reviewer"
DATABASE_FILE = "reviewer.sqlite"
ENV_DATA_DIR = "REVIEWER_DATA_DIR"
ENV_DATABASE_URL = "REVIEWER_DATABASE_URL"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path
    backup_dir: Path

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @classmethod
    def resolve(cls, data_dir: Path | None = None, environ: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if environ is None else environ
        chosen = data_dir or (Path(env[ENV_DATA_DIR]) if env.get(ENV_DATA_DIR) else None)
        if chosen is not None:
            root = chosen.expanduser().absolute()
            return cls(root, root / "config", root / "logs", root / "backups")
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        return cls(
            data_dir=data,
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            backup_dir=data / "backups",
        )

    def create(self) -> None:
        """The program's folders, private to the user (0700), each checked to be writable."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            try:
                private_folder(folder)
                probe = folder / ".write-test"
                os.close(open_private(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC))
                probe.unlink()
            except OSError as exc:
                if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                    raise read_only(folder) from None
                raise ReviewerError(
                    Message(
                        f"Mappen {folder} kan inte användas ({exc.strerror}). Välj en annan mapp med --data-dir "
                        "eller be IT om skrivrättigheter.",
                        f"The folder {folder} cannot be used ({exc.strerror}). Choose another folder with "
                        "--data-dir or ask IT for write access.",
                    )
                ) from None


@dataclass
class App:
    """Everything a front end (GUI or CLI) needs, built once and passed down."""

    paths: AppPaths
    database_url: str
    db: Database
    log_handler: logging.Handler
    warnings: list[Message] = field(default_factory=list)

    def close(self) -> None:
        self.db.dispose()
        release_logging(self.log_handler)


def database_url_for(paths: AppPaths, database_url: str | None, environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return database_url or env.get(ENV_DATABASE_URL) or f"sqlite:///{paths.database_file}"


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The rotating log, created 0600; a log that cannot be written (a full disk) stays silent instead of printing
    a traceback to the terminal."""

    def _open(self):  # type: ignore[no-untyped-def]  # the base class leaves it untyped
        fd = open_private(Path(self.baseFilename), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        return


class PrivateFormatter(logging.Formatter):
    """Tracebacks keep where it happened and what kind of error, not the error's own text or the source lines: they
    may quote a value (a case code, a note) that must not reach the log."""

    def formatException(self, ei: Any) -> str:
        _type, error, tb = ei
        lines = ["Traceback (most recent call last):"]
        lines += [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in traceback.extract_tb(tb)]
        chain: list[str] = []
        current = error
        while current is not None and len(chain) < 10:
            chain.append(f"{type(current).__module__}.{type(current).__qualname__}")
            current = current.__cause__ or current.__context__
        lines.append(" <- ".join(chain) + " (the message is not logged: it may hold case data)")
        return "\n".join(lines)


def configure_logging(paths: AppPaths) -> logging.Handler:
    """A rotating log file; only program events are logged, never case data or free text."""
    handler = PrivateLogHandler(paths.log_dir / "reviewer.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("reviewer")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def release_logging(handler: logging.Handler) -> None:
    logging.getLogger("reviewer").removeHandler(handler)
    handler.close()


def prepare(
    data_dir: Path | None = None, database_url: str | None = None, environ: Mapping[str, str] | None = None
) -> tuple[AppPaths, str, logging.Handler]:
    """Folders and logging, without opening the database: what a restore needs when the database is damaged."""
    paths = AppPaths.resolve(data_dir, environ)
    paths.create()
    handler = configure_logging(paths)
    return paths, database_url_for(paths, database_url, environ), handler


def bootstrap(
    data_dir: Path | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> App:
    """Folders, logging, the database checked, migrated and opened, and the first start of a day backed up."""
    paths, url, handler = prepare(data_dir, database_url, environ)
    keep = load_settings(paths.config_dir).backups_kept
    try:
        file = sqlite_path(sa.make_url(url))
        if file is not None:
            remove_restore_leftovers(file)
            remove_leftovers(paths.backup_dir)
        # Every page is read once a day, before the daily backup; other starts check the file's shape only.
        db = open_database(url, paths.backup_dir, keep, thorough=daily_backup_due(paths.backup_dir))
        with db.session() as session:
            ensure_builtins(session)
            ensure_builtin_lexicon(session)
        warning = daily_backup(db, paths.backup_dir, keep)
    except BaseException:
        release_logging(handler)
        raise
    return App(paths=paths, database_url=url, db=db, log_handler=handler, warnings=[warning] if warning else [])
