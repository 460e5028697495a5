"""The Inno Setup script (compiled only on Windows) against what docs/installing.md promises IT."""

import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
ISS = ROOT / "packaging" / "windows" / "reviewer.iss"
DOC = ROOT / "docs" / "installing.md"


def setup_section() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8-sig")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(line.strip().split("=", 1) for line in section.splitlines() if "=" in line and not line.startswith(";"))


def test_the_script_is_utf8_with_a_bom_as_inno_setup_needs_for_the_swedish_name():
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")
    assert '#define AppName "Jämställdhetsgranskning"' in ISS.read_text(encoding="utf-8-sig")


def test_a_per_user_install_without_administrator_rights_apart_from_the_data():
    setup = setup_section()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\reviewer"
    assert not re.search(r"^\[UninstallDelete\]", ISS.read_text(encoding="utf-8-sig"), re.MULTILINE), "data stays"


def test_the_docs_name_the_switches_and_the_same_app_id():
    doc = DOC.read_text(encoding="utf-8")
    assert "/VERYSILENT /SUPPRESSMSGBOXES /NORESTART" in doc
    app_id = re.search(r"\{\{([0-9A-F-]{36})\}", setup_section()["AppId"])
    assert app_id is not None
    assert f"{{{app_id.group(1)}}}_is1" in doc


def test_it_packs_the_folder_the_spec_builds():
    spec = (ROOT / "packaging" / "reviewer.spec").read_text(encoding="utf-8")
    assert 'name="reviewer")' in spec
    assert r'"..\..\dist\reviewer"' in ISS.read_text(encoding="utf-8-sig")
