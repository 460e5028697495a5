"""Importing exchange files on the unit chief's computer: what is added, merged, left alone or asked about, and that
a refusal changes nothing."""

import json

import pytest
from sqlmodel import select

from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case, update_case
from reviewer.services.checklists import add_definition, get_version
from reviewer.services.exchange import (
    ExchangeConflictError,
    ExchangeError,
    Resolution,
    UnresolvedConflictError,
    apply_import,
    export_exchange,
    plan_import,
    read_exchange,
)
from reviewer.services.reviews import complete_review, open_review
from reviewer.services.rounds import create_round, rename_round
from reviewer.storage.models import AuditEvent, ImportRecord, ReviewStatus, Round, RoundKind
from reviewer.storage.models import Case as CaseRow
from tests.checklists.test_loader import MINIMAL
from tests.services.exchange.helpers import (
    COMPLETE,
    add_reviewed_case,
    answer,
    contents,
    fingerprint,
    load_document,
    make_round,
    save_document,
)


def export(app, path, rounds=None, passphrase=None, by="AB"):
    with app.db.session() as session:
        export_exchange(session, path, rounds, passphrase, by)
    return path


def import_files(app, *paths, resolutions=None, passphrase=None, progress=None):
    files = [read_exchange(path, passphrase) for path in paths]
    with app.db.session() as session:
        plan = plan_import(session, files)
        return apply_import(session, plan, resolutions or {}, "Chef", progress)


def plan_for(app, *paths):
    with app.db.session() as session:
        return plan_import(session, [read_exchange(path) for path in paths])


def real_contents(app):
    """What a real exchange file of everything carries: all but the training round of `caseworker_data`."""
    return {name: data for name, data in contents(app).items() if name != "Övning"}


@pytest.fixture
def caseworker_data(app):
    """A baseline round and a follow-up with reviews in every state, a training round, and a round not exported."""
    baseline = make_round(app, "Missbruk 2023", "2023")
    add_reviewed_case(app, baseline, "MB-23-1", complete=True)
    follow_up = make_round(app, "Missbruk 2024", "2024", baseline_uuid=baseline)
    add_reviewed_case(
        app,
        follow_up,
        "MB-1",
        answers={
            "fragat_om_barn": "ja",
            "dygnskostnad": "2 450,50",
            "konsbytestest": "nej",
            "konsbytestest_kommentar": "Kvinnan fick fler frågor",
        },
        notes={"fragat_om_barn": "Först vid andra besöket"},
        complete=True,
    )
    add_reviewed_case(app, follow_up, "MB-2", sex=Sex.MAN, answers={"insats": ["oppenvard", "institution_sol"]})
    with app.db.session() as session:
        case = add_case(session, follow_up, CaseInput("MB-3", Sex.ANNAT, None, None))
        open_review(session, case.uuid, "AB")  # opened, nothing answered yet
        training = create_round(
            session, "Övning", get_version(session, "fardtjanst"), "Vt", RoundKind.TRAINING, fictitious=True
        )
        add_case(session, training.uuid, CaseInput("FIKTIV-1", Sex.KVINNA))
    return {"baseline": baseline, "follow_up": follow_up}


def test_round_trip_to_a_fresh_database_gives_the_same_rounds_cases_reviews_and_answers(
    app, chief, caseworker_data, tmp_path
):
    summary = import_files(chief, export(app, tmp_path / "ab.granskning"))
    assert contents(chief) == real_contents(app)  # the training round stays at home (docs/training-packs.md)
    assert summary.text("sv") == "4 nya, 0 oförändrade, 0 konflikter"
    assert summary.text("en") == "4 new, 0 unchanged, 0 conflicts"
    assert summary.new_cases == 4
    assert sorted(summary.new_rounds) == ["Missbruk 2023", "Missbruk 2024"]
    assert summary.per_reviewer["AB"].new == 4


def test_the_same_file_twice_changes_nothing_and_says_0_new(app, chief, caseworker_data, tmp_path):
    path = export(app, tmp_path / "ab.granskning")
    import_files(chief, path)
    before = fingerprint(chief)
    summary = import_files(chief, path)
    assert summary.text("sv").startswith("0 nya, 4 oförändrade")
    assert summary.files[0].already_imported_at is not None
    assert "redan importerad" in summary.files[0].text("sv")
    assert fingerprint(chief) == before


def test_a_new_export_of_unchanged_reviews_is_all_unchanged(app, chief, caseworker_data, tmp_path):
    import_files(chief, export(app, tmp_path / "first.granskning"))
    before = contents(chief)
    summary = import_files(chief, export(app, tmp_path / "second.granskning"))
    assert (summary.reviews.new, summary.reviews.unchanged, summary.reviews.conflicts) == (0, 4, 0)
    assert contents(chief) == before


