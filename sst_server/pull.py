"""The change feed as one device's user may see it: records after a cursor, in version order
(which is commit order, see ``db``), in bounded pages, each record filtered by the shared rule
and stripped of protected-identity details the user may not hold. Before the feed, whatever a
scope change brought into reach (a backfill) or took out of it (evictions): see
``scope_changes``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection, Engine

from sst_desktop.sync.protocol import Eviction, PullResponse, RecordState
from sst_server.db import records, removals
from sst_server.removal import horizon
from sst_server.row_security import case_records
from sst_server.scope import CaseContext, Staff, may_read, visible_fields
from sst_server.scope_changes import (
    Cursor,
    ScopeMap,
    advanced,
    current_scope,
    diff,
    format_cursor,
    in_change,
    parse_cursor,
    recall,
    remember,
    scope_key,
    scope_mark,
    scope_unchanged,
)

SCAN_FACTOR = 4  # rows read per row wanted before the page is cut short
# What a device is sent of a record: not the merge's bookkeeping (decoding JSON is most of
# the server's share of a first sync).
PULLED = tuple(c for c in records.c if c.name != "field_versions")


def pull(
    engine: Engine, staff: Staff, cursor_text: str | None, limit: int, today: date
) -> PullResponse:
    cursor = parse_cursor(cursor_text)
    with engine.begin() as conn:  # writes only a scope snapshot
        compacted_to = horizon(conn)
        if cursor.horizon < compacted_to and 0 < cursor.version < compacted_to:
            # Tombstones this device has not seen were compacted away after its cursor was
            # issued: it starts again from nothing and then removes what it holds that the
            # server no longer has (see reconcile). A walk begun after the compaction goes on.
            return PullResponse(changes=[], cursor="", more=True, full_resync=True)
        cursor = advanced(cursor, horizon=compacted_to)
        if cursor.target is not None:
            return _backfill(conn, staff, cursor, recall(conn, cursor.target) or {}, limit, today)
        if scope_unchanged(conn, staff, cursor, today):
            # Working the scope out again on every page made a first sync of 500 cases
            # quadratic: cases times pages.
            return _feed(conn, staff, cursor, limit, today)
        cursor = advanced(
            cursor,
            scope_at=scope_mark(conn),
            scope_day=today.isoformat(),
            scope_key=scope_key(staff),
        )
        now_scope = current_scope(conn, staff, today)
        held = recall(conn, cursor.snapshot)
        if held is None or cursor.version == 0:
            # A new device, or a snapshot this server never stored: the feed from the start
            # brings what is in reach (a forged snapshot id gets nothing it may not see).
            held = {} if cursor.version else now_scope
            if cursor.version == 0:
                cursor = advanced(cursor, snapshot=remember(conn, now_scope))
        change = diff(held, now_scope)
        evictions = _evictions(conn, staff, change.removed)
        if change.added:
            target = remember(conn, now_scope)
            start = advanced(cursor, target=target, after=0)
            page = _backfill(conn, staff, start, now_scope, limit, today, added=change.added)
            return page.model_copy(update={"evictions": evictions})
        if change.removed:
            cursor = advanced(cursor, snapshot=remember(conn, now_scope))
        page = _feed(conn, staff, cursor, limit, today)
        return page.model_copy(update={"evictions": evictions + page.evictions})


def _feed(conn: Connection, staff: Staff, cursor: Cursor, limit: int, today: date) -> PullResponse:
    """Records and purges after the cursor, in version order, cut at ``limit`` records."""
    scan = limit * SCAN_FACTOR
    versions = list(
        conn.execute(
            select(records.c.version)
            .where(records.c.version > cursor.version, team_filter(staff))
            .order_by(records.c.version)
            .limit(scan + 1)
        ).scalars()
    )
    purged = _purges(conn, staff, cursor.version, scan + 1)
    end = _scanned_to(versions, [p.version for p in purged], scan)
    changes, last, cut = _visible_up_to(conn, staff, cursor.version, end, limit, today)
    if cut and last is not None:
        end = last
    position = cursor.version if end is None else end
    return PullResponse(
        changes=changes,
        cursor=format_cursor(advanced(cursor, version=position)),
        more=len(versions) > scan or len(purged) > scan or cut,
        evictions=[
            Eviction(entity_type=p.entity_type, entity_id=p.entity_id, reason="purged")
            for p in purged
            if end is not None and p.version <= end
        ],
    )


def _visible_up_to(
    conn: Connection, staff: Staff, after: int, end: int | None, limit: int, today: date
) -> tuple[list[RecordState], int | None, bool]:
    """What the user may read in (after, end], at most ``limit``, as ``visible_states``. The
    fields (JSON) are read only as far as the page needs them, ``limit`` rows at a time: the
    scan that finds ``end`` reads versions only, where it read and decoded up to four times
    the rows a page sends."""
    changes: list[RecordState] = []
    last: int | None = None
    while end is not None:
        rows = list(
            conn.execute(
                select(*PULLED)
                .where(records.c.version > after, records.c.version <= end, team_filter(staff))
                .order_by(records.c.version)
                .limit(limit)
            )
        )
        found, seen, cut = visible_states(conn, staff, rows, limit - len(changes), today)
        changes += found
        last = seen if seen is not None else last
        if cut:
            return changes, last, True
        if len(rows) < limit:
            break
        after = rows[-1].version
    return changes, last, False


def _purges(conn: Connection, staff: Staff, after: int, limit: int) -> list[Any]:
    """Purges after a position in the team's reach (ids only: nothing else is left)."""
    return list(
        conn.execute(
            select(removals.c.entity_type, removals.c.entity_id, removals.c.version)
            .where(
                removals.c.version > after,
                removals.c.reason == "purged",
                or_(removals.c.team_id.is_(None), removals.c.team_id == staff.team_id),
            )
            .order_by(removals.c.version)
            .limit(limit)
        )
    )


