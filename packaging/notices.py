"""The third-party notices of a build, from the installed distributions' own metadata and licence files.

Used by the PyInstaller spec (licenses/ and THIRD-PARTY-NOTICES.txt in the one-folder build) and by the test that
checks src/reviewer/ui/legal/third_party.json names every runtime dependency. Needs `packaging` (PyInstaller's own
dependency, and pytest's).
"""

from __future__ import annotations

import json
import shutil
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LICENCE_WORDS = ("licen", "copying", "notice", "authors")


def runtime_closure(name: str = "reviewer") -> dict[str, metadata.Distribution]:
    """Every distribution the installed program needs at run time (no extras), by canonical name, itself excluded."""
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
    del found[canonicalize_name(name)]
    return found


def declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    return "; ".join(classifiers) or (text.splitlines()[0] if text else "see the licence files")


def licence_files(dist: metadata.Distribution) -> list[Path]:
    """The licence files a distribution installed: those its metadata names, else those in its .dist-info."""
    files = [Path(str(dist.locate_file(f))) for f in dist.files or [] if ".dist-info/" in str(f).replace("\\", "/")]
    return [f for f in files if any(w in f.name.lower() for w in LICENCE_WORDS) or "licenses" in f.parts]


def write_notices(target: Path, notices_json: Path, own_licence: Path, extra_texts: list[Path]) -> None:
    """Writes target/LICENSE, target/THIRD-PARTY-NOTICES.txt and target/licenses/<name>-<version>/…"""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(own_licence, target / "LICENSE")
    folder = target / "licenses"
    folder.mkdir(exist_ok=True)
    for text in extra_texts:
        shutil.copyfile(text, folder / text.name)
    components = json.loads(notices_json.read_text(encoding="utf-8"))["components"]
    listed = {canonicalize_name(c["name"]): c for c in components}
    lines = [
        "reviewer is licensed under the EUPL-1.2 (the file LICENSE). It includes the components below, each under",
        "its own licence; their licence files are in licenses/. Qt and PySide6 are used under the GNU LGPL 3.0",
        "(licenses/LGPL-3.0.txt, which builds on licenses/GPL-3.0.txt); their libraries are separate files in this",
        "folder that may be replaced by your own build of the same version (source: https://code.qt.io/).",
        "",
    ]
    for name, dist in sorted(runtime_closure().items()):
        entry = listed.get(name, {})
        own = folder / f"{dist.metadata['Name']}-{dist.version}"
        copied = []
        for path in licence_files(dist):
            own.mkdir(exist_ok=True)
            shutil.copyfile(path, own / path.name)
            copied.append(f"licenses/{own.name}/{path.name}")
        lines += [
            f"{dist.metadata['Name']} {dist.version}",
            f"  licence: {entry.get('licence') or declared_licence(dist)}",
            f"  declared by the package: {declared_licence(dist)}",
            f"  files: {', '.join(copied) or 'none shipped by the package'}",
        ]
        if entry.get("note"):
            lines.append(f"  note: {entry['note']['en']}")
        lines.append("")
    for entry in listed.values():
        if entry.get("bundled"):
            lines += [entry["name"], f"  licence: {entry['licence']}", f"  note: {entry['note']['en']}", ""]
    (target / "THIRD-PARTY-NOTICES.txt").write_text("\n".join(lines), encoding="utf-8")
