"""Migration 0002 fills the answer counts of a database made before them with what the services would have counted,
on SQLite and PostgreSQL, and a database at 0001 is backed up before it is migrated."""

from __future__ import annotations

from collections import Counter

import pytest
import sqlalchemy as sa

from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.services import answer_counts
from reviewer.services.demo import create_demo_data
from reviewer.storage import database
from reviewer.storage.database import open_database
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data, known_cases


def _fill(data_dir, url=None):
    """Every kind of answer: demo rounds, the known round (text, dates, multiple choices, a note without an
    answer), a case without unit or age band; returns the counts the services kept."""
    app = bootstrap(data_dir=data_dir, database_url=url)
    try:
        with app.db.session() as session:
            create_demo_data(session, cases=30, seed=2)
            add_checklist(session, checklist_data())
            add_round(session, "Känd omgång", [*known_cases(), Case(Sex.MAN, {"fragat": "ja"}, unit=None)])
            kept = answer_counts.stored(session)
    finally:
        app.close()
    assert kept
    return kept


def _refilled(url, backups):
    engine = database.make_engine(url)
    database.downgrade(engine, "0001")
    with engine.connect() as conn:
        assert not sa.inspect(conn).has_table("answer_count")
    engine.dispose()
    db = open_database(url, backups)
    try:
        with db.session() as session:
            return answer_counts.stored(session), answer_counts.mismatches(session)
    finally:
        db.dispose()


def _through_0001(kept):
    """What going down to 0001 and up again keeps: annat and okänt were one value there, which comes back as okänt
    (migration 0006)."""
    merged = Counter()
    for key, n in kept.items():
        round_id, status, sex, *rest = key
        merged[(round_id, status, "okant" if sex == "annat" else sex, *rest)] += n
    return merged


def test_the_migration_counts_what_the_services_count(tmp_path):
    kept = _fill(tmp_path / "data")
    refilled, wrong = _refilled(f"sqlite:///{tmp_path / 'data' / 'reviewer.sqlite'}", tmp_path / "backups")
    assert any(key[2] == "annat" for key in kept)
    assert refilled == _through_0001(kept)
    assert wrong == []
    assert len(list((tmp_path / "backups").glob("*-before-migration.sqlite"))) == 1


@pytest.mark.postgres
def test_the_migration_counts_what_the_services_count_on_postgresql(empty_postgres, tmp_path):
    kept = _fill(tmp_path / "data", empty_postgres)
    refilled, wrong = _refilled(empty_postgres, tmp_path / "unused")
    assert refilled == _through_0001(kept)
    assert wrong == []
