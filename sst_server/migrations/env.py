"""Alembic environment of the central store: runs on the connection sst_server.schema gives."""

from __future__ import annotations

from alembic import context

from sst_server.db import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("server migrations run only through sst_server.schema")

context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
