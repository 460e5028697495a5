import json

import pytest
from sqlmodel import select

from reviewer.domain.personnummer import PersonnummerError
from reviewer.services import rounds
from reviewer.services.checklists import get_version
from reviewer.storage.models import AuditEvent


def test_create_rename_archive_and_list(app, missbruk_round):
    with app.db.session() as session:
        rounds.rename_round(session, missbruk_round, "  Missbruk   våren 2026 ", "AB")
        rounds.set_archived(session, missbruk_round, True, "AB")
        summary = rounds.list_rounds(session)[0]
        assert (summary.name, summary.archived, summary.period_label) == ("Missbruk våren 2026", True, "2026 H1")
        assert rounds.list_rounds(session, include_archived=False) == []
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
        assert actions == ["create", "rename", "archive"]


def test_baseline_round_is_recorded_and_must_be_the_same_area(app, missbruk_round):
    with app.db.session() as session:
        after = rounds.create_round(
            session, "Missbruk 2027", get_version(session, "missbruk"), "2027", baseline_uuid=missbruk_round
        )
        assert after.baseline_round_id is not None
        assert {r.name: r.baseline_name for r in rounds.list_rounds(session)}["Missbruk 2027"] == "Missbruk 2026 H1"
        with pytest.raises(rounds.RoundError, match="same area"):
            rounds.create_round(
                session, "Fel", get_version(session, "barnomsorg"), "2027", baseline_uuid=missbruk_round
            )


@pytest.mark.parametrize("name", ["", "   ", "Missbruk 2026 H1"])
def test_bad_or_taken_names_are_refused(app, missbruk_round, name):
    with app.db.session() as session, pytest.raises(rounds.RoundError):
        rounds.create_round(session, name, get_version(session, "missbruk"), "x")


def test_personnummer_in_a_round_name_is_refused(app):
    with app.db.session() as session, pytest.raises(PersonnummerError):
        rounds.create_round(session, "Ärende 811228-9874", get_version(session, "missbruk"), "x")


def test_audit_detail_is_json(app, missbruk_round):
    with app.db.session() as session:
        event = session.exec(select(AuditEvent)).one()
        assert json.loads(event.detail_json)["checklist"] == "missbruk@3"
        assert event.actor == "AB"
