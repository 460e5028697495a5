"""Training packs in the database and the isolation of training rounds: a training answer never reaches a real
list, aggregate, export, report or exchange file, whatever is passed to the services."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlmodel import select

from reviewer.domain.sex import Sex
from reviewer.services.aggregation import aggregate, compare_rounds
from reviewer.services.aggregation.model import AggregateRequest
from reviewer.services.agreement import inter_rater_agreement
from reviewer.services.anonymisation import ExportRequest, build_anonymised
from reviewer.services.cases import CaseInput, add_case, delete_case, list_cases
from reviewer.services.checklists import get_version, retire
from reviewer.services.exchange.export import build_content, export_exchange
from reviewer.services.report import ReportRequest, build_report
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import (
    RoundError,
    TrainingRoundRefusedError,
    create_round,
    list_rounds,
    require_real_rounds,
)
from reviewer.services.spreadsheet_import import validate_file
from reviewer.services.training import (
    TrainingError,
    builtin_training_packs,
    case_text,
    import_pack,
    list_packs,
    pack_of_round,
    start_training_round,
)
from reviewer.storage.models import AnswerCount, Round, RoundKind, TrainingCaseText
from reviewer.training.loader import TrainingPackError

ROOT = Path(__file__).parents[2]


def _imported_pack_file(tmp_path: Path, slug: str = "lokalt-paket", **changes: object) -> Path:
    data = yaml.safe_load((ROOT / "resources/training/missbruk.yaml").read_text("utf-8"))
    data.update(slug=slug, title={"sv": "Vårt eget missbrukspaket"}, **changes)
    path = tmp_path / f"{slug}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def _answer_like_the_facit(session, round_uuid: str, reviewer: str) -> None:
    """A participant who answers every case exactly as the facit says and marks it complete."""
    pack = pack_of_round(session, round_uuid)
    assert pack is not None
    for row in list_cases(session, round_uuid):
        snapshot = open_review(session, row.uuid, reviewer)
        facit = pack.case(row.case_code)
        assert facit is not None
        for key, entry in facit.facit.items():
            question = snapshot.definition.question(key)
            if entry.answer is not None and question is not None:
                save_answer(session, snapshot, question, entry.answer, None)
        complete_review(session, snapshot, reviewer)


def _real_round_with_one_review(session) -> str:
    round_ = create_round(session, "Missbruk 2026", get_version(session, "missbruk"), "2026")
    case = add_case(session, round_.uuid, CaseInput("MB-1", Sex.MAN, "a35_44"))
    snapshot = open_review(session, case.uuid, "AB")
    for key, value in {
        "arendets_start": "egen_ansokan",
        "beslut": "avslag",
        "handlaggningstid_dagar": 10,
        "overklagat": "nej",
        "avslagsgrund": ["kostnad"],
        "strukturerad_bedomning": ["inget"],
        "fragat_om_barn": "ja",
        "fragat_om_vald_utsatt": "ja",
        "fragat_om_vald_utovat": "ja",
        "samsjuklighet_dokumenterad": "ja",
        "egen_uppfattning_dokumenterad": "ja",
        "bedomning_motiverad": "ja",
        "stereotypa_antaganden": "nej",
        "konsbytestest": "ja",
    }.items():
        question = snapshot.definition.question(key)
        assert question is not None
        save_answer(session, snapshot, question, value, None)
    complete_review(session, snapshot, "AB")
    return round_.uuid


def test_importing_a_pack_makes_a_training_round_with_its_cases_and_texts(app, tmp_path):
    path = _imported_pack_file(tmp_path)
    with app.db.session() as session:
        imported = import_pack(session, path, actor="KF")
        assert not imported.already_imported
        assert imported.round_name == "Utbildning: Vårt eget missbrukspaket (v2)"
        (training,) = list_rounds(session, kind=RoundKind.TRAINING)
        assert (training.name, training.kind, training.fictitious, training.case_count) == (
            imported.round_name,
            RoundKind.TRAINING,
            True,
            4,
        )
        assert list_rounds(session) == []  # not among the real rounds
        rows = list_cases(session, training.uuid)
        assert [r.case_code for r in rows] == [c.code for c in imported.pack.cases]
        text = case_text(session, rows[0].uuid)
        assert text is not None and "Hanna" in text
        stored = pack_of_round(session, training.uuid)
        assert stored is not None and stored.sha256() == imported.pack.sha256()

        again = import_pack(session, path)
        assert again.already_imported and again.round_name == imported.round_name
        assert len(list_rounds(session, kind=RoundKind.TRAINING)) == 1

        changed = _imported_pack_file(tmp_path, author="Någon annan")
        with pytest.raises(TrainingError, match="higher version number"):
            import_pack(session, changed)
        packs = list_packs(session)
        assert [(p.slug, p.builtin) for p in packs] == [
            ("barnomsorg-ovning", True),
            ("fardtjanst-ovning", True),
            ("missbruk-ovning", True),
            ("lokalt-paket", False),
        ]
        assert packs[-1].round_names == (imported.round_name,)


def test_a_built_in_pack_cannot_be_imported_over_itself_and_a_broken_one_stores_nothing(app, tmp_path):
    with app.db.session() as session:
        with pytest.raises(TrainingError, match="built-in pack"):
            import_pack(session, _imported_pack_file(tmp_path, slug="missbruk-ovning"))
        with pytest.raises(TrainingPackError):
            import_pack(session, _imported_pack_file(tmp_path, slug="trasigt", feedback="aldrig"))
        assert session.exec(select(Round)).all() == []


def test_a_built_in_pack_starts_a_training_round_and_twice_gives_two_rounds(app):
    with app.db.session() as session:
        pack = next(p for p in builtin_training_packs(session) if p.slug == "fardtjanst-ovning")
        first = start_training_round(session, pack, builtin=True)
        second = start_training_round(session, pack, builtin=True)
        assert second.name == f"{first.name} (2)"
        assert {r.name for r in list_rounds(session, kind=RoundKind.TRAINING)} == {first.name, second.name}
        assert list_packs(session)[1].round_names == (first.name, second.name)


def test_training_answers_never_reach_a_real_aggregate_export_report_or_exchange_file(app, tmp_path):
    with app.db.session() as session:
        real = _real_round_with_one_review(session)
        training = start_training_round(session, builtin_training_packs(session)[2], builtin=True)
        _answer_like_the_facit(session, training.uuid, "P1")
        _answer_like_the_facit(session, training.uuid, "P2")
        assert session.exec(select(AnswerCount).where(AnswerCount.round_id == training.id)).first() is not None

        assert aggregate(session, AggregateRequest((real,))).n_cases == 1
        for call in (
            lambda: aggregate(session, AggregateRequest((training.uuid,))),
            lambda: aggregate(session, AggregateRequest((real, training.uuid))),
            lambda: compare_rounds(session, real, training.uuid, AggregateRequest((real,))),
            lambda: build_anonymised(session, ExportRequest((training.uuid,))),
            lambda: build_report(session, ReportRequest((training.uuid,))),
            lambda: build_report(session, ReportRequest((real,), compare_with=training.uuid)),
            lambda: inter_rater_agreement(session, [training.uuid]),
            lambda: export_exchange(session, tmp_path / "ut.granskning", [training.uuid]),
            lambda: validate_file(session, training.uuid, tmp_path / "x.csv"),
        ):
            with pytest.raises(TrainingRoundRefusedError) as refused:
                call()
            assert "utbildningsomgång" in refused.value.text("sv")
        assert not (tmp_path / "ut.granskning").exists()

        everything = build_content(session, None)
        assert [r["name"] for r in everything["rounds"]] == ["Missbruk 2026"]
        assert {c["case_code"] for c in everything["cases"]} == {"MB-1"}
        require_real_rounds(session, [real])


def test_a_real_round_cannot_take_a_training_round_as_baseline(app):
    with app.db.session() as session:
        training = start_training_round(session, builtin_training_packs(session)[2], builtin=True)
        with pytest.raises(RoundError, match="cannot be compared"):
            create_round(session, "Riktig", get_version(session, "missbruk"), "2026", baseline_uuid=training.uuid)


def test_deleting_a_training_case_removes_its_text(app):
    with app.db.session() as session:
        training = start_training_round(session, builtin_training_packs(session)[0], builtin=True)
        first = list_cases(session, training.uuid)[0]
        delete_case(session, first.uuid)
        assert case_text(session, first.uuid) is None
        assert len(session.exec(select(TrainingCaseText)).all()) == 3


def test_a_retired_checklist_still_lists_its_packs_but_starts_no_round(app):
    with app.db.session() as session:
        retire(session, "barnomsorg", 2)
        assert [p.slug for p in list_packs(session)][:1] == ["barnomsorg-ovning"]
        pack = builtin_training_packs(session)[0]
        with pytest.raises(TrainingError, match="not published"):
            start_training_round(session, pack, builtin=True)
        assert list_rounds(session, kind=RoundKind.TRAINING) == []
