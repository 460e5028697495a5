"""A participant's training round scored from the database: released per the pack's feedback mode, never for a real
round, and the same figures in text and JSON."""

from __future__ import annotations

import pytest

from reviewer.services.cases import list_cases
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import create_round
from reviewer.services.training import TrainingError, builtin_training_packs, start_training_round
from reviewer.services.training_feedback import reviewers_of, round_score, training_round
from reviewer.services.training_score_text import answer_text, score_json, score_text
from reviewer.storage.models import ReviewStatus
from reviewer.training.schema import FeedbackMode
from reviewer.training.score import Outcome, Tally


def _pack(session, slug: str):
    return next(p for p in builtin_training_packs(session) if p.slug == slug)


def _answer(session, case_uuid: str, reviewer: str, answers: dict, complete: bool = True) -> None:
    snapshot = open_review(session, case_uuid, reviewer)
    for key, value in answers.items():
        question = snapshot.definition.question(key)
        assert question is not None
        save_answer(session, snapshot, question, value, None)
    if complete:
        complete_review(session, snapshot, reviewer)


def _facit_answers(pack, code: str) -> dict:
    case = pack.case(code)
    return {k: e.answer for k, e in case.facit.items() if e.answer is not None}


def test_after_each_case_a_completed_case_is_scored_and_the_rest_wait(app):
    with app.db.session() as session:
        pack = _pack(session, "fardtjanst-ovning")
        assert pack.feedback is FeedbackMode.AFTER_EACH_CASE
        round_ = start_training_round(session, pack, builtin=True, actor="KF")
        rows = list_cases(session, round_.uuid)
        first = _facit_answers(pack, rows[0].case_code)
        first["beslut"] = next(v for v in ("beviljat", "avslag") if v != first["beslut"])
        _answer(session, rows[0].uuid, "KF", first)
        _answer(session, rows[1].uuid, "KF", _facit_answers(pack, rows[1].case_code), complete=False)

        result = round_score(session, round_.uuid, "KF")
        assert [c.status for c in result.cases] == [
            ReviewStatus.COMPLETE,
            ReviewStatus.IN_PROGRESS,
            ReviewStatus.NOT_STARTED,
            ReviewStatus.NOT_STARTED,
        ]
        scored = result.cases[0].score
        assert scored is not None and all(c.score is None for c in result.cases[1:])
        outcomes = {q.key: q.outcome for q in scored.questions}
        assert outcomes["beslut"] is Outcome.WRONG
        assert scored.total.scored - scored.total.right >= 1
        assert result.total() == scored.total
        assert sum(result.sections().values(), Tally()) == scored.total
        assert reviewers_of(session, round_.uuid) == ["KF"]
        assert round_score(session, round_.uuid, "XY").released() == []  # another participant's answers are theirs


def test_at_end_nothing_is_released_until_every_case_is_complete(app):
    with app.db.session() as session:
        pack = _pack(session, "barnomsorg-ovning")
        assert pack.feedback is FeedbackMode.AT_END
        round_ = start_training_round(session, pack, builtin=True)
        rows = list_cases(session, round_.uuid)
        for row in rows[:-1]:
            _answer(session, row.uuid, "KF", _facit_answers(pack, row.case_code))
        waiting = round_score(session, round_.uuid, "KF")
        assert waiting.released() == [] and waiting.complete_count == len(rows) - 1
        text = score_text(waiting, "sv")
        assert f"visas när alla ärenden är klara ({len(rows) - 1} av {len(rows)} klara)" in text
        assert "Totalt" not in text

        _answer(session, rows[-1].uuid, "KF", _facit_answers(pack, rows[-1].case_code))
        done = round_score(session, round_.uuid, "KF")
        assert len(done.released()) == len(rows)
        total = done.total()
        assert total.right == total.scored > 0  # answered exactly as the facit
        text = score_text(done, "sv")
        assert f"Totalt: {total.right} av {total.scored} rätt (100 %)" in text
        english = score_text(done, "en")
        assert f"Overall: {total.right} of {total.scored} right (100%)" in english
        data = score_json(done)
        assert data["overall"] == {"right": total.right, "scored": total.scored, "share": 1.0}
        assert [c["code"] for c in data["cases"]] == [r.case_code for r in rows]
        assert all(c["released"] for c in data["cases"])
        assert list(data["sections"]) == [s.key for s in done.definition.sections]


def test_a_real_round_has_no_facit_and_is_not_found_as_training(app):
    with app.db.session() as session:
        real = create_round(session, "Färdtjänst 2026", get_version(session, "fardtjanst"), "2026")
        with pytest.raises(TrainingError, match="not a training round"):
            round_score(session, real.uuid, "KF")
        with pytest.raises(TrainingError, match="no training round named Färdtjänst 2026"):
            training_round(session, "Färdtjänst 2026")


def test_answers_are_shown_by_their_labels(app):
    with app.db.session() as session:
        checklist = definition_of(get_version(session, "fardtjanst"))
    question = next(q for q in checklist.questions() if q.type.value == "yes_no")
    assert answer_text(question, "ja", "sv") == "Ja"
    assert answer_text(question, None, "en") == "(no answer)"
    choice = next(q for q in checklist.questions() if q.type.value == "multiple_choice")
    assert choice.options is not None
    first, second = choice.options[0], choice.options[1]
    assert answer_text(choice, [first.value, second.value], "sv") == f"{first.label.sv}, {second.label.sv}"
    number = next(q for q in checklist.questions() if q.type.value == "days")
    assert answer_text(number, 35, "sv") == "35 dagar"
    assert answer_text(number, 1240.5, "sv") == "1\u00a0240,5 dagar"
