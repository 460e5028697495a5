"""Writers to one SQLite file take turns through a lock file; lost races are tried again; neither hides a real
failure."""

from __future__ import annotations

import os
import threading
import time

import pytest
import sqlalchemy as sa

from reviewer.storage import retry, write_queue
from reviewer.storage.database import make_engine
from reviewer.storage.failures import DatabaseInUseError, in_use

fcntl = pytest.importorskip("fcntl")


def _taken(lock) -> bool:
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'r.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    yield engine
    engine.dispose()


def test_a_writer_waits_for_the_turn_of_another_and_readers_do_not(engine, tmp_path):
    lock = write_queue.lock_file(tmp_path / "r.sqlite")
    first = engine.connect()
    first.begin()
    first.exec_driver_sql("INSERT INTO t VALUES (1)")
    assert _taken(lock), "the first write of a transaction takes the turn"
    with engine.connect() as reader:
        assert reader.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0, "a reader does not queue"

    done = []

    def second_writer():
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO t VALUES (2)")
        done.append(time.monotonic())

    thread = threading.Thread(target=second_writer)
    thread.start()
    time.sleep(0.3)
    assert done == [], "the second writer waits while the first holds its turn"
    released = time.monotonic()
    first.commit()
    first.close()
    thread.join(timeout=10)
    assert done and done[0] >= released
    assert not _taken(lock), "the turn ends with the transaction"
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 2


def test_the_lock_file_goes_when_the_database_is_closed(tmp_path):
    from reviewer.storage.database import Database

    db = Database(make_engine(f"sqlite:///{tmp_path / 'r.sqlite'}"))
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    assert write_queue.lock_file(tmp_path / "r.sqlite").exists()
    db.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.sqlite"]


class _Deadlock(Exception):
    sqlstate = "40P01"


def test_a_lost_race_is_tried_again_and_an_argument_is_not(engine):
    from sqlmodel import Session

    attempts = []

    def work():
        attempts.append(1)
        if len(attempts) < 3:
            raise sa.exc.OperationalError("UPDATE", {}, _Deadlock())
        return "done"

    with Session(engine) as session:
        assert retry.retrying(session, work) == "done"
        assert len(attempts) == 3
        with pytest.raises(ValueError, match="no"):
            retry.retrying(session, lambda: (_ for _ in ()).throw(ValueError("no")))
    assert retry.lost_race(in_use("r.sqlite"))
    assert not retry.lost_race(ValueError())


def test_a_lock_held_by_another_program_still_ends_in_the_plain_message(engine, tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.setattr(retry, "WINDOW_SECONDS", 0.5)
    holder = sqlite3.connect(tmp_path / "r.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        from sqlmodel import Session

        def work():
            session.execute(sa.text("INSERT INTO t VALUES (3)"))
            session.commit()

        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA busy_timeout=200")
        with Session(engine) as session, pytest.raises(DatabaseInUseError):
            retry.retrying(session, work, window=0.5)
    finally:
        holder.rollback()
        holder.close()
