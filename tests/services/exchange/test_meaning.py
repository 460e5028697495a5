"""The reader checks what a file means, not only its form: statuses agree with the answers under the checklist's
rules, numbers fit the database, no text holds a NUL character, and only the checklists the rounds use travel.

Every file here is edited as a careful forger would, with its checksums recomputed, so the checks behind them are
what is tested."""

import json

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.checklists.loader import definition_from_dict
from reviewer.services.exchange import ExchangeFormatError, plan_import, read_exchange
from tests.services.exchange.helpers import export_two_cases, load_document, save_document


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """One export for the module (reviews[0]: MB-1 by AB, complete; reviews[1]: MB-2 by CD, in progress); each test
    edits its own copy."""
    root = tmp_path_factory.mktemp("meaning")
    application = bootstrap(data_dir=root / "data")
    try:
        return export_two_cases(application, root / "ab.granskning")
    finally:
        application.close()


def refused(exported, tmp_path, change) -> ExchangeFormatError:
    document = load_document(exported)
    change(document["content"])
    with pytest.raises(ExchangeFormatError) as caught:
        read_exchange(save_document(tmp_path / "edited.json", document))
    return caught.value


def accepted(exported, tmp_path, change):
    document = load_document(exported)
    change(document["content"])
    return read_exchange(save_document(tmp_path / "edited.json", document))


@pytest.mark.parametrize(
    ("change", "sv", "en"),
    [
        (
            lambda c: c["reviews"][0].update(answers={}),
            "är markerad som klar men saknar svar på obligatoriska frågor: arendets_start, beslut",
            "is marked complete but lacks answers to required questions: arendets_start, beslut",
        ),
        (
            lambda c: c["reviews"][0]["answers"].pop("beslut"),
            "saknar svar på obligatoriska frågor: beslut",
            "lacks answers to required questions: beslut",
        ),
        (
            lambda c: c["reviews"][0]["answers"]["konsbytestest"].update(value="ja"),
            "är markerad som klar men har svar på frågor som inte visas: konsbytestest_kommentar",
            "is marked complete but has answers to questions that are not shown: konsbytestest_kommentar",
        ),
        (
            lambda c: c["reviews"][1].update(status="not_started"),
            "är markerad som ej påbörjad men har svar",
            "is marked not started but has answers",
        ),
        (
            lambda c: c["reviews"][1].update(completed_at=c["reviews"][1]["updated_at"]),
            "tidpunkten då den blev klar stämmer inte med dess status",
            "the time it was completed does not agree with its status",
        ),
        (
            lambda c: c["reviews"][0].update(completed_at=None),
            "tidpunkten då den blev klar stämmer inte med dess status",
            "the time it was completed does not agree with its status",
        ),
    ],
    ids=[
        "complete-without-answers",
        "complete-missing-one",
        "complete-with-hidden",
        "not-started",
        "in-progress-done",
        "complete-undated",
    ],
)
def test_a_status_that_does_not_agree_with_the_answers_is_refused(exported, tmp_path, change, sv, en):
    error = refused(exported, tmp_path, change)
    assert sv in error.text("sv")
    assert en in error.text("en")
    assert "Granskningen av ärende 'MB-" in error.text("sv")


def test_statuses_made_by_the_form_are_accepted(exported, tmp_path):
    read = accepted(exported, tmp_path, lambda c: None)
    assert sorted(r.status.value for r in read.content.reviews) == ["complete", "in_progress"]


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda c: c["reviews"][0].update(revision=2**63), "content.reviews.0.revision"),
        (lambda c: c["reviews"][0].update(revision=10**30), "content.reviews.0.revision"),
        (lambda c: c["checklist_versions"][0].update(version=10**12), "content.checklist_versions.0.version"),
    ],
)
def test_numbers_beyond_the_databases_range_are_refused(exported, tmp_path, change, place):
    error = refused(exported, tmp_path, change)
    assert place in error.text("sv")
    assert "följer inte utbytesformatet" in error.text("sv")


def test_the_largest_revision_the_database_holds_is_imported(exported, tmp_path, chief):
    read = accepted(exported, tmp_path, lambda c: c["reviews"][0].update(revision=2**63 - 1))
    with chief.db.session() as session:
        plan = plan_import(session, [read])
    assert len(plan.files[0].new_reviews) == 2


@pytest.mark.parametrize("value", [10**20, -(10**16), 1e300])
def test_an_unreasonably_large_number_in_an_answer_is_refused(exported, tmp_path, value):
    error = refused(
        exported, tmp_path, lambda c: c["reviews"][1]["answers"]["handlaggningstid_dagar"].update(value=value)
    )
    assert "orimligt stort" in error.text("sv")
    assert "unreasonably large" in error.text("en")


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (
            lambda c: c["reviews"][0]["answers"]["fragat_om_barn"].update(note="före\x00efter"),
            "content.reviews.0.answers.fragat_om_barn.note",
        ),
        (
            lambda c: c["reviews"][0]["answers"]["konsbytestest_kommentar"].update(value="\x00"),
            "content.reviews.0.answers.konsbytestest_kommentar.value",
        ),
        (lambda c: c["cases"][0].update(case_code="MB\x001"), "content.cases.0.case_code"),
        (lambda c: c["rounds"][0].update(period_label="2024\x00"), "content.rounds.0.period_label"),
    ],
)
def test_a_nul_character_in_any_text_is_refused_naming_the_place(exported, tmp_path, change, place):
    error = refused(exported, tmp_path, change)
    assert f"texten i {place} innehåller ett NUL-tecken" in error.text("sv")
    assert f"the text at {place} contains a NUL character" in error.text("en")


def test_a_backslash_u_in_a_note_is_not_a_nul_character(exported, tmp_path):
    read = accepted(
        exported, tmp_path, lambda c: c["reviews"][0]["answers"]["fragat_om_barn"].update(note="C:\\u0000\\x")
    )
    review = next(r for r in read.content.reviews if r.reviewer == "AB")
    assert read.prepared[review.uuid].answers["fragat_om_barn"][1] == "C:\\u0000\\x"


def test_a_checklist_version_no_round_uses_is_refused(exported, tmp_path):
    def add_unused(content):
        record = json.loads(json.dumps(content["checklist_versions"][0]))
        used = record["version"]
        record["version"] = record["definition"]["version"] = used + 1
        record["definition"]["previous"] = {"version": used}
        record["sha256"] = definition_from_dict(record["definition"], "test").sha256()
        record["uuid"] = "00000000-0000-4000-8000-000000000002"
        content["checklist_versions"].append(record)

    error = refused(exported, tmp_path, add_unused)
    assert "Checklistan missbruk@4: används inte av någon omgång i filen" in error.text("sv")
    assert "The checklist missbruk@4: is not used by any round in the file" in error.text("en")
