import copy
import json

import openpyxl
import pytest
from sqlmodel import select

from reviewer.checklists.loader import ChecklistFileError, builtin_checklists, parse_checklist
from reviewer.checklists.schema import Area
from reviewer.domain.sex import Subject
from reviewer.domain.text import ReviewerError
from reviewer.services import checklists as service
from reviewer.services.rounds import RoundError, create_round, get_round
from reviewer.storage.models import ChecklistStatus, ChecklistVersion
from tests.checklists.test_loader import MINIMAL


def definition(**changes):
    data = json.loads(json.dumps(MINIMAL))
    data.update(changes)
    return parse_checklist(json.dumps(data), "t.json")


def test_builtins_are_present_after_start_and_adding_them_again_changes_nothing(app):
    with app.db.session() as session:
        summaries = service.list_checklists(session)
        assert {s.slug for s in summaries} == {"fardtjanst", "barnomsorg", "missbruk"}
        assert all(s.builtin and s.status is ChecklistStatus.PUBLISHED for s in summaries)
        assert service.ensure_builtins(session) == 0
        assert len(session.exec(select(ChecklistVersion)).all()) == len(builtin_checklists())


def test_stored_definition_is_identical_to_the_file(app):
    with app.db.session() as session:
        for shipped in builtin_checklists():
            row = service.get_version(session, shipped.slug, shipped.version)
            assert service.definition_of(row) == shipped
            assert row.sha256 == shipped.sha256()


def test_same_content_twice_is_unchanged_and_different_content_is_refused(app):
    with app.db.session() as session:
        assert service.add_definition(session, definition()) is service.ImportOutcome.CREATED
        assert service.add_definition(session, definition()) is service.ImportOutcome.UNCHANGED
        with pytest.raises(service.ChecklistConflictError) as info:
            service.add_definition(session, definition(title="Annan titel"))
        assert "finns redan med annat innehåll" in info.value.text("sv")
        row = service.get_version(session, "test", 1)
        assert service.definition_of(row).title.sv == "Test"


def test_published_version_is_immutable_and_editing_means_a_new_version(app):
    with app.db.session() as session:
        service.add_definition(session, definition())
        with pytest.raises(service.ChecklistConflictError, match="cannot be changed"):
            service.save_draft_data(session, "test", 1, MINIMAL)
        assert service.new_draft(session, ("test", 1)) == ("test", 2)
        data = service.draft_data(session, "test", 2)
        data["title"] = "Ändrad igen"
        assert service.save_draft_data(session, "test", 2, data) == []
        assert service.get_version(session, "test").version == 1, "a draft is not yet the newest published"
        service.publish(session, "test", 2)
        newest = service.get_version(session, "test")
        assert (newest.version, newest.title, newest.status) == (2, "Ändrad igen", ChecklistStatus.PUBLISHED)
        assert newest.published_at is not None
        assert service.definition_of(newest).previous.version == 1
        with pytest.raises(service.ChecklistConflictError, match="cannot be changed"):
            service.save_draft_data(session, "test", 2, data)
        with pytest.raises(service.ChecklistConflictError, match="cannot be published again"):
            service.publish(session, "test", 2)


@pytest.mark.parametrize(("reference", "expected"), [("missbruk", ("missbruk", None)), ("missbruk@4", ("missbruk", 4))])
def test_reference_parsing(reference, expected):
    assert service.parse_reference(reference) == expected


def test_unknown_checklist_is_a_clear_error(app):
    with app.db.session() as session, pytest.raises(service.ChecklistNotFoundError) as info:
        service.get_version(session, "finns_inte")
    assert "Det finns ingen checklista 'finns_inte'" in info.value.text("sv")


# ---------------------------------------------------------------------------------------------------------------
# Drafts


def questions_of(data):
    return [q for s in data["sections"] for q in s["questions"]]


