"""Scoring a participant's answers against a facit: every question type, empty facit and the visibility rules."""

from __future__ import annotations

import pytest

from reviewer.checklists.schema import ChecklistDefinition
from reviewer.training.schema import TrainingCase
from reviewer.training.score import Outcome, Tally, compare, overall, score_case, section_tallies

CHECKLIST = ChecklistDefinition.model_validate(
    {
        "format_version": 1,
        "slug": "prov",
        "version": 1,
        "area": "annat",
        "title": "Prov",
        "subject": "adult",
        "age_bands": [{"value": "vuxen", "label": "Vuxen"}],
        "sections": [
            {
                "key": "beslut",
                "title": "Beslut",
                "questions": [
                    {"key": "beviljat", "type": "yes_no", "text": "Beviljat?"},
                    {
                        "key": "skal",
                        "type": "single_choice",
                        "text": "Skäl",
                        "options": [{"value": "kostnad", "label": "Kostnad"}, {"value": "behov", "label": "Behov"}],
                        "show_if": {"question": "beviljat", "equals": "nej"},
                    },
                    {"key": "barn", "type": "yes_no_na", "text": "Barn?"},
                    {
                        "key": "fokus",
                        "type": "multiple_choice",
                        "text": "Fokus",
                        "options": [{"value": "kanslor", "label": "Känslor"}, {"value": "arbete", "label": "Arbete"}],
                    },
                ],
            },
            {
                "key": "tal",
                "title": "Tal",
                "questions": [
                    {"key": "dagar", "type": "days", "text": "Dagar"},
                    {"key": "antal", "type": "integer", "text": "Antal"},
                    {"key": "kostnad", "type": "money", "text": "Kostnad"},
                    {"key": "timmar", "type": "decimal", "text": "Timmar"},
                    {"key": "datum", "type": "date", "text": "Datum"},
                    {"key": "ton", "type": "scale", "text": "Ton"},
                    {"key": "ovrigt", "type": "text", "text": "Övrigt"},
                ],
            },
        ],
    }
)

FACIT = {
    "beviljat": "ja",
    "barn": "nej",
    "fokus": ["kanslor", "arbete"],
    "dagar": 35,
    "antal": None,
    "kostnad": 1240.0,
    "timmar": 2.5,
    "datum": "2026-03-10",
    "ton": 4,
    "ovrigt": "Kort motiverat.",
}


def _case(facit: dict[str, object]) -> TrainingCase:
    return TrainingCase.model_validate(
        {
            "code": "C1",
            "sex": "kvinna",
            "age_band": "vuxen",
            "text": "Påhittad text.",
            "facit": {k: {"answer": v, "rationale": f"Därför ({k})."} for k, v in facit.items()},
        }
    )


def q(key: str):
    question = CHECKLIST.question(key)
    assert question is not None
    return question


@pytest.mark.parametrize(
    ("key", "answer", "facit", "outcome"),
    [
        ("beviljat", "ja", "ja", Outcome.RIGHT),
        ("beviljat", "nej", "ja", Outcome.WRONG),
        ("barn", "ej_aktuellt", "nej", Outcome.WRONG),
        ("skal", "kostnad", "kostnad", Outcome.RIGHT),
        ("skal", "behov", "kostnad", Outcome.WRONG),
        ("fokus", ["arbete", "kanslor"], ["kanslor", "arbete"], Outcome.RIGHT),
        ("fokus", ["kanslor"], ["kanslor", "arbete"], Outcome.WRONG),
        ("fokus", [], None, Outcome.RIGHT),
        ("ton", 4, 4, Outcome.RIGHT),
        ("ton", 3, 4, Outcome.NEAR),
        ("ton", 5, 4, Outcome.NEAR),
        ("ton", 2, 4, Outcome.WRONG),
        ("dagar", 35, 35, Outcome.RIGHT),
        ("dagar", 36, 35, Outcome.WRONG),
        ("antal", 2, 2.0, Outcome.RIGHT),
        ("kostnad", 1245, 1240, Outcome.RIGHT),  # within 0.5 %
        ("kostnad", 1250, 1240, Outcome.WRONG),
        ("timmar", 2.5, 2.5, Outcome.RIGHT),
        ("timmar", 0.015, 0.01, Outcome.RIGHT),  # the absolute floor of 0.01
        ("timmar", 0.03, 0.01, Outcome.WRONG),
        ("datum", "2026-03-10", "2026-03-10", Outcome.RIGHT),
        ("datum", "2026-03-11", "2026-03-10", Outcome.WRONG),
        ("ovrigt", "Något helt annat", "Kort motiverat.", Outcome.NOT_SCORED),
        ("ovrigt", None, None, Outcome.NOT_SCORED),
        ("antal", None, None, Outcome.RIGHT),
        ("antal", 3, None, Outcome.WRONG),
        ("antal", None, 3, Outcome.WRONG),
    ],
)
def test_each_question_type_is_compared_by_its_own_rule(key, answer, facit, outcome):
    assert compare(q(key), answer, facit) is outcome


def test_a_whole_case_per_question_per_section_and_overall():
    answers = {**FACIT, "ton": 3, "dagar": 36, "ovrigt": "Annat"}
    score = score_case(CHECKLIST, _case(FACIT), answers)
    outcomes = {s.key: s.outcome for s in score.questions}
    assert outcomes == {
        "beviljat": Outcome.RIGHT,
        "skal": Outcome.SKIPPED,  # hidden under both: granted, so no reason for refusal
        "barn": Outcome.RIGHT,
        "fokus": Outcome.RIGHT,
        "dagar": Outcome.WRONG,
        "antal": Outcome.RIGHT,  # a null facit, left empty
        "kostnad": Outcome.RIGHT,
        "timmar": Outcome.RIGHT,
        "datum": Outcome.RIGHT,
        "ton": Outcome.NEAR,
        "ovrigt": Outcome.NOT_SCORED,
    }
    assert score.sections() == {"beslut": Tally(3, 3), "tal": Tally(4, 6)}
    assert score.total == Tally(7, 9)
    assert score.total.share == pytest.approx(7 / 9)
    assert next(s for s in score.questions if s.key == "ovrigt").rationale is not None  # shown though not scored


def test_a_question_the_participant_showed_but_the_facit_hides_must_be_left_empty():
    answers = {**FACIT, "beviljat": "nej", "skal": "kostnad"}
    outcomes = {s.key: s.outcome for s in score_case(CHECKLIST, _case(FACIT), answers).questions}
    assert outcomes["beviljat"] is Outcome.WRONG
    assert outcomes["skal"] is Outcome.WRONG


def test_a_question_the_facit_shows_but_the_participant_hid_counts_as_unanswered():
    facit = {**FACIT, "beviljat": "nej", "skal": "kostnad"}
    outcomes = {s.key: s.outcome for s in score_case(CHECKLIST, _case(facit), FACIT).questions}
    assert outcomes["skal"] is Outcome.WRONG


def test_sections_and_overall_sum_over_cases_and_nothing_scored_has_no_share():
    first = score_case(CHECKLIST, _case(FACIT), FACIT)
    second = score_case(CHECKLIST, _case(FACIT), {})
    assert first.total == Tally(9, 9)
    assert overall([first, second]) == Tally(9 + 1, 18)  # only the empty "antal" is right when nothing is answered
    assert section_tallies([first, second])["beslut"] == Tally(3, 6)
    assert overall([]) == Tally(0, 0)
    assert overall([]).share is None
