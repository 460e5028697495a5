"""exchange_import: 100 exchange files of 100 reviews each, imported in one batch into a fresh database.

The files are made once per run, the way a unit's caseworkers would make them: demo data for the three built-in
checklists (3 × 3400 completed reviews, about 31 answers each) is exported round by round from a data folder of its
own, and each round is cut into files of 100 cases with their reviews, every file with its own UUID for the round –
as if each caseworker had created "the same" round on their own laptop – so the import creates one round per
checklist and merges the other files' rounds into it. Timed: `read_exchange` of every file, `plan_import` of the
batch and `apply_import`, on a freshly bootstrapped data folder (bootstrap not timed).

Baseline, in the same run: what the bare work costs – `gzip` + `json.loads` of the same 100 files, and plain
`sqlite3` `executemany` of the same case, review and answer rows (read back from the imported database) into tables
of the same shape (the program's own DDL), with WAL and `synchronous=FULL`, one commit.

A second row, `exchange_decrypt_10`, reads 10 of the files encrypted (scrypt n = 2^15, r = 8, then AES-256-GCM)
against the same 10 plain: the difference is the price of the passphrase, about the scrypt time per file.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import tempfile
import uuid
from contextlib import closing
from pathlib import Path
from typing import Any

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import DATABASE_FILE, bootstrap
from reviewer.services.demo import create_demo_data
from reviewer.services.exchange import Resolution, apply_import, export_exchange, plan_import, read_exchange
from reviewer.services.exchange.envelope import seal
from reviewer.services.exchange.export import write_exchange_file
from reviewer.services.rounds import list_rounds

NAME = "exchange_import"
DECRYPT_NAME = "exchange_decrypt_10"
DEFAULT_REPEAT = 3
FILES = 100
REVIEWS_PER_FILE = 100
CASES_PER_CHECKLIST = 3400  # 3 × 34 files of 100; the first 100 files are used
ENCRYPTED_FILES = 10
PASSPHRASE = "en lång lösenfras för benchmarken"
SEED = 1
TABLES = ("review_case", "review", "answer")


def make_files(root: Path) -> list[Path]:
    """The 100 files, cut from demo data exported round by round."""
    source = bootstrap(data_dir=root / "source")
    try:
        with source.db.session() as session:
            create_demo_data(session, cases=CASES_PER_CHECKLIST, seed=SEED)
        with source.db.session() as session:
            round_uuids = [r.uuid for r in list_rounds(session)]
        exports = []
        for number, round_uuid in enumerate(round_uuids):
            path = root / f"round-{number}.granskning"
            with source.db.session() as session:
                export_exchange(session, path, [round_uuid])
            exports.append(path)
    finally:
        source.close()
    files: list[Path] = []
    for export in exports:
        content = json.loads(gzip.decompress(export.read_bytes()))["content"]
        reviews_by_case: dict[str, list[dict[str, Any]]] = {}
        for review in content["reviews"]:
            reviews_by_case.setdefault(review["case_uuid"], []).append(review)
        cases = content["cases"]
        for start in range(0, len(cases), REVIEWS_PER_FILE):
            if len(files) == FILES:
                break
            chunk = cases[start : start + REVIEWS_PER_FILE]
            round_record = dict(content["rounds"][0], uuid=str(uuid.uuid4()))
            piece = {
                "checklist_versions": content["checklist_versions"],
                "rounds": [round_record],
                "cases": [dict(case, round_uuid=round_record["uuid"]) for case in chunk],
                "reviews": [review for case in chunk for review in reviews_by_case.get(case["uuid"], [])],
            }
            path = root / "files" / f"granskare-{len(files) + 1:03d}.granskning"
            write_exchange_file(path, piece, exported_by=f"Exempel {len(files) + 1}")
            files.append(path)
    if len(files) != FILES:
        raise RuntimeError(f"made {len(files)} files, expected {FILES}")
    return files


def import_once(data_dir: Path, files: list[Path]) -> tuple[float, int]:
    """Seconds to read, plan and apply the batch into a freshly bootstrapped data folder; the new reviews."""
    app = bootstrap(data_dir=data_dir)
    new: list[int] = []
    try:
        with app.db.session() as session:

            def work() -> None:
                read = [read_exchange(path) for path in files]
                plan = plan_import(session, read)
                new.append(apply_import(session, plan, Resolution.KEEP, "Bench").reviews.new)

            elapsed = timed(work)
    finally:
        app.close()
    return elapsed, new[0]


def read_tables(database: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """For each table: its DDL (table and indexes) and its rows in insertion order."""
    with closing(sqlite3.connect(database)) as conn:
        return {
            table: (
                [
                    row[0]
                    for row in conn.execute(
                        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC",
                        (table,),
                    )
                ],
                conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall(),
            )
            for table in TABLES
        }


def baseline_once(database: Path, files: list[Path], tables: dict[str, tuple[list[str], list[Any]]]) -> float:
    """Seconds for gzip + json.loads of the files and plain sqlite3 executemany of the same rows, one commit."""
    with closing(sqlite3.connect(database)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        for ddl, _ in tables.values():
            for statement in ddl:
                conn.execute(statement)
        conn.commit()

        def parse_and_store() -> None:
            for path in files:
                json.loads(gzip.decompress(path.read_bytes()))
            for table, (_, rows) in tables.items():
                marks = ", ".join("?" * len(rows[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
            conn.commit()

        return timed(parse_and_store)


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-exchange-") as tmp:
        root = Path(tmp)
        progress(f"{NAME}: making {FILES} files of {REVIEWS_PER_FILE} reviews from demo data")
        files = make_files(root)
        imported: dict[str, tuple[list[str], list[Any]]] = {}

        def measured(index: int) -> float:
            progress(f"{NAME}: repetition {index + 1} of {repeat}")
            data_dir = root / f"app-{index}"
            elapsed, new = import_once(data_dir, files)
            if new != FILES * REVIEWS_PER_FILE:
                raise RuntimeError(f"imported {new} new reviews, expected {FILES * REVIEWS_PER_FILE}")
            imported.update(read_tables(data_dir / DATABASE_FILE))
            shutil.rmtree(data_dir)
            return elapsed

        def baseline(index: int) -> float:
            database = root / f"baseline-{index}" / "baseline.sqlite"
            database.parent.mkdir()
            elapsed = baseline_once(database, files, imported)
            shutil.rmtree(database.parent)
            return elapsed

        samples, baseline_samples = alternate(repeat, measured, baseline)
        counts = {table: len(rows) for table, (_, rows) in imported.items()}

        progress(f"{DECRYPT_NAME}: {ENCRYPTED_FILES} encrypted files against the same plain")
        plain = files[:ENCRYPTED_FILES]
        sealed = []
        for path in plain:
            target = path.with_name(f"krypterad-{path.name}")
            target.write_bytes(seal(path.read_bytes(), PASSPHRASE))
            sealed.append(target)
        decrypt_samples, plain_samples = alternate(
            repeat,
            lambda _index: timed(lambda: [read_exchange(path, PASSPHRASE) for path in sealed]),
            lambda _index: timed(lambda: [read_exchange(path) for path in plain]),
        )
    decrypt = Result(
        name=DECRYPT_NAME,
        description=f"read_exchange of {ENCRYPTED_FILES} encrypted files of {REVIEWS_PER_FILE} reviews each",
        samples=decrypt_samples,
        baseline_samples=plain_samples,
        baseline=f"read_exchange of the same {ENCRYPTED_FILES} files unencrypted",
    )
    decrypt.extra = {"passphrase_seconds_per_file": (decrypt.median - decrypt.baseline_median) / ENCRYPTED_FILES}
    return [
        Result(
            name=NAME,
            description=(
                f"read_exchange + plan_import + apply_import of {FILES} files × {REVIEWS_PER_FILE} reviews "
                f"({counts.get('answer', 0)} answers) into a fresh database (bootstrap not timed)"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline=(
                "gzip + json.loads of the same files, and sqlite3 executemany of the same case, review and answer "
                "rows into tables of the same shape, one commit"
            ),
            max_median=10.0,
            extra={"files": FILES, **{f"{table}_rows": n for table, n in counts.items()}},
        ),
        decrypt,
    ]
