"""Scale anchors: what 1 and 5 mean, in the format, its rules, the workbook form and the built-in checklists."""

from __future__ import annotations

import copy
import json

import pytest

from reviewer.checklists.loader import ChecklistFileError, builtin_checklists, parse_checklist, validate_dict
from reviewer.checklists.schema import QuestionType
from reviewer.checklists.xlsx import read_checklist_xlsx, write_checklist_xlsx
from tests.ui.helpers import ALL_TYPES

ANCHORS = {"low": {"sv": "sakligt", "en": "factual"}, "high": {"sv": "värdeladdat", "en": "value-laden"}}


def with_anchors(key: str, anchors: object) -> dict:
    data = copy.deepcopy(ALL_TYPES)
    for section in data["sections"]:
        for question in section["questions"]:
            if question["key"] == key:
                question["anchors"] = anchors
    return data


def issue_texts(data: dict) -> list[str]:
    return [issue.text("sv") for issue in validate_dict(data)]


def test_a_scale_with_anchors_loads_and_keeps_both_languages():
    definition = parse_checklist(json.dumps(with_anchors("ton", ANCHORS)), "a.json")
    anchors = definition.question("ton").anchors
    assert (anchors.low.text("sv"), anchors.high.text("en")) == ("sakligt", "value-laden")
    assert definition.canonical_dict()["sections"][1]["questions"][5]["anchors"] == ANCHORS


def test_anchors_on_a_question_that_is_not_a_scale_are_refused():
    texts = issue_texts(with_anchors("antal", ANCHORS))
    assert texts == [
        "sections[1].questions[0].anchors (fråga 'antal'): skalans ändpunkter (anchors) gäller bara skalfrågor"
    ]


@pytest.mark.parametrize(
    ("anchors", "path"),
    [
        ({"low": "sakligt"}, "sections[1].questions[5].anchors.high"),
        ({"low": "sakligt", "high": " "}, "sections[1].questions[5].anchors.high.sv"),
        ({"low": "sakligt", "high": "x", "middle": "y"}, "sections[1].questions[5].anchors.middle"),
    ],
)
def test_an_incomplete_or_unknown_anchor_is_named_by_its_path(anchors, path):
    texts = issue_texts(with_anchors("ton", anchors))
    assert len(texts) == 1
    assert texts[0].startswith(path)
    with pytest.raises(ChecklistFileError):
        parse_checklist(json.dumps(with_anchors("ton", anchors)), "a.json")


def test_anchors_survive_the_workbook(tmp_path):
    definition = parse_checklist(json.dumps(with_anchors("ton", ANCHORS)), "a.json")
    path = tmp_path / "a.xlsx"
    write_checklist_xlsx(definition, path)
    assert read_checklist_xlsx(path).question("ton").anchors == definition.question("ton").anchors


@pytest.mark.parametrize("definition", builtin_checklists(), ids=lambda d: d.slug)
def test_every_scale_of_the_builtin_checklists_has_anchors_in_both_languages(definition):
    scales = [q for q in definition.questions() if q.type is QuestionType.SCALE]
    assert scales
    for question in scales:
        assert question.anchors is not None, question.key
        for end in (question.anchors.low, question.anchors.high):
            assert end.sv and end.en, question.key


@pytest.mark.parametrize("definition", builtin_checklists(), ids=lambda d: d.slug)
def test_the_builtin_checklists_are_a_new_version_of_the_published_first_one(definition):
    """Version 1 is published in databases already; its content never changes, so the anchors came as version 2 (and
    the counted measures of färdtjänst and missbruk as version 3, tests/services/test_builtin_measures.py)."""
    expected = 2 if definition.slug == "barnomsorg" else 3
    assert definition.version == expected
    assert definition.previous is not None and definition.previous.version == expected - 1
    assert not definition.previous.key_map and not definition.previous.retired
