"""The PDF report read back as a reader (pdftotext), a librarian (pdfinfo) and a printer (pdffonts) would: the
cover facts, the findings and figures exactly as the service formats them, the page numbers, the embedded font, the
metadata, and nothing personal."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from reviewer.domain.disclosure import Reason
from reviewer.domain.sex import SexGroup
from reviewer.reports.guard import ExportGuard, ExportRefusedError
from reviewer.reports.pdf import ANONYMISED_MARK, INTERNAL_MARK, PROGRAM, render_pdf, write_pdf
from reviewer.services.aggregation.text import format_amount, format_number, format_percent
from reviewer.services.anonymisation import checklist_texts, forbidden_strings
from reviewer.services.report import ReportData, ReportRequest, build_report
from reviewer.services.rounds import rename_round
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.report_data import SECRETS, known_round_with_secrets
from tests.tools import require_tool


@pytest.fixture(autouse=True)
def poppler_tools():
    for tool in ("pdftotext", "pdffonts", "pdfinfo"):
        require_tool(tool)


TODAY = dt.date(2026, 5, 4)


def poppler(tool: str, path: Path, *options: str) -> str:
    return subprocess.run(
        [tool, *options, str(path), *(["-"] if tool == "pdftotext" else [])],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def flat(text: str) -> str:
    """The text with every run of white space as one space: paragraphs wrap wherever the line ends."""
    return " ".join(text.split())


def guard_of(session, data: ReportData) -> ExportGuard:
    return ExportGuard(forbidden_strings(session), checklist_texts(session, data.checklist_slug))


@pytest.fixture
def report(app, tmp_path) -> tuple[ReportData, Path]:
    with app.db.session() as session:
        round_uuid, _ = known_round_with_secrets(session)
        data = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
        guard = guard_of(session, data)
    path = tmp_path / "rapport" / "granskning.pdf"
    write_pdf(data, path, guard)
    return data, path


def test_cover_summary_and_findings(report):
    data, path = report
    text = poppler("pdftotext", path)
    cover = flat(text.split("\f")[0])
    assert "Jämställdhetsgranskning – Testmall" in cover
    assert "Enhet Norr" in cover
    assert "Omgång och period Känd 2026 (2026)" in cover
    assert "Jämförs med Före 2024 (2026)" in cover
    assert "Checklista testmall@1" in cover
    assert "Rapportens datum 2026-05-04" in cover
    assert INTERNAL_MARK in cover
    assert ANONYMISED_MARK not in text
    everything = flat(text)
    assert "Innehåll" in everything
    findings = data.aggregate.findings
    assert len(findings) == 4  # beslut (p = 0,046) is not flagged after the adjustment (0,06)
    for finding in findings:
        assert flat(finding.message.sv) in everything
    # most material first, as the service sorts them
    positions = [everything.index(flat(f.message.sv)) for f in findings]
    assert positions == sorted(positions)
    assert "Granskningen omfattar 102 ärenden (kvinnor 50, män 49, annat 2, okänt 1)." in everything


def test_the_section_tables_show_the_aggregations_figures(report):
    data, path = report
    lines = poppler("pdftotext", path, "-layout").splitlines()
    asked = data.aggregate.question("fragat")
    c = asked.comparison
    row = next(i for i, line in enumerate(lines) if "Frågade handläggaren om barn? – Ja" in line)
    figures = lines[row].split()
    total = asked.total.options[0]
    for percent in (c.female_percent, c.male_percent, total.percent):
        assert format_percent(percent, "sv").split()[0] in figures
    assert f"{format_number(c.difference_pp, 'sv')} p.e." in lines[row]  # -29,4 p.e.
    assert figures[-1] == "Ja"
    assert re.search(r"21 av 50\s+35 av 49\s+58 av 102", lines[row + 1])
    days = data.aggregate.question("dagar")
    row = next(i for i, line in enumerate(lines) if "Handläggningstid i dagar – median" in line)
    assert format_amount(days.groups[SexGroup.FEMALE].numbers.median, "days", "sv") in lines[row]  # 12 dagar
    assert "kvot 1,5" in lines[row]
    assert re.search(r"n ?= ?30\s+n ?= ?28\s+n ?= ?1\s+n ?= ?59", lines[row + 1])  # pdftotext may drop a space
    money = data.aggregate.question("kostnad").comparison
    assert format_amount(money.female_median, "money", "sv") in "\n".join(lines)  # 12 500 kr
    # free text is not summarised; a question not compared by sex has no difference
    assert "Kommentar" not in "\n".join(lines)
    row = next(line for line in lines if "Blankett på lätt svenska? – Ja" in line)
    assert "p.e." not in row


def test_agreement_and_method(report):
    _, path = report
    text = flat(poppler("pdftotext", path))
    assert (
        "8 ärenden har granskats av två eller fler (16 granskningar av 3 granskare). Svaren var lika i 75 % av 8 par "
        "av svar på samma ärende; kappa är i genomsnitt 0,5." in text
    )
    assert "inte ett omdöme om granskarna" in text
    # the same figures as `reviewer agreement`: Fleiss' kappa 0.50 without an interval on eight cases, and why
    assert "Fleiss kappa 0,50" in text
    assert "måttlig (kappa)" in text
    assert "För få ärenden för ett intervall (minst 10 behövs): Frågade handläggaren om barn?" in text
    assert (
        "Kön avser: den som ärendet gäller. Ärendena granskades av 3 granskare med checklistan ”Testmall” version 1."
        in text
    )
    assert "Bara klara granskningar räknas." in text
    assert "Fishers exakta test" in text
    assert "minst 10 procentenheter" in text


def test_before_after(report):
    data, path = report
    text = flat(poppler("pdftotext", path))
    assert "Före och efter" in text
    assert "Känd 2026 (102 ärenden) jämförs med Före 2024 (12 ärenden)" in text
    # women 100 % and men 0 % before, 42 % and 71 % now: the gap went from +100 to -29.4 points, men now clearly ahead
    change = next(c for c in data.before_after.questions if c.key == "fragat")
    assert change.verdict == "reversed"
    assert "Blankett på lätt svenska?" not in text[text.index("Känd 2026 (102 ärenden) jämförs") :]  # not by sex
    lines = poppler("pdftotext", path, "-layout").splitlines()
    section = next(i for i, line in enumerate(lines) if "Känd 2026 (102 ärenden) jämförs" in line)
    row = next(i for i, line in enumerate(lines) if i > section and line.startswith("Frågade handläggaren"))
    words = lines[row].split()
    start = words.index("100")
    # the change's own p, then the adjusted p, then the verdict (wrapped in its column)
    expected = ["100", "p.e.", "-29,4", "p.e.", "-129,4", "p.e.", "<", "0,001", "<", "0,001", "skillnaden", "har"]
    assert words[start:] == expected
    assert re.search(r"100 % mot 0 %\s+42 % mot 71 %\s+\(-146 till -71\)\s+bytt riktning", lines[row + 1])
    # a question the baseline is too small for is not called anything but untestable
    row = next(i for i, line in enumerate(lines) if i > section and line.startswith("Framkom våld? – Ja"))
    assert re.search(r"för litet\s+-16,7 p\.e\.\s+–\s+–\s+–\s+kan inte", lines[row])  # change, p, adjusted p
    assert re.search(r"underlag.*prövas", lines[row + 1])


def test_page_numbers_contents_and_metadata(report):
    _, path = report
    info = poppler("pdfinfo", path)
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    pages = int(fields["Pages"])
    assert pages >= 4
    assert fields["Title"].strip() == "Jämställdhetsgranskning – Testmall"
    assert fields["Author"].strip() == PROGRAM
    assert fields["Creator"].strip() == PROGRAM
    assert fields["Subject"].strip() == f"{INTERNAL_MARK}: Känd 2026 (2026)"
    assert "jämställdhetsgranskning" in fields["Keywords"]
    assert fields["Page size"].strip().startswith("595.276 x 841.89")
    text = poppler("pdftotext", path)
    for number, page in enumerate(text.split("\f")[:pages], start=1):
        assert f"Sida {number} av {pages}" in page
    contents = flat(text.split("\f")[1])
    assert re.search(r"1 Sammanfattning[ .]*3", contents)
    assert "2.4 Överensstämmelse mellan granskare" in contents
    assert "3.1 Ärendet" in contents


def test_the_font_is_embedded_truetype(report):
    _, path = report
    rows = poppler("pdffonts", path).splitlines()[2:]
    assert rows
    for row in rows:
        assert "TrueType" in row
        assert re.search(r"\byes\s+yes\s+yes\b", row), row  # embedded, subset, with a Unicode map
    assert b"/FontFile2" in path.read_bytes()


def test_no_personal_data_or_free_text(report):
    _, path = report
    text = poppler("pdftotext", path)
    raw = path.read_bytes()
    for secret in SECRETS:
        assert secret not in text
        assert secret.encode() not in raw
    assert not re.search(r"T-\d{4}", text)


def test_no_findings_says_so(app, tmp_path):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        same = [Case(s, {"fragat": "ja"}) for s in ("kvinna", "man") for _ in range(6)]
        round_uuid = add_round(session, "Lika 2026", same)
        data = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
    text = flat(subprocess.run(["pdftotext", "-", "-"], input=render_pdf(data), capture_output=True).stdout.decode())
    assert (
        "Ingen fråga kunde jämföras mellan könen (för få svar eller ingen variation). Därför flaggas inga skillnader."
        in text
    )
    assert "Ej tillgängligt: inget ärende i urvalet har granskats av två eller fler granskare" in text
    assert "Före och efter" not in text


def test_characters_the_font_lacks_are_replaced_and_markup_is_text(app, tmp_path):
    data = checklist_data()
    data["sections"][0]["questions"][0]["text"]["sv"] = "Tid ansökan → beslut ◆ klar?"
    data["sections"][0]["title"]["sv"] = "Ärendet & <beslutet>"  # markup characters are text
    with app.db.session() as session:
        add_checklist(session, data)
        round_uuid = add_round(session, "Pilar 2026", [Case("kvinna", {"fragat": "ja"})])
        report = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
        guard = guard_of(session, report)
    path = tmp_path / "pilar.pdf"
    write_pdf(report, path, guard)
    text = poppler("pdftotext", path, "-layout")
    assert "Tid ansökan – beslut * klar? – Ja" in text
    assert text.count("Ärendet & <beslutet>") == 2  # the contents and the heading


def test_a_child_checklist_speaks_of_girls_and_boys(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data(subject="child"))
        cases = [Case("flicka", {"fragat": "ja", "dagar": 10}) for _ in range(6)]
        cases += [Case("pojke", {"fragat": "nej", "dagar": 20}) for _ in range(6)]
        round_uuid = add_round(session, "Barn 2026", cases)
        data = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
    text = flat(subprocess.run(["pdftotext", "-", "-"], input=render_pdf(data), capture_output=True).stdout.decode())
    assert "Granskningen omfattar 12 ärenden (flickor 6, pojkar 6, annat 0, okänt 0)." in text
    assert "Fråga Flickor Pojkar Annat Okänt Totalt" in text
    assert "Kvinnor" not in text


@pytest.fixture
def anonymised(app, tmp_path) -> tuple[ReportData, str, ReportData, str]:
    """The anonymised report of the known round and its text, and the internal report's for contrast."""
    with app.db.session() as session:
        round_uuid, _ = known_round_with_secrets(session)
        data = build_report(session, ReportRequest((round_uuid,), anonymised=True), today=TODAY)
        internal = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
        guard = guard_of(session, data)
    path = tmp_path / "anonymiserad.pdf"
    write_pdf(data, path, guard)
    internal_text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=render_pdf(internal), capture_output=True, check=True
    ).stdout.decode()
    return data, poppler("pdftotext", path, "-layout"), internal, internal_text


