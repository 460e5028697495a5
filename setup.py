"""Only the build step that pyproject.toml cannot declare: the translation and icons go into the package.

Everything else (metadata, dependencies, package data) is in pyproject.toml.
"""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

_HELPER = Path(__file__).parent / "packaging" / "build_resources.py"
_spec = importlib.util.spec_from_file_location("build_resources", _HELPER)
assert _spec is not None and _spec.loader is not None
build_resources = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_resources)


class BuildPyWithResources(build_py):
    """Compiles the .qm and copies the icons into the built package (into src/ for an editable install)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            target = Path(self.get_package_dir("reviewer.ui"))
        else:
            target = Path(self.build_lib) / "reviewer" / "ui"
        build_resources.build(target)


setup(cmdclass={"build_py": BuildPyWithResources})
