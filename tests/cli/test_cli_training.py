"""`reviewer training list` and `reviewer training import-pack` as a user runs them, and training rounds kept out of
the real commands (round list, aggregate, export, report, exchange export)."""

from pathlib import Path

import pytest
import yaml

from tests.cli.test_cli import run

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]


def _pack(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load((ROOT / "resources/training/barnomsorg.yaml").read_text("utf-8"))
    data.update(slug="var-kurs", title={"sv": "Vår kurs", "en": "Our course"}, **changes)
    path = tmp_path / "var-kurs.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_list_import_and_isolation_from_the_real_commands(data_dir, tmp_path):
    lines = run("training", "list", data_dir=data_dir, check_rc=0).stdout.splitlines()
    assert lines[0].split() == ["paket", "version", "område", "checklista", "fall", "källa", "titel"]
    assert [line.split()[0] for line in lines[1:]] == ["barnomsorg-ovning", "fardtjanst-ovning", "missbruk-ovning"]
    assert all("inbyggt" in line for line in lines[1:])

    out = run("training", "import-pack", _pack(tmp_path), data_dir=data_dir, check_rc=0).stdout
    assert "Importerade paketet var-kurs version 1 (4 fall) som utbildningsomgången Utbildning: Vår kurs (v1)" in out
    again = run("training", "import-pack", _pack(tmp_path), data_dir=data_dir, lang="en_GB.UTF-8", check_rc=0)
    assert "is already imported" in again.stdout and "nothing changed" in again.stdout

    english = run("training", "list", data_dir=data_dir, lang="en_GB.UTF-8", check_rc=0).stdout
    assert english.splitlines()[0].split()[:2] == ["pack", "version"]
    assert "var-kurs" in english and "imported" in english and "Our course" in english
    assert "the training round Utbildning: Vår kurs (v1)" in english

    assert "inga omgångar" in run("round", "list", data_dir=data_dir, check_rc=0).stdout
    name = "Utbildning: Vår kurs (v1)"
    for command in (
        ("aggregate", "--round", name),
        ("export", "--round", name, "-o", tmp_path / "ut.csv"),
        ("report", "--round", name, "-o", tmp_path / "ut.pdf"),
        ("exchange", "export", "--round", name, "-o", tmp_path / "ut.granskning"),
    ):
        refused = run(*command, data_dir=data_dir, check_rc=1)
        assert "En utbildningsomgång kan inte användas här" in refused.stderr, command
    assert not any((tmp_path / n).exists() for n in ("ut.csv", "ut.pdf", "ut.granskning"))


def test_a_broken_pack_exits_1_naming_file_case_and_question_and_stores_nothing(data_dir, tmp_path):
    data = yaml.safe_load((ROOT / "resources/training/barnomsorg.yaml").read_text("utf-8"))
    data["cases"][0]["facit"]["hushall"]["answer"] = "storfamilj"
    path = tmp_path / "trasig.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = run("training", "import-pack", path, data_dir=data_dir, check_rc=1)
    assert f"Utbildningspaketet i {path} är inte giltigt" in result.stderr
    assert (
        "fall 1 (OVN-BO-01) (fråga 'hushall'): Frågan ”Hur ser barnets vårdnad och boende ut?”: 'storfamilj' är "
        "inget av svarsalternativen" in result.stderr
    )
    english = run("training", "import-pack", path, data_dir=data_dir, lang="en_GB.UTF-8", check_rc=1).stderr
    assert "case 1 (OVN-BO-01) (question 'hushall'): Question “" in english
    assert "'storfamilj' is not one of the options" in english
    assert "var-kurs" not in run("training", "list", data_dir=data_dir, check_rc=0).stdout
