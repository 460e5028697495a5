import json
from collections import defaultdict

import pytest
from sqlmodel import select

from reviewer.checklists.answers import check_answer
from reviewer.checklists.rules import is_visible
from reviewer.domain.sex import SexGroup, group_of
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.demo import DemoDataError, create_demo_data
from reviewer.services.rounds import list_rounds
from reviewer.storage.models import Answer, Case, Review, ReviewStatus, Round


@pytest.fixture
def demo(app):
    with app.db.session() as session:
        names = create_demo_data(session, cases=120, seed=7)
    return app, names


def test_one_fictitious_round_per_builtin_checklist_with_completed_reviews(demo):
    app, names = demo
    with app.db.session() as session:
        rounds = {r.name: r for r in list_rounds(session)}
    assert set(rounds) == set(names)
    assert {r.checklist_slug for r in rounds.values()} == {"fardtjanst", "barnomsorg", "missbruk"}
    for summary in rounds.values():
        assert summary.fictitious
        assert "fiktiv" in summary.name
        assert summary.case_count == summary.completed_count == 120


def test_cases_are_marked_fictitious_and_answers_fit_their_questions(demo):
    app, _ = demo
    with app.db.session() as session:
        for round_ in session.exec(select(Round)).all():
            definition = definition_of(get_version(session, round_.area))
            cases = session.exec(select(Case).where(Case.round_id == round_.id)).all()
            assert all(c.case_code.startswith("FIKTIV-") for c in cases)
            sample = cases[:15]
            for case in sample:
                review = session.exec(select(Review).where(Review.case_id == case.id)).one()
                assert review.status is ReviewStatus.COMPLETE
                assert review.reviewer.startswith("Exempel")
                answers = {
                    a.question_key: json.loads(a.value_json)
                    for a in session.exec(select(Answer).where(Answer.review_id == review.id))
                }
                for key, value in answers.items():
                    question = definition.question(key)
                    assert question is not None
                    assert check_answer(question, value) == value
                    assert is_visible(question, answers, definition), f"{key} answered although hidden"
                for question in definition.questions():
                    if question.required and is_visible(question, answers, definition):
                        assert question.key in answers, question.key


def test_same_seed_gives_same_data(tmp_path):
    from reviewer.bootstrap import bootstrap

    fingerprints = []
    for name in ("a", "b"):
        application = bootstrap(data_dir=tmp_path / name)
        with application.db.session() as session:
            create_demo_data(session, cases=30, seed=3)
            rows = session.exec(
                select(Case.case_code, Case.sex, Answer.question_key, Answer.value_json)
                .join(Review, Review.case_id == Case.id)
                .join(Answer, Answer.review_id == Review.id)
                .order_by(Case.case_code, Answer.question_key)
            ).all()
        fingerprints.append(rows)
        application.close()
    assert fingerprints[0] == fingerprints[1]


def test_women_are_asked_about_children_more_often_in_missbruk(demo):
    """The built-in difference the dashboard is meant to show."""
    app, _ = demo
    with app.db.session() as session:
        rows = session.exec(
            select(Case.sex, Answer.value_code)
            .join(Review, Review.case_id == Case.id)
            .join(Answer, Answer.review_id == Review.id)
            .join(Round, Round.id == Case.round_id)
            .where(Round.area == "missbruk", Answer.question_key == "fragat_om_barn")
        ).all()
    yes = defaultdict(lambda: [0, 0])
    for sex, code in rows:
        yes[group_of(sex)][0] += code == "ja"
        yes[group_of(sex)][1] += 1
    share = {group: hits / total for group, (hits, total) in yes.items() if total}
    assert share[SexGroup.FEMALE] - share[SexGroup.MALE] > 0.15


def test_demo_twice_is_refused_and_changes_nothing(demo):
    app, _ = demo
    with app.db.session() as session:
        with pytest.raises(DemoDataError, match="already exists"):
            create_demo_data(session, cases=5, seed=1)
        assert len(session.exec(select(Round)).all()) == 3


def test_zero_cases_is_refused(app):
    with app.db.session() as session, pytest.raises(DemoDataError):
        create_demo_data(session, cases=0, seed=1)


def test_every_built_in_difference_names_a_real_question():
    """A renamed question must not silently remove a difference the demo is meant to show."""
    from reviewer.checklists.loader import builtin_checklists
    from reviewer.services.demo import KNOWN_BIASES

    keys = {q.key for d in builtin_checklists() for q in d.questions()}
    assert set(KNOWN_BIASES) <= keys
