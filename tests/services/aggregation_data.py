"""Rounds with known answers for the aggregation tests: a small checklist with every kind of question, and reviewed
cases written with `insert_reviewed_cases`, so that every count, percentage and median below can be checked by hand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewer.checklists.answers import AnswerValue, EncodedAnswer, encode
from reviewer.checklists.loader import definition_from_dict
from reviewer.checklists.schema import ChecklistDefinition
from reviewer.domain.sex import Sex
from reviewer.services.bulk_reviews import ReviewedCase, insert_reviewed_cases
from reviewer.services.checklists import add_definition, definition_of, get_version
from reviewer.services.rounds import create_round
from reviewer.storage.models import ReviewStatus

SLUG = "testmall"


def _q(key: str, kind: str, text: str, compare: bool = True, options: Sequence[str] = ()) -> dict[str, Any]:
    question: dict[str, Any] = {"key": key, "type": kind, "text": {"sv": text, "en": f"EN {text}"}}
    question["compare_by_sex"] = compare
    if options:
        question["options"] = [{"value": o, "label": {"sv": o.capitalize(), "en": o.upper()}} for o in options]
    return question


def checklist_data(version: int = 1, subject: str = "adult", slug: str = SLUG) -> dict[str, Any]:
    return {
        "format_version": 1,
        "slug": slug,
        "version": version,
        "area": "annat",
        "title": {"sv": "Testmall", "en": "Test template"},
        "subject": subject,
        "age_bands": [{"value": "unga", "label": {"sv": "Unga", "en": "Young"}}, {"value": "aldre", "label": "Äldre"}],
        "sections": [
            {
                "key": "arendet",
                "title": {"sv": "Ärendet", "en": "The case"},
                "questions": [
                    _q("fragat", "yes_no", "Frågade handläggaren om barn?"),
                    _q("na_fraga", "yes_no_na", "Framkom våld?"),
                    _q("beslut", "single_choice", "Vad blev beslutet?", options=("beviljat", "delvis", "avslag")),
                    _q("skal", "multiple_choice", "Vilka skäl anges?", options=("a", "b", "c")),
                ],
            },
            {
                "key": "tid",
                "title": {"sv": "Tid och kostnad", "en": "Time and cost"},
                "questions": [
                    _q("dagar", "days", "Handläggningstid i dagar"),
                    _q("kostnad", "money", "Dygnskostnad"),
                    _q("skala", "scale", "Hur värdeladdat är språket?"),
                    _q("kommentar", "text", "Kommentar", compare=False),
                    _q("datum", "date", "Beslutsdatum", compare=False),
                    _q("ej_jamford", "yes_no", "Blankett på lätt svenska?", compare=False),
                ],
            },
        ],
    }


def add_checklist(session: Any, data: dict[str, Any]) -> ChecklistDefinition:
    definition = definition_from_dict(json.loads(json.dumps(data)), "test")
    add_definition(session, definition)
    return definition


@dataclass
class Case:
    sex: Sex
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    unit: str | None = "Norr"
    age_band: str | None = "unga"
    reviewer: str = "AB"
    status: ReviewStatus = ReviewStatus.COMPLETE
    notes: dict[str, str] = field(default_factory=dict)


def add_round(
    session: Any,
    name: str,
    cases: Sequence[Case],
    slug: str = SLUG,
    version: int | None = None,
    baseline_uuid: str | None = None,
    code_prefix: str = "T",
    actor: str = "",
) -> str:
    """A round of the checklist with the cases, one review each, coded PREFIX-0001 on; returns its UUID."""
    checklist = get_version(session, slug, version)
    definition = definition_of(checklist)
    round_ = create_round(session, name, checklist, "2026", baseline_uuid=baseline_uuid, actor=actor)
    reviewed = []
    for number, case in enumerate(cases, start=1):
        encoded: dict[str, tuple[EncodedAnswer, str | None]] = {}
        for key, value in case.answers.items():
            question = definition.question(key)
            assert question is not None, key
            encoded[key] = (encode(question, value), case.notes.get(key))
        for key, note in case.notes.items():
            if key not in encoded:
                encoded[key] = (EncodedAnswer("null", None, None), note)
        reviewed.append(
            ReviewedCase(
                f"{code_prefix}-{number:04d}", case.sex, case.age_band, case.unit, case.reviewer, case.status, encoded
            )
        )
    assert round_.id is not None and checklist.id is not None
    insert_reviewed_cases(session, round_.id, checklist.id, reviewed)
    session.commit()
    return round_.uuid


def spread(total: int, **values: int) -> list[Any]:
    """A list of `total` answers: each value its given number of times, then None (unanswered) for the rest."""
    answers: list[Any] = []
    for value, count in values.items():
        answers += [value] * count
    assert len(answers) <= total
    return answers + [None] * (total - len(answers))


def known_cases() -> list[Case]:
    """50 women, 49 men, 2 annat and 1 okänt with the answers the tests check by hand (see the comments); the
    third column of each answer list is annat's and okänt's together (annat, annat, okänt)."""
    women = [Case(Sex.KVINNA) for _ in range(50)]
    men = [Case(Sex.MAN) for _ in range(49)]
    other = [Case(Sex.ANNAT), Case(Sex.ANNAT), Case(Sex.OKANT)]
    columns: dict[str, tuple[list[Any], list[Any], list[Any]]] = {
        # yes/no: women 21 of 50 yes (42 %), men 35 of 49 (71.4 %)
        "fragat": (spread(50, ja=21, nej=29), spread(49, ja=35, nej=14), spread(3, ja=2, nej=1)),
        # yes/no/n.a.: "ej aktuellt" is out of the base: women 10 of 30 (33.3 %), men 10 of 20 (50 %)
        "na_fraga": (
            spread(50, ja=10, nej=20, ej_aktuellt=20),
            spread(49, ja=10, nej=10, ej_aktuellt=29),
            spread(3),
        ),
        # single choice: avslag 40 % vs 18.4 % is the largest difference (beviljat 40 % vs 61.2 % is 21.2)
        "beslut": (
            spread(50, beviljat=20, delvis=10, avslag=20),
            spread(49, beviljat=30, delvis=10, avslag=9),
            spread(3, beviljat=3),
        ),
        # days: women 10 × 8, 10 × 12, 10 × 20 (median 12); men 14 × 6, 14 × 10 (median 8)
        "dagar": ([8] * 10 + [12] * 10 + [20] * 10 + [None] * 20, [6] * 14 + [10] * 14 + [None] * 21, [5, None, None]),
        # money: women median 12 500, men median 10 000 (ratio 1.25)
        "kostnad": ([12000] * 5 + [13000] * 5 + [None] * 40, [9500] * 5 + [10500] * 5 + [None] * 39, spread(3)),
        "skala": (spread(50, **{"3": 25, "4": 25}), spread(49, **{"3": 25, "4": 24}), spread(3)),
        "kommentar": (["Lång utredning"] * 4 + [None] * 46, spread(49), spread(3)),
        "datum": (["2026-01-15"] * 3 + [None] * 47, spread(49), spread(3)),
        "ej_jamford": (spread(50, ja=40, nej=10), spread(49, ja=10, nej=39), spread(3)),
    }
    # multiple choice, 20 respondents each: a 15 vs 5 (75 % vs 25 %), b 6 vs 6, c 4 vs 9; an empty choice is no answer
    columns["skal"] = (
        [["a", "b"]] * 5 + [["a"]] * 10 + [["b"]] + [["c"]] * 4 + [[]] + [None] * 29,
        [["a"]] * 5 + [["b"]] * 6 + [["c"]] * 9 + [None] * 29,
        spread(3),
    )
    women[-1].notes["kostnad"] = "Kostnaden framgår inte"  # a note without an answer is no answer
    return _fill(women, men, other, columns)


def _fill(
    women: list[Case], men: list[Case], other: list[Case], columns: dict[str, tuple[list[Any], list[Any], list[Any]]]
) -> list[Case]:
    for key, (w, m, o) in columns.items():
        for group, values in ((women, w), (men, m), (other, o)):
            assert len(values) == len(group), key
            for case, value in zip(group, values, strict=True):
                if value is not None:
                    case.answers[key] = int(value) if key == "skala" else value
    return women + men + other


TREND_N = 40  # women and men per round of a trend


def trend_cases(women_yes: int, men_yes: int, women_days: int) -> list[Case]:
    """TREND_N women and TREND_N men: "fragat" answered ja by the given numbers, "na_fraga" half ja in both groups
    every round, "dagar" spread ±3 days around a median of `women_days` for women and 15 for men."""
    cases = []
    for sex, yes, days in ((Sex.KVINNA, women_yes, women_days), (Sex.MAN, men_yes, 15)):
        for i in range(TREND_N):
            answers = {
                "fragat": "ja" if i < yes else "nej",
                "na_fraga": "ja" if i % 2 else "nej",
                "dagar": days + i % 7 - 3,
            }
            cases.append(Case(sex, answers))
    return cases


# Three rounds of a trend (name, women and men answering fragat ja, women's median days): 80 % against 20 % (a gap
# of 60 points), 60 % against 40 % (20), 50 % against 50 % (0); medians 30, 20 and 15 days for women against 15 for
# men (ratios 2, 1.33, 1).
TREND_ROUNDS = (("År 2024", 32, 8, 30), ("År 2025", 24, 16, 20), ("År 2026", 20, 20, 15))
