"""The program on a real X display, not only offscreen: the README's system packages give the xcb platform plugin every
library it needs, and the window opens and closes under Xvfb.

CI (`.ci/run`) installs exactly the README's list and sets REVIEWER_REQUIRE_X11=1, so there a missing library or a
missing `xvfb-run` fails the run instead of skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).parents[2] / "README.md"
REQUIRED = os.environ.get("REVIEWER_REQUIRE_X11") == "1"


def readme_install_line() -> str:
    block = re.search(r"<!-- system-packages:.*?```\n(.*?)```", README.read_text("utf-8"), re.S)
    assert block is not None, "README.md has no system-packages block"
    return block.group(1).strip()


def readme_packages() -> list[str]:
    return readme_install_line().replace("\\\n", " ").replace("sudo apt-get install", "").split()


def xcb_plugin() -> Path:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("no xcb platform plugin (not Linux)")
    return plugin


def unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(reason)
    pytest.skip(reason)


def not_found(ldd_listing: str) -> list[str]:
    return sorted({line.split("=>")[0].strip() for line in ldd_listing.splitlines() if "not found" in line})


def test_a_missing_library_is_named():
    listing = (
        "\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
    )
    assert not_found(listing) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_the_xcb_plugin_finds_every_library_it_needs():
    """`ldd` lists the whole tree of shared libraries of the plugin and of the GL integrations it loads; each one
    must be found."""
    plugin = xcb_plugin()
    if shutil.which("ldd") is None:
        unavailable("ldd is not installed")
    plugins = [plugin, *sorted((plugin.parents[1] / "xcbglintegrations").glob("*.so"))]
    listing = "".join(
        subprocess.run(["ldd", str(p)], capture_output=True, text=True, check=True).stdout for p in plugins
    )
    missing = not_found(listing)
    assert not missing, (
        f"The Qt xcb platform plugin cannot load: {', '.join(missing)} not found. "
        f"Install the README's system packages:\n{readme_install_line()}"
    )


def test_the_readme_lists_xvfb_for_the_display_test():
    assert "xvfb" in readme_packages()


def test_the_window_opens_and_closes_on_an_x_display(tmp_path):
    """`reviewer --self-test` under Xvfb with the xcb plugin: the real start, the main window, then closing it."""
    xcb_plugin()
    if shutil.which("xvfb-run") is None:
        unavailable("xvfb-run is not installed (Debian package xvfb)")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8", "QT_DEBUG_PLUGINS": "0"}
    command = ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1280x800x24"]
    command += [sys.executable, "-m", "reviewer", "--data-dir", str(tmp_path / "data"), "--self-test"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=180)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "self-test: ok" in output
    assert "Could not load the Qt platform plugin" not in output
