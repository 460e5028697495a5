import json

import pytest
from sqlmodel import func, select

from reviewer.checklists.answers import AnswerError
from reviewer.domain.personnummer import PersonnummerError
from reviewer.domain.sex import Sex
from reviewer.services import cases, reviews
from reviewer.services.cases import CaseInput
from reviewer.storage.models import Answer, AuditEvent, Review, ReviewStatus


@pytest.fixture
def case_uuids(app, missbruk_round):
    with app.db.session() as session:
        return [
            cases.add_case(session, missbruk_round, CaseInput(code, Sex.KVINNA)).uuid
            for code in ("MB-1", "MB-2", "MB-3")
        ]


def open_(app, case_uuid, reviewer="AB"):
    with app.db.session() as session:
        return reviews.open_review(session, case_uuid, reviewer)


def save(app, snapshot, key, value, note=None):
    with app.db.session() as session:
        return reviews.save_answer(session, snapshot, snapshot.definition.question(key), value, note)


def stored(app, snapshot):
    return open_(app, snapshot.case_uuid, snapshot.reviewer)


def test_every_saved_answer_is_committed_at_once(app, case_uuids):
    snapshot = open_(app, case_uuids[0])
    assert snapshot.status is ReviewStatus.NOT_STARTED
    assert save(app, snapshot, "overklagat", "ja") == 2
    save(app, snapshot, "handlaggningstid_dagar", "42")
    save(app, snapshot, "dygnskostnad", "2 450,50")
    save(app, snapshot, "vardeladdade_ord", 4, note="Ordet 'hysterisk' används")
    again = stored(app, snapshot)
    assert again.answers == {
        "overklagat": "ja",
        "handlaggningstid_dagar": 42,
        "dygnskostnad": 2450.5,
        "vardeladdade_ord": 4,
    }
    assert again.notes == {"vardeladdade_ord": "Ordet 'hysterisk' används"}
    assert again.status is ReviewStatus.IN_PROGRESS
    assert again.revision == snapshot.revision == 5


def test_clearing_an_answer_removes_it(app, case_uuids):
    snapshot = open_(app, case_uuids[0])
    save(app, snapshot, "overklagat", "ja")
    save(app, snapshot, "overklagat", None)
    assert stored(app, snapshot).answers == {}
    with app.db.session() as session:
        assert session.exec(select(func.count()).select_from(Answer)).one() == 0


def test_a_note_without_an_answer_is_kept(app, case_uuids):
    snapshot = open_(app, case_uuids[0])
    save(app, snapshot, "overklagat", None, note="Oklart i akten")
    again = stored(app, snapshot)
    assert again.answers == {}
    assert again.notes == {"overklagat": "Oklart i akten"}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("overklagat", "kanske"),
        ("handlaggningstid_dagar", "12,5"),
        ("handlaggningstid_dagar", "-3"),
        ("vardeladdade_ord", 9),
    ],
)
def test_invalid_answers_are_refused_and_change_nothing(app, case_uuids, key, value):
    snapshot = open_(app, case_uuids[0])
    with pytest.raises(AnswerError):
        save(app, snapshot, key, value)
    assert stored(app, snapshot).revision == snapshot.revision == 1


@pytest.mark.parametrize(
    ("key", "value", "note"),
    [
        ("vardeladdade_exempel", "Klienten 811228-9874 beskrivs som", None),
        ("overklagat", "ja", "se 19811228-9874"),
    ],
)
def test_personnummer_in_free_text_or_note_is_refused_and_never_stored(app, case_uuids, key, value, note):
    snapshot = open_(app, case_uuids[0])
    with pytest.raises(PersonnummerError):
        save(app, snapshot, key, value, note)
    with app.db.session() as session:
        assert session.exec(select(func.count()).select_from(Answer)).one() == 0
    assert snapshot.answers == {}


def test_two_windows_cannot_overwrite_each_other(app, case_uuids):
    first, second = open_(app, case_uuids[0]), open_(app, case_uuids[0])
    save(app, first, "overklagat", "ja")
    with pytest.raises(reviews.StaleReviewError) as info:
        save(app, second, "overklagat", "nej")
    assert "ändrats någon annanstans" in info.value.text("sv")
    assert stored(app, first).answers == {"overklagat": "ja"}


def test_each_reviewer_has_their_own_review_of_a_case(app, case_uuids):
    save(app, open_(app, case_uuids[0], "AB"), "overklagat", "ja")
    save(app, open_(app, case_uuids[0], "CD"), "overklagat", "nej")
    assert stored(app, open_(app, case_uuids[0], "AB")).answers == {"overklagat": "ja"}
    with app.db.session() as session:
        assert session.exec(select(func.count()).select_from(Review)).one() == 2


