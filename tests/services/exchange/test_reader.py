"""Reading a file checks everything that can be checked without the database, and writes nothing."""

import gzip
import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.services.exchange import (
    ExchangeFormatError,
    PassphraseRequiredError,
    WrongPassphraseError,
    read_exchange,
)
from reviewer.services.exchange.envelope import seal
from reviewer.services.exchange.format import canonical_json
from tests.services.exchange.helpers import export_two_cases, load_document, save_document

PERSONNUMMER = "811228-9874"


@pytest.fixture
def exported(app, tmp_path):
    return export_two_cases(app, tmp_path / "ab.granskning")


def test_a_sound_file_is_read_with_everything_checked(exported):
    read = read_exchange(exported)
    assert read.name == "ab.granskning"
    assert not read.encrypted
    assert read.manifest.exported_by == "AB"
    assert read.manifest.counts.reviews == 2
    assert [c.case_code for c in read.content.cases] == ["MB-1", "MB-2"]
    assert set(read.definitions) == {"missbruk@3"}
    review = next(r for r in read.content.reviews if r.reviewer == "AB")
    prepared = read.prepared[review.uuid]
    assert prepared.content_sha256 == review.content_sha256
    encoded, note = prepared.answers["fragat_om_barn"]
    assert (encoded.value_json, encoded.value_code, note) == ('"ja"', "ja", "Frågan ställdes vid andra besöket")


def test_the_encrypted_copy_of_a_file_is_the_same_file(exported, tmp_path):
    sealed = tmp_path / "ab-krypterad.granskning"
    sealed.write_bytes(seal(exported.read_bytes(), "lösen"))
    read = read_exchange(sealed, "lösen")
    assert read.encrypted
    assert read.file_sha256 == read_exchange(exported).file_sha256
    with pytest.raises(PassphraseRequiredError):
        read_exchange(sealed)
    with pytest.raises(WrongPassphraseError):
        read_exchange(sealed, "fel")


def test_uncompressed_json_is_read_too(exported, tmp_path):
    plain = tmp_path / "uppackad.json"
    plain.write_bytes(gzip.decompress(exported.read_bytes()))
    assert read_exchange(plain).file_sha256 == read_exchange(exported).file_sha256


def refusal(path, passphrase=None) -> str:
    with pytest.raises(ExchangeFormatError) as info:
        read_exchange(path, passphrase)
    assert info.value.text("en")
    return info.value.text("sv")


@pytest.mark.parametrize(
    "data",
    [b"", b"\x89PNG\r\n\x1a\n", b"case_code;sex\nA;kvinna\n", b'{"format": "something-else"}', b"[1, 2]"],
    ids=["empty", "png", "csv", "other-json", "json-list"],
)
def test_not_an_exchange_file(tmp_path, data):
    path = tmp_path / "x.granskning"
    path.write_bytes(data)
    text = refusal(path)
    assert "ingen utbytesfil" in text or "tom" in text


def test_missing_file(tmp_path):
    assert "finns inte" in refusal(tmp_path / "saknas.granskning")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(min_value=0.0, max_value=0.9999))
def test_a_truncated_compressed_file_is_called_truncated(exported, tmp_path, fraction):
    data = exported.read_bytes()
    cut = max(2, int(len(data) * fraction))
    path = tmp_path / "cut.granskning"
    path.write_bytes(data[:cut])
    assert "avkortad" in refusal(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(min_value=0.0, max_value=0.9999))
def test_a_truncated_json_file_is_refused(exported, tmp_path, fraction):
    data = gzip.decompress(exported.read_bytes())
    path = tmp_path / "cut.json"
    path.write_bytes(data[: max(1, int(len(data) * fraction))])
    assert "avkortad" in refusal(path)


def test_a_hand_edited_file_does_not_match_its_checksum(exported, tmp_path):
    document = load_document(exported)
    review = document["content"]["reviews"][0]
    review["answers"]["fragat_om_barn"]["value"] = "nej"
    text = refusal(save_document(tmp_path / "edited.json", document, rehash=False))
    assert "har ändrats" in text


def test_a_newer_format_version_asks_for_an_update(exported, tmp_path):
    document = load_document(exported)
    document["format_version"] = 2
    document["content"]["something_new"] = []
    text = refusal(save_document(tmp_path / "v2.json", document, rehash=False))
    assert "nyare version av programmet" in text
    assert "Uppdatera" in text


@pytest.mark.parametrize("version", [0, "1", None, True])
def test_an_unknown_format_version(exported, tmp_path, version):
    document = load_document(exported)
    document["format_version"] = version
    assert "okänt format" in refusal(save_document(tmp_path / "v.json", document, rehash=False))


def test_counts_that_do_not_match_the_content(exported, tmp_path):
    document = load_document(exported)
    save_document(tmp_path / "f.json", document)
    document = json.loads((tmp_path / "f.json").read_text("utf-8"))
    document["manifest"]["counts"]["answers"] += 1
    assert "antalet poster" in refusal(save_document(tmp_path / "g.json", document, rehash=False))


