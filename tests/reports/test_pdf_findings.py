"""The PDF's findings as issue 14 asks: what is flagged and how many questions were tested, raw and adjusted p named
for what they test, the intervals, SCB's Totalt column and sex distribution, no percentage on a base under 5,
before/after verdicts counted honestly – and in the anonymised report none of the new figures gives a hidden one
away. Read back with pdftotext, as a reader would."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections import Counter

import pytest

from reviewer.domain.disclosure import Reason
from reviewer.domain.sex import Sex, SexGroup
from reviewer.reports.pdf import render_pdf
from reviewer.services.aggregation import GROUPS, sex_distribution
from reviewer.services.aggregation.text import (
    TEST_WORDS,
    VERDICT_WORDS,
    comparisons_summary,
    format_amount,
    format_number,
    format_p,
    format_percent,
    p_text,
)
from reviewer.services.report import ReportData, ReportRequest, build_report
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.report_data import known_round_with_secrets

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
TODAY = dt.date(2026, 5, 4)


def pdf_text(data: ReportData, layout: bool = False) -> str:
    options = ["-layout"] if layout else []
    return subprocess.run(
        ["pdftotext", *options, "-", "-"], input=render_pdf(data), capture_output=True, check=True
    ).stdout.decode()


def flat(text: str) -> str:
    return " ".join(text.split())


def row_of(lines: list[str], start: str) -> int:
    return next(i for i, line in enumerate(lines) if line.strip().startswith(start))


@pytest.fixture
def known(app) -> tuple[ReportData, str, list[str]]:
    with app.db.session() as session:
        round_uuid, _ = known_round_with_secrets(session)
        data = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
    return data, flat(pdf_text(data)), pdf_text(data, layout=True).splitlines()


def test_the_summary_says_how_many_were_tested_and_what_is_flagged(known):
    data, text, _ = known
    aggregate, t = data.aggregate, data.thresholds
    assert aggregate.n_tested == 7
    assert flat(comparisons_summary(7, 0, t.fdr_q, t.alpha, "sv")) in text
    assert (
        "4 skillnader mellan kvinnor och män flaggas: de är minst 10 procentenheter (för tal minst 10 % högre för "
        "någon av grupperna) och tydliga även efter justeringen för antalet jämförelser (justerat p under 0,05)"
    ) in text
    for words in ("säkra", "statistiskt säker"):
        assert words not in text


def test_raw_and_adjusted_p_are_shown_and_named_for_what_they_test(known):
    data, text, lines = known
    compared = [q for s in data.aggregate.sections for q in s.questions if q.comparison and q.comparison.test]
    assert len(compared) == 7
    for question in compared:
        assert flat(p_text(question.comparison, "sv")) in text, question.key
    # the single choice question's p is of the whole distribution, shown under the row of one option
    row = row_of(lines, "Vad blev beslutet? – Avslag")
    assert "p = 0,046, justerat p = 0,06 (chi2-test av" in lines[row + 1]
    assert "hela svarsfördelningen" in lines[row + 2]
    # Mann–Whitney is named for what it tests, not as a test of medians
    assert TEST_WORDS["mann_whitney"].sv in text
    assert "inte om medianerna gör det" in text


def test_the_tables_show_wilson_newcombe_and_bootstrap_intervals(known):
    data, _, lines = known
    asked = data.aggregate.question("fragat")
    c = asked.comparison
    row = row_of(lines, "Frågade handläggaren om barn? – Ja")
    female, male = (asked.groups[g].options[0] for g in (SexGroup.FEMALE, SexGroup.MALE))
    wilson = [f"({format_number(o.ci_low, 'sv', 0)}–{format_number(o.ci_high, 'sv', 0)})" for o in (female, male)]
    assert wilson == ["(29–56)", "(58–82)"]
    assert re.search(rf"{re.escape(wilson[0])}\s+{re.escape(wilson[1])}", lines[row + 2])
    newcombe = f"({format_number(c.difference_low, 'sv', 0)} till {format_number(c.difference_high, 'sv', 0)})"
    assert newcombe in lines[row + 1]  # (-46 till -10)
    cost = data.aggregate.question("kostnad").comparison
    row = row_of(lines, "Dygnskostnad – median")
    median = f"({format_number(cost.median_ratio_low, 'sv', 2)}–{format_number(cost.median_ratio_high, 'sv', 2)})"
    assert median in lines[row + 1]
    row = next(i for i in range(row, len(lines)) if lines[i].strip().startswith("medelvärde"))
    assert format_amount(cost.female_mean, "money", "sv") in lines[row]
    assert f"kvot {format_number(cost.mean_ratio, 'sv', 2)}" in lines[row]
    mean = f"({format_number(cost.mean_ratio_low, 'sv', 2)}–{format_number(cost.mean_ratio_high, 'sv', 2)})"
    assert mean in lines[row + 1]
    row = row_of(lines[row:], "summa") + row
    sums = [format_amount(v, "money", "sv") for v in (cost.female_total, cost.male_total, 225000.0)]
    # annat and okänt gave no amount: a dash each
    assert re.search(r"\s+".join(sums[:2]) + r"\s+–\s+–\s+" + sums[2], lines[row].replace("\xa0", " "))


def test_a_totalt_column_and_the_sex_distribution(known):
    data, _, lines = known
    asked = data.aggregate.question("fragat")
    row = row_of(lines, "Frågade handläggaren om barn? – Ja")
    total = asked.total.options[0]
    assert (total.count, asked.total.base) == (58, 102)
    assert format_percent(total.percent, "sv") in lines[row]
    assert re.search(r"35 av 49\s+58 av 102", lines[row + 1])
    distribution = sex_distribution(asked.groups, "ja")
    shares = [format_percent(distribution[g], "sv") for g in GROUPS]
    assert shares == ["36 %", "60 %", "3 %", "0 %"]
    row = row_of(lines, "Könsfördelning")
    assert lines[row].split() == ["Könsfördelning", "36", "%", "60", "%", "3%", "0%", "100", "%"]
    assert "av alla 58 som svarat Ja" in lines[row + 1]


def test_no_percentage_on_a_base_under_5(known):
    data, text, lines = known
    other = data.aggregate.question("fragat").groups[SexGroup.OTHER]
    unknown = data.aggregate.question("fragat").groups[SexGroup.UNKNOWN]
    assert (other.base, other.options[0].count, other.options[0].percent) == (2, 2, None)
    assert (unknown.base, unknown.options[0].count, unknown.options[0].percent) == (1, 0, None)
    row = row_of(lines, "Frågade handläggaren om barn? – Ja")
    # annat and okänt: the count only, between men and Totalt
    assert re.search(r"71 %\s+2 av 2\s+0 av 1\s+57 %", lines[row])
    assert "67 %" not in "\n".join(lines)
    assert "Där färre än 5 har svarat står bara antalet, utan procentsats" in text


# ---------------------------------------------------------------------------------------------------------------
# Before/after


def _round(women_yes: int, men_yes: int, women_days: list[int]) -> list[Case]:
    """40 women and 40 men: "fragat" ja for the given numbers, the same decisions in both groups, days."""
    cases = []
    for sex, yes, days in ((Sex.KVINNA, women_yes, women_days), (Sex.MAN, men_yes, [10] * 20 + [11] * 20)):
        decisions = ["beviljat"] * 20 + ["delvis"] * 10 + ["avslag"] * 10
        for i in range(40):
            answers = {"fragat": "ja" if i < yes else "nej", "beslut": decisions[i], "dagar": days[i]}
            cases.append(Case(sex, answers))
    return cases


@pytest.fixture
def before_after(app) -> tuple[ReportData, str, list[str]]:
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        baseline = add_round(session, "Före 2025", _round(30, 10, [10] * 20 + [12] * 20))
        after = add_round(session, "Efter 2026", _round(20, 20, [10] * 20 + [13] * 20), baseline_uuid=baseline)
        data = build_report(session, ReportRequest((after,)), today=TODAY)
    return data, flat(pdf_text(data)), pdf_text(data, layout=True).splitlines()


def test_before_after_counts_every_verdict(before_after):
    data, text, _ = before_after
    verdicts = {c.key: c.verdict for c in data.before_after.questions if c.status == "compared"}
    # a 50-point gap closed; an identical distribution; a hair's change in days
    assert (verdicts["fragat"], verdicts["beslut"], verdicts["dagar"]) == ("narrowed", "unchanged", "no_clear_change")
    counts = Counter(v for k, v in verdicts.items() if k != "ej_jamford")
    assert counts["not_tested"] == 4  # no answers in either round
    assert (
        "Jämfört med Före 2025 (2026) prövades förändringen av skillnaden mellan kvinnor och män för 3 frågor: den "
        "har minskat för 1, ökat för 0, är oförändrad för 1 och visar ingen säker förändring för 1. 4 kunde inte "
        "prövas (för litet underlag i någon av omgångarna)."
    ) in text
    assert "minskat för 1 av" not in text


def test_the_before_after_table_shows_option_change_interval_p_and_verdict(before_after):
    data, _, lines = before_after
    change = next(c for c in data.before_after.questions if c.key == "fragat")
    section = row_of(lines, "Fråga – jämfört svar")
    row = row_of(lines[section:], "Frågade handläggaren") + section
    gap = change.gap
    assert f"{format_number(gap.change, 'sv')} p.e." in lines[row]  # -50 p.e.
    assert f"({format_number(gap.low, 'sv', 0)} till {format_number(gap.high, 'sv', 0)})" in lines[row + 1]
    raw, adjusted = (format_p(p, "sv").removeprefix("p = ").removeprefix("p ") for p in (gap.p_value, gap.p_adjusted))
    assert re.search(rf"50 p\.e\.\s+0 p\.e\.\s+-50 p\.e\.\s+{raw}\s+{adjusted}\s+skillnaden", lines[row])
    # both p-values, labelled: the change's own and the adjusted one
    assert re.search(r"Förändring\s+p\s+Justerat\s+Bedömning", lines[section])
    assert "75 % mot 25 %" in lines[row + 1] and "50 % mot 50 %" in lines[row + 1]
    decided = row_of(lines[section:], "Vad blev beslutet?") + section
    assert VERDICT_WORDS["unchanged"].sv in lines[decided]
    assert "Svaret med störst skillnad i båda" in " ".join(lines[decided : decided + 3])  # how the option was chosen
    days = row_of(lines[section:], "Handläggningstid i dagar") + section
    assert "ingen säker" in lines[days] and "förändring" in lines[days + 1]
    days_gap = next(c for c in data.before_after.questions if c.key == "dagar").gap
    assert f"×{format_number(days_gap.change, 'sv', 2)}" in lines[days]


# ---------------------------------------------------------------------------------------------------------------
# The anonymised report


@pytest.fixture
def dominated(app) -> tuple[ReportData, ReportData]:
    """Women's costs: ten small and two huge, so the dominance rule hides their sum; men's are all alike."""
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        women = [Case(Sex.KVINNA, {"kostnad": v, "fragat": "ja"}) for v in [100] * 10 + [200_000] * 2]
        men = [Case(Sex.MAN, {"kostnad": 1000, "fragat": "nej"}) for _ in range(12)]
        round_uuid = add_round(session, "Kostnad 2026", women + men)
        internal = build_report(session, ReportRequest((round_uuid,)), today=TODAY)
        anonymised = build_report(session, ReportRequest((round_uuid,), anonymised=True), today=TODAY)
    return internal, anonymised


def test_the_anonymised_report_prints_no_mean_or_sum_the_dominance_rule_hides(dominated):
    internal, anonymised = dominated
    cost = anonymised.anonymised.question("kostnad")
    assert cost.numbers["female"].total_reason is Reason.DOMINANCE
    assert cost.comparison is not None and cost.comparison.flagged  # the medians are published, and flagged
    full = internal.aggregate.question("kostnad").comparison
    women_mean = format_amount(full.female_mean, "money", "sv")  # what would give the sum away
    women_sum = format_amount(full.female_total, "money", "sv")
    mean_ratio = f"kvot {format_number(full.mean_ratio, 'sv', 2)}"
    inside = flat(pdf_text(internal))
    for figure in (women_mean, women_sum, mean_ratio):
        assert figure in inside  # the internal report has them all
    text = pdf_text(anonymised, layout=True)
    for figure in (women_mean, women_sum, mean_ratio):
        assert figure not in text.replace("\xa0", " ")
    lines = text.splitlines()
    row = row_of(lines, "Dygnskostnad – median")
    row = row_of(lines[row:], "medelvärde") + row
    assert lines[row].split()[:2] == ["medelvärde", "x"]
    assert lines[row].split()[-1] == "x"  # the ratio of the means
    # the finding is written again without the means; the median ratio and the test stay
    (finding,) = [f for f in anonymised.anonymised.findings if f.question_key == "kostnad"]
    assert "medelvärde" not in finding.message.sv  # the anonymised result's own sentence leaves the means out
    everything = flat(text)
    assert "Dygnskostnad: Kvinnor median 100 kr (n = 12), män median 1 000 kr (n = 12): kvot 0,1" in everything
    assert "medelvärde 33" not in everything
