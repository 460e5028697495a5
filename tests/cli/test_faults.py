"""Faults end in a plain message and a consistent database: a full disk, a read-only folder, a database locked by
another program, a kill during a backup or a restore, a damaged database at start. No traceback and no case data
reach the terminal or the log."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.services.demo import create_demo_data
from reviewer.services.exchange import export_exchange
from reviewer.storage.backups import list_backups
from reviewer.storage.restore import check_backup
from tests.cli.test_exchange_kill import content
from tests.faults import (
    ROOT,
    assert_nothing_planted,
    cli,
    count,
    fill,
    integrity,
    log_text,
    planted_csv,
    remount,
    small_disk,
)

pytestmark = pytest.mark.slow
ROUND = "Missbruk ZZ"


def disk_full_said(stderr: str) -> None:
    assert "fel: Disken är full" in stderr, stderr
    assert "Frigör minst 20 MB" in stderr, stderr
    assert "det som sparats tidigare finns kvar" in stderr


def healthy(data_dir: Path) -> None:
    check = cli("db", "check", data_dir=data_dir)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "integritet: ok" in check.stdout and "svarsräkningen: stämmer med svaren" in check.stdout


def test_a_full_disk_during_demo_data_changes_nothing(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        assert cli("round", "list", data_dir=data_dir).returncode == 0
        filler = fill(disk, leave=60_000)
        result = cli("demo", "--cases", "300", data_dir=data_dir)
        assert result.returncode == 1
        disk_full_said(result.stderr)
        assert "varning: Dagens säkerhetskopia kunde inte göras: Disken är full" in result.stderr
        filler.unlink()
        assert count(data_dir / "reviewer.sqlite", "review_round") == 0
        assert integrity(data_dir / "reviewer.sqlite") == "ok"
        assert not [p for p in (data_dir / "backups").iterdir() if p.name.startswith(".")], "no partial backup"
        healthy(data_dir)


def test_a_full_disk_during_a_spreadsheet_import_changes_nothing_and_shows_no_case_data(tmp_path):
    sheet = planted_csv(tmp_path / "tidigare.csv", 1500)
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        assert (
            cli("round", "create", ROUND, "--checklist", "missbruk", "--period", "2024", data_dir=data_dir).returncode
            == 0
        )
        filler = fill(disk, leave=150_000)
        result = cli("cases", "import", sheet, "--round", ROUND, data_dir=data_dir)
        assert result.returncode == 1
        disk_full_said(result.stderr)
        filler.unlink()
        assert count(data_dir / "reviewer.sqlite", "review_case") == 0
        assert_nothing_planted(result.stderr, result.stdout, log_text(data_dir))
        healthy(data_dir)


def test_a_full_disk_during_an_exchange_import_changes_nothing(tmp_path):
    source = bootstrap(data_dir=tmp_path / "caseworker")
    with source.db.session() as session:
        create_demo_data(session, 600, 5)
        exchange = tmp_path / "till-chefen.granskning"
        export_exchange(session, exchange)
    source.close()
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "chief"
        assert cli("round", "list", data_dir=data_dir).returncode == 0
        database = data_dir / "reviewer.sqlite"
        before = content(database)
        filler = fill(disk, leave=300_000)
        result = cli("exchange", "import", exchange, data_dir=data_dir)
        assert result.returncode == 1
        disk_full_said(result.stderr)
        filler.unlink()
        assert content(database) == before
        healthy(data_dir)


def test_a_read_only_data_folder_is_said_plainly_and_nothing_is_changed(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        data_dir = disk / "data"
        assert cli("demo", "--cases", "3", data_dir=data_dir).returncode == 0
        before = (data_dir / "reviewer.sqlite").read_bytes()
        remount(disk, "ro")
        try:
            for command in (("round", "list"), ("demo", "--cases", "3"), ("db", "backup")):
                result = cli(*command, data_dir=data_dir)
                assert result.returncode == 1
                assert f"fel: Mappen {data_dir} är skrivskyddad" in result.stderr, result.stderr
                assert "Be IT om skrivrättigheter" in result.stderr
            english = cli("round", "list", data_dir=data_dir, lang="en_GB.UTF-8")
            assert f"error: The folder {data_dir} is read-only" in english.stderr
        finally:
            remount(disk, "rw")
        assert (data_dir / "reviewer.sqlite").read_bytes() == before


def _hold(database: Path, *statements: str) -> subprocess.Popen:
    """Another program holding the database: it runs `statements` and waits until it is killed."""
    code = (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(database)!r}, isolation_level=None)\n"
        + "".join(f"c.execute({s!r}).fetchall()\n" for s in statements)
        + "print('holding', flush=True)\ntime.sleep(120)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def _release(holder: subprocess.Popen) -> None:
    holder.kill()
    holder.communicate()


def test_a_database_locked_by_another_program_is_said_plainly_without_case_data(tmp_path):
    data_dir = tmp_path / "data"
    sheet = planted_csv(tmp_path / "tidigare.csv", 50)
    assert (
        cli("round", "create", ROUND, "--checklist", "missbruk", "--period", "2024", data_dir=data_dir).returncode == 0
    )
    database = data_dir / "reviewer.sqlite"
    holder = _hold(database, "BEGIN IMMEDIATE", "UPDATE review_round SET name = name")
    try:
        result = cli("cases", "import", sheet, "--round", ROUND, data_dir=data_dir)
        restore = cli("db", "restore", next((data_dir / "backups").glob("*.sqlite"), database), data_dir=data_dir)
    finally:
        _release(holder)
    assert result.returncode == 1
    assert "fel: Databasen" in result.stderr and "används av ett annat program" in result.stderr, result.stderr
    assert "Stäng det andra programmet" in result.stderr
    assert restore.returncode == 1
    assert_nothing_planted(result.stderr, log_text(data_dir))
    assert count(database, "review_case") == 0
    healthy(data_dir)


def test_a_database_held_exclusively_at_start_is_said_plainly(tmp_path):
    data_dir = tmp_path / "data"
    assert cli("demo", "--cases", "3", data_dir=data_dir).returncode == 0
    holder = _hold(data_dir / "reviewer.sqlite", "PRAGMA locking_mode=EXCLUSIVE", "BEGIN EXCLUSIVE", "COMMIT")
    try:
        result = cli("round", "list", data_dir=data_dir, lang="en_GB.UTF-8")
    finally:
        _release(holder)
    assert result.returncode == 1
    assert "is in use by another program" in result.stderr and "Close the other program" in result.stderr
    healthy(data_dir)


def test_a_corrupt_database_at_start_names_the_newest_good_backup(tmp_path):
    data_dir = tmp_path / "data"
    assert cli("demo", "--cases", "3", data_dir=data_dir).returncode == 0
    assert cli("db", "backup", data_dir=data_dir).returncode == 0
    newest = list_backups(data_dir / "backups")[0].path
    database = data_dir / "reviewer.sqlite"
    raw = bytearray(database.read_bytes())
    raw[4096 * 2 : 4096 * 6] = b"\x5a" * (4096 * 4)
    database.write_bytes(bytes(raw))
    for daily in (data_dir / "backups").glob("*-daily.sqlite"):
        daily.unlink()  # the first start of a new day, when every page is checked before the daily backup
    result = cli("round", "list", data_dir=data_dir)
    assert result.returncode == 1
    assert "är skadad" in result.stderr or "ingen läsbar databas" in result.stderr, result.stderr
    assert f"reviewer db restore {newest}" in result.stderr
    restored = cli("db", "restore", newest, data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert "Den tidigare databasen finns kvar som" in restored.stdout and "damaged" in restored.stdout
    assert cli("round", "list", data_dir=data_dir).returncode == 0
    healthy(data_dir)


def test_restore_refuses_a_newer_or_foreign_file_and_changes_nothing(tmp_path):
    data_dir = tmp_path / "data"
    assert cli("demo", "--cases", "3", data_dir=data_dir).returncode == 0
    database = data_dir / "reviewer.sqlite"
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(database.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    foreign = tmp_path / "foto.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    before = content(database)
    for candidate, words in ((newer, "nyare version"), (foreign, "inte en granskningsdatabas")):
        result = cli("db", "restore", candidate, data_dir=data_dir)
        assert result.returncode == 1 and words in result.stderr, result.stderr
    assert content(database) == before
    assert [i.reason for i in list_backups(data_dir / "backups")] == []


def test_postgresql_backups_are_left_to_it(postgres_url, tmp_path):
    env_url = ("--database-url", postgres_url)
    result = cli("db", "backup", *env_url, data_dir=tmp_path / "d")
    assert result.returncode == 1 and "pg_dump" in result.stderr
    result = cli("db", "restore", tmp_path / "x.sqlite", *env_url, data_dir=tmp_path / "d")
    assert result.returncode == 1 and "pg_restore" in result.stderr


@pytest.fixture(scope="module")
def large_template(tmp_path_factory):
    """A database large enough that a backup or restore takes long enough to be killed in the middle."""
    folder = tmp_path_factory.mktemp("large") / "data"
    app = bootstrap(data_dir=folder)
    with app.db.session() as session:
        create_demo_data(session, 1000, 9)
    app.close()
    return folder


@pytest.fixture
def large(large_template, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(large_template, target)
    for backup in (target / "backups").iterdir():
        backup.unlink()
    return target


def _kill_when(command: list[str], appears, timeout: float = 120) -> bool:
    """Start `reviewer COMMAND`, SIGKILL it as soon as `appears()` is true; False if it finished first."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen(
        [sys.executable, "-m", "reviewer", *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    ) as child:
        deadline = time.monotonic() + timeout
        while child.poll() is None and time.monotonic() < deadline:
            if appears():
                child.send_signal(signal.SIGKILL)
                child.wait()
                return True
            time.sleep(0.0005)
        child.wait()
    return False


