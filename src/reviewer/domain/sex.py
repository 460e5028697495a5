"""Sex categories of the person a case is about.

Children and adults have their own words (flicka/pojke, kvinna/man) but are compared the same way; "annat/okänt" is
counted and shown, never forced into the female/male comparison.
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    KVINNA = "kvinna"
    MAN = "man"
    FLICKA = "flicka"
    POJKE = "pojke"
    ANNAT_OKANT = "annat_okant"


class SexGroup(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Subject(StrEnum):
    """Whom the cases of a checklist are about, which decides the words offered for sex."""

    ADULT = "adult"
    CHILD = "child"


_GROUP = {
    Sex.KVINNA: SexGroup.FEMALE,
    Sex.FLICKA: SexGroup.FEMALE,
    Sex.MAN: SexGroup.MALE,
    Sex.POJKE: SexGroup.MALE,
    Sex.ANNAT_OKANT: SexGroup.OTHER,
}


def group_of(sex: Sex) -> SexGroup:
    return _GROUP[sex]


def categories_for(subject: Subject) -> tuple[Sex, ...]:
    if subject is Subject.CHILD:
        return (Sex.FLICKA, Sex.POJKE, Sex.ANNAT_OKANT)
    return (Sex.KVINNA, Sex.MAN, Sex.ANNAT_OKANT)
