"""Making a pack in the program: a training round made by hand, reviewed once as the facit with a rationale as the
note on each answer, exported through the loader and imported again into another database."""

from __future__ import annotations

import pytest
import yaml
from sqlmodel import select

from reviewer.bootstrap import bootstrap
from reviewer.checklists.rules import is_visible
from reviewer.domain.personnummer import PersonnummerError
from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseError, CaseInput
from reviewer.services.checklists import definition_of, get_version
from reviewer.services.reviews import complete_review, open_review, save_answer
from reviewer.services.rounds import list_rounds
from reviewer.services.training import (
    TrainingError,
    builtin_training_packs,
    case_text,
    import_pack,
    pack_of_round,
    start_training_round,
)
from reviewer.services.training_authoring import (
    add_training_case,
    authoring_cases,
    create_authoring_round,
    export_pack,
    list_authoring_rounds,
    remove_training_case,
    set_case_text,
    write_pack,
)
from reviewer.storage.models import Case, RoundKind, TrainingCaseText
from reviewer.training.schema import FeedbackMode, TrainingCase

ROUND = "Kursdag missbruk"
PERSONNUMMER = "19121212-1212"  # Skatteverket's test number: a valid check digit, no real person


def builtin_missbruk_cases(session) -> list[TrainingCase]:
    pack = next(p for p in builtin_training_packs(session) if p.area.value == "missbruk")
    return pack.cases[:2]


def make_round(session, **changes) -> str:
    values = {
        "title": "Vår kurs i missbruksvård",
        "feedback": FeedbackMode.AT_END,
        "description": "Två fall för arbetsplatsträffen.",
    }
    values.update(changes)
    return create_authoring_round(session, ROUND, get_version(session, "missbruk"), actor="KL", **values).uuid


def add_cases(session, round_uuid: str, cases: list[TrainingCase]) -> dict[str, str]:
    return {
        c.code: add_training_case(session, round_uuid, CaseInput(c.code, c.sex, c.age_band), c.text, "KL").uuid
        for c in cases
    }


def review_as(session, case_uuid: str, case: TrainingCase, reviewer: str = "KL", skip_note: str | None = None):
    """The facilitator's review of a case: the built-in pack's facit as answers, its Swedish rationale as notes."""
    snapshot = open_review(session, case_uuid, reviewer)
    for key, entry in case.facit.items():
        question = snapshot.definition.question(key)
        assert question is not None
        note = None if key == skip_note else entry.rationale.sv
        if entry.answer is not None or note is not None:
            save_answer(session, snapshot, question, entry.answer, note)
    complete_review(session, snapshot, reviewer)
    return snapshot


def _same_order(answer: object) -> object:
    return sorted(answer) if isinstance(answer, list) else answer


def shown_facit(case: TrainingCase, definition) -> dict[str, tuple[object, str]]:
    """The built-in facit of the questions its answers show, as (answer, Swedish rationale)."""
    answers = {k: e.answer for k, e in case.facit.items() if e.answer is not None}
    return {
        k: (_same_order(e.answer), e.rationale.sv)
        for k, e in case.facit.items()
        if is_visible(definition.question(k), answers, definition)
    }


