"""create_database: bootstrap on an empty data folder, against `SQLModel.metadata.create_all` on a fresh file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlmodel import SQLModel

import reviewer.storage.models  # noqa: F401 - registers the tables on SQLModel.metadata
from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import bootstrap
from reviewer.storage.database import make_engine

NAME = "create_database"
DEFAULT_REPEAT = 7


def bootstrap_once(data_dir: Path) -> None:
    """Folders, log file, Alembic migrations to head and the built-in checklists, as at a first start."""
    bootstrap(data_dir=data_dir).close()


def create_all_once(data_dir: Path) -> None:
    """The same tables straight from the models, on an engine with the program's SQLite settings."""
    data_dir.mkdir(parents=True)
    engine = make_engine(f"sqlite:///{data_dir / 'baseline.sqlite'}")
    try:
        SQLModel.metadata.create_all(engine)
    finally:
        engine.dispose()


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-db-") as tmp:
        root = Path(tmp)
        # Untimed: imports the migration scripts and checklist files once; the first-ever start is in cold_start.
        bootstrap_once(root / "warmup-app")
        create_all_once(root / "warmup-baseline")
        progress(f"create_database: {repeat} bootstraps on empty folders, {repeat} create_all baselines")
        samples, baseline_samples = alternate(
            repeat,
            lambda i: timed(lambda: bootstrap_once(root / f"app-{i}")),
            lambda i: timed(lambda: create_all_once(root / f"baseline-{i}")),
        )
    return [
        Result(
            name=NAME,
            description="bootstrap() on an empty data folder: Alembic migrations + built-in checklists",
            samples=samples,
            baseline_samples=baseline_samples,
            baseline="SQLModel.metadata.create_all on a fresh SQLite file (same models, same engine settings)",
            max_median=2.0,
        )
    ]
