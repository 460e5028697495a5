import copy
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings

from reviewer.checklists.loader import (
    ChecklistFileError,
    builtin_checklists,
    dump_checklist,
    load_checklist_file,
    parse_checklist,
)
from tests.checklists.strategies import definitions

MINIMAL = {
    "format_version": 1,
    "slug": "test",
    "version": 1,
    "area": "annat",
    "title": "Test",
    "subject": "adult",
    "age_bands": [{"value": "alla", "label": "Alla"}],
    "sections": [
        {
            "key": "s1",
            "title": "Avsnitt",
            "questions": [
                {"key": "fragat_om_barn", "type": "yes_no", "text": "Frågade handläggaren om barn?"},
                {
                    "key": "antal_barn",
                    "type": "integer",
                    "text": "Hur många barn?",
                    "show_if": {"question": "fragat_om_barn", "equals": "ja"},
                },
                {
                    "key": "insats",
                    "type": "single_choice",
                    "text": "Insats",
                    "options": [
                        {"value": "oppenvard", "label": "Öppenvård"},
                        {"value": "institution", "label": "Institution"},
                    ],
                },
            ],
        }
    ],
}


def errors_of(data, source="test.json"):
    with pytest.raises(ChecklistFileError) as info:
        parse_checklist(json.dumps(data, ensure_ascii=False), source)
    return info.value


def test_minimal_definition_loads():
    definition = parse_checklist(json.dumps(MINIMAL), "test.json")
    assert [q.key for q in definition.questions()] == ["fragat_om_barn", "antal_barn", "insats"]
    assert definition.title.sv == "Test"


def test_builtin_checklists_are_the_three_areas_and_valid():
    builtins = {d.slug: d for d in builtin_checklists()}
    assert set(builtins) == {"fardtjanst", "barnomsorg", "missbruk"}
    for definition in builtins.values():
        area_questions = [q for s in definition.sections[1:] for q in s.questions]
        assert 20 <= len(area_questions) <= 40, definition.slug
        keys = {q.key for q in definition.questions()}
        assert {"beslut", "handlaggningstid_dagar", "overklagat"} <= keys, definition.slug
        assert any(q.show_if for q in definition.questions()), definition.slug
        assert all(q.help for q in definition.questions()), definition.slug
        types = {q.type.value for q in definition.questions()}
        assert "days" in types, definition.slug


def test_subject_label_names_whose_sex_is_recorded():
    builtins = {d.slug: d for d in builtin_checklists()}
    labels = {slug: (d.sex_of().sv, d.sex_of().en) for slug, d in builtins.items()}
    assert labels == {
        "fardtjanst": ("sökande", "applicant"),
        "barnomsorg": ("vårdnadshavare som ansökt", "applicant guardian"),
        "missbruk": ("den enskilde som utreds", "the individual investigated"),
    }
    plain = parse_checklist(json.dumps(MINIMAL), "test.json")
    assert plain.subject_label is None
    assert plain.sex_of().sv == "den som ärendet gäller"
    named = parse_checklist(json.dumps({**MINIMAL, "subject_label": "barnet"}), "test.json")
    assert named.sex_of().sv == "barnet" and named.sex_of().text("en") == "barnet"
    assert named.sha256() != plain.sha256(), "the label is part of the definition that is hashed"
    blank = errors_of({**MINIMAL, "subject_label": {"sv": " "}})
    assert any(issue.path == "subject_label.sv" for issue in blank.issues)


def test_missbruk_records_money_as_numbers():
    missbruk = next(d for d in builtin_checklists() if d.slug == "missbruk")
    assert any(q.type.value == "money" for q in missbruk.questions())


