"""The bulk writer's helpers."""

import uuid

from reviewer.services.bulk_reviews import random_uuids


def test_random_uuids_are_version_4_and_distinct():
    made = random_uuids(5000)
    assert len(set(made)) == 5000
    for text in made[:500]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
    assert random_uuids(0) == []
    # Every hex digit turns up in the variant position, mapped into 8, 9, a, b.
    assert {text[19] for text in made} == set("89ab")
