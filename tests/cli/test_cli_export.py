"""`reviewer export`: the three formats, choices and refusals, and nothing written when refused."""

from __future__ import annotations

import json

import openpyxl
import pytest

from reviewer.bootstrap import bootstrap
from reviewer.cli.main import main
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round
from tests.reports.export_data import ROUND, add_tempting_round, assert_no_secrets


@pytest.fixture
def data(data_dir):
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            add_tempting_round(session)
    finally:
        app.close()
    return data_dir


def export(capsys, data_dir, *args):
    code = main(["export", "--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "json"])
def test_each_format_from_the_file_name(capsys, data, tmp_path, suffix):
    target = tmp_path / f"resultat.{suffix}"
    code, out, err = export(capsys, data, "-o", target, "--round", ROUND)
    assert (code, err) == (0, "")
    assert out.startswith(f"Skrev {target} (") and "dolda uppgifter, minst 5 ärenden per uppgift" in out
    assert_no_secrets(target.read_bytes())


def test_the_formats_hold_what_they_should(capsys, data, tmp_path):
    export(capsys, data, "-o", tmp_path / "a.json", "--round", ROUND)
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert document["format"] == "reviewer-anonymised-export"
    export(capsys, data, "-o", tmp_path / "a.xlsx", "--round", ROUND)
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "Metod"
    export(capsys, data, "-o", tmp_path / "a.csv", "--round", ROUND, "--decimal", ".")
    text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("avsnitt;fraga_kod;") and ";71.4;" in text


def test_explicit_format_and_the_only_round_by_default(capsys, data, tmp_path):
    target = tmp_path / "resultat.txt"
    code, _, err = export(capsys, data, "-o", target, "--format", "csv")
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith("\ufeff".encode())


def test_min_cell(capsys, data, tmp_path):
    code, out, _ = export(capsys, data, "-o", tmp_path / "a.json", "--round", ROUND, "--min-cell", "10")
    assert code == 0 and "minst 10 ärenden" in out
    document = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert document["method"]["rules"]["min_cell"] == 10
    code, _, err = export(capsys, data, "-o", tmp_path / "b.json", "--round", ROUND, "--min-cell", "2")
    assert code == 1 and "minst 3" in err
    assert not (tmp_path / "b.json").exists()


def test_refusals(capsys, data, tmp_path):
    out = tmp_path / "out"
    code, _, err = export(capsys, data, "-o", out / "a.txt", "--round", ROUND)
    assert code == 1 and "--format" in err
    code, _, err = export(capsys, data, "-o", out / "a.json", "--round", ROUND, "--decimal", ".")
    assert code == 1 and "--decimal gäller bara CSV" in err
    code, _, err = export(capsys, data, "-o", out / "a.csv", "--round", "Finns inte")
    assert code == 1 and "Finns inte" in err
    assert not out.exists()


def test_several_rounds_must_be_named(capsys, data, tmp_path):
    app = bootstrap(data_dir=data)
    try:
        with app.db.session() as session:
            create_round(session, "En till", get_version(session, "testmall"), "2027")
    finally:
        app.close()
    code, _, err = export(capsys, data, "-o", tmp_path / "a.csv")
    assert code == 1 and "--round" in err


def test_english(capsys, data, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = export(capsys, data, "-o", tmp_path / "a.csv", "--round", ROUND)
    assert code == 0 and out.startswith("Wrote ") and "hidden figures" in out
    code, _, err = export(capsys, data, "-o", tmp_path / "b.csv", "--round", ROUND, "--min-cell", "1")
    assert code == 1 and err.startswith("error: The minimum number of cases per cell must be at least 3")


def test_a_round_named_after_a_reviewer_is_refused_and_nothing_written(capsys, data, tmp_path):
    app = bootstrap(data_dir=data)
    try:
        with app.db.session() as session:
            add_tempting_round(session, name="Zelmira Quistgaards omgång")
    finally:
        app.close()
    target = tmp_path / "a.xlsx"
    code, _, err = export(capsys, data, "-o", target, "--round", "Zelmira Quistgaards omgång")
    assert code == 1
    assert "en granskares eller användares namn" in err and "Zelmira" not in err
    assert not target.exists()


def _two_units(data_dir):
    from tests.services.test_release_register import _round

    app = bootstrap(data_dir=data_dir)
    try:
        _round(app)
    finally:
        app.close()


def test_releases_are_recorded_checked_and_listed(capsys, data_dir, tmp_path):
    _two_units(data_dir)
    code, out, err = main(["export", "history", "--data-dir", str(data_dir)]), *capsys.readouterr()
    assert (code, err) == (0, "") and "Inga anonymiserade sammanställningar" in out
    for unit in (None, "Norr", "Söder"):
        args = ["-o", tmp_path / f"{unit}.csv", "--round", "Två enheter", *(["--unit", unit] if unit else [])]
        code, out, err = export(capsys, data_dir, *args)
        assert (code, err) == (0, "")
    # the third, Söder, is checked against the whole round's and Norr's, and says so
    assert "av dem är dolda för att de annars, tillsammans med 2 tidigare utlämnade sammanställningar" in out
    code, out, err = main(["export", "history", "--data-dir", str(data_dir)]), *capsys.readouterr()
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert "CSV   testmall@1  Två enheter (2026)  alla enheter  k=5" in lines[0]
    assert "Söder" in lines[2] and "för tidigare utlämnade" in lines[2]


def test_export_history_in_english(capsys, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    _two_units(data_dir)
    export(capsys, data_dir, "-o", tmp_path / "a.csv", "--round", "Två enheter")
    code, out, err = main(["export", "history", "--data-dir", str(data_dir)]), *capsys.readouterr()
    assert (code, err) == (0, "") and "all units" in out and "hidden" in out


def test_an_export_without_a_file_says_so(capsys, data_dir):
    code, _out, err = main(["export", "--data-dir", str(data_dir)]), *capsys.readouterr()
    assert code == 1 and "Ange filen att skriva med -o FIL" in err
