"""cold_start: from starting a process to the main window shown, against a bare Qt window in a process of its own."""

from __future__ import annotations

import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._harness import Result, child_environment, progress

NAME = "cold_start"
DEFAULT_REPEAT = 7
CHILD = Path(__file__).with_name("_start_child.py")
TIMEOUT_SECONDS = 60.0


def start_once(mode: str, data_dir: Path, pycache: Path) -> tuple[float, float]:
    """Seconds from starting the child to its "shown" and (app only) "ready" lines; raises if it did not show."""
    command = [sys.executable, str(CHILD), "--mode", mode, "--data-dir", str(data_dir)]
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=stderr, env=child_environment(pycache), text=True
        )
        assert child.stdout is not None
        # A child that never says "shown" (a window that hangs, a dialog nobody closes) is an error, not a hang.
        times: dict[str, float] = {}
        line = ""
        for expected in ("shown", "ready") if mode == "app" else ("shown",):
            readable, _, _ = select.select([child.stdout], [], [], TIMEOUT_SECONDS)
            line = child.stdout.readline().strip() if readable else f"nothing within {TIMEOUT_SECONDS:.0f} s"
            times[line] = time.perf_counter() - start
            if line != expected:
                child.kill()
                break
        try:
            child.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
        if "shown" not in times or line not in {"shown", "ready"} or child.returncode != 0:
            stderr.seek(0)
            detail = stderr.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{mode} start failed (exit {child.returncode}, said {line!r}):\n{detail}")
    return times["shown"], times.get("ready", times["shown"])


def _make_returning_user(data_dir: Path) -> None:
    """Save settings with a reviewer name, as a returning user has, so the start does not ask for one."""
    try:
        from reviewer.services.settings import Settings, save_settings
    except ImportError:  # a program version without user settings
        return
    from reviewer.bootstrap import AppPaths

    save_settings(AppPaths.resolve(data_dir).config_dir, Settings(reviewer="Bench"))


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-start-") as tmp:
        root = Path(tmp)
        warm = root / "warm"
        pycache = root / "pycache"

        def app(data_dir: Path) -> tuple[float, float]:
            return start_once("app", data_dir, pycache)

        def bare() -> float:
            return start_once("bare", root / "unused", pycache)[0]

        # Untimed: creates the warm database (and a returning user's settings) once, and fills the OS and bytecode
        # caches for both kinds of start. The first-ever starts below also show the first-run settings dialog.
        app(warm)
        _make_returning_user(warm)
        app(warm)
        bare()

        # The three kinds of start take turns, so that a busy spell of the machine falls on all of them alike.
        progress(f"cold_start: {repeat} rounds of: start with a database, bare Qt start, first-ever start")
        warm_samples: list[float] = []
        ready_samples: list[float] = []
        bare_samples: list[float] = []
        first_samples: list[float] = []
        for index in range(repeat):
            shown, ready = app(warm)
            warm_samples.append(shown)
            ready_samples.append(ready)
            bare_samples.append(bare())
            first_samples.append(app(root / f"first-{index}")[1])
    baseline = "fresh process showing a bare QMainWindow in a plain QApplication"
    return [
        Result(
            name=NAME,
            description="process start to main window shown, existing database (offscreen)",
            samples=warm_samples,
            baseline_samples=bare_samples,
            baseline=baseline,
            max_ratio=3.0,
            max_median=1.0,
        ),
        Result(
            name=f"{NAME}_ready",
            description="process start to rounds listed (database open, window filled), existing database; no target",
            samples=ready_samples,
            baseline_samples=bare_samples,
            baseline=baseline,
        ),
        Result(
            name=f"{NAME}_first_run",
            description="process start to rounds listed, empty data folder (database created); no target",
            samples=first_samples,
            baseline_samples=bare_samples,
            baseline=baseline,
        ),
    ]
