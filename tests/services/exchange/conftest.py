"""`app` is the caseworker's program; `chief` and `colleague` are two more, each on its own data folder."""

import pytest

from reviewer.bootstrap import bootstrap


@pytest.fixture
def chief(tmp_path):
    application = bootstrap(data_dir=tmp_path / "chief")
    yield application
    application.close()


@pytest.fixture
def colleague(tmp_path):
    application = bootstrap(data_dir=tmp_path / "colleague")
    yield application
    application.close()