def test_reviewing_needs_an_identity(app, case_uuids):
    with pytest.raises(reviews.ReviewError, match="initials"):
        open_(app, case_uuids[0], " ")


def answer_all_required(app, snapshot):
    for key, value in [
        ("arendets_start", "egen_ansokan"),
        ("beslut", "avslag"),
        ("handlaggningstid_dagar", 30),
        ("overklagat", "nej"),
        ("strukturerad_bedomning", ["asi"]),
        ("fragat_om_barn", "ja"),
        ("fragat_om_vald_utsatt", "ja"),
        ("fragat_om_vald_utovat", "nej"),
        ("samsjuklighet_dokumenterad", "ja"),
        ("egen_uppfattning_dokumenterad", "ja"),
        ("bedomning_motiverad", "ja"),
        ("stereotypa_antaganden", "nej"),
        ("konsbytestest", "ja"),
    ]:
        question = snapshot.definition.question(key)
        if question.type.value == "multiple_choice":
            value = [question.options[0].value]
        save(app, snapshot, key, value)


def test_completion_needs_every_shown_required_answer(app, case_uuids):
    snapshot = open_(app, case_uuids[0])
    answer_all_required(app, snapshot)
    with app.db.session() as session, pytest.raises(reviews.IncompleteReviewError) as info:
        reviews.complete_review(session, snapshot, "AB")
    assert info.value.missing == ["avslagsgrund"], "shown because beslut = avslag"
    save(app, snapshot, "avslagsgrund", [snapshot.definition.question("avslagsgrund").options[0].value])
    with app.db.session() as session:
        reviews.complete_review(session, snapshot, "AB")
    assert stored(app, snapshot).status is ReviewStatus.COMPLETE


def test_completion_drops_answers_to_hidden_questions_and_blocks_edits_until_reopened(app, case_uuids):
    snapshot = open_(app, case_uuids[0])
    answer_all_required(app, snapshot)
    save(app, snapshot, "beslut", "beviljat")
    save(app, snapshot, "insats", [snapshot.definition.question("insats").options[0].value])
    save(app, snapshot, "overklagat", "ja")
    save(app, snapshot, "overklagande_utfall", snapshot.definition.question("overklagande_utfall").options[0].value)
    save(app, snapshot, "overklagat", "nej")
    with app.db.session() as session:
        reviews.complete_review(session, snapshot, "AB")
    assert "overklagande_utfall" not in stored(app, snapshot).answers
    with pytest.raises(reviews.ReviewError, match="reopen"):
        save(app, snapshot, "overklagat", "ja")
    with app.db.session() as session:
        reviews.reopen_review(session, snapshot, "AB")
    save(app, snapshot, "overklagat", "ja")
    with app.db.session() as session:
        actions = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.entity == "review"))]
        dropped = json.loads(session.exec(select(AuditEvent.detail_json).where(AuditEvent.action == "complete")).one())
    assert [a for a in actions if a != "answer"] == ["complete", "reopen"]
    assert actions[-1] == "answer", "the change after reopening is logged too"
    assert dropped["dropped_hidden"] == ["overklagande_utfall"]


def test_content_hash_follows_the_answers(app, case_uuids):
    snapshot = open_(app, case_uuids[0])
    save(app, snapshot, "overklagat", "ja")
    with app.db.session() as session:
        first = session.exec(select(Review.content_sha256)).one()
    save(app, snapshot, "overklagat", "nej")
    save(app, snapshot, "overklagat", "ja")
    with app.db.session() as session:
        assert session.exec(select(Review.content_sha256)).one() == first


def test_next_and_previous_case_follow_the_case_codes(app, case_uuids):
    with app.db.session() as session:
        assert reviews.neighbour_case(session, case_uuids[0], 1) == case_uuids[1]
        assert reviews.neighbour_case(session, case_uuids[1], -1) == case_uuids[0]
        assert reviews.neighbour_case(session, case_uuids[2], 1) is None
        assert reviews.neighbour_case(session, case_uuids[0], -1) is None


@pytest.mark.parametrize("reviewer", ["811228-9874", "AB811228-9874", "12 12 12-1212"])
def test_a_personnummer_as_reviewer_name_is_refused_and_nothing_is_stored(app, case_uuids, reviewer):
    with app.db.session() as session, pytest.raises(PersonnummerError):
        reviews.open_review(session, case_uuids[0], reviewer)
    with app.db.session() as session:
        assert session.exec(select(func.count()).select_from(Review)).one() == 0
