"""The Linux desktop integration (desktop file, AppStream metainfo) and the icon files the builds take."""

import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QImage

from reviewer import __version__
from reviewer.ui.icon import DESKTOP_ID
from tests.tools import require_tool

ROOT = Path(__file__).parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{DESKTOP_ID}.desktop"
METAINFO = LINUX / f"{DESKTOP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def test_the_desktop_file_is_valid():
    result = subprocess.run(
        [require_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_metainfo_is_valid_appstream():
    result = subprocess.run(
        [require_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_metainfo_icon_and_program_agree():
    entry = desktop_entry()
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_ID == entry["Icon"]
    assert component.findtext("launchable") == DESKTOP.name
    assert entry["Exec"] == component.findtext("provides/binary") == "reviewer"
    assert entry["Name[sv]"] == component.findtext("name[@{http://www.w3.org/XML/1998/namespace}lang='sv']")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert component.findtext("project_license") == pyproject["project"]["license"]
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == __version__, "add a <release> for the new version"


def test_every_icon_size_is_rendered_from_the_svg():
    assert (ICONS / "reviewer.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(ICONS / "png" / f"reviewer-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_windows_icon_holds_the_sizes_explorer_asks_for():
    data = (ICONS / "reviewer.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sides = [data[6 + 16 * i] or 256 for i in range(count)]
    assert sides == [16, 24, 32, 48, 64, 256]
