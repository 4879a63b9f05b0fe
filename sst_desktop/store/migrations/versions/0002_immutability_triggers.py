"""Immutability in the database itself, and indexes for the everyday lists.

A signed plan revision (with its goals, interventions and signatures), a held contact, a rating
and an audit event cannot be changed by any path, ORM or raw SQL. Only a purge transaction (a row
in ``purge_session``) may delete them. ``server_version`` alone may change: sync stamps it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

NO_PURGE = "NOT EXISTS (SELECT 1 FROM purge_session)"
META = {"server_version", "updated_at", "updated_by"}

# Content columns per table: a change to any of them is an edit (kept in the migration on
# purpose, so later model changes never alter what this revision installs).
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
    ],
    "plan_signatures": [
        "revision_id",
        "signer_role",
        "signer_name",
        "signed_on",
        "method",
        "deleted",
        "case_id",
    ],
}
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
]
AUDIT_COLS = [
    "seq",
    "id",
    "at",
    "device_id",
    "actor_id",
    "action",
    "entity_type",
    "entity_id",
    "case_id",
    "details",
    "prev_hash",
    "hash",
]


def _changed(cols: list[str]) -> str:
    return "(" + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in cols) + ")"


def _trigger(name: str, timing: str, table: str, when: str, message: str) -> None:
    op.execute(
        f"CREATE TRIGGER {name} BEFORE {timing} ON {table} FOR EACH ROW WHEN {when} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _signed(revision_ref: str) -> str:
    # Built from constants of this module only, never from input.
    return f"(SELECT signed_at FROM plan_revisions WHERE id = {revision_ref}) IS NOT NULL"  # noqa: S608


def upgrade() -> None:
    msg = "sst:signed_plan_immutable"
    status_ok = "(NEW.status = OLD.status OR (OLD.status = 'signed' AND NEW.status = 'superseded'))"
    _trigger(
        "plan_revision_signed_update",
        "UPDATE",
        "plan_revisions",
        f"OLD.signed_at IS NOT NULL AND {NO_PURGE} AND "
        f"({_changed(PLAN_REVISION_COLS)} OR NOT {status_ok})",
        msg,
    )
    _trigger(
        "plan_revision_signed_delete",
        "DELETE",
        "plan_revisions",
        f"OLD.signed_at IS NOT NULL AND {NO_PURGE}",
        msg,
    )
    for table, cols in CHILD_COLS.items():
        _trigger(
            f"{table}_signed_insert",
            "INSERT",
            table,
            f"{_signed('NEW.revision_id')} AND {NO_PURGE}",
            msg,
        )
        _trigger(
            f"{table}_signed_update",
            "UPDATE",
            table,
            f"{_signed('OLD.revision_id')} AND {NO_PURGE} AND {_changed(cols)}",
            msg,
        )
        _trigger(
            f"{table}_signed_delete",
            "DELETE",
            table,
            f"{_signed('OLD.revision_id')} AND {NO_PURGE}",
            msg,
        )
    _trigger(
        "contact_held_update",
        "UPDATE",
        "contacts",
        f"OLD.status = 'held' AND {NO_PURGE} AND {_changed(CONTACT_COLS)}",
        "sst:contact_final",
    )
    _trigger(
        "rating_update",
        "UPDATE",
        "ratings",
        f"{NO_PURGE} AND {_changed(RATING_COLS)}",
        "sst:rating_final",
    )
    _trigger(
        "audit_update", "UPDATE", "audit_events", _changed(AUDIT_COLS), "sst:audit_append_only"
    )
    _trigger("audit_delete", "DELETE", "audit_events", NO_PURGE, "sst:audit_append_only")
    for table, cols in {
        "students": ["last_name", "first_name"],
        "cases": ["status", "programme"],
        "meetings": ["scheduled_at"],
        "contacts": ["at"],
        "follow_ups": ["due_on"],
        "consents": ["valid_until"],
    }.items():
        op.create_index(f"ix_{table}_{'_'.join(cols)}", table, cols)


def downgrade() -> None:
    raise RuntimeError("SST profiles are never downgraded; restore a backup instead")
