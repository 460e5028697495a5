"""The sex-split picture of one or several rounds: per question and sex group the counts, percentages and numbers,
women against men with a test, an interval and the size rule, the findings that are flagged once the p-values of
the whole selection are adjusted together, and an optional second breakdown. `docs/aggregate-format.md` documents
every rule.

Each case counts once. When several reviews of a case qualify (two reviewers read the same file) and no reviewer
filter is set, the case is counted with one deterministic review – a complete one before one in progress, then the
lowest review id – and `n_double_reviewed` says how many cases that concerned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlmodel import Session, col, select

from reviewer.checklists.schema import ChecklistDefinition, Question
from reviewer.domain.sex import SexGroup, group_of
from reviewer.domain.text import Message
from reviewer.services.aggregation.compare import compare, group_result, materiality, option_values, unit_of
from reviewer.services.aggregation.counting import Collected, Tally, collect, kind_of
from reviewer.services.aggregation.model import (
    GROUPS,
    UNKNOWN_STRATUM,
    Aggregate,
    AggregateRequest,
    Breakdown,
    FilterOptions,
    Finding,
    Progress,
    QuestionResult,
    SectionResult,
    Stratum,
    label_message,
)
from reviewer.services.aggregation.multiplicity import adjust
from reviewer.services.aggregation.text import finding_message
from reviewer.services.aggregation.versions import Versions, load_rounds
from reviewer.storage.models import Case, Review


def aggregate(session: Session, request: AggregateRequest, progress: Progress | None = None) -> Aggregate:
    """The sex-split picture of the rounds in the request; see the module docstring for the rules."""
    collected = collect(session, request, progress)
    result = summarise(collected, request)
    if progress is not None:
        progress(collected.steps, collected.steps)
    return result


def summarise(collected: Collected, request: AggregateRequest) -> Aggregate:
    """The statistics of collected tallies: no SQL, so that a simulation can run it on thousands of rounds."""
    definition = collected.definition
    n_by_group = dict.fromkeys(GROUPS, 0)
    strata_n: dict[str | None, dict[SexGroup, int]] = defaultdict(lambda: dict.fromkeys(GROUPS, 0))
    for (value, sex), n in collected.counts.cases.items():
        n_by_group[group_of(sex)] += n
        strata_n[value][group_of(sex)] += n
    stratum_order = _stratum_order(definition, request.breakdown, strata_n)
    results = [
        [
            question_result(question, collected.tallies[question.key], stratum_order, strata_n, request)
            for question in section.questions
        ]
        for section in definition.sections
    ]
    flat = [q for section in results for q in section]
    overall = adjust([q.comparison for q in flat], request.thresholds)
    strata = adjust([s.comparison for q in flat for s in q.strata], request.thresholds)
    adjusted_strata = iter(strata.comparisons)
    adjusted = {
        q.key: replace(
            q,
            comparison=comparison,
            strata=[replace(s, comparison=next(adjusted_strata)) for s in q.strata],
        )
        for q, comparison in zip(flat, overall.comparisons, strict=True)
    }
    sections = []
    findings: list[Finding] = []
    for index, section in enumerate(definition.sections):
        questions = [adjusted[q.key] for q in section.questions]
        for question, result in zip(section.questions, questions, strict=True):
            if result.comparison is not None and result.comparison.flagged:
                message = finding_message(result.text, result.comparison, definition.subject, unit_of(question.type))
                findings.append(Finding(question.key, section.key, result.text, result.comparison, message))
        title = Message(section.title.sv, section.title.en or section.title.sv)
        sections.append(SectionResult(section.key, index, title, questions))
    findings.sort(key=lambda f: (not f.comparison.primary, -materiality(f.comparison, request.thresholds), _p(f)))
    n_cases = sum(n_by_group.values())
    return Aggregate(
        rounds=[r.info for r in collected.rounds],
        checklist_slug=definition.slug,
        checklist_version=definition.version,
        subject=definition.subject,
        request=request,
        n_cases=n_cases,
        n_reviews=collected.counts.reviews,
        n_double_reviewed=collected.counts.double_reviewed,
        n_not_counted=collected.n_total_cases - n_cases,
        n_by_group=n_by_group,
        sections=sections,
        findings=findings,
        warnings=collected.warnings,
        n_tested=overall.n_tested,
        n_tested_primary=overall.n_tested_primary,
        n_tested_strata=strata.n_tested + strata.n_tested_primary,
        subject_label=label_message(definition.sex_of()),
    )


def _p(finding: Finding) -> float:
    return finding.comparison.p_adjusted if finding.comparison.p_adjusted is not None else 1.0


def question_result(
    question: Question,
    tallies: Mapping[tuple[str | None, SexGroup], Tally],
    stratum_order: list[tuple[str | None, Message]],
    strata_n: Mapping[str | None, dict[SexGroup, int]],
    request: AggregateRequest,
) -> QuestionResult:
    """One question before the adjustment: its comparisons are tested but not yet significant."""
    kind = kind_of(question)
    overall = {g: Tally() for g in GROUPS}
    for (_, group), tally in tallies.items():
        overall[group].merge(tally)
    options = option_values(question, overall.values()) if kind == "categorical" else []
    groups = {g: group_result(question, kind, overall[g], options) for g in GROUPS}
    everyone = Tally()
    for tally in overall.values():
        everyone.merge(tally)
    comparison = compare(question, kind, groups, overall, request.thresholds)
    strata = []
    for value, label in stratum_order:
        stratum_tallies = {g: tallies.get((value, g)) or Tally() for g in GROUPS}
        stratum_groups = {g: group_result(question, kind, stratum_tallies[g], options) for g in GROUPS}
        # every stratum at the option compared overall, so that the breakdown splits one figure
        stratum_comparison = compare(
            question,
            kind,
            stratum_groups,
            stratum_tallies,
            request.thresholds,
            comparison.option if comparison is not None else None,
            comparison.option_source if comparison is not None else None,
        )
        strata.append(Stratum(value, label, dict(strata_n[value]), stratum_groups, stratum_comparison))
    return QuestionResult(
        key=question.key,
        type=question.type,
        text=Message(question.text.sv, question.text.en or question.text.sv),
        kind=kind,
        compare_by_sex=question.compare_by_sex,
        groups=groups,
        comparison=comparison,
        strata=strata,
        total=group_result(question, kind, everyone, options),
    )


def _stratum_order(
    definition: ChecklistDefinition, breakdown: Breakdown | None, strata_n: Mapping[str | None, object]
) -> list[tuple[str | None, Message]]:
    if breakdown is None:
        return []
    present = [v for v in strata_n if v is not None]
    result: list[tuple[str | None, Message]]
    if breakdown == "age_band":
        bands = {b.value: Message(b.label.sv, b.label.en or b.label.sv) for b in definition.age_bands}
        order = list(bands)
        present.sort(key=lambda v: (order.index(v) if v in order else len(order), v))
        result = [(v, bands.get(v, Message(v, v))) for v in present]
    else:
        result = [(v, Message(v, v)) for v in sorted(present)]
    if None in strata_n:
        result.append((None, UNKNOWN_STRATUM))
    return result


def filter_options(session: Session, round_uuids: Sequence[str]) -> FilterOptions:
    """The units, reviewers and age bands that occur in the rounds, for the dashboard's filters."""
    rounds = load_rounds(session, round_uuids)
    ids = [r.id for r in rounds]
    units = session.exec(
        select(Case.unit).where(col(Case.round_id).in_(ids), col(Case.unit).is_not(None)).distinct()
    ).all()
    bands = session.exec(
        select(Case.age_band).where(col(Case.round_id).in_(ids), col(Case.age_band).is_not(None)).distinct()
    ).all()
    reviewers = session.exec(
        select(Review.reviewer)
        .join(Case, col(Case.id) == col(Review.case_id))
        .where(col(Case.round_id).in_(ids))
        .distinct()
    ).all()
    versions = Versions(session, rounds[0].info.checklist_slug)
    newest = versions.get(max(r.info.checklist_version for r in rounds))
    order = [b.value for b in newest.age_bands] if newest else []
    return FilterOptions(
        units=sorted(u for u in units if u),
        reviewers=sorted(reviewers),
        age_bands=sorted((b for b in bands if b), key=lambda b: (order.index(b) if b in order else len(order), b)),
    )
