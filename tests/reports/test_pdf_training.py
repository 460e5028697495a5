"""The training summary PDF read back as a reader would (pdftotext): the tables, the charts' headings of the
disputed questions, P1, P2, … and no participant's name unless asked for."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reviewer.reports.pdf.training import disputed, write_training_pdf
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.exchange.format import PackRef
from reviewer.services.training import builtin_training_packs
from reviewer.services.training_agreement import SessionFiles, analyse
from reviewer.services.training_agreement.files import comparable
from reviewer.services.training_agreement.model import Participant
from tests.tools import require_tool

NAMES = ("Anna Andersson", "Bertil Berg", "Cecilia Ek")


@pytest.fixture
def result(app):
    """Three participants answering like the facit, but Bertil yes for no in "Avbröts insatsen i förtid?"."""
    with app.db.session() as session:
        pack = next(p for p in builtin_training_packs(session) if p.slug == "missbruk-ovning")
        definition = definition_of(get_version(session, "missbruk", pack.checklist.version))
    participants = []
    for number, name in enumerate(NAMES, start=1):
        answers, raw = {}, {}
        for case in pack.cases:
            answers[case.code], raw[case.code] = {}, {}
            for key, entry in case.facit.items():
                value = entry.answer
                if name == NAMES[1] and key == "vard_avbruten" and value == "nej":
                    value = "ja"
                question = definition.question(key)
                if question is not None and value is not None:
                    answers[case.code][key] = comparable(question, value)
                    raw[case.code][key] = value
        participants.append(Participant(f"P{number}", name, answers, raw, 0))
    files = SessionFiles(PackRef(slug=pack.slug, version=pack.version), "missbruk@3", definition, participants)
    return analyse(files, pack)


def _text(path: Path) -> str:
    require_tool("pdftotext")
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_the_summary_shows_the_disputed_question_first_and_no_names(result, tmp_path):
    assert [q.key for q in disputed(result)] == ["vard_avbruten"]
    path = tmp_path / "utbildning.pdf"
    write_training_pdf(result, path)
    text = _text(path)
    assert "Utbildningssammanställning" in text and "Sida 1 av" in text
    assert text.index("Avbröts insatsen i förtid?") < text.index("Hur inleddes ärendet?")
    assert "2.1 Avbröts insatsen i förtid?" in text and "Deltagarnas svar" in text
    assert all(label in text for label in ("P1", "P2", "P3"))
    assert not any(name in text for name in NAMES)


def test_names_are_printed_only_when_asked_for(result, tmp_path):
    path = tmp_path / "med-namn.pdf"
    write_training_pdf(result, path, names=True)
    text = _text(path)
    assert all(f"P{n} ({name})" in text.replace("\n", " ") for n, name in enumerate(NAMES, start=1))
