"""The aggregation on PostgreSQL gives the same figures as on SQLite, with the answer counts kept through the
services and a case reviewed twice."""

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.services.aggregation import AggregateRequest, aggregate
from reviewer.services.aggregation.json_form import to_json
from reviewer.services.cases import CaseInput, list_cases, update_case
from reviewer.services.reviews import complete_review, open_review, save_answer
from tests.services.aggregation_data import add_checklist, add_round, checklist_data, known_cases

pytestmark = pytest.mark.postgres


def aggregate_known(data_dir, url=None):
    """The known round, a case reviewed twice and one corrected, as JSON without its random UUIDs."""
    app = bootstrap(data_dir=data_dir, database_url=url)
    try:
        with app.db.session() as session:
            add_checklist(session, checklist_data())
            uuid = add_round(session, "Känd omgång", known_cases())
            first, second = list_cases(session, uuid)[:2]
            snapshot = open_review(session, first.uuid, "CD")
            save_answer(session, snapshot, snapshot.definition.question("fragat"), "nej", None)
            complete_review(session, snapshot, "CD")
            update_case(session, second.uuid, CaseInput(second.case_code, Sex.MAN, "aldre", "Norr"))
        with app.db.session() as session:
            doc = to_json(aggregate(session, AggregateRequest((uuid,), breakdown="age_band")))
    finally:
        app.close()
    doc["rounds"][0]["uuid"] = doc["request"]["round_uuids"][0] = None
    return doc


def test_the_same_figures_as_on_sqlite(empty_postgres, tmp_path):
    on_sqlite = aggregate_known(tmp_path / "sqlite")
    on_postgres = aggregate_known(tmp_path / "postgres", empty_postgres)
    assert on_postgres == on_sqlite
    assert [f["question_key"] for f in on_postgres["findings"]] == ["skal", "dagar", "fragat", "beslut", "kostnad"]
