import json

from reviewer.checklists.loader import parse_checklist, validate_dict
from reviewer.checklists.rules import is_visible
from tests.checklists.test_loader import MINIMAL

DEFINITION = parse_checklist(
    json.dumps(
        {
            "format_version": 1,
            "slug": "v",
            "version": 1,
            "area": "annat",
            "title": "V",
            "subject": "adult",
            "age_bands": [{"value": "alla", "label": "Alla"}],
            "sections": [
                {
                    "key": "s",
                    "title": "S",
                    "questions": [
                        {"key": "a", "type": "yes_no", "text": "A"},
                        {
                            "key": "b",
                            "type": "multiple_choice",
                            "text": "B",
                            "show_if": {"question": "a", "equals": "ja"},
                            "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}],
                        },
                        {"key": "c", "type": "text", "text": "C", "show_if": {"question": "b", "in": ["y"]}},
                        {"key": "d", "type": "integer", "text": "D", "show_if": {"question": "a", "in": ["ja", "nej"]}},
                    ],
                }
            ],
        }
    ),
    "v.json",
)


def visible(answers):
    return [q.key for q in DEFINITION.questions() if is_visible(q, answers, DEFINITION)]


def test_unconditional_questions_are_always_visible():
    assert visible({}) == ["a"]


def test_condition_on_yes_no():
    assert visible({"a": "ja"}) == ["a", "b", "d"]
    assert visible({"a": "nej"}) == ["a", "d"]


def test_condition_on_multiple_choice_matches_any_chosen():
    assert visible({"a": "ja", "b": ["x", "y"]}) == ["a", "b", "c", "d"]
    assert visible({"a": "ja", "b": ["x"]}) == ["a", "b", "d"]


def test_hidden_question_hides_its_dependants():
    assert visible({"a": "nej", "b": ["y"]}) == ["a", "d"]


def test_a_split_maps_two_new_keys_from_one_old_key_but_an_old_key_is_not_both_mapped_and_retired():
    split = dict(MINIMAL, version=2, previous={"version": 1, "key_map": {"antal_barn": "barn", "insats": "barn"}})
    assert validate_dict(split) == []
    both = dict(split, previous=dict(split["previous"], retired=["barn"]))
    [issue] = validate_dict(both)
    assert (issue.path, issue.key) == ("previous.retired[0]", "barn")
    assert "both retired and mapped" in issue.text("en")