def test_new_checklist_from_scratch_is_an_invalid_draft_with_a_slug_from_its_title(app):
    with app.db.session() as session:
        assert service.new_draft(session, title_sv="Vår mall för LSS", area=Area.OTHER) == ("var_mall_for_lss", 1)
        assert service.new_draft(session, title_sv="Vår mall för LSS")[0] == "var_mall_for_lss_2"
        data = service.draft_data(session, "var_mall_for_lss", 1)
        assert [q["type"] for q in questions_of(data)] == ["yes_no"]
        assert "previous" not in data
        paths = {issue.path for issue in service.validate_data(data)}
        assert paths == {"subject", "sections[0].title.sv", "sections[0].questions[0].text.sv"}
        summary = next(s for s in service.list_checklists(session) if s.slug == "var_mall_for_lss")
        assert (summary.status, summary.question_count, summary.rounds, summary.title, summary.area) == (
            ChecklistStatus.DRAFT,
            1,
            (),
            "Vår mall för LSS",
            "annat",
        )
        assert service.new_draft(session, slug="barn_mall", subject=Subject.CHILD) == ("barn_mall", 1)
        bands = service.draft_data(session, "barn_mall", 1)["age_bands"]
        assert bands[0]["label"]["sv"] == "0–5 år"


@pytest.mark.parametrize(
    ("slug", "expected"), [("missbruk", "finns redan en checklista med id 'missbruk'"), ("Min Mall", "kan inte vara")]
)
def test_a_new_checklist_needs_a_free_and_valid_slug(app, slug, expected):
    with app.db.session() as session, pytest.raises(service.ChecklistConflictError) as info:
        service.new_draft(session, slug=slug)
    assert expected in info.value.text("sv")


def test_next_version_copies_the_source_and_records_it_as_previous(app):
    with app.db.session() as session:
        assert service.new_draft(session, ("missbruk", 3)) == ("missbruk", 4)
        data = service.draft_data(session, "missbruk", 4)
        source = service.definition_of(service.get_version(session, "missbruk", 3)).canonical_dict()
        assert data["previous"] == {"version": 3, "key_map": {}, "retired": []}
        assert {k: v for k, v in data.items() if k not in {"version", "previous"}} == {
            k: v for k, v in source.items() if k not in {"version", "previous"}
        }
        with pytest.raises(service.ChecklistConflictError) as info:
            service.new_draft(session, ("missbruk", 3))
        assert "Det finns redan ett utkast av missbruk (version 4)" in info.value.text("sv")
        assert service.new_draft(session, ("missbruk", 3), slug="missbruk_lokal", title_sv="Vår missbruksmall") == (
            "missbruk_lokal",
            1,
        )
        copy_ = service.draft_data(session, "missbruk_lokal", 1)
        assert "previous" not in copy_
        assert copy_["title"] == {"sv": "Vår missbruksmall"}
        assert service.validate_data(copy_) == []


def test_an_invalid_draft_is_stored_and_read_back_unchanged(app):
    with app.db.session() as session:
        slug, version = service.new_draft(session, ("fardtjanst", 3))
        data = service.draft_data(session, slug, version)
        questions = data["sections"][0]["questions"]
        questions[0]["text"] = {"sv": "", "en": "Half written"}
        questions[1]["key"] = questions[2]["key"]
        questions.insert(0, {"key": "ny", "type": "yes_no", "text": "Ny", "show_if": {"question": "senare"}})
        data["colour"] = ["red", 1.5, None, True]
        issues = service.save_draft_data(session, slug, version, data)
        assert service.draft_data(session, slug, version) == data
        texts = {(issue.path, issue.message.en) for issue in issues}
        assert ("colour", "unknown field 'colour'") in texts
        assert ("sections[0].questions[1].text.sv", "Swedish text is missing") in texts
        assert any(path == "sections[0].questions[3].key" and "more than once" in en for path, en in texts), texts
        assert issues == service.validate_data(data)
        summary = next(s for s in service.list_checklists(session) if (s.slug, s.version) == (slug, version))
        assert summary.question_count == len(questions_of(data))
        with pytest.raises(service.ChecklistInvalidError) as info:
            service.definition_of(service.get_version(session, slug, version))
        assert f"Checklistan {slug} version {version} är inte giltig" in info.value.text("sv")


