"""Version 3 of the built-in färdtjänst and missbruk checklists adds counted measures (issue 13, point 4): a round on
version 3 is compared with a baseline on version 2 question by question, and the new measures show as new."""

from __future__ import annotations

from typing import Any

import pytest

from reviewer.checklists.loader import builtin_checklists
from reviewer.domain.sex import Sex, SexGroup
from reviewer.services.aggregation import AggregateRequest, compare_rounds
from tests.services.aggregation_data import Case, add_checklist, add_round

NEW_KEYS = {"vardeladdade_per_100", "kansloord_per_100"}


def version_2(slug: str) -> dict[str, Any]:
    """Version 2 as published before the text aid: version 3 without its new questions and counted measures."""
    definition = next(d for d in builtin_checklists() if d.slug == slug)
    data = definition.canonical_dict()
    data["version"], data["previous"] = 2, {"version": 1, "key_map": {}, "retired": []}
    for section in data["sections"]:
        section["questions"] = [q for q in section["questions"] if q["key"] not in NEW_KEYS]
        for question in section["questions"]:
            question.pop("measure", None)
            question.pop("text_aid", None)
    return data


def described(sex: Sex, n: int, words: int, rate: float | None = None) -> list[Case]:
    answers: dict[str, Any] = {"antal_ord_beskrivning": words}
    if rate is not None:
        answers |= {"vardeladdade_per_100": rate, "kansloord_per_100": rate / 2}
    return [Case(sex, dict(answers), age_band=None) for _ in range(n)]


@pytest.mark.parametrize("slug", ["fardtjanst", "missbruk"])
def test_version_3_keeps_every_key_of_version_2_and_adds_the_measures(slug):
    definition = next(d for d in builtin_checklists() if d.slug == slug)
    assert definition.version == 3
    assert definition.previous is not None and definition.previous.version == 2
    assert not definition.previous.key_map and not definition.previous.retired
    measured = {q.key: q.measure for q in definition.questions() if q.measure is not None}
    assert set(measured) == {"antal_ord_beskrivning", *NEW_KEYS}
    aid = definition.question("antal_ord_beskrivning")
    assert aid is not None and aid.text_aid is not None and set(aid.text_aid.fills) == set(measured)
    assert definition.question("vardeladdade_ord") is not None, "the 1–5 judgement stays beside the counts"


@pytest.mark.parametrize("slug", ["fardtjanst", "missbruk"])
def test_a_version_3_round_is_compared_with_its_version_2_baseline(app, slug):
    with app.db.session() as session:
        add_checklist(session, version_2(slug))
        before = described(Sex.KVINNA, 20, 150) + described(Sex.MAN, 20, 50)
        baseline = add_round(session, "Före", before, slug=slug, version=2)
        after = described(Sex.KVINNA, 20, 80, 4.0) + described(Sex.MAN, 20, 60, 1.0)
        follow_up = add_round(session, "Efter", after, slug=slug, version=3, baseline_uuid=baseline)
        result = compare_rounds(session, follow_up, None, AggregateRequest(()))
    assert (result.after.checklist_version, result.before.checklist_version) == (3, 2)
    by_key = {c.key: c for c in result.questions}
    words = by_key["antal_ord_beskrivning"]
    assert (words.status, words.baseline_key) == ("compared", "antal_ord_beskrivning")
    assert (words.before.median_ratio, words.after.median_ratio) == (3.0, pytest.approx(80 / 60))
    assert words.verdict == "narrowed"
    for key in NEW_KEYS:
        assert (by_key[key].status, by_key[key].before) == ("new", None)
    rate = result.after.question("vardeladdade_per_100")
    assert (rate.groups[SexGroup.FEMALE].n, rate.groups[SexGroup.MALE].n) == (20, 20), "aggregated by sex"