def test_the_same_reviews_twice_in_one_batch_are_stored_once(app, chief, caseworker_data, tmp_path):
    first, second = export(app, tmp_path / "first.granskning"), export(app, tmp_path / "second.granskning")
    summary = import_files(chief, first, second, first)
    assert [(f.reviews.new, f.reviews.unchanged) for f in summary.files] == [(4, 0), (0, 4), (0, 4)]
    assert summary.files[2].duplicate_of == "first.granskning"
    assert contents(chief) == real_contents(app)
    with chief.db.session() as session:
        assert len(session.exec(select(ImportRecord)).all()) == 2


def test_only_the_chosen_rounds_travel_with_the_baseline_as_a_reference(app, chief, caseworker_data, tmp_path):
    path = export(app, tmp_path / "f.granskning", rounds=[caseworker_data["follow_up"]])
    summary = import_files(chief, path)
    assert summary.new_rounds == ["Missbruk 2024"]
    assert contents(chief)["Missbruk 2024"]["baseline"] is None  # its baseline is not here
    import_files(chief, export(app, tmp_path / "g.granskning", rounds=[caseworker_data["baseline"]]))
    import_files(chief, export(app, tmp_path / "h.granskning", rounds=[caseworker_data["follow_up"]]))
    assert contents(chief)["Missbruk 2024"]["baseline"] == "Missbruk 2023"  # filled in once it is


def test_two_caseworkers_rounds_of_the_same_name_merge_into_one(app, colleague, chief, tmp_path):
    mine = make_round(app, "Missbruk 2024", "2024")
    add_reviewed_case(app, mine, "MB-1", reviewer="AB")
    add_reviewed_case(app, mine, "MB-2", reviewer="AB", answers={"fragat_om_barn": "nej"})
    theirs = make_round(colleague, "Missbruk 2024", "2024")
    add_reviewed_case(colleague, theirs, "MB-2", reviewer="CD")  # the same case, read by both (inter-rater)
    add_reviewed_case(colleague, theirs, "MB-3", reviewer="CD", sex=Sex.MAN)
    summary = import_files(
        chief, export(app, tmp_path / "ab.granskning"), export(colleague, tmp_path / "cd.granskning")
    )
    assert summary.merged_rounds == [("Missbruk 2024", "Missbruk 2024")]
    assert "Sammanslagen" in "\n".join(summary.lines("sv"))
    merged = contents(chief)
    assert list(merged) == ["Missbruk 2024"]
    assert sorted(merged["Missbruk 2024"]["cases"]) == ["MB-1", "MB-2", "MB-3"]
    assert sorted(merged["Missbruk 2024"]["cases"]["MB-2"]["reviews"]) == ["AB", "CD"]
    assert summary.per_reviewer["AB"].new == 2
    assert summary.per_reviewer["CD"].new == 2
    # A later export from the colleague finds its way to the merged round again, also after a rename here.
    with chief.db.session() as session:
        rename_round(session, next(iter(s.uuid for s in _rounds(session))), "Missbruk 2024 (alla)")
    add_reviewed_case(colleague, theirs, "MB-4", reviewer="CD")
    again = import_files(chief, export(colleague, tmp_path / "cd2.granskning"))
    assert (again.reviews.new, again.reviews.unchanged) == (1, 2)
    assert list(contents(chief)) == ["Missbruk 2024 (alla)"]


def _rounds(session):
    from reviewer.services.rounds import list_rounds

    return list_rounds(session)


@pytest.mark.parametrize(
    "chief_round", [{"period": "2023"}, {"period": "2024", "kind": RoundKind.TRAINING}], ids=["period", "kind"]
)
def test_the_same_name_for_another_round_is_imported_under_a_new_name(app, chief, tmp_path, chief_round):
    make_round(chief, "Missbruk", **chief_round)
    add_reviewed_case(app, make_round(app, "Missbruk", "2024"), "MB-1")
    summary = import_files(chief, export(app, tmp_path / "f.granskning"))
    assert summary.renamed_rounds == [("Missbruk", "Missbruk (2)")]
    assert "Missbruk (2)" in "\n".join(summary.lines("sv"))
    assert sorted(contents(chief)) == ["Missbruk", "Missbruk (2)"]
    with chief.db.session() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "exchange_rename")).all()
    assert [json.loads(e.detail_json)["new"] for e in events] == ["Missbruk (2)"]


