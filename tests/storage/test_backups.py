import os
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.services.demo import create_demo_data
from reviewer.storage import backups
from reviewer.storage.backups import BEFORE_MIGRATION, DAILY, MANUAL, list_backups, prune_backups, write_backup
from reviewer.storage.database import DatabaseError
from reviewer.storage.failures import DatabaseInUseError
from reviewer.storage.restore import check_backup, newest_good_backup, restore_backup


def rows(path: Path, table: str = "review_round") -> int:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture
def filled(app):
    """A database with three demo rounds (the app stays open, as the program would)."""
    with app.db.session() as session:
        create_demo_data(session, 5, 1)
    return app


def add_round(app, name: str) -> None:
    from reviewer.services.checklists import get_version
    from reviewer.services.rounds import create_round

    with app.db.session() as session:
        create_round(session, name, get_version(session, "missbruk", None), "2026")


def test_a_backup_is_consistent_while_another_connection_is_writing(filled, tmp_path):
    writer = sqlite3.connect(filled.paths.database_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM answer_count")
    writer.execute("UPDATE review_round SET name = name || ' (half-way)'")
    target = write_backup(filled.paths.database_file, tmp_path / "b", MANUAL)
    writer.execute("ROLLBACK")
    writer.close()
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM review_round WHERE name LIKE '%half-way%'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM answer_count").fetchone()[0] > 0
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",), "one self-contained file"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_backups_are_listed_newest_first_with_size_and_counts(filled, tmp_path):
    folder = tmp_path / "b"
    moments = iter([datetime(2026, 3, 1, 8, tzinfo=UTC), datetime(2026, 3, 2, 8, tzinfo=UTC)])
    first = write_backup(filled.paths.database_file, folder, DAILY, now=lambda: next(moments))
    add_round(filled, "Efter första kopian")
    second = write_backup(filled.paths.database_file, folder, MANUAL, now=lambda: next(moments))
    (folder / "notes.txt").write_text("not a backup")
    (folder / "reviewer-20260303T080000000000Z-daily.sqlite").write_bytes(b"garbage, not sqlite" * 10)
    listed = list_backups(folder)
    assert [info.path.name for info in listed] == [
        "reviewer-20260303T080000000000Z-daily.sqlite",
        second.name,
        first.name,
    ]
    garbage, newest, oldest = listed
    assert not garbage.readable and garbage.rounds is None
    assert (newest.reason, newest.rounds, oldest.rounds) == (MANUAL, 4, 3)
    assert newest.cases == oldest.cases == 15 and newest.reviews == 15
    assert newest.size == second.stat().st_size
    assert newest.created == datetime(2026, 3, 2, 8, tzinfo=UTC)


def test_only_the_newest_automatic_backups_of_a_kind_are_kept_and_manual_ones_never_pruned(filled, tmp_path):
    folder = tmp_path / "b"
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for day in range(6):
        write_backup(filled.paths.database_file, folder, DAILY, now=lambda d=day: start + timedelta(days=d))
        write_backup(filled.paths.database_file, folder, MANUAL, now=lambda d=day: start + timedelta(days=d))
    write_backup(filled.paths.database_file, folder, BEFORE_MIGRATION, now=lambda: start)
    prune_backups(folder, DAILY, keep=2)
    prune_backups(folder, MANUAL, keep=2)
    listed = list_backups(folder)
    assert [i.created.day for i in listed if i.reason == DAILY] == [6, 5]
    assert len([i for i in listed if i.reason == MANUAL]) == 6
    assert len([i for i in listed if i.reason == BEFORE_MIGRATION]) == 1


def test_a_daily_backup_is_due_until_one_is_dated_today(tmp_path, filled):
    folder = tmp_path / "b"
    folder.mkdir()
    today = datetime.now().astimezone()
    assert backups.daily_backup_due(folder, today.date())
    write_backup(filled.paths.database_file, folder, DAILY, now=lambda: today - timedelta(days=1))
    assert backups.daily_backup_due(folder, today.date())
    write_backup(filled.paths.database_file, folder, DAILY, now=lambda: today)
    assert not backups.daily_backup_due(folder, today.date())
    assert backups.daily_backup_due(folder, date(2099, 1, 1))


def test_the_first_start_of_a_day_makes_one_backup_and_a_new_database_none(data_dir):
    bootstrap(data_dir=data_dir).close()
    assert list_backups(data_dir / "backups") == [], "a database made by this start has nothing to protect"
    bootstrap(data_dir=data_dir).close()
    bootstrap(data_dir=data_dir).close()
    assert [info.reason for info in list_backups(data_dir / "backups")] == [DAILY]


def test_a_partial_copy_left_by_a_killed_backup_is_not_listed_and_is_removed(filled, tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    partial = folder / ".reviewer-20260101T000000000000Z-manual.sqlite.partial"
    partial.write_bytes(b"half a copy")
    assert list_backups(folder) == []
    backups.remove_leftovers(folder)
    assert list(folder.iterdir()) == []


def test_check_refuses_what_is_not_a_good_backup(tmp_path, filled):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"x" * 5000)
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    blank = tmp_path / "blank.sqlite"
    with closing(sqlite3.connect(blank)) as conn:
        conn.execute("PRAGMA user_version = 1")
    newer = write_backup(filled.paths.database_file, tmp_path / "b", MANUAL)
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.commit()
    expected = {
        tmp_path / "missing.sqlite": "finns inte",
        garbage: "ingen läsbar databas",
        empty: "filen är tom",
        other: "inte en granskningsdatabas",
        blank: "ingen säkerhetskopia av en granskningsdatabas",
        newer: "nyare version",
    }
    for path, words in expected.items():
        with pytest.raises(DatabaseError) as info:
            check_backup(path)
        assert words in info.value.text("sv"), path


def test_restore_replaces_the_database_and_keeps_the_current_one_with_its_wal(filled, tmp_path):
    database = filled.paths.database_file
    old = write_backup(database, filled.paths.backup_dir, MANUAL)
    add_round(filled, "Bara i den nuvarande")
    filled.db.dispose()
    wal = database.with_name(database.name + "-wal")
    kept = restore_backup(old, database, filled.paths.backup_dir)
    assert kept is not None and kept.name.endswith("-before-restore.sqlite")
    assert not wal.exists()
    assert rows(database) == 3
    assert rows(kept) == 4, "the round that lived in the WAL is in the kept copy"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert [p.name for p in database.parent.iterdir() if p.name.startswith(".")] == []
    again = bootstrap(data_dir=filled.paths.data_dir)
    with again.db.session() as session:
        from reviewer.services.rounds import list_rounds

        assert len(list_rounds(session)) == 3
    again.close()


def test_restore_over_a_damaged_database_keeps_the_damaged_file_for_it(filled, tmp_path):
    database = filled.paths.database_file
    good = write_backup(database, filled.paths.backup_dir, MANUAL)
    filled.db.dispose()
    database.write_bytes(b"\0" * 8192)
    kept = restore_backup(good, database, filled.paths.backup_dir)
    assert kept is not None and kept.parent.name == "damaged"
    assert kept.read_bytes() == b"\0" * 8192
    assert rows(database) == 3


def test_restore_is_refused_while_another_program_has_the_database_open(filled, tmp_path):
    database = filled.paths.database_file
    good = write_backup(database, filled.paths.backup_dir, MANUAL)
    add_round(filled, "Nyare")
    before = rows(database)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(database)!r}); c.execute('SELECT 1 FROM review_round').fetchall()\n"
            "print('open', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        filled.db.dispose()
        with pytest.raises(DatabaseInUseError) as info:
            restore_backup(good, database, filled.paths.backup_dir)
    finally:
        holder.kill()
        holder.communicate()
    assert "används av ett annat program" in info.value.text("sv")
    assert rows(database) == before
    assert [i.reason for i in list_backups(filled.paths.backup_dir)] == [MANUAL]


def test_the_newest_good_backup_skips_a_damaged_newer_one(filled):
    folder = filled.paths.backup_dir
    good = write_backup(filled.paths.database_file, folder, MANUAL)
    bad = folder / "reviewer-29990101T000000000000Z-daily.sqlite"
    bad.write_bytes(good.read_bytes()[:4096])
    found = newest_good_backup(folder)
    assert found is not None and found.path == good
    assert newest_good_backup(folder / "none") is None


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_backups_are_private_whatever_the_umask(filled, tmp_path):
    previous = os.umask(0)
    try:
        target = write_backup(filled.paths.database_file, tmp_path / "open-umask" / "b", MANUAL)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
