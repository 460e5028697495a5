"""Exporting: what goes into the file, in a fixed order, and what never does."""

import gzip
import json

import pytest

from reviewer.domain.personnummer import PersonnummerError
from reviewer.services.exchange import ExchangeError, export_exchange
from reviewer.services.exchange.envelope import is_sealed
from reviewer.services.rounds import RoundError
from tests.services.exchange.helpers import add_reviewed_case, load_document, make_round

PERSONNUMMER = "811228-9874"


@pytest.fixture
def rounds(app):
    first = make_round(app, "Missbruk 2023", "2023")
    add_reviewed_case(app, first, "MB-2", notes={"fragat_om_barn": "Anteckning"}, answers={"fragat_om_barn": "ja"})
    add_reviewed_case(app, first, "MB-1", reviewer="CD")
    second = make_round(app, "Missbruk 2024", "2024", baseline_uuid=first)
    add_reviewed_case(app, second, "MB-9")
    return first, second


def export(app, path, **kwargs):
    with app.db.session() as session:
        return export_exchange(session, path, **kwargs)


def test_everything_is_exported_in_a_fixed_order(app, rounds, tmp_path):
    summary = export(app, tmp_path / "f.granskning", exported_by=" AB ")
    assert (summary.rounds, summary.cases, summary.reviews, summary.checklist_versions) == (2, 3, 3, 1)
    assert summary.text("sv").startswith("Skrev f.granskning: 2 omgångar, 3 ärenden, 3 granskningar")
    document = load_document(tmp_path / "f.granskning")
    assert list(document) == ["content", "format", "format_version", "manifest"]
    assert document["format"] == "reviewer-exchange"
    assert document["manifest"]["exported_by"] == "AB"
    content = document["content"]
    assert list(content) == ["cases", "checklist_versions", "reviews", "rounds"]
    assert [r["name"] for r in content["rounds"]] == ["Missbruk 2023", "Missbruk 2024"]
    assert [c["case_code"] for c in content["cases"]] == ["MB-1", "MB-2", "MB-9"]
    assert content["rounds"][1]["baseline_round_uuid"] == content["rounds"][0]["uuid"]
    note = next(r for r in content["reviews"] if r["reviewer"] == "AB")["answers"]["fragat_om_barn"]
    assert note == {"value": "ja", "note": "Anteckning"}


def test_two_exports_of_the_same_data_differ_only_in_the_time(app, rounds, tmp_path):
    first = load_document(export(app, tmp_path / "a", exported_by="AB").path)
    second = load_document(export(app, tmp_path / "b", exported_by="AB").path)
    assert first["content"] == second["content"]
    assert first["manifest"]["content_sha256"] == second["manifest"]["content_sha256"]
    first["manifest"].pop("created_at"), second["manifest"].pop("created_at")
    assert first == second


def test_chosen_rounds_only_with_the_baseline_as_a_uuid(app, rounds, tmp_path):
    _, second = rounds
    export(app, tmp_path / "f.granskning", round_uuids=[second, second])
    content = load_document(tmp_path / "f.granskning")["content"]
    assert [r["name"] for r in content["rounds"]] == ["Missbruk 2024"]
    assert content["rounds"][0]["baseline_round_uuid"] == rounds[0]
    assert [c["case_code"] for c in content["cases"]] == ["MB-9"]


def test_an_encrypted_export_is_sealed(app, rounds, tmp_path):
    summary = export(app, tmp_path / "f.granskning", passphrase="lösen")
    data = (tmp_path / "f.granskning").read_bytes()
    assert summary.encrypted
    assert is_sealed(data)
    assert b"MB-9" not in data
    assert "krypterad" in summary.text("sv")


def test_nothing_to_export(app, tmp_path):
    with pytest.raises(ExchangeError) as info:
        export(app, tmp_path / "f.granskning")
    assert "inga omgångar" in info.value.text("sv")
    assert not (tmp_path / "f.granskning").exists()


def test_an_unknown_round(app, tmp_path):
    with pytest.raises(RoundError):
        export(app, tmp_path / "f.granskning", round_uuids=["00000000-0000-4000-8000-000000000000"])


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"passphrase": ""}, ExchangeError),
        ({"exported_by": "x" * 65}, ExchangeError),
        ({"exported_by": f"AB {PERSONNUMMER}"}, PersonnummerError),
    ],
    ids=["empty-passphrase", "long-name", "personnummer"],
)
def test_refused_before_a_file_is_written(app, rounds, tmp_path, kwargs, error):
    with pytest.raises(error):
        export(app, tmp_path / "f.granskning", **kwargs)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_the_plain_form_is_gzip_of_canonical_json(app, rounds, tmp_path):
    export(app, tmp_path / "f.granskning")
    text = gzip.decompress((tmp_path / "f.granskning").read_bytes()).decode("utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
