"""The facilitator's commands as a user runs them: a participant's `training export-answers`, then `training
agreement` (text and JSON) and `training report` (PDF) over the participants' files, names only with --names; a
file of another pack and the real import of a training file refused with exit code 1."""

from __future__ import annotations

import json
import subprocess

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.services.rounds import list_rounds
from reviewer.storage.models import RoundKind
from tests.cli.test_cli import run
from tests.services.training_session_data import answer_round, flipped, participant_file, training_round
from tests.tools import require_tool

pytestmark = pytest.mark.slow

NAMES = ("Anna Andersson", "Bertil Berg", "Cecilia Ek")


@pytest.fixture
def files(data_dir, tmp_path):
    app = bootstrap(data_dir=data_dir)
    try:
        paths = [
            participant_file(app, tmp_path / f"{NAMES[0]}.granskning", NAMES[0]),
            participant_file(app, tmp_path / f"{NAMES[1]}.granskning", NAMES[1], flipped("overklagat")),
        ]
        # the third participant exports from the command line
        round_uuid = training_round(app)
        answer_round(app, round_uuid, NAMES[2], flipped("fragat_om_barn"))
        with app.db.session() as session:
            (name,) = [r.name for r in list_rounds(session, kind=RoundKind.TRAINING) if r.uuid == round_uuid]
    finally:
        app.close()
    third = tmp_path / f"{NAMES[2]}.granskning"
    out = run("training", "export-answers", "--round", name, "-o", third, data_dir=data_dir, check_rc=0).stdout
    assert out.startswith(f"Skrev {third.name}") and "4 granskningar" in out
    return [*paths, third]


def test_agreement_as_text_and_json_names_only_when_asked(data_dir, files, tmp_path):
    text = run("training", "agreement", *files, data_dir=data_dir, check_rc=0).stdout
    lines = text.splitlines()
    assert lines[0] == "Utbildningssammanställning: Missbruk – fyra övningsärenden (missbruk-ovning version 2)"
    assert "3 deltagare har granskat paketets 4 ärenden" in text
    table = lines.index("Per fråga, mest omstridd först:")
    assert {lines[table + 2].split("  ")[0], lines[table + 3].split("  ")[0]} == {
        "Överklagades beslutet?",
        "Frågade handläggaren om barn och föräldraskap?",
    }
    assert not any(name in text for name in NAMES) and "P3" in text

    out = tmp_path / "sammanstallning.json"
    run("training", "agreement", *files, "--format", "json", "-o", out, data_dir=data_dir, check_rc=0)
    document = json.loads(out.read_text("utf-8"))
    assert document["format"] == "reviewer-training-agreement" and document["n_participants"] == 3
    assert [p["label"] for p in document["participants"]] == ["P1", "P2", "P3"]
    assert not any(name in out.read_text("utf-8") for name in NAMES)

    named = run("training", "agreement", *files, "--names", "--format", "json", data_dir=data_dir, check_rc=0)
    assert sorted(p["name"] for p in json.loads(named.stdout)["participants"]) == sorted(NAMES)
    english = run("training", "agreement", *files, data_dir=data_dir, lang="en_GB.UTF-8", check_rc=0).stdout
    assert "Per question, most disputed first:" in english


def test_the_report_is_a_pdf_with_names_only_when_asked(data_dir, files, tmp_path):
    require_tool("pdftotext")

    def pdf_text(*options: str) -> str:
        path = tmp_path / "utbildning.pdf"
        out = run("training", "report", *files, "-o", path, *options, data_dir=data_dir, check_rc=0).stdout
        assert out.strip() == f"Skrev {path}"
        return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout

    text = pdf_text()
    assert "Utbildningssammanställning" in text and "Per deltagare mot facit" in text
    assert "Svaren på de mest omstridda frågorna" in text and "Överklagades beslutet?" in text
    assert not any(name in text for name in NAMES) and "P3" in text
    assert all(name in pdf_text("--names") for name in NAMES)


def test_another_pack_and_a_real_import_of_a_training_file_are_refused(data_dir, files, tmp_path):
    app = bootstrap(data_dir=data_dir)
    try:
        other = participant_file(app, tmp_path / "annat.granskning", "David", pack_slug="barnomsorg-ovning")
    finally:
        app.close()
    refused = run("training", "agreement", *files, other, data_dir=data_dir, check_rc=1)
    assert "annat.granskning" in refused.stderr and "ett paket i taget" in refused.stderr
    chief = tmp_path / "chief"
    imported = run("exchange", "import", files[0], data_dir=chief, check_rc=1)
    assert "utbildningsomgången" in imported.stderr and "Ingenting har importerats" in imported.stderr
    assert "inga omgångar" in run("round", "list", data_dir=chief, check_rc=0).stdout
