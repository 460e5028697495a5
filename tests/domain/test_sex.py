import pytest

from reviewer.domain.sex import COMPARED, Sex, SexGroup, Subject, categories_for, group_of, read_legacy


def test_children_and_adults_compare_the_same_way():
    assert group_of(Sex.KVINNA) is group_of(Sex.FLICKA) is SexGroup.FEMALE
    assert group_of(Sex.MAN) is group_of(Sex.POJKE) is SexGroup.MALE


def test_annat_and_okant_are_counted_apart_and_never_compared():
    assert group_of(Sex.ANNAT) is SexGroup.OTHER
    assert group_of(Sex.OKANT) is SexGroup.UNKNOWN
    assert SexGroup.OTHER not in COMPARED and SexGroup.UNKNOWN not in COMPARED


def test_every_subject_offers_annat_and_okant():
    assert categories_for(Subject.CHILD) == (Sex.FLICKA, Sex.POJKE, Sex.ANNAT, Sex.OKANT)
    assert categories_for(Subject.ADULT) == (Sex.KVINNA, Sex.MAN, Sex.ANNAT, Sex.OKANT)


@pytest.mark.parametrize(("value", "read"), [("annat_okant", Sex.OKANT), ("annat", "annat"), ("x", "x")])
def test_the_value_of_earlier_versions_reads_as_okant(value, read):
    assert read_legacy(value) == read
