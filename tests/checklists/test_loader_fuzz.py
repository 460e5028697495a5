"""Fuzzing the checklist loader: random text and bytes, truncated built-in files, and random edits of a built-in
definition. Only ChecklistFileError may come out, with a message in both languages, in bounded time."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from importlib import resources

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.checklists.loader import ChecklistFileError, definition_from_dict, load_checklist_file, parse_checklist

FUZZ = settings(
    max_examples=40, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.function_scoped_fixture]
)
BUILTIN = (resources.files("reviewer.checklists") / "builtin" / "missbruk.yaml").read_text(encoding="utf-8")
DEFINITION = parse_checklist(BUILTIN, "missbruk.yaml").canonical_dict()


def _paths(node, place=()):
    yield place
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*place, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*place, index))


PLACES = [p for p in _paths(DEFINITION) if p]


def loaded_or_refused(load):
    try:
        return load()
    except ChecklistFileError as error:
        refusal = error
    assert refusal.text("sv")
    assert refusal.text("en")
    return None


@FUZZ
@given(text=st.text(max_size=300), form=st.sampled_from(["json", "yaml"]))
def test_random_text_is_refused_with_a_message(text, form):
    loaded_or_refused(lambda: parse_checklist(text, f"x.{form}", form))


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".yaml"]))
def test_random_bytes_in_a_file_are_refused_with_a_message(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    loaded_or_refused(lambda: load_checklist_file(path))


@FUZZ
@given(fraction=st.floats(min_value=0, max_value=1, exclude_max=True), form=st.sampled_from(["json", "yaml"]))
def test_a_truncated_builtin_file_is_loaded_or_refused(fraction, form):
    text = BUILTIN if form == "yaml" else json.dumps(DEFINITION, ensure_ascii=False)
    loaded_or_refused(lambda: parse_checklist(text[: int(len(text) * fraction)], f"cut.{form}", form))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["yes_no", "integer", "single_choice", "beslut", "811228-9874", ""]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=6,
)


@FUZZ
@given(data=st.data())
def test_an_edited_definition_is_valid_or_refused_naming_the_problem(data):
    definition = copy.deepcopy(DEFINITION)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        place = data.draw(st.sampled_from(PLACES))
        delete = data.draw(st.booleans())
        value = copy.deepcopy(data.draw(json_values))
        try:
            parent = definition
            for part in place[:-1]:
                parent = parent[part]
            if delete and isinstance(parent, dict):
                del parent[place[-1]]
            else:
                parent[place[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    loaded_or_refused(lambda: definition_from_dict(definition, "edited.json"))
