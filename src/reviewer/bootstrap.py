"""Builds paths, logging and the database in one place, from explicit arguments, and hands them down.

Nothing here runs at import time. `--data-dir` (or REVIEWER_DATA_DIR) moves every file the program writes, which is
what keeps tests and demos away from a real user's data.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reviewer.domain.text import Message, ReviewerError
from reviewer.services.checklists import ensure_builtins
from reviewer.storage.database import Database, open_database

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
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                probe = folder / ".write-test"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as exc:
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

    def close(self) -> None:
        self.db.dispose()
        logging.getLogger("reviewer").removeHandler(self.log_handler)
        self.log_handler.close()


def database_url_for(paths: AppPaths, database_url: str | None, environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return database_url or env.get(ENV_DATABASE_URL) or f"sqlite:///{paths.database_file}"


def configure_logging(paths: AppPaths) -> logging.Handler:
    """A rotating log file; only program events are logged, never case data or free text."""
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir / "reviewer.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("reviewer")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def bootstrap(
    data_dir: Path | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> App:
    paths = AppPaths.resolve(data_dir, environ)
    paths.create()
    handler = configure_logging(paths)
    url = database_url_for(paths, database_url, environ)
    try:
        db = open_database(url, paths.backup_dir)
        with db.session() as session:
            ensure_builtins(session)
    except BaseException:
        logging.getLogger("reviewer").removeHandler(handler)
        handler.close()
        raise
    return App(paths=paths, database_url=url, db=db, log_handler=handler)
