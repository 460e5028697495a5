"""Drawing a round's cases from a case-system list: what is stored (the drawn cases and how they were drawn, nothing
of the rest), one transaction, and refusals that write nothing and never echo a personnummer."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from sqlmodel import select

from reviewer.domain.sampling import Allocation, Design, SamplingError
from reviewer.services.cases import list_cases
from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round, get_round
from reviewer.services.sampling import sample_round
from reviewer.services.spreadsheet_import import SpreadsheetImportError
from reviewer.storage.models import AuditEvent, Case

VALID_PNR = "811228-9874"


def write_list(path, rows, header=("ärende", "kön", "åldersgrupp", "enhet", "beslutsdatum", "handläggare")):
    lines = [";".join(header)] + [";".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def case_rows(women=40, men=40, decided="2026-05-01"):
    rows = [(f"K-{i:03d}", "kvinna", "", "Norr", decided, "Anna Exempel") for i in range(women)]
    rows += [(f"M-{i:03d}", "man", "", "Söder", decided, "Bo Exempel") for i in range(men)]
    return rows


def test_the_drawn_cases_become_the_rounds_and_the_round_remembers_how(app, missbruk_round, tmp_path):
    listed = write_list(tmp_path / "lista.csv", case_rows())
    design = Design(Allocation.EQUAL, 10, seed=42, double_share=0.2, reviewers=("AB", "CD"))
    with app.db.session() as session:
        summary = sample_round(session, missbruk_round, listed, design, actor="AB")
        assert (summary.listed, summary.eligible, len(summary.result.cases)) == (80, 80, 20)
        cases = list_cases(session, missbruk_round)
        record = json.loads(get_round(session, missbruk_round).sampling_json)
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "sample")).all()
    assert sorted(c.case_code for c in cases) == sorted(c.code for c in summary.result.cases)
    assert record["method"] == "sha256-permanent-random-numbers-v1"
    assert record["design"] == {
        "allocation": "equal",
        "size": 10,
        "seed": 42,
        "by_unit": False,
        "double_share": 0.2,
        "reviewers": ["AB", "CD"],
    }
    assert record["list"]["rows"] == 80 and len(record["list"]["sha256"]) == 64
    assert set(record["assignments"]) == {c.uuid for c in cases}, "assignments name case uuids, not codes"
    assert sum(len(r) == 2 for r in record["assignments"].values()) == 4
    assert len(events) == 1
    text = json.dumps(record, ensure_ascii=False)
    assert "K-0" not in text and "Exempel" not in text, "nothing of the list itself is kept"


def test_the_same_list_and_seed_draw_the_same_cases_again(app, missbruk_round, tmp_path):
    listed = write_list(tmp_path / "lista.csv", case_rows())
    again = write_list(tmp_path / "omvand.csv", list(reversed(case_rows())))
    with app.db.session() as session:
        first = sample_round(session, missbruk_round, listed, Design(Allocation.EQUAL, 10, seed=7))
        other = create_round(session, "Omdragning", get_version(session, "missbruk"), "2026").uuid
        second = sample_round(session, other, again, Design(Allocation.EQUAL, 10, seed=7))
    assert {c.code for c in first.result.cases} == {c.code for c in second.result.cases}


def test_a_period_leaves_out_cases_decided_outside_it(app, missbruk_round, tmp_path):
    rows = case_rows(20, 20) + case_rows(20, 20, decided="2025-01-01")
    rows = [(f"{r[0]}-{i}", *r[1:]) for i, r in enumerate(rows)]
    listed = write_list(tmp_path / "lista.csv", rows)
    with app.db.session() as session:
        summary = sample_round(
            session, missbruk_round, listed, Design(Allocation.EQUAL, 5, seed=1), decided_from=dt.date(2026, 1, 1)
        )
    assert (summary.listed, summary.eligible) == (80, 40)


def test_a_personnummer_in_any_column_refuses_the_whole_list(app, missbruk_round, tmp_path):
    rows = case_rows()
    rows[5] = (*rows[5][:5], f"Anna {VALID_PNR}")
    listed = write_list(tmp_path / "lista.csv", rows)
    with app.db.session() as session, pytest.raises(SpreadsheetImportError) as caught:
        sample_round(session, missbruk_round, listed, Design(Allocation.EQUAL, 10, seed=1))
    message = caught.value.text("sv")
    assert "Rad 7, kolumn 'handläggare'" in message and "personnummer" in message
    assert VALID_PNR not in message and "9874" not in message
    with app.db.session() as session:
        assert session.exec(select(Case)).all() == []
        assert get_round(session, missbruk_round).sampling_json is None


def test_every_problem_is_named_and_nothing_is_written(app, missbruk_round, tmp_path):
    rows = case_rows(12, 12)
    rows[0] = ("", "kvinna", "", "Norr", "2026-01-01", "")
    rows[1] = ("K-X", "katt", "", "Norr", "2026-01-01", "")
    rows[2] = ("K-Y", "kvinna", "100+", "Norr", "igår", "")
    listed = write_list(tmp_path / "lista.csv", rows)
    with app.db.session() as session, pytest.raises(SpreadsheetImportError) as caught:
        sample_round(session, missbruk_round, listed, Design(Allocation.EQUAL, 5, seed=1))
    lines = caught.value.lines("sv")
    assert lines[0] == "Rad 2, kolumn 'ärende': ärendekoden saknas"
    assert lines[1].startswith("Rad 3, kolumn 'kön': 'katt' är inget kön")
    assert any(line.startswith("Rad 4, kolumn 'åldersgrupp'") for line in lines)
    assert any(line.startswith("Rad 4, kolumn 'beslutsdatum': 'igår' är inget datum") for line in lines)
    with app.db.session() as session:
        assert session.exec(select(Case)).all() == []


def test_a_list_without_the_needed_columns_and_a_round_with_cases_are_refused(app, missbruk_round, tmp_path):
    listed = write_list(tmp_path / "lista.csv", [("A-1", "x")], header=("ärende", "färg"))
    with app.db.session() as session, pytest.raises(SpreadsheetImportError, match="column for the sex"):
        sample_round(session, missbruk_round, listed, Design(Allocation.EQUAL, 5, seed=1))
    full = write_list(tmp_path / "full.csv", case_rows())
    with app.db.session() as session:
        sample_round(session, missbruk_round, full, Design(Allocation.EQUAL, 5, seed=1))
        with pytest.raises(SamplingError, match="already has 10 cases"):
            sample_round(session, missbruk_round, full, Design(Allocation.EQUAL, 5, seed=2))


def test_an_excel_list_is_read_the_same_way(app, missbruk_round, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["case_code", "sex", "unit"])
    for i in range(8):
        sheet.append([f"X-{i}", "K" if i % 2 else "M", "Väst"])
    path = tmp_path / "lista.xlsx"
    book.save(path)
    with app.db.session() as session:
        summary = sample_round(session, missbruk_round, path, Design(Allocation.PROPORTIONAL, 4, seed=1))
    assert len(summary.result.cases) == 4


def test_a_preview_draws_the_same_cases_and_writes_nothing(app, missbruk_round, tmp_path):
    from reviewer.services.sampling import preview_sample, read_round_list
    from tests.services.exchange.helpers import fingerprint

    listed = write_list(tmp_path / "lista.csv", case_rows())
    design = Design(Allocation.EQUAL, 5, seed=8, double_share=0.4, reviewers=("AB", "CD"))
    before = fingerprint(app)
    with app.db.session() as session:
        source = read_round_list(session, missbruk_round, listed)
    preview = preview_sample(source, design)
    assert fingerprint(app) == before
    assert set(preview.record.assignments) == {c.code for c in preview.result.cases}, "named by code, never stored"
    with app.db.session() as session:
        drawn = sample_round(session, missbruk_round, listed, design, expected_sha256=preview.record.list_sha256)
    assert [c.code for c in drawn.result.cases] == [c.code for c in preview.result.cases]
    assert drawn.record.list_name == "lista.csv"


def test_a_list_that_changed_since_the_preview_is_not_drawn(app, missbruk_round, tmp_path):
    listed = write_list(tmp_path / "lista.csv", case_rows())
    with app.db.session() as session:
        with pytest.raises(SamplingError) as refused:
            sample_round(session, missbruk_round, listed, Design(Allocation.EQUAL, 5, seed=8), expected_sha256="0" * 64)
        assert "har ändrats sedan förhandsvisningen" in refused.value.text("sv")
        assert list_cases(session, missbruk_round) == []


def test_the_record_reads_back_as_written_and_its_text_says_when_and_from_what(app, missbruk_round, tmp_path):
    from reviewer.domain.sex import Subject
    from reviewer.services.planning_text import render_sample_text
    from reviewer.services.sampling import record_from_dict, record_to_dict, sampling_of

    listed = write_list(tmp_path / "lista.csv", case_rows())
    with app.db.session() as session:
        sample_round(session, missbruk_round, listed, Design(Allocation.PROPORTIONAL, 30, seed=3, by_unit=True))
        record = sampling_of(session, missbruk_round)
    assert record is not None and record_from_dict(record_to_dict(record)) == record
    sv = render_sample_text(record, "Missbruk 2026", Subject.ADULT, "sv")
    en = render_sample_text(record, "Missbruk 2026", Subject.ADULT, "en")
    assert sv.startswith("Drog 30 ärenden ur listan lista.csv (80 rader) till omgången Missbruk 2026.")
    assert "30 totalt, i proportion till listan och dess enheter" in sv
    assert f"listans kontrollsumma (SHA-256) {record.list_sha256}" in sv
    assert record.drawn_at.astimezone().strftime("%Y-%m-%d") in sv
    assert en.startswith("Drew 30 cases from the list lista.csv (80 rows) into the round Missbruk 2026.")
    older = record_to_dict(record)
    del older["list"]["name"]  # a record from before the name was kept
    assert render_sample_text(record_from_dict(older), "R", Subject.ADULT, "sv").startswith(
        "Drog 30 ärenden ur en lista"
    )