def test_validation_on_a_broken_draft_still_finds_duplicates_and_bad_conditions():
    data = copy.deepcopy(MINIMAL)
    questions = data["sections"][0]["questions"]
    questions[0]["text"] = ""
    questions[2]["options"][1]["value"] = "oppenvard"
    questions.append({"key": "antal_barn", "type": "integer", "text": "Igen"})
    questions.append({"key": "villkor", "type": "text", "text": "V", "show_if": {"question": "insats", "equals": "x"}})
    questions.append({"key": "fram", "type": "text", "text": "F", "show_if": {"question": "senare", "equals": "ja"}})
    questions.append({"key": "senare", "type": "yes_no", "text": "S"})
    found = {(issue.path, issue.key) for issue in service.validate_data(data)}
    assert found == {
        ("sections[0].questions[0].text.sv", "fragat_om_barn"),
        ("sections[0].questions[2].options[1].value", "insats"),
        ("sections[0].questions[3].key", "antal_barn"),
        ("sections[0].questions[4].show_if", "villkor"),
        ("sections[0].questions[5].show_if.question", "fram"),
    }


def test_validation_is_the_loaders(app):
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["questions"][0]["type"] = "kanske"
    with pytest.raises(ChecklistFileError) as info:
        parse_checklist(json.dumps(data), "t.json")
    assert service.validate_data(data) == info.value.issues


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(slug="annan"), "id och versionsnummer kan inte ändras"),
        (lambda d: d.update(version=5), "id och versionsnummer kan inte ändras"),
        (lambda d: d.update(title={"sv", "mängd"}), "inte kan sparas"),
        (lambda d: d.update(description="Ring 19121212-1212 vid frågor"), "ser ut som ett personnummer"),
    ],
)
def test_saving_a_draft_refuses_what_cannot_be_stored(app, change, expected):
    with app.db.session() as session:
        slug, version = service.new_draft(session, ("missbruk", 3))
        before = service.draft_data(session, slug, version)
        data = copy.deepcopy(before)
        change(data)
        with pytest.raises(ReviewerError) as info:
            service.save_draft_data(session, slug, version, data)
        assert expected in info.value.text("sv")
        assert "19121212" not in info.value.text("sv")
        assert service.draft_data(session, slug, version) == before


def test_a_personnummer_is_an_issue_at_its_question():
    data = copy.deepcopy(MINIMAL)
    data["sections"][0]["questions"][1]["help"] = "Till exempel 19121212-1212"
    [issue] = service.validate_data(data)
    assert (issue.path, issue.key) == ("sections[0].questions[1].help", "antal_barn")
    assert "19121212" not in issue.text("sv")


# ---------------------------------------------------------------------------------------------------------------
# Publishing with key mappings


def missbruk_v2(session, change):
    slug, version = service.new_draft(session, ("missbruk", 3))
    data = service.draft_data(session, slug, version)
    change(data)
    service.save_draft_data(session, slug, version, data)
    return slug, version


def rename(old, *new):
    """Rename question `old` (no show_if depends on it in missbruk) to new[0], and add the rest after it."""

    def change(data):
        for section in data["sections"]:
            for index, question in enumerate(section["questions"]):
                if question["key"] == old:
                    question["key"] = new[0]
                    for extra in reversed(new[1:]):
                        section["questions"].insert(index + 1, dict(question, key=extra))
                    return
        raise AssertionError(old)

    return change


def test_publish_plan_shows_kept_unresolved_and_new_keys(app):
    with app.db.session() as session:
        old_keys = [q.key for q in service.definition_of(service.get_version(session, "missbruk", 3)).questions()]
        slug, version = missbruk_v2(session, rename("substans", "substans_alkohol", "substans_narkotika"))
        plan = service.publish_plan(session, slug, version)
        assert plan.previous_version == 3
        assert plan.unresolved == ["substans"]
        assert plan.new_keys == ["substans_alkohol", "substans_narkotika"]
        assert plan.kept == [k for k in old_keys if k != "substans"]
        assert (plan.key_map, plan.retired) == ({}, [])
        fresh = service.new_draft(session, title_sv="Ny")
        assert service.publish_plan(session, *fresh) == service.PublishPlan(None, [], [], ["fraga_1"], {}, [])