def test_an_unknown_field_is_refused(exported, tmp_path):
    document = load_document(exported)
    document["content"]["cases"][0]["personnummer"] = "x"
    text = refusal(save_document(tmp_path / "extra.json", document))
    assert "följer inte utbytesformatet" in text
    assert "content.cases.0.personnummer" in text


def edited(exported, tmp_path, change) -> str:
    document = load_document(exported)
    change(document["content"])
    return refusal(save_document(tmp_path / "edited.json", document))


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["reviews"][0]["answers"]["fragat_om_barn"].update(note=f"Personnummer {PERSONNUMMER} nämns"),
        lambda c: c["reviews"][0]["answers"]["konsbytestest_kommentar"].update(value=f"Se {PERSONNUMMER}"),
        lambda c: c["cases"][0].update(case_code=PERSONNUMMER),
        lambda c: c["cases"][0].update(unit=f"Enhet {PERSONNUMMER}"),
        lambda c: c["reviews"][0].update(reviewer=PERSONNUMMER),
        lambda c: c["rounds"][0].update(name=f"Omgång {PERSONNUMMER}"),
    ],
    ids=["note", "text-answer", "case-code", "unit", "reviewer", "round-name"],
)
def test_a_personnummer_anywhere_is_refused_without_repeating_it(exported, tmp_path, change):
    text = edited(exported, tmp_path, change)
    assert "personnummer" in text
    assert PERSONNUMMER not in text
    assert "8112289874" not in text


def test_an_answer_that_does_not_fit_its_question(exported, tmp_path):
    text = edited(exported, tmp_path, lambda c: c["reviews"][0]["answers"]["fragat_om_barn"].update(value="kanske"))
    assert "”Frågade handläggaren om barn och föräldraskap?”" in text, "named as the reviewer reads it"
    assert "fragat_om_barn" not in text
    assert "MB-1" in text


def test_an_answer_to_a_question_the_checklist_lacks(exported, tmp_path):
    text = edited(exported, tmp_path, lambda c: c["reviews"][0]["answers"].update(okand_fraga={"value": "ja"}))
    assert "okand_fraga" in text


@pytest.mark.parametrize(
    "answer",
    [{"note": "bara en anteckning"}, {"value": "ja", "extra": 1}, {"value": "ja", "note": 5}, "ja"],
    ids=["no-value", "extra-field", "note-not-text", "bare-value"],
)
def test_an_answer_of_the_wrong_shape(exported, tmp_path, answer):
    text = edited(exported, tmp_path, lambda c: c["reviews"][0]["answers"].update(fragat_om_barn=answer))
    assert "fragat_om_barn" in text


@pytest.mark.parametrize("answers", [[], 5, None])
def test_answers_that_are_not_an_object(exported, tmp_path, answers):
    document = load_document(exported)
    document["content"]["reviews"][0]["answers"] = answers
    document["manifest"]["content_sha256"] = hashlib.sha256(canonical_json(document["content"]).encode()).hexdigest()
    text = refusal(save_document(tmp_path / "f.json", document, rehash=False))
    assert "content.reviews.0.answers" in text


def test_a_review_whose_answers_do_not_match_its_own_checksum(exported, tmp_path):
    document = load_document(exported)
    save_document(tmp_path / "f.json", document)
    document = json.loads((tmp_path / "f.json").read_text("utf-8"))
    document["content"]["reviews"][0]["content_sha256"] = "0" * 64
    assert "kontrollsumma" in refusal(save_document(tmp_path / "g.json", document, rehash=False))


def test_a_changed_checklist_definition(exported, tmp_path):
    def change(content):
        content["checklist_versions"][0]["definition"]["title"]["sv"] = "Annan titel"

    assert "missbruk@3" in edited(exported, tmp_path, change)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda c: c["cases"].append(dict(c["cases"][0])), "två gånger"),
        (lambda c: c["cases"][0].update(round_uuid="00000000-0000-4000-8000-000000000000"), "ingen omgång i filen"),
        (lambda c: c["cases"][0].update(sex="flicka"), "Kön"),
        (lambda c: c["reviews"][0].update(case_uuid="00000000-0000-4000-8000-000000000000"), "inget ärende i filen"),
        (lambda c: c["reviews"][0].update(checklist="missbruk@4"), "annan checklista"),
        (lambda c: c["rounds"][0].update(checklist="fardtjanst@3"), "saknas i filen"),
    ],
    ids=["duplicate-case", "case-without-round", "child-sex", "review-without-case", "other-checklist", "no-checklist"],
)
def test_records_that_do_not_hang_together(exported, tmp_path, change, words):
    assert words in edited(exported, tmp_path, change)


@pytest.mark.parametrize(
    "change",
    [
        lambda case: case.pop("sex"),
        lambda case: case.update(sex=None),
        lambda case: case.update(sex=""),
    ],
    ids=["no-sex", "sex-null", "sex-empty"],
)
def test_a_case_without_a_sex_is_refused_never_given_one(exported, tmp_path, change):
    """What the statistics split by is never filled in by the program: a file whose case has no sex is refused."""
    text = edited(exported, tmp_path, lambda content: change(content["cases"][0]))
    assert "sex" in text
