"""Inter-rater agreement of double-reviewed cases: which reviews and answers are paired, and the figures."""

from __future__ import annotations

import pytest

from reviewer.domain.sex import Sex
from reviewer.services.agreement import AgreementError, inter_rater_agreement
from reviewer.storage.models import ReviewStatus
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.report_data import add_review, known_round_with_secrets


def test_the_known_round_by_hand(app):
    with app.db.session() as session:
        round_uuid, baseline = known_round_with_secrets(session)
        result = inter_rater_agreement(session, [round_uuid])
        assert result.n_cases == 8
        assert [q.key for q in result.questions] == ["fragat"]
        (fragat,) = result.questions
        assert (fragat.section_key, fragat.text.sv) == ("arendet", "Frågade handläggaren om barn?")
        assert (fragat.agreement.n, fragat.agreement.agreeing) == (8, 6)
        assert fragat.agreement.kappa == pytest.approx(0.5)
        assert (result.pairs, result.agreeing_pairs, result.percent) == (8, 6, 75.0)
        assert result.mean_kappa == pytest.approx(0.5)
        empty = inter_rater_agreement(session, [baseline])
        assert (empty.n_cases, empty.questions, empty.percent, empty.mean_kappa) == (0, [], None, None)


def _answers(decision: str, reasons: list[str], asked: str | None = None, na: str | None = None) -> dict:
    answers: dict = {"beslut": decision, "skal": reasons, "dagar": 10, "kommentar": "text"}
    if asked is not None:
        answers["fragat"] = asked
    if na is not None:
        answers["na_fraga"] = na
    return answers


def test_pairs_questions_and_reviews_that_count(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        first = [
            Case(Sex.KVINNA, _answers("beviljat", ["a", "b"], "ja", "ej_aktuellt")),
            Case(Sex.MAN, _answers("beviljat", ["c"], "nej", "ja")),
            Case(Sex.KVINNA, _answers("beviljat", ["a"], "ja")),
            Case(Sex.MAN, _answers("beviljat", ["a"], "ja"), unit="Söder"),
        ]
        round_uuid = add_round(session, "Dubbel", first)
        # the set of chosen options is the category: b+a equals a+b; "ej aktuellt" against "nej" is a disagreement
        add_review(session, round_uuid, "T-0001", "CD", _answers("beviljat", ["b", "a"], "ja", "nej"))
        add_review(session, round_uuid, "T-0002", "CD", _answers("beviljat", ["a"], "nej", "ja"))
        # one reviewer left "fragat" unanswered: no pair for that question in this case
        add_review(session, round_uuid, "T-0003", "CD", _answers("beviljat", ["a"]))
        add_review(session, round_uuid, "T-0004", "CD", _answers("beviljat", ["a"], "nej"))
        # a third review and a review in progress are not compared
        add_review(session, round_uuid, "T-0001", "EF", _answers("avslag", ["c"], "nej", "nej"))
        add_review(session, round_uuid, "T-0003", "EF", _answers("avslag", ["c"], "nej"), ReviewStatus.IN_PROGRESS)
        result = inter_rater_agreement(session, [round_uuid])
        by_key = {q.key: q.agreement for q in result.questions}
        # numbers, free text and questions not compared by sex are not measured
        assert list(by_key) == ["fragat", "na_fraga", "beslut", "skal"]
        assert result.n_cases == 4
        assert (by_key["fragat"].n, by_key["fragat"].agreeing) == (3, 2)
        assert (by_key["na_fraga"].n, by_key["na_fraga"].agreeing) == (2, 1)
        # everyone said "beviljat": full agreement, kappa undefined
        assert (by_key["beslut"].n, by_key["beslut"].percent, by_key["beslut"].kappa) == (4, 100.0, None)
        # categories a+b, c, a; pairs (ab, ab), (c, a), (a, a), (a, a): p_o = 3/4, p_e = 1/16 + 0 + 6/16 = 7/16
        assert (by_key["skal"].n, by_key["skal"].agreeing) == (4, 3)
        assert by_key["skal"].kappa == pytest.approx((12 / 16 - 7 / 16) / (9 / 16))
        assert (result.pairs, result.agreeing_pairs) == (13, 10)
        # unit filter: only the Söder case
        south = inter_rater_agreement(session, [round_uuid], unit="Söder")
        assert south.n_cases == 1
        assert {q.key: q.agreement.n for q in south.questions} == {"fragat": 1, "beslut": 1, "skal": 1}


def test_an_unknown_round_is_refused(app):
    with app.db.session() as session, pytest.raises(AgreementError) as error:
        inter_rater_agreement(session, ["00000000-0000-4000-8000-000000000000"])
    assert error.value.message.sv == "En vald omgång finns inte längre"