def test_publishing_requires_every_old_key_to_be_kept_mapped_or_retired(app):
    with app.db.session() as session:
        slug, version = missbruk_v2(session, rename("substans", "substans_alkohol", "substans_narkotika"))
        with pytest.raises(service.ChecklistInvalidError) as info:
            service.publish(session, slug, version)
        assert "frågorna substans från version 3 saknas" in info.value.text("sv")
        assert service.get_version(session, slug, version).status is ChecklistStatus.DRAFT
        split = {"substans_alkohol": "substans", "substans_narkotika": "substans"}
        service.publish(session, slug, version, key_map=split)
        published = service.definition_of(service.get_version(session, slug, version))
        assert published.previous.key_map == split
        assert service.get_version(session, "missbruk").version == 4


def test_a_removed_question_is_published_as_retired(app):
    with app.db.session() as session:

        def remove(data):
            data["sections"][-1]["questions"].pop()

        slug, version = missbruk_v2(session, remove)
        [removed] = service.publish_plan(session, slug, version).unresolved
        service.publish(session, slug, version, retired=[removed])
        assert service.definition_of(service.get_version(session, slug, version)).previous.retired == [removed]


@pytest.mark.parametrize(
    ("key_map", "retired", "expected"),
    [
        ({"substans_ny": "substans"}, ["substans"], "'substans' är både borttagen och mappad"),
        ({"substans_ny": "finns_inte"}, ["substans"], "'finns_inte', som inte är en fråga i version 3"),
        ({"finns_inte": "substans"}, [], "nämner 'finns_inte', som inte är en fråga i denna version"),
        ({"substans_ny": "substans"}, ["beslut"], "'beslut' är markerad som borttagen men finns kvar"),
        ({"substans_ny": "substans", "beslut": "overklagat"}, [], "'beslut' finns redan i version 3"),
    ],
)
def test_mapping_mistakes_are_refused(app, key_map, retired, expected):
    with app.db.session() as session:
        slug, version = missbruk_v2(session, rename("substans", "substans_ny"))
        with pytest.raises(service.ChecklistInvalidError) as info:
            service.publish(session, slug, version, key_map=key_map, retired=retired)
        assert expected in info.value.text("sv")
        assert service.get_version(session, slug, version).status is ChecklistStatus.DRAFT


def test_an_invalid_draft_cannot_be_published(app):
    with app.db.session() as session:
        slug, version = service.new_draft(session, title_sv="Halvfärdig")
        with pytest.raises(service.ChecklistInvalidError) as info:
            service.publish(session, slug, version)
        assert "(4 fel)" in info.value.text("sv")
        assert "svensk text saknas" in info.value.text("sv")
        with pytest.raises(service.ChecklistConflictError, match="does not follow an earlier version"):
            service.publish(session, slug, version, key_map={"a": "b"})


def test_retired_versions_keep_their_rounds_but_get_no_new_ones(app, missbruk_round):
    with app.db.session() as session:
        service.retire(session, "missbruk", 3)
        row = service.get_version(session, "missbruk", 3)
        assert row.status is ChecklistStatus.RETIRED
        assert service.definition_of(row).slug == "missbruk"
        assert get_round(session, missbruk_round).checklist_version_id == row.id
        with pytest.raises(RoundError):
            create_round(session, "Ny omgång", row, "2027")
        with pytest.raises(service.ChecklistConflictError, match="already retired"):
            service.retire(session, "missbruk", 3)
        slug, version = service.new_draft(session, ("missbruk", 3))
        with pytest.raises(service.ChecklistConflictError, match="a draft is deleted, not retired"):
            service.retire(session, slug, version)


def test_summary_names_the_rounds_using_each_version(app, missbruk_round):
    with app.db.session() as session:
        create_round(session, "Missbruk 2025", service.get_version(session, "missbruk"), "2025")
        summaries = {s.slug: s for s in service.list_checklists(session)}
        assert summaries["missbruk"].rounds == ("Missbruk 2025", "Missbruk 2026 H1")
        assert summaries["missbruk"].round_count == 2
        assert summaries["fardtjanst"].rounds == ()


def test_only_drafts_can_be_deleted(app, missbruk_round):
    with app.db.session() as session:
        slug, version = service.new_draft(session, ("missbruk", 3))
        service.delete_draft(session, slug, version)
        with pytest.raises(service.ChecklistNotFoundError):
            service.draft_data(session, slug, version)
        with pytest.raises(service.ChecklistConflictError) as info:
            service.delete_draft(session, "missbruk", 3)
        assert "kan inte tas bort, bara dras tillbaka. Den används av 1 omgång." in info.value.text("sv")
        assert service.new_draft(session, ("missbruk", 3)) == ("missbruk", 4), "the number is free again"


