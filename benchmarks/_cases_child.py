"""One opening of a round's case list for the open_round_100k benchmark, run in a fresh process by the parent.

    python benchmarks/_cases_child.py --data-dir DIR --round UUID --expect N

Opens the data folder's database, builds the program's `CasesPage` (Swedish, 1100x700, offscreen) and times, with
the clock of this process, from `show_round(UUID)` to the page shown, painted and scrolled to the last row. Then it
sorts the rows by case code, descending, and filters them to the women, each timed to the view updated, and times
the same sort and filter done on the plain list of rows as the least that work can cost. It prints one line of
JSON: the timings in seconds and the peak resident memory of this process (`VmHWM`, KiB; see `_peak_rss_kib`) after
the opening and at the end. The parent runs it once per repetition, so each opening pays for its own memory, as a
user's program does.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reviewer.bootstrap import AppPaths
from reviewer.domain.sex import Sex
from reviewer.storage.database import open_database
from reviewer.ui.cases_page import CasesPage
from reviewer.ui.i18n import install_translator


def _peak_rss_kib() -> int:
    """This process's own peak resident memory in KiB.

    `ru_maxrss` is not that for a child: Linux carries the parent's resident size at fork over into the child's
    `ru_maxrss` through exec, so a child of a 400 MB benchmark process reports at least 400 MB whatever it does.
    `VmHWM` in /proc/self/status is the peak of this process's own memory since exec; `ru_maxrss` is the fallback
    where there is no /proc.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return _ru_maxrss_kib()


def _ru_maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _settle() -> None:
    QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--round", required=True)
    parser.add_argument("--expect", required=True, type=int)
    args = parser.parse_args()
    qt_app = QApplication(sys.argv[:1])
    install_translator(qt_app, "sv")
    paths = AppPaths.resolve(args.data_dir)
    db = open_database(f"sqlite:///{paths.database_file}", paths.backup_dir)
    page = CasesPage(db, "sv", lambda: "AB")
    page.resize(1100, 700)

    start = time.perf_counter()
    page.show_round(args.round)
    page.show()
    _settle()
    page.view.scrollToBottom()
    _settle()
    open_seconds = time.perf_counter() - start
    rss_open = _peak_rss_kib()
    if page.proxy.rowCount() != args.expect or not page.isVisible():
        print(json.dumps({"error": f"{page.proxy.rowCount()} rows shown, expected {args.expect}"}), flush=True)
        return 3

    start = time.perf_counter()
    page.proxy.sort(0, Qt.SortOrder.DescendingOrder)
    _settle()
    sort_seconds = time.perf_counter() - start
    records = page.model.records()
    start = time.perf_counter()
    sorted(records, key=lambda record: record.case_code, reverse=True)
    plain_sort_seconds = time.perf_counter() - start

    women = page.sex_filter.findData(Sex.KVINNA.value)
    start = time.perf_counter()
    page.sex_filter.setCurrentIndex(women)
    _settle()
    filter_seconds = time.perf_counter() - start
    start = time.perf_counter()
    kept = [record for record in records if record.sex is Sex.KVINNA]
    plain_filter_seconds = time.perf_counter() - start
    if page.proxy.rowCount() != len(kept):
        print(json.dumps({"error": f"{page.proxy.rowCount()} rows after the filter, expected {len(kept)}"}))
        return 4

    report = {
        "open_seconds": open_seconds,
        "rss_open_kib": rss_open,
        "sort_seconds": sort_seconds,
        "plain_sort_seconds": plain_sort_seconds,
        "filter_seconds": filter_seconds,
        "plain_filter_seconds": plain_filter_seconds,
        "rows": args.expect,
        "rows_after_filter": len(kept),
        "rss_end_kib": _peak_rss_kib(),
        "ru_maxrss_kib": _ru_maxrss_kib(),
    }
    print(json.dumps(report), flush=True)
    page.hide()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
