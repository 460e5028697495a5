"""Two windows (or two machines on a shared database) change the same review: the second sees both versions of each
differing answer and chooses; nothing it typed is lost, and the choice is stored as a new, audited revision."""

import json
import threading

import pytest
from benchmarks._shared_load import prepare
from sqlmodel import Session, col, select

from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.services import answer_counts, cases, review_conflicts, reviews
from reviewer.services.audit_text import describe
from reviewer.services.cases import CaseInput
from reviewer.services.review_conflicts import Side
from reviewer.storage.models import AuditEvent, ReviewStatus


@pytest.fixture
def case_uuid(app, missbruk_round):
    with app.db.session() as session:
        return cases.add_case(session, missbruk_round, CaseInput("MB-1", Sex.KVINNA)).uuid


def open_(app, case_uuid):
    with app.db.session() as session:
        return reviews.open_review(session, case_uuid, "AB")


def save(app, snapshot, key, value, note=None):
    with app.db.session() as session:
        return reviews.save_answer(session, snapshot, snapshot.definition.question(key), value, note)


def stale_edit(app, snapshot, key, value, note=None):
    with pytest.raises(reviews.StaleReviewError) as info:
        save(app, snapshot, key, value, note)
    return info.value.edit


def conflict_of(app, snapshot, edit):
    mine = review_conflicts.with_edit(snapshot, *edit)
    with app.db.session() as session:
        return review_conflicts.find_conflict(session, mine, {edit[0]})


def events(app, action):
    with app.db.session() as session:
        rows = session.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(col(AuditEvent.id)))
        return [json.loads(e.detail_json) for e in rows]


def test_a_stale_save_keeps_the_edit_and_shows_both_versions_of_each_differing_answer(app, case_uuid):
    window_a, window_b = open_(app, case_uuid), open_(app, case_uuid)
    save(app, window_a, "overklagat", "ja")
    save(app, window_a, "handlaggningstid_dagar", 30, note="Enligt beslutet")
    edit = stale_edit(app, window_b, "overklagat", "nej")
    assert edit == ("overklagat", "nej", None)
    assert window_b.answers == {}, "the snapshot still shows what the window had"

    conflict = conflict_of(app, window_b, edit)
    assert conflict.current.revision == window_a.revision
    assert [(d.key, d.mine, d.theirs, d.unsaved) for d in conflict.differences] == [
        ("handlaggningstid_dagar", (None, None), (30, "Enligt beslutet"), False),
        ("overklagat", ("nej", None), ("ja", None), True),
    ]
    assert open_(app, case_uuid).answers == {"overklagat": "ja", "handlaggningstid_dagar": 30}


def test_keep_mine_and_take_theirs_are_stored_as_one_new_audited_revision(app, case_uuid):
    window_a, window_b = open_(app, case_uuid), open_(app, case_uuid)
    save(app, window_a, "overklagat", "ja")
    save(app, window_a, "handlaggningstid_dagar", 30)
    conflict = conflict_of(app, window_b, stale_edit(app, window_b, "overklagat", "nej"))
    before = conflict.current.revision

    with app.db.session() as session:
        left = review_conflicts.resolve_conflict(
            session, conflict, {"overklagat": Side.MINE, "handlaggningstid_dagar": Side.THEIRS}, "AB"
        )
    assert left.differences == []
    assert left.current.revision == before + 1
    stored = open_(app, case_uuid)
    assert stored.answers == {"overklagat": "nej", "handlaggningstid_dagar": 30}
    assert stored.revision == left.current.revision
    assert left.current.answers == stored.answers
    assert events(app, "resolve_conflict") == [
        {"case": case_uuid, "kept_mine": ["overklagat"], "took_theirs": ["handlaggningstid_dagar"]}
    ]
    assert events(app, "answer")[-1] == {"case": case_uuid, "question": "overklagat", "value": ["ja", "nej"]}
    words = describe("review", "resolve_conflict", events(app, "resolve_conflict")[0], None)
    assert "egna svar behölls: overklagat" in words[0].new.sv

    # The window goes on from the resolved version: its next save is not stale.
    save(app, left.current, "dygnskostnad", "2 450,50")
    assert open_(app, case_uuid).answers["dygnskostnad"] == 2450.5


