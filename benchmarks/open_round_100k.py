"""open_round_100k: a round of 100 000 cases opened in the case list, against an empty round in the same program.

Each repetition is a fresh process (`_cases_child.py`), so that its peak resident memory is its own. The database is
prepared once, untimed: a round of 100 000 cases (a fifth of them with a review, half of those complete) inserted
with Core bulk inserts as `services.demo` does, and an empty round beside it.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import col

from benchmarks._harness import Result, child_environment, progress
from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import Case, Review, ReviewStatus, new_uuid, utcnow

NAME = "open_round_100k"
DEFAULT_REPEAT = 5
CASES = 100_000
BATCH = 10_000
REVIEWED_SHARE = 0.2
SEED = 1
UNITS = ("Vuxenenheten Norr", "Vuxenenheten Söder", "Vuxenenheten Väst", "Vuxenenheten Öst", "Mottagningen")
CHILD = Path(__file__).with_name("_cases_child.py")
TIMEOUT_SECONDS = 120.0
MAX_SECONDS = 1.5
MAX_PEAK_MB = 400.0


def prepare(data_dir: Path) -> tuple[str, str]:
    """The database with a round of CASES cases and an empty round; returns their UUIDs."""
    rng = random.Random(SEED)
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            checklist = get_version(session, "missbruk")
            bands = [band.value for band in definition_of(checklist).age_bands]
            full = create_round(session, "Prestanda 100 000 ärenden", checklist, "2026")
            empty = create_round(session, "Prestanda tom omgång", checklist, "2026")
            full_uuid, empty_uuid, full_id = full.uuid, empty.uuid, full.id
            assert checklist.id is not None and full_id is not None
            now = utcnow()
            for start in range(0, CASES, BATCH):
                case_rows = [
                    {
                        "uuid": new_uuid(),
                        "round_id": full_id,
                        "case_code": f"MB-{2020 + number % 6}-{number + 1:06d}",
                        "sex": rng.choices((Sex.KVINNA, Sex.MAN, Sex.ANNAT, Sex.OKANT), (0.45, 0.53, 0.01, 0.01))[0],
                        "age_band": rng.choice(bands),
                        "unit": rng.choice(UNITS),
                        "created_at": now,
                    }
                    for number in range(start, min(CASES, start + BATCH))
                ]
                ids = session.scalars(
                    insert(Case).returning(col(Case.id), sort_by_parameter_order=True), case_rows
                ).all()
                review_rows: list[dict[str, Any]] = [
                    {
                        "uuid": new_uuid(),
                        "case_id": case_id,
                        "checklist_version_id": checklist.id,
                        "reviewer": "AB",
                        "status": status,
                        "revision": 1,
                        "created_at": now,
                        "updated_at": now,
                        "completed_at": now if status is ReviewStatus.COMPLETE else None,
                    }
                    for case_id in ids
                    if rng.random() < REVIEWED_SHARE
                    for status in [rng.choice((ReviewStatus.IN_PROGRESS, ReviewStatus.COMPLETE))]
                ]
                session.execute(insert(Review.__table__), review_rows)  # type: ignore[attr-defined]
            session.commit()
    finally:
        app.close()
    return full_uuid, empty_uuid


def open_once(data_dir: Path, round_uuid: str, expect: int, pycache: Path) -> dict[str, Any]:
    """The child's report for one opening in a fresh process; raises if the child failed."""
    command = [sys.executable, str(CHILD), "--data-dir", str(data_dir), "--round", round_uuid, "--expect", str(expect)]
    with tempfile.TemporaryFile() as stderr:
        try:
            child = subprocess.run(
                command,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=child_environment(pycache),
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"the case list child did not finish in {TIMEOUT_SECONDS:.0f} s") from None
        lines = child.stdout.strip().splitlines()
        report = json.loads(lines[-1]) if lines else {}
        if child.returncode != 0 or "open_seconds" not in report:
            stderr.seek(0)
            detail = stderr.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"case list child failed (exit {child.returncode}, said {lines[-1:]!r}):\n{detail}")
    return report


def _mb(kib: int) -> float:
    return kib * 1024 / 1_000_000


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-100k-") as tmp:
        root = Path(tmp)
        data_dir = root / "data"
        pycache = root / "pycache"
        progress(f"open_round_100k: preparing a round of {CASES} cases (not timed)")
        full_uuid, empty_uuid = prepare(data_dir)
        # Untimed: compiles the bytecode into the benchmark's own folder and fills the OS cache with the database.
        open_once(data_dir, full_uuid, CASES, pycache)
        open_once(data_dir, empty_uuid, 0, pycache)
        progress(f"open_round_100k: {repeat} rounds of: open {CASES} cases, open an empty round (a process each)")
        full: list[dict[str, Any]] = []
        empty: list[dict[str, Any]] = []
        for _ in range(repeat):
            full.append(open_once(data_dir, full_uuid, CASES, pycache))
            empty.append(open_once(data_dir, empty_uuid, 0, pycache))

    def column(reports: list[dict[str, Any]], key: str) -> list[float]:
        return [float(report[key]) for report in reports]

    empty_baseline = "the same process opening an empty round of the same checklist"
    peak_end = [_mb(int(r["rss_end_kib"])) for r in full]
    women = full[0]["rows_after_filter"]
    return [
        Result(
            name=NAME,
            description=(
                f"CasesPage.show_round of {CASES} cases, shown, painted and scrolled to the end "
                "(fresh process per repetition, Swedish, 1100x700, offscreen)"
            ),
            samples=column(full, "open_seconds"),
            baseline_samples=column(empty, "open_seconds"),
            baseline=empty_baseline,
            max_median=MAX_SECONDS,
        ),
        Result(
            name=f"{NAME}_peak_rss",
            description=(
                f"peak resident memory (VmHWM) of that process after opening and scrolling {CASES} cases "
                "(MB = 10^6 bytes)"
            ),
            samples=[_mb(int(r["rss_open_kib"])) for r in full],
            baseline_samples=[_mb(int(r["rss_open_kib"])) for r in empty],
            baseline=empty_baseline,
            max_median=MAX_PEAK_MB,
            unit="MB",
            extra={
                "max_mb": max(_mb(int(r["rss_open_kib"])) for r in full),
                "after_sort_and_filter_mb": peak_end,
                # For comparison only: Linux carries the parent's resident size into a child's ru_maxrss.
                "ru_maxrss_mb": [_mb(int(r["ru_maxrss_kib"])) for r in full],
            },
        ),
        Result(
            name=f"{NAME}_sort",
            description=f"sort the {CASES} cases by case code, descending (proxy.sort, view updated); no target",
            samples=column(full, "sort_seconds"),
            baseline_samples=column(full, "plain_sort_seconds"),
            baseline=f"sorted() of the same {CASES} row tuples by case code in the same process",
        ),
        Result(
            name=f"{NAME}_filter",
            description=f"filter the {CASES} cases to sex = kvinna ({women} rows; view updated); no target",
            samples=column(full, "filter_seconds"),
            baseline_samples=column(full, "plain_filter_seconds"),
            baseline=f"a list comprehension keeping the same {women} row tuples in the same process",
            extra={"rows_after_filter": women, "median_peak_mb_after": statistics.median(peak_end)},
        ),
    ]
