"""Row-level security on records (PostgreSQL only; see sst_server.row_security).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:10:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

IN_SCOPE = """
    current_setting('sst.scope', true) = 'admin'
    OR (current_setting('sst.scope', true) = 'staff'
        AND (team_id IS NULL OR team_id = current_setting('sst.team_id', true)))
"""
# A staff request may hand a case (and its records) to another team: the rows it may change are
# limited by USING; what they become only needs a scope.
MAY_WRITE = "current_setting('sst.scope', true) IN ('admin', 'staff')"

LIFTED = """
#variable_conflict use_column
DECLARE saved text := coalesce(current_setting('sst.scope', true), '');
BEGIN
    PERFORM set_config('sst.scope', 'admin', true);
    RETURN QUERY {query};
    PERFORM set_config('sst.scope', saved, true);
END
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE records ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE records FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY sst_scope ON records USING ({IN_SCOPE}) WITH CHECK ({MAY_WRITE})")
    taken = "SELECT entity_id::text FROM records WHERE entity_id = ANY(ids)"
    op.execute(
        "CREATE FUNCTION sst_taken_ids(ids text[]) RETURNS SETOF text LANGUAGE plpgsql AS $$"
        + LIFTED.format(query=taken)
        + "$$"
    )
    rows = (
        "SELECT entity_type::text, entity_id::text, case_id::text, authority::text, "
        "category::text FROM records WHERE case_id = ANY(ids) OR entity_id = ANY(ids)"
    )
    op.execute(
        "CREATE FUNCTION sst_case_records(ids text[]) RETURNS TABLE(entity_type text, "
        "entity_id text, case_id text, authority text, category text) LANGUAGE plpgsql AS $$"
        + LIFTED.format(query=rows)
        + "$$"
    )


def downgrade() -> None:
    raise RuntimeError("SST profiles are never downgraded; restore a backup instead")
