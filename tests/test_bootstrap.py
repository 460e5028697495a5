import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.bootstrap import AppPaths, bootstrap
from reviewer.domain.text import ReviewerError


def test_data_dir_moves_everything(tmp_path):
    paths = AppPaths.resolve(tmp_path / "d", environ={})
    assert paths.data_dir == tmp_path / "d"
    for folder in (paths.config_dir, paths.log_dir, paths.backup_dir, paths.database_file):
        assert folder.is_relative_to(tmp_path / "d")


def test_environment_variable_moves_everything(tmp_path):
    paths = AppPaths.resolve(None, environ={"REVIEWER_DATA_DIR": str(tmp_path / "e")})
    assert paths.data_dir == tmp_path / "e"


def test_default_follows_platform_conventions(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    paths = AppPaths.resolve(None, environ={})
    assert paths.data_dir == tmp_path / "xdg-data" / "reviewer"


def test_bootstrap_creates_database_and_log_in_the_data_dir(data_dir):
    app = bootstrap(data_dir=data_dir)
    app.close()
    assert (data_dir / "reviewer.sqlite").exists()
    assert (data_dir / "logs" / "reviewer.log").exists()
    assert app.database_url == f"sqlite:///{data_dir / 'reviewer.sqlite'}"


def test_unwritable_data_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ReviewerError) as info:
        bootstrap(data_dir=blocker / "data")
    assert "kan inte användas" in info.value.text("sv")
    assert "--data-dir" in info.value.text("en")


def test_importing_the_package_creates_and_opens_nothing(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import reviewer.main, reviewer.cli.main, reviewer.bootstrap, reviewer.services.demo, "
        "reviewer.ui.main_window, reviewer.ui.app"
    )
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=tmp_path)
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_source_tree_has_no_import_time_engine():
    """No module builds an engine or opens files at import: bootstrap does."""
    src = Path(__file__).parents[1] / "src" / "reviewer"
    for path in src.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith((" ", "\t", "#")) and "create_engine(" in line:
                pytest.fail(f"module-level engine in {path}")
