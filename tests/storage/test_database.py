import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel, select

from reviewer.storage import database
from reviewer.storage.database import DatabaseError, make_engine, open_database
from reviewer.storage.failures import DatabaseDamagedError
from reviewer.storage.models import ChecklistVersion


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(database._alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_new_database_is_migrated_to_head_in_wal_mode_with_foreign_keys(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'r.sqlite'}", tmp_path / "backups")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert database.schema_state(db.engine).up_to_date
    assert not list((tmp_path / "backups").glob("*")), "a new database needs no backup"
    db.dispose()


def test_migrations_create_exactly_the_models(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'r.sqlite'}")
    database.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []
    engine.dispose()


def test_stairway_every_revision_upgrades_downgrades_and_upgrades_again(tmp_path):
    """Catches a downgrade that forgets something and an upgrade that cannot run twice."""
    engine = make_engine(f"sqlite:///{tmp_path / 'r.sqlite'}")
    previous = "base"
    for revision in revisions_oldest_first():
        database.upgrade(engine, revision)
        database.downgrade(engine, previous)
        database.upgrade(engine, revision)
        previous = revision
    assert database.schema_state(engine).up_to_date
    engine.dispose()


def test_data_survives_reopening(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.sqlite'}"
    db = open_database(url, tmp_path / "b")
    with db.session() as session:
        session.add(ChecklistVersion(slug="x", version=1, area="annat", title="X", definition_json="{}", sha256="0"))
        session.commit()
    db.dispose()
    db = open_database(url, tmp_path / "b")
    with db.session() as session:
        assert session.exec(select(ChecklistVersion.slug)).all() == ["x"]
    db.dispose()


def test_pending_migration_makes_a_backup_first(tmp_path):
    path = tmp_path / "r.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    database.upgrade(engine)
    database.downgrade(engine, "base")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE keepsake (note TEXT)")
        conn.exec_driver_sql("INSERT INTO keepsake VALUES ('före migreringen')")
    engine.dispose()
    db = open_database(f"sqlite:///{path}", tmp_path / "backups")
    backups = list((tmp_path / "backups").glob("*-before-migration.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT note FROM keepsake").fetchone() == ("före migreringen",)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'review'").fetchone() is None
    assert database.schema_state(db.engine).up_to_date
    db.dispose()


def test_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "r.sqlite"
    path.write_bytes(b"Detta \xe4r ett Word-dokument, ingen databas." * 100)
    before = digest(path)
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}", tmp_path / "b")
    assert "ingen läsbar databas" in info.value.text("sv")
    assert "not a readable review database" in info.value.text("en")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]


def test_corrupt_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "r.sqlite"
    db = open_database(f"sqlite:///{path}", tmp_path / "b")
    with db.session() as session:
        for i in range(300):
            session.add(
                ChecklistVersion(
                    slug=f"s{i}", version=1, area="annat", title="T" * 200, definition_json="x" * 500, sha256="0"
                )
            )
        session.commit()
    db.dispose()
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(raw), page * 12)):
        raw[offset] = 0x5A
    path.write_bytes(bytes(raw))
    before = digest(path)
    with pytest.raises(DatabaseError):
        open_database(f"sqlite:///{path}", tmp_path / "b")
    assert digest(path) == before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: path.write_bytes(b""), "filen är tom"),
        (lambda path: path.mkdir(), "en mapp"),
    ],
    ids=["zero-length", "a-folder"],
)
def test_an_empty_or_unreadable_file_is_refused_like_a_damaged_one(tmp_path, make, reason):
    """SQLite would take a zero-length file for a new database; making it one would hide that the data was lost."""
    path = tmp_path / "r.sqlite"
    make(path)
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}", tmp_path / "b")
    assert reason in info.value.text("sv")
    assert "damaged or unreadable" in info.value.text("en")
    assert info.value.recoverable
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]
    if path.is_file():
        assert path.stat().st_size == 0


def test_a_truncated_database_is_refused_as_damaged(tmp_path):
    path = tmp_path / "r.sqlite"
    db = open_database(f"sqlite:///{path}", tmp_path / "b")
    with db.session() as session:
        for i in range(200):
            session.add(
                ChecklistVersion(
                    slug=f"s{i}", version=1, area="annat", title="T", definition_json="x" * 900, sha256="0"
                )
            )
        session.commit()
    db.dispose()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}", tmp_path / "b")
    assert info.value.recoverable


