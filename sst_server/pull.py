"""The change feed as one device's user may see it: records after a cursor, in version order
(which is commit order, see ``db``), in bounded pages, each record filtered by the shared rule
and stripped of protected-identity details the user may not hold."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Engine

from sst_desktop.sync.protocol import PullResponse, RecordState
from sst_server.db import records
from sst_server.scope import CaseContext, Staff, may_read, visible_fields

SCAN_FACTOR = 4  # rows read per row wanted before the page is cut short


def pull(engine: Engine, staff: Staff, cursor: str | None, limit: int, today: date) -> PullResponse:
    after = _position(cursor)
    scan = limit * SCAN_FACTOR
    with engine.connect() as conn:
        rows = list(
            conn.execute(
                select(records)
                .where(records.c.version > after, _team_filter(staff))
                .order_by(records.c.version)
                .limit(scan + 1)
            )
        )
        more = len(rows) > scan
        rows = rows[:scan]
        context = CaseContext.load(
            conn,
            {r.case_id for r in rows if r.case_id},
            {_student_of(r) for r in rows if r.entity_type in ("students", "guardians")},
        )
    changes: list[RecordState] = []
    last = after
    for row in rows:
        if len(changes) == limit:
            more = True
            break
        last = row.version
        if may_read(staff, row, context, today):
            changes.append(_state(staff, row, context))
    return PullResponse(changes=changes, cursor=str(last), more=more)


def _position(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = int(cursor)
    except ValueError:
        raise ValueError("malformed cursor") from None
    if value < 0:
        raise ValueError("malformed cursor")
    return value


def _team_filter(staff: Staff) -> Any:
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
