"""`reviewer training list` and `reviewer training import-pack` as a user runs them, and training rounds kept out of
the real commands (round list, aggregate, export, report, exchange export)."""

import json
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


def test_score_prints_the_figures_the_session_page_shows(data_dir, tmp_path):
    from reviewer.bootstrap import bootstrap
    from reviewer.services.cases import list_cases
    from reviewer.services.reviews import complete_review, open_review, save_answer
    from reviewer.services.training import pack_of_round
    from reviewer.services.training_feedback import round_score, training_round
    from reviewer.services.training_score_text import score_text

    run("training", "import-pack", _pack(tmp_path, feedback="after_each_case"), data_dir=data_dir, check_rc=0)
    name = "Utbildning: Vår kurs (v1)"
    app = bootstrap(data_dir)
    try:
        with app.db.session() as session:
            round_uuid = training_round(session, name).uuid
            pack = pack_of_round(session, round_uuid)
            assert pack is not None
            row = list_cases(session, round_uuid)[0]
            snapshot = open_review(session, row.uuid, "KF")
            for key, entry in pack.cases[0].facit.items():
                question = snapshot.definition.question(key)
                if entry.answer is not None and question is not None:
                    save_answer(session, snapshot, question, entry.answer, None)
            complete_review(session, snapshot, "KF")
            expected = score_text(round_score(session, round_uuid, "KF"), "sv")
    finally:
        app.close()

    text = run("training", "score", "--round", name, data_dir=data_dir, check_rc=0).stdout
    assert text == expected
    assert "Totalt: " in text and "rätt (100 %)" in text
    out = tmp_path / "poang.json"
    run("training", "score", "--round", name, "--format", "json", "-o", out, data_dir=data_dir, check_rc=0)
    data = json.loads(out.read_text("utf-8"))
    assert data["reviewer"] == "KF" and data["overall"]["share"] == 1.0
    assert [c["released"] for c in data["cases"]] == [True, False, False, False]

    missing = run("training", "score", "--round", "Finns inte", data_dir=data_dir, check_rc=1).stderr
    assert "Det finns ingen utbildningsomgång som heter Finns inte" in missing
    other = run("training", "score", "--round", name, "--reviewer", "XY", data_dir=data_dir, check_rc=1).stderr
    assert "XY har inte svarat i omgången; deltagare: KF" in other
