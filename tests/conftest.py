"""Every test gets its own data folder and database; nothing touches a real user's data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A test that forgets --data-dir must fail loudly instead of writing to the developer's real folders.
os.environ["XDG_DATA_HOME"] = "/nonexistent/reviewer-tests-must-pass-a-data-dir"
os.environ["XDG_CONFIG_HOME"] = "/nonexistent/reviewer-tests-must-pass-a-data-dir"
os.environ["XDG_STATE_HOME"] = "/nonexistent/reviewer-tests-must-pass-a-data-dir"
os.environ.pop("REVIEWER_DATA_DIR", None)
os.environ.pop("REVIEWER_DATABASE_URL", None)
os.environ["LANG"] = "sv_SE.UTF-8"
os.environ.pop("LC_ALL", None)
os.environ.pop("LC_MESSAGES", None)

from reviewer.bootstrap import App, bootstrap


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def app(data_dir: Path) -> Iterator[App]:
    application = bootstrap(data_dir=data_dir)
    yield application
    application.close()


@pytest.fixture
def postgres_url() -> str:
    url = os.environ.get("REVIEWER_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("REVIEWER_TEST_POSTGRES_URL is not set (.ci/run sets it up)")
    return url
