"""Every UI string is in the Swedish translation, and every translation is finished."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
TS = ROOT / "resources/translations/reviewer_sv.ts"


def sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in tree.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") not in {"obsolete", "vanished"}
    }


def test_every_translation_is_finished():
    tree = ET.parse(TS)

    def translated(message) -> bool:
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        return translation.get("type") != "unfinished" and all((f or "").strip() for f in forms)

    unfinished = [m.findtext("source") for m in tree.iter("message") if not translated(m)]
    assert unfinished == []


def test_ts_file_holds_every_string_in_the_code(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate is missing; it comes with PySide6-Essentials")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "src/reviewer/ui").rglob("*.py"))
    subprocess.run([str(lupdate), *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sources(fresh) - sources(TS)
    assert not missing, f"run 'make update-translations' and translate: {sorted(missing)}"


def test_qt_standard_buttons_are_swedish_too(qapp, swedish):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
