"""Opening the database safely: look first (read-only), back up, migrate, then connect for real.

The order matters for the promise that a bad or newer database is left untouched: nothing that could write to the
file (not even switching it to WAL mode) happens before the read-only checks have passed.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import Session

from reviewer.domain.text import Message, ReviewerError
from reviewer.storage.backups import BEFORE_MIGRATION, DEFAULT_KEEP, prune_backups, tighten_database_files, write_backup
from reviewer.storage.failures import DatabaseDamagedError, DatabaseInUseError, ReadOnlyError, known_failure
from reviewer.storage.private import create_private_file, private_folder, sync_folder
from reviewer.storage.write_queue import QueuedConnection, remove_lock_file

log = logging.getLogger(__name__)

# The newest migration. Starting the program needs only this, not Alembic itself (which costs a tenth of a second
# to import); Alembic is loaded when a migration is due. A test checks it against the migrations folder.
HEAD_REVISION = "0006"

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


class DatabaseError(ReviewerError):
    """The database was refused; `recoverable` when restoring a backup is the way out (damaged, unreadable, not a
    review database), not when a newer program made it."""

    def __init__(self, message: Message, recoverable: bool = False) -> None:
        super().__init__(message)
        self.recoverable = recoverable


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


def damaged(path: Path, reason_sv: str, reason_en: str) -> DatabaseError:
    return DatabaseError(
        Message(
            f"Databasen {path} är skadad eller oläsbar ({reason_sv}) och öppnas inte. Filen har inte ändrats. "
            "Återställ en säkerhetskopia (reviewer db restore) eller kontakta IT.",
            f"The database {path} is damaged or unreadable ({reason_en}) and was not opened. The file was not "
            "changed. Restore a backup (reviewer db restore) or contact IT.",
        ),
        recoverable=True,
    )


def needs_check_marker(path: Path) -> Path:
    """Left beside the database when SQLite found a damaged page while working: the next start checks it all."""
    return path.with_name(f".{path.name}.needs-check")


def _header_problem(path: Path) -> tuple[str, str] | None:
    """What SQLite's 100-byte header says is wrong with the file's length, without reading the rest."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
        return None  # not SQLite at all: the connection below says so
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    pages_valid = header[24:28] == header[92:96]
    size = path.stat().st_size
    if size % page_size or (pages_valid and size < pages * page_size):
        return "filen är avkortad", "the file is truncated"
    return None


def preflight_sqlite(path: Path, thorough: bool = True) -> str | None:
    """Check an existing SQLite file read-only and return its schema revision; raise if it must not be opened.

    A zero-length file is refused like a damaged one: SQLite would take it for a new database, and making it one
    would hide that the real one was lost. `thorough` adds `PRAGMA quick_check`, which reads every page (seconds on
    a large database, see backup_100k in docs/benchmarks.md); without it the header, the file's length, the schema
    and the revision are checked, in milliseconds.
    """
    try:
        if path.is_dir():
            raise damaged(path, "en mapp, ingen fil", "a folder, not a file")
        if path.stat().st_size == 0:
            raise damaged(path, "filen är tom", "the file is empty")
        problem = _header_problem(path)
        if problem is not None:
            raise damaged(path, *problem)
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            conn.execute("PRAGMA schema_version").fetchone()
            if thorough or needs_check_marker(path).exists():
                verdict = conn.execute("PRAGMA quick_check").fetchone()
                if verdict is None or verdict[0] != "ok":
                    raise damaged(path, "integritetskontrollen misslyckades", "the integrity check failed")
                needs_check_marker(path).unlink(missing_ok=True)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                return str(row[0]) if row else None
    except (sqlite3.DatabaseError, OSError) as exc:
        known = known_failure(exc, path)
        if isinstance(known, DatabaseInUseError | ReadOnlyError):
            raise known from None
        if isinstance(exc, OSError):
            reason = exc.strerror or type(exc).__name__
            raise damaged(path, reason, reason) from None
        raise DatabaseError(
            Message(
                f"Filen {path} är ingen läsbar databas för granskningar ({exc}). Filen har inte ändrats. "
                "Återställ en säkerhetskopia (reviewer db restore) eller kontakta IT.",
                f"The file {path} is not a readable review database ({exc}). The file was not changed. "
                "Restore a backup (reviewer db restore) or contact IT.",
            ),
            recoverable=True,
        ) from None
    if tables - {"sqlite_sequence"}:
        raise DatabaseError(
            Message(
                f"Filen {path} är en SQLite-databas men inte en granskningsdatabas. Filen har inte ändrats.",
                f"The file {path} is an SQLite database but not a review database. The file was not changed.",
            ),
            recoverable=True,
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


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str | sa.URL, queued: bool = True) -> sa.Engine:
    """The engine never puts a statement's parameters in an error: they are case data. Writers to a SQLite file
    take turns (`storage.write_queue`) unless `queued` is off (a file only this process knows yet)."""
    url = sa.make_url(url)
    connect_args = {"factory": QueuedConnection} if queued and sqlite_path(url) is not None else {}
    engine = sa.create_engine(url, hide_parameters=True, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _set_sqlite_pragmas)
        sa.event.listen(engine, "handle_error", _plain_failure(sqlite_path(engine.url)))
    return engine