# ---------------------------------------------------------------------------------------------------------------
# Files


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml", ".xlsx"])
def test_export_and_import_every_format(app, tmp_path, suffix):
    path = tmp_path / "out" / f"missbruk{suffix}"
    with app.db.session() as session:
        service.export_checklist_file(session, "missbruk", None, path)
        assert service.read_checklist_file(path) == service.definition_of(service.get_version(session, "missbruk"))
        assert service.import_checklist_file(session, path) == (service.ImportOutcome.UNCHANGED, "missbruk", 3)
        assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file is left behind"


def test_import_as_draft_and_the_refusals(app, tmp_path):
    path = tmp_path / "mall.xlsx"
    with app.db.session() as session:
        service.export_checklist_file(session, "fardtjanst", 3, path)
        with pytest.raises(service.ChecklistConflictError, match=r"already exists\. Give the draft a higher"):
            service.import_checklist_file(session, path, as_draft=True)
        workbook = openpyxl.load_workbook(path)
        sheet = workbook["Inställningar"]
        version_row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "version")
        sheet.cell(version_row, 2).value = 4
        sheet.cell(version_row + 1, 2).value = "Vår färdtjänstmall"
        workbook.save(path)
        assert service.import_checklist_file(session, path, as_draft=True) == (
            service.ImportOutcome.CREATED,
            "fardtjanst",
            4,
        )
        row = service.get_version(session, "fardtjanst", 4)
        assert (row.status, row.title) == (ChecklistStatus.DRAFT, "Vår färdtjänstmall")
        with pytest.raises(service.ChecklistConflictError, match="already exists as a draft"):
            service.import_checklist_file(session, path)
        sheet.cell(version_row, 2).value = 5
        workbook.save(path)
        with pytest.raises(service.ChecklistConflictError, match="There already is a draft of fardtjanst"):
            service.import_checklist_file(session, path, as_draft=True)


def test_importing_changed_content_under_a_taken_version_is_refused(app, tmp_path):
    path = tmp_path / "m.json"
    with app.db.session() as session:
        service.export_checklist_file(session, "missbruk", 3, path)
        data = json.loads(path.read_text("utf-8"))
        data["title"] = {"sv": "Annan"}
        path.write_text(json.dumps(data), "utf-8")
        with pytest.raises(service.ChecklistConflictError) as info:
            service.import_checklist_file(session, path)
        assert "finns redan med annat innehåll" in info.value.text("sv")


def test_importing_a_next_version_checks_its_mapping_against_the_one_it_follows(app, tmp_path):
    path = tmp_path / "m2.json"
    with app.db.session() as session:
        service.export_checklist_file(session, "missbruk", 3, path)
        data = json.loads(path.read_text("utf-8"))
        data["version"] = 4
        data["previous"] = {"version": 3}
        rename("substans", "substans_ny")(data)
        path.write_text(json.dumps(data), "utf-8")
        with pytest.raises(service.ChecklistInvalidError, match="substans"):
            service.import_checklist_file(session, path)
        data["previous"]["key_map"] = {"substans_ny": "substans"}
        path.write_text(json.dumps(data), "utf-8")
        assert service.import_checklist_file(session, path)[0] is service.ImportOutcome.CREATED


def test_unknown_file_formats_and_invalid_drafts_are_not_exported(app, tmp_path):
    tmp_path /= "out"
    tmp_path.mkdir()
    with app.db.session() as session:
        with pytest.raises(service.ChecklistFormatError, match=r"'\.docx'"):
            service.export_checklist_file(session, "missbruk", 3, tmp_path / "m.docx")
        with pytest.raises(service.ChecklistFormatError):
            service.import_checklist_file(session, tmp_path / "m.csv")
        slug, version = service.new_draft(session, title_sv="Tom")
        with pytest.raises(service.ChecklistInvalidError):
            service.export_checklist_file(session, slug, version, tmp_path / "tom.xlsx")
    assert list(tmp_path.iterdir()) == []
