"""Drawing a round's files from the list of closed cases: a stratified random sample that can be explained to the
nämnd and drawn again, years later, to the same files.

Every case gets a random number from the seed and its case code alone (the first 64 bits of SHA-256 of
"seed:code", as a share of 2⁶⁴) – a *permanent random number* in SCB's sense. Within each stratum (sex, or unit × sex)
the cases are sorted by that number and the first n are taken: a simple random sample without replacement of each
stratum (sorting by independent uniform keys gives every subset of size n the same chance). Unlike a library's
random generator, whose stream may change between versions, SHA-256 never changes, and the draw does not depend on
the order of the list: the same list and seed give the same files on any machine.

Pure: no SQL, no Qt.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from reviewer.domain.personnummer import guard_text
from reviewer.domain.sex import COMPARED, Sex, SexGroup, group_of
from reviewer.domain.text import Message, ReviewerError

SAMPLING_METHOD = "sha256-permanent-random-numbers-v1"
MAX_REVIEWER = 64
StratumKey = tuple[str | None, SexGroup]  # (unit, or None when not drawn by unit; sex group)


class Allocation(StrEnum):
    EQUAL = "equal"  # n women and n men (per unit, with by_unit)
    PROPORTIONAL = "proportional"  # a total shared out by the strata's sizes


class SamplingError(ReviewerError):
    """A design the list cannot satisfy, or a design that makes no sense; the message says which."""


@dataclass(frozen=True)
class Candidate:
    code: str
    sex: Sex
    age_band: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Design:
    allocation: Allocation
    size: int  # per sex (equal) or in all (proportional)
    seed: int
    by_unit: bool = False
    double_share: float = 0.0
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Stratum:
    unit: str | None
    group: SexGroup
    available: int
    drawn: int


@dataclass(frozen=True)
class Draw:
    design: Design
    cases: tuple[Candidate, ...]
    strata: tuple[Stratum, ...]
    # case code → the reviewers who review it: one, or two for a double-reviewed case
    assignments: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def double_reviewed(self) -> int:
        return sum(1 for reviewers in self.assignments.values() if len(reviewers) > 1)


def parse_reviewers(text: str | None) -> tuple[str, ...]:
    """The reviewers' initials as the CLI and the GUI take them: separated by commas, in order, each once."""
    return tuple(dict.fromkeys(part.strip() for part in (text or "").split(",") if part.strip()))


