"""PostgreSQL row-level security on ``records``: a second lock under the scope rule.

The rule (``scope``) decides record by record what a staff member may hold; a bug in a query
could still hand over another team's rows. So on PostgreSQL the table itself refuses them: every
transaction of a request made for a staff member runs with ``sst.scope = 'staff'`` and
``sst.team_id`` set, and the policy shows and lets it change only the team's rows and the
organisation's (team NULL). Administration, migrations and the server's own bookkeeping run as
``admin``; a transaction with neither sees nothing. FORCE makes the policy bind the table's
owner too, so the server's role needs no second login; a superuser would bypass it, so the
server must not connect as one (the tests do not).

Two questions need an answer across teams and get ids only, through functions that lift the
policy for their own query: is this id taken (a forged insert must be refused, not crash on the
key), and which records does a case that left the team hold (so the device evicts them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from sst_server.db import ROW_SCOPE, records


@contextmanager
def acting_for(team_id: str | None) -> Iterator[None]:
    """Transactions begun inside see the team's rows and the organisation's, nothing else."""
    token = ROW_SCOPE.set(("staff", team_id or ""))
    try:
        yield
    finally:
        ROW_SCOPE.reset(token)


def taken_ids(conn: Connection, ids: list[str]) -> set[str]:
    """Which of these ids any record holds, whatever its team."""
    if not ids:
        return set()
    if conn.dialect.name == "postgresql":
        found = conn.execute(
            text(
                "SELECT sst_taken_ids(ARRAY(SELECT jsonb_array_elements_text(CAST(:ids AS jsonb))))"
            ),
            {"ids": json.dumps(ids)},
        )
    else:
        found = conn.execute(select(records.c.entity_id).where(records.c.entity_id.in_(ids)))
    return set(found.scalars())


def case_records(conn: Connection, case_ids: list[str]) -> list[Any]:
    """Type, id, case, authority and category of every record of these cases (and the cases),
    whatever team holds them now."""
    if not case_ids:
        return []
    if conn.dialect.name == "postgresql":
        return list(conn.execute(text("SELECT * FROM sst_case_records(:ids)"), {"ids": case_ids}))
    return list(
        conn.execute(
            select(
                records.c.entity_type,
                records.c.entity_id,
                records.c.case_id,
                records.c.authority,
                records.c.category,
            ).where(records.c.case_id.in_(case_ids) | records.c.entity_id.in_(case_ids))
        )
    )
