"""demo_10k: `create_demo_data` for 10 000 completed reviews, against inserting the same answer rows with sqlite3."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from benchmarks._harness import Result, progress, timed
from reviewer.bootstrap import DATABASE_FILE, bootstrap
from reviewer.services.demo import create_demo_data

NAME = "demo_10k"
DEFAULT_REPEAT = 3
CHECKLISTS = 3
CASES_PER_CHECKLIST = 3334  # 3 built-in checklists x 3334 = 10 002 reviews
SEED = 1
ANSWER_COLUMNS = "uuid, review_id, question_key, value_json, value_code, value_number, note, updated_at"


def demo_once(data_dir: Path) -> float:
    """Seconds `create_demo_data` takes in a freshly bootstrapped data folder (the bootstrap is not timed)."""
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            return timed(lambda: create_demo_data(session, cases=CASES_PER_CHECKLIST, seed=SEED))
    finally:
        app.close()


def read_back(database: Path) -> tuple[list[str], list[tuple[object, ...]], int]:
    """The answer table's DDL (table and indexes), its rows in insertion order, and the number of reviews."""
    with closing(sqlite3.connect(database)) as conn:
        ddl = [
            row[0]
            for row in conn.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'answer' AND sql IS NOT NULL ORDER BY type DESC"
            )
        ]
        rows = conn.execute(f"SELECT {ANSWER_COLUMNS} FROM answer ORDER BY id").fetchall()
        reviews = conn.execute("SELECT count(*) FROM review").fetchone()[0]
    return ddl, rows, reviews


def prepare_answer_table(conn: sqlite3.Connection, ddl: list[str]) -> str:
    """An empty answer table of the program's shape, with its journal and sync settings; returns the INSERT."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for statement in ddl:
        conn.execute(statement)
    conn.commit()
    return f"INSERT INTO answer ({ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


def sqlite_insert_once(database: Path, ddl: list[str], rows: list[tuple[object, ...]]) -> float:
    """Seconds plain sqlite3 needs to store `rows` in an answer table of the same shape, with the program's journal
    and sync settings, committing once per checklist as the program does."""
    with closing(sqlite3.connect(database)) as conn:
        insert = prepare_answer_table(conn, ddl)
        chunk = -(-len(rows) // CHECKLISTS)

        def store() -> None:
            for start in range(0, len(rows), chunk):
                conn.executemany(insert, rows[start : start + chunk])
                conn.commit()

        return timed(store)


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    samples: list[float] = []
    baseline_samples: list[float] = []
    answers = reviews = 0
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-demo-") as tmp:
        root = Path(tmp)
        for index in range(repeat):
            progress(f"demo_10k: repetition {index + 1} of {repeat}")
            data_dir = root / f"app-{index}"
            samples.append(demo_once(data_dir))
            ddl, rows, reviews = read_back(data_dir / DATABASE_FILE)
            answers = len(rows)
            shutil.rmtree(data_dir)
            baseline_dir = root / f"baseline-{index}"
            baseline_dir.mkdir()
            baseline_samples.append(sqlite_insert_once(baseline_dir / "baseline.sqlite", ddl, rows))
            del rows
            shutil.rmtree(baseline_dir)
    return [
        Result(
            name=NAME,
            description=f"create_demo_data: {reviews} completed reviews, {answers} answers (bootstrap not timed)",
            samples=samples,
            baseline_samples=baseline_samples,
            baseline=f"sqlite3 executemany of the same {answers} answer rows into a table of the same shape",
            max_median=15.0,
            extra={"reviews": reviews, "answers": answers},
        )
    ]
