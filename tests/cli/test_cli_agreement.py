"""`reviewer agreement` in text and JSON, in Swedish and English, to a file, and its refusals."""

from __future__ import annotations

import json

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.cli.main import main
from reviewer.domain.sex import Sex
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.report_data import add_review

# 12 cases read by AB and CD: "fragat" alike in 9 (6 ja/ja, 3 nej/nej), days alike in 10
FIRST = ["ja"] * 7 + ["nej"] * 5
SECOND = ["ja"] * 6 + ["nej"] + ["nej"] * 3 + ["ja", "ja"]


@pytest.fixture
def double(data_dir):
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            add_checklist(session, checklist_data())
            cases = [Case(Sex.KVINNA, {"fragat": a, "dagar": 10 + i}, reviewer="AB") for i, a in enumerate(FIRST)]
            round_uuid = add_round(session, "Dubbel 2026", cases)
            for i, answer in enumerate(SECOND):
                days = 10 + i if i < 10 else 30
                add_review(session, round_uuid, f"T-{i + 1:04d}", "CD", {"fragat": answer, "dagar": days})
            add_round(session, "Enkel 2026", [Case(Sex.MAN, {"fragat": "ja"})] * 3)
    finally:
        app.close()
    return data_dir


def agreement_cli(capsys, data_dir, *args):
    code = main(["agreement", "--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(capsys, double):
    code, out, err = agreement_cli(capsys, double, "--round", "Dubbel 2026", "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert (doc["format"], doc["format_version"], doc["n_cases"], doc["n_reviewers"]) == (
        "reviewer-agreement",
        1,
        12,
        2,
    )
    assert [r["name"] for r in doc["rounds"]] == ["Dubbel 2026"]
    assert doc["method"]["resamples"] == 1000
    fragat, dagar = doc["questions"]
    assert (fragat["key"], fragat["n_cases"], fragat["pairs"], fragat["agreeing_pairs"]) == ("fragat", 12, 12, 9)
    assert (fragat["kappa_kind"], fragat["headline"], fragat["level"]) == ("cohen", "cohen", "nominal")
    # rows ja 7, nej 5; columns ja 8, nej 4: p_e = (56 + 20) / 144, p_o = 9/12
    p_e = 76 / 144
    assert fragat["kappa"]["value"] == pytest.approx((0.75 - p_e) / (1 - p_e))
    assert fragat["kappa"]["ci_low"] < fragat["kappa"]["value"] < fragat["kappa"]["ci_high"]
    assert fragat["kappa"]["not_estimable"] is None
    assert fragat["reading"]["sv"].endswith("överensstämmelse (Landis och Kochs indelning)")
    assert (dagar["level"], dagar["kappa"], dagar["headline"], dagar["percent"]) == (
        "interval",
        None,
        "alpha",
        pytest.approx(100 * 10 / 12),
    )
    assert dagar["alpha"]["value"] is not None


def test_text_output_in_swedish_and_english(capsys, double, monkeypatch):
    code, out, _ = agreement_cli(capsys, double, "--round", "Dubbel 2026")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Överensstämmelse mellan granskare: Dubbel 2026 (2026)"
    assert lines[1] == "checklista testmall@1"
    assert lines[2].startswith("12 ärenden har granskats av två eller fler (24 granskningar av 2 granskare).")
    header = next(line for line in lines if line.startswith("fråga"))
    assert "kappa (95 % KI)" in header and "alfa (95 % KI)" in header
    row = next(line for line in lines if line.startswith("Frågade handläggaren om barn?"))
    assert "Cohens kappa 0,4" in row and "75 %" in row and row.endswith("(kappa)")
    assert "inte ett omdöme om granskarna" in out
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = agreement_cli(capsys, double, "--round", "Dubbel 2026")
    assert code == 0
    assert out.splitlines()[0] == "Agreement between reviewers: Dubbel 2026 (2026)"
    assert "Cohen's kappa 0.4" in out
    assert "not a verdict on the reviewers" in out


def test_no_double_reviews_and_a_file(capsys, double, tmp_path):
    target = tmp_path / "overensstammelse.json"
    code, out, _ = agreement_cli(capsys, double, "--round", "Enkel 2026", "--format", "json", "-o", target)
    assert (code, out.strip()) == (0, f"Skrev {target}")
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert (doc["n_cases"], doc["questions"], doc["overall"]["percent"]) == (0, [], None)
    code, out, _ = agreement_cli(capsys, double, "--round", "Enkel 2026")
    assert "Inget ärende i urvalet har två eller fler klara granskningar" in out


def test_an_unknown_round_is_refused(capsys, double):
    code, out, err = agreement_cli(capsys, double, "--round", "Finns inte")
    assert (code, out) == (1, "")
    assert err.startswith("fel: ")
