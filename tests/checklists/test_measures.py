"""Counted measures and the text aid that fills them (issue 13, point 3): the format's rules and the numbers."""

from __future__ import annotations

import copy
import json

import pytest

from reviewer.checklists.loader import parse_checklist
from reviewer.checklists.measures import fill_answers, filled_questions, measured_value
from reviewer.checklists.schema import Measure, MeasureKind
from reviewer.domain.wording import Lexicon, LexiconEntry, WordGroup, count_text
from tests.checklists.test_loader import MINIMAL, errors_of


def with_questions(*questions):
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["questions"] += list(questions)
    return data


AID = {"key": "beskrivning", "type": "yes_no", "text": "Beskrivs personen?", "text_aid": {"fills": ["ord", "per_100"]}}
WORDS = {"key": "ord", "type": "integer", "text": "Antal ord", "measure": {"kind": "words"}}
PER_100 = {
    "key": "per_100",
    "type": "decimal",
    "text": "Känsloord per 100 ord",
    "measure": {"kind": "lexicon_hits_per_100", "group": "emotion"},
}


def test_a_text_aid_and_its_measures_load():
    definition = parse_checklist(json.dumps(with_questions(AID, WORDS, PER_100)), "t.json")
    aid = definition.question("beskrivning")
    assert aid is not None
    assert [q.key for q in filled_questions(definition, aid)] == ["ord", "per_100"]
    per_100 = definition.question("per_100")
    assert per_100 is not None and per_100.measure == Measure(
        kind=MeasureKind.LEXICON_HITS_PER_100, group=WordGroup.EMOTION
    )


@pytest.mark.parametrize(
    ("questions", "path", "key", "text"),
    [
        (
            [AID | {"text_aid": {"fills": ["ord"]}}, WORDS | {"type": "text"}],
            "sections[0].questions[4].measure",
            "ord",
            "needs question type decimal or integer, not 'text'",
        ),
        (
            [AID | {"text_aid": {"fills": ["per_100"]}}, PER_100 | {"type": "integer"}],
            "sections[0].questions[4].measure",
            "per_100",
            "needs question type decimal, not 'integer'",
        ),
        (
            [AID | {"text_aid": {"fills": ["ord"]}}, WORDS | {"measure": {"kind": "words", "group": "emotion"}}],
            "sections[0].questions[4].measure.group",
            "ord",
            "applies only to lexicon hits",
        ),
        (
            [AID | {"text_aid": {"fills": ["ord", "insats"]}}, WORDS],
            "sections[0].questions[3].text_aid.fills[1]",
            "beskrivning",
            "fills 'insats', which is not a question with a counted measure",
        ),
        (
            [AID | {"text_aid": {"fills": ["ord", "ord"]}}, WORDS],
            "sections[0].questions[3].text_aid.fills[1]",
            "beskrivning",
            "'ord' is listed twice",
        ),
        ([WORDS], "sections[0].questions[3].measure", "ord", "no text aid (text_aid) fills the counted measure"),
        (
            [AID | {"text_aid": {"fills": ["ord"]}}, WORDS | {"text_aid": {"fills": ["ord"]}}],
            "sections[0].questions[4].measure",
            "ord",
            "filled by more than one text aid: beskrivning, ord",
        ),
    ],
)
def test_each_measure_error_names_the_question(monkeypatch, questions, path, key, text):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    error = errors_of(with_questions(*questions))
    found = [issue for issue in error.issues if issue.path == path]
    assert len(found) == 1, [i.text("en") for i in error.issues]
    assert found[0].key == key
    assert text in found[0].text("en")
    assert f"question '{key}'" in found[0].text("en")


def test_the_aid_may_fill_its_own_question():
    own = WORDS | {"text_aid": {"fills": ["ord"]}}
    definition = parse_checklist(json.dumps(with_questions(own)), "t.json")
    aid = definition.question("ord")
    assert aid is not None and [q.key for q in filled_questions(definition, aid)] == ["ord"]


LEXICON = Lexicon(
    1,
    (
        LexiconEntry("ledsen", WordGroup.EMOTION),
        LexiconEntry("orolig", WordGroup.EMOTION),
        LexiconEntry("envis", WordGroup.CHARACTER),
    ),
)


def test_measured_values_from_a_count():
    count = count_text("Hon är ledsen och orolig. Envis men vänlig.", LEXICON)
    assert count.words == 8
    assert measured_value(Measure(kind=MeasureKind.WORDS), count) == 8
    assert measured_value(Measure(kind=MeasureKind.SENTENCES), count) == 2
    assert measured_value(Measure(kind=MeasureKind.LEXICON_HITS), count) == 3
    assert measured_value(Measure(kind=MeasureKind.LEXICON_HITS, group=WordGroup.CHARACTER), count) == 1
    assert measured_value(Measure(kind=MeasureKind.LEXICON_HITS_PER_100), count) == 37.5
    assert measured_value(Measure(kind=MeasureKind.LEXICON_HITS_PER_100, group=WordGroup.EMOTION), count) == 25.0
    assert measured_value(Measure(kind=MeasureKind.LEXICON_HITS_PER_100, group=WordGroup.APPEARANCE), count) == 0.0


def test_a_rate_of_an_empty_passage_is_no_answer():
    empty = count_text("", LEXICON)
    assert measured_value(Measure(kind=MeasureKind.LEXICON_HITS_PER_100), empty) is None
    assert measured_value(Measure(kind=MeasureKind.WORDS), empty) == 0


def test_fill_answers_gives_every_filled_question_its_number():
    definition = parse_checklist(json.dumps(with_questions(AID, WORDS, PER_100)), "t.json")
    aid = definition.question("beskrivning")
    assert aid is not None
    count = count_text("Han är ledsen. Han kom i tid och hade papperen med sig.", LEXICON)
    assert fill_answers(definition, aid, count) == {"ord": 12, "per_100": 8.33}