# ---------------------------------------------------------------------------------------------------------------
# Refusals: the file contradicts the database


def refused(chief, *paths, error=ExchangeConflictError) -> str:
    before = fingerprint(chief)
    with pytest.raises(error) as info:
        import_files(chief, *paths, resolutions=Resolution.TAKE)
    assert fingerprint(chief) == before
    return info.value.text("sv")


def test_a_case_with_another_sex_refuses_the_file_naming_the_case_code(app, chief, tmp_path):
    round_uuid = make_round(app)
    add_reviewed_case(app, round_uuid, "MB-7")
    path = export(app, tmp_path / "f.granskning")
    import_files(chief, path)
    with app.db.session() as session:
        case_uuid = contents(app)["Missbruk 2024"]["cases"]["MB-7"]["case"][0]
        update_case(session, case_uuid, CaseInput("MB-7", Sex.MAN, "a25_34", "Norr"))
    text = refused(chief, export(app, tmp_path / "g.granskning"))
    assert "MB-7" in text
    assert "ett annat kön" in text


def test_a_round_that_is_a_training_round_here_refuses_a_real_file_for_it(app, chief, tmp_path):
    round_uuid = make_round(app)
    add_reviewed_case(app, round_uuid, "MB-7")
    import_files(chief, export(app, tmp_path / "f.granskning"))
    with chief.db.session() as session:
        round_ = session.exec(select(Round).where(Round.uuid == round_uuid)).one()
        round_.kind = RoundKind.TRAINING  # as if the same round were a training round on the chief's computer
        session.add(round_)
        session.commit()
    text = refused(chief, export(app, tmp_path / "g.granskning"))
    assert "utbildningsomgång" in text and "blandas aldrig" in text


def test_a_case_code_taken_by_a_different_case_in_a_merged_round_refuses_the_file(app, colleague, chief, tmp_path):
    add_reviewed_case(app, make_round(app), "MB-1", sex=Sex.KVINNA)
    add_reviewed_case(colleague, make_round(colleague), "MB-1", reviewer="CD", sex=Sex.MAN)
    import_files(chief, export(app, tmp_path / "ab.granskning"))
    text = refused(chief, export(colleague, tmp_path / "cd.granskning"))
    assert "MB-1" in text


def test_a_checklist_version_with_other_content_refuses_the_file(app, chief, tmp_path):
    from reviewer.checklists.loader import parse_checklist

    mine = parse_checklist(json.dumps(MINIMAL), "test.json")
    changed = dict(MINIMAL, title="Annan titel")
    with app.db.session() as session:
        add_definition(session, mine)
        round_ = create_round(session, "Egen", get_version(session, "test"), "2024")
        add_case(session, round_.uuid, CaseInput("E-1", Sex.KVINNA, "alla"))
    with chief.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(changed), "test.json"))
    text = refused(chief, export(app, tmp_path / "f.granskning"))
    assert "test version 1" in text
    assert "annat innehåll" in text


def test_a_checklist_version_the_chief_lacks_is_added(app, chief, tmp_path):
    from reviewer.checklists.loader import parse_checklist

    with app.db.session() as session:
        add_definition(session, parse_checklist(json.dumps(MINIMAL), "test.json"))
        round_ = create_round(session, "Egen", get_version(session, "test"), "2024")
        add_case(session, round_.uuid, CaseInput("E-1", Sex.KVINNA, "alla"))
    summary = import_files(chief, export(app, tmp_path / "f.granskning"))
    assert summary.new_checklist_versions == ["test@1"]
    assert contents(chief) == contents(app)


# ---------------------------------------------------------------------------------------------------------------
# Conflicts: the same review, different answers


@pytest.fixture
def conflict_files(app, chief, tmp_path):
    """The chief imported AB's file; AB then changed one answer of one review and exported again."""
    round_uuid = make_round(app)
    case_uuid, review_uuid = add_reviewed_case(app, round_uuid, "MB-1", answers={"fragat_om_barn": "ja"})
    add_reviewed_case(app, round_uuid, "MB-2")
    first = export(app, tmp_path / "first.granskning")
    import_files(chief, first)
    answer(app, case_uuid, "AB", {"fragat_om_barn": "nej", "handlaggningstid_dagar": 40})
    return {"first": first, "second": export(app, tmp_path / "second.granskning"), "review": review_uuid}


def chief_review(chief, uuid=None, reviewer=None):
    reviews = contents(chief)["Missbruk 2024"]["cases"]["MB-1"]["reviews"]
    if reviewer is not None:
        return reviews.get(reviewer)
    return next(r for r in reviews.values() if r["review"][0] == uuid)


