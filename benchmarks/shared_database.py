"""shared_database: answers per second and p95 autosave latency with many writer processes on one database, against
one writer process on the same database kind in the same run.

SQLite: 8 writers on one file. PostgreSQL: 20 writers, when REVIEWER_BENCH_POSTGRES_URL (or the test suite's
REVIEWER_TEST_POSTGRES_URL) names a throwaway database – its public schema is dropped and made anew. Each writer
saves `SAVES` answers the way the form does (`benchmarks/_shared_load.py`).
"""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

import sqlalchemy as sa

from benchmarks._harness import Result, progress
from benchmarks._shared_load import WriterReport, percentile, prepare, run_writers
from reviewer.bootstrap import bootstrap

NAME = "shared_database"
DEFAULT_REPEAT = 1
SAVES = 250
SQLITE_WRITERS = 8
POSTGRES_WRITERS = 20


def _postgres_url() -> str | None:
    return os.environ.get("REVIEWER_BENCH_POSTGRES_URL") or os.environ.get("REVIEWER_TEST_POSTGRES_URL")


def _empty_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def _load(folder: Path, url: str | None, writers: int) -> list[WriterReport]:
    """One run on a fresh database: `writers` processes of `SAVES` saves each; raises when any writer failed."""
    if url is not None:
        _empty_postgres(url)
    app = bootstrap(data_dir=folder, database_url=url)
    try:
        plans = prepare(app.db, writers, SAVES)
        reports = run_writers(app.db.engine.url.render_as_string(hide_password=False), plans)
    finally:
        app.close()
    failed = [f"writer {r.index}: {r.error}" for r in reports if r.error]
    if failed:
        raise RuntimeError("; ".join(failed))
    return reports


def _throughput(reports: list[WriterReport]) -> float:
    """Answers per second over the run: every save, over the time until the last writer finished."""
    return sum(len(r.latencies) for r in reports) / max(r.seconds for r in reports)


def _rows(kind: str, writers: int, runs: list[tuple[list[WriterReport], list[WriterReport]]]) -> list[Result]:
    many = [latency for loaded, _single in runs for r in loaded for latency in r.latencies]
    one = [latency for _loaded, single in runs for r in single for latency in r.latencies]
    rates = [_throughput(loaded) for loaded, _single in runs]
    single_rates = [_throughput(single) for _loaded, single in runs]
    extra = {
        "writers": writers,
        "saves_per_writer": SAVES,
        "p50_s": statistics.median(many),
        "p95_s": percentile(many, 0.95),
        "max_s": max(many),
        "single_p50_s": statistics.median(one),
        "single_p95_s": percentile(one, 0.95),
        "answers_per_s": rates,
        "single_answers_per_s": single_rates,
    }
    return [
        Result(
            name=f"{NAME}_{kind}_p95",
            description=(
                f"p95 of every autosave (reviews.save_answer in its own session) with {writers} writer processes "
                f"saving {SAVES} answers each into one {kind} database"
            ),
            samples=[percentile(many, 0.95)],
            baseline_samples=[percentile(one, 0.95)],
            baseline=f"p95 of the same saves by one writer process alone on a {kind} database",
            extra=extra,
        ),
        Result(
            name=f"{NAME}_{kind}_rate",
            description=f"answers saved per second by {writers} writer processes together ({kind})",
            samples=rates,
            baseline_samples=single_rates,
            baseline=f"answers per second of one writer process alone ({kind})",
            extra=extra,
            unit="answers/s",
        ),
    ]


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    backends: list[tuple[str, str | None, int]] = [("sqlite", None, SQLITE_WRITERS)]
    url = _postgres_url()
    if url:
        backends.append(("postgresql", url, POSTGRES_WRITERS))
    else:
        progress("shared_database: no REVIEWER_BENCH_POSTGRES_URL or REVIEWER_TEST_POSTGRES_URL, SQLite only")
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-shared-") as tmp:
        for kind, backend_url, writers in backends:
            runs = []
            for index in range(repeat):
                progress(f"shared_database: {kind}, {writers} writers × {SAVES} saves, then one writer alone")
                loaded = _load(Path(tmp) / f"{kind}-{index}-many", backend_url, writers)
                single = _load(Path(tmp) / f"{kind}-{index}-one", backend_url, 1)
                runs.append((loaded, single))
            results.extend(_rows(kind, writers, runs))
    return results
