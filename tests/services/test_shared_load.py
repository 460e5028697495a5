"""A shared database under load: many caseworkers' programs saving answers at once, each in its own process.

Every answer must be stored exactly once with the value its writer saved last, every review must end at the revision
its writer saw, the answer counts must equal the answers, no writer may meet an error ("database is locked", a
deadlock, a stale revision) and none may hang.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
import sqlalchemy as sa
from benchmarks._shared_load import WriterReport, prepare, run_writers
from sqlmodel import select

from reviewer.bootstrap import bootstrap
from reviewer.services import answer_counts
from reviewer.storage.database import Database
from reviewer.storage.models import Answer, Case, Review


def _url(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def _check(db: Database, reports: list[WriterReport], writers: int, saves: int) -> None:
    errors = [f"writer {r.index}: {r.error}" for r in reports if r.error]
    assert not errors, "\n".join(errors)
    assert sum(len(r.latencies) for r in reports) == writers * saves
    expected = {key: value for report in reports for key, value in report.final.items()}
    with db.session() as session:
        rows = session.exec(
            select(Case.uuid, Answer.question_key, Answer.value_json)
            .join(Review, Review.id == Answer.review_id)
            .join(Case, Case.id == Review.case_id)
        ).all()
        revisions = dict(session.exec(select(Case.uuid, Review.revision).join(Review, Review.case_id == Case.id)).all())
        assert answer_counts.mismatches(session) == []
    stored = Counter((case_uuid, key) for case_uuid, key, _value in rows)
    assert [key for key, n in stored.items() if n > 1] == [], "an answer stored more than once"
    assert {(case_uuid, key): json.loads(value) for case_uuid, key, value in rows} == expected
    assert revisions == {case: rev for report in reports for case, rev in report.revisions.items()}


@pytest.mark.slow
def test_eight_writers_on_one_sqlite_file(data_dir):
    app = bootstrap(data_dir=data_dir)
    try:
        writers, saves = 8, 250
        plans = prepare(app.db, writers, saves)
        reports = run_writers(_url(app.db), plans, timeout=300)
        _check(app.db, reports, writers, saves)
    finally:
        app.close()


@pytest.mark.slow
@pytest.mark.postgres
def test_twenty_writers_on_postgresql(empty_postgres, data_dir):
    app = bootstrap(data_dir=data_dir, database_url=empty_postgres)
    try:
        with app.db.engine.connect() as conn:
            deadlocks = sa.text("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
            before = conn.execute(deadlocks).scalar_one()
        writers, saves = 20, 500
        plans = prepare(app.db, writers, saves)
        reports = run_writers(_url(app.db), plans, timeout=600)
        _check(app.db, reports, writers, saves)
        with app.db.engine.connect() as conn:
            assert conn.execute(deadlocks).scalar_one() == before, "PostgreSQL broke a deadlock between writers"
    finally:
        app.close()
