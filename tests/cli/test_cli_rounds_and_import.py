"""`reviewer round list|create` and `reviewer cases import` as a user runs them: a separate process."""

from pathlib import Path

import pytest

from tests.cli.test_cli import run

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parents[2] / "docs/examples/tidigare-granskningar-missbruk.csv"


def test_round_create_list_and_import_the_documented_example(data_dir):
    assert "inga omgångar" in run("round", "list", data_dir=data_dir, check_rc=0).stdout
    out = run(
        "round", "create", "Missbruk 2024", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=0
    ).stdout
    assert "Missbruk 2024" in out
    assert "missbruk@3" in out
    run(
        "round",
        "create",
        "Missbruk 2026",
        "--checklist",
        "missbruk@3",
        "--period",
        "2026",
        "--baseline",
        "Missbruk 2024",
        data_dir=data_dir,
        check_rc=0,
    )

    out = run("cases", "import", EXAMPLE, "--round", "Missbruk 2024", data_dir=data_dir, check_rc=0).stdout
    assert "8 ärenden" in out
    assert "6 klara" in out
    assert "2 påbörjade" in out

    lines = run("round", "list", data_dir=data_dir, check_rc=0).stdout.splitlines()
    assert lines[0].split() == ["namn", "område", "checklista", "period", "ärenden", "klara"]
    row = next(line for line in lines if line.startswith("Missbruk 2024"))
    assert row.split()[-5:] == ["missbruk", "missbruk@3", "2024", "8", "6"]
    row = next(line for line in lines if line.startswith("Missbruk 2026"))
    assert row.split()[-2:] == ["0", "0"]


def test_english_output(data_dir):
    run("round", "create", "R", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=0)
    out = run("cases", "import", EXAMPLE, "--round", "R", data_dir=data_dir, lang="en_GB.UTF-8", check_rc=0).stdout
    assert "Imported tidigare-granskningar-missbruk.csv into the round R: 8 cases" in out
    assert "name" in run("round", "list", data_dir=data_dir, lang="en_GB.UTF-8", check_rc=0).stdout


def test_invalid_file_exits_1_naming_row_and_column(data_dir, tmp_path):
    run("round", "create", "R", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=0)
    bad = tmp_path / "fel.csv"
    bad.write_text(
        "case_code;sex;reviewer;fragat_om_barn;beslut_note\n"
        "A-1;kvinna;AB;ja;\n"
        "A-2;kvinnan;AB;kanske;\n"
        "A-3;man;AB;nej;Se 811228-9874\n",
        encoding="utf-8",
    )
    result = run("cases", "import", bad, "--round", "R", data_dir=data_dir, check_rc=1)
    assert "Rad 3, kolumn 'sex'" in result.stderr
    assert "Rad 3, kolumn 'fragat_om_barn'" in result.stderr
    assert "Rad 4, kolumn 'beslut_note'" in result.stderr
    assert "Ingenting har sparats" in result.stderr
    assert "9874" not in result.stderr
    assert result.stdout == ""
    lines = run("round", "list", data_dir=data_dir, check_rc=0).stdout.splitlines()
    assert lines[1].split()[-2:] == ["0", "0"]


def test_reviewer_flag_fills_rows_without_one(data_dir, tmp_path):
    run("round", "create", "R", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=0)
    path = tmp_path / "utan.csv"
    path.write_text("case_code,sex\nA-1,kvinna\nA-2,man\n", encoding="utf-8")
    assert "kolumnen saknas" in run("cases", "import", path, "--round", "R", data_dir=data_dir, check_rc=1).stderr
    out = run("cases", "import", path, "--round", "R", "--reviewer", "AB", data_dir=data_dir, check_rc=0).stdout
    assert "2 ärenden" in out


def test_same_file_twice_and_unknown_round_are_clear_errors(data_dir):
    run("round", "create", "R", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=0)
    run("cases", "import", EXAMPLE, "--round", "R", data_dir=data_dir, check_rc=0)
    assert "redan importerats" in run("cases", "import", EXAMPLE, "--round", "R", data_dir=data_dir, check_rc=1).stderr
    assert (
        "ingen omgång som heter 'S'"
        in run("cases", "import", EXAMPLE, "--round", "S", data_dir=data_dir, check_rc=1).stderr
    )


def test_round_create_refusals(data_dir):
    run("round", "create", "R", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=0)
    assert (
        "finns redan"
        in run(
            "round", "create", "R", "--checklist", "missbruk", "--period", "2024", data_dir=data_dir, check_rc=1
        ).stderr
    )
    assert (
        "ingen checklista"
        in run(
            "round", "create", "S", "--checklist", "finns_inte", "--period", "2024", data_dir=data_dir, check_rc=1
        ).stderr
    )
    assert (
        "ingen omgång"
        in run(
            "round",
            "create",
            "S",
            "--checklist",
            "missbruk",
            "--period",
            "2024",
            "--baseline",
            "X",
            data_dir=data_dir,
            check_rc=1,
        ).stderr
    )
    assert (
        "personnummer"
        in run(
            "round",
            "create",
            "811228-9874",
            "--checklist",
            "missbruk",
            "--period",
            "2024",
            data_dir=data_dir,
            check_rc=1,
        ).stderr
    )