def test_made_reviewed_exported_and_imported_into_a_fresh_database_gives_the_review(app, tmp_path):
    with app.db.session() as session:
        round_uuid = make_round(session)
        cases = builtin_missbruk_cases(session)
        uuids = add_cases(session, round_uuid, cases)
        snapshots = {c.code: review_as(session, uuids[c.code], c) for c in cases}
        [listed] = list_authoring_rounds(session)
        assert (listed.name, listed.title, listed.feedback, listed.case_count, listed.reviewed_count) == (
            ROUND,
            "Vår kurs i missbruksvård",
            FeedbackMode.AT_END,
            2,
            2,
        )
        assert list_rounds(session) == [] and [r.name for r in list_rounds(session, kind=RoundKind.TRAINING)] == [ROUND]
        pack = export_pack(session, ROUND, version=3)
        write_pack(pack, tmp_path / "kurs.yaml")
        write_pack(pack, tmp_path / "kurs.json")

    assert (pack.slug, pack.version, pack.author, pack.feedback) == ("var-kurs-i-missbruksvard", 3, "KL", "at_end")
    assert pack.description is not None and pack.description.sv == "Två fall för arbetsplatsträffen."
    assert yaml.safe_load((tmp_path / "kurs.yaml").read_text("utf-8"))["slug"] == "var-kurs-i-missbruksvard"

    fresh = bootstrap(data_dir=tmp_path / "annan")
    try:
        with fresh.db.session() as session:
            imported = import_pack(session, tmp_path / "kurs.yaml", actor="P1")
            round_uuid = next(r.uuid for r in list_rounds(session, kind=RoundKind.TRAINING))
            again = pack_of_round(session, round_uuid)
            definition = get_version(session, "missbruk")
            texts = {row.case_code: case_text(session, row.uuid) for row in session.exec(select(Case))}
    finally:
        fresh.close()
    assert again == imported.pack == pack
    definition_ = definition_of(definition)
    for case in cases:
        made = again.case(case.code)
        assert made is not None
        assert (made.sex, made.age_band, made.text, texts[case.code]) == (case.sex, case.age_band, case.text, case.text)
        review = snapshots[case.code]
        assert {k: (e.answer, e.rationale.sv) for k, e in made.facit.items()} == {
            k: (review.answers.get(k), review.notes[k]) for k in made.facit
        }
        # the review form keeps a multiple choice in the checklist's option order
        assert {k: (_same_order(e.answer), e.rationale.sv) for k, e in made.facit.items()} == shown_facit(
            case, definition_
        )


def test_export_lists_every_case_and_question_that_lacks_its_facit_and_writes_nothing(app, tmp_path):
    with app.db.session() as session:
        round_uuid = make_round(session)
        first, second = builtin_missbruk_cases(session)
        uuids = add_cases(session, round_uuid, [first, second])
        review_as(session, uuids[first.code], first, skip_note="beslut")
        with pytest.raises(TrainingError) as refused:
            export_pack(session, ROUND)
    text = refused.value.text("sv")
    assert text.splitlines()[0] == f"Omgången {ROUND} kan inte exporteras som paket ännu (2 saker saknas):"
    assert f"fall {first.code}, fråga 'beslut' (" in text and "motivering saknas" in text
    assert f"fall {second.code}: ingen granskning ännu (facit)" in text
    english = refused.value.text("en")
    assert f"case {first.code}, question 'beslut'" in english and "the rationale is missing" in english


def test_two_reviews_of_a_case_or_an_unfinished_one_are_refused(app):
    with app.db.session() as session:
        round_uuid = make_round(session)
        first, second = builtin_missbruk_cases(session)
        uuids = add_cases(session, round_uuid, [first, second])
        review_as(session, uuids[first.code], first, reviewer="KL")
        review_as(session, uuids[first.code], first, reviewer="AB")
        unfinished = open_review(session, uuids[second.code], "KL")
        question = unfinished.definition.question("beslut")
        save_answer(session, unfinished, question, first.facit["beslut"].answer, "Ett skäl.")
        open_review(session, uuids[second.code], "CD")  # only opened: holds nothing and does not count
        with pytest.raises(TrainingError) as refused:
            export_pack(session, ROUND)
    text = refused.value.text("sv")
    assert f"fall {first.code}: 2 granskningar (AB, KL); facit ska vara en enda granskning" in text
    assert f"fall {second.code}: granskningen är inte markerad som klar" in text


