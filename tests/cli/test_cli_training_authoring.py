"""`reviewer training new-round`, `add-case` and `export-pack` as a facilitator runs them: a pack made in the program
reads back through `import-pack` in another database, and what blocks an export is named, case and question."""

from pathlib import Path

import pytest
import yaml

from reviewer.bootstrap import bootstrap
from reviewer.services.cases import list_cases
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import find_round_by_name
from reviewer.services.training import builtin_training_packs, pack_of_round
from reviewer.training.schema import TrainingCase
from tests.cli.test_cli import run

pytestmark = pytest.mark.slow

ROUND = "Kursdag färdtjänst"


def _review_everything(data_dir: Path, skip_note: str | None = None) -> dict[str, TrainingCase]:
    """The facilitator reviews each case with the built-in pack's facit, its Swedish rationale as the note."""
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            builtin = next(p for p in builtin_training_packs(session) if p.area.value == "fardtjanst")
            round_uuid = find_round_by_name(session, ROUND).uuid
            used = {}
            for row in list_cases(session, round_uuid):
                case = builtin.case(row.case_code)
                assert case is not None
                snapshot = open_review(session, row.uuid, "KL")
                for key, entry in case.facit.items():
                    question = snapshot.definition.question(key)
                    note = None if key == skip_note else entry.rationale.sv
                    if entry.answer is not None or note is not None:
                        save_answer(session, snapshot, question, entry.answer, note)
                complete_review(session, snapshot, "KL")
                used[row.case_code] = case
            return used
    finally:
        app.close()


def _order(answer: object) -> object:
    """A multiple choice as a set: the review form keeps the checklist's option order."""
    return sorted(answer) if isinstance(answer, list) else answer


def _builtin_case_files(tmp_path: Path, data_dir: Path) -> list[tuple[TrainingCase, Path]]:
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            builtin = next(p for p in builtin_training_packs(session) if p.area.value == "fardtjanst")
    finally:
        app.close()
    files = []
    for case in builtin.cases[:2]:
        path = tmp_path / f"{case.code}.txt"
        path.write_text(case.text, "utf-8")
        files.append((case, path))
    return files


def _make_round(data_dir: Path, tmp_path: Path) -> list[TrainingCase]:
    out = run(
        "training",
        "new-round",
        ROUND,
        "--checklist",
        "fardtjanst",
        "--title",
        "Vår kurs i färdtjänst",
        "--feedback-at-end",
        data_dir=data_dir,
        check_rc=0,
    ).stdout
    assert f"Skapade övningsomgången {ROUND} (fardtjanst@" in out
    cases = []
    for case, path in _builtin_case_files(tmp_path, data_dir):
        args = ("--round", ROUND, "--code", case.code, "--sex", case.sex.value, "--age-band", case.age_band)
        added = run("training", "add-case", *args, "--text-file", path, data_dir=data_dir, check_rc=0).stdout
        assert f"Lade till fallet {case.code} i övningsomgången {ROUND}" in added
        cases.append(case)
    return cases


def test_a_pack_made_on_the_command_line_imports_into_another_database(tmp_path):
    data_dir = tmp_path / "kursledare"
    _make_round(data_dir, tmp_path)
    assert "inga omgångar" in run("round", "list", data_dir=data_dir, check_rc=0).stdout
    used = _review_everything(data_dir)
    pack_file = tmp_path / "kurs.yaml"
    out = run(
        "training", "export-pack", "--round", ROUND, "-o", pack_file, "--version", "2", data_dir=data_dir, check_rc=0
    ).stdout
    assert f"Sparade paketet var-kurs-i-fardtjanst version 2 (2 fall) i {pack_file}" in out
    data = yaml.safe_load(pack_file.read_text("utf-8"))
    assert (data["title"], data["author"], data["feedback"]) == ({"sv": "Vår kurs i färdtjänst"}, "KL", "at_end")

    other = tmp_path / "deltagare"
    imported = run("training", "import-pack", pack_file, data_dir=other, check_rc=0).stdout
    assert "Importerade paketet var-kurs-i-fardtjanst version 2 (2 fall)" in imported
    app = bootstrap(data_dir=other)
    try:
        with app.db.session() as session:
            pack = pack_of_round(session, find_round_by_name(session, "Utbildning: Vår kurs i färdtjänst (v2)").uuid)
    finally:
        app.close()
    assert pack is not None
    for code, case in used.items():
        made = pack.case(code)
        assert made is not None and made.text == case.text
        for key, entry in made.facit.items():
            assert entry.rationale.sv == case.facit[key].rationale.sv
            assert _order(entry.answer) == _order(case.facit[key].answer)


def test_export_names_the_case_and_question_without_a_rationale_and_writes_no_file(tmp_path):
    data_dir = tmp_path / "kursledare"
    cases = _make_round(data_dir, tmp_path)
    _review_everything(data_dir, skip_note="beslut")
    pack_file = tmp_path / "kurs.yaml"
    refused = run("training", "export-pack", "--round", ROUND, "-o", pack_file, data_dir=data_dir, check_rc=1)
    assert f"Omgången {ROUND} kan inte exporteras som paket ännu (2 saker saknas):" in refused.stderr
    for case in cases:
        assert f"fall {case.code}, fråga 'beslut'" in refused.stderr
    assert not pack_file.exists()
    english = run(
        "training", "export-pack", "--round", ROUND, "-o", pack_file, data_dir=data_dir, lang="en_GB.UTF-8", check_rc=1
    )
    assert "the rationale is missing" in english.stderr


def test_a_case_text_with_a_personnummer_is_refused_on_the_command_line(tmp_path):
    data_dir = tmp_path / "kursledare"
    run("training", "new-round", ROUND, "--checklist", "fardtjanst", data_dir=data_dir, check_rc=0)
    text = tmp_path / "fall.txt"
    text.write_text("Sökanden, 19121212-1212, bor ensam.\n", "utf-8")
    args = ("--round", ROUND, "--code", "KURS-01", "--sex", "kvinna", "--age-band", "a75_84", "--text-file", text)
    refused = run("training", "add-case", *args, data_dir=data_dir, check_rc=1)
    assert "Fältet Ärendetext innehåller" in refused.stderr and "personnummer" in refused.stderr
    assert "19121212" not in refused.stderr
    missing = run("training", "add-case", *args[:-1], tmp_path / "saknas.txt", data_dir=data_dir, check_rc=1)
    assert "Filen saknas.txt finns inte" in missing.stderr