def random_key(seed: int, code: str) -> float:
    """The case's permanent random number in [0, 1), from the seed and the case code alone."""
    digest = hashlib.sha256(f"{seed}:{code}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _key(seed: int) -> Callable[[Candidate], tuple[float, str]]:
    return lambda c: (random_key(seed, c.code), c.code)


def _order(seed: int, cases: Iterable[Candidate]) -> list[Candidate]:
    return sorted(cases, key=_key(seed))


def _validate(design: Design) -> None:
    if design.size < 1:
        raise SamplingError(Message("Urvalet ska omfatta minst ett ärende", "The sample must hold at least one case"))
    if not 0 <= design.double_share <= 1:
        raise SamplingError(
            Message(
                "Andelen dubbelgranskade ska ligga mellan 0 och 1", "The double-review share must be between 0 and 1"
            )
        )
    for reviewer in design.reviewers:
        guard_text(reviewer, Message("Granskarens initialer", "The reviewer's initials"))
        if len(reviewer) > MAX_REVIEWER:
            raise SamplingError(
                Message(
                    f"Granskarens initialer får vara högst {MAX_REVIEWER} tecken",
                    f"A reviewer's initials may be at most {MAX_REVIEWER} characters",
                )
            )
    if design.double_share > 0 and len(set(design.reviewers)) < 2:
        raise SamplingError(
            Message(
                "Dubbelgranskning kräver minst två granskare (ange deras initialer)",
                "Double review needs at least two reviewers (give their initials)",
            )
        )


def draw(candidates: Sequence[Candidate], design: Design) -> Draw:
    """The sample, its strata with what was available and drawn, and (with reviewers) who reviews what."""
    _validate(design)
    codes = Counter(c.code for c in candidates)
    repeated = sorted(code for code, n in codes.items() if n > 1)
    if repeated:
        raise SamplingError(
            Message(
                f"Ärendekoden {repeated[0]} står {codes[repeated[0]]} gånger i listan",
                f"The case code {repeated[0]} is in the list {codes[repeated[0]]} times",
            )
        )
    strata: dict[StratumKey, list[Candidate]] = defaultdict(list)
    for case in candidates:
        strata[(case.unit if design.by_unit else None, group_of(case.sex))].append(case)
    if design.allocation is Allocation.EQUAL:
        for unit in {key[0] for key in strata}:  # a unit without men (or women) cannot give its share
            strata.setdefault((unit, SexGroup.FEMALE), [])
            strata.setdefault((unit, SexGroup.MALE), [])
    wanted = _allocate(strata, design)
    drawn: list[Candidate] = []
    described: list[Stratum] = []
    for key in sorted(strata, key=lambda k: (k[0] or "", list(SexGroup).index(k[1]))):
        members = strata[key]
        n = wanted.get(key, 0)
        if n > len(members):
            raise SamplingError(_too_few(key, n, len(members)))
        drawn.extend(heapq.nsmallest(n, members, key=_key(design.seed)))
        described.append(Stratum(key[0], key[1], len(members), n))
    if not drawn:
        raise SamplingError(Message("Listan har inga ärenden att dra", "The list has no cases to draw"))
    ordered = tuple(_order(design.seed, drawn))
    return Draw(design, ordered, tuple(described), _assign(ordered, design))


def _allocate(strata: dict[StratumKey, list[Candidate]], design: Design) -> dict[StratumKey, int]:
    if design.allocation is Allocation.EQUAL:
        # Women and men: the asked number each; annat and okänt: each its own share of the list, so those cases
        # are reviewed and counted (never forced into the comparison) in the proportion in which they occur.
        wanted: dict[StratumKey, int] = {}
        for key, members in strata.items():
            if key[1] in COMPARED:
                wanted[key] = design.size
                continue
            unit = key[0]
            compared = sum(len(m) for k, m in strata.items() if k[0] == unit and k[1] in COMPARED)
            wanted[key] = round(2 * design.size * len(members) / compared) if compared else 0
        return wanted
    total = sum(len(m) for m in strata.values())
    if design.size > total:
        raise SamplingError(
            Message(
                f"Listan har {total} ärenden; ett urval på {design.size} går inte att dra",
                f"The list has {total} cases; a sample of {design.size} cannot be drawn",
            )
        )
    return _largest_remainder({k: len(m) for k, m in strata.items()}, design.size)


def _largest_remainder(sizes: dict[StratumKey, int], total: int) -> dict[StratumKey, int]:
    """Shares of `total` proportional to `sizes`, rounded so they add up (Hamilton's method; ties by key)."""
    whole = sum(sizes.values())
    exact = {k: total * n / whole for k, n in sizes.items()}
    result = {k: int(v) for k, v in exact.items()}
    left = total - sum(result.values())
    for key in sorted(exact, key=lambda k: (-(exact[k] - result[k]), str(k)))[:left]:
        result[key] += 1
    return result


_GROUP_WORDS_SV = {
    SexGroup.FEMALE: "kvinnor/flickor",
    SexGroup.MALE: "män/pojkar",
    SexGroup.OTHER: "annat",
    SexGroup.UNKNOWN: "okänt kön",
}
_GROUP_WORDS_EN = {
    SexGroup.FEMALE: "women/girls",
    SexGroup.MALE: "men/boys",
    SexGroup.OTHER: "other",
    SexGroup.UNKNOWN: "unknown sex",
}


def _too_few(key: StratumKey, wanted: int, available: int) -> Message:
    sv_group = _GROUP_WORDS_SV[key[1]]
    en_group = _GROUP_WORDS_EN[key[1]]
    where_sv = f" i enheten {key[0]}" if key[0] else ""
    where_en = f" in the unit {key[0]}" if key[0] else ""
    return Message(
        f"Listan har {available} ärenden för {sv_group}{where_sv}; {wanted} behövs",
        f"The list has {available} cases of {en_group}{where_en}; {wanted} are needed",
    )


def _assign(cases: Sequence[Candidate], design: Design) -> dict[str, tuple[str, ...]]:
    """Each case to one reviewer in turn; the double-reviewed share – taken evenly from women and men – to the pairs
    of reviewers in turn, so every pair overlaps on some files (what the agreement measures need)."""
    reviewers = tuple(dict.fromkeys(design.reviewers))
    if not reviewers:
        return {}
    by_group: dict[SexGroup, list[Candidate]] = defaultdict(list)
    for case in cases:
        by_group[group_of(case.sex)].append(case)
    double: list[Candidate] = []
    for group in SexGroup:
        members = by_group.get(group, [])
        double.extend(members[: round(len(members) * design.double_share)])
    pairs = itertools.cycle(itertools.combinations(reviewers, 2))
    turn = itertools.cycle(reviewers)
    chosen = {c.code for c in double}
    assignments: dict[str, tuple[str, ...]] = {}
    for case in cases:
        assignments[case.code] = next(pairs) if case.code in chosen else (next(turn),)
    return assignments
