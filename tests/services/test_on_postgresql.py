"""The same services on a shared PostgreSQL database: a different URL, the same code."""

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.services.checklists import list_checklists
from reviewer.services.demo import create_demo_data
from reviewer.services.maintenance import check_database
from reviewer.services.rounds import list_rounds

pytestmark = pytest.mark.postgres


def test_bootstrap_demo_and_check_on_postgresql(empty_postgres, data_dir):
    app = bootstrap(data_dir=data_dir, database_url=empty_postgres)
    try:
        assert not (data_dir / "reviewer.sqlite").exists()
        with app.db.session() as session:
            assert {c.slug for c in list_checklists(session)} == {"fardtjanst", "barnomsorg", "missbruk"}
            create_demo_data(session, cases=25, seed=4)
            rounds = list_rounds(session)
        assert [r.completed_count for r in rounds] == [25, 25, 25]
        report = check_database(app.db)
        assert report.healthy
        assert report.backend == "postgresql"
        assert report.counts["review"] == 75
    finally:
        app.close()
