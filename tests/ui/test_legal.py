"""The licence files the About dialog and the builds ship: the real EUPL-1.2, and notices for every dependency."""

import json
import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from reviewer.ui.about_dialog import legal_text, third_party_components

ROOT = Path(__file__).parents[2]
NOTICES = ROOT / "src/reviewer/ui/legal/third_party.json"


def runtime_closure(name: str = "reviewer") -> dict[str, metadata.Distribution]:
    """Every distribution the installed program needs at run time (no extras), by canonical name."""
    found: dict[str, metadata.Distribution] = {}
    pending = [name]
    while pending:
        current = canonicalize_name(pending.pop())
        if current in found:
            continue
        dist = metadata.distribution(current)
        found[current] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    del found["reviewer"]
    return found


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
    missing = sorted(set(runtime_closure()) - set(listed))
    assert not missing, f"add these runtime dependencies to {NOTICES.relative_to(ROOT)}: {missing}"
    assert all(c["licence"] and c["url"].startswith("https://") for c in listed.values())


def test_every_note_is_in_both_languages():
    assert [c.note for c in third_party_components("sv") if c.note]
    for entry in json.loads(NOTICES.read_text(encoding="utf-8"))["components"]:
        if "note" in entry:
            assert set(entry["note"]) == {"sv", "en"}, entry["name"]
