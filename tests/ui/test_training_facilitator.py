"""The facilitator view and the participant's export dialog on real widgets: three participants' files read into
the tables, names hidden until asked for, a file of another pack refused without losing the others, and the PDF."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt

from reviewer.services.exchange import read_exchange
from reviewer.storage.models import RoundKind
from reviewer.ui.training.export_answers import ExportAnswersDialog
from reviewer.ui.training.facilitator_view import FacilitatorView
from tests.services.training_session_data import answer_round, flipped, participant_file, training_round
from tests.tools import require_tool
from tests.ui.test_translations import visible_texts
from tests.users_words import leaks

NAMES = ("Anna Andersson", "Bertil Berg", "Cecilia Ek")


@pytest.fixture
def files(app, tmp_path):
    return [
        participant_file(app, tmp_path / f"{NAMES[0]}.granskning", NAMES[0]),
        participant_file(app, tmp_path / f"{NAMES[1]}.granskning", NAMES[1], flipped("overklagat", "fragat_om_barn")),
        participant_file(app, tmp_path / f"{NAMES[2]}.granskning", NAMES[2], flipped("overklagat")),
    ]


def _cells(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_the_facilitator_reads_the_files_hides_names_and_saves_the_pdf(
    qtbot, swedish, app, files, tmp_path, screenshot
):
    view = FacilitatorView(app.db, "sv")
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    assert not view.pdf_button.isEnabled()
    with qtbot.waitSignal(view.analysed, timeout=60_000):
        view.add_files(files)
    questions = _cells(view.questions_model, 0)
    assert questions[:2] == ["Överklagades beslutet?", "Frågade handläggaren om barn och föräldraskap?"]
    assert _cells(view.questions_model, 1)[0] == "3"
    assert _cells(view.questions_model, 3)[0].startswith("Fleiss kappa")
    participants = _cells(view.participants_model, 0)
    assert participants == ["P1", "P2", "P3"]
    assert "3 deltagarfiler lästes" in view.status.text()
    cells = [
        model.data(model.index(row, column))
        for model in (view.questions_model, view.participants_model)
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    headers = [
        model.headerData(column, Qt.Orientation.Horizontal)
        for model in (view.questions_model, view.participants_model)
        for column in range(model.columnCount())
    ]
    assert leaks([*visible_texts(view), *cells, *headers]) == []
    screenshot(view, "facilitator-view")

    view.show_names.setChecked(True)
    shown = _cells(view.participants_model, 0)
    assert sorted(s.split(" (", 1)[1].rstrip(")") for s in shown) == sorted(NAMES)
    view.show_names.setChecked(False)

    other = participant_file(app, tmp_path / "annat-paket.granskning", "David", pack_slug="fardtjanst-ovning")
    view.add_files([other])
    qtbot.waitUntil(lambda: view._job is None, timeout=60_000)
    assert "annat-paket.granskning" in view.status.text() and "fardtjanst-ovning" in view.status.text()
    assert view.paths == files and len(_cells(view.participants_model, 0)) == 3

    require_tool("pdftotext")
    pdf = tmp_path / "sammanstallning.pdf"
    with qtbot.waitSignal(view.pdf_saved, timeout=60_000):
        view.save_pdf(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Utbildningssammanställning" in text and "P3" in text
    assert not any(name in text for name in NAMES)


def test_a_participant_exports_the_answers_of_a_training_round(qtbot, swedish, app, tmp_path, screenshot):
    round_uuid = training_round(app)
    answer_round(app, round_uuid, "AB")
    dialog = ExportAnswersDialog(app.db, "sv", round_uuid, "AB")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.default_name() == "utbildning-AB.granskning"
    screenshot(dialog, "export-answers-dialog")
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_to(tmp_path / "mina-svar")
    assert "Skrev mina-svar.granskning" in dialog.status.text()
    file = read_exchange(tmp_path / "mina-svar.granskning")
    (round_,) = file.content.rounds
    assert round_.kind is RoundKind.TRAINING and round_.training_pack is not None
    assert file.manifest.exported_by == "AB" and {r.reviewer for r in file.content.reviews} == {"AB"}
