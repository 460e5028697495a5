"""Opening the database safely: look first (read-only), back up, migrate, then connect for real.

The order matters for the promise that a bad or newer database is left untouched: nothing that could write to the
file (not even switching it to WAL mode) happens before the read-only checks have passed.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session

from reviewer.domain.text import Message, ReviewerError

log = logging.getLogger(__name__)

KEEP_AUTOMATIC_BACKUPS = 10

# The newest migration. Starting the program needs only this, not Alembic itself (which costs a tenth of a second
# to import); Alembic is loaded when a migration is due. A test checks it against the migrations folder.
HEAD_REVISION = "0002"

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


class DatabaseError(ReviewerError):
    pass


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("reviewer.storage") / "migrations"))
    return config


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def sqlite_path(url: sa.URL) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def preflight_sqlite(path: Path) -> str | None:
    """Check an existing SQLite file read-only and return its schema revision; raise if it must not be opened."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            if verdict is None or verdict[0] != "ok":
                raise DatabaseError(
                    Message(
                        f"Databasen {path} är skadad och öppnas inte. Filen har inte ändrats. "
                        "Återställ en säkerhetskopia eller kontakta IT.",
                        f"The database {path} is damaged and was not opened. The file was not changed. "
                        "Restore a backup or contact IT.",
                    )
                )
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            Message(
                f"Filen {path} är ingen läsbar databas för granskningar ({exc}). Filen har inte ändrats.",
                f"The file {path} is not a readable review database ({exc}). The file was not changed.",
            )
        ) from None
    if tables - {"sqlite_sequence"}:
        raise DatabaseError(
            Message(
                f"Filen {path} är en SQLite-databas men inte en granskningsdatabas. Filen har inte ändrats.",
                f"The file {path} is an SQLite database but not a review database. The file was not changed.",
            )
        )
    return None


def refuse_unknown_revision(revision: str | None, where: str) -> None:
    if revision is None or revision == HEAD_REVISION:
        return
    from alembic.util import CommandError

    try:
        known = _script().get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise DatabaseError(
            Message(
                f"Databasen {where} är skapad av en nyare version av programmet (schema {revision}). "
                "Uppdatera programmet; databasen har inte ändrats.",
                f"The database {where} was made by a newer version of the program (schema {revision}). "
                "Update the program; the database was not changed.",
            )
        )


def backup_sqlite(path: Path, backup_dir: Path, reason: str) -> Path:
    """A consistent copy through SQLite's backup API, safe while another connection is open."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}-{stamp}-{reason}.sqlite"
    with (
        closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(target)) as dest,
    ):
        source.backup(dest)
    log.info("backup written: %s", target.name)
    return target


def prune_backups(backup_dir: Path, reason: str, keep: int = KEEP_AUTOMATIC_BACKUPS) -> None:
    copies = sorted(backup_dir.glob(f"*-{reason}.sqlite"))
    for old in copies[:-keep] if keep else copies:
        old.unlink()


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str | sa.URL) -> sa.Engine:
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def schema_state(engine: sa.Engine) -> SchemaState:
    with engine.connect() as conn:
        current = None
        if sa.inspect(conn).has_table("alembic_version"):
            current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    return SchemaState(current=current, head=HEAD_REVISION)


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def downgrade(engine: sa.Engine, revision: str) -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


class Database:
    """The application's database: an engine plus the facts needed to back it up."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.file = sqlite_path(engine.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, backup_dir: Path) -> Database:
    """Check, back up when a migration is due, migrate to head, and return the open database."""
    sa_url = sa.make_url(url)
    file = sqlite_path(sa_url)
    if file is not None and file.exists():
        revision = preflight_sqlite(file)
        refuse_unknown_revision(revision, str(file))
        if revision != HEAD_REVISION:
            backup_sqlite(file, backup_dir, "before-migration")
            prune_backups(backup_dir, "before-migration")
    engine = make_engine(sa_url)
    try:
        state = schema_state(engine)
        if file is None:
            refuse_unknown_revision(state.current, sa_url.render_as_string(hide_password=True))
        if not state.up_to_date:
            log.info("migrating database schema from %s to %s", state.current, state.head)
            upgrade(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            Message(
                f"Databasen kan inte öppnas: {exc.orig}",
                f"The database cannot be opened: {exc.orig}",
            )
        ) from None
    except Exception:
        engine.dispose()
        raise
    return Database(engine)
