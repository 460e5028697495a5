"""Migration 0006 turns the one stored value of annat and okänt into okänt in every table that holds a sex (cases
and answer counts), and keeps the release register's published annat/okänt column as the merged column it was;
the downgrade merges both back."""

from __future__ import annotations

import json

import sqlalchemy as sa

from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.storage import database
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data


def _values(engine, query):
    with engine.connect() as conn:
        return sorted(r[0] for r in conn.execute(sa.text(query)))


def test_old_annat_okant_values_become_okant_and_come_back(tmp_path):
    app = bootstrap(data_dir=tmp_path)
    try:
        with app.db.session() as session:
            add_checklist(session, checklist_data())
            cases = [
                Case(Sex.KVINNA, {"fragat": "ja"}),
                Case(Sex.ANNAT, {"fragat": "ja"}),
                Case(Sex.OKANT, {"fragat": "ja"}),
            ]
            add_round(session, "Omgång", cases)
    finally:
        app.close()
    engine = database.make_engine(f"sqlite:///{tmp_path / 'reviewer.sqlite'}")
    try:
        database.downgrade(engine, "0005")
        assert _values(engine, "SELECT sex FROM review_case") == ["annat_okant", "annat_okant", "kvinna"]
        # annat's and okänt's counts of the same answer are one row at 0005
        assert _values(engine, "SELECT n FROM answer_count WHERE sex = 'annat_okant' AND value = 'ja'") == [2]
        # a release recorded at 0005, its annat/okänt column one
        figures = {"fraga": {"rows": ["ja"], "adds_up": True, "figures": [["ja", "other", None, 0, 4]]}}
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO release_record (uuid, created_at, kind, checklist_slug, checklist_version, min_cell, "
                    "n_hidden, n_hidden_for_earlier, rounds_json, figures_json) VALUES ('u', '2026-01-01', 'csv', "
                    "'testmall', 1, 5, 1, 0, '[]', :figures)"
                ),
                {"figures": json.dumps(figures)},
            )

        database.upgrade(engine)
        assert _values(engine, "SELECT sex FROM review_case") == ["kvinna", "okant", "okant"]
        assert "annat_okant" not in _values(engine, "SELECT DISTINCT sex FROM answer_count")
        assert "okant" in _values(engine, "SELECT DISTINCT sex FROM answer_count")
        stored = json.loads(_values(engine, "SELECT figures_json FROM release_record")[0])
        assert stored["fraga"]["figures"] == [["ja", "other_unknown", None, 0, 4]]

        database.downgrade(engine, "0005")
        assert json.loads(_values(engine, "SELECT figures_json FROM release_record")[0]) == figures
    finally:
        engine.dispose()
