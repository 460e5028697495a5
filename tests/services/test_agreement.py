"""Inter-rater agreement of double-reviewed cases: which reviews and answers are paired, and the figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from reviewer.domain.agreement import Reason
from reviewer.domain.sex import Sex
from reviewer.domain.text import ReviewerError
from reviewer.services.agreement import inter_rater_agreement
from reviewer.services.agreement.json_form import to_json
from reviewer.services.rounds import TrainingRoundRefusedError
from reviewer.storage.models import ReviewStatus, Round, RoundKind
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.report_data import add_review, known_round_with_secrets


def test_the_known_round_by_hand(app):
    with app.db.session() as session:
        round_uuid, baseline = known_round_with_secrets(session)
        result = inter_rater_agreement(session, [round_uuid])
        # the first case's first reviewer is another than the rest's: three raters, so Fleiss' kappa
        assert (result.n_cases, result.n_reviews, result.n_reviewers) == (8, 16, 3)
        assert [q.key for q in result.questions] == ["fragat"]
        (fragat,) = result.questions
        assert (fragat.section_key, fragat.text.sv, fragat.type) == (
            "arendet",
            "Frågade handläggaren om barn?",
            "yes_no",
        )
        a = fragat.agreement
        assert (a.n_cases, a.n_raters, a.pairs, a.agreeing_pairs, a.kappa_kind) == (8, 3, 8, 6, "fleiss")
        # pooled answers half ja, half nej: p_e = 0.5, p_o = 0.75, kappa = 0.5
        assert a.kappa.value == pytest.approx(0.5)
        # eight cases: too few for an interval, and said so
        assert (a.kappa.ci_low, a.kappa.reason) == (None, Reason.TOO_FEW_FOR_INTERVAL)
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


def test_every_review_and_question_that_counts(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        first = [
            Case(Sex.KVINNA, {**_answers("beviljat", ["a", "b"], "ja", "ej_aktuellt"), "skala": 2, "kostnad": 900}),
            Case(Sex.MAN, {**_answers("beviljat", ["c"], "nej", "ja"), "skala": 4, "kostnad": 1200}),
            Case(Sex.KVINNA, _answers("beviljat", ["a"], "ja")),
            Case(Sex.MAN, _answers("beviljat", ["a"], "ja"), unit="Söder"),
        ]
        round_uuid = add_round(session, "Dubbel", first)
        # the set of chosen options is the category: b+a equals a+b; "ej aktuellt" against "nej" is a disagreement
        add_review(session, round_uuid, "T-0001", "CD", {**_answers("beviljat", ["b", "a"], "ja", "nej"), "skala": 3})
        add_review(session, round_uuid, "T-0002", "CD", {**_answers("beviljat", ["a"], "nej", "ja"), "kostnad": 1000})
        # one reviewer left "fragat" unanswered: no pair for that question in this case
        add_review(session, round_uuid, "T-0003", "CD", _answers("beviljat", ["a"]))
        add_review(session, round_uuid, "T-0004", "CD", _answers("beviljat", ["a"], "nej"))
        # a third completed review counts; a review in progress does not
        add_review(session, round_uuid, "T-0001", "EF", _answers("avslag", ["c"], "nej", "nej"))
        add_review(session, round_uuid, "T-0003", "EF", _answers("avslag", ["c"], "nej"), ReviewStatus.IN_PROGRESS)
        result = inter_rater_agreement(session, [round_uuid])
        by_key = {q.key: q.agreement for q in result.questions}
        # free text and dates are not measured; questions not compared by sex are, numbers and the scale too
        assert list(by_key) == ["fragat", "na_fraga", "beslut", "skal", "dagar", "kostnad", "skala"]
        assert (result.n_cases, result.n_reviews, result.n_reviewers) == (4, 9, 3)
        # T-0001 has three raters (AB, CD, EF): three pairs; three raters in all, so Fleiss' kappa
        assert (by_key["fragat"].n_cases, by_key["fragat"].pairs, by_key["fragat"].agreeing_pairs) == (3, 5, 2)
        assert by_key["fragat"].kappa_kind == "fleiss"
        # the cases have two or three raters: no Fleiss' kappa, alpha instead
        assert by_key["fragat"].kappa.reason is Reason.UNEQUAL_RATERS
        assert by_key["fragat"].headline[0] == "alpha"
        assert (by_key["na_fraga"].n_cases, by_key["na_fraga"].pairs, by_key["na_fraga"].agreeing_pairs) == (2, 4, 2)
        assert (by_key["beslut"].pairs, by_key["beslut"].agreeing_pairs) == (6, 4)
        assert (by_key["skal"].pairs, by_key["skal"].agreeing_pairs) == (6, 3)
        # numbers and the scale by Krippendorff's alpha alone, at their level
        assert (by_key["kostnad"].level, by_key["kostnad"].kappa, by_key["kostnad"].n_cases) == ("interval", None, 1)
        assert by_key["kostnad"].alpha.reason is Reason.TOO_FEW_CASES
        assert (by_key["skala"].level, by_key["skala"].n_cases) == ("ordinal", 1)
        assert by_key["dagar"].percent == 100.0
        # unit filter: only the Söder case
        south = inter_rater_agreement(session, [round_uuid], unit="Söder")
        assert south.n_cases == 1
        assert {q.key: q.agreement.n_cases for q in south.questions} == {
            "fragat": 1,
            "beslut": 1,
            "skal": 1,
            "dagar": 1,
        }


def test_the_order_of_the_reviews_changes_nothing(app):
    """The planted data of the issue: kappa moved from 0.400 to 0.348 when one pair's reviews swapped ids."""
    pairs = [("ja", "ja")] * 20 + [("ja", "nej")] * 5 + [("nej", "ja")] * 10 + [("nej", "nej")] * 15
    results = []
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        for name, swap in (("Rak", False), ("Bytt", True)):
            cases = [Case(Sex.KVINNA, {"fragat": first}, reviewer="AB") for first, _ in pairs]
            if swap:  # the first case's second reviewer now has the lower id
                cases[20] = Case(Sex.KVINNA, {"fragat": "nej"}, reviewer="CD")
            round_uuid = add_round(session, name, cases)
            for number, (first, second) in enumerate(pairs, start=1):
                reviewer, answer = ("AB", first) if swap and number == 21 else ("CD", second)
                add_review(session, round_uuid, f"T-{number:04d}", reviewer, {"fragat": answer})
            results.append(inter_rater_agreement(session, [round_uuid]).questions[0].agreement)
    assert results[0] == results[1]
    assert results[0].kappa.value == pytest.approx(0.4)