def test_the_anonymised_report_is_marked_and_hides_what_the_anonymised_result_hides(anonymised):
    data, text, internal_data, internal = anonymised
    result = data.anonymised
    assert result is not None
    everything = flat(text)
    assert ANONYMISED_MARK in everything
    assert INTERNAL_MARK not in everything
    # 2 annat and 1 okänt: each reported as fewer than k; the total is women and men's, and says so
    assert result.method.cases["other"].count is None and result.method.cases["unknown"].count is None
    assert result.method.cases["total"].count == 99
    assert (
        "Granskningen omfattar 99 ärenden om kvinnor och män (kvinnor 50, män 49) och färre än 5 ärenden med "
        "annat kön och färre än 5 ärenden med okänt kön." in everything
    )
    assert "Granskningen omfattar 102 ärenden" in flat(internal)
    # a row of the table: women's and men's figures as published, annat and okänt hidden
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if "Frågade handläggaren om barn? – Ja" in line)
    asked = result.question("fragat")
    assert asked.rows[0].cells["other"].count is None and asked.rows[0].cells["unknown"].count is None
    # the last column is women and men's: 56 of 99
    assert lines[row].split()[-11:] == ["42", "%", "71", "%", "x", "x", "57", "%", "-29,4", "p.e.", "Ja"]
    assert re.search(r"21 av 50\s+35 av 49\s+56 av 99\s+\(-46 till -10\)$", lines[row + 1])
    # the sex distribution would need the hidden annat and okänt counts
    assert lines[row + 3].split() == ["Könsfördelning", "x", "x", "x", "x", "x"]
    assert "2 av 2" not in text
    assert "2 av 2" in internal
    # "Vilka skäl anges?": four women chose c, so the comparison is hidden – and its finding is left out
    reasons = result.question("skal")
    assert (reasons.comparison, reasons.comparison_reason) == (None, Reason.SECONDARY)
    row = next(line for line in lines if "Vilka skäl anges? – A" in line)
    assert row.split()[-1] == "x"
    assert "Ytterligare 1 jämförelse redovisas inte för att skydda enskilda" in everything
    (hidden_finding,) = [f for f in internal_data.aggregate.findings if f.question_key == "skal"]
    assert flat(hidden_finding.message.sv) in flat(internal)
    assert flat(hidden_finding.message.sv) not in everything
    for finding in result.findings:
        assert flat(finding.message.sv) in everything
    assert len(result.findings) == 3
    # the notes on hidden cells
    assert f"döljer samma: {result.method.n_hidden} uppgifter är dolda" in everything
    assert "x = dolt: färre än 5 ärenden, eller beräkningsbart från andra uppgifter" in everything


