"""What every benchmark shares: the result row, timing helpers, the table and the JSON file."""

from __future__ import annotations

import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


@dataclass
class Result:
    """One row of the table: the program's median against the baseline's, and the targets it must meet."""

    name: str
    description: str
    samples: list[float]
    baseline_samples: list[float]
    baseline: str
    max_ratio: float | None = None
    max_median: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    unit: str = "s"  # what the samples are: seconds, or "MB" (10^6 bytes) for memory rows

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline_samples)

    @property
    def ratio(self) -> float:
        return self.median / self.baseline_median if self.baseline_median > 0 else math.inf

    @property
    def has_target(self) -> bool:
        return self.max_ratio is not None or self.max_median is not None

    @property
    def passed(self) -> bool:
        ratio_ok = self.max_ratio is None or self.ratio <= self.max_ratio
        median_ok = self.max_median is None or self.median <= self.max_median
        return ratio_ok and median_ok

    @property
    def verdict(self) -> str:
        if not self.has_target:
            return "INFO"
        return "PASS" if self.passed else "FAIL"

    @property
    def target(self) -> str:
        parts = []
        if self.max_ratio is not None:
            parts.append(f"ratio ≤ {self.max_ratio:g}")
        if self.max_median is not None:
            parts.append(f"median ≤ {format_value(self.max_median, self.unit)}")
        return ", ".join(parts) or "-"

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            median=self.median,
            baseline_median=self.baseline_median,
            ratio=self.ratio,
            target=self.target,
            verdict=self.verdict,
        )
        return data


def format_seconds(seconds: float) -> str:
    if seconds < 0.01:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 1.0:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def format_value(value: float, unit: str) -> str:
    return format_seconds(value) if unit == "s" else f"{value:.0f} {unit}"


def timed(action: Callable[[], object]) -> float:
    """Seconds the call took on the wall clock."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def alternate(
    repeat: int, measured: Callable[[int], float], baseline: Callable[[int], float]
) -> tuple[list[float], list[float]]:
    """Run the measured action and its baseline in turn, so that a slow spell of the machine hits both alike."""
    samples: list[float] = []
    baseline_samples: list[float] = []
    for index in range(repeat):
        samples.append(measured(index))
        baseline_samples.append(baseline(index))
    return samples, baseline_samples


# Qt messages that say nothing about the program: the offscreen platform cannot pass size hints on (the tests
# ignore the same message, see qt_log_ignore in pyproject.toml).
IGNORED_QT_MESSAGES = ("This plugin does not support propagateSizeHints",)


def _qt_message(_mode: object, _context: object, message: str) -> None:
    if not message.startswith(IGNORED_QT_MESSAGES):
        print(message, file=sys.stderr, flush=True)


def qt_application() -> QApplication:
    """The one QApplication of the benchmark process, for the benchmarks that measure widgets in-process."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is None:
        qInstallMessageHandler(_qt_message)
        return QApplication(["reviewer-benchmarks"])
    assert isinstance(existing, QApplication)
    return existing


def child_environment(pycache: Path) -> dict[str, str]:
    """The environment of a benchmark's child process: an installed program's, on this machine, in Swedish."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Compiled bytecode as an installed program has it: written by an untimed warm-up start into a folder of the
    # benchmark's own (never into src/), whatever PYTHONDONTWRITEBYTECODE or stale __pycache__ files say.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    # A locale that is not English makes the program choose Swedish, as on a user's machine.
    env["LC_ALL"] = "C.UTF-8"
    env.pop("REVIEWER_DATA_DIR", None)
    env.pop("REVIEWER_DATABASE_URL", None)
    return env


def progress(message: str) -> None:
    print(f"  … {message}", flush=True)


def render_table(results: list[Result]) -> str:
    header = ("name", "median", "baseline median", "ratio", "target", "verdict")
    rows = [
        (
            r.name,
            format_value(r.median, r.unit),
            format_value(r.baseline_median, r.unit),
            f"{r.ratio:.2f}",
            r.target,
            r.verdict,
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), separator, *(line(row) for row in rows)])
