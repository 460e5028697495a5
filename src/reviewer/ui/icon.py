"""The application icon, drawn once as resources/icons/reviewer.svg and shipped as PNGs in every size Qt may ask for."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon

DESKTOP_ID = "se.jamstalldhetsgranskning.reviewer"


def application_icon() -> QIcon:
    """Every size in one QIcon; raises if the PNGs are missing, so a package without them fails its start-up check."""
    folder = resources.files("reviewer.ui") / "icons"
    pngs = sorted(p.name for p in folder.iterdir() if p.name.endswith(".png")) if folder.is_dir() else []
    if not pngs:
        raise RuntimeError(f"application icon missing: {folder} (run 'make translations')")
    icon = QIcon()
    for name in pngs:
        icon.addFile(str(folder / name))
    return icon
