"""export_formats: the anonymised CSV, XLSX and JSON exports of a round of 10 000 completed reviews, from the database
to the file, against writing a plain table of the same size with the standard tools.

The database is built once per run, untimed: `create_demo_data(cases=10_000)` (one round per built-in checklist); the
missbruk round – 10 000 reviews of its 38-question checklist with `show_if` – is exported.

Rows, each alternating the program and its baseline so that a busy spell of the machine hits both:
- `export_csv_10k`: what `reviewer export --format csv` does once the database is open – `build_anonymised`
  (aggregation, suppression with its audit, the dominance rule's largest amounts) in a fresh session, the guard's
  strings, and `write_csv` (rendering, the guard reading the text back, the atomic write). Target: median ≤ 1 s.
  Baseline: `csv.writer` of the same rows (as lists of strings) to a StringIO.
- `export_xlsx_10k`: the same with `write_xlsx` (sheets, formats, one chart per compared question, the guard reading
  every part of the workbook). Target: median ≤ 3 s. Baseline: an openpyxl write-only workbook of a plain grid with
  as many cells, saved to memory.
- `export_json_10k`: the same with `write_json`; no target. Baseline: `json.dumps` of a list of as many rows.
- `export_csv_10k_after_units` / `export_xlsx_10k_after_units`: the same CSV and XLSX exports of the whole round once
  the release register holds the exports of its three units, so that every export is also checked against them
  (`domain.releases`, linear programming over the units' tables). Targets as above; baselines as above.
- `export_csv_10k_last_unit`: the CSV export of the third unit once the register holds the whole round's and the two
  other units' exports – the hardest case: the unit is the round less the others, so most of its small cells'
  complements must be found against the earlier releases, or the export is refused when nothing it could hide would
  protect the earlier releases' hidden figures (timed to the refusal then). No target; baseline as for CSV;
  `empty_register_seconds` is the same export with nothing in the register (best of three).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlmodel import delete

from benchmarks._harness import Result, alternate, progress, timed
from reviewer.bootstrap import App, bootstrap
from reviewer.domain.text import ReviewerError
from reviewer.reports.csv_export import render_csv, write_csv
from reviewer.reports.guard import ExportGuard
from reviewer.reports.json_export import write_json
from reviewer.reports.xlsx_export import render_xlsx, write_xlsx
from reviewer.services.aggregation.summary import filter_options
from reviewer.services.anonymisation import (
    AnonymisedResult,
    ExportRequest,
    build_anonymised,
    checklist_texts,
    forbidden_strings,
    record_release,
)
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import find_round_by_name
from reviewer.storage.models import ReleaseRecord

NAME = "export_formats"
DEFAULT_REPEAT = 5
REVIEWS = 10_000
SEED = 1
MAX_CSV_SECONDS = 1.0
MAX_XLSX_SECONDS = 3.0

Writer = Callable[[AnonymisedResult, Path, ExportGuard], None]


def prepare(app: App) -> str:
    with app.db.session() as session:
        names = create_demo_data(session, REVIEWS, SEED)
        return find_round_by_name(session, next(n for n in names if "Missbruk" in n)).uuid


def export_once(app: App, round_uuid: str, writer: Writer, target: Path, unit: str | None = None) -> AnonymisedResult:
    with app.db.session() as session:
        result = build_anonymised(session, ExportRequest((round_uuid,), unit=unit))
        guard = ExportGuard(forbidden_strings(session), checklist_texts(session, result.method.checklist_slug))
    writer(result, target, guard)
    if unit is None and result.method.cases["total"].count not in (REVIEWS, None):
        raise RuntimeError(f"the export counted {result.method.cases['total'].count} cases, expected {REVIEWS}")
    return result


def _csv_baseline(rows: list[list[str]]) -> Callable[[int], float]:
    def run(_index: int) -> float:
        def write() -> None:
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=";").writerows(rows)

        return timed(write)

    return run


def _xlsx_baseline(sheets: int, rows: int, columns: int) -> Callable[[int], float]:
    def run(_index: int) -> float:
        def write() -> None:
            workbook = Workbook(write_only=True)
            for sheet_index in range(sheets):
                sheet = workbook.create_sheet(f"Blad {sheet_index + 1}")
                for row in range(rows):
                    sheet.append([f"Rad {row}", *range(columns - 1)])
            workbook.save(io.BytesIO())

        return timed(write)

    return run


def _json_baseline(rows: list[list[str]]) -> Callable[[int], float]:
    return lambda _index: timed(lambda: json.dumps(rows, ensure_ascii=False, indent=2))


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    results = []
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-export-") as tmp:
        root = Path(tmp)
        app = bootstrap(data_dir=root / "data")
        try:
            progress(f"{NAME}: writing {REVIEWS} reviews per built-in checklist (not timed)")
            round_uuid = prepare(app)
            result = export_once(app, round_uuid, write_csv, root / "warm-up.csv")  # imports, caches
            rows = list(csv.reader(io.StringIO(render_csv(result).removeprefix("\ufeff")), delimiter=";"))
            workbook = render_xlsx(result)
            grid = _grid_size(workbook)
            formats: list[tuple[str, Writer, Callable[[int], float], str, float | None]] = [
                (
                    "csv",
                    write_csv,
                    _csv_baseline(rows),
                    f"csv.writer of the same {len(rows)} rows × {len(rows[0])} fields to a StringIO",
                    MAX_CSV_SECONDS,
                ),
                (
                    "xlsx",
                    write_xlsx,
                    _xlsx_baseline(*grid),
                    f"openpyxl write-only workbook of {grid[0]} sheets × {grid[1]} rows × {grid[2]} cells "
                    "(text and numbers), saved to memory",
                    MAX_XLSX_SECONDS,
                ),
                ("json", write_json, _json_baseline(rows), f"json.dumps of the same {len(rows)} rows", None),
            ]
            for suffix, writer, baseline, described, target in formats:

                def measured(index: int, writer: Writer = writer, suffix: str = suffix) -> float:
                    progress(f"{NAME} {suffix}: repetition {index + 1} of {repeat}")
                    return timed(lambda: export_once(app, round_uuid, writer, root / f"export-{index}.{suffix}"))

                samples, baseline_samples = alternate(repeat, measured, baseline)
                results.append(
                    Result(
                        name=f"export_{suffix}_10k",
                        description=(
                            f"reviewer export --format {suffix} of a round of {REVIEWS} completed reviews once the "
                            "database is open: build_anonymised in a fresh session (aggregation, suppression and "
                            f"its audit, dominance), the guard's strings, write_{suffix} with the guard; "
                            f"{result.method.n_hidden} figures hidden"
                        ),
                        samples=samples,
                        baseline_samples=baseline_samples,
                        baseline=described,
                        max_median=target,
                        extra={"hidden": result.method.n_hidden, "bytes": (root / f"export-0.{suffix}").stat().st_size},
                    )
                )
            results += _linked(app, root, round_uuid, repeat, formats)
        finally:
            app.close()
    return results


def _linked(
    app: App,
    root: Path,
    round_uuid: str,
    repeat: int,
    formats: list[tuple[str, Writer, Callable[[int], float], str, float | None]],
) -> list[Result]:
    """The rows with a release register to check against (see the module docstring)."""
    with app.db.session() as session:
        units = filter_options(session, (round_uuid,)).units
    results = []
    with app.db.session() as session:
        for unit in units:
            record_release(session, build_anonymised(session, ExportRequest((round_uuid,), unit=unit)), "csv")
    for suffix, writer, baseline, described, target in formats[:2]:

        def measured(index: int, writer: Writer = writer, suffix: str = suffix) -> float:
            progress(f"{NAME} {suffix} after the units: repetition {index + 1} of {repeat}")
            return timed(lambda: export_once(app, round_uuid, writer, root / f"linked-{index}.{suffix}"))

        samples, baseline_samples = alternate(repeat, measured, baseline)
        result = export_once(app, round_uuid, writer, root / f"linked.{suffix}")
        results.append(
            Result(
                name=f"export_{suffix}_10k_after_units",
                description=(
                    f"reviewer export --format {suffix} of the whole round of {REVIEWS} reviews, checked against the "
                    f"{result.method.n_earlier_releases} earlier releases of its units in the register; "
                    f"{result.method.n_hidden} figures hidden, {result.method.n_hidden_for_earlier} of them for the "
                    "earlier releases"
                ),
                samples=samples,
                baseline_samples=baseline_samples,
                baseline=described,
                max_median=target,
                extra={"hidden": result.method.n_hidden, "for_earlier": result.method.n_hidden_for_earlier},
            )
        )
    last = units[-1]
    with app.db.session() as session:
        session.exec(delete(ReleaseRecord))
        session.commit()
    alone = min(timed(lambda: export_once(app, round_uuid, write_csv, root / "alone.csv", last)) for _ in range(3))
    with app.db.session() as session:
        record_release(session, build_anonymised(session, ExportRequest((round_uuid,))), "csv")
        for unit in units[:-1]:
            record_release(session, build_anonymised(session, ExportRequest((round_uuid,), unit=unit)), "csv")

    def attempt(target: Path) -> str:
        """The export of the last unit: how many figures it hides, or that it is refused."""
        try:
            result = export_once(app, round_uuid, write_csv, target, last)
        except ReviewerError:
            return "refused"
        return f"{result.method.n_hidden} figures hidden, {result.method.n_hidden_for_earlier} for the earlier releases"

    def measured_last(index: int) -> float:
        progress(f"{NAME} csv of the last unit: repetition {index + 1} of {repeat}")
        return timed(lambda: attempt(root / f"last-{index}.csv"))

    samples, baseline_samples = alternate(repeat, measured_last, formats[0][2])
    outcome = attempt(root / "last.csv")
    results.append(
        Result(
            name="export_csv_10k_last_unit",
            description=(
                f"reviewer export --format csv of the unit {last} once the register holds the whole round's and the "
                f"other units' exports, to the file or to the refusal: {outcome}"
            ),
            samples=samples,
            baseline_samples=baseline_samples,
            baseline=formats[0][3],
            extra={"outcome": outcome, "empty_register_seconds": round(alone, 3)},
        )
    )
    return results


def _grid_size(workbook: bytes) -> tuple[int, int, int]:
    """Sheets, rows per sheet and cells per row of a plain grid as large as the workbook's."""
    book = load_workbook(io.BytesIO(workbook), read_only=True)
    sheets = book.worksheets
    cells = sum(sum(1 for row in sheet.iter_rows() for cell in row if cell.value is not None) for sheet in sheets)
    rows = max(1, max(sheet.max_row or 1 for sheet in sheets))
    columns = max(1, cells // (len(sheets) * rows))
    return len(sheets), rows, columns
