"""Sealed rows (a saved rating, a held contact, a signed plan and what it holds) let the
server's copy through, as the mapping's triggers of 0009 do: a pulled row carries a new
``server_version`` (an insert one at all), a local write keeps it. Before, a device refused
what sync brought and its sync stopped for good: PostgreSQL hands a JSON value back with its
keys in its own order (a rating's item scores, a contact's participants) even for the version
the device wrote itself, and a new device may receive a signed plan's rows in the feed's
order. So JSON columns are compared by their content (every leaf by its path), not their
text. The central store checks these seals
itself (sst_server/push.py); here they guard the app's own writes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 18:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NO_PURGE = "NOT EXISTS (SELECT 1 FROM purge_session)"
LOCAL = "NEW.server_version IS OLD.server_version"
PULLED_INSERT = "NEW.server_version IS NULL"
PLAN_MESSAGE = "sst:signed_plan_immutable"
# The content columns as 0002, 0007 and 0008 sealed them (kept here on purpose).
RATING_COLS = [
    "instrument",
    "instrument_version",
    "respondent",
    "session_number",
    "rated_on",
    "item_scores",
    "supersedes_id",
    "deleted",
    "case_id",
    "contact_id",
    "guardian_id",
    "entry",
    "skipped",
    "imported_scores",
]
CONTACT_COLS = [
    "kind",
    "status",
    "at",
    "duration_minutes",
    "setting",
    "place",
    "participants",
    "note",
    "supersedes_id",
    "correction_reason",
    "deleted",
    "case_id",
]
PLAN_REVISION_COLS = [
    "plan_id",
    "number",
    "overall_aims",
    "valid_from",
    "review_on",
    "signed_at",
    "case_id",
    "deleted",
    "authority",
    "record_class",
    "supersedes_id",
]
CHILD_COLS = {
    "plan_goals": [
        "revision_id",
        "parent_id",
        "perspective",
        "text",
        "criterion",
        "target_date",
        "position",
        "deleted",
        "case_id",
    ],
    "plan_interventions": [
        "revision_id",
        "goal_id",
        "toolbox_code",
        "free_text",
        "responsible",
        "recipient",
        "setting",
        "active_from",
        "active_to",
        "deleted",
        "case_id",
        "frequency",
    ],
    "plan_signatures": [
        "revision_id",
        "signer_role",
        "signer_name",
        "signed_on",
        "method",
        "deleted",
        "case_id",
        "declined_reason",
    ],
}
STATUS_OK = "(NEW.status = OLD.status OR (OLD.status = 'signed' AND NEW.status = 'superseded'))"


JSON_COLS = frozenset({"item_scores", "imported_scores", "participants"})


def _changed(cols: list[str]) -> str:
    return "(" + " OR ".join(_differs(c) for c in cols) + ")"


def _differs(col: str) -> str:
    if col not in JSON_COLS:
        return f"NEW.{col} IS NOT OLD.{col}"
    # Built from constants of this module only, never from input.
    leaves = "SELECT fullkey, type, atom FROM json_tree"
    return (
        f"((NEW.{col} IS NULL) IS NOT (OLD.{col} IS NULL) OR EXISTS ({leaves}(NEW.{col}) "
        f"EXCEPT {leaves}(OLD.{col})) OR EXISTS ({leaves}(OLD.{col}) EXCEPT {leaves}(NEW.{col})))"
    )


def _signed(ref: str) -> str:
    # Built from constants of this module only, never from input.
    return f"(SELECT signed_at FROM plan_revisions WHERE id = {ref}) IS NOT NULL"  # noqa: S608


def _trigger(name: str, timing: str, table: str, when: str, message: str) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(
        f"CREATE TRIGGER {name} BEFORE {timing} ON {table} FOR EACH ROW WHEN {when} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _install(local_only: str, pulled_insert: str) -> None:
    """The seals; ``local_only``/``pulled_insert`` are the extra conditions ("" for 0008's)."""
    _trigger(
        "rating_update",
        "UPDATE",
        "ratings",
        f"{NO_PURGE}{local_only} AND {_changed(RATING_COLS)}",
        "sst:rating_final",
    )
    _trigger(
        "contact_held_update",
        "UPDATE",
        "contacts",
        f"OLD.status = 'held' AND {NO_PURGE}{local_only} AND {_changed(CONTACT_COLS)}",
        "sst:contact_final",
    )
    _trigger(
        "plan_revision_signed_update",
        "UPDATE",
        "plan_revisions",
        f"OLD.signed_at IS NOT NULL AND {NO_PURGE}{local_only} AND "
        f"({_changed(PLAN_REVISION_COLS)} OR NOT {STATUS_OK})",
        PLAN_MESSAGE,
    )
    for table, cols in CHILD_COLS.items():
        _trigger(
            f"{table}_signed_insert",
            "INSERT",
            table,
            f"{pulled_insert}{_signed('NEW.revision_id')} AND {NO_PURGE}",
            PLAN_MESSAGE,
        )
        _trigger(
            f"{table}_signed_update",
            "UPDATE",
            table,
            f"{_signed('OLD.revision_id')} AND {NO_PURGE}{local_only} AND {_changed(cols)}",
            PLAN_MESSAGE,
        )


def upgrade() -> None:
    _install(f" AND {LOCAL}", f"{PULLED_INSERT} AND ")


def downgrade() -> None:
    _install("", "")
