"""What a device may hold changes without any record changing: a case comes to the team, a
consent starts or stops covering the other authority's records, a case leaves the team.

The device's cursor carries the scope it has acknowledged (a content-addressed snapshot stored
here: which team cases, and which of the other authority's categories per case). On each pull
the server compares it with the scope now: what came into reach is sent although its versions
are older than the cursor (a backfill, in pages, its position kept in the cursor); what went out
of reach is evicted. The device commits each page with the cursor that acknowledges it, so a
lost answer is simply computed again.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from sst_rules.consent import covers
from sst_rules.enums import RecordCategory
from sst_server.db import records, removals, scope_snapshots
from sst_server.scope import CaseContext, Staff

ScopeMap = dict[str, list[str]]  # case id -> the other authority's categories in reach
WHOLE_CASE = "*"


@dataclass(frozen=True)
class Cursor:
    version: int = 0  # the feed position
    snapshot: str | None = None  # the scope the device holds
    target: str | None = None  # a backfill under way towards this scope...
    after: int = 0  # ...sent up to this version
    # The tombstone horizon when this cursor was issued: a walk that started after a compaction
    # misses nothing the compaction took (0 for cursors of servers before the field).
    horizon: int = 0
    # When the scope in ``snapshot``/``target`` was worked out: the feed's last version then,
    # the day and the user's team and authority. While no record that decides the scope has
    # changed since, the next page need not work it out again (see ``scope_touched``).
    scope_at: int = -1
    scope_day: str = ""
    scope_key: str = ""


class MalformedCursorError(ValueError):
    pass


def parse_cursor(text: str | None) -> Cursor:
    if not text:
        return Cursor()
    try:
        raw = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        cursor = Cursor(
            int(raw["v"]),
            raw.get("s"),
            raw.get("t"),
            int(raw.get("a", 0)),
            int(raw.get("h", 0)),
            int(raw.get("m", -1)),
            str(raw.get("d", "")),
            str(raw.get("k", "")),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise MalformedCursorError("malformed cursor") from error
    if cursor.version < 0 or cursor.after < 0 or cursor.horizon < 0:
        raise MalformedCursorError("malformed cursor")
    return cursor


def format_cursor(cursor: Cursor) -> str:
    raw = {"v": cursor.version, "s": cursor.snapshot, "t": cursor.target, "a": cursor.after}
    raw |= {"h": cursor.horizon, "m": cursor.scope_at, "d": cursor.scope_day, "k": cursor.scope_key}
    return base64.urlsafe_b64encode(json.dumps(raw, separators=(",", ":")).encode()).decode()


def current_scope(conn: Connection, staff: Staff, today: date) -> ScopeMap:
    if staff.team_id is None:
        return {}
    case_ids = list(
        conn.execute(
            select(records.c.entity_id).where(
                records.c.entity_type == "cases",
                records.c.team_id == staff.team_id,
                records.c.deleted.is_(False),
            )
        ).scalars()
    )
    consents = CaseContext.load(conn, case_ids, ()).consents
    scope: ScopeMap = {}
    for case_id in case_ids:
        scope[case_id] = sorted(
            category.value
            for category in RecordCategory
            if any(
                covers(c, case_id, category.value, staff.authority, today)
                for c in consents.get(case_id, [])
            )
        )
    return scope


# The records a user's scope is worked out from (``current_scope`` and ``CaseContext``).
SCOPE_TYPES = ("cases", "consents", "consent_parties", "case_assignments")


def scope_key(staff: Staff) -> str:
    return f"{staff.team_id}:{staff.authority}"


def scope_mark(conn: Connection) -> int:
    """The feed's last version (records and purges); read before the scope is worked out, so
    a change committed meanwhile counts as after it."""
    last = [
        conn.execute(select(func.max(table.c.version))).scalar() for table in (records, removals)
    ]
    return max((v for v in last if v is not None), default=0)


def scope_unchanged(conn: Connection, staff: Staff, cursor: Cursor, today: date) -> bool:
    """Whether the scope the cursor's snapshot holds still stands: worked out today for this
    team and authority, and no case anywhere (one may have left the team), nor a consent,
    consent party or assignment of the team, changed or was purged since. A forged cursor can
    only spare its device evictions, never bring it a record: each is still checked."""
    if (
        cursor.snapshot is None
        or cursor.scope_at < 0
        or cursor.scope_day != today.isoformat()
        or cursor.scope_key != scope_key(staff)
    ):
        return False
    others = [t for t in SCOPE_TYPES if t != "cases"]
    changed = select(records.c.entity_id).where(
        records.c.version > cursor.scope_at,
        or_(
            records.c.entity_type == "cases",
            and_(records.c.entity_type.in_(others), records.c.team_id == staff.team_id),
        ),
    )
    purged = select(removals.c.entity_id).where(
        removals.c.version > cursor.scope_at, removals.c.entity_type.in_(SCOPE_TYPES)
    )
    return all(conn.execute(query.limit(1)).first() is None for query in (changed, purged))


def remember(conn: Connection, scope: ScopeMap) -> str:
    """Store the snapshot (once; content-addressed) and return its id."""
    content = json.dumps(scope, sort_keys=True, separators=(",", ":"))
    snapshot_id = hashlib.sha256(content.encode()).hexdigest()
    exists = conn.execute(
        select(scope_snapshots.c.id).where(scope_snapshots.c.id == snapshot_id)
    ).first()
    if exists is None:
        try:
            with conn.begin_nested():
                conn.execute(
                    insert(scope_snapshots).values(
                        id=snapshot_id, content=scope, created_at=datetime.now(UTC)
                    )
                )
        except IntegrityError:
            pass  # another process stored the same snapshot a moment ago
    return snapshot_id


def recall(conn: Connection, snapshot_id: str | None) -> ScopeMap | None:
    if snapshot_id is None:
        return None
    row = conn.execute(
        select(scope_snapshots.c.content).where(scope_snapshots.c.id == snapshot_id)
    ).first()
    return None if row is None else dict(row.content)


@dataclass(frozen=True)
class ScopeDiff:
    added: ScopeMap  # case -> categories now in reach (WHOLE_CASE for a case new to the team)
    removed: ScopeMap  # case -> categories out of reach (WHOLE_CASE for a case that left)


def diff(old: ScopeMap, new: ScopeMap) -> ScopeDiff:
    added: ScopeMap = {}
    removed: ScopeMap = {}
    for case_id, categories in new.items():
        if case_id not in old:
            added[case_id] = [WHOLE_CASE]
        elif more := sorted(set(categories) - set(old[case_id])):
            added[case_id] = more
    for case_id, categories in old.items():
        if case_id not in new:
            removed[case_id] = [WHOLE_CASE]
        elif fewer := sorted(set(categories) - set(new[case_id])):
            removed[case_id] = fewer
    return ScopeDiff(added, removed)


def in_change(
    row_case: str | None,
    row_id: str,
    row_authority: str,
    row_category: str,
    change: ScopeMap,
    staff: Staff,
) -> bool:
    """Does this record fall in the changed part of the scope?"""
    case_id = row_id if row_case is None else row_case
    categories = change.get(case_id)
    if categories is None:
        return False
    if WHOLE_CASE in categories:
        return True
    return row_authority != staff.authority and row_category in categories


def advanced(cursor: Cursor, **changes: object) -> Cursor:
    return replace(cursor, **changes)  # type: ignore[arg-type]
