import json

import pytest
from sqlmodel import select

from reviewer.checklists.loader import builtin_checklists, parse_checklist
from reviewer.services import checklists as service
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
            service.save_draft(session, definition(title="Ändrad"))
        service.save_draft(session, definition(version=2, title="Ändrad"))
        service.save_draft(session, definition(version=2, title="Ändrad igen"))
        assert service.get_version(session, "test").version == 1, "a draft is not yet the newest published"
        service.publish(session, "test", 2)
        newest = service.get_version(session, "test")
        assert (newest.version, newest.title) == (2, "Ändrad igen")
        with pytest.raises(service.ChecklistConflictError):
            service.save_draft(session, definition(version=2, title="En gång till"))
        with pytest.raises(service.ChecklistConflictError):
            service.publish(session, "test", 2)


@pytest.mark.parametrize(("reference", "expected"), [("missbruk", ("missbruk", None)), ("missbruk@3", ("missbruk", 3))])
def test_reference_parsing(reference, expected):
    assert service.parse_reference(reference) == expected


def test_unknown_checklist_is_a_clear_error(app):
    with app.db.session() as session, pytest.raises(service.ChecklistNotFoundError) as info:
        service.get_version(session, "finns_inte")
    assert "Det finns ingen checklista 'finns_inte'" in info.value.text("sv")
