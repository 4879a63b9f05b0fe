"""Schema versions by Alembic: create a new profile at head, upgrade an older one on unlock.

An older profile is backed up (encrypted, by the caller's ``backup`` callable) before its first
migration step, so a failed upgrade never costs data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sst_desktop.errors import StoreError, error_code

log = logging.getLogger(__name__)

NEWER_SCHEMA = error_code(
    "store.newer_schema",
    "This profile was written by a newer version of SST Desktop (schema {revision}); "
    "update the app to open it.",
)
_MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


@cache  # the migration scripts ship with the app: read them once, not at every unlock
def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(
        {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}
    )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine, *, backup: Callable[[str | None], None] | None = None) -> bool:
    """Bring the schema to head; returns True if anything ran. ``backup`` is called first."""
    current = current_revision(engine)
    if current == head_revision():
        return False
    if current is not None and current not in known_revisions():
        raise StoreError(NEWER_SCHEMA, revision=current)
    if current is not None and backup is not None:
        backup(current)
    log.info("upgrading profile schema from %s to %s", current, head_revision())
    upgrade_to(engine, "head")
    return True


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to ``revision`` in one transaction (all steps or none)."""
    with engine.begin() as conn:
        config = _config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
