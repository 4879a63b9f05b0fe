"""Devices' audit chains on the server: append-only, checked on arrival, kept after the records.

Each device sends its events in chain order. The server checks every event against the one
before it (the stored tail of that chain): the sequence continues without a gap, the link
names the previous hash, and the hash covers the event (recomputed with the device's own
function, ``sst_rules.audit_chain``). A fault is stored as an alert and logged (device id,
sequence number, kind: nothing else) and the event is kept all the same: an audit trail with a
hole is still evidence, and refusing it would lose what follows. An event the server already
holds is skipped when identical and alerted as a fork when not.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection, Engine

from sst_desktop.ids import new_id
from sst_desktop.sync.protocol import AuditEventWire, AuditPushResponse
from sst_rules.audit_chain import GENESIS, ChainFields, event_hash
from sst_server.db import audit_alerts, audit_log, devices, records, staff

log = logging.getLogger(__name__)


@dataclass
class _Tail:
    seq: int
    hash: str


def receive(engine: Engine, device_id: str, events: list[AuditEventWire]) -> AuditPushResponse:
    stored = 0
    faults: list[str] = []
    with engine.begin() as conn:
        tails: dict[str, _Tail] = {}
        students = _students(conn, events)
        for event in sorted(events, key=lambda e: (e.device_id, e.seq)):
            tail = tails.get(event.device_id) or _tail(conn, event.device_id)
            kinds = _check(conn, event, tail)
            for kind in kinds:
                _alert(conn, event, kind, device_id)
                faults.append(f"{event.seq}:{kind}")
            if "fork" in kinds or "duplicate" in kinds:
                continue
            conn.execute(insert(audit_log).values(**_row(event, device_id, students)))
            tails[event.device_id] = _Tail(event.seq, event.hash)
            stored += 1
    return AuditPushResponse(stored=stored, faults=[f for f in faults if "duplicate" not in f])


def _check(conn: Connection, event: AuditEventWire, tail: _Tail) -> list[str]:
    if event.seq <= tail.seq:
        held = conn.execute(
            select(audit_log.c.hash).where(
                audit_log.c.chain_device_id == event.device_id, audit_log.c.seq == event.seq
            )
        ).scalar()
        if held is not None:
            return ["duplicate"] if held == event.hash else ["fork"]
    kinds = []
    if event.seq != tail.seq + 1:
        kinds.append("gap")
    elif event.prev_hash != tail.hash:
        kinds.append("broken_link")
    if event_hash(_fields(event)) != event.hash:
        kinds.append("edited")
    return kinds


def _tail(conn: Connection, chain: str) -> _Tail:
    last = conn.execute(
        select(audit_log.c.seq, audit_log.c.hash)
        .where(audit_log.c.chain_device_id == chain)
        .order_by(audit_log.c.seq.desc())
        .limit(1)
    ).first()
    return _Tail(0, GENESIS) if last is None else _Tail(int(last.seq), str(last.hash))


def _fields(event: AuditEventWire) -> ChainFields:
    return ChainFields(
        seq=event.seq,
        id=event.id,
        at=datetime.fromisoformat(event.at),
        device_id=event.device_id,
        actor_id=event.actor_id,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        case_id=event.case_id,
        details=event.details,
        prev_hash=event.prev_hash,
    )


def _students(conn: Connection, events: list[AuditEventWire]) -> dict[str, str]:
    """Record id -> the child it is about, for the cases and people the events name."""
    ids = {e.case_id for e in events if e.case_id} | {e.entity_id for e in events if e.entity_id}
    rows = conn.execute(
        select(records.c.entity_id, records.c.entity_type, records.c.fields).where(
            records.c.entity_id.in_(ids),
            records.c.entity_type.in_(("cases", "students", "guardians")),
        )
    )
    found: dict[str, str] = {}
    for row in rows:
        child = row.entity_id if row.entity_type == "students" else row.fields.get("student_id")
        if child:
            found[row.entity_id] = str(child)
    return found


def _row(event: AuditEventWire, sent_by: str, students: dict[str, str]) -> dict[str, Any]:
    return {
        "chain_device_id": event.device_id,
        "seq": event.seq,
        "id": event.id,
        "at": event.at,
        "actor_id": event.actor_id,
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "case_id": event.case_id,
        "student_id": students.get(event.case_id or "") or students.get(event.entity_id or ""),
        "details": event.details,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
        "sent_by": sent_by,
        "received_at": datetime.now(UTC),
    }


def _alert(conn: Connection, event: AuditEventWire, kind: str, sent_by: str) -> None:
    if kind == "duplicate":
        return
    log.warning(
        "audit chain %s: event %d %s (sent by %s)", event.device_id, event.seq, kind, sent_by
    )
    conn.execute(
        insert(audit_alerts).values(
            id=new_id(),
            chain_device_id=event.device_id,
            seq=event.seq,
            kind=kind,
            sent_by=sent_by,
            detected_at=datetime.now(UTC),
        )
    )


def extract_for_child(engine: Engine, student_id: str) -> list[dict[str, Any]]:
    """Who saw and changed what about one child, when, from which device (oldest first)."""
    query = (
        select(
            audit_log.c.at,
            audit_log.c.action,
            audit_log.c.entity_type,
            audit_log.c.entity_id,
            audit_log.c.case_id,
            audit_log.c.actor_id,
            staff.c.name.label("staff_name"),
            staff.c.role,
            audit_log.c.sent_by,
            devices.c.name.label("device_name"),
        )
        .select_from(
            audit_log.outerjoin(staff, staff.c.id == audit_log.c.actor_id).outerjoin(
                devices, devices.c.id == audit_log.c.sent_by
            )
        )
        .where(audit_log.c.student_id == student_id)
        .order_by(audit_log.c.at, audit_log.c.chain_device_id, audit_log.c.seq)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def alert_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_alerts)).scalar_one())
