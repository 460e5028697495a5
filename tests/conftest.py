"""Every test gets its own data folder and database; nothing touches a real user's data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

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
from reviewer.services import answer_counts
from reviewer.storage.database import Database, schema_state


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


@pytest.fixture
def empty_postgres(postgres_url: str) -> str:
    """The test database's URL with its public schema dropped and made anew: nothing left from another test."""
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return postgres_url


@pytest.fixture(autouse=True)
def answer_counts_stay_true(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every database a test opens through the program is checked when it is closed: the answer counts that
    aggregation reads must equal a fresh count of the answers, whatever the test did through the services."""
    wrong: list[str] = []
    dispose = Database.dispose

    def checked(self: Database) -> None:
        if schema_state(self.engine).up_to_date:
            with self.session() as session:
                found = answer_counts.mismatches(session)
            if found:
                wrong.append(f"{self.engine.url}: {len(found)} counts differ, e.g. (key, stored, counted) {found[:3]}")
        dispose(self)

    monkeypatch.setattr(Database, "dispose", checked)
    yield
    assert not wrong, "the answer counts no longer match the answers:\n" + "\n".join(wrong)
