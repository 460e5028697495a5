"""The facilitator's analysis of participants' training exchange files: figures worked out by hand for a planted
session, the most disputed questions first, P-numbers independent of file names and order, names only on request,
and the refusals (mixed packs, the same file twice, a real file, an unknown pack). Also the training export, and the
real import refusing a training file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml

from reviewer.bootstrap import bootstrap
from reviewer.services.checklists import get_version
from reviewer.services.exchange import ExchangeConflictError, apply_import, plan_import, read_exchange
from reviewer.services.exchange.export import export_exchange
from reviewer.services.rounds import TrainingRoundRefusedError, create_round, list_rounds
from reviewer.services.training import TrainingError, import_pack
from reviewer.services.training_agreement import TrainingAgreementError, training_agreement
from reviewer.services.training_agreement.json_form import to_json
from reviewer.services.training_agreement.text import render_text
from reviewer.services.training_exchange import export_training_answers
from reviewer.storage.models import RoundKind
from tests.services.training_session_data import answer_round, flipped, participant_file, training_round

ROOT = Path(__file__).parents[2]
NAMES = ("Anna Andersson", "Bertil Berg", "Cecilia Ek")


@pytest.fixture
def session_files(app, tmp_path) -> list[Path]:
    """Three participants of the missbruk pack (four cases): two answer like the facit, Bertil answers yes where
        the facit says no (and no for yes) to "Överklagades beslutet?" in every case. Each file is named after its
    participant, as files often are."""
    return [
        participant_file(app, tmp_path / f"{NAMES[0]}.granskning", NAMES[0]),
        participant_file(app, tmp_path / f"{NAMES[1]}.granskning", NAMES[1], flipped("overklagat")),
        participant_file(app, tmp_path / f"{NAMES[2]}.granskning", NAMES[2]),
    ]


def _measure(app, paths):
    with app.db.session() as session:
        return training_agreement(session, paths)


def test_the_planted_session_gives_the_figures_worked_out_by_hand(app, session_files):
    result = _measure(app, session_files)
    assert (result.pack_slug, result.pack_version, result.n_cases) == ("missbruk-ovning", 2, 4)
    assert (result.checklist_slug, result.checklist_version) == ("missbruk", 3)
    disputed = result.questions[0]
    assert disputed.key == "overklagat"  # the only question they disagree on comes first
    a = disputed.agreement
    # every case: facit nej, two say nej, one says ja – one pair of three alike
    assert (disputed.n_participants, a.n_cases, a.pairs, a.agreeing_pairs) == (3, 4, 12, 4)
    assert a.percent == pytest.approx(100 / 3)
    # P̄ = 1/3, p = (1/3 ja, 2/3 nej), P̄e = 5/9: kappa = (1/3 − 5/9) / (1 − 5/9) = −0.5
    assert a.kappa_kind == "fleiss" and a.kappa is not None and a.kappa.value == pytest.approx(-0.5)
    # Fleiss, Nee and Landis: √(2 / (4·3·2)) · √((Σpq)² − Σpq(q − p)) / Σpq, and Σpq(q − p) = 0 here
    assert disputed.standard_error == pytest.approx(math.sqrt(2 / 24))
    assert (disputed.like_facit, disputed.compared) == (8, 12)
    assert [(c.value, c.count, c.facit) for c in disputed.distribution] == [("ja", 4, 0), ("nej", 8, 4)]
    assert all(c.facit == "nej" and c.has_facit for c in disputed.cases)
    assert [(n.value, n.count) for n in disputed.cases[0].answers] == [("ja", 1), ("nej", 2)]
    assert all(q.agreement.percent == 100.0 for q in result.questions[1:])

    by_name = {p.name: p for p in result.participants}
    bertil, anna = by_name[NAMES[1]], by_name[NAMES[0]]
    # the training score's rules: Bertil's "ja" shows "Hur gick överklagandet?" in every case, which the facit leaves
    # hidden, so it is scored for him and right when left empty – four more scored, four wrong, four right
    assert (bertil.compared, bertil.correct) == (anna.compared + 4, anna.correct)
    assert anna.correct == anna.compared
    assert anna.percent_correct == 100.0 and anna.kappa.kappa is not None and anna.kappa.kappa.value == 1.0
    assert bertil.kappa.kappa_kind == "cohen"
    assert bertil.kappa.kappa is not None and 0.8 < (bertil.kappa.kappa.value or 0) < 1.0
    assert (bertil.n_cases, bertil.incomplete) == (4, 0)


def test_an_unanswered_question_is_the_answer_no_answer_and_the_facit_can_say_so(app, session_files):
    result = _measure(app, session_files)
    hidden = next(q for q in result.questions if q.key == "overklagande_utfall")  # shown only after "ja"
    assert [c.value for c in hidden.distribution] == [None]
    assert hidden.like_facit == hidden.compared == 4  # shown (by Bertil's "ja") in his four cases only
    assert hidden.agreement.percent == 100.0


def test_participants_are_numbered_by_content_not_by_file_name_or_order(app, session_files):
    first = _measure(app, session_files)
    again = _measure(app, list(reversed(session_files)))
    assert [(p.label, p.name) for p in first.participants] == [(p.label, p.name) for p in again.participants]
    assert [p.label for p in first.participants] == ["P1", "P2", "P3"]


def test_names_and_file_names_appear_only_when_asked_for(app, session_files):
    result = _measure(app, session_files)
    hidden_json = json.dumps(to_json(result), ensure_ascii=False)
    hidden_text = render_text(result, "sv")
    for text in (hidden_json, hidden_text):
        assert not any(name in text for name in NAMES)  # nor the file names, which are the names
        assert "P3" in text
    shown = json.dumps(to_json(result, names=True), ensure_ascii=False)
    assert all(name in shown for name in NAMES)
    assert all(name in render_text(result, "en", names=True) for name in NAMES)
    document = to_json(result)
    assert document["format"] == "reviewer-training-agreement" and document["names_shown"] is False
    assert document["questions"][0]["key"] == "overklagat"
    assert document["questions"][0]["kappa"]["value"] == pytest.approx(-0.5)


def test_files_of_another_pack_are_refused_naming_the_file(app, session_files, tmp_path):
    other = participant_file(app, tmp_path / "ovrig.granskning", "David", pack_slug="fardtjanst-ovning")
    with pytest.raises(TrainingAgreementError) as info:
        _measure(app, [*session_files, other])
    assert "ovrig.granskning" in info.value.text("sv") and "fardtjanst-ovning" in info.value.text("sv")
    assert "one pack at a time" in info.value.text("en")


def test_the_same_file_twice_and_a_real_exchange_file_are_refused(app, session_files, tmp_path):
    copy = tmp_path / "kopia.granskning"
    copy.write_bytes(session_files[0].read_bytes())
    with pytest.raises(TrainingAgreementError, match="the same file"):
        _measure(app, [*session_files, copy])
    with app.db.session() as session:
        create_round(session, "Missbruk 2026", get_version(session, "missbruk"), "2026")
        export_exchange(session, tmp_path / "riktig.granskning")
    with pytest.raises(TrainingAgreementError) as info:
        _measure(app, [tmp_path / "riktig.granskning"])
    assert "riktig.granskning" in info.value.text("sv") and "ingen utbildningsfil" in info.value.text("sv")


def test_a_pack_the_facilitator_lacks_is_refused_with_what_to_do(app, tmp_path):
    data = yaml.safe_load((ROOT / "resources/training/missbruk.yaml").read_text("utf-8"))
    data.update(slug="eget-paket", title={"sv": "Eget paket"})
    pack_path = tmp_path / "eget.yaml"
    pack_path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with app.db.session() as session:
        imported = import_pack(session, pack_path)
        (training,) = [r for r in list_rounds(session, kind=RoundKind.TRAINING) if r.name == imported.round_name]
    answer_round(app, training.uuid, "AB")
    with app.db.session() as session:
        export_training_answers(session, training.uuid, tmp_path / "ab.granskning")
    facilitator = bootstrap(data_dir=tmp_path / "facilitator")
    try:
        with facilitator.db.session() as session, pytest.raises(TrainingAgreementError) as info:
            training_agreement(session, [tmp_path / "ab.granskning"])
        assert "eget-paket version 2" in info.value.text("sv") and "Importera paketet" in info.value.text("sv")
        with facilitator.db.session() as session:
            import_pack(session, pack_path)
            result = training_agreement(session, [tmp_path / "ab.granskning"])
        assert result.pack_slug == "eget-paket" and [p.label for p in result.participants] == ["P1"]
    finally:
        facilitator.close()


def test_the_training_file_carries_its_pack_and_the_real_import_refuses_it(app, session_files, tmp_path):
    file = read_exchange(session_files[0])
    (round_,) = file.content.rounds
    assert round_.kind is RoundKind.TRAINING and round_.training_pack is not None
    assert (round_.training_pack.slug, round_.training_pack.version) == ("missbruk-ovning", 2)
    assert len(file.content.reviews) == 4
    chief = bootstrap(data_dir=tmp_path / "chief")
    try:
        with chief.db.session() as session, pytest.raises(ExchangeConflictError) as info:
            apply_import(session, plan_import(session, [file]))
        assert "utbildningsomgången" in info.value.text("sv") and "blandas aldrig" in info.value.text("sv")
        assert "Nothing was imported" in info.value.text("en")
        with chief.db.session() as session:
            assert list_rounds(session) == [] and list_rounds(session, kind=RoundKind.TRAINING) == []
    finally:
        chief.close()


def test_a_real_round_is_not_exported_as_training_answers_nor_a_training_round_as_real(app, tmp_path):
    training = training_round(app)
    with app.db.session() as session:
        real = create_round(session, "Missbruk 2026", get_version(session, "missbruk"), "2026")
        with pytest.raises(TrainingError, match="not a training round"):
            export_training_answers(session, real.uuid, tmp_path / "x.granskning")
        with pytest.raises(TrainingRoundRefusedError):
            export_exchange(session, tmp_path / "y.granskning", [training])
    assert not (tmp_path / "x.granskning").exists() and not (tmp_path / "y.granskning").exists()
