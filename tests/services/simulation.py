"""Simulated rounds of the built-in checklists, fed to the aggregation's statistics (`summarise`) without a database,
so that the calibration tests can run hundreds of rounds: the same code the database path runs once it has read
the answer counts.

Every case answers every question; women and men draw their answers from the same distribution unless a question
is planted with its own share of "ja" per sex.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from reviewer.checklists.loader import builtin_checklists
from reviewer.checklists.schema import NUMBER_TYPES, ChecklistDefinition, Question, QuestionType
from reviewer.domain.sex import Sex, SexGroup
from reviewer.services.aggregation import Aggregate, AggregateRequest, BeforeAfter, summarise
from reviewer.services.aggregation.before_after import changes_between
from reviewer.services.aggregation.counting import Collected, Counts, Tally, kind_of
from reviewer.services.aggregation.model import RoundInfo
from reviewer.services.aggregation.versions import RoundRow


def checklist(slug: str) -> ChecklistDefinition:
    return next(d for d in builtin_checklists() if d.slug == slug)


def with_primary(definition: ChecklistDefinition, key: str) -> ChecklistDefinition:
    """The checklist with `key` marked as a primary question, as a unit would decide before the round (validated
    anew, so that nothing cached of the original definition survives)."""
    data = definition.canonical_dict()
    for section in data["sections"]:
        for question in section["questions"]:
            if question["key"] == key:
                question["primary"] = True
    return ChecklistDefinition.model_validate(data)


@dataclass
class Planted:
    """The share of "ja" among women and among men for planted yes/no questions (others: the same for both)."""

    yes_share: Mapping[str, tuple[float, float]] = field(default_factory=dict)


def _answers(question: Question, n: int, rng: np.random.Generator, yes: float | None) -> Counter[object]:
    """n answers to one question as the tallies hold them."""
    t = question.type
    if t in (QuestionType.YES_NO, QuestionType.YES_NO_NA):
        share = 0.5 if yes is None else yes
        if t is QuestionType.YES_NO_NA:
            na = rng.binomial(n, 0.1)
            k = rng.binomial(n - na, share)
            return Counter({"ja": k, "nej": n - na - k, "ej_aktuellt": na})
        k = rng.binomial(n, share)
        return Counter({"ja": k, "nej": n - k})
    if t is QuestionType.SINGLE_CHOICE:
        options = [o.value for o in question.options or []]
        drawn = rng.multinomial(n, np.full(len(options), 1 / len(options)))
        return Counter(dict(zip(options, (int(x) for x in drawn), strict=True)))
    if t is QuestionType.MULTIPLE_CHOICE:
        options = [o.value for o in question.options or []]
        return Counter({o: int(rng.binomial(n, 0.3)) for o in options})
    if t is QuestionType.SCALE:
        drawn = rng.multinomial(n, [0.1, 0.2, 0.4, 0.2, 0.1])
        return Counter({str(v): int(x) for v, x in zip(range(1, 6), drawn, strict=True)})
    if t in NUMBER_TYPES:
        scale = 30.0 if t is QuestionType.DAYS else 2500.0 if t is QuestionType.MONEY else 5.0
        values = np.round(rng.lognormal(0.0, 0.6, n) * scale, 0)
        return Counter(float(v) for v in values)
    return Counter({"": n})


def simulated_round(
    definition: ChecklistDefinition,
    women: int,
    men: int,
    rng: np.random.Generator,
    planted: Planted | None = None,
    bands: int = 0,
) -> Collected:
    """One round; with `bands`, the cases are spread at random over that many of the checklist's age bands (the
    second breakdown), with the same answers' distribution in each."""
    planted = planted or Planted()
    values = [b.value for b in definition.age_bands][:bands] if bands else [None]
    split = {
        group: rng.multinomial(n, np.full(len(values), 1 / len(values)))
        for group, n in ((SexGroup.FEMALE, women), (SexGroup.MALE, men))
    }
    tallies: dict[str, dict[tuple[str | None, SexGroup], Tally]] = {}
    for question in definition.questions():
        cells: dict[tuple[str | None, SexGroup], Tally] = {}
        for group, index in ((SexGroup.FEMALE, 0), (SexGroup.MALE, 1)):
            share = planted.yes_share.get(question.key)
            for stratum, n in zip(values, split[group], strict=True):
                drawn = _answers(question, int(n), rng, None if share is None else share[index])
                # a multiple choice's respondents are the cases answering it, whatever they chose
                answered = int(n) if question.type is QuestionType.MULTIPLE_CHOICE else sum(drawn.values())
                cells[(stratum, group)] = Tally(
                    answered, +drawn if kind_of(question) != "not_aggregated" else Counter()
                )
        tallies[question.key] = cells
    sex_f, sex_m = (Sex.FLICKA, Sex.POJKE) if definition.subject.value == "child" else (Sex.KVINNA, Sex.MAN)
    cases: Counter[tuple[str | None, Sex]] = Counter()
    for stratum, n_f, n_m in zip(values, split[SexGroup.FEMALE], split[SexGroup.MALE], strict=True):
        cases[(stratum, sex_f)] += int(n_f)
        cases[(stratum, sex_m)] += int(n_m)
    counts = Counts(cases=cases, reviews=women + men)
    info = RoundInfo("sim", "Simulerad", "2026", definition.slug, definition.version)
    return Collected([RoundRow(1, info, None)], definition, tallies, counts, women + men, [], 3)


def simulated_aggregate(collected: Collected) -> Aggregate:
    by = "age_band" if any(stratum is not None for stratum, _ in collected.counts.cases) else None
    return summarise(collected, AggregateRequest(("sim",), breakdown=by))


def yes_no_keys(definition: ChecklistDefinition) -> list[str]:
    return [q.key for q in definition.questions() if q.compare_by_sex and q.type is QuestionType.YES_NO]


def simulated_before_after(after: Collected, before: Collected) -> BeforeAfter:
    """`compare_rounds` over two simulated rounds of the same checklist version: every key maps to itself."""
    request = AggregateRequest(("sim",))
    lineage = {q.key: q.key for q in after.definition.questions()}
    return changes_between(after, before, lineage, request, request)


def power_table(sizes: tuple[int, ...] = (30, 50, 100), rounds: int = 50, seed: int = 1) -> str:
    """The share of simulated missbruk rounds that flag a planted difference (a yes/no question, the other 37 questions
    without a difference), by round size and difference, adjusted among the 38 and as a primary question; the table in
    docs/aggregate-format.md. `python -m tests.services.simulation` prints it."""
    definition = checklist("missbruk")
    key = yes_no_keys(definition)[0]
    primary = with_primary(definition, key)
    rng = np.random.default_rng(seed)
    lines = [
        "| kvinnor + män | skillnad | flaggad bland 38 frågor | flaggad som huvudfråga |",
        "| --- | --- | --- | --- |",
    ]
    for n in sizes:
        for low, high in ((0.4, 0.6), (0.3, 0.7)):
            shares = []
            for chosen in (definition, primary):
                found = 0
                for _ in range(rounds):
                    result = simulated_aggregate(simulated_round(chosen, n, n, rng, Planted({key: (low, high)})))
                    found += key in [f.question_key for f in result.findings]
                shares.append(f"{round(100 * found / rounds)} %")
            lines.append(f"| {n} + {n} | {round(100 * (high - low))} procentenheter | {shares[0]} | {shares[1]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(power_table())