def test_choices_one_at_a_time_leave_the_rest_to_choose(app, case_uuid):
    window_a, window_b = open_(app, case_uuid), open_(app, case_uuid)
    save(app, window_a, "overklagat", "ja")
    save(app, window_a, "handlaggningstid_dagar", 30)
    conflict = conflict_of(app, window_b, stale_edit(app, window_b, "overklagat", "nej"))
    with app.db.session() as session:
        left = review_conflicts.resolve_conflict(session, conflict, {"handlaggningstid_dagar": Side.THEIRS}, "AB")
    assert [d.key for d in left.differences] == ["overklagat"]
    assert left.unsaved == {"overklagat"}
    with app.db.session() as session:
        done = review_conflicts.resolve_conflict(session, left, {"overklagat": Side.MINE}, "AB")
    assert done.differences == []
    assert open_(app, case_uuid).answers == {"overklagat": "nej", "handlaggningstid_dagar": 30}


def test_a_review_changed_again_while_choosing_is_compared_anew_and_the_edit_is_still_there(app, case_uuid):
    window_a, window_b = open_(app, case_uuid), open_(app, case_uuid)
    save(app, window_a, "overklagat", "ja")
    conflict = conflict_of(app, window_b, stale_edit(app, window_b, "overklagat", "nej"))
    save(app, window_a, "handlaggningstid_dagar", 12)
    with app.db.session() as session, pytest.raises(reviews.StaleReviewError):
        review_conflicts.resolve_conflict(session, conflict, {"overklagat": Side.MINE}, "AB")
    with app.db.session() as session:
        again = review_conflicts.find_conflict(session, conflict.mine, conflict.unsaved)
    assert [(d.key, d.mine) for d in again.differences] == [
        ("handlaggningstid_dagar", (None, None)),
        ("overklagat", ("nej", None)),
    ]
    assert open_(app, case_uuid).answers == {"overklagat": "ja", "handlaggningstid_dagar": 12}


def test_keeping_mine_on_a_review_completed_elsewhere_reopens_it_and_says_so(app):
    (plan,) = prepare(app.db, 1, 25)  # a checklist without required questions
    case_uuid = plan.case_uuids[0]
    with app.db.session() as session:
        window_a = reviews.open_review(session, case_uuid, "AB")
        window_b = reviews.open_review(session, case_uuid, "AB")
    save(app, window_a, "q01", "ja")
    with app.db.session() as session:
        reviews.complete_review(session, window_a, "AB")
    conflict = conflict_of(app, window_b, stale_edit(app, window_b, "q01", "nej"))
    assert conflict.current.status is ReviewStatus.COMPLETE
    with app.db.session() as session:
        left = review_conflicts.resolve_conflict(session, conflict, {"q01": Side.MINE}, "AB")
    assert left.current.status is ReviewStatus.IN_PROGRESS
    assert [e["case"] for e in events(app, "reopen")] == [case_uuid]
    with app.db.session() as session:
        stored = reviews.open_review(session, case_uuid, "AB")
    assert (stored.status, stored.answers) == (ReviewStatus.IN_PROGRESS, {"q01": "nej"})


def test_only_differing_answers_can_be_chosen(app, case_uuid):
    window_a, window_b = open_(app, case_uuid), open_(app, case_uuid)
    save(app, window_a, "overklagat", "ja")
    conflict = conflict_of(app, window_b, stale_edit(app, window_b, "overklagat", "nej"))
    with app.db.session() as session, pytest.raises(reviews.ReviewError):
        review_conflicts.resolve_conflict(session, conflict, {"dygnskostnad": Side.MINE}, "AB")
    assert open_(app, case_uuid).revision == window_a.revision


@pytest.mark.postgres
def test_two_writers_of_one_review_on_postgresql_meet_a_stale_revision_not_a_duplicate_answer(empty_postgres, data_dir):
    app = bootstrap(data_dir=data_dir, database_url=empty_postgres)
    try:
        (plan,) = prepare(app.db, 1, 25)
        window_a, window_b = open_(app, plan.case_uuids[0]), open_(app, plan.case_uuids[0])
        # Window A's save is half done: its revision claimed and its answer written, not yet committed.
        first = Session(app.db.engine)
        review = reviews.review_for_update(first, window_a.review_uuid)
        reviews.claim_revision(first, review, window_a.revision)
        with answer_counts.recounted(first, [review.id]):
            reviews.put_answer(first, review, window_a.definition.question("q01"), "ja", None)
        outcome = []

        def window_b_saves():
            try:
                save(app, window_b, "q01", "nej")
            except Exception as error:  # the test looks at which one
                outcome.append(error)

        thread = threading.Thread(target=window_b_saves)
        thread.start()
        thread.join(timeout=0.5)
        assert thread.is_alive(), "window B waits for window A's transaction"
        first.commit()
        first.close()
        thread.join(timeout=10)
        assert len(outcome) == 1 and isinstance(outcome[0], reviews.StaleReviewError), outcome
        assert outcome[0].edit == ("q01", "nej", None)
        assert open_(app, plan.case_uuids[0]).answers == {"q01": "ja"}
    finally:
        app.close()
