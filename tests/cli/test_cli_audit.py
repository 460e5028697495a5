"""`reviewer audit export`: the period's events as CSV (Swedish Excel's dialect) or XLSX, marked internal, private
to their owner, and nothing written on bad input."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import date, timedelta

import openpyxl
import pytest

from reviewer.bootstrap import bootstrap
from reviewer.cli.main import main
from reviewer.domain.sex import Sex
from reviewer.services.cases import CaseInput, add_case
from reviewer.services.checklists import get_version
from reviewer.services.reviews import open_review, save_answer
from reviewer.services.rounds import create_round

TODAY = date.today().isoformat()
HEADER = ["Tid", "Vem", "Omgång", "Ärende", "Granskare", "Händelse", "Vad", "Från", "Till"]


@pytest.fixture
def data(data_dir):
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            round_ = create_round(session, "Missbruk 2026", get_version(session, "missbruk"), "2026", actor="CH")
            case = add_case(session, round_.uuid, CaseInput("MB-77", Sex.KVINNA), actor="CH")
            snapshot = open_review(session, case.uuid, "AB")
            save_answer(session, snapshot, snapshot.definition.question("beslut"), "avslag", None)
    finally:
        app.close()
    return data_dir


def audit_export(capsys, data_dir, *args):
    code = main(["audit", "export", "--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_is_marked_internal_and_opens_in_swedish_excel(capsys, data, tmp_path):
    target = tmp_path / "logg.csv"
    code, out, err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", target)
    assert (code, err) == (0, "")
    assert "3 händelser" in out and "Intern handling" in out
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Intern handling – innehåller personuppgifter"]
    assert lines[3] == HEADER
    answer = lines[6]
    assert answer[1:] == [
        "AB",
        "Missbruk 2026",
        "MB-77",
        "AB",
        "Svar givet",
        "Vad blev beslutet?",
        "(inget svar)",
        "Avslag",
    ]
    assert answer[0].startswith(TODAY)
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_xlsx_reads_back_with_the_warning_as_its_first_row(capsys, data, tmp_path):
    target = tmp_path / "logg.xlsx"
    code, _out, err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", target)
    assert (code, err) == (0, "")
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["Händelselogg"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Intern handling – innehåller personuppgifter"
    assert list(rows[3]) == HEADER
    assert [r[5] for r in rows[4:]] == ["Omgång skapad", "Ärende skapat", "Svar givet"]
    assert rows[6][0].date() == date.today()
    assert workbook.properties.subject == "Intern handling – innehåller personuppgifter"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_english_locale(capsys, data, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    target = tmp_path / "log.csv"
    code, out, _err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", target)
    assert code == 0 and "3 events" in out
    lines = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Internal document – contains personal data"]
    assert lines[3][:2] == ["Time", "Who"]
    assert lines[6][5:] == ["Answer given", "What was the decision?", "(no answer)", "Refused"]


@pytest.mark.parametrize(
    ("start", "end", "name", "message"),
    [
        (TODAY, (date.today() - timedelta(days=1)).isoformat(), "a.csv", "efter att den slutar"),
        ("2026-02-30", TODAY, "a.csv", "--from: '2026-02-30' är inget datum"),
        (TODAY, "igår", "a.csv", "--to: 'igår' är inget datum"),
        (TODAY, TODAY, "a.pdf", "ska sluta på .csv eller .xlsx"),
        (TODAY, TODAY, "saknas/a.xlsx", "mappen finns inte"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(capsys, data, tmp_path, start, end, name, message):
    target = tmp_path / name
    code, out, err = audit_export(capsys, data, "--from", start, "--to", end, "-o", target)
    assert (code, out) == (1, "")
    assert message in err and err.startswith("fel: ")
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_folder_is_refused(capsys, data, tmp_path):
    locked = tmp_path / "låst"
    locked.mkdir(mode=0o500)
    code, _out, err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", locked / "a.csv")
    assert code == 1 and "skrivrättighet saknas" in err


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc, where no file can be made")
def test_a_failed_write_is_a_message_too(capsys, data):
    code, _out, err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", "/proc/logg.csv")
    assert code == 1 and "Ingenting har skrivits" in err


def test_a_folder_as_target_is_refused(capsys, data, tmp_path):
    code, _out, err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", tmp_path / "data.csv")
    assert code == 0
    (tmp_path / "mapp.csv").mkdir()
    code, _out, err = audit_export(capsys, data, "--from", TODAY, "--to", TODAY, "-o", tmp_path / "mapp.csv")
    assert code == 1 and "det är en mapp" in err
