"""The audit trail: every change a data-protection officer must be able to trace is recorded, in the reader's words,
per case and for a period; autosave's keystrokes make one event per editing spell."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from reviewer.bootstrap import bootstrap
from reviewer.domain.sex import Sex
from reviewer.services import audit, audit_trail
from reviewer.services.audit_trail import AuditError, Period, case_rows, parse_date, period_rows
from reviewer.services.cases import CaseInput, add_case, delete_case, update_case
from reviewer.services.checklists import (
    export_checklist_file,
    get_version,
    import_checklist_file,
    new_draft,
    publish,
    retire,
)
from reviewer.services.exchange import apply_import, export_exchange, plan_import, read_exchange
from reviewer.services.reviews import complete_review, open_review, reopen_review, save_answer
from reviewer.services.spreadsheet_import import import_file
from reviewer.storage.models import AuditEvent, Case
from tests.services.exchange.helpers import COMPLETE
from tests.services.test_spreadsheet_import import row, write_csv

TODAY = Period(date.today(), date.today())


def events(app, entity: str | None = None) -> list[AuditEvent]:
    with app.db.session() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        if entity is not None:
            query = query.where(AuditEvent.entity == entity)
        return list(session.exec(query).all())


def new_case(app, round_uuid: str, code: str = "MB-1", actor: str = "AB") -> str:
    with app.db.session() as session:
        return add_case(session, round_uuid, CaseInput(code, Sex.KVINNA, "a25_34", "Norr"), actor).uuid


def save(app, case_uuid: str, key: str, value, note=None, reviewer: str = "AB") -> None:
    with app.db.session() as session:
        snapshot = open_review(session, case_uuid, reviewer)
        save_answer(session, snapshot, snapshot.definition.question(key), value, note)


def history(app, case_uuid: str, language="sv") -> list[audit_trail.AuditRow]:
    with app.db.session() as session:
        return case_rows(session, case_uuid, language)


def test_an_answer_reads_with_the_question_text_and_the_option_labels(app, missbruk_round):
    case = new_case(app, missbruk_round)
    save(app, case, "beslut", "beviljat")
    save(app, case, "beslut", "avslag")
    answer = [r for r in history(app, case) if r.action == "Svar givet"]
    assert len(answer) == 1
    assert (answer[0].actor, answer[0].case_code, answer[0].reviewer) == ("AB", "MB-1", "AB")
    assert answer[0].round_name == "Missbruk 2026 H1"
    assert (answer[0].old, answer[0].new) == ("(inget svar)", "Avslag")
    assert answer[0].subject == "Vad blev beslutet?"
    english = [r for r in history(app, case, "en") if r.action == "Answer given"]
    assert english[0].old == "(no answer)" and english[0].new not in ("avslag", "Avslag")


def test_saves_of_one_question_within_a_spell_are_one_event_and_a_return_to_the_start_none(app, missbruk_round):
    case = new_case(app, missbruk_round)
    save(app, case, "overklagat", "ja")
    save(app, case, "overklagat", "nej")
    answers = [e for e in events(app, "review") if e.action == "answer"]
    assert len(answers) == 1
    assert json.loads(answers[0].detail_json)["value"] == [None, "nej"]
    save(app, case, "overklagat", None)
    assert not [e for e in events(app, "review") if e.action == "answer"]


def test_another_question_or_an_old_spell_starts_a_new_event(app, missbruk_round):
    case = new_case(app, missbruk_round)
    save(app, case, "overklagat", "ja")
    save(app, case, "fragat_om_barn", "ja")
    save(app, case, "overklagat", "nej")
    assert len([e for e in events(app, "review") if e.action == "answer"]) == 3
    with app.db.session() as session:
        last = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        last.at = datetime.now(UTC) - audit.ANSWER_SPELL - timedelta(seconds=1)
        session.add(last)
        session.commit()
    save(app, case, "overklagat", "ja")
    changes = [json.loads(e.detail_json)["value"] for e in events(app, "review") if e.action == "answer"]
    assert changes == [[None, "ja"], [None, "ja"], ["ja", "nej"], ["nej", "ja"]]


def test_free_text_and_notes_are_logged_as_given_changed_or_removed_never_their_words(app, missbruk_round):
    case = new_case(app, missbruk_round)
    with app.db.session() as session:
        snapshot = open_review(session, case, "AB")
        text_key = next(q.key for q in snapshot.definition.questions() if q.type.value == "text")
    for typed in ("H", "Hem", "Hemlig text"):
        save(app, case, text_key, typed)
    save(app, case, "overklagat", "ja", "Privat anteckning")
    save(app, case, "overklagat", "ja", None)
    stored = " ".join(e.detail_json for e in events(app))
    assert "Hemlig" not in stored and "Privat" not in stored
    actions = [r.action for r in history(app, case)]
    assert actions.count("Fritextsvar givet") == 1
    assert "Anteckning tillagd" not in actions  # added and removed in one spell: back where it began
    save(app, case, "overklagat", "ja", "Ny")
    assert "Anteckning tillagd" in [r.action for r in history(app, case)]


def test_complete_reopen_and_the_case_changes_are_in_the_history(app, missbruk_round):
    case = new_case(app, missbruk_round)
    with app.db.session() as session:
        snapshot = open_review(session, case, "AB")
        for key, value in COMPLETE.items():
            save_answer(session, snapshot, snapshot.definition.question(key), value, None)
        complete_review(session, snapshot, "AB")
        reopen_review(session, snapshot, "AB")
        update_case(session, case, CaseInput("MB-2", Sex.MAN, "a35_44", None), "CD")
    rows = history(app, case)
    actions = [r.action for r in rows]
    assert actions[0] == "Omgång skapad" and actions[1] == "Ärende skapat"
    assert "Granskning markerad som klar" in actions and "Granskning öppnad igen för ändringar" in actions
    changed = {r.subject: (r.old, r.new, r.actor) for r in rows if r.action == "Ärende ändrat"}
    assert changed["Ärendekod"] == ("MB-1", "MB-2", "CD")
    assert changed["Kön"] == ("Kvinna", "Man", "CD")
    assert changed["Enhet"] == ("Norr", "–", "CD")
    assert changed["Åldersgrupp"][1] != "a35_44"
    assert all(r.case_code == "MB-2" for r in rows[1:])


def test_a_deleted_case_keeps_its_code_and_round_in_the_period_export(app, missbruk_round):
    case = new_case(app, missbruk_round)
    save(app, case, "overklagat", "ja")
    with app.db.session() as session:
        delete_case(session, case, "CD")
        rows = period_rows(session, TODAY, "en")
    mine = [r for r in rows if r.case_code == "MB-1"]
    assert [r.action for r in mine] == ["Case created", "Answer given", "Case deleted"]
    assert {r.round_name for r in mine} == {"Missbruk 2026 H1"}
    assert mine[-1].actor == "CD" and "1 review and 1 answer" in mine[-1].new


def test_checklist_import_publish_and_retire_are_logged_with_who(app, tmp_path: Path):
    with app.db.session() as session:
        slug, version = new_draft(session, ("missbruk", get_version(session, "missbruk").version))
        publish(session, slug, version, actor="CH")
        retire(session, slug, version, actor="CH")
        export_checklist_file(session, slug, version, tmp_path / "c.json")
    changed = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    changed["version"] = 9
    changed.pop("previous", None)
    (tmp_path / "c9.json").write_text(json.dumps(changed), encoding="utf-8")
    with app.db.session() as session:
        import_checklist_file(session, tmp_path / "c9.json", actor="IT")
        rows = period_rows(session, TODAY, "sv")
    logged = [(r.action, r.actor, r.new) for r in rows if r.action.startswith("Checklista")]
    assert logged == [
        ("Checklista publicerad", "CH", f"missbruk@{version}"),
        ("Checklista tillbakadragen", "CH", f"missbruk@{version}"),
        ("Checklista importerad", "IT", "missbruk@9"),
    ]


def test_a_spreadsheet_import_shows_in_the_history_of_every_case_it_brought(app, missbruk_round, tmp_path):
    path = write_csv(tmp_path / "tidigare.csv", [row("MB-9", beslut="avslag")])
    with app.db.session() as session:
        import_file(session, missbruk_round, path, actor="CH")
        case = session.exec(select(Case).where(Case.case_code == "MB-9")).one()
    imported = [r for r in history(app, case.uuid) if r.action == "Import från kalkylblad"]
    assert len(imported) == 1
    assert (imported[0].subject, imported[0].actor) == ("tidigare.csv", "CH")
    assert "1 ärenden" in imported[0].new


def test_the_period_is_whole_local_days_and_refuses_bad_input(app, missbruk_round):
    new_case(app, missbruk_round)
    with app.db.session() as session:
        assert len(period_rows(session, TODAY, "sv")) == 2
        yesterday = date.today() - timedelta(days=1)
        assert period_rows(session, Period(yesterday, yesterday), "sv") == []
    with pytest.raises(AuditError, match="after it ends"):
        Period(date(2026, 2, 1), date(2026, 1, 31))
    with pytest.raises(AuditError) as caught:
        parse_date("2026-02-30", audit_trail.Message("--från", "--from"))
    assert "ÅÅÅÅ-MM-DD" in caught.value.text("sv")


def test_an_exchange_import_shows_in_the_history_of_the_cases_it_brought(app, missbruk_round, tmp_path):
    case = new_case(app, missbruk_round)
    save(app, case, "overklagat", "ja")
    with app.db.session() as session:
        export_exchange(session, tmp_path / "ab.reviewer", None, None, "AB")
    chief = bootstrap(data_dir=tmp_path / "chief")
    try:
        with chief.db.session() as session:
            plan = plan_import(session, [read_exchange(tmp_path / "ab.reviewer")])
            apply_import(session, plan, {}, "CH", None)
            rows = case_rows(session, case, "sv")
            period = period_rows(session, TODAY, "sv")
    finally:
        chief.close()
    created = [r for r in rows if r.action == "Omgång skapad från utbytesfil"]
    assert [(r.actor, r.subject, r.round_name) for r in created] == [("CH", "ab.reviewer", "Missbruk 2026 H1")]
    imported = [r for r in period if r.action == "Import av utbytesfil"]
    assert imported[0].new == "1 nya granskningar, 0 oförändrade, 0 konflikter"
