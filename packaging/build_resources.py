"""Build the files the program needs that are not Python source: the .qm files from their .ts, the icons, the licence,
and the built-in training packs (resources/training/*.yaml, copied into reviewer/training/packs/).

Used by setup.py during `build_py` (so `pip install .`, a wheel and an sdist all carry them) and by `make` for the
developer's checkout. The .qm is built, not committed: every branch changes the .ts, and a committed binary beside it
would conflict on every merge and could go stale unnoticed.

    python packaging/build_resources.py TARGET   # TARGET is the reviewer.ui package folder, e.g. src/reviewer/ui
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
# Swedish in full; English only the plural forms of the %n messages ("1 case", "2 cases"), as Qt does it.
LANGUAGES = ("sv", "en")
ICONS = ROOT / "resources" / "icons"
LICENSE = ROOT / "LICENSE"
TRAINING_PACKS = ROOT / "resources" / "training"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def lrelease_command() -> list[str]:
    """Qt's lrelease as PySide6-Essentials ships it (a build requirement), run through its own wrapper."""
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"]


def build(ui_package: Path) -> list[Path]:
    """Writes i18n/reviewer_sv.qm and reviewer_en.qm, icons/reviewer-N.png and legal/LICENSE (for the About dialog)
    into `ui_package`, and the training packs into its sibling package reviewer.training; returns the files written."""
    written = []
    for language in LANGUAGES:
        qm = ui_package / "i18n" / f"reviewer_{language}.qm"
        qm.parent.mkdir(parents=True, exist_ok=True)
        ts = TRANSLATIONS / f"reviewer_{language}.ts"
        subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise RuntimeError(f"lrelease wrote no translation to {qm}")
        written.append(qm)
    icons = ui_package / "icons"
    icons.mkdir(exist_ok=True)
    for size in ICON_SIZES:
        source = ICONS / "png" / f"reviewer-{size}.png"
        shutil.copyfile(source, icons / source.name)
        written.append(icons / source.name)
    legal = ui_package / "legal"
    legal.mkdir(exist_ok=True)
    shutil.copyfile(LICENSE, legal / "LICENSE")
    written.append(legal / "LICENSE")
    return written + copy_training_packs(ui_package.parent / "training" / "packs")


def copy_training_packs(target: Path) -> list[Path]:
    """The packs of resources/training/ into `target`, replacing whatever packs were there (a pack removed from
    resources/ must not live on in a developer's checkout)."""
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.glob("*.yaml"):
        stale.unlink()
    written = []
    for source in sorted(TRAINING_PACKS.glob("*.yaml")):
        shutil.copyfile(source, target / source.name)
        written.append(target / source.name)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for path in build(Path(sys.argv[1])):
        print(path)