def test_a_changed_review_is_a_conflict_shown_before_anything_is_written(app, chief, conflict_files):
    plan = plan_for(chief, conflict_files["second"])
    (conflict,) = plan.conflicts
    assert (conflict.case_code, conflict.reviewer, conflict.round_name) == ("MB-1", "AB", "Missbruk 2024")
    assert conflict.matched_by == "uuid"
    assert conflict.differing_answers == 2  # fragat_om_barn changed, handlaggningstid_dagar added
    assert (conflict.existing.answers, conflict.incoming.answers) == (1, 2)
    assert conflict.existing.source is None
    assert conflict.incoming.revision > conflict.existing.revision
    assert "MB-1" in conflict.text("sv")
    assert "2 svar skiljer" in conflict.text("sv")
    assert plan.summary().text("sv") == "0 nya, 1 oförändrade, 1 konflikt (1 olösta)"


def test_a_conflict_without_a_resolution_stops_the_import(chief, conflict_files):
    before = fingerprint(chief)
    with pytest.raises(UnresolvedConflictError) as info:
        import_files(chief, conflict_files["second"])
    assert len(info.value.conflicts) == 1
    assert "MB-1" in info.value.text("sv")
    assert "Ingenting har importerats" in info.value.text("sv")
    assert fingerprint(chief) == before


def test_keep_leaves_the_review_as_it_was(chief, conflict_files):
    before = chief_review(chief, conflict_files["review"])
    summary = import_files(chief, conflict_files["second"], resolutions=Resolution.KEEP)
    assert summary.text("sv") == "0 nya, 1 oförändrade, 1 konflikt (1 behöll befintlig)"
    assert chief_review(chief, conflict_files["review"]) == before
    with chief.db.session() as session:
        (event,) = session.exec(select(AuditEvent).where(AuditEvent.action == "exchange_conflict")).all()
    detail = json.loads(event.detail_json)
    assert detail["resolution"] == "keep"
    assert "nej" not in event.detail_json  # never the answers themselves


def test_take_replaces_the_answers_and_moves_the_revision_on(app, chief, conflict_files):
    before = chief_review(chief, conflict_files["review"])
    summary = import_files(chief, conflict_files["second"], resolutions={f"1:{conflict_files['review']}": "take"})
    assert summary.reviews.taken == 1
    after = chief_review(chief, conflict_files["review"])
    caseworker = contents(app)["Missbruk 2024"]["cases"]["MB-1"]["reviews"]["AB"]
    assert after["answers"] == caseworker["answers"]
    assert after["review"][4] == caseworker["review"][4]  # content hash
    assert after["review"][3] > max(before["review"][3], caseworker["review"][3])  # revision
    # The same file again is now simply unchanged.
    assert (
        import_files(chief, export(app, conflict_files["second"].with_name("third.granskning"))).reviews.unchanged == 2
    )


def test_both_keeps_the_existing_review_and_adds_the_incoming_one_as_name_2(app, chief, conflict_files):
    before = chief_review(chief, conflict_files["review"])
    summary = import_files(chief, conflict_files["second"], resolutions=Resolution.BOTH)
    assert summary.reviews.both == 1
    assert chief_review(chief, conflict_files["review"]) == before
    copy = chief_review(chief, reviewer="AB (2)")
    assert copy["review"][0] != conflict_files["review"]
    assert copy["answers"] == contents(app)["Missbruk 2024"]["cases"]["MB-1"]["reviews"]["AB"]["answers"]
    # A later export with the same answers recognises the copy: no new conflict.
    later = import_files(chief, export(app, conflict_files["second"].with_name("later.granskning")))
    assert (later.reviews.new, later.reviews.unchanged, later.reviews.conflicts) == (0, 2, 0)


def test_a_review_matched_by_case_and_reviewer_keeps_its_uuid_on_take(app, colleague, chief, tmp_path):
    """The chief and a caseworker both reviewed the case under the same name, on their own computers."""
    round_uuid = make_round(app)
    add_reviewed_case(app, round_uuid, "MB-1", reviewer="AB")
    import_files(chief, export(app, tmp_path / "base.granskning"))
    import_files(colleague, export(app, tmp_path / "base.granskning"))
    case_uuid = contents(chief)["Missbruk 2024"]["cases"]["MB-1"]["case"][0]
    answer(chief, case_uuid, "EF", {"fragat_om_barn": "ja"})
    answer(colleague, case_uuid, "EF", {"fragat_om_barn": "nej"})
    ours = chief_review(chief, reviewer="EF")
    path = export(colleague, tmp_path / "ef.granskning")
    (conflict,) = plan_for(chief, path).conflicts
    assert conflict.matched_by == "case_and_reviewer"
    import_files(chief, path, resolutions=Resolution.TAKE)
    taken = chief_review(chief, reviewer="EF")
    assert taken["review"][0] == ours["review"][0]
    assert taken["answers"]["fragat_om_barn"][0] == '"nej"'
    with chief.db.session() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "exchange_conflict")).one()
    assert json.loads(event.detail_json)["incoming_uuid"] != ours["review"][0]


