"""Alembic environment: always runs on a connection handed in by ``sst_desktop.store.schema``.

There is no URL here on purpose: the database is encrypted and only the unlocked engine can open it.
"""

from __future__ import annotations

from alembic import context

import sst_desktop.models  # noqa: F401 - registers every table on the metadata
from sst_desktop.models.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("SST migrations run only through sst_desktop.store.schema")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
