"""Sending the device's audit chain to the central store: every event not yet sent, in chain
order, in batches; an event is marked sent (``server_version``) only in the local transaction
after the server's answer, so a cut resends it and the server skips what it already holds."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from sst_desktop.models.base import Base
from sst_desktop.sync.protocol import AuditPushResponse
from sst_desktop.sync.transport import Transport

log = logging.getLogger(__name__)
BATCH = 500
SENT = 1  # the server keeps no version for audit events: "sent" is all the device needs
_EVENTS = Base.metadata.tables["audit_events"]


def upload(engine: Engine, transport: Transport) -> int:
    """Send what is waiting; return how many events were sent."""
    sent = 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(
                select(_EVENTS)
                .where(_EVENTS.c.server_version.is_(None))
                .order_by(_EVENTS.c.seq)
                .limit(BATCH)
            ).all()
        if not rows:
            return sent
        answer = AuditPushResponse.model_validate(
            transport.post("/v1/audit", {"events": [_wire(row) for row in rows]})
        )
        if answer.faults:
            log.warning(
                "the server found %d faults in this device's audit chain", len(answer.faults)
            )
        with engine.begin() as conn:
            conn.execute(
                update(_EVENTS)
                .where(_EVENTS.c.seq.in_([row.seq for row in rows]))
                .values(server_version=SENT)
            )
        sent += len(rows)


def _wire(row: Any) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "id": row.id,
        "at": row.at.isoformat(),
        "device_id": row.device_id,
        "actor_id": row.actor_id,
        "action": row.action,
        "entity_type": row.entity_type,
        "entity_id": row.entity_id,
        "case_id": row.case_id,
        "details": row.details,
        "prev_hash": row.prev_hash,
        "hash": row.hash,
    }
