"""An import is all or nothing even when the process is killed while it writes."""

from __future__ import annotations

import hashlib
import os
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

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
TABLES = ("review_round", "review_case", "review", "answer", "import_record", "audit_event", "checklist_version")


def content(database: Path) -> str:
    """A fingerprint of every row of the tables an import writes to."""
    connection = sqlite3.connect(database)
    try:
        digest = hashlib.sha256()
        for table in TABLES:
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        connection.close()


def test_killing_an_import_while_it_writes_leaves_the_database_as_it_was(tmp_path):
    source = bootstrap(data_dir=tmp_path / "caseworker")
    with source.db.session() as session:
        create_demo_data(session, 1500, 7)
        big = tmp_path / "stor.granskning"
        export_exchange(session, big)
    source.close()
    target = bootstrap(data_dir=tmp_path / "chief")
    database = target.paths.database_file
    target.close()
    before = content(database)
    wal = database.with_name(database.name + "-wal")
    wal_at_start = wal.stat().st_size if wal.exists() else 0

    with subprocess.Popen(
        [sys.executable, "-m", "reviewer", "--data-dir", str(tmp_path / "chief"), "exchange", "import", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    ) as child:
        deadline = time.monotonic() + 120
        killed = False
        while time.monotonic() < deadline and child.poll() is None:
            # The write-ahead log grows only inside the import's transaction: kill it there.
            if wal.exists() and wal.stat().st_size > wal_at_start + 2_000_000:
                child.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.005)
        child.wait(timeout=30)
    assert killed, "the import finished before it could be killed; make the file larger"

    reopened = bootstrap(data_dir=tmp_path / "chief")
    reopened.close()
    assert content(database) == before
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
