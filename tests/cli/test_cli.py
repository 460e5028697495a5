"""The CLI as a user runs it: a separate process, exit codes, stdout and stderr."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

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
    run("checklist", "export", "missbruk@1", "-o", second, data_dir=data_dir, check_rc=0)
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
