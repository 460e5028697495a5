"""The exchange import on a shared PostgreSQL database: the same file, the same result as on SQLite."""

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.services.exchange import Resolution
from tests.services.exchange.helpers import add_reviewed_case, answer, contents, fingerprint, make_round
from tests.services.exchange.test_importer import export, import_files

pytestmark = pytest.mark.postgres


@pytest.fixture
def postgres_chief(empty_postgres, tmp_path):
    application = bootstrap(data_dir=tmp_path / "chief", database_url=empty_postgres)
    yield application
    application.close()


def test_round_trip_conflict_and_reimport_on_postgresql(app, postgres_chief, tmp_path):
    baseline = make_round(app, "Missbruk 2023", "2023")
    add_reviewed_case(app, baseline, "MB-0", complete=True)
    round_uuid = make_round(app, "Missbruk 2024", "2024", baseline_uuid=baseline)
    case_uuid, _ = add_reviewed_case(
        app, round_uuid, "MB-1", answers={"fragat_om_barn": "ja", "dygnskostnad": 1200.5}, notes={"beslut": "Not"}
    )
    add_reviewed_case(app, round_uuid, "MB-2", reviewer="CD")
    summary = import_files(postgres_chief, export(app, tmp_path / "first.granskning"))
    assert summary.reviews.new == 3
    assert contents(postgres_chief) == contents(app)

    before = fingerprint(postgres_chief)
    assert import_files(postgres_chief, tmp_path / "first.granskning").reviews.new == 0
    assert fingerprint(postgres_chief) == before

    answer(app, case_uuid, "AB", {"fragat_om_barn": "nej"})
    taken = import_files(postgres_chief, export(app, tmp_path / "second.granskning"), resolutions=Resolution.TAKE)
    assert taken.reviews.taken == 1
    ours = contents(postgres_chief)["Missbruk 2024"]["cases"]["MB-1"]["reviews"]["AB"]
    theirs = contents(app)["Missbruk 2024"]["cases"]["MB-1"]["reviews"]["AB"]
    assert ours["answers"] == theirs["answers"]
