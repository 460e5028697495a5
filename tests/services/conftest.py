import pytest

from reviewer.services.checklists import get_version
from reviewer.services.rounds import create_round


@pytest.fixture
def missbruk_round(app):
    with app.db.session() as session:
        round_ = create_round(session, "Missbruk 2026 H1", get_version(session, "missbruk"), "2026 H1", actor="AB")
        return round_.uuid


@pytest.fixture
def round_uuid(app) -> str:
    """An empty missbruk round named as a spreadsheet of earlier reviews would fill it."""
    with app.db.session() as session:
        return create_round(session, "Missbruk 2024", get_version(session, "missbruk"), "2024").uuid
