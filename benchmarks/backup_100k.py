"""backup_100k: what the start-up checks and the backups cost on a large database – the 100 000-review round of
aggregate_100k (four million answers) – each against the plain file operation it cannot beat.

- the read-only check at every start (`storage.database.preflight_sqlite`: the header, the file's length, the table
  list and the schema revision) against opening the file and reading its schema version, the least any start does;
- the check of every page once a day, before the daily backup (the same with `PRAGMA quick_check`) against reading
  the whole file once;
- the daily (and before-migration) backup through SQLite's backup API (`storage.backups.write_backup`) against
  `shutil.copyfile` of the same file;
- the restore (`storage.restore.restore_backup`: the backup checked, the current database kept as a backup, the
  copy swapped in) against two file copies;
- `reviewer db check`'s full `PRAGMA integrity_check`, against quick_check, for information.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from benchmarks._harness import Result, alternate, progress, timed
from benchmarks.aggregate_100k import REVIEWS, prepare
from reviewer.bootstrap import bootstrap
from reviewer.storage.backups import MANUAL, write_backup
from reviewer.storage.database import preflight_sqlite
from reviewer.storage.restore import restore_backup

NAME = "backup_100k"
DEFAULT_REPEAT = 5
MB = 1_000_000


def read_whole(path: Path) -> None:
    with path.open("rb", buffering=0) as handle:
        while handle.read(1 << 20):
            pass


def schema_version(path: Path) -> None:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        conn.execute("PRAGMA schema_version").fetchone()


def integrity_check(path: Path) -> None:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-backup-") as tmp:
        root = Path(tmp)
        data_dir = root / "data"
        app = bootstrap(data_dir=data_dir)
        try:
            progress(f"{NAME}: writing {REVIEWS} reviews with their answers (not timed)")
            prepare(app)
        finally:
            app.close()
        database = data_dir / "reviewer.sqlite"
        size_mb = database.stat().st_size / MB
        folder = root / "copies"
        progress(f"{NAME}: {repeat} start-up checks and backups of a {size_mb:.0f} MB database, with baselines")
        read_whole(database)  # the same warm page cache for both
        start, start_base = alternate(
            repeat,
            lambda i: timed(lambda: preflight_sqlite(database, thorough=False)),
            lambda i: timed(lambda: schema_version(database)),
        )
        check, check_base = alternate(
            repeat,
            lambda i: timed(lambda: preflight_sqlite(database, thorough=True)),
            lambda i: timed(lambda: read_whole(database)),
        )
        backup, backup_base = alternate(
            repeat,
            lambda i: timed(lambda: write_backup(database, folder / f"b{i}", MANUAL)),
            lambda i: timed(lambda: shutil.copyfile(database, root / f"plain-{i}.sqlite")),
        )
        source = next((folder / "b0").glob("*.sqlite"))

        def restore_once(i: int) -> float:
            return timed(lambda: restore_backup(source, database, folder / f"r{i}"))

        def copy_twice(i: int) -> float:
            return timed(
                lambda: (shutil.copyfile(database, root / f"kept-{i}"), shutil.copyfile(source, root / f"put-{i}"))
            )

        restore, restore_base = alternate(min(repeat, 3), restore_once, copy_twice)
        full = [timed(lambda: integrity_check(database))]
    extra = {"database_mb": round(size_mb, 1)}
    return [
        Result(
            name=f"{NAME}_start_check",
            description=f"the read-only check at every start of a {size_mb:.0f} MB database (header, length, schema)",
            samples=start,
            baseline_samples=start_base,
            baseline="opening the file read-only and reading PRAGMA schema_version",
            max_median=0.05,
            extra=extra,
        ),
        Result(
            name=f"{NAME}_daily_check",
            description="the check of every page (quick_check) at the first start of a day; no target",
            samples=check,
            baseline_samples=check_base,
            baseline="reading the whole file once (1 MB reads, warm cache)",
            extra=extra,
        ),
        Result(
            name=f"{NAME}_backup",
            description="a backup through SQLite's backup API (daily, before a migration, 'reviewer db backup')",
            samples=backup,
            baseline_samples=backup_base,
            baseline="shutil.copyfile of the same file",
            extra=extra,
        ),
        Result(
            name=f"{NAME}_restore",
            description="restore_backup: check the backup, keep the current database as a backup, swap the copy in",
            samples=restore,
            baseline_samples=restore_base,
            baseline="two shutil.copyfile of the same size",
            extra=extra,
        ),
        Result(
            name=f"{NAME}_integrity_check",
            description="'reviewer db check''s full integrity_check, once; no target",
            samples=full,
            baseline_samples=check[:1],
            baseline="quick_check (the start-up check)",
            extra=extra,
        ),
    ]
