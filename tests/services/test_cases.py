import json

import pytest
from sqlmodel import func, select

from reviewer.domain.personnummer import PersonnummerError
from reviewer.domain.sex import Sex
from reviewer.services import cases, reviews
from reviewer.services.cases import CaseInput, CaseStatus
from reviewer.storage.models import Answer, AuditEvent, Case, Review


def add(app, round_uuid, code="MB-001", sex=Sex.KVINNA, age_band=None, unit="Vuxenenheten"):
    with app.db.session() as session:
        return cases.add_case(session, round_uuid, CaseInput(code, sex, age_band, unit), "AB").uuid


def test_add_edit_and_list(app, missbruk_round):
    band = "a25_34"
    uuid = add(app, missbruk_round, " MB-001 ", age_band=band)
    with app.db.session() as session:
        [row] = cases.list_cases(session, missbruk_round)
        assert (row.case_code, row.sex, row.age_band, row.unit, row.status) == (
            "MB-001",
            Sex.KVINNA,
            band,
            "Vuxenenheten",
            CaseStatus.NOT_STARTED,
        )
        cases.update_case(session, uuid, CaseInput("MB-001", Sex.MAN, band, "Vuxenenheten"), "AB")
        assert cases.list_cases(session, missbruk_round)[0].sex is Sex.MAN
        update = session.exec(select(AuditEvent).where(AuditEvent.action == "update")).one()
        assert json.loads(update.detail_json)["changes"] == {"sex": ["kvinna", "man"]}


@pytest.mark.parametrize(
    ("code", "sex", "band", "message"),
    [
        ("", Sex.KVINNA, None, "saknas"),
        ("MB-002", Sex.FLICKA, None, "passar inte checklistan"),
        ("MB-002", Sex.KVINNA, "a0_5", "Åldersgruppen 'a0_5' finns inte"),
        ("MB-001", Sex.KVINNA, None, "finns redan i omgången"),
        ("x" * 65, Sex.KVINNA, None, "för lång"),
    ],
)
def test_invalid_cases_are_refused_with_a_reason(app, missbruk_round, code, sex, band, message):
    add(app, missbruk_round)
    with app.db.session() as session:
        with pytest.raises(cases.CaseError) as info:
            cases.add_case(session, missbruk_round, CaseInput(code, sex, band, None))
        assert message in info.value.text("sv")
        assert session.exec(select(func.count()).select_from(Case)).one() == 1


@pytest.mark.parametrize("code", ["811228-9874", "198112289874", "Klient 811228+9874", "811288-9871"])
def test_personnummer_as_case_code_is_refused_and_never_stored(app, missbruk_round, code):
    with app.db.session() as session:
        with pytest.raises(PersonnummerError) as info:
            cases.add_case(session, missbruk_round, CaseInput(code, Sex.KVINNA))
        assert "nummer" in info.value.text("sv")
        assert "Ärendekod" in info.value.text("sv")
        assert code not in info.value.text("sv")
        assert session.exec(select(func.count()).select_from(Case)).one() == 0


def test_personnummer_in_unit_is_refused(app, missbruk_round):
    with pytest.raises(PersonnummerError):
        add(app, missbruk_round, unit="811228-9874")


def test_delete_removes_reviews_and_answers_and_leaves_an_audit_event(app, missbruk_round):
    uuid = add(app, missbruk_round)
    with app.db.session() as session:
        snapshot = reviews.open_review(session, uuid, "AB")
        reviews.save_answer(session, snapshot, snapshot.definition.question("overklagat"), "nej", None)
        cases.delete_case(session, uuid, "AB")
        for table in (Case, Review, Answer):
            assert session.exec(select(func.count()).select_from(table)).one() == 0
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "delete")).one()
        assert json.loads(event.detail_json) == {
            "answers": 1,
            "case_code": "MB-001",
            "reviews": 1,
            "round": missbruk_round,
        }


def test_status_follows_the_reviews(app, missbruk_round):
    first, second = add(app, missbruk_round, "A"), add(app, missbruk_round, "B")
    with app.db.session() as session:
        snapshot = reviews.open_review(session, first, "AB")
        reviews.save_answer(session, snapshot, snapshot.definition.question("overklagat"), "ja", None)
        reviews.open_review(session, second, "AB")
        statuses = {r.case_code: r.status for r in cases.list_cases(session, missbruk_round)}
    assert statuses == {"A": CaseStatus.IN_PROGRESS, "B": CaseStatus.NOT_STARTED}