def test_a_training_round_is_refused(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        round_uuid = add_round(session, "Övning", [Case(Sex.KVINNA, {"fragat": "ja"})])
        session.exec(select(Round).where(Round.uuid == round_uuid)).one().kind = RoundKind.TRAINING
        session.commit()
        with pytest.raises(TrainingRoundRefusedError) as error:
            inter_rater_agreement(session, [round_uuid])
    assert "utbildningsomgång" in error.value.message.sv


def test_no_round_is_refused(app):
    with app.db.session() as session, pytest.raises(ReviewerError) as error:
        inter_rater_agreement(session, [])
    assert error.value.message.sv == "Välj minst en omgång"


def test_an_unknown_round_is_refused(app):
    with app.db.session() as session, pytest.raises(ReviewerError) as error:
        inter_rater_agreement(session, ["00000000-0000-4000-8000-000000000000"])
    assert error.value.message.sv == "En vald omgång finns inte längre"


def test_the_json_is_the_documented_one(app):
    """Every field of the JSON and every reason for "not estimable" is in docs/agreement-format.md."""
    doc = (Path(__file__).parents[2] / "docs" / "agreement-format.md").read_text(encoding="utf-8")
    with app.db.session() as session:
        round_uuid, _ = known_round_with_secrets(session)
        document = to_json(inter_rater_agreement(session, [round_uuid]))
    assert (document["format"], document["format_version"]) == ("reviewer-agreement", 1)
    fields = set(document) | set(document["questions"][0]) | set(document["overall"])
    fields |= set(document["questions"][0]["kappa"]) | set(document["method"])
    assert [f for f in sorted(fields) if f"`{f}`" not in doc and f'"{f}"' not in doc] == []
    assert document["questions"][0]["kappa"]["not_estimable"]["reason"] == "too_few_for_interval"
    assert [r.value for r in Reason if f"`{r.value}`" not in doc] == []
    json.dumps(document, allow_nan=False)  # no NaN anywhere
