"""`reviewer plan` for a built-in checklist: text in Swedish and English, JSON, a file, and refusals."""

from __future__ import annotations

import json

import pytest

from reviewer.cli.main import main


def plan_cli(capsys, data_dir, *args):
    code = main(["plan", "--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_in_swedish_names_the_checklist_and_both_levels(capsys, data_dir):
    code, out, err = plan_cli(
        capsys, data_dir, "--checklist", "missbruk", "--available-women", 30, "--available-men", 25
    )
    assert (code, err) == (0, "")
    assert "Urvalsplanering: Missbruk" in out
    assert "93 kvinnor och 93 män" in out
    assert "Vilken som helst av omgångens" in out
    assert "Med 30 kvinnor och 25 män kan omgången upptäcka" in out
    assert "34,4 procentenheter" in out


def test_json_counts_the_checklists_compared_questions(capsys, data_dir):
    code, out, _ = plan_cli(capsys, data_dir, "--checklist", "fardtjanst@3", "--format", "json", "--base", 30)
    assert code == 0
    doc = json.loads(out)
    assert doc["format"] == "reviewer-sample-plan"
    assert doc["checklist"] == {"slug": "fardtjanst", "version": 3}
    assert doc["n_compared"] > 10
    single, round_ = doc["levels"]
    assert round_["alpha"] * doc["n_compared"] == pytest.approx(single["alpha"])
    assert single["files_per_sex"] < round_["files_per_sex"]
    assert doc["assumptions"]["other_percent"] == 50


def test_english_and_a_file(capsys, data_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    target = tmp_path / "plan.txt"
    code, out, _ = plan_cli(capsys, data_dir, "--checklist", "barnomsorg", "--difference", 5, "-o", target)
    assert code == 0 and out.startswith("Wrote ")
    text = target.read_text(encoding="utf-8")
    assert "Files needed per sex" in text
    assert "never flagged" in text, "a difference below the size rule is called out"


def test_refusals(capsys, data_dir):
    code, out, err = plan_cli(capsys, data_dir, "--checklist", "missbruk", "--base", 95, "--difference", 96)
    assert (code, out) == (1, "")
    assert "ryms inte mellan 0 och 100 %" in err
    code, _, err = plan_cli(capsys, data_dir, "--checklist", "finns_inte")
    assert code == 1 and "finns_inte" in err


def test_round_sample_draws_and_says_how(capsys, data_dir, tmp_path):
    rows = ["ärende;kön;enhet"] + [f"K-{i};kvinna;Norr" for i in range(30)] + [f"M-{i};man;Norr" for i in range(30)]
    listed = tmp_path / "lista.csv"
    listed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert (
        main(
            [
                "round",
                "create",
                "Urval 2027",
                "--checklist",
                "missbruk",
                "--period",
                "2027",
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    capsys.readouterr()
    args = ["round", "sample", str(listed), "--round", "Urval 2027", "--per-sex", "5", "--seed", "11"]
    code = main([*args, "--double", "0.4", "--reviewers", "AB,CD,EF", "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith("Drog 10 ärenden ur listan lista.csv (60 rader) till omgången Urval 2027.")
    assert "fröet 11" in out
    assert "4 ärenden granskas två gånger" in out
    code = main([*args, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    assert code == 1 and "har redan 10 ärenden" in err


def test_round_sample_refusals(capsys, data_dir, tmp_path):
    listed = tmp_path / "lista.csv"
    listed.write_text("ärende;kön\nA;kvinna\n", encoding="utf-8")
    main(["round", "create", "R", "--checklist", "missbruk", "--period", "2027", "--data-dir", str(data_dir)])
    capsys.readouterr()
    base = ["round", "sample", str(listed), "--round", "R", "--seed", "1", "--data-dir", str(data_dir)]
    code = main([*base, "--per-sex", "1", "--from", "förra året"])
    _, err = capsys.readouterr()
    assert code == 1 and "--from ska vara ett datum" in err
    code = main([*base, "--per-sex", "1"])
    _, err = capsys.readouterr()
    assert code == 1 and "Listan har 0 ärenden för män/pojkar; 1 behövs" in err
    code = main([*base, "--per-sex", "1", "--double", "0.5", "--reviewers", "AB"])
    _, err = capsys.readouterr()
    assert code == 1 and "minst två granskare" in err