def test_a_personnummer_in_the_case_text_is_refused_and_stores_no_case(app):
    with app.db.session() as session:
        round_uuid = make_round(session)
        with pytest.raises(PersonnummerError) as refused:
            add_training_case(
                session, round_uuid, CaseInput("KURS-01", Sex.KVINNA, "a35_44"), f"Klienten {PERSONNUMMER} söker."
            )
        assert "Fältet Ärendetext innehåller" in refused.value.text("sv") and PERSONNUMMER not in refused.value.text(
            "sv"
        )
        assert authoring_cases(session, round_uuid) == []
        case_uuid = add_training_case(
            session, round_uuid, CaseInput("KURS-01", Sex.KVINNA, "a35_44"), "Klienten söker stöd."
        ).uuid
        with pytest.raises(PersonnummerError):
            set_case_text(session, case_uuid, f"Ny text om {PERSONNUMMER}.")
        assert [c.text for c in authoring_cases(session, round_uuid)] == ["Klienten söker stöd."]


def test_the_case_text_is_edited_and_the_case_removed_before_export(app):
    with app.db.session() as session:
        round_uuid = make_round(session)
        case_uuid = add_training_case(
            session, round_uuid, CaseInput("KURS-01", Sex.MAN, "a35_44"), "Första utkastet."
        ).uuid
        set_case_text(session, case_uuid, "  Rättad text om mannens behov.\n")
        [case] = authoring_cases(session, round_uuid)
        assert (case.code, case.sex, case.age_band, case.text) == (
            "KURS-01",
            Sex.MAN,
            "a35_44",
            "Rättad text om mannens behov.",
        )
        with pytest.raises(TrainingError, match="is missing"):
            set_case_text(session, case_uuid, "   ")
        remove_training_case(session, case_uuid, "KL")
        assert authoring_cases(session, round_uuid) == []
        assert session.exec(select(TrainingCaseText)).all() == []
        with pytest.raises(TrainingError, match="has no cases"):
            export_pack(session, ROUND)


@pytest.mark.parametrize(
    ("code", "band", "message"),
    [
        ("KURS 01", "a35_44", "does not fit a pack"),
        ("KURS-01", None, "age band is missing"),
        ("KURS-01", "a1_2", "is not in the checklist"),
    ],
)
def test_a_case_that_cannot_go_into_a_pack_is_refused(app, code, band, message):
    with app.db.session() as session:
        round_uuid = make_round(session)
        with pytest.raises(CaseError, match=message):
            add_training_case(session, round_uuid, CaseInput(code, Sex.KVINNA, band), "En text.")
        assert authoring_cases(session, round_uuid) == []


def test_a_round_from_a_pack_or_a_real_round_is_not_made_into_a_pack(app):
    with app.db.session() as session:
        pack = builtin_training_packs(session)[0]
        from_pack = start_training_round(session, pack, builtin=True)
        with pytest.raises(TrainingError, match="not a training round made by hand"):
            export_pack(session, from_pack.name)
        with pytest.raises(TrainingError, match="not a training round made by hand"):
            add_training_case(session, from_pack.uuid, CaseInput("X1", Sex.KVINNA, "a35_44"), "Text.")
        assert list_authoring_rounds(session) == []


def test_a_title_with_a_personnummer_stores_no_round(app):
    with app.db.session() as session:
        with pytest.raises(PersonnummerError):
            make_round(session, title=f"Kurs {PERSONNUMMER}")
        with pytest.raises(TrainingError, match="title is missing"):
            make_round(session, title="  ")
        assert list_authoring_rounds(session) == [] and list_rounds(session, kind=RoundKind.TRAINING) == []


def test_a_pack_file_needs_a_pack_suffix(app, tmp_path):
    with app.db.session() as session:
        round_uuid = make_round(session)
        [case] = builtin_missbruk_cases(session)[:1]
        uuids = add_cases(session, round_uuid, [case])
        review_as(session, uuids[case.code], case)
        pack = export_pack(session, ROUND, slug="min-kurs", author="Kursledaren")
    assert (pack.slug, pack.author) == ("min-kurs", "Kursledaren")
    with pytest.raises(TrainingError, match=r"\.yaml, \.yml or \.json"):
        write_pack(pack, tmp_path / "kurs.txt")
    assert not (tmp_path / "kurs.txt").exists()