def test_the_anonymised_before_after_hides_suppressed_comparisons(anonymised):
    _, text, _, _ = anonymised
    lines = text.splitlines()
    section = next(i for i, line in enumerate(lines) if "jämförs med Före 2024 (12 ärenden)" in line)
    assert "Känd 2026 (99 ärenden om kvinnor och män)" in flat("\n".join(lines[section - 1 : section + 1]))
    row = next(line for line in lines[section:] if line.strip().startswith("Vilka skäl anges?"))
    assert row.split()[-4:] == ["x", "x", "x", "x"]  # after, change, p, verdict
    row = next(line for line in lines[section:] if line.startswith("Frågade handläggaren"))
    words = row.split()
    start = words.index("100")
    assert words[start : start + 8] == ["100", "p.e.", "-29,4", "p.e.", "-129,4", "p.e.", "<", "0,001"]
    assert not any(line.strip().startswith("Blankett på lätt svenska?") for line in lines[section:])


def test_the_anonymised_report_has_no_personal_data_either(anonymised):
    _, text, _, _ = anonymised
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize("anonymise", [False, True])
def test_the_guard_refuses_a_report_that_would_name_a_case(app, tmp_path, anonymise):
    with app.db.session() as session:
        round_uuid, _ = known_round_with_secrets(session)
        rename_round(session, round_uuid, "Uppföljning av T-0042")
        data = build_report(session, ReportRequest((round_uuid,), anonymised=anonymise), today=TODAY)
        guard = guard_of(session, data)
    path = tmp_path / "ut" / "rapport.pdf"
    with pytest.raises(ExportRefusedError) as error:
        write_pdf(data, path, guard)
    assert error.value.kind == "case_code"
    where = "den anonymiserade rapporten" if anonymise else "rapporten"
    assert error.value.message.sv.startswith(f"Exporten stoppades: {where} skulle ha innehållit ett ärendes kod.")
    assert "T-0042" not in error.value.message.sv
    assert not path.parent.exists()
