"""dashboard_100k: peak resident memory of the program's *Sammanställning* over 100 000 reviews × 40 answers.

The database is the one `aggregate_100k` builds (same checklist, round and answers), made once per run in a temporary
folder. A fresh process then opens the real dashboard page offscreen, lets it compute on its worker thread, shows
every section's table and chart, and prints its peak resident memory (VmHWM). The baseline is the same process over
an empty database: the window, Qt and the program's imports alone. Target: ≤ 500 MB. The time from opening the page
to the figures on screen is reported too (no target; aggregate_100k times the computation itself).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._harness import Result, progress
from benchmarks.aggregate_100k import REVIEWS, prepare
from reviewer.bootstrap import bootstrap

NAME = "dashboard_100k"
DEFAULT_REPEAT = 3
MAX_PEAK_MB = 500.0
CHILD_TIMEOUT = 300.0


def _peak_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def _child(data_dir: str) -> None:
    """Open the dashboard over `data_dir`, wait for the figures, visit every section, print memory and time."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.ui.dashboard.page import DashboardPage

    qt_app = QApplication([])
    app = bootstrap(data_dir=Path(data_dir))
    started = time.perf_counter()
    page = DashboardPage(app.db, "sv")
    page.resize(1300, 800)
    page.show()
    loop = QEventLoop()
    page.computed.connect(loop.quit)
    QTimer.singleShot(int(CHILD_TIMEOUT * 1000), loop.quit)
    page.refresh()
    if page.filters.round_uuids():
        loop.exec()
        if page.result is None or page.result.n_cases != REVIEWS:
            raise RuntimeError(f"the dashboard did not show {REVIEWS} cases: {page.status.text()}")
        for index in range(page.sections.section.count()):
            page.sections.section.setCurrentIndex(index)
            qt_app.processEvents()
    elapsed = time.perf_counter() - started
    page.close()
    app.close()
    print(json.dumps({"vmhwm_kib": _peak_rss_kib(), "seconds": elapsed}), flush=True)


def _measure(data_dir: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k not in {"REVIEWER_DATA_DIR", "REVIEWER_DATABASE_URL"}}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.dashboard_100k", "--child", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"{NAME} child failed: {child.stderr[-2000:]}")
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    return {"mb": figures["vmhwm_kib"] * 1024 / 1e6, "seconds": figures["seconds"]}


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-dashboard-") as folder:
        full, empty = Path(folder) / "full", Path(folder) / "empty"
        progress(f"{NAME}: building {REVIEWS} reviews × 40 answers")
        app = bootstrap(data_dir=full)
        try:
            prepare(app)
        finally:
            app.close()
        bootstrap(data_dir=empty).close()
        samples, baseline, seconds = [], [], []
        for index in range(repeat):
            progress(f"{NAME}: repetition {index + 1} of {repeat}")
            measured = _measure(full)
            samples.append(measured["mb"])
            seconds.append(measured["seconds"])
            baseline.append(_measure(empty)["mb"])
    return [
        Result(
            name=f"{NAME}_peak_rss",
            description="peak resident memory of the dashboard showing 100 000 reviews × 40 answers",
            samples=samples,
            baseline_samples=baseline,
            baseline="the same dashboard over an empty database",
            max_median=MAX_PEAK_MB,
            unit="MB",
            extra={"seconds_to_figures": seconds},
        )
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        print("run through `python -m benchmarks --only dashboard_100k`", file=sys.stderr)
        sys.exit(2)