def _scanned_to(versions: Sequence[int], purged: Sequence[int], scan: int) -> int | None:
    """The last version this page covers: the ``scan``-th of records and purges together."""
    merged = sorted([*versions, *purged])[:scan]
    return merged[-1] if merged else None


def _backfill(
    conn: Connection,
    staff: Staff,
    cursor: Cursor,
    target: ScopeMap,
    limit: int,
    today: date,
    *,
    added: ScopeMap | None = None,
) -> PullResponse:
    """Records that came into reach, up to the feed position, after the backfill position."""
    if added is None:
        added = diff(recall(conn, cursor.snapshot) or {}, target).added
    case_ids = list(added)
    scan = limit * SCAN_FACTOR
    rows = list(
        conn.execute(
            select(*PULLED)
            .where(
                records.c.version <= cursor.version,
                records.c.version > cursor.after,
                or_(records.c.case_id.in_(case_ids), records.c.entity_id.in_(case_ids)),
            )
            .order_by(records.c.version)
            .limit(scan + 1)
        )
    )
    more = len(rows) > scan
    wanted = [
        r
        for r in rows[:scan]
        if in_change(r.case_id, r.entity_id, r.authority, r.category, added, staff)
    ]
    changes, last, cut = visible_states(conn, staff, wanted, limit, today)
    if more or cut:
        position = last if cut and last is not None else rows[scan - 1].version
        after = advanced(cursor, after=position)
    else:  # done: the device now holds the target scope
        after = advanced(cursor, snapshot=cursor.target, target=None, after=0)
    return PullResponse(changes=changes, cursor=format_cursor(after), more=True)


def visible_states(
    conn: Connection, staff: Staff, rows: Sequence[Any], limit: int, today: date
) -> tuple[list[RecordState], int | None, bool]:
    """The rows the user may read, at most ``limit``; the last version looked at; cut short?"""
    context = CaseContext.load(
        conn,
        {r.case_id for r in rows if r.case_id},
        {_student_of(r) for r in rows if r.entity_type in ("students", "guardians")},
    )
    changes: list[RecordState] = []
    last: int | None = None
    for row in rows:
        if len(changes) == limit:
            return changes, last, True
        last = row.version
        if may_read(staff, row, context, today):
            changes.append(_state(staff, row, context))
    return changes, last, False


def _evictions(conn: Connection, staff: Staff, removed: ScopeMap) -> list[Eviction]:
    if not removed:
        return []
    # Every version, whatever team holds the case now: one changed after the cursor is not in
    # the feed for this user either, and a case handed to another team is out of its reach.
    rows = case_records(conn, list(removed))
    return [
        Eviction(entity_type=r.entity_type, entity_id=r.entity_id, reason="out_of_scope")
        for r in rows
        if in_change(r.case_id, r.entity_id, r.authority, r.category, removed, staff)
    ]


def team_filter(staff: Staff) -> Any:
    """A coarse SQL cut (the team's rows and organisation data); the rule decides the rest."""
    return or_(records.c.team_id.is_(None), records.c.team_id == staff.team_id)


def _student_of(row: Any) -> str:
    return str(row.entity_id if row.entity_type == "students" else row.fields.get("student_id"))


def _state(staff: Staff, row: Any, context: CaseContext) -> RecordState:
    return RecordState(
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        version=row.version,
        deleted=row.deleted,
        authority=row.authority,
        record_class=row.record_class,
        case_id=row.case_id,
        fields=visible_fields(staff, row, context),
    )
