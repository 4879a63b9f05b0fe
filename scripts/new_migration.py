"""Developer tool: autogenerate the next Alembic revision by diffing the models against a
scratch plain-SQLite database at the current head (schema only, no data, no key needed).

Usage: .venv/bin/python scripts/new_migration.py "message" REVISION_ID
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from sst_desktop.store import schema


def main() -> None:
    message, rev_id = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        schema.upgrade_to_head(engine) if schema.known_revisions() else None
        with engine.begin() as conn:
            config = schema._config()
            config.attributes["connection"] = conn
            command.revision(config, message=message, rev_id=rev_id, autogenerate=True)


if __name__ == "__main__":
    main()