def test_a_new_database_is_made_whole_under_another_name_and_renamed(tmp_path):
    """A first start killed half-way must not leave a zero-length or half-migrated reviewer.sqlite behind."""
    path = tmp_path / "r.sqlite"
    (tmp_path / ".r.sqlite.new-12345").write_bytes(b"left by a killed start")
    db = open_database(f"sqlite:///{path}", tmp_path / "b")
    assert db.created
    db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]
    db = open_database(f"sqlite:///{path}", tmp_path / "b")
    assert not db.created and database.schema_state(db.engine).up_to_date
    db.dispose()


def test_sqlite_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    before = digest(path)
    with pytest.raises(DatabaseError, match="not a review database"):
        open_database(f"sqlite:///{path}", tmp_path / "b")
    assert digest(path) == before


def test_database_from_a_newer_version_is_refused_and_untouched(tmp_path):
    path = tmp_path / "r.sqlite"
    open_database(f"sqlite:///{path}", tmp_path / "b").dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(path)
    with pytest.raises(DatabaseError) as info:
        open_database(f"sqlite:///{path}", tmp_path / "b")
    assert "nyare version av programmet" in info.value.text("sv")
    assert "newer version" in info.value.text("en")
    assert digest(path) == before
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())


def test_timestamps_come_back_timezone_aware_utc(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'r.sqlite'}", tmp_path / "b")
    stockholm = timezone(timedelta(hours=1))
    with db.session() as session:
        session.add(
            ChecklistVersion(
                slug="x",
                version=1,
                area="annat",
                title="X",
                definition_json="{}",
                sha256="0",
                published_at=datetime(2026, 1, 1, 12, 0, tzinfo=stockholm),
            )
        )
        session.commit()
    with db.session() as session:
        row = session.exec(select(ChecklistVersion)).one()
        assert row.created_at.tzinfo is not None
        assert row.published_at == datetime(2026, 1, 1, 11, 0, tzinfo=UTC)
    db.dispose()


def test_naive_timestamps_are_refused(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'r.sqlite'}", tmp_path / "b")
    with db.session() as session:
        session.add(
            ChecklistVersion(
                slug="x",
                version=1,
                area="annat",
                title="X",
                definition_json="{}",
                sha256="0",
                published_at=datetime(2026, 1, 1, 12, 0),
            )
        )
        with pytest.raises(sa.exc.StatementError, match="naive"):
            session.commit()
    db.dispose()


@pytest.mark.postgres
def test_migrations_on_postgresql(postgres_url):
    engine = make_engine(postgres_url)
    database.downgrade(engine, "base")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    db = open_database(postgres_url, Path("/nonexistent-backups-unused-for-postgresql"))
    assert database.schema_state(db.engine).up_to_date
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), SQLModel.metadata) == []
    previous = "base"
    for revision in revisions_oldest_first():
        database.downgrade(db.engine, previous)
        database.upgrade(db.engine, revision)
        previous = revision
    db.dispose()
    engine.dispose()


def test_head_revision_constant_matches_the_migrations():
    script = ScriptDirectory.from_config(database._alembic_config())
    assert script.get_current_head() == database.HEAD_REVISION, "update HEAD_REVISION with a new migration"


def test_a_damaged_page_met_while_working_is_said_plainly_and_checked_at_the_next_start(tmp_path):
    """Other starts check only the file's shape; a page SQLite finds damaged makes the next start read them all."""
    path = tmp_path / "r.sqlite"
    db = open_database(f"sqlite:///{path}", tmp_path / "b")
    with db.session() as session:
        for i in range(300):
            session.add(
                ChecklistVersion(
                    slug=f"s{i}", version=1, area="annat", title="T", definition_json="x" * 900, sha256="0"
                )
            )
        session.commit()
    db.dispose()
    raw = bytearray(path.read_bytes())
    raw[len(raw) - 4096 * 8 : len(raw) - 4096 * 2] = b"\x5a" * (4096 * 6)
    path.write_bytes(bytes(raw))
    db = open_database(f"sqlite:///{path}", tmp_path / "b", thorough=False)
    with pytest.raises(DatabaseDamagedError) as info, db.session() as session:
        session.exec(select(ChecklistVersion.definition_json)).all()
    db.dispose()
    assert "Avsluta och starta programmet igen" in info.value.text("sv")
    assert database.needs_check_marker(path).exists()
    with pytest.raises(DatabaseError) as again:
        open_database(f"sqlite:///{path}", tmp_path / "b", thorough=False)
    assert again.value.recoverable, "refused like a damaged database, with the recovery dialog offered"