def _plain_failure(file: Path | None) -> Callable[[sa.engine.ExceptionContext], None]:
    """A lock held elsewhere, a full disk or a read-only folder reaches every caller (the form's autosave, an
    import, a command) as the plain message, in place of the driver's error with its statement."""

    def handle(context: sa.engine.ExceptionContext) -> None:
        known = known_failure(context.original_exception, file)
        if isinstance(known, DatabaseDamagedError) and file is not None:
            with suppress(OSError):
                needs_check_marker(file).touch()
        if known is not None:
            raise known from None

    return handle


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

    def __init__(self, engine: sa.Engine, created: bool = False) -> None:
        self.engine = engine
        self.file = sqlite_path(engine.url)
        self.created = created

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine) as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
        if self.file is not None:
            remove_lock_file(self.file)


def _create_sqlite(file: Path) -> None:
    """A new database is built under a hidden name and renamed when migrated: a start killed half-way leaves no
    half-made (or zero-length) database behind, and the file is private from its first byte."""
    private_folder(file.parent)
    for leftover in file.parent.glob(f".{file.name}.new-*"):
        leftover.unlink(missing_ok=True)
    partial = file.with_name(f".{file.name}.new-{os.getpid()}")
    create_private_file(partial)
    engine = make_engine(sa.URL.create("sqlite", database=str(partial)), queued=False)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    os.replace(partial, file)
    sync_folder(file.parent)


def open_database(url: str, backup_dir: Path, keep_backups: int = DEFAULT_KEEP, thorough: bool = True) -> Database:
    """Check, back up when a migration is due, migrate to head, and return the open database.

    `thorough` reads every page before opening (quick_check); bootstrap asks for it once a day, before the daily
    backup, so a damaged database is never copied over the good backups. A migration always checks thoroughly."""
    sa_url = sa.make_url(url)
    file = sqlite_path(sa_url)
    created = False
    try:
        if file is not None and (file.exists() or file.is_symlink()):
            tighten_database_files(file)
            revision = preflight_sqlite(file, thorough)
            refuse_unknown_revision(revision, str(file))
            if revision != HEAD_REVISION:
                if not thorough:
                    preflight_sqlite(file, thorough=True)
                write_backup(file, backup_dir, BEFORE_MIGRATION)
                prune_backups(backup_dir, BEFORE_MIGRATION, keep_backups)
        elif file is not None:
            log.info("creating a new database")
            _create_sqlite(file)
            created = True
    except (sqlite3.Error, OSError) as exc:
        raise known_failure(exc, file) or exc from None
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
        known = known_failure(exc, file)
        if known is not None:
            raise known from None
        raise DatabaseError(
            Message(
                f"Databasen kan inte öppnas: {exc.orig}",
                f"The database cannot be opened: {exc.orig}",
            )
        ) from None
    except Exception:
        engine.dispose()
        raise
    return Database(engine, created)
