"""Run the benchmarks: `python -m benchmarks [--only NAME] [--repeat N]` from the repository root.

Prints one table (name | median | baseline median | ratio | target | verdict), writes the same figures to
benchmarks/results/latest.json and exits non-zero when a target is missed or a benchmark fails to run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from benchmarks._harness import Result, render_table

# Name → module with `run(repeat) -> list[Result]`, imported only when run, so that one broken benchmark (or a
# broken import in the program) is reported as an error without stopping the others.
BENCHMARKS = {
    "cold_start": "benchmarks.cold_start",
    "create_database": "benchmarks.create_database",
    "demo_10k": "benchmarks.demo_10k",
    "review_form_open": "benchmarks.review_form_open",
    "autosave": "benchmarks.autosave",
    "open_round_100k": "benchmarks.open_round_100k",
    "spreadsheet_import_10k": "benchmarks.spreadsheet_import_10k",
    "exchange_import": "benchmarks.exchange_import",
    "aggregate_100k": "benchmarks.aggregate_100k",
    "checklist_editor": "benchmarks.checklist_editor",
    "dashboard_100k": "benchmarks.dashboard_100k",
    "pdf_report_10k": "benchmarks.pdf_report",
    "export_formats": "benchmarks.export_formats",
    "audit_export_200k": "benchmarks.audit_export_200k",
    "backup_100k": "benchmarks.backup_100k",
    "shared_database": "benchmarks.shared_database",
    "onefolder": "benchmarks.onefolder",
    "sample_100k": "benchmarks.sample_100k",
    "agreement_10k": "benchmarks.agreement_10k",
    "text_count": "benchmarks.text_count",
}
RESULTS_FILE = Path(__file__).with_name("results") / "latest.json"


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(BENCHMARKS), action="append", help="run only this benchmark")
    parser.add_argument(
        "--repeat",
        type=int,
        help=(
            "repetitions per benchmark (default: 7 for cold_start and create_database, 3 for demo_10k, "
            "spreadsheet_import_10k and exchange_import, 15 for review_form_open and checklist_editor, 60 for autosave "
            "(at least 50), 5 for open_round_100k, aggregate_100k, pdf_report_10k, export_formats, onefolder, "
            "sample_100k and agreement_10k, 15 for text_count, 3 for dashboard_100k, audit_export_200k and "
            "backup_100k, 1 for shared_database)"
        ),
    )
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _environment() -> dict[str, object]:
    import PySide6
    from PySide6 import QtCore

    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": QtCore.qVersion(),
        "platform": platform.platform(),
        "qt_qpa_platform": os.environ.get("QT_QPA_PLATFORM"),
    }


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Never a user's data: without these, bootstrap() uses only the temporary folders the benchmarks pass it.
    os.environ.pop("REVIEWER_DATA_DIR", None)
    os.environ.pop("REVIEWER_DATABASE_URL", None)
    qm = resources.files("reviewer.ui") / "i18n" / "reviewer_sv.qm"
    if not qm.is_file():
        print(f"The Swedish translation {qm} is missing; run 'make translations' first.", file=sys.stderr)
        return 2
    environment = _environment()
    print(
        f"Benchmarks on {environment['nproc']} cores, Python {environment['python']}, "
        f"PySide6 {environment['pyside6']} (Qt {environment['qt']}), QT_QPA_PLATFORM={environment['qt_qpa_platform']}",
        flush=True,
    )
    started = time.perf_counter()
    results: list[Result] = []
    errors: dict[str, str] = {}
    for name, module in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        print(f"{name}:", flush=True)
        try:
            results.extend(importlib.import_module(module).run(args.repeat))
        except Exception:
            errors[name] = traceback.format_exc()
            print(f"{name} could not run:\n{errors[name]}", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started

    print()
    if results:
        print(render_table(results))
    for name in errors:
        print(f"{name}: ERROR (see above)")
    print(f"\nTotal time {elapsed:.0f} s. Ratios are against a baseline measured in the same run.")

    RESULTS_FILE.parent.mkdir(exist_ok=True)
    report = {
        "environment": environment,
        "repeat": args.repeat,
        "elapsed_seconds": elapsed,
        "results": [result.as_json() for result in results],
        "errors": errors,
    }
    RESULTS_FILE.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Results written to {RESULTS_FILE}")
    failed = errors or any(result.verdict == "FAIL" for result in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
