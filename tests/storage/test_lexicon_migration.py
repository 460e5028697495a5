"""Migration 0007 adds the lexicon versions and a round's pinned version to a database that has rounds, and takes
them away again without touching the rounds."""

from __future__ import annotations

import sqlalchemy as sa

from reviewer.bootstrap import bootstrap
from reviewer.domain.wording import builtin_lexicon
from reviewer.services.demo import create_demo_data
from reviewer.services.lexicon import lexicon_for_round, list_versions
from reviewer.storage import database


def _rounds(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT uuid, name FROM review_round ORDER BY id")).all()


def test_up_and_down_on_a_database_with_rounds(tmp_path):
    app = bootstrap(data_dir=tmp_path / "data")
    try:
        with app.db.session() as session:
            create_demo_data(session, cases=10, seed=1)
    finally:
        app.close()
    url = f"sqlite:///{tmp_path / 'data' / 'reviewer.sqlite'}"
    engine = database.make_engine(url)
    rounds = _rounds(engine)
    assert rounds
    with engine.connect() as conn:
        pinned = conn.execute(sa.text("SELECT DISTINCT lexicon_version_id FROM review_round")).scalars().all()
    assert pinned == [1]

    database.downgrade(engine, "0005")
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        assert not inspector.has_table("lexicon_version")
        assert "lexicon_version_id" not in {c["name"] for c in inspector.get_columns("review_round")}
    assert _rounds(engine) == rounds

    database.upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(
            sa.text("SELECT COUNT(*) FROM review_round WHERE lexicon_version_id IS NULL")
        ).scalar() == len(rounds)
        foreign = sa.inspect(conn).get_foreign_keys("review_round")
    assert {"lexicon_version_id"} in [set(fk["constrained_columns"]) for fk in foreign]
    engine.dispose()

    app = bootstrap(data_dir=tmp_path / "data")
    try:
        with app.db.session() as session:
            assert [v.version for v in list_versions(session)] == [1]
            assert list_versions(session)[0].rounds == len(rounds)
            assert lexicon_for_round(session, rounds[0].uuid) == builtin_lexicon()
    finally:
        app.close()
