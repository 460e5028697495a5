"""Tools for the fault tests: a small disk that fills up, a read-only folder, planted personal data, the CLI as a
user runs it."""

from __future__ import annotations

import csv
import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PLANTED = ("ZZPLANT", "ZZUNIT", "ZZREVIEWER", "ZZNOTE")


def cli(
    *args: object, data_dir: Path, lang: str = "sv_SE.UTF-8", timeout: float = 180, umask: int = -1
) -> subprocess.CompletedProcess:
    """`reviewer ARGS --data-dir DIR` in its own process; no traceback may reach the terminal, whatever happens."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = lang
    env["PYTHONPATH"] = str(ROOT / "src")
    command = [sys.executable, "-m", "reviewer", *map(str, args), "--data-dir", str(data_dir)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT, umask=umask)
    assert "Traceback" not in result.stderr, result.stderr
    assert "[SQL" not in result.stderr and "parameters" not in result.stderr, result.stderr
    return result


def mount_tmpfs(folder: Path, size: str, options: str = "") -> None:
    """Mount a small tmpfs at `folder`, or skip the test saying why (it needs root; CI runs as root)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs (mount -t tmpfs); CI runs as root")
    folder.mkdir(parents=True, exist_ok=True)
    opts = f"size={size}" + (f",{options}" if options else "")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this sandbox does not allow mount -t tmpfs: {done.stderr.strip()}")


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


@contextmanager
def small_disk(folder: Path, size: str = "24m") -> Iterator[Path]:
    mount_tmpfs(folder, size)
    try:
        yield folder
    finally:
        unmount(folder)


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True, capture_output=True)


def _free(disk: Path) -> int:
    stats = os.statvfs(disk)
    return stats.f_bavail * stats.f_frsize


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk with a filler file until at most `leave` bytes are free; delete the file to free the disk."""
    filler = disk / "filler.bin"
    with filler.open("wb", buffering=0) as handle:
        for chunk in (1 << 20, 1 << 16, 1 << 12, 1):
            block = b"\0" * chunk
            while _free(disk) >= leave + chunk:
                try:
                    handle.write(block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    return filler


def integrity(database: Path) -> str:
    with closing(sqlite3.connect(database)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def count(database: Path, table: str) -> int:
    with closing(sqlite3.connect(database)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def planted_csv(path: Path, rows: int) -> Path:
    """Earlier reviews for the built-in missbruk checklist whose case codes, units, reviewers and notes are marked,
    so a scan of stderr and the log can tell whether any of them leaked."""
    from benchmarks.spreadsheet_import_10k import write_csv

    from reviewer.checklists.loader import builtin_checklists

    raw = path.with_suffix(".raw.csv")
    write_csv(raw, next(d for d in builtin_checklists() if d.slug == "missbruk"), rows, 3)
    with raw.open(encoding="utf-8-sig", newline="") as source, path.open("w", encoding="utf-8-sig", newline="") as out:
        reader = csv.reader(source, delimiter=";")
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(next(reader))
        for number, row in enumerate(reader, 1):
            row[0] = f"ZZPLANT{number:05d}"
            row[3] = f"ZZUNIT {number % 3}"
            row[4] = f"ZZREVIEWER{number % 2}"
            row[-1] = f"ZZNOTE hemlig anteckning {number}"
            writer.writerow(row)
    raw.unlink()
    return path


def log_text(data_dir: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted((data_dir / "logs").glob("*")))


def assert_nothing_planted(*texts: str) -> None:
    for text in texts:
        for marker in PLANTED:
            assert marker not in text, f"{marker} leaked: ...{text[max(text.find(marker) - 200, 0) :][:400]}"
