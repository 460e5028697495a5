"""The licence files the About dialog and the builds ship: the real EUPL-1.2, and notices for every dependency."""

import importlib.util
import json
import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

from reviewer.ui.about_dialog import legal_text, third_party_components

ROOT = Path(__file__).parents[2]
NOTICES = ROOT / "src/reviewer/ui/legal/third_party.json"


def load_notices():
    """packaging/notices.py, which the PyInstaller spec uses too (loaded by path: packaging/ is not a package)."""
    spec = importlib.util.spec_from_file_location("notices", ROOT / "packaging" / "notices.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_licence_is_the_full_eupl_1_2():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("                      EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    articles = re.findall(r"^(\d+)\. ", text, flags=re.MULTILINE)
    assert articles == [str(n) for n in range(1, 16)], "the EUPL has 15 articles"
    assert "Appendix" in text and "Québec Free and Open-Source Licence" in text
    assert legal_text("LICENSE") == text, "the package carries the same text (make translations copies it)"


def test_pyproject_declares_the_spdx_expression_and_the_licence_file():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"
    assert project["license-files"] == ["LICENSE"]
    assert metadata.metadata("reviewer")["License-Expression"] == "EUPL-1.2"


def test_the_notices_name_every_runtime_dependency_with_a_licence():
    listed = {canonicalize_name(c["name"]): c for c in json.loads(NOTICES.read_text(encoding="utf-8"))["components"]}
    missing = sorted(set(load_notices().runtime_closure()) - set(listed))
    assert not missing, f"add these runtime dependencies to {NOTICES.relative_to(ROOT)}: {missing}"
    assert all(c["licence"] and c["url"].startswith("https://") for c in listed.values())


def test_every_note_is_in_both_languages():
    assert [c.note for c in third_party_components("sv") if c.note]
    for entry in json.loads(NOTICES.read_text(encoding="utf-8"))["components"]:
        if "note" in entry:
            assert set(entry["note"]) == {"sv", "en"}, entry["name"]
