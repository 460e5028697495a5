"""onefolder: the PyInstaller one-folder build (dist/reviewer, made by packaging/ci.sh) against the virtual environment.

Rows:
- `onefolder_start`: process start to exit of `reviewer --self-test` (the window shown, the database opened, the
  areas built, closed again) from dist/reviewer/reviewer, a returning user's data folder, offscreen. Baseline: the
  same command through the virtual environment's `reviewer` console script, alternating with it. No target: it says
  what freezing costs or saves at start (unpacking nothing, but loading from a different layout).
- `onefolder_size`: the size of dist/reviewer in MB. Baseline: what the same program takes installed in the virtual
  environment (the files of reviewer and every runtime dependency, by their installed RECORD). No target.

Skipped, with a message, when dist/reviewer is absent: build it first (`bash packaging/ci.sh`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._harness import Result, alternate, child_environment, progress
from benchmarks.cold_start import _make_returning_user

NAME = "onefolder"
DEFAULT_REPEAT = 5
ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "dist" / "reviewer"
FROZEN = BUILD / ("reviewer-cli.exe" if sys.platform == "win32" else "reviewer")
TIMEOUT_SECONDS = 120.0


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def _installed_bytes() -> int:
    """The installed files of reviewer and its runtime dependencies in this environment (interpreter excluded)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from notices import runtime_closure  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    from importlib import metadata

    total = 0
    for dist in [metadata.distribution("reviewer"), *runtime_closure().values()]:
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
    return total


def _start(command: list[str], data_dir: Path, pycache: Path) -> float:
    env = child_environment(pycache)
    start = time.perf_counter()
    result = subprocess.run(
        [*command, "--data-dir", str(data_dir), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or "self-test: ok" not in result.stdout:
        raise RuntimeError(f"{command[0]} --self-test failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def run(repeat: int | None = None) -> list[Result]:
    repeat = repeat or DEFAULT_REPEAT
    if not FROZEN.is_file():
        progress(f"onefolder: skipped, {FROZEN.relative_to(ROOT)} is missing; build it with 'bash packaging/ci.sh'")
        return []
    venv_reviewer = Path(sys.executable).parent / "reviewer"
    with tempfile.TemporaryDirectory(prefix="reviewer-bench-onefolder-") as tmp:
        root = Path(tmp)
        pycache = root / "pycache"
        frozen_data, venv_data = root / "frozen", root / "venv"
        # Untimed: the data folders with a database and a returning user's settings, and warm caches for both.
        for command, data in (([str(FROZEN)], frozen_data), ([str(venv_reviewer)], venv_data)):
            _start(command, data, pycache)
            _make_returning_user(data)
            _start(command, data, pycache)
        progress(f"onefolder: {repeat} rounds of: one-folder start, virtual-environment start")
        samples, baseline = alternate(
            repeat,
            lambda _i: _start([str(FROZEN)], frozen_data, pycache),
            lambda _i: _start([str(venv_reviewer)], venv_data, pycache),
        )
    megabyte = 1_000_000
    return [
        Result(
            name=f"{NAME}_start",
            description="process start to exit of reviewer --self-test (window, database, areas), returning user",
            samples=samples,
            baseline_samples=baseline,
            baseline="the same --self-test through the virtual environment's reviewer console script",
        ),
        Result(
            name=f"{NAME}_size",
            description="size of the one-folder build dist/reviewer",
            samples=[_folder_bytes(BUILD) / megabyte],
            baseline_samples=[_installed_bytes() / megabyte],
            baseline="the installed files of reviewer and its runtime dependencies in the virtual environment",
            unit="MB",
        ),
    ]