def test_killing_a_backup_leaves_no_half_backup_and_the_database_intact(large):
    backups_dir = large / "backups"
    before = content(large / "reviewer.sqlite")
    killed = _kill_when(["db", "backup", "--data-dir", str(large)], lambda: any(backups_dir.glob(".*.partial")))
    assert killed, "the backup finished before it could be killed"
    assert [info for info in list_backups(backups_dir) if info.reason == "manual"] == []
    assert content(large / "reviewer.sqlite") == before
    healthy(large)
    assert not list(backups_dir.glob(".*")), "the next start removes the partial copy"
    for info in list_backups(backups_dir):
        check_backup(info.path)


@pytest.mark.parametrize("moment", ["keeping the current database", "copying the backup into place"])
def test_killing_a_restore_leaves_either_the_old_or_the_restored_database(large, moment):
    database = large / "reviewer.sqlite"
    assert cli("db", "backup", data_dir=large).returncode == 0
    backup = next(info.path for info in list_backups(large / "backups") if info.reason == "manual")
    old_rounds = count(database, "review_round")
    assert (
        cli("round", "create", "Efter kopian", "--checklist", "missbruk", "--period", "2026", data_dir=large).returncode
        == 0
    )
    assert count(database, "review_round") == old_rounds + 1
    if moment == "keeping the current database":
        appears = lambda: any((large / "backups").glob(".*before-restore*.partial"))  # noqa: E731
    else:
        appears = lambda: any(large.glob(".reviewer.sqlite.restoring-*"))  # noqa: E731
    assert _kill_when(["db", "restore", str(backup), "--data-dir", str(large)], appears), "finished before the kill"
    healthy(large)
    assert count(database, "review_round") in (old_rounds, old_rounds + 1)
    assert not list(large.glob(".reviewer.sqlite.*")), "the next start removes the staged copy"
    again = cli("db", "restore", backup, data_dir=large)
    assert again.returncode == 0, again.stderr
    assert count(database, "review_round") == old_rounds
    healthy(large)
