"""The lexicon in versions that never change, pinned on rounds, and edited through files (issue 13, point 3)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from sqlmodel import col, select

from reviewer.domain.text import ReviewerError
from reviewer.domain.wording import LexiconEntry, WordGroup, builtin_lexicon, count_text
from reviewer.services.audit_text import describe
from reviewer.services.checklists import get_version
from reviewer.services.lexicon import (
    current_lexicon,
    get_lexicon,
    lexicon_for_round,
    list_versions,
    save_lexicon,
)
from reviewer.services.lexicon_files import import_lexicon, read_lexicon_file, write_lexicon_file
from reviewer.services.rounds import create_round
from reviewer.storage.models import AuditEvent, LexiconVersion, Round

EXTRA = LexiconEntry("gapig", WordGroup.CHARACTER, ("gapigt", "gapiga"))


def _with_extra(app, note="Gapig tillagd"):
    with app.db.session() as session:
        entries = [entry for entry in current_lexicon(session).entries if entry.lemma != "gapig"]
        return save_lexicon(session, [*entries, EXTRA], "AB", note)


def test_a_new_database_has_the_builtin_version_1(app):
    with app.db.session() as session:
        assert current_lexicon(session) == builtin_lexicon()
        [summary] = list_versions(session)
    assert (summary.version, summary.builtin, summary.entries) == (1, True, len(builtin_lexicon().entries))


def test_saving_makes_a_new_version_and_leaves_the_old_one_as_it_was(app):
    with app.db.session() as session:
        before = session.exec(select(LexiconVersion)).one().model_copy()
    assert _with_extra(app) == 2
    with app.db.session() as session:
        assert current_lexicon(session).version == 2
        assert EXTRA in current_lexicon(session).entries
        assert get_lexicon(session, 1) == builtin_lexicon()
        old = session.exec(select(LexiconVersion).where(LexiconVersion.version == 1)).one()
        assert (old.entries_json, old.sha256, old.created_at) == (before.entries_json, before.sha256, before.created_at)
        versions = list_versions(session)
        event = session.exec(select(AuditEvent).where(AuditEvent.entity == "lexicon")).one()
    assert [(v.version, v.note, v.created_by) for v in versions] == [
        (2, "Gapig tillagd", "AB"),
        (1, "", ""),
    ]
    detail = json.loads(event.detail_json)
    assert (event.actor, detail["version"], detail["previous"], detail["added"]) == ("AB", 2, 1, 1)
    assert describe("lexicon", "save", detail, None)[0].action.sv == "Ordlista sparad som version 2"


def test_an_unchanged_or_broken_list_saves_nothing(app):
    with app.db.session() as session:
        entries = current_lexicon(session).entries
        with pytest.raises(ReviewerError, match="same as version 1"):
            save_lexicon(session, entries, "AB", "")
        with pytest.raises(ReviewerError, match="both"):
            save_lexicon(session, [*entries, LexiconEntry("ilsk", WordGroup.EMOTION, ("arg",))], "AB", "")
        session.rollback()
        with pytest.raises(ReviewerError, match="empty"):
            save_lexicon(session, [], "AB", "")
        with pytest.raises(ReviewerError, match="too long"):
            save_lexicon(session, [EXTRA], "AB", "x" * 501)
    with app.db.session() as session:
        assert [v.version for v in list_versions(session)] == [1]
        assert session.exec(select(AuditEvent).where(AuditEvent.entity == "lexicon")).all() == []


def test_a_round_counts_with_the_version_it_was_created_with(app):
    with app.db.session() as session:
        first = create_round(session, "Före", get_version(session, "missbruk"), "2025").uuid
    _with_extra(app)
    with app.db.session() as session:
        second = create_round(session, "Efter", get_version(session, "missbruk"), "2026").uuid
        assert lexicon_for_round(session, first).version == 1
        assert lexicon_for_round(session, second).version == 2
        assert count_text("Han är gapig.", lexicon_for_round(session, first)).hits == ()
        assert len(count_text("Han är gapig.", lexicon_for_round(session, second)).hits) == 1
        assert [(v.version, v.rounds) for v in list_versions(session)] == [(2, 1), (1, 1)]
        # A round from before lexicons existed has no version and counts with the built-in one.
        session.exec(sa.update(Round).where(col(Round.uuid) == first).values(lexicon_version_id=None))  # type: ignore[call-overload]
        session.commit()
        assert lexicon_for_round(session, first) == builtin_lexicon()
        with pytest.raises(ReviewerError, match="does not exist"):
            lexicon_for_round(session, "no-such-round")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".yaml"])
def test_export_and_import_round_trip(app, tmp_path, suffix):
    path = tmp_path / f"ordlista{suffix}"
    with app.db.session() as session:
        write_lexicon_file(current_lexicon(session), path)
    assert read_lexicon_file(path) == builtin_lexicon().entries
    with app.db.session() as session, pytest.raises(ReviewerError, match="same as version 1"):
        import_lexicon(session, path, "AB", "")


def test_an_edited_csv_from_swedish_excel_is_imported_as_a_new_version(app, tmp_path):
    path = tmp_path / "ordlista.csv"
    path.write_text(
        "Grundform;Grupp;Former\r\nArg;känslor;argt, arga\r\n;;\r\nMamma;familjeroller;mammas\r\n", "utf-8-sig"
    )
    with app.db.session() as session:
        assert import_lexicon(session, path, "AB", "") == 2
        lexicon = current_lexicon(session)
        assert [entry.lemma for entry in lexicon.entries] == ["Arg", "Mamma"]
        assert list_versions(session)[0].note == "Importerad från ordlista.csv"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", "grundform;grupp;former\narg;känslor;argt\nsur;humör;\n", "a.csv: Row 3: Unknown word group “humör”"),
        ("b.csv", "grundform;grupp;former\narg;känslor;ar*\n", "b.csv: Row 2: The stem “ar\\*” of “arg” is too short"),
        ("c.csv", "ord;former\narg;argt\n", "c.csv: Row 1 has no column “group”"),
        ("d.csv", "grundform;grupp;former\n", "The file d.csv has no entries"),
        ("e.yaml", "grundform: arg\n", "e.yaml is not a lexicon in YAML"),
        (
            "f.yaml",
            "- {grundform: arg, grupp: känslor, former: [argt, arga]}\n"
            "- {grundform: sur, grupp: känslor, former: [arga]}\n",
            "f.yaml: Row 3: The form “arga” belongs to both",
        ),
        ("g.txt", "arg", "neither Excel"),
        ("h.xlsx", "not a zip", "could not be read as an Excel workbook"),
    ],
)
def test_a_bad_file_is_refused_naming_the_row_and_nothing_changes(app, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with app.db.session() as session:
        with pytest.raises(ReviewerError, match=message):
            import_lexicon(session, path, "AB", "")
        assert [v.version for v in list_versions(session)] == [1]


def test_a_csv_not_in_utf8_is_refused(app, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("grundform;grupp;former\nängslig;känslor;\n".encode("latin-1"))
    with pytest.raises(ReviewerError, match="not saved as UTF-8"):
        read_lexicon_file(path)
