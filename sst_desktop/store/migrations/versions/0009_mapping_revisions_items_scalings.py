"""The mapping in revisions: a revision number and the revision it supersedes, the function of
the absence (catalogue codes and free text), what is marked missing with a reason; the Signs of
Safety columns and strengths as items, and the link from a revision to its 0-10 scalings (the
ratings themselves are ratings of the Signs of Safety instrument).

A completed revision cannot be changed, nor can what it holds (sections, trials, items,
scalings), by any path, ORM or raw SQL; a purge transaction may delete it. Unlike the triggers
of 0002 these let the server's copy through: a pulled row carries a new ``server_version`` (an
insert one at all), a local write keeps it, so a device never refuses what sync brings (a
concurrent edit made before the completion was known, or a completed revision's rows arriving
on a new device), which would stop its sync for good.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 17:44:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

NO_PURGE = "NOT EXISTS (SELECT 1 FROM purge_session)"
LOCAL_UPDATE = "NEW.server_version IS OLD.server_version"
MESSAGE = "sst:mapping_completed"
OWNED = ["case_id", "deleted", "authority", "record_class"]
# Content columns per table: a change to any of them is an edit (kept here on purpose, so later
# model changes never alter what this revision installs).
MAPPING_COLS = [
    "started_on",
    "completed_on",
    "analysis",
    "analysis_author_id",
    "revision",
    "supersedes_id",
    "absence_function_note",
    *OWNED,
]
# Compared by their content, not their text: the central store may hand a JSON value back with
# its keys in another order (PostgreSQL's jsonb), which is no change.
MAPPING_JSON_COLS = ["absence_functions", "missing"]
CHILD_COLS = {
    "mapping_sections": [
        "mapping_id",
        "perspective",
        "author_id",
        "student_view",
        "guardian_view",
        "absence_function",
        "observations",
        *OWNED,
    ],
    "mapping_trials": [
        "mapping_id",
        "intervention",
        "tried_from",
        "tried_to",
        "child_response",
        "author_id",
        *OWNED,
    ],
    "mapping_items": ["mapping_id", "kind", "text", "author_id", "position", *OWNED],
    "mapping_scalings": ["mapping_id", "rating_id", *OWNED],
}


def _meta_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("authority", sa.String(length=20), nullable=False),
        sa.Column("record_class", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
    ]


def _child_table(name: str, *columns: sa.Column, fks: dict[str, str]) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        *columns,
        *_meta_columns(),
        *(
            sa.ForeignKeyConstraint(
                [column], [f"{target}.id"], name=op.f(f"fk_{name}_{column}_{target}")
            )
            for column, target in {"case_id": "cases", **fks}.items()
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(op.f(f"ix_{name}_case_id"), name, ["case_id"])
    op.create_index(op.f(f"ix_{name}_mapping_id"), name, ["mapping_id"])


def _changed(cols: list[str]) -> str:
    return "(" + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in cols) + ")"


def _json_changed(cols: list[str]) -> str:
    def differs(a: str, b: str, c: str) -> str:
        # Built from constants of this module only, never from input.
        each = "SELECT key, value FROM json_each"
        return f"EXISTS ({each}({a}.{c}) EXCEPT {each}({b}.{c}))"

    return (
        "("
        + " OR ".join(
            f"json_type(NEW.{c}) IS NOT json_type(OLD.{c}) OR {differs('NEW', 'OLD', c)} "
            f"OR {differs('OLD', 'NEW', c)}"
            for c in cols
        )
        + ")"
    )


def _completed(ref: str) -> str:
    # Built from constants of this module only, never from input.
    return f"(SELECT completed_on FROM mappings WHERE id = {ref}) IS NOT NULL"  # noqa: S608


def _trigger(name: str, timing: str, table: str, when: str) -> None:
    op.execute(
        f"CREATE TRIGGER {name} BEFORE {timing} ON {table} FOR EACH ROW WHEN {when} "
        f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
    )


def _create_triggers() -> None:
    _trigger(
        "mapping_completed_update",
        "UPDATE",
        "mappings",
        f"OLD.completed_on IS NOT NULL AND {NO_PURGE} AND {LOCAL_UPDATE} "
        f"AND ({_changed(MAPPING_COLS)} OR {_json_changed(MAPPING_JSON_COLS)})",
    )
    _trigger(
        "mapping_completed_delete",
        "DELETE",
        "mappings",
        f"OLD.completed_on IS NOT NULL AND {NO_PURGE}",
    )
    for table, cols in CHILD_COLS.items():
        _trigger(
            f"{table}_completed_insert",
            "INSERT",
            table,
            f"NEW.server_version IS NULL AND {_completed('NEW.mapping_id')} AND {NO_PURGE}",
        )
        _trigger(
            f"{table}_completed_update",
            "UPDATE",
            table,
            f"({_completed('OLD.mapping_id')} OR {_completed('NEW.mapping_id')}) "
            f"AND {NO_PURGE} AND {LOCAL_UPDATE} AND {_changed(cols)}",
        )
        _trigger(
            f"{table}_completed_delete",
            "DELETE",
            table,
            f"{_completed('OLD.mapping_id')} AND {NO_PURGE}",
        )


def upgrade() -> None:
    # Plain ADD COLUMN (no table copy): the indexes of mappings stay as they are.
    op.add_column(
        "mappings", sa.Column("revision", sa.Integer(), nullable=False, server_default="1")
    )
    op.execute("ALTER TABLE mappings ADD COLUMN supersedes_id VARCHAR(36) REFERENCES mappings (id)")
    op.add_column(
        "mappings",
        sa.Column("absence_functions", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.add_column("mappings", sa.Column("absence_function_note", sa.Text(), nullable=True))
    op.add_column("mappings", sa.Column("missing", sa.JSON(), nullable=False, server_default="{}"))
    _child_table(
        "mapping_items",
        sa.Column("mapping_id", sa.String(length=36), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "worry",
                "danger_statement",
                "working_well",
                "strength",
                "needs_to_happen",
                "safety_goal",
                name="mappingitemkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        fks={"mapping_id": "mappings", "author_id": "staff"},
    )
    _child_table(
        "mapping_scalings",
        sa.Column("mapping_id", sa.String(length=36), nullable=False),
        sa.Column("rating_id", sa.String(length=36), nullable=False),
        fks={"mapping_id": "mappings", "rating_id": "ratings"},
    )
    _create_triggers()


def downgrade() -> None:
    for table in CHILD_COLS:
        for timing in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER {table}_completed_{timing}")
    op.execute("DROP TRIGGER mapping_completed_update")
    op.execute("DROP TRIGGER mapping_completed_delete")
    op.drop_table("mapping_scalings")
    op.drop_table("mapping_items")
    with op.batch_alter_table("mappings") as batch_op:  # a copy: a key column cannot be dropped
        for column in ("missing", "absence_function_note", "absence_functions", "supersedes_id"):
            batch_op.drop_column(column)
        batch_op.drop_column("revision")
