import pytest

from reviewer.domain.text import Message, ReviewerError, language_from_environment


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "sv"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
        ({"LANG": "C"}, "sv"),
    ],
)
def test_language_follows_posix_precedence(environ, expected):
    assert language_from_environment(environ) == expected


def test_error_speaks_both_languages():
    error = ReviewerError(Message("Filen är skadad", "The file is damaged"))
    assert error.text("sv") == "Filen är skadad"
    assert error.text("en") == "The file is damaged"


def test_a_count_takes_the_singular_for_one_only():
    from reviewer.domain.text import count_of

    assert count_of(1, "ärende", "ärenden") == "1 ärende"
    assert [count_of(n, "case", "cases") for n in (0, 2, 21)] == ["0 cases", "2 cases", "21 cases"]
    assert count_of("x", "ärende", "ärenden") == "x ärenden", "a hidden count reads as many"
