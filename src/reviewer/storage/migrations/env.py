"""Alembic environment: always run with a connection handed in by `reviewer.storage.database`."""

from alembic import context
from sqlmodel import SQLModel

import reviewer.storage.models  # noqa: F401 - registers the tables on the metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("reviewer migrations run through reviewer.storage.database, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
