"""The aggregation on PostgreSQL gives the same figures as on SQLite, with the queries in turn or in parallel."""

import pytest
import sqlalchemy as sa

from reviewer.bootstrap import bootstrap
from reviewer.services import aggregation
from reviewer.services.aggregation import AggregateRequest, aggregate
from reviewer.services.aggregation_json import to_json
from tests.services.aggregation_data import add_checklist, add_round, checklist_data, known_cases

pytestmark = pytest.mark.postgres


@pytest.fixture
def empty_postgres(postgres_url):
    engine = sa.create_engine(postgres_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return postgres_url


def aggregate_known(data_dir, monkeypatch, url=None):
    """The known round's JSON (without its random UUIDs), aggregated in turn and in parallel."""
    app = bootstrap(data_dir=data_dir, database_url=url)
    docs = []
    try:
        with app.db.session() as session:
            add_checklist(session, checklist_data())
            uuid = add_round(session, "Känd omgång", known_cases())
        for parallel_from in (10**9, 0):
            monkeypatch.setattr(aggregation, "PARALLEL_FROM_REVIEWS", parallel_from)
            with app.db.session() as session:
                doc = to_json(aggregate(session, AggregateRequest((uuid,), breakdown="age_band")))
            doc["rounds"][0]["uuid"] = doc["request"]["round_uuids"][0] = None
            docs.append(doc)
    finally:
        app.close()
    return docs


def test_the_same_figures_as_on_sqlite(empty_postgres, tmp_path, monkeypatch):
    on_sqlite, _ = aggregate_known(tmp_path / "sqlite", monkeypatch)
    in_turn, in_parallel = aggregate_known(tmp_path / "postgres", monkeypatch, empty_postgres)
    assert in_turn == in_parallel == on_sqlite
    assert [f["question_key"] for f in in_turn["findings"]] == ["dagar", "skal", "fragat", "kostnad", "beslut"]
