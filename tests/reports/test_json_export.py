"""The JSON export: its documented shape, full precision, hidden figures as null with a public reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.reports import json_export
from reviewer.reports.guard import ExportRefusedError
from reviewer.reports.json_export import FORMAT, FORMAT_VERSION, render_json, write_json
from tests.reports.export_data import CODE_PREFIX, assert_no_secrets, build, tempting_app

DOCS = Path(__file__).parents[2] / "docs/export-format.md"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    yield from tempting_app(tmp_path_factory)


@pytest.fixture(scope="module")
def result_and_guard(exported):
    app, round_uuid = exported
    return build(app, round_uuid)


@pytest.fixture(scope="module")
def document(result_and_guard):
    result, _ = result_and_guard
    return json.loads(render_json(result))


def question(document, key):
    return next(q for s in document["sections"] for q in s["questions"] if q["key"] == key)


def test_top_level(document):
    assert (
        (document["format"], document["format_version"])
        == (FORMAT, FORMAT_VERSION)
        == (
            "reviewer-anonymised-export",
            1,
        )
    )
    assert list(document) == ["format", "format_version", "method", "reasons", "findings", "sections"]
    method = document["method"]
    assert method["checklist"] == {
        "slug": "testmall",
        "version": 1,
        "title": {"sv": "Testmall", "en": "Test template"},
        "subject": "adult",
        "subject_label": {"sv": "den som ärendet gäller", "en": "the person the case is about"},
    }
    assert method["rounds"] == [{"name": "Granskning 2026", "period_label": "2026"}]
    assert method["cases"]["female"] == {"count": 50, "percent": None, "hidden": None}
    assert method["cases"]["other"] == {"count": None, "percent": None, "hidden": "small"}
    assert method["cases"]["total"] == {"count": 99, "percent": None, "hidden": None}
    assert (method["total_column"], method["other_fewer_than"]) == ("women_and_men", 5)
    assert method["rules"] == {"min_cell": 5, "dominance_n": 2, "dominance_percent": 85.0}
    assert set(document["reasons"]) == {"small", "dominance", "derived"}


def test_full_precision_and_the_services_figures(document, result_and_guard):
    result, _ = result_and_guard
    fragat = question(document, "fragat")
    male = fragat["rows"][0]["cells"]["male"]
    assert male == {"count": 35, "percent": 100 * 35 / 49, "hidden": None}
    assert fragat["comparison"]["difference_pp"] == result.question("fragat").comparison.difference_pp
    assert fragat["totals"]["female"] == {"count": 50, "percent": None, "hidden": None}
    dagar = question(document, "dagar")
    assert dagar["numbers"]["female"]["median"] == 12.0
    assert dagar["numbers"]["other"] == {
        "n": None,
        "mean": None,
        "median": None,
        "q1": None,
        "q3": None,
        "total": None,
        "hidden": "small",
        "total_hidden": None,
    }
    assert dagar["rows"] == [] and dagar["totals"] is None
    assert fragat["numbers"] is None


def test_hidden_comparison_and_no_comparison(document):
    # multiple choice: the women's 4 for "c" is hidden, so comparing them would reveal it
    skal = question(document, "skal")
    assert (skal["comparison"], skal["comparison_hidden"]) == (None, True)
    assert skal["rows"][2]["cells"]["female"] == {"count": None, "percent": None, "hidden": "small"}
    # a question not compared by sex has no comparison to hide
    not_compared = question(document, "ej_jamford")
    assert (not_compared["comparison"], not_compared["comparison_hidden"]) == (None, False)


def test_every_field_is_documented(document):
    documented = DOCS.read_text(encoding="utf-8")

    def keys(node, found):
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("female", "male", "other", "total", "sv", "en", "small", "dominance", "derived"):
                    found.add(key)
                keys(value, found)
        elif isinstance(node, list):
            for item in node:
                keys(item, found)
        return found

    missing = sorted(k for k in keys(document, set()) if f"`{k}`" not in documented)
    assert not missing, missing


def test_no_case_code_name_free_text_or_note(result_and_guard, tmp_path):
    result, guard = result_and_guard
    target = tmp_path / "resultat.json"
    write_json(result, target, guard)
    assert_no_secrets(target.read_bytes())
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == FORMAT


def test_the_guard_refuses_a_planted_case_code(result_and_guard, tmp_path, monkeypatch):
    result, guard = result_and_guard
    original = json_export.text_json
    monkeypatch.setattr(
        json_export,
        "text_json",
        lambda m: original(m) | ({"note": f"{CODE_PREFIX}-0003"} if m.sv == "Testmall" else {}),
    )
    with pytest.raises(ExportRefusedError):
        write_json(result, tmp_path / "x.json", guard)
    assert not (tmp_path / "x.json").exists()
