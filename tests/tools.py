"""External programs that tests need: found on PATH, or the test fails with the README's line that installs them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"
# The Debian package that brings each program; every one must be in the README's list.
PACKAGE_OF = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "appstreamcli": "appstream",
    "desktop-file-validate": "desktop-file-utils",
}


def readme_install_command() -> str:
    """The README's `sudo apt-get install …` block (between its system-packages markers), as one line."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- system-packages:.*?-->\s*```\s*(.*?)```\s*<!-- /system-packages -->", text, re.DOTALL)
    if match is None:
        raise AssertionError("README.md has no system-packages block")
    return " ".join(match.group(1).replace("\\\n", " ").split())


def readme_packages() -> list[str]:
    command = readme_install_command()
    prefix = "sudo apt-get install "
    assert command.startswith(prefix), command
    return command.removeprefix(prefix).split()


def require_tool(name: str) -> str:
    """The program's path; a missing one fails the test with what to install (never skips it)."""
    package = PACKAGE_OF[name]
    assert package in readme_packages(), f"{package} (for {name}) must be in the README's system-package list"
    path = shutil.which(name)
    if path is None:  # the message is long: it is the README's whole line, ready to paste
        pytest.fail(f"{name} is missing (Debian package {package}); README: {readme_install_command()}")
    return path