def test_a_review_changed_while_the_user_was_choosing_stops_the_take(chief, conflict_files):
    plan = plan_for(chief, conflict_files["second"])
    case_uuid = contents(chief)["Missbruk 2024"]["cases"]["MB-1"]["case"][0]
    answer(chief, case_uuid, "AB", {"overklagat": "ja"})  # someone autosaves meanwhile
    before = fingerprint(chief)
    with chief.db.session() as session, pytest.raises(ExchangeError) as info:
        apply_import(session, plan, Resolution.TAKE, "Chef")
    assert "ändrades" in info.value.text("sv")
    assert fingerprint(chief) == before


def test_conflicts_between_files_of_one_batch_are_settled_in_file_order(app, chief, tmp_path):
    round_uuid = make_round(app)
    case_uuid, _ = add_reviewed_case(app, round_uuid, "MB-1", answers={"fragat_om_barn": "ja"})
    first = export(app, tmp_path / "first.granskning")
    answer(app, case_uuid, "AB", {"fragat_om_barn": "nej"})
    second = export(app, tmp_path / "second.granskning")
    plan = plan_for(chief, first, second)
    (conflict,) = plan.conflicts
    assert conflict.existing.source == "first.granskning"
    import_files(chief, first, second, resolutions=Resolution.TAKE)
    assert contents(chief) == contents(app)
    assert chief_review(chief, reviewer="AB")["answers"]["fragat_om_barn"][0] == '"nej"'


def test_progress_counts_the_reviews_written(app, chief, caseworker_data, tmp_path):
    seen = []
    import_files(chief, export(app, tmp_path / "f.granskning"), progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 4)
    assert seen[-1] == (4, 4)


def test_status_alone_makes_a_conflict(app, chief, tmp_path):
    round_uuid = make_round(app)
    case_uuid, _review_uuid = add_reviewed_case(app, round_uuid, "MB-1", answers=COMPLETE)
    import_files(chief, export(app, tmp_path / "first.granskning"))
    with app.db.session() as session:
        complete_review(session, open_review(session, case_uuid, "AB"), "AB")
    (conflict,) = plan_for(chief, export(app, tmp_path / "second.granskning")).conflicts
    assert conflict.differing_answers == 0
    assert conflict.incoming.status is ReviewStatus.COMPLETE


def test_the_same_changed_review_in_two_files_of_a_batch_is_one_conflict(app, chief, conflict_files):
    third = export(app, conflict_files["second"].with_name("third.granskning"))
    plan = plan_for(chief, conflict_files["second"], third)
    assert len(plan.conflicts) == 1
    summary = import_files(chief, conflict_files["second"], third, resolutions=Resolution.BOTH)
    assert summary.reviews.both == 1
    assert sorted(contents(chief)["Missbruk 2024"]["cases"]["MB-1"]["reviews"]) == ["AB", "AB (2)"]


def test_annat_and_okant_travel_as_themselves_and_an_old_annat_okant_arrives_as_okant(app, chief, tmp_path):
    """New files write annat and okant; a file of an earlier version holds the one value annat_okant for both, and
    since nobody can tell which it was, it is imported as okänt."""
    round_uuid = make_round(app)
    add_reviewed_case(app, round_uuid, "MB-1", sex=Sex.ANNAT)
    add_reviewed_case(app, round_uuid, "MB-2", sex=Sex.OKANT)
    add_reviewed_case(app, round_uuid, "MB-3", sex=Sex.KVINNA)
    path = export(app, tmp_path / "ny.granskning")
    document = load_document(path)
    assert [c["sex"] for c in document["content"]["cases"]] == ["annat", "okant", "kvinna"]

    for case in document["content"]["cases"][:2]:
        case["sex"] = "annat_okant"  # as an earlier version wrote both
    old = save_document(tmp_path / "gammal.json", document)
    import_files(chief, old)
    with chief.db.session() as session:
        sexes = {c.case_code: c.sex for c in session.exec(select(CaseRow))}
    assert sexes == {"MB-1": Sex.OKANT, "MB-2": Sex.OKANT, "MB-3": Sex.KVINNA}
