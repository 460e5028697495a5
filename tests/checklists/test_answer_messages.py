"""A refused answer is named by the question's text, as the reviewer reads it, never by its internal key."""

from __future__ import annotations

import pytest

from reviewer.checklists.answers import AnswerError, check_answer
from reviewer.checklists.schema import Question, QuestionType

QUESTION = Question(
    key="antal_kompletteringar",
    type=QuestionType.INTEGER,
    text={"sv": "Hur många kompletteringar begärdes?", "en": "How many supplements were requested?"},
)


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        ("tre", "svaret ska vara ett tal", "the answer must be a number"),
        ("2,5", "svaret ska vara ett heltal", "the answer must be a whole number"),
        (-1, "svaret får inte vara mindre än 0", "the answer must be at least 0"),
    ],
)
def test_the_message_names_the_question_text_in_both_languages(value, sv, en):
    with pytest.raises(AnswerError) as info:
        check_answer(QUESTION, value)
    assert info.value.text("sv") == f"Frågan ”Hur många kompletteringar begärdes?”: {sv}"
    assert info.value.text("en") == f"Question “How many supplements were requested?”: {en}"
    assert "antal_kompletteringar" not in info.value.text("sv") + info.value.text("en")


def test_without_an_english_text_the_english_message_quotes_the_swedish_one():
    question = QUESTION.model_copy(update={"text": QUESTION.text.model_copy(update={"en": None})})
    with pytest.raises(AnswerError) as info:
        check_answer(question, "tre")
    assert info.value.text("en") == "Question “Hur många kompletteringar begärdes?”: the answer must be a number"
