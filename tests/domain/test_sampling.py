"""Drawing a round's files: reproducible from the seed alone, independent of the list's order, the strata as asked,
refusals that say which stratum is short, and double reviews shared among every pair of reviewers."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest
from scipy.stats import chisquare

from reviewer.domain.personnummer import PersonnummerError
from reviewer.domain.sampling import Allocation, Candidate, Design, SamplingError, draw, parse_reviewers, random_key
from reviewer.domain.sex import Sex, SexGroup, group_of


def population(women: int = 300, men: int = 320, other: int = 10, units: tuple[str, ...] = ("Norr", "Söder")):
    sexes = [Sex.KVINNA] * women + [Sex.MAN] * men + [Sex.ANNAT] * other
    return [Candidate(f"A-{i:05d}", sex, None, units[i % len(units)]) for i, sex in enumerate(sexes)]


def test_the_same_list_and_seed_give_the_same_sample_in_any_order():
    cases = population()
    design = Design(Allocation.EQUAL, 30, seed=42)
    shuffled = cases[:]
    random.Random(7).shuffle(shuffled)
    first, again = draw(cases, design), draw(shuffled, design)
    assert [c.code for c in first.cases] == [c.code for c in again.cases]
    other_seed = draw(cases, Design(Allocation.EQUAL, 30, seed=43))
    assert {c.code for c in other_seed.cases} != {c.code for c in first.cases}


def test_the_random_number_is_fixed_by_seed_and_code_alone():
    # Pinned: a later Python, numpy or machine must draw the same files from the same list and seed.
    assert random_key(42, "A-00001") == int("26486dc574465604", 16) / 2**64
    assert 0 <= random_key(1, "x") < 1


def test_equal_allocation_draws_as_many_women_as_men_and_other_in_its_share():
    result = draw(population(), Design(Allocation.EQUAL, 30, seed=1))
    groups = Counter(group_of(c.sex) for c in result.cases)
    assert groups[SexGroup.FEMALE] == groups[SexGroup.MALE] == 30
    assert groups[SexGroup.OTHER] == round(60 * 10 / 620)
    assert [(s.group, s.available, s.drawn) for s in result.strata] == [
        (SexGroup.FEMALE, 300, 30),
        (SexGroup.MALE, 320, 30),
        (SexGroup.OTHER, 10, 1),
    ]


def test_by_unit_draws_within_each_unit():
    result = draw(population(), Design(Allocation.EQUAL, 10, seed=1, by_unit=True))
    counts = Counter((c.unit, group_of(c.sex)) for c in result.cases)
    for unit in ("Norr", "Söder"):
        assert counts[(unit, SexGroup.FEMALE)] == counts[(unit, SexGroup.MALE)] == 10


def test_proportional_allocation_adds_up_and_follows_the_list():
    result = draw(population(), Design(Allocation.PROPORTIONAL, 63, seed=3))
    groups = Counter(group_of(c.sex) for c in result.cases)
    assert sum(groups.values()) == 63
    assert (groups[SexGroup.FEMALE], groups[SexGroup.MALE], groups[SexGroup.OTHER]) == (30, 32, 1)


def test_a_short_stratum_is_named():
    cases = [c for c in population() if not (c.unit == "Norr" and c.sex is Sex.MAN)]
    with pytest.raises(SamplingError) as caught:
        draw(cases, Design(Allocation.EQUAL, 10, seed=1, by_unit=True))
    assert caught.value.text("sv") == "Listan har 0 ärenden för män/pojkar i enheten Norr; 10 behövs"
    with pytest.raises(SamplingError, match="500"):
        draw(population(), Design(Allocation.EQUAL, 500, seed=1))
    with pytest.raises(SamplingError, match="630"):
        draw(population(), Design(Allocation.PROPORTIONAL, 700, seed=1))


def test_repeated_codes_and_impossible_designs_are_refused():
    cases = population(5, 5, 0)
    with pytest.raises(SamplingError, match="A-00001"):
        draw([*cases, cases[1]], Design(Allocation.EQUAL, 2, seed=1))
    with pytest.raises(SamplingError):
        draw(cases, Design(Allocation.EQUAL, 0, seed=1))
    with pytest.raises(SamplingError, match="two reviewers"):
        draw(cases, Design(Allocation.EQUAL, 2, seed=1, double_share=0.5, reviewers=("AB",)))


def test_double_reviews_are_shared_among_every_pair_and_both_sexes():
    reviewers = ("AB", "CD", "EF", "GH")
    result = draw(population(), Design(Allocation.EQUAL, 30, seed=5, double_share=0.2, reviewers=reviewers))
    pairs = Counter(r for r in result.assignments.values() if len(r) == 2)
    assert set(pairs) == set(itertools.combinations(reviewers, 2)), "every pair overlaps on some files"
    assert max(pairs.values()) - min(pairs.values()) <= 1
    doubled = [c for c in result.cases if len(result.assignments[c.code]) == 2]
    assert Counter(group_of(c.sex) for c in doubled)[SexGroup.FEMALE] == 6
    assert Counter(group_of(c.sex) for c in doubled)[SexGroup.MALE] == 6
    load = Counter(r for rs in result.assignments.values() for r in rs)
    assert max(load.values()) - min(load.values()) <= 2


def test_every_case_has_the_same_chance():
    """A seeded check that the permanent random numbers give a simple random sample: over 400 seeds each of 20
    cases is drawn (5 of 20) about equally often."""
    cases = [Candidate(f"K{i}", Sex.KVINNA) for i in range(20)] + [Candidate(f"M{i}", Sex.MAN) for i in range(20)]
    drawn = Counter(
        c.code
        for seed in range(400)
        for c in draw(cases, Design(Allocation.EQUAL, 5, seed=seed)).cases
        if c.sex is Sex.KVINNA
    )
    counts = [drawn[f"K{i}"] for i in range(20)]
    assert sum(counts) == 2000
    assert chisquare(counts).pvalue > 0.001


def test_reviewers_are_read_as_the_cli_and_the_gui_take_them():
    assert parse_reviewers(" AB, CD ,,ÅÖ, AB ") == ("AB", "CD", "ÅÖ")
    assert parse_reviewers("") == () and parse_reviewers(None) == ()


def test_initials_are_guarded_like_every_text_that_is_stored():
    cases = population(5, 5, 0)
    with pytest.raises(PersonnummerError) as refused:
        draw(cases, Design(Allocation.EQUAL, 2, seed=1, reviewers=("AB", "811228-9874")))
    assert "811228-9874" not in refused.value.text("sv")
    with pytest.raises(SamplingError, match="64"):
        draw(cases, Design(Allocation.EQUAL, 2, seed=1, reviewers=("A" * 65,)))
