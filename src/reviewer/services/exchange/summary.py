"""What an import did (or will do), per file, per reviewer and in total, in the user's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from reviewer.domain.text import Language, language_from_environment


class Resolution(StrEnum):
    """What to do with a review that differs between the file and the database."""

    KEEP = "keep"  # keep the review in the database, ignore the incoming one
    TAKE = "take"  # replace the review's answers and status with the incoming ones
    BOTH = "both"  # keep the existing one and add the incoming one under the reviewer name "NAME (2)"


_RESOLUTION_WORDS = {
    Resolution.KEEP: ("behöll befintlig", "kept existing"),
    Resolution.TAKE: ("tog inkommande", "took incoming"),
    Resolution.BOTH: ("behöll båda", "kept both"),
}


@dataclass(frozen=True)
class ReviewCounts:
    new: int = 0
    unchanged: int = 0
    kept: int = 0
    taken: int = 0
    both: int = 0
    unresolved: int = 0

    @property
    def conflicts(self) -> int:
        return self.kept + self.taken + self.both + self.unresolved

    def __add__(self, other: ReviewCounts) -> ReviewCounts:
        return ReviewCounts(
            self.new + other.new,
            self.unchanged + other.unchanged,
            self.kept + other.kept,
            self.taken + other.taken,
            self.both + other.both,
            self.unresolved + other.unresolved,
        )

    def text(self, language: Language | None = None) -> str:
        """ "12 nya, 3 oförändrade, 1 konflikt (tog inkommande)"."""
        lang = language or language_from_environment()
        n = self.conflicts
        if lang == "en":
            line = f"{self.new} new, {self.unchanged} unchanged, {n} conflict{'' if n == 1 else 's'}"
        else:
            line = f"{self.new} nya, {self.unchanged} oförändrade, {n} konflikt{'' if n == 1 else 'er'}"
        resolved = [
            (count, _RESOLUTION_WORDS[resolution][lang == "en"])
            for count, resolution in (
                (self.kept, Resolution.KEEP),
                (self.taken, Resolution.TAKE),
                (self.both, Resolution.BOTH),
            )
            if count
        ]
        if self.unresolved:
            resolved.append((self.unresolved, "unresolved" if lang == "en" else "olösta"))
        if resolved:
            line += " (" + ", ".join(f"{count} {words}" for count, words in resolved) + ")"
        return line


def _add_all(counts: Iterable[ReviewCounts]) -> ReviewCounts:
    total = ReviewCounts()
    for item in counts:
        total = total + item
    return total


def _merge_reviewers(parts: Iterable[dict[str, ReviewCounts]]) -> dict[str, ReviewCounts]:
    merged: dict[str, ReviewCounts] = {}
    for part in parts:
        for reviewer, counts in part.items():
            merged[reviewer] = merged.get(reviewer, ReviewCounts()) + counts
    return dict(sorted(merged.items()))


@dataclass(frozen=True)
class FileSummary:
    file_name: str
    exported_by: str
    already_imported_at: datetime | None  # the file was imported before: nothing of it is imported again
    duplicate_of: str | None  # the same file is earlier in this batch
    reviews: ReviewCounts
    per_reviewer: dict[str, ReviewCounts]
    new_cases: int
    new_rounds: tuple[str, ...]
    merged_rounds: tuple[tuple[str, str], ...]  # (the round's name in the file, the round it joined)
    renamed_rounds: tuple[tuple[str, str], ...]  # (the round's name in the file, the name it got here)
    new_checklist_versions: tuple[str, ...]
    sampling_taken: tuple[str, ...] = ()  # rounds here that got the file's sampling record
    sampling_kept: tuple[str, ...] = ()  # rounds here that kept their own, different sampling record

    def text(self, language: Language | None = None) -> str:
        lang = language or language_from_environment()
        line = f"{self.file_name}: {self.reviews.text(lang)}"
        if self.already_imported_at is not None:
            when = self.already_imported_at.date().isoformat()
            line += f" (already imported {when})" if lang == "en" else f" (redan importerad {when})"
        elif self.duplicate_of is not None:
            line += (
                f" (the same file as {self.duplicate_of})" if lang == "en" else f" (samma fil som {self.duplicate_of})"
            )
        return line


@dataclass(frozen=True)
class ImportSummary:
    files: tuple[FileSummary, ...]
    per_reviewer: dict[str, ReviewCounts] = field(init=False)
    reviews: ReviewCounts = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reviews", _add_all(f.reviews for f in self.files))
        object.__setattr__(self, "per_reviewer", _merge_reviewers(f.per_reviewer for f in self.files))

    @property
    def new_cases(self) -> int:
        return sum(f.new_cases for f in self.files)

    @property
    def new_rounds(self) -> list[str]:
        return [name for f in self.files for name in f.new_rounds]

    @property
    def merged_rounds(self) -> list[tuple[str, str]]:
        return [pair for f in self.files for pair in f.merged_rounds]

    @property
    def renamed_rounds(self) -> list[tuple[str, str]]:
        return [pair for f in self.files for pair in f.renamed_rounds]

    @property
    def new_checklist_versions(self) -> list[str]:
        return [ref for f in self.files for ref in f.new_checklist_versions]

    @property
    def sampling_taken(self) -> list[str]:
        return [name for f in self.files for name in f.sampling_taken]

    @property
    def sampling_kept(self) -> list[str]:
        return [name for f in self.files for name in f.sampling_kept]

    def text(self, language: Language | None = None) -> str:
        """One line for the whole batch: "12 nya, 3 oförändrade, 1 konflikt"."""
        return self.reviews.text(language)

    def lines(self, language: Language | None = None) -> list[str]:
        """The details: each file, the rounds created, merged and renamed, each reviewer."""
        lang = language or language_from_environment()
        en = lang == "en"
        lines = [f.text(lang) for f in self.files]
        if len(self.files) > 1:
            lines.append(f"{'Total' if en else 'Totalt'}: {self.text(lang)}")
        if self.new_cases:
            lines.append(f"{'New cases' if en else 'Nya ärenden'}: {self.new_cases}")
        lines += [f"{'New round' if en else 'Ny omgång'}: {name}" for name in self.new_rounds]
        lines += [
            f"Merged: '{incoming}' joined the round '{into}' (same name, checklist and period)"
            if en
            else f"Sammanslagen: '{incoming}' lades till omgången '{into}' (samma namn, checklista och period)"
            for incoming, into in self.merged_rounds
        ]
        lines += [
            f"Renamed: '{incoming}' was imported as '{new}' (the name is taken by a round with another checklist "
            "version, period or kind)"
            if en
            else f"Nytt namn: '{incoming}' importerades som '{new}' (namnet är upptaget av en omgång med en annan "
            "checklistversion, period eller typ)"
            for incoming, new in self.renamed_rounds
        ]
        lines += [
            f"{'New checklist version' if en else 'Ny checklistversion'}: {ref}" for ref in self.new_checklist_versions
        ]
        lines += [
            f"Sample: the round '{name}' took the file's description of how its cases were drawn"
            if en
            else f"Urval: omgången '{name}' fick filens beskrivning av hur ärendena drogs"
            for name in self.sampling_taken
        ]
        lines += [
            f"Sample kept: the round '{name}' already has another description of how its cases were drawn; it was "
            "kept and the file's was not used"
            if en
            else f"Urvalet behölls: omgången '{name}' har redan en annan beskrivning av hur ärendena drogs; den "
            "behölls och filens användes inte"
            for name in self.sampling_kept
        ]
        if self.per_reviewer:
            lines.append("Per reviewer:" if en else "Per granskare:")
            lines += [f"  {reviewer}: {counts.text(lang)}" for reviewer, counts in self.per_reviewer.items()]
        return lines
