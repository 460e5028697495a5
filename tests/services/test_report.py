"""What the report gathers: the same figures as the aggregation, before/after, agreement, units and reviewers; for
the anonymised report only what the anonymised result publishes."""

from __future__ import annotations

import datetime as dt

import pytest

from reviewer.domain.disclosure import Rules
from reviewer.domain.sex import Sex, SexGroup
from reviewer.services.aggregation import AggregateRequest, aggregate, compare_rounds
from reviewer.services.anonymisation import ExportError, ExportRequest, build_anonymised
from reviewer.services.report import ReportError, ReportRequest, build_report
from tests.services.aggregation_data import Case, add_checklist, add_round, checklist_data
from tests.services.report_data import known_round_with_secrets


@pytest.fixture
def known(app):
    with app.db.session() as session:
        return known_round_with_secrets(session)


def test_the_report_holds_the_aggregations_figures(app, known):
    round_uuid, baseline = known
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,), compare_with=baseline), today=dt.date(2026, 5, 4))
        expected = compare_rounds(session, round_uuid, baseline, AggregateRequest((round_uuid,)))
    assert data.aggregate == expected.after
    assert data.before_after == expected
    assert (data.checklist_slug, data.checklist_version, data.checklist_title.sv) == ("testmall", 1, "Testmall")
    assert [r.name for r in data.rounds] == ["Känd 2026"]
    assert data.created == dt.date(2026, 5, 4)
    assert data.units == ["Norr"]
    # AB wrote the first reviews, one planted reviewer one of them, the second reviewer eight more
    assert data.n_reviewers == 3
    assert data.agreement.n_cases == 8
    assert data.question_units["dagar"] == "days"
    assert data.question_units["kostnad"] == "money"
    assert data.question_units["fragat"] == "none"
    assert data.anonymised is None


def test_the_rounds_own_baseline_is_compared_by_default(app, known):
    round_uuid, baseline = known
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,)))
        assert data.before_after is not None
        assert data.before_after.before.rounds[0].uuid == baseline
        assert data.created == dt.date.today()
        # the baseline itself has no baseline: no comparison
        plain = build_report(session, ReportRequest((baseline,)))
        assert plain.before_after is None
        assert plain.aggregate == aggregate(session, AggregateRequest((baseline,)))


def test_a_unit_limits_everything(app, known):
    round_uuid, _ = known
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,), unit="Söder"))
    assert data.units == ["Söder"]
    assert (data.aggregate.n_cases, data.n_reviewers, data.agreement.n_cases) == (0, 0, 0)


def test_refusals(app, known):
    round_uuid, baseline = known
    with app.db.session() as session:
        with pytest.raises(ReportError) as error:
            build_report(session, ReportRequest((round_uuid, baseline), compare_with=baseline))
        assert "en omgång i taget" in error.value.message.sv
        with pytest.raises(ReportError):
            build_report(session, ReportRequest(()))


def test_the_anonymised_report_holds_only_the_anonymised_result(app, known):
    round_uuid, _ = known
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,), anonymised=True), today=dt.date(2026, 5, 4))
        expected = build_anonymised(session, ExportRequest((round_uuid,)), today=dt.date(2026, 5, 4))
    assert (data.aggregate, data.before_after) == (None, None)
    assert data.anonymised == expected
    assert data.anonymised_before_after is not None
    assert (data.n_reviewers, data.agreement.n_cases) == (3, 8)
    assert [r.name for r in data.rounds] == ["Känd 2026"]
    assert data.baseline is not None
    assert data.baseline.name == "Före 2024"


def test_anonymised_before_after_shows_only_published_comparisons(app, known):
    round_uuid, baseline = known
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,), anonymised=True))
        internal = compare_rounds(session, round_uuid, baseline, AggregateRequest((round_uuid,)))
    before_after = data.anonymised_before_after
    assert before_after is not None
    changes = {c.key: c for c in before_after.changes}
    # "skal": 4 women chose c, so the comparison is hidden now; it had no figures in the baseline
    assert ("skal", "after") in before_after.hidden
    assert changes["skal"].after is None
    assert changes["skal"].groups[SexGroup.FEMALE].after is None
    # a question not compared by sex is not "hidden"
    assert not {("ej_jamford", "after"), ("ej_jamford", "before")} & before_after.hidden
    asked = changes["fragat"]
    expected = next(c for c in internal.questions if c.key == "fragat")
    assert (asked.before, asked.after, asked.gap, asked.verdict) == (
        expected.before,
        expected.after,
        expected.gap,
        expected.verdict,
    )
    assert set(asked.groups) == {SexGroup.FEMALE, SexGroup.MALE}  # annat and okänt (3 cases) never in the comparison
    # the case totals as the anonymised results give them: 102 with 2 annat and 1 okänt hides the total as a complement
    assert before_after.after_cases == data.anonymised.method.cases["total"]
    assert before_after.before_cases.count == 12


def test_anonymised_agreement_needs_k_pairs(app, known):
    round_uuid, _ = known
    with app.db.session() as session:
        data = build_report(session, ReportRequest((round_uuid,), anonymised=True, rules=Rules(min_cell=9)))
    assert data.agreement.n_cases == 8
    assert (data.agreement.questions, data.agreement.pairs, data.agreement.mean_kappa) == ([], 0, None)


def test_an_anonymised_report_of_too_few_cases_is_refused(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        round_uuid = add_round(session, "Liten 2026", [Case(Sex.KVINNA, {"fragat": "ja"})] * 3)
        with pytest.raises(ExportError) as error:
            build_report(session, ReportRequest((round_uuid,), anonymised=True))
    assert "färre än 5 granskade ärenden" in error.value.message.sv


def test_a_baseline_too_small_to_anonymise_hides_every_before_figure(app):
    with app.db.session() as session:
        add_checklist(session, checklist_data())
        before = add_round(session, "Liten 2024", [Case(Sex.KVINNA, {"fragat": "ja"})] * 3)
        cases = [Case(Sex.KVINNA, {"fragat": "ja"})] * 6 + [Case(Sex.MAN, {"fragat": "nej"})] * 6
        after = add_round(session, "Större 2026", cases, baseline_uuid=before)
        data = build_report(session, ReportRequest((after,), anonymised=True))
    before_after = data.anonymised_before_after
    assert before_after is not None
    assert before_after.before_cases.count is None
    assert ("fragat", "before") in before_after.hidden
    assert ("fragat", "after") not in before_after.hidden
