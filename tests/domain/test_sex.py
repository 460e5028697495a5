from reviewer.domain.sex import Sex, SexGroup, Subject, categories_for, group_of


def test_children_and_adults_compare_the_same_way():
    assert group_of(Sex.KVINNA) is group_of(Sex.FLICKA) is SexGroup.FEMALE
    assert group_of(Sex.MAN) is group_of(Sex.POJKE) is SexGroup.MALE
    assert group_of(Sex.ANNAT_OKANT) is SexGroup.OTHER


def test_every_subject_keeps_an_other_category():
    assert categories_for(Subject.CHILD) == (Sex.FLICKA, Sex.POJKE, Sex.ANNAT_OKANT)
    assert categories_for(Subject.ADULT) == (Sex.KVINNA, Sex.MAN, Sex.ANNAT_OKANT)
