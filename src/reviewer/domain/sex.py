"""Sex categories of the person a case is about.

Children and adults have their own words (flicka/pojke, kvinna/man) but are compared the same way. "Annat" (the
person is neither) and "okänt" (the file does not say) are counted and shown apart, and never forced into the
female/male comparison. Files and databases from before the two were told apart held one value, "annat_okant";
as nobody can tell afterwards which it was, it is read as "okänt" (`LEGACY_OTHER_UNKNOWN`).
"""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    KVINNA = "kvinna"
    MAN = "man"
    FLICKA = "flicka"
    POJKE = "pojke"
    ANNAT = "annat"
    OKANT = "okant"


# The single value earlier versions stored for annat and okänt together; read as okänt.
LEGACY_OTHER_UNKNOWN = "annat_okant"


class SexGroup(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"  # annat
    UNKNOWN = "unknown"  # okänt


# The groups in the order every table shows them; only the first two are compared.
GROUPS = (SexGroup.FEMALE, SexGroup.MALE, SexGroup.OTHER, SexGroup.UNKNOWN)
COMPARED = (SexGroup.FEMALE, SexGroup.MALE)


class Subject(StrEnum):
    """Whom the cases of a checklist are about, which decides the words offered for sex."""

    ADULT = "adult"
    CHILD = "child"


_GROUP = {
    Sex.KVINNA: SexGroup.FEMALE,
    Sex.FLICKA: SexGroup.FEMALE,
    Sex.MAN: SexGroup.MALE,
    Sex.POJKE: SexGroup.MALE,
    Sex.ANNAT: SexGroup.OTHER,
    Sex.OKANT: SexGroup.UNKNOWN,
}


def group_of(sex: Sex) -> SexGroup:
    return _GROUP[sex]


def read_legacy(value: object) -> object:
    """A sex value as read from a file: the value of earlier versions as okänt, anything else to be validated."""
    return Sex.OKANT if value == LEGACY_OTHER_UNKNOWN else value


def categories_for(subject: Subject) -> tuple[Sex, ...]:
    if subject is Subject.CHILD:
        return (Sex.FLICKA, Sex.POJKE, Sex.ANNAT, Sex.OKANT)
    return (Sex.KVINNA, Sex.MAN, Sex.ANNAT, Sex.OKANT)