@pytest.mark.parametrize(
    ("mutate", "expected_path", "expected_key", "expected_text"),
    [
        (
            lambda d: d["sections"][0]["questions"][0].update(type="ja_nej"),
            "sections[0].questions[0].type",
            "fragat_om_barn",
            "okänd frågetyp 'ja_nej'",
        ),
        (
            lambda d: d["sections"][0]["questions"][1].update(key="fragat_om_barn"),
            "sections[0].questions[1].key",
            "fragat_om_barn",
            "används mer än en gång",
        ),
        (
            lambda d: d["sections"][0]["questions"][2]["options"][1].update(value="oppenvard"),
            "sections[0].questions[2].options[1].value",
            "insats",
            "'oppenvard' finns mer än en gång",
        ),
        (
            lambda d: d["sections"][0]["questions"][1]["show_if"].update(question="finns_inte"),
            "sections[0].questions[1].show_if.question",
            "antal_barn",
            "'finns_inte'",
        ),
        (
            lambda d: d["sections"][0]["questions"][1]["show_if"].update(equals="kanske"),
            "sections[0].questions[1].show_if",
            "antal_barn",
            "'kanske'",
        ),
        (
            lambda d: d["sections"][0]["questions"][0].update(text={"en": "Asked about children?"}),
            "sections[0].questions[0].text.sv",
            "fragat_om_barn",
            "svensk text saknas",
        ),
        (
            lambda d: d["sections"][0]["questions"][0].update(text="   "),
            "sections[0].questions[0].text.sv",
            "fragat_om_barn",
            "svensk text saknas",
        ),
        (
            lambda d: d["sections"][0]["questions"][2].update(options=None),
            "sections[0].questions[2].options",
            "insats",
            "minst två",
        ),
        (
            lambda d: d["sections"][0]["questions"][0].update(colour="red"),
            "sections[0].questions[0].colour",
            "fragat_om_barn",
            "okänt fält 'colour'",
        ),
        (lambda d: d.update(format_version=2), "format_version", None, "ogiltigt värde 2"),
        (
            lambda d: d["sections"][0]["questions"][0].update(key="Fråga 1"),
            "sections[0].questions[0].key",
            "Fråga 1",
            "inte en giltig nyckel",
        ),
    ],
)
def test_each_error_names_path_key_and_problem(mutate, expected_path, expected_key, expected_text):
    data = copy.deepcopy(MINIMAL)
    mutate(data)
    error = errors_of(data)
    matching = [i for i in error.issues if i.path == expected_path]
    assert matching, [(i.path, i.text("sv")) for i in error.issues]
    assert matching[0].key == expected_key
    assert expected_text in matching[0].text("sv")
    report = error.text("sv")
    assert "test.json" in report
    assert expected_text in report


def test_show_if_may_not_point_forward():
    data = copy.deepcopy(MINIMAL)
    questions = data["sections"][0]["questions"]
    questions[0], questions[1] = questions[1], questions[0]
    error = errors_of(data)
    assert any(i.key == "antal_barn" and "före denna fråga" in i.text("sv") for i in error.issues)


def test_errors_are_in_english_with_an_english_locale():
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["questions"][0]["type"] = "maybe"
    assert "unknown question type 'maybe'" in errors_of(data).text("en")


def test_duplicate_json_key_is_refused():
    text = '{"format_version": 1, "slug": "a", "slug": "b"}'
    with pytest.raises(ChecklistFileError, match="appears twice") as info:
        parse_checklist(text, "dup.json")
    assert "nyckeln 'slug' förekommer två gånger" in info.value.text("sv")


def test_duplicate_yaml_key_names_the_line():
    text = "format_version: 1\nslug: a\nslug: b\n"
    with pytest.raises(ChecklistFileError) as info:
        parse_checklist(text, "dup.yaml")
    assert "rad 3" in info.value.text("sv")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "inte giltig JSON"),
        (b"key: [unclosed\n  - x", "varken giltig JSON eller YAML"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"- a\n- b\n", "objekt på toppnivå"),
    ],
)
def test_broken_files_get_a_clear_message(tmp_path, content, expected):
    path = tmp_path / ("broken.json" if content.startswith(b"{") else "broken.yaml")
    path.write_bytes(content)
    with pytest.raises(ChecklistFileError) as info:
        load_checklist_file(path)
    assert expected in info.value.text("sv")
    assert str(path) in info.value.text("sv")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ChecklistFileError, match="cannot be read"):
        load_checklist_file(tmp_path / "nope.yaml")


@settings(max_examples=60, deadline=None)
@given(definitions())
def test_generated_definitions_round_trip_through_json_and_yaml(raw):
    definition = parse_checklist(json.dumps(raw, ensure_ascii=False), "generated.json")
    for file_format in ("json", "yaml"):
        text = dump_checklist(definition, file_format)
        again = parse_checklist(text, f"again.{file_format}")
        assert again == definition
        assert again.sha256() == definition.sha256()


@settings(max_examples=40, deadline=None)
@given(definitions())
def test_generated_definitions_with_a_duplicated_key_are_refused(raw):
    questions = [q for s in raw["sections"] for q in s["questions"]]
    first = questions[0]["key"]
    raw["sections"][-1]["questions"].append({"key": first, "type": "text", "text": "Dubblett"})
    with pytest.raises(ChecklistFileError) as info:
        parse_checklist(json.dumps(raw, ensure_ascii=False), "dup.json")
    assert any(issue.key == first for issue in info.value.issues)


def test_canonical_form_ignores_formatting(tmp_path: Path):
    definition = parse_checklist(json.dumps(MINIMAL), "a.json")
    reformatted = yaml.safe_dump(json.loads(json.dumps(MINIMAL)), allow_unicode=True, sort_keys=True)
    assert parse_checklist(reformatted, "b.yaml").sha256() == definition.sha256()
