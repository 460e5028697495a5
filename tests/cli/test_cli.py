"""The CLI as a user runs it: a separate process, exit codes, stdout and stderr."""

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest
import yaml

from reviewer import __version__
from tests.checklists.test_loader import MINIMAL

pytestmark = pytest.mark.slow


def run(*args, data_dir=None, lang="sv_SE.UTF-8", check_rc=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = lang
    command = [sys.executable, "-m", "reviewer", *map(str, args)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    if check_rc is not None:
        assert result.returncode == check_rc, (result.stdout, result.stderr)
    return result


def test_version():
    assert run("--version", check_rc=0).stdout.strip() == f"reviewer {__version__}"


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "reviewer"
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert __version__ in result.stdout


def test_list_shows_the_three_builtin_checklists(data_dir):
    out = run("checklist", "list", data_dir=data_dir, check_rc=0).stdout
    for slug in ("fardtjanst", "barnomsorg", "missbruk"):
        assert slug in out
    assert "Färdtjänst" in out


def test_data_dir_is_accepted_before_the_command_too(data_dir):
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "--data-dir", str(data_dir), "checklist", "list"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "missbruk" in result.stdout
    assert (data_dir / "reviewer.sqlite").exists()


def test_show_lists_questions_with_swedish_text(data_dir):
    out = run("checklist", "show", "missbruk", data_dir=data_dir, check_rc=0).stdout
    assert "fragat_om_barn" in out
    assert "obligatorisk" in out


def test_show_unknown_is_a_clear_error(data_dir):
    result = run("checklist", "show", "finns_inte", data_dir=data_dir, check_rc=1)
    assert "Det finns ingen checklista 'finns_inte'" in result.stderr


def test_validate_good_and_bad_files(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(MINIMAL), encoding="utf-8")
    assert "Giltig" in run("checklist", "validate", good, check_rc=0).stdout
    broken = dict(
        MINIMAL,
        sections=[
            dict(MINIMAL["sections"][0], questions=[dict(MINIMAL["sections"][0]["questions"][0], type="kanske")])
        ],
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    result = run("checklist", "validate", bad, check_rc=1)
    assert "fragat_om_barn" in result.stderr
    assert "okänd frågetyp 'kanske'" in result.stderr
    assert str(bad) in result.stderr
    english = run("checklist", "validate", bad, lang="en_US.UTF-8", check_rc=1)
    assert "unknown question type 'kanske'" in english.stderr


def test_validate_does_not_create_a_data_folder(tmp_path, monkeypatch):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(MINIMAL), encoding="utf-8")
    run("checklist", "validate", good, data_dir=tmp_path / "never", check_rc=0)
    assert not (tmp_path / "never").exists()


def test_import_then_export_gives_the_identical_definition(tmp_path, data_dir):
    source = tmp_path / "mall.yaml"
    source.write_text(yaml.safe_dump(MINIMAL, allow_unicode=True), encoding="utf-8")
    assert "Importerad: test@1" in run("checklist", "import", source, data_dir=data_dir, check_rc=0).stdout
    assert "Oförändrad" in run("checklist", "import", source, data_dir=data_dir, check_rc=0).stdout
    exported = tmp_path / "ut.json"
    run("checklist", "export", "test@1", "-o", exported, data_dir=data_dir, check_rc=0)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["sections"][0]["questions"][0]["text"] == {"sv": "Frågade handläggaren om barn?"}
    assert "Oförändrad" in run("checklist", "import", exported, data_dir=data_dir, check_rc=0).stdout


def test_builtin_export_round_trips_through_yaml(tmp_path, data_dir):
    first = tmp_path / "missbruk.yaml"
    run("checklist", "export", "missbruk", "-o", first, data_dir=data_dir, check_rc=0)
    assert "Oförändrad" in run("checklist", "import", first, data_dir=data_dir, check_rc=0).stdout
    second = tmp_path / "missbruk-2.yaml"
    run("checklist", "export", "missbruk@3", "-o", second, data_dir=data_dir, check_rc=0)
    assert first.read_bytes() == second.read_bytes()


def test_import_of_changed_content_under_a_taken_version_is_refused(tmp_path, data_dir):
    exported = tmp_path / "f.json"
    run("checklist", "export", "fardtjanst", "-o", exported, data_dir=data_dir, check_rc=0)
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["title"] = {"sv": "Min egen färdtjänstmall"}
    exported.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("checklist", "import", exported, data_dir=data_dir, check_rc=1)
    assert "finns redan med annat innehåll" in result.stderr


def test_export_to_an_unknown_format_is_refused(tmp_path, data_dir):
    result = run("checklist", "export", "missbruk", "-o", tmp_path / "m.docx", data_dir=data_dir, check_rc=1)
    assert ".docx" in result.stderr
    assert not (tmp_path / "m.docx").exists()


def test_db_check_and_backup(data_dir):
    out = run("db", "check", data_dir=data_dir, check_rc=0).stdout
    assert "integritet: ok" in out
    assert "checklist_version: 3" in out
    backup = run("db", "backup", data_dir=data_dir, check_rc=0).stdout
    copies = list((data_dir / "backups").glob("*-manual.sqlite"))
    assert len(copies) == 1
    assert str(copies[0]) in backup


def test_demo_creates_rounds(data_dir):
    out = run("demo", "--cases", "12", "--seed", "5", data_dir=data_dir, check_rc=0).stdout
    assert out.count("fiktiva ärenden") == 3
    assert "review_case: 36" in run("db", "check", data_dir=data_dir, check_rc=0).stdout


def test_db_check_finds_answer_counts_that_differ_and_recount_rebuilds_them(data_dir):
    run("demo", "--cases", "12", "--seed", "5", data_dir=data_dir, check_rc=0)
    assert "svarsräkningen: stämmer med svaren" in run("db", "check", data_dir=data_dir, check_rc=0).stdout
    with closing(sqlite3.connect(data_dir / "reviewer.sqlite")) as conn, conn:
        wrong = conn.execute("SELECT count(*) FROM answer_count WHERE id % 3 <> 2").fetchone()[0]
        conn.execute("DELETE FROM answer_count WHERE id % 3 = 0")
        conn.execute("UPDATE answer_count SET n = n + 1 WHERE id % 3 = 1")
    out = run("db", "check", data_dir=data_dir, check_rc=1).stdout
    assert f"svarsräkningen: {wrong} rader stämmer inte med svaren; kör 'reviewer db recount'" in out
    assert f"({wrong} rader var fel)" in run("db", "recount", data_dir=data_dir, check_rc=0).stdout
    assert "svarsräkningen: stämmer med svaren" in run("db", "check", data_dir=data_dir, check_rc=0).stdout


def test_not_a_database_is_refused_without_traceback_and_untouched(data_dir):
    data_dir.mkdir(parents=True)
    db = data_dir / "reviewer.sqlite"
    db.write_bytes(b"PK\x03\x04 definitely a zip file" * 50)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = run("checklist", "list", data_dir=data_dir, check_rc=1)
    assert "ingen läsbar databas" in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_unwritable_data_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("checklist", "list", data_dir=blocker / "sub", check_rc=1)
    assert "kan inte användas" in result.stderr


def test_usage_error_exits_2():
    assert run("checklist", "frobnicate", check_rc=2).stderr


def test_excel_round_trip_draft_publish_with_mapping_and_retire(tmp_path, data_dir):
    workbook_path = tmp_path / "missbruk.xlsx"
    out = run("checklist", "export", "missbruk", "-o", workbook_path, data_dir=data_dir, check_rc=0).stdout
    assert f"Skrev {workbook_path}" in out
    assert "Oförändrad: missbruk@3" in run("checklist", "import", workbook_path, data_dir=data_dir, check_rc=0).stdout

    workbook = openpyxl.load_workbook(workbook_path)
    settings_sheet = workbook["Inställningar"]
    rows = {settings_sheet.cell(r, 1).value: r for r in range(2, settings_sheet.max_row + 1)}
    settings_sheet.cell(rows["version"], 2).value = 4
    settings_sheet.cell(rows["föregående version"], 2).value = 3
    questions = workbook["Frågor"]
    keys = [questions.cell(r, 3).value for r in range(2, questions.max_row + 1)]
    questions.cell(keys.index("substans") + 2, 3).value = "substans_alkohol"
    for row in workbook["Alternativ"].iter_rows(min_row=2, max_col=1):
        if row[0].value == "substans":
            row[0].value = "substans_alkohol"
    workbook.save(workbook_path)
    result = run("checklist", "import", workbook_path, "--draft", data_dir=data_dir, check_rc=0)
    assert "Importerad som utkast: missbruk@4" in result.stdout

    refused = run("checklist", "publish", "missbruk@4", data_dir=data_dir, check_rc=1)
    assert "frågorna substans från version 3 saknas" in refused.stderr
    assert "--map NY_NYCKEL=GAMMAL_NYCKEL" in refused.stderr
    unversioned = run("checklist", "publish", "missbruk", data_dir=data_dir, check_rc=1)
    assert "Ange vilken version som avses: missbruk@VERSION" in unversioned.stderr
    bad = run("checklist", "publish", "missbruk@4", "--map", "substans_alkohol", data_dir=data_dir, check_rc=1)
    assert "NY_NYCKEL=GAMMAL_NYCKEL" in bad.stderr
    published = run(
        "checklist", "publish", "missbruk@4", "--map", "substans_alkohol=substans", data_dir=data_dir, check_rc=0
    )
    assert "Publicerad: missbruk@4" in published.stdout
    exported = tmp_path / "missbruk-3.json"
    run("checklist", "export", "missbruk@4", "-o", exported, data_dir=data_dir, check_rc=0)
    previous = json.loads(exported.read_text("utf-8"))["previous"]
    assert previous == {"version": 3, "key_map": {"substans_alkohol": "substans"}, "retired": []}

    retired = run("checklist", "retire", "missbruk@3", data_dir=data_dir, check_rc=0).stdout
    assert "Tillbakadragen: missbruk@3" in retired
    assert "redan tillbakadragen" in run("checklist", "retire", "missbruk@3", data_dir=data_dir, check_rc=1).stderr
    listing = run("checklist", "list", data_dir=data_dir, check_rc=0).stdout
    assert re.search(r"missbruk\s+3\s+missbruk\s+pensionerad", listing), listing
    assert re.search(r"missbruk\s+4\s+missbruk\s+publicerad", listing), listing


def test_publish_with_retire_and_english_messages(tmp_path, data_dir):
    source = tmp_path / "mall.json"
    source.write_text(json.dumps(MINIMAL), encoding="utf-8")
    run("checklist", "import", source, data_dir=data_dir, check_rc=0)
    second = dict(MINIMAL, version=2, previous={"version": 1})
    second["sections"] = [dict(MINIMAL["sections"][0], questions=MINIMAL["sections"][0]["questions"][:2])]
    source.write_text(json.dumps(second), encoding="utf-8")
    run("checklist", "import", source, "--draft", data_dir=data_dir, check_rc=0)
    refused = run("checklist", "publish", "test@2", data_dir=data_dir, lang="en_GB.UTF-8", check_rc=1)
    assert "the questions insats of version 1 are missing" in refused.stderr
    assert "--retire OLD_KEY" in refused.stderr
    run("checklist", "publish", "test@2", "--retire", "insats", data_dir=data_dir, check_rc=0)


def test_a_workbook_with_mistakes_names_sheet_row_and_column(tmp_path, data_dir):
    workbook_path = tmp_path / "fel.xlsx"
    run("checklist", "export", "fardtjanst", "-o", workbook_path, data_dir=data_dir, check_rc=0)
    workbook = openpyxl.load_workbook(workbook_path)
    workbook["Frågor"].cell(7, 4).value = "ja/nej"
    workbook.save(workbook_path)
    result = run("checklist", "validate", workbook_path, check_rc=1)
    assert "Frågor, rad 7, kolumn 'typ'" in result.stderr
    assert "okänd typ 'ja/nej'" in result.stderr
    imported = run("checklist", "import", workbook_path, "--draft", data_dir=data_dir, check_rc=1)
    assert "Frågor, rad 7, kolumn 'typ'" in imported.stderr
