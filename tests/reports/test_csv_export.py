"""The CSV export: Swedish Excel's dialect, one tidy table, the method first, hidden figures marked, and nothing
written when the guard objects."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from reviewer.domain.text import Message
from reviewer.reports import csv_export
from reviewer.reports.csv_export import HEADER, render_csv, write_csv
from reviewer.reports.guard import ExportRefusedError
from tests.reports.export_data import CODE_PREFIX, REVIEWERS, assert_no_secrets, build, tempting_app


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    yield from tempting_app(tmp_path_factory)


@pytest.fixture(scope="module")
def result_and_guard(exported):
    app, round_uuid = exported
    return build(app, round_uuid)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def find(table: list[dict[str, str]], **wanted: str) -> list[dict[str, str]]:
    return [r for r in table if all(r[k] == v for k, v in wanted.items())]


def test_swedish_excel_dialect(result_and_guard, tmp_path):
    result, guard = result_and_guard
    target = tmp_path / "resultat.csv"
    write_csv(result, target, guard)
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())  # the byte order mark: Excel then reads UTF-8
    first = data.decode("utf-8").removeprefix("\ufeff").split("\r\n")[0]
    assert first == ";".join(HEADER)
    table = rows(data.decode("utf-8"))
    share = find(table, fraga_kod="fragat", rad_kod="ja", grupp_kod="female")[0]
    assert (share["antal"], share["procent"]) == ("21", "42")
    men = find(table, fraga_kod="fragat", rad_kod="ja", grupp_kod="male")[0]
    assert men["procent"] == "71,4"  # decimal comma


def test_decimal_point_for_other_tools(result_and_guard):
    result, _ = result_and_guard
    table = rows(render_csv(result, decimal="."))
    assert find(table, fraga_kod="fragat", rad_kod="ja", grupp_kod="male")[0]["procent"] == "71.4"
    median = find(table, fraga_kod="dagar", rad_kod="median", grupp_kod="female")[0]
    assert (median["varde"], median["enhet"]) == ("12", "dagar")


def test_method_rows_first(result_and_guard):
    result, _ = result_and_guard
    table = rows(render_csv(result))
    method = [r for r in table if r["avsnitt"] == "Metod"]
    assert table[: len(method)] == method
    codes = [r["rad_kod"] for r in method]
    assert codes[:4] == ["checklista", "kon_avser", "omgang", "enhet"]
    assert find(method, rad_kod="antal_arenden", grupp_kod="female")[0]["antal"] == "50"
    other = find(method, rad_kod="antal_arenden", grupp_kod="other")[0]
    assert (other["antal"], other["dolt"], other["varde"]) == ("", "x", "färre än 5")
    both = find(method, rad_kod="antal_arenden", grupp_kod="total")[0]
    assert (both["antal"], both["grupp"]) == ("99", "Kvinnor och män")
    assert find(method, rad_kod="antal_granskare")[0]["antal"] == str(len(REVIEWERS))
    assert find(method, rad_kod="minsta_antal")[0]["varde"] == "5"
    assert find(method, rad_kod="dolda_uppgifter")[0]["antal"] == str(result.method.n_hidden)


def test_hidden_figures_are_empty_with_a_mark_and_a_reason_that_never_says_which_are_small(result_and_guard):
    result, _ = result_and_guard
    table = rows(render_csv(result))
    beslut = find(table, fraga_kod="beslut", rad_kod="beviljat")
    # two annat, one okänt: both left out, and the total column is women and men's (20 + 30), labelled so
    other, both = find(beslut, grupp_kod="other")[0], find(beslut, grupp_kod="total")[0]
    unknown = find(beslut, grupp_kod="unknown")[0]
    assert (other["antal"], other["dolt"]) == ("", "x") and "färre än 5" in other["orsak"]
    assert (unknown["antal"], unknown["dolt"], unknown["orsak"]) == ("", "x", other["orsak"])
    assert (both["antal"], both["dolt"], both["grupp"]) == ("50", "", "Kvinnor och män")
    assert find(beslut, grupp_kod="female")[0]["dolt"] == ""
    # a small count and a complement look the same: the same mark and the same reason
    dagar = find(table, fraga_kod="dagar", grupp_kod="other")
    assert {(r["dolt"], r["orsak"]) for r in dagar} == {("x", other["orsak"])}


def test_comparisons_on_every_row_of_their_question(result_and_guard):
    result, _ = result_and_guard
    table = rows(render_csv(result))
    fragat = find(table, fraga_kod="fragat")
    assert {r["skillnad_procentenheter"] for r in fragat} == {"-29,4"}
    assert {r["flaggad"] for r in fragat} == {"ja"}
    assert {r["test"] for r in fragat} == {"fisher"}
    dagar = find(table, fraga_kod="dagar")
    assert {r["kvot_medianer"] for r in dagar} == {"1,5"}
    assert {r["p_varde"] for r in find(table, fraga_kod="fragat")} == {
        csv_export._p(result.question("fragat").comparison.test.p_value, ",")
    }


def test_numbers_as_statistic_rows(result_and_guard):
    result, _ = result_and_guard
    table = rows(render_csv(result))
    kostnad = find(table, fraga_kod="kostnad")
    assert find(kostnad, rad_kod="summa", grupp_kod="female")[0]["varde"] == "125000"
    assert find(kostnad, rad_kod="n", grupp_kod="female")[0]["antal"] == "10"
    assert not find(kostnad, rad_kod="median", grupp_kod="total")  # no median for the Totalt column
    assert not find(table, fraga_kod="dagar", rad_kod="summa")  # sums for money only
    assert {r["rad_kod"] for r in table if r["fraga_kod"] == "dagar"} == {"n", "medel", "median", "q1", "q3"}


def test_no_case_code_name_free_text_or_note(result_and_guard, tmp_path):
    result, guard = result_and_guard
    target = tmp_path / "resultat.csv"
    write_csv(result, target, guard)
    assert_no_secrets(target.read_bytes())


def test_the_guard_refuses_a_planted_case_code_and_writes_nothing(result_and_guard, tmp_path, monkeypatch):
    result, guard = result_and_guard
    target = tmp_path / "resultat.csv"
    target.write_text("the previous export", encoding="utf-8")
    monkeypatch.setattr(csv_export, "METHOD", Message(f"Metod {CODE_PREFIX}-0042", "Method"))
    with pytest.raises(ExportRefusedError) as caught:
        write_csv(result, target, guard)
    assert caught.value.kind == "case_code"
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["resultat.csv"]  # no temporary file left behind


def test_the_guard_refuses_a_planted_reviewer_name_in_a_question(result_and_guard, tmp_path):
    result, guard = result_and_guard
    section = result.sections[0]
    question = replace(section.questions[0], text=Message(f"Granskad av {REVIEWERS[0]}", "Reviewed by"))
    planted = replace(result, sections=[replace(section, questions=[question])])
    with pytest.raises(ExportRefusedError) as caught:
        write_csv(planted, tmp_path / "x.csv", guard)
    assert caught.value.kind == "name"
    assert not (tmp_path / "x.csv").exists()
