"""The sanity check after a round: what the user may hold, per type as a count and a rolling
fingerprint of ids and versions, compared by the device with what it holds; on a mismatch the
device walks the type's inventory and re-pulls (``fetch``) or removes the records that differ.

The comparison is meaningful only when the device is level with the server: its cursor at the
end of the feed and no scope change waiting. Otherwise the answer says ``current: False`` and
the device compares after its next round.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection, Engine

from sst_desktop.sync.fingerprint import fingerprint
from sst_desktop.sync.protocol import (
    DigestResponse,
    FetchResponse,
    InventoryResponse,
    TableDigest,
)
from sst_server.db import records, removals
from sst_server.pull import team_filter, visible_states
from sst_server.scope import CaseContext, Staff, may_read
from sst_server.scope_changes import current_scope, diff, parse_cursor, recall

NOT_COMPARED = frozenset({"sync_conflicts"})  # the device keeps conflicts in its own shape
_COLUMNS = (
    records.c.entity_type,
    records.c.entity_id,
    records.c.version,
    records.c.authority,
    records.c.record_class,
    records.c.category,
    records.c.case_id,
    records.c.team_id,
)


def digest(engine: Engine, staff: Staff, cursor_text: str | None, today: date) -> DigestResponse:
    cursor = parse_cursor(cursor_text)
    with engine.connect() as conn:
        held = recall(conn, cursor.snapshot)
        moved = diff(held or {}, current_scope(conn, staff, today))
        if (
            cursor.version == 0
            or held is None
            or cursor.target is not None
            or _feed_end(conn, staff) > cursor.version
            or moved.added
            or moved.removed
        ):
            return DigestResponse(current=False)
        by_type: dict[str, list[tuple[str, int]]] = {}
        team_rows = list(conn.execute(select(*_COLUMNS).where(team_filter(staff))))
        for row in _in_reach(conn, staff, today, team_rows):
            by_type.setdefault(row.entity_type, []).append((row.entity_id, row.version))
    tables = {}
    for name, pairs in by_type.items():
        count, value = fingerprint(pairs)
        tables[name] = TableDigest(count=count, fingerprint=value)
    return DigestResponse(current=True, tables=tables)


def inventory(
    engine: Engine, staff: Staff, entity_type: str, after: str | None, limit: int, today: date
) -> InventoryResponse:
    query = (
        select(*_COLUMNS)
        .where(team_filter(staff), records.c.entity_type == entity_type)
        .order_by(records.c.entity_id)
        .limit(limit)
    )
    if after is not None:
        query = query.where(records.c.entity_id > after)
    with engine.connect() as conn:
        rows = list(conn.execute(query))
        items = [(r.entity_id, r.version) for r in _in_reach(conn, staff, today, rows)]
    return InventoryResponse(
        items=items, after=rows[-1].entity_id if rows else after, more=len(rows) == limit
    )


def fetch(engine: Engine, staff: Staff, ids: list[str], today: date) -> FetchResponse:
    with engine.connect() as conn:
        rows = list(
            conn.execute(
                select(records)
                .where(team_filter(staff), records.c.entity_id.in_(ids))
                .order_by(records.c.version)
            )
        )
        changes, _last, _cut = visible_states(conn, staff, rows, len(rows) + 1, today)
    return FetchResponse(changes=changes)


def _in_reach(conn: Connection, staff: Staff, today: date, rows: Sequence[Any]) -> list[Any]:
    context = CaseContext.load(conn, {r.case_id for r in rows if r.case_id}, [])
    return [
        r for r in rows if r.entity_type not in NOT_COMPARED and may_read(staff, r, context, today)
    ]


def _feed_end(conn: Connection, staff: Staff) -> int:
    """The newest version the user's feed holds (records and purges of the team)."""
    newest = conn.execute(select(func.max(records.c.version)).where(team_filter(staff)))
    purged = conn.execute(
        select(func.max(removals.c.version)).where(
            removals.c.reason == "purged",
            or_(removals.c.team_id.is_(None), removals.c.team_id == staff.team_id),
        )
    )
    return max(int(newest.scalar() or 0), int(purged.scalar() or 0))
