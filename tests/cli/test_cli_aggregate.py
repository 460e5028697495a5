"""`reviewer aggregate` in JSON and text, with filters, a breakdown, before/after, English and its refusals."""

from __future__ import annotations

import json

import pytest

from reviewer.bootstrap import bootstrap
from reviewer.cli.main import main
from reviewer.domain.sex import Sex
from tests.services.aggregation_data import (
    TREND_ROUNDS,
    Case,
    add_checklist,
    add_round,
    checklist_data,
    known_cases,
    trend_cases,
)


def filled(data_dir, fill):
    """The data folder with the test checklist and what `fill(session)` adds."""
    app = bootstrap(data_dir=data_dir)
    try:
        with app.db.session() as session:
            add_checklist(session, checklist_data())
            fill(session)
    finally:
        app.close()
    return data_dir


@pytest.fixture
def rounds(data_dir):
    def fill(session):
        baseline = [Case(Sex.KVINNA, {"fragat": "ja"})] * 6 + [Case(Sex.MAN, {"fragat": "nej"})] * 6
        before = add_round(session, "Före 2024", baseline)
        add_round(session, "Känd 2026", known_cases(), baseline_uuid=before)

    return filled(data_dir, fill)


def aggregate_cli(capsys, data_dir, *args):
    code = main(["aggregate", "--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(capsys, rounds):
    code, out, err = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--format", "json", "--by", "unit")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert (doc["format"], doc["counts"]["cases"], doc["request"]["breakdown"]) == ("reviewer-aggregate", 102, "unit")
    assert [f["question_key"] for f in doc["findings"]] == ["skal", "dagar", "fragat", "kostnad"]
    assert doc["tested"]["questions"] == 7
    assert doc["findings"][2]["message"]["sv"].startswith("Frågade handläggaren om barn? Ja: Kvinnor 42 % (21 av 50)")
    assert "before_after" not in doc


def test_text_output_findings_first_then_a_table_per_section(capsys, rounds):
    code, out, _ = aggregate_cli(capsys, rounds, "--round", "Känd 2026")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Känd 2026 (2026)"
    assert lines[1] == "102 ärenden (kvinnor 50, män 49, annat 2, okänt 1), checklista testmall@1"
    flagged = lines.index("Flaggade skillnader")
    assert lines[flagged + 1].startswith("  7 frågor jämfördes mellan könen.")
    assert "justerade för antalet (Benjamini–Hochberg)" in lines[flagged + 1]
    assert lines[flagged + 3].startswith(
        "  ◆ Handläggningstid i dagar: Kvinnor median 12 dagar (n = 30), män median 8 dagar (n = 28): kvot 1,5 (95 % KI"
    )
    assert "säkra" not in out
    section = lines.index("Ärendet")
    assert section > flagged
    header = [cell.strip() for cell in lines[section + 1].split("  ") if cell.strip()]
    assert header == [
        "fråga",
        "kvinnor",
        "män",
        "annat",
        "okänt",
        "totalt",
        "skillnad (95 % KI)",
        "p",
        "justerat p",
        "flagga",
    ]
    row = next(line for line in lines if "Frågade handläggaren om barn? – Ja" in line)
    # each share with its 95 % Wilson interval (21 of 50: 29–56 %) and its base
    assert "42 % (29–56, n 50)" in row
    assert "71 % (" in row and ", n 49)" in row
    assert "57 % (" in row and ", n 102)" in row  # Totalt: 21 + 35 + 2 of 102
    # SCB's other view: of the 58 who answered ja, 36 % women (21), 60 % men (35), 3 % annat (2), 0 % okänt
    distribution = lines[lines.index(row) + 1]
    assert distribution.split() == [
        *("·", "könsfördelning", "36", "%", "60", "%", "3", "%", "0", "%", "100", "%", "(n", "58)")
    ]
    assert "95 % KI (Wilson)" in out
    assert "-29,4 p.e. (-46 till -10)" in row
    assert [cell.strip() for cell in row.split("  ") if cell.strip()][-3:] == ["0,004", "0,01", "◆"]
    assert "Kommentar (sammanställs inte)" in out


def test_text_with_a_breakdown_shows_a_row_per_stratum(capsys, rounds):
    code, out, _ = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--by", "age_band")
    assert code == 0
    lines = out.splitlines()
    row = next(i for i, line in enumerate(lines) if "Frågade handläggaren om barn? – Ja" in line)
    assert lines[row + 1].split()[:4] == ["·", "Unga", "42", "%"]


def test_filters_thresholds_and_a_file(capsys, rounds, tmp_path):
    target = tmp_path / "ut" / "sammanstallning.json"
    code, out, _ = aggregate_cli(
        capsys,
        rounds,
        "--round",
        "Känd 2026",
        "--unit",
        "Norr",
        "--reviewer",
        "AB",
        "--min-difference",
        "30",
        "--fdr-q",
        "0.01",
        "--format",
        "json",
        "-o",
        target,
    )
    assert code == 0
    assert out.strip() == f"Skrev {target}"
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert (doc["request"]["unit"], doc["request"]["reviewer"]) == ("Norr", "AB")
    assert doc["request"]["thresholds"]["min_difference_pp"] == 30.0
    assert doc["request"]["thresholds"]["fdr_q"] == 0.01
    # --min-difference is in percentage points; medians keep the 10 % rule
    assert [f["question_key"] for f in doc["findings"]] == ["dagar", "kostnad"]


def test_compare_with_the_rounds_own_baseline(capsys, rounds):
    code, out, _ = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--compare", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    before_after = doc["before_after"]
    assert before_after["before"]["rounds"][0]["name"] == "Före 2024"
    asked = next(q for q in before_after["questions"] if q["key"] == "fragat")
    assert asked["before"]["state"] == "ok"
    assert asked["groups"]["female"]["before"] == 100.0
    code, out, _ = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--compare", "Före 2024")
    assert code == 0
    assert "Före/efter: Före 2024 (12 ärenden) → Känd 2026 (102 ärenden)" in out
    table = out[out.index("Före/efter") :].splitlines()
    row = next(line for line in table if line.startswith("  Frågade handläggaren om barn?"))
    # women 100 % and men 0 % before (a gap of +100 points), now 42 % and 71 % (−29.4): the gap moved by −129.4
    cells = [cell.strip() for cell in row.split("  ") if cell.strip()]
    assert cells[1:3] == ["100 p.e.", "-29,4 p.e."]
    assert cells[3].startswith("-129,4 p.e. (")
    # its own p and the adjusted p, both labelled
    assert cells[4:] == ["< 0,001", "< 0,001", "skillnaden har bytt riktning"]
    header = next(line for line in table if line.startswith("  fråga (jämfört alternativ)"))
    assert [cell.strip() for cell in header.split("  ") if cell.strip()][4:6] == ["p", "justerat p"]
    assert "p = förändringens eget p-värde (ojusterat); justerat p = justerat för antalet prövade frågor" in out


def test_english(capsys, rounds, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    code, out, _ = aggregate_cli(capsys, rounds, "--round", "Känd 2026")
    assert code == 0
    assert "Flagged differences" in out
    assert "102 cases (women 50, men 49, other 2, unknown 1), checklist testmall@1" in out
    assert "EN Handläggningstid i dagar: Women median 12 days (n = 30), men median 8 days (n = 28)" in out


def test_refusals(capsys, rounds):
    code, _, err = aggregate_cli(capsys, rounds, "--round", "Finns inte")
    assert (code, err.strip()) == (1, "fel: Det finns ingen omgång som heter 'Finns inte'")
    code, _, err = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--round", "Före 2024", "--compare")
    assert code == 1
    assert "ange bara en --round" in err
    code, _, err = aggregate_cli(capsys, rounds, "--round", "Före 2024", "--compare")
    assert code == 1
    assert "har ingen jämförelseomgång" in err
    code, _, err = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--alpha", "2")
    assert (code, err.strip()) == (1, "fel: --alpha ska ligga mellan 0 och 1")
    code, _, err = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--fdr-q", "0")
    assert (code, err.strip()) == (1, "fel: --fdr-q ska ligga mellan 0 och 1")
    code, _, err = aggregate_cli(capsys, rounds, "--round", "Känd 2026", "--round", "Före 2024", "--trend")
    assert (code, err.strip()) == (1, "fel: En trend behöver minst tre omgångar; jämför två omgångar med före/efter")
    with pytest.raises(SystemExit):
        main(["aggregate", "--data-dir", str(rounds), "--round", "Känd 2026", "--by", "kön"])


@pytest.fixture
def three_rounds(data_dir):
    def fill(session):
        for name, women, men, days in TREND_ROUNDS:
            add_round(session, name, trend_cases(women, men, days), code_prefix=name[-2:])

    return filled(data_dir, fill)


def test_trend_over_three_rounds(capsys, three_rounds):
    """The gap per round with its interval and the tested trend, in text and JSON, from the command line."""
    names = [arg for name, *_ in TREND_ROUNDS for arg in ("--round", name)]
    code, out, err = aggregate_cli(capsys, three_rounds, *names, "--trend")
    assert (code, err) == (0, "")
    trend_part = out[out.index("Trend: År 2024 → År 2025 → År 2026") :]
    row = next(line for line in trend_part.splitlines() if line.startswith("  Frågade handläggaren om barn? – Ja"))
    cells = [cell.strip() for cell in row.split("  ") if cell.strip()]
    assert cells[1].startswith("60 p.e. (") and cells[2].startswith("20 p.e. (") and cells[3].startswith("0 p.e. (")
    assert cells[-1] == "skillnaden har minskat"
    assert "trendens eget p-värde (ojusterat)" in trend_part
    code, out, err = aggregate_cli(capsys, three_rounds, *names, "--trend", "--format", "json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["counts"]["cases"] == 240  # the three rounds together
    asked = next(q for q in document["trend"]["questions"] if q["key"] == "fragat")
    assert [round(p["gap"]) for p in asked["points"]] == [60, 20, 0]
    assert all(p["low"] < p["gap"] < p["high"] for p in asked["points"])
    assert asked["slope_low"] < asked["slope"] < asked["slope_high"] < 0
    assert asked["verdict"] == "narrowed"
