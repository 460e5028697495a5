"""The training pack format and its loader: the built-in packs against the real built-in checklists, the schema file,
and broken packs refused with errors that name the file, the case and the question."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

from reviewer.checklists.loader import builtin_checklists
from reviewer.checklists.schema import Area
from reviewer.domain.personnummer import contains_personnummer
from reviewer.training.jsonschema import training_pack_json_schema
from reviewer.training.loader import (
    TrainingPackError,
    builtin_pack_files,
    builtin_packs,
    dump_pack,
    load_pack_file,
    lookup_in,
    parse_pack,
    validate_pack_dict,
)

ROOT = Path(__file__).parents[2]
CHECKLISTS = {d.slug: d for d in builtin_checklists()}
LOOKUP = lookup_in(CHECKLISTS.values())


def _fardtjanst_data() -> dict:
    return yaml.safe_load((ROOT / "resources/training/fardtjanst.yaml").read_text("utf-8"))


def test_every_builtin_pack_loads_with_the_real_loader_against_the_real_checklists():
    packs = builtin_packs(LOOKUP)
    by_area = {area: [p for p in packs if p.area is area] for area in (Area.FARDTJANST, Area.BARNOMSORG, Area.MISSBRUK)}
    assert all(sum(len(p.cases) for p in area_packs) >= 4 for area_packs in by_area.values())
    assert sum(len(p.cases) for p in packs) >= 12
    for pack in packs:
        definition = CHECKLISTS[pack.checklist.slug]
        assert definition.area is pack.area
        for case in pack.cases:
            # every question of the checklist has a facit entry with a rationale, also those the facit hides
            assert set(case.facit) == {q.key for q in definition.questions()}, case.code
            assert all(entry.rationale.sv.strip() for entry in case.facit.values())
            assert len(case.text.split()) >= 150 or pack.area is not Area.MISSBRUK or "Övrigt" in case.text
            assert not contains_personnummer(case.text)
            assert "påhittade" in case.text  # every case says it is invented


def test_the_packs_built_into_the_package_are_the_ones_in_resources():
    shipped = dict(builtin_pack_files())
    sources = {f"builtin/{p.name}": p.read_text("utf-8") for p in (ROOT / "resources/training").glob("*.yaml")}
    assert shipped == sources, "run 'make translations' (packaging/build_resources.py copies the packs)"


def test_the_equality_issues_are_built_in_on_purpose():
    packs = {p.slug: p for p in builtin_packs(LOOKUP)}
    ft = packs["fardtjanst-ovning"]
    woman, man = ft.case("OVN-FT-01"), ft.case("OVN-FT-02")
    assert woman is not None and man is not None
    assert woman.facit["antal_ord_beskrivning"].answer > 5 * man.facit["antal_ord_beskrivning"].answer
    assert (woman.facit["vardeladdade_ord"].answer, man.facit["vardeladdade_ord"].answer) == (5, 1)
    mb = packs["missbruk-ovning"]
    mother, father = mb.case("OVN-MB-01"), mb.case("OVN-MB-02")
    assert mother is not None and father is not None
    assert (mother.facit["fragat_om_barn"].answer, father.facit["fragat_om_barn"].answer) == ("ja", "nej")
    assert mother.facit["dygnskostnad"].answer != father.facit["dygnskostnad"].answer
    bo = packs["barnomsorg-ovning"].case("OVN-BO-01")
    assert bo is not None
    assert bo.facit["brev_adresserade_till"].answer == "sokanden"
    assert bo.facit["medsokande_samma_information"].answer == "nej"


def test_committed_json_schema_is_current():
    committed = json.loads((ROOT / "src/reviewer/training/schema/training-pack-v1.schema.json").read_text("utf-8"))
    assert committed == training_pack_json_schema(), "run 'make schema'"


def test_a_dumped_pack_reads_back_as_the_same_pack(tmp_path):
    (pack, *_) = builtin_packs(LOOKUP)
    for file_format in ("json", "yaml"):
        path = tmp_path / f"pack.{file_format}"
        path.write_text(dump_pack(pack, file_format), "utf-8")
        assert load_pack_file(path, LOOKUP).sha256() == pack.sha256()


def _errors(data: dict, source: str = "kurs.yaml") -> TrainingPackError:
    with pytest.raises(TrainingPackError) as caught:
        parse_pack(yaml.safe_dump(data, allow_unicode=True), source, LOOKUP)
    return caught.value


def test_a_facit_answer_that_is_not_an_option_names_file_case_and_question_in_both_languages():
    data = _fardtjanst_data()
    data["cases"][1]["facit"]["beslut"]["answer"] = "kanske"
    error = _errors(data)
    sv, en = error.text("sv"), error.text("en")
    assert "Utbildningspaketet i kurs.yaml är inte giltigt (1 fel)" in sv
    assert (
        "kurs.yaml: fall 2 (OVN-FT-02) (fråga 'beslut'): Frågan ”Vad blev beslutet?”: 'kanske' är inget av "
        "svarsalternativen" in sv
    )
    assert "The training pack in kurs.yaml is not valid (1 error)" in en
    assert (
        "kurs.yaml: case 2 (OVN-FT-02) (question 'beslut'): Question “What was the decision?”: 'kanske' is not one "
        "of the options" in en
    )


def test_show_if_is_checked_both_ways():
    data = _fardtjanst_data()
    facit = data["cases"][0]["facit"]
    facit["overklagande_utfall"]["answer"] = "andrat"  # hidden: the facit says the decision was not appealed
    del facit["ledsagare_ansokt"]  # shown and not answered
    texts = [i.text("en") for i in validate_pack_dict(data, LOOKUP)]
    assert any("'overklagande_utfall'" in t and "hidden by the facit's other answers" in t for t in texts)
    assert any("'ledsagare_ansokt'" in t and "has no answer" in t for t in texts)


def test_types_limits_required_and_unknown_questions():
    data = _fardtjanst_data()
    facit = data["cases"][0]["facit"]
    facit["handlaggningstid_dagar"]["answer"] = 3.5
    facit["klarsprak_beslutsbrev"]["answer"] = 9
    facit["beslut"]["answer"] = None
    facit["ingen_sadan"] = {"answer": "ja", "rationale": "x"}
    issues = {i.key: i.text("sv") for i in validate_pack_dict(data, LOOKUP)}
    assert "heltal" in issues["handlaggningstid_dagar"]
    assert "1–5" in issues["klarsprak_beslutsbrev"]
    assert "obligatorisk" in issues["beslut"]
    assert "finns inte i checklistan" in issues["ingen_sadan"]


def test_sex_age_band_duplicate_code_and_a_personnummer_are_refused():
    data = _fardtjanst_data()
    data["cases"][0]["sex"] = "pojke"
    data["cases"][1]["age_band"] = "a18_24"
    data["cases"][2]["code"] = data["cases"][3]["code"]
    data["cases"][3]["text"] += "\nSökanden har personnummer 811228-9874.\n"
    texts = [i.text("sv") for i in validate_pack_dict(data, LOOKUP)]
    assert any(t.startswith("fall 1 (OVN-FT-01): könet 'pojke'") for t in texts)
    assert any(t.startswith("fall 2 (OVN-FT-02): åldersgruppen 'a18_24'") for t in texts)
    assert any("ärendekoden finns redan" in t for t in texts)
    assert any(t.startswith("fall 4 (OVN-FT-04), text:") and "personnummer" in t for t in texts)
    assert not any("811228" in t for t in texts)


def test_schema_errors_inside_a_case_name_the_case_and_question():
    data = _fardtjanst_data()
    del data["cases"][2]["facit"]["beslut"]["rationale"]
    data["feedback"] = "aldrig"
    texts = [i.text("en") for i in validate_pack_dict(data, LOOKUP)]
    assert any(t.startswith("case 3 (OVN-FT-03), rationale (question 'beslut'): the field is missing") for t in texts)
    assert any(t.startswith("feedback: invalid value 'aldrig'") for t in texts)


def test_an_unknown_checklist_or_another_area_is_refused():
    data = _fardtjanst_data()
    other = copy.deepcopy(data)
    data["checklist"] = {"slug": "fardtjanst", "version": 7}
    assert "fardtjanst version 7" in validate_pack_dict(data, LOOKUP)[0].text("sv")
    other["area"] = "missbruk"
    assert "området missbruk" in validate_pack_dict(other, LOOKUP)[0].text("sv")


def test_unreadable_files_are_refused_with_the_file_named(tmp_path):
    broken = tmp_path / "trasig.json"
    broken.write_text('{"format_version": 1,', "utf-8")
    with pytest.raises(TrainingPackError) as caught:
        load_pack_file(broken, LOOKUP)
    assert f"{broken}: /: the file is not valid JSON" in caught.value.text("en")
    with pytest.raises(TrainingPackError) as missing:
        load_pack_file(tmp_path / "finns-inte.yaml", LOOKUP)
    assert "finns-inte.yaml" in missing.value.text("sv")


def test_the_word_counts_in_the_facit_are_those_of_the_passage_the_rationale_names():
    """The facit of 'number of words' says which passage to count ('från X till Y'); a changed case text must not
    leave a stale count behind."""
    for pack in builtin_packs(LOOKUP):
        for case in pack.cases:
            entry = case.facit.get("antal_ord_beskrivning")
            if entry is None:  # the barnomsorg checklist does not count words
                continue
            marks = re.search(r"'([^']+)'[^']*? till '([^']+)'", entry.rationale.sv)
            assert marks is not None, case.code
            text = " ".join(case.text.split())
            start = text.index(marks.group(1))
            end = text.index(marks.group(2), start) + len(marks.group(2))
            assert entry.answer == len(text[start:end].split()), case.code


def test_a_pack_of_an_earlier_version_with_annat_okant_reads_as_okant():
    data = _fardtjanst_data()
    data["cases"][0]["sex"] = "annat_okant"  # the one value earlier versions had for annat and okänt
    data["cases"][1]["sex"] = "annat"
    pack = parse_pack(yaml.safe_dump(data, allow_unicode=True), "gammal.yaml", LOOKUP)
    assert [c.sex.value for c in pack.cases[:2]] == ["okant", "annat"]
