"""The anonymised result: counts from the aggregation, small and recomputable figures hidden, what never enters it,
and attacks on its tables with what it publishes."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from sqlmodel import select

from reviewer.domain.disclosure import FrequencyTable, Reason, Rules
from reviewer.domain.sex import Sex, SexGroup
from reviewer.services.aggregation import AggregateRequest, AggregationError, aggregate
from reviewer.services.anonymisation import (
    COLUMNS,
    AnonymisedQuestion,
    AnonymisedResult,
    ExportError,
    ExportRequest,
    build_anonymised,
    checklist_texts,
    forbidden_strings,
)
from reviewer.services.anonymisation import queries as anonymisation_queries
from reviewer.services.demo import create_demo_data
from reviewer.services.rounds import find_round_by_name
from reviewer.storage.models import Case as CaseRow
from tests.domain.disclosure_attack import attack
from tests.reports.export_data import ACTOR, CODE_PREFIX, REVIEWERS, add_tempting_round
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data, spread

TODAY = dt.date(2026, 3, 14)
GROUP_COLUMNS = {SexGroup.FEMALE: "female", SexGroup.MALE: "male", SexGroup.OTHER: "other", SexGroup.UNKNOWN: "unknown"}


@pytest.fixture
def known(app):
    with app.db.session() as session:
        return add_tempting_round(session)


def anonymised(app, round_uuid: str, **request) -> AnonymisedResult:
    with app.db.session() as session:
        return build_anonymised(session, ExportRequest((round_uuid,), **request), today=TODAY)


def counts(question: AnonymisedQuestion, column: str) -> list[int | None]:
    return [row.cells[column].count for row in question.rows]


def table_of(
    question: AnonymisedQuestion, app, round_uuid: str, left_out: tuple[str, ...] = ()
) -> tuple[FrequencyTable, dict]:
    """The question's true table (from the aggregation) and the positions the result hides, for the attacker. With
    small annat or okänt groups left out, the table of the others, whose total column is published."""
    with app.db.session() as session:
        result = aggregate(session, AggregateRequest((round_uuid,)))
    truth = result.question(question.key)
    assert truth is not None
    groups = [g for g in GROUP_COLUMNS if GROUP_COLUMNS[g] not in left_out]
    columns = [*(GROUP_COLUMNS[g] for g in groups), "total"]
    cells = [[o.count for o in truth.groups[g].options] for g in groups]
    answered = tuple(truth.groups[g].n for g in groups)
    if len(question.rows) > len(cells[0]):
        # "ej aktuellt" of a yes/no/not applicable question: answered, but under no option
        for column, n in zip(cells, answered, strict=True):
            column.append(n - sum(column))
    rows = tuple(tuple(column[r] for column in cells) for r in range(len(cells[0])))
    multiple = question.type.value == "multiple_choice"
    table = FrequencyTable(rows, column_totals=answered) if multiple else FrequencyTable(rows)
    hidden = {}
    for r, row in enumerate([*question.rows, question.totals]):
        for c, column in enumerate(columns):
            if row.cells[column].count is None:
                hidden[(r, c)] = row.cells[column].reason
    return table, hidden


# ---------------------------------------------------------------------------------------------------------------
# Known answers: 50 women, 49 men, 2 annat, 1 okänt


def test_method_says_how_without_saying_who(app, known):
    result = anonymised(app, known)
    method = result.method
    assert (method.checklist_slug, method.checklist_version, method.checklist_title.sv) == ("testmall", 1, "Testmall")
    assert [(r.name, r.period_label) for r in method.rounds] == [("Granskning 2026", "2026")]
    assert method.cases["female"].count == 50
    assert method.cases["male"].count == 49
    # two annat and one okänt: each reported only as fewer than k; the total is women and men's, labelled so
    for column in ("other", "unknown"):
        assert method.cases[column].count is None and method.cases[column].reason is Reason.PRIMARY
    assert method.left_out == ("other", "unknown") and method.women_and_men
    assert method.cases["total"].count == 99 and method.cases["total"].reason is None
    assert method.n_reviewers == len(REVIEWERS)
    assert method.rules == Rules()
    assert method.exported_on == TODAY
    assert method.n_hidden == len(result.hidden)


def test_counts_and_percentages_are_the_aggregations(app, known):
    result = anonymised(app, known)
    with app.db.session() as session:
        truth = aggregate(session, AggregateRequest((known,)))
    question = result.question("fragat")
    assert question is not None and question.kind == "categorical"
    assert [r.value for r in question.rows] == ["ja", "nej"]
    for group, column in GROUP_COLUMNS.items():
        if group in (SexGroup.OTHER, SexGroup.UNKNOWN):
            continue
        expected = truth.question("fragat").groups[group]
        assert counts(question, column) == [o.count for o in expected.options]
        assert [r.cells[column].percent for r in question.rows] == [o.percent for o in expected.options]
        assert question.totals.cells[column].count == expected.n
    assert question.rows[0].cells["female"].percent == pytest.approx(42.0)
    # the comparison is the aggregation's, untouched
    assert question.comparison == truth.question("fragat").comparison


def test_small_annat_and_okant_are_hidden_with_their_complements(app, known):
    question = anonymised(app, known).question("beslut")
    assert question is not None
    # 2 annat and 1 okänt all "beviljat": every cell of both groups hidden, the zeros too
    for column in ("other", "unknown"):
        assert counts(question, column) == [None, None, None]
        assert question.totals.cells[column].count is None
    # the total column is women and men's: it reveals nothing of the three
    assert counts(question, "total") == [50, 20, 29]
    assert question.totals.cells["total"].count == 99
    # women and men are untouched, so the comparison stays
    assert counts(question, "female") == [20, 10, 20]
    assert question.comparison is not None and question.comparison.option == "avslag"


def test_annat_and_okant_are_columns_of_their_own_each_left_out_when_small(app):
    """Six annat, two okänt: annat is published as its own column, okänt is left out as fewer than k, and the total
    counts women, men and annat, labelled so; no hidden cell can be worked out."""
    sexes = [Sex.KVINNA] * 20 + [Sex.MAN] * 20 + [Sex.ANNAT] * 6 + [Sex.OKANT] * 2
    cases = [Case(sex, {"fragat": "ja" if i % 2 or sex is Sex.ANNAT else "nej"}) for i, sex in enumerate(sexes)]
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        round_uuid = add_round(session, "Annat och okänt", cases)
    result = anonymised(app, round_uuid)
    method = result.method
    assert method.left_out == ("unknown",) and not method.women_and_men
    assert (method.cases["other"].count, method.cases["total"].count) == (6, 46)
    assert method.cases["unknown"].count is None and method.cases["unknown"].reason is Reason.PRIMARY
    question = result.question("fragat")
    assert question is not None
    assert counts(question, "other") == [6, 0] and counts(question, "unknown") == [None, None]
    assert counts(question, "total") == [26, 20] and question.totals.cells["total"].count == 46
    table, hidden = table_of(question, app, round_uuid, method.left_out)
    for (_, row, column), (low, high) in attack([table], [hidden]).items():
        assert low < high, (row, column)


def test_yes_no_not_applicable_has_its_own_row_and_base(app, known):
    question = anonymised(app, known).question("na_fraga")
    assert question is not None
    assert [r.value for r in question.rows] == ["ja", "nej", "ej_aktuellt"]
    assert counts(question, "female") == [10, 20, 20]
    assert question.rows[0].cells["female"].percent == pytest.approx(100 * 10 / 30)  # of the applicable answers
    assert question.rows[2].cells["female"].percent is None  # "ej aktuellt" has no percentage
    assert question.totals.cells["female"].count == 50


def test_free_text_and_dates_are_left_out(app, known):
    result = anonymised(app, known)
    keys = [q.key for s in result.sections for q in s.questions]
    assert "kommentar" not in keys and "datum" not in keys
    assert "fragat" in keys and "dagar" in keys


def test_numbers_per_group_without_single_values(app, known):
    question = anonymised(app, known).question("dagar")
    assert question is not None and question.kind == "numeric" and question.unit == "days"
    women, men = question.numbers["female"], question.numbers["male"]
    assert (women.n, women.median, men.n, men.median) == (30, 12.0, 28, 8.0)
    assert women.total is None  # a sum is given for money only
    assert not hasattr(women, "minimum") and not hasattr(women, "maximum")
    # annat answered once, okänt never: every figure hidden; the total column is women and men's
    for column in ("other", "unknown"):
        assert question.numbers[column].reason is Reason.TOO_FEW and question.numbers[column].median is None
    assert question.numbers["total"].reason is None and question.numbers["total"].n == 58
    assert question.comparison is not None and question.comparison.median_ratio == pytest.approx(1.5)


def test_money_sums_and_means(app, known):
    question = anonymised(app, known).question("kostnad")
    assert question is not None and question.unit == "money"
    women = question.numbers["female"]
    assert (women.n, women.total, women.mean, women.median) == (10, 125_000.0, 12_500.0, 12_500.0)
    assert women.total_reason is None


def test_the_hidden_list_says_what_and_why(app, known):
    result = anonymised(app, known)
    beslut = [h for h in result.hidden if h.question_key == "beslut"]
    assert {(h.row.sv, h.column, h.reason) for h in beslut} >= {
        ("Beviljat", "other", Reason.PRIMARY),
        ("Totalt", "other", Reason.PRIMARY),
        ("Beviljat", "unknown", Reason.PRIMARY),
        ("Totalt", "unknown", Reason.PRIMARY),
    }
    assert all(h.section == "arendet" for h in beslut)
    method_rows = [h for h in result.hidden if h.question_key is None]
    assert {(h.section, h.column) for h in method_rows} == {("", "other"), ("", "unknown")}


def test_findings_only_for_published_comparisons(app, known):
    result = anonymised(app, known)
    with app.db.session() as session:
        truth = aggregate(session, AggregateRequest((known,)))
    published = {q.key for s in result.sections for q in s.questions if q.comparison is not None}
    assert [f.question_key for f in result.findings] == [
        f.question_key for f in truth.findings if f.question_key in published
    ]
    assert result.findings


def test_no_hidden_cell_of_any_table_can_be_recovered(app, known):
    result = anonymised(app, known)
    for section in result.sections:
        for question in section.questions:
            if question.kind != "categorical":
                continue
            table, hidden = table_of(question, app, known, result.method.left_out)
            for (_, row, column), (low, high) in attack([table], [hidden]).items():
                assert low < high, (question.key, row, column)


# ---------------------------------------------------------------------------------------------------------------
# Tiny groups


def test_three_men_every_male_cell_hidden_and_the_totals_do_not_reveal_them(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        women = [
            Case(Sex.KVINNA, {"fragat": v, "beslut": b})
            for v, b in zip(spread(30, ja=18, nej=12), spread(30, beviljat=15, delvis=5, avslag=10), strict=True)
        ]
        men = [Case(Sex.MAN, {"fragat": "ja", "beslut": b}) for b in ("beviljat", "avslag", "avslag")]
        round_uuid = add_round(session, "Tre män", women + men)
    result = anonymised(app, round_uuid)
    assert result.method.cases["male"].count is None
    for key in ("fragat", "beslut"):
        question = result.question(key)
        assert question is not None
        assert counts(question, "male") == [None] * len(question.rows)  # the men's "nej" and "delvis" are 0: hidden too
        assert question.totals.cells["male"].count is None
        assert question.comparison is None and question.comparison_reason is Reason.SECONDARY
        # the women's figures and their base survive
        assert None not in counts(question, "female")
        assert question.totals.cells["female"].count == 30
        table, hidden = table_of(question, app, round_uuid)
        bounds = attack([table], [hidden])
        for (_, row, column), (low, high) in bounds.items():
            assert low < high, (key, row, column)
        # the men's total (3) is not even bounded below k
        assert bounds[(0, len(question.rows), 1)][1] >= 5


def test_linked_totals_are_hidden_alike(app, known):
    """Questions answered by every case share their totals with the method's case counts: what is hidden in one is
    hidden in all, so that they cannot be subtracted from each other."""
    result = anonymised(app, known)
    expected = {c for c in COLUMNS if result.method.cases[c].count is None}
    for key in ("fragat", "beslut"):
        question = result.question(key)
        assert {c for c in COLUMNS if question.totals.cells[c].count is None} == expected


def test_a_dominated_sum_is_hidden_with_its_mean(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        women = [Case(Sex.KVINNA, {"kostnad": v}) for v in [900_000, 800_000, 10_000, 10_000, 10_000, 10_000]]
        men = [Case(Sex.MAN, {"kostnad": v}) for v in [10_000, 11_000, 12_000, 13_000, 14_000, 15_000]]
        round_uuid = add_round(session, "Dyra fall", women + men)
    question = anonymised(app, round_uuid).question("kostnad")
    assert question is not None
    women = question.numbers["female"]
    assert women.total_reason is Reason.DOMINANCE and women.total is None and women.mean is None
    assert (women.n, women.median) == (6, 10_000.0)  # the count and the median stay
    # the Totalt sum is dominated by the same two cases
    assert question.numbers["total"].total_reason is Reason.DOMINANCE
    assert question.numbers["male"].total == 75_000.0
    with app.db.session() as session:
        relaxed = build_anonymised(session, ExportRequest((round_uuid,), Rules(dominance_percent=99.0)))
    assert relaxed.question("kostnad").numbers["female"].total == 1_740_000.0


def _two_versions(app) -> tuple[str, str]:
    """Rounds on version 1 and 2 of the test checklist; version 2 renames the money question kostnad."""
    data = copy.deepcopy(checklist_data(version=2))
    data["previous"] = {"version": 1, "key_map": {"kostnad_nu": "kostnad"}, "retired": []}
    next(q for q in data["sections"][1]["questions"] if q["key"] == "kostnad")["key"] = "kostnad_nu"
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        add_checklist(session, data)
        women = [Case(Sex.KVINNA, {"kostnad": 10_000 + 100 * i}) for i in range(6)]
        men = [Case(Sex.MAN, {"kostnad": 12_000 + 100 * i}) for i in range(6)]
        older = add_round(session, "Version 1", women + men, version=1)
        newer = add_round(session, "Version 2", [Case(Sex.KVINNA, {"kostnad_nu": 11_000})] * 6, version=2)
    return older, newer


def test_the_dominance_rule_follows_renamed_keys_across_versions(app):
    older, newer = _two_versions(app)
    with app.db.session() as session:
        result = build_anonymised(session, ExportRequest((older, newer)))
    women = result.question("kostnad_nu").numbers["female"]
    assert (women.n, women.total, women.total_reason) == (12, 6 * 10_250 + 6 * 11_000, None)


def test_amounts_that_cannot_be_checked_are_treated_as_dominated(app, monkeypatch):
    older, newer = _two_versions(app)
    monkeypatch.setattr(anonymisation_queries, "_older_keys", lambda *_args: {})
    with app.db.session() as session:
        result = build_anonymised(session, ExportRequest((older, newer)))
    women = result.question("kostnad_nu").numbers["female"]
    assert (women.n, women.total, women.total_reason) == (12, None, Reason.DOMINANCE)
    assert women.median is not None


def test_a_smaller_k_publishes_more(app, known):
    strict, loose = anonymised(app, known), anonymised(app, known, rules=Rules(min_cell=3))
    assert loose.method.n_hidden < strict.method.n_hidden
    shown = {
        c.count
        for s in loose.sections
        for q in s.questions
        for r in [*q.rows, *([q.totals] if q.totals else [])]
        for c in r.cells.values()
    }
    assert shown & {3, 4}


# ---------------------------------------------------------------------------------------------------------------
# Refusals


def test_nothing_completed_is_refused(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        round_uuid = add_round(session, "Tom", [])
    with pytest.raises(ExportError) as caught:
        anonymised(app, round_uuid)
    assert "inga klara granskningar" in caught.value.message.sv


def test_fewer_cases_than_k_is_refused(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        round_uuid = add_round(session, "Liten", [Case(Sex.KVINNA, {"fragat": "ja"})] * 4)
    with pytest.raises(ExportError) as caught:
        anonymised(app, round_uuid)
    assert "färre än 5" in caught.value.message.sv
    assert anonymised(app, round_uuid, rules=Rules(min_cell=4)).method.cases["female"].count == 4


def test_no_rounds_is_the_aggregations_refusal(app):
    with app.db.session() as session, pytest.raises(AggregationError):
        build_anonymised(session, ExportRequest(()))


# ---------------------------------------------------------------------------------------------------------------
# Demo data, all three checklists


@pytest.mark.parametrize("cases", [30, 200])
def test_demo_rounds_publish_nothing_small_nothing_recomputable(app, cases):
    with app.db.session() as session:
        names = create_demo_data(session, cases, seed=3)
        uuids = [find_round_by_name(session, name).uuid for name in names]
    rules = Rules()
    for round_uuid in uuids:
        result = anonymised(app, round_uuid)
        for section in result.sections:
            for question in section.questions:
                for row in [*question.rows, *([question.totals] if question.totals else [])]:
                    for cell in row.cells.values():
                        assert cell.count is None or not 0 < cell.count < rules.min_cell
                        if cell.count is None:
                            assert cell.percent is None and cell.reason is not None
                for figures in question.numbers.values():
                    assert figures.n is None or not 0 < figures.n < rules.min_cell
                if question.kind == "categorical":
                    table, hidden = table_of(question, app, round_uuid, result.method.left_out)
                    for (_, row, column), (low, high) in attack([table], [hidden]).items():
                        assert low < high, (question.key, row, column)


# ---------------------------------------------------------------------------------------------------------------
# For the guard


def test_forbidden_strings_are_every_code_and_name(app, known):
    with app.db.session() as session:
        forbidden = forbidden_strings(session)
        codes = set(session.exec(select(CaseRow.case_code)))
        texts = checklist_texts(session, "testmall")
    assert forbidden.case_codes == codes and f"{CODE_PREFIX}-0001" in codes
    assert set(REVIEWERS) <= forbidden.names and ACTOR in forbidden.names
    assert "Frågade handläggaren om barn?" in texts and "EN Frågade handläggaren om barn?" in texts
    assert "Beviljat" in texts and "Ärendet" in texts
