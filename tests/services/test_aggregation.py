"""Aggregation by sex on rounds with known answers: counts, percentages, medians, tests, findings and their
sentences, filters, breakdowns, double reviews, empty selections, child checklists and the demo data's biases."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats
from sqlmodel import select
from statsmodels.stats.multitest import multipletests

from reviewer.domain.sex import Sex, SexGroup, Subject
from reviewer.domain.statistics import ComparisonState, Thresholds, wilson_interval
from reviewer.services.aggregation import (
    AggregateRequest,
    AggregationError,
    aggregate,
    filter_options,
)
from reviewer.services.cases import CaseInput, delete_case, update_case
from reviewer.services.checklists import get_version
from reviewer.services.demo import create_demo_data
from reviewer.services.reviews import complete_review, open_review, reopen_review, save_answer
from reviewer.services.rounds import create_round, find_round_by_name
from reviewer.storage.models import Case as CaseRow
from reviewer.storage.models import ReviewStatus
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data, known_cases

F, M, OTHER, UNKNOWN = SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER, SexGroup.UNKNOWN


@pytest.fixture
def known(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        return add_round(session, "Känd omgång", known_cases())


def run(app, *round_uuids, **options):
    with app.db.session() as session:
        return aggregate(session, AggregateRequest(tuple(round_uuids), **options))


def test_counts_percentages_and_wilson_intervals(app, known):
    result = run(app, known)
    assert (result.n_cases, result.n_reviews, result.n_double_reviewed, result.n_not_counted) == (102, 102, 0, 0)
    assert result.n_by_group == {F: 50, M: 49, OTHER: 2, UNKNOWN: 1}
    assert result.subject is Subject.ADULT
    assert (result.checklist_slug, result.checklist_version) == ("testmall", 1)
    assert [r.name for r in result.rounds] == ["Känd omgång"]
    assert result.warnings == []

    asked = result.question("fragat")
    women = asked.groups[F]
    assert (women.n, women.base, women.not_applicable) == (50, 50, 0)
    yes, no = women.options
    assert (yes.value, yes.count, yes.percent, no.count) == ("ja", 21, 42.0, 29)
    low, high = wilson_interval(21, 50)
    assert (yes.ci_low, yes.ci_high) == (pytest.approx(100 * low), pytest.approx(100 * high))
    assert (yes.label.sv, yes.label.en) == ("Ja", "Yes")
    assert asked.groups[M].options[0].percent == pytest.approx(100 * 35 / 49)
    assert [o.count for o in asked.groups[OTHER].options] == [2, 0]
    assert [o.count for o in asked.groups[UNKNOWN].options] == [0, 1]

    c = asked.comparison
    assert (c.state, c.option, c.female_count, c.female_n, c.male_count, c.male_n) == (
        ComparisonState.OK,
        "ja",
        21,
        50,
        35,
        49,
    )
    assert c.difference_pp == pytest.approx(42.0 - 100 * 35 / 49)
    assert c.test.name == "fisher"
    assert c.test.p_value == pytest.approx(stats.fisher_exact([[21, 29], [35, 14]]).pvalue)
    assert (c.material, c.significant, c.flagged) == (True, True, True)


def test_not_applicable_is_counted_but_left_out_of_the_percentages(app, known):
    question = run(app, known).question("na_fraga")
    women, men = question.groups[F], question.groups[M]
    assert (women.n, women.not_applicable, women.base) == (50, 20, 30)
    assert (men.n, men.not_applicable, men.base) == (49, 29, 20)
    assert [o.value for o in women.options] == ["ja", "nej"]
    assert women.options[0].percent == pytest.approx(100 / 3)
    assert question.comparison.difference_pp == pytest.approx(100 / 3 - 50)
    assert question.comparison.test.p_value == pytest.approx(stats.fisher_exact([[10, 20], [10, 10]]).pvalue)
    assert not question.comparison.flagged


def test_single_choice_compares_the_most_different_option_with_one_test_of_the_whole_table(app, known):
    c = run(app, known).question("beslut").comparison
    assert (c.option, c.option_label.sv, c.female_count, c.male_count) == ("avslag", "Avslag", 20, 9)
    assert c.difference_pp == pytest.approx(40.0 - 100 * 9 / 49)
    assert c.test.name == "chi2"
    assert c.test.p_value == pytest.approx(stats.chi2_contingency([[20, 10, 20], [30, 10, 9]]).pvalue)
    assert c.option_source == "most_different"
    assert c.material and not c.flagged  # significant alone, not after the round's adjustment


def test_multiple_choice_counts_respondents_and_adjusts_for_picking_an_option(app, known):
    question = run(app, known).question("skal")
    women = question.groups[F]
    assert women.n == women.base == 20  # the empty choice and the unanswered are not respondents
    assert [(o.value, o.count, o.percent) for o in women.options] == [("a", 15, 75.0), ("b", 6, 30.0), ("c", 4, 20.0)]
    assert sum(o.percent for o in women.options) > 100
    c = question.comparison
    assert (c.option, c.difference_pp, c.test.comparisons) == ("a", 50.0, 3)
    assert c.test.p_value == pytest.approx(3 * stats.fisher_exact([[15, 5], [5, 15]]).pvalue)


def test_numbers_have_medians_quartiles_and_mann_whitney(app, known):
    question = run(app, known).question("dagar")
    assert question.kind == "numeric"
    women = question.groups[F].numbers
    assert (women.n, women.median, women.q1, women.q3, women.total, women.minimum, women.maximum) == (
        30,
        12.0,
        8.0,
        20.0,
        400.0,
        8.0,
        20.0,
    )
    assert women.mean == pytest.approx(40 / 3)
    assert question.groups[M].numbers.median == 8.0
    assert question.groups[OTHER].numbers.n == 1
    c = question.comparison
    assert (c.female_median, c.male_median, c.median_ratio, c.female_n, c.male_n) == (12.0, 8.0, 1.5, 30, 28)
    expected = stats.mannwhitneyu([8] * 10 + [12] * 10 + [20] * 10, [6] * 14 + [10] * 14).pvalue
    assert c.test.name == "mann_whitney"
    assert c.test.p_value == pytest.approx(expected)
    assert c.flagged
    costs = run(app, known).question("kostnad")
    assert costs.groups[F].n == 10  # the case with only a note on this question did not answer it
    assert costs.comparison.median_ratio == 1.25


def test_findings_are_flagged_on_p_values_adjusted_across_the_round(app, known):
    result = run(app, known)
    compared = [q for s in result.sections for q in s.questions if q.comparison is not None]
    raw = [q.comparison.test.p_value for q in compared]
    expected = multipletests(raw, method="fdr_bh")[1]
    assert [q.comparison.p_adjusted for q in compared] == pytest.approx(list(expected))
    assert result.n_tested == len(compared) == 7
    # beslut: raw p = 0.046 < 0.05, but 0.064 once adjusted for the seven questions tested: no longer a finding
    beslut = result.question("beslut").comparison
    assert beslut.test.p_value < 0.05 < beslut.p_adjusted
    assert (beslut.material, beslut.significant, beslut.flagged) == (True, False, False)
    assert "beslut" not in [f.question_key for f in result.findings]


def test_findings_in_plain_swedish_and_english_most_material_first(app, known):
    result = run(app, known)
    # the ratio 1.5 is log(1.5)/log(1.1) = 4.3 thresholds, 50 points are 5
    assert [f.question_key for f in result.findings] == ["skal", "dagar", "fragat", "kostnad"]
    messages = {f.question_key: f.message for f in result.findings}
    fragat = result.question("fragat").comparison
    low, high = round(-fragat.difference_high), round(-fragat.difference_low)
    assert messages["fragat"].sv == (
        "Frågade handläggaren om barn? Ja: Kvinnor 42 % (21 av 50), män 71 % (35 av 49): "
        f"skillnad 29 procentenheter (95 % KI {low} till {high}); p = 0,004, justerat p = 0,01 "
        "(Fishers exakta test av andelen)"
    )
    assert messages["fragat"].en == (
        "EN Frågade handläggaren om barn? Yes: Women 42% (21 of 50), men 71% (35 of 49): "
        f"difference 29 percentage points (95% CI {low} to {high}); p = 0.004, adjusted p = 0.01 "
        "(Fisher's exact test of the share)"
    )
    assert messages["dagar"].sv.startswith(
        "Handläggningstid i dagar: Kvinnor median 12 dagar (n = 30), män median 8 dagar (n = 28): kvot 1,5 (95 % KI "
    )
    assert messages["dagar"].sv.endswith(
        "p < 0,001, justerat p < 0,001 (Mann–Whitney-test av om fördelningarna skiljer sig)"
    )
    assert "medelvärde 13,3 dagar mot 8 dagar, kvot 1,67" in messages["dagar"].sv
    assert messages["dagar"].en.startswith(
        "EN Handläggningstid i dagar: Women median 12 days (n = 30), men median 8 days (n = 28): ratio 1.5 (95% CI "
    )
    assert messages["kostnad"].sv.startswith(
        "Dygnskostnad: Kvinnor median 12 500 kr (n = 10), män median 10 000 kr (n = 10): kvot 1,25"
    )
    assert messages["skal"].sv.startswith("Vilka skäl anges? A: Kvinnor 75 % (15 av 20), män 25 % (5 av 20)")
    assert "Bonferroni för 3 alternativ" in messages["skal"].sv


def test_stricter_thresholds_flag_less(app, known):
    result = run(app, known, thresholds=Thresholds(min_difference_pp=25.0, min_relative_difference=0.3, fdr_q=0.01))
    # skal (adjusted p = 0.02) is no longer significant, kostnad (1.25) not material
    assert [f.question_key for f in result.findings] == ["dagar"]


def test_free_text_dates_and_uncompared_questions(app, known):
    result = run(app, known)
    text = result.question("kommentar")
    assert (text.kind, text.comparison, text.groups[F].n, text.groups[F].options) == ("not_aggregated", None, 4, [])
    assert result.question("datum").groups[F].n == 3
    uncompared = result.question("ej_jamford")
    assert uncompared.comparison is None
    assert uncompared.groups[F].options[0].count == 40
    assert [s.key for s in result.sections] == ["arendet", "tid"]
    assert result.sections[1].title.en == "Time and cost"


def test_other_sex_is_counted_but_never_compared(app, known):
    question = run(app, known).question("beslut")
    assert (question.groups[OTHER].n, question.groups[UNKNOWN].n) == (2, 1)
    assert (question.groups[OTHER].options[0].count, question.groups[UNKNOWN].options[0].count) == (2, 1)
    assert (question.comparison.female_n, question.comparison.male_n) == (50, 49)


def test_too_few_answers_say_so_instead_of_testing(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [Case(Sex.KVINNA, {"fragat": "ja", "dagar": 30}) for _ in range(8)]
        cases += [Case(Sex.MAN, {"fragat": "nej", "dagar": 3}) for _ in range(4)]
        uuid = add_round(session, "Liten", cases)
    result = run(app, uuid)
    for key in ("fragat", "dagar"):
        c = result.question(key).comparison
        assert (c.state, c.test, c.flagged) == (ComparisonState.TOO_SMALL, None, False)
    # four men: no percentage on a base under 5, so no difference in points either; the medians still count
    assert result.question("fragat").comparison.male_percent is None
    assert result.question("fragat").groups[M].options[0].percent is None
    assert result.question("dagar").comparison.material
    assert result.question("beslut").comparison.state is ComparisonState.TOO_SMALL
    assert result.findings == []


def test_identical_answers_have_no_variation(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [Case(Sex.KVINNA, {"fragat": "ja", "dagar": 7}) for _ in range(6)]
        cases += [Case(Sex.MAN, {"fragat": "ja", "dagar": 7}) for _ in range(6)]
        uuid = add_round(session, "Lika", cases)
    result = run(app, uuid)
    for key in ("fragat", "dagar"):
        c = result.question(key).comparison
        assert (c.state, c.test, c.flagged) == (ComparisonState.NO_VARIATION, None, False)
    assert result.question("dagar").comparison.median_ratio == 1.0


def test_an_empty_round_gives_a_clear_state(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        uuid = add_round(session, "Tom", [])
    result = run(app, uuid, breakdown="unit")
    assert (result.n_cases, result.n_reviews, result.findings) == (0, 0, [])
    assert result.n_by_group == {F: 0, M: 0, OTHER: 0, UNKNOWN: 0}
    assert "inga klara granskningar" in result.warnings[0].sv
    question = result.question("fragat")
    assert question.groups[F].options[0].percent is None
    assert question.comparison.state is ComparisonState.TOO_SMALL
    assert question.comparison.female_percent is None
    assert result.question("dagar").groups[F].numbers is None
    assert question.strata == []


def test_unit_and_reviewer_filters(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [Case(Sex.KVINNA, {"fragat": "ja"}, unit="Norr", reviewer="AB") for _ in range(6)]
        cases += [Case(Sex.MAN, {"fragat": "nej"}, unit="Söder", reviewer="CD") for _ in range(4)]
        cases += [Case(Sex.MAN, {"fragat": "ja"}, unit="Norr", reviewer="CD") for _ in range(3)]
        uuid = add_round(session, "Filter", cases)
        options = filter_options(session, [uuid])
    assert (options.units, options.reviewers, options.age_bands) == (["Norr", "Söder"], ["AB", "CD"], ["unga"])
    north = run(app, uuid, unit="Norr")
    assert (north.n_cases, north.n_not_counted, north.n_by_group[M]) == (9, 0, 3)
    assert north.question("fragat").groups[M].options[0].count == 3
    cd = run(app, uuid, reviewer="CD")
    assert (cd.n_cases, cd.n_by_group[F], cd.n_not_counted) == (7, 0, 6)
    assert cd.request.reviewer == "CD"


def test_breakdown_by_age_band_and_unit(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [Case(Sex.KVINNA, {"fragat": "ja", "dagar": 10}, age_band="unga", unit="Norr") for _ in range(6)]
        cases += [Case(Sex.KVINNA, {"fragat": "nej", "dagar": 20}, age_band="aldre", unit="Söder") for _ in range(4)]
        cases += [Case(Sex.MAN, {"fragat": "nej", "dagar": 5}, age_band="unga", unit="Söder") for _ in range(5)]
        cases += [Case(Sex.MAN, {"fragat": "ja"}, age_band=None, unit=None) for _ in range(2)]
        uuid = add_round(session, "Uppdelning", cases)
    by_age = run(app, uuid, breakdown="age_band")
    question = by_age.question("fragat")
    assert [(s.value, s.label.sv) for s in question.strata] == [
        ("unga", "Unga"),
        ("aldre", "Äldre"),
        (None, "Uppgift saknas"),
    ]
    young = question.strata[0]
    assert young.n_by_group == {F: 6, M: 5, OTHER: 0, UNKNOWN: 0}
    assert (young.groups[F].options[0].count, young.groups[M].options[0].count) == (6, 0)
    assert young.comparison.state is ComparisonState.OK
    assert question.strata[1].comparison.state is ComparisonState.TOO_SMALL
    assert question.groups[F].options[0].count == 6  # the overall figures are those without a breakdown
    assert question.groups[M].n == 7
    assert by_age.question("dagar").strata[0].groups[F].numbers.median == 10.0
    assert by_age.question("dagar").strata[1].groups[F].numbers.median == 20.0
    by_unit = run(app, uuid, breakdown="unit").question("fragat")
    assert [s.value for s in by_unit.strata] == ["Norr", "Söder", None]
    assert by_unit.strata[1].n_by_group == {F: 4, M: 5, OTHER: 0, UNKNOWN: 0}


def _second_review(session, case_code, round_name, answers, reviewer="CD", complete=True):
    round_ = find_round_by_name(session, round_name)
    case = session.exec(select(CaseRow).where(CaseRow.round_id == round_.id, CaseRow.case_code == case_code)).one()
    snapshot = open_review(session, case.uuid, reviewer)
    for key, value in answers.items():
        save_answer(session, snapshot, snapshot.definition.question(key), value, None)
    if complete:
        complete_review(session, snapshot, reviewer)


def test_a_case_reviewed_twice_counts_once(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [Case(Sex.KVINNA, {"fragat": "ja"}) for _ in range(6)] + [Case(Sex.MAN, {"fragat": "nej"})] * 6
        uuid = add_round(session, "Dubbel", cases)
        _second_review(session, "T-0001", "Dubbel", {"fragat": "nej"})
        _second_review(session, "T-0002", "Dubbel", {"fragat": "nej"})
        _second_review(session, "T-0003", "Dubbel", {"fragat": "nej"}, complete=False)
    result = run(app, uuid)
    assert (result.n_cases, result.n_reviews, result.n_double_reviewed) == (12, 14, 2)
    assert result.question("fragat").groups[F].options[0].count == 6  # the first complete review of each case
    assert "2 ärenden har granskats av flera granskare" in result.warnings[0].sv
    second = run(app, uuid, reviewer="CD")
    assert (second.n_cases, second.n_double_reviewed, second.warnings) == (2, 0, [])
    assert second.question("fragat").groups[F].options[1].count == 2


def test_reviews_in_progress_only_on_request_and_complete_ones_first(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        cases = [Case(Sex.KVINNA, {"fragat": "ja"}) for _ in range(5)]
        cases += [Case(Sex.KVINNA, {"fragat": "nej"}, status=ReviewStatus.IN_PROGRESS) for _ in range(2)]
        cases += [Case(Sex.MAN, {"fragat": "nej"}) for _ in range(5)]
        uuid = add_round(session, "Pågår", cases)
        # an in-progress second review of a complete case: the complete one is counted
        _second_review(session, "T-0001", "Pågår", {"fragat": "nej"}, complete=False)
    completed = run(app, uuid)
    assert (completed.n_cases, completed.n_not_counted, completed.n_double_reviewed) == (10, 2, 0)
    everything = run(app, uuid, include_in_progress=True)
    assert (everything.n_cases, everything.n_reviews, everything.n_double_reviewed) == (12, 13, 1)
    assert [o.count for o in everything.question("fragat").groups[F].options] == [5, 2]


def test_several_rounds_together_and_their_refusals(app, known):
    with app.db.session() as session:
        second = add_round(session, "Andra omgången", [Case(Sex.MAN, {"fragat": "ja"}) for _ in range(5)])
        other_checklist = create_round(session, "Missbruk", get_version(session, "missbruk"), "2026").uuid
    both = run(app, known, second)
    assert both.n_by_group[M] == 54
    assert both.question("fragat").groups[M].options[0].count == 40
    assert [r.name for r in both.rounds] == ["Känd omgång", "Andra omgången"]
    with pytest.raises(AggregationError, match="different checklists"):
        run(app, known, other_checklist)
    with pytest.raises(AggregationError, match="at least one round"):
        run(app)
    with pytest.raises(AggregationError, match="no longer exists"):
        run(app, "00000000-0000-0000-0000-000000000000")


def test_child_checklists_speak_of_girls_and_boys(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data(slug="barnmall", subject="child"))
        cases = [Case(Sex.FLICKA, {"fragat": "ja"}) for _ in range(20)]
        cases += [Case(Sex.POJKE, {"fragat": "nej"}) for _ in range(20)]
        uuid = add_round(session, "Barn", cases, slug="barnmall")
    result = run(app, uuid)
    assert result.subject is Subject.CHILD
    assert result.n_by_group == {F: 20, M: 20, OTHER: 0, UNKNOWN: 0}
    (finding,) = result.findings
    assert finding.message.sv.startswith("Frågade handläggaren om barn? Ja: Flickor 100 % (20 av 20), pojkar 0 %")
    assert "Girls 100% (20 of 20), boys 0% (0 of 20)" in finding.message.en


def test_progress_is_reported_per_stage(app, known):
    reported = []
    with app.db.session() as session:
        aggregate(session, AggregateRequest((known,)), lambda done, total: reported.append((done, total)))
    totals = {total for _, total in reported}
    assert len(totals) == 1
    assert [done for done, _ in reported] == sorted(done for done, _ in reported)
    assert reported[-1][0] == reported[-1][1] >= 3


def test_the_demo_datas_known_differences_are_found(app):
    with app.db.session() as session:
        names = create_demo_data(session, cases=300, seed=3)
        uuids = {name: find_round_by_name(session, name).uuid for name in names}
    found = {}
    for uuid in uuids.values():
        result = run(app, uuid)
        found.update({(result.checklist_slug, f.question_key): f.comparison for f in result.findings})
    for slug in ("missbruk", "fardtjanst"):
        assert found[(slug, "handlaggningstid_dagar")].median_ratio > 1.1
        assert found[(slug, "antal_ord_beskrivning")].median_ratio > 1.3
        assert found[(slug, "kansloord_per_100")].median_ratio > 1.3  # the counted measures of version 3
    assert found[("missbruk", "fragat_om_barn")].difference_pp > 20
    assert found[("missbruk", "fragat_om_vald_utsatt")].difference_pp > 20
    assert found[("missbruk", "fragat_om_vald_utovat")].difference_pp < -20
    assert found[("missbruk", "beslut")].option == "avslag"
    assert found[("fardtjanst", "lakarintyg_begart")].difference_pp > 10
    assert np.isfinite([c.test.p_value for c in found.values()]).all()


def _figures(result):
    return (result.n_cases, result.n_by_group, result.sections, [f.message for f in result.findings])


def test_figures_follow_every_change_made_through_the_services(app, known):
    """The counts aggregation reads are kept at write time: after an answer is changed in a reopened review, a
    case's sex and unit are corrected and a case is deleted, the figures equal those of the same answers written
    afresh, also broken down by unit and with reviews in progress."""
    with app.db.session() as session:
        round_ = find_round_by_name(session, "Känd omgång")
        by_code = {c.case_code: c for c in session.exec(select(CaseRow).where(CaseRow.round_id == round_.id))}
        snapshot = open_review(session, by_code["T-0001"].uuid, "AB")
        reopen_review(session, snapshot, "AB")
        save_answer(session, snapshot, snapshot.definition.question("fragat"), "nej", None)
        save_answer(session, snapshot, snapshot.definition.question("dagar"), 99, None)
        complete_review(session, snapshot, "AB")
        snapshot = open_review(session, by_code["T-0002"].uuid, "AB")
        reopen_review(session, snapshot, "AB")
        save_answer(session, snapshot, snapshot.definition.question("beslut"), None, None)
        update_case(session, by_code["T-0060"].uuid, CaseInput("T-0060", Sex.KVINNA, "unga", "Norr"))
        delete_case(session, by_code["T-0003"].uuid)

        cases = known_cases()
        cases[0].answers.update(fragat="nej", dagar=99)
        del cases[1].answers["beslut"]
        cases[1].status = ReviewStatus.IN_PROGRESS
        cases[59].sex, cases[59].age_band, cases[59].unit = Sex.KVINNA, "unga", "Norr"
        del cases[2]
        afresh = add_round(session, "Samma svar", cases)

    for options in ({}, {"breakdown": "unit"}, {"include_in_progress": True, "breakdown": "age_band"}):
        assert _figures(run(app, known, **options)) == _figures(run(app, afresh, **options))


def test_an_ej_aktuellt_option_of_a_single_choice_question_is_an_option_like_the_others(app):
    """Only yes/no/not applicable keeps "ej aktuellt" out of the base; barnomsorg's "Vem får fakturan?" offers it as
    an ordinary option, which must be shown and counted in the percentages."""
    with app.db.session() as session:
        cases = [Case(Sex.KVINNA, {"faktura_till": "ej_aktuellt"}) for _ in range(3)]
        cases += [Case(Sex.KVINNA, {"faktura_till": "sokanden"}) for _ in range(7)]
        cases += [Case(Sex.MAN, {"faktura_till": "delad"}) for _ in range(10)]
        uuid = add_round(session, "Barnomsorg 2026", cases, slug="barnomsorg")
    women = run(app, uuid).question("faktura_till").groups[F]
    shares = {o.value: o.percent for o in women.options}
    assert (women.n, women.base, women.not_applicable) == (10, 10, 0)
    assert shares["ej_aktuellt"] == pytest.approx(30.0)
    assert shares["sokanden"] == pytest.approx(70.0)
    assert sum(shares.values()) == pytest.approx(100.0)
