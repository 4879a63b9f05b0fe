"""`sst verify`: every page's cipher integrity, SQLite's own integrity and foreign keys, and the
audit chain. Returns every fault found, never stops at the first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from sst_desktop.models.audit import AuditEvent, AuditHead
from sst_rules.audit_chain import ChainFields, verify_chain


@dataclass(frozen=True)
class VerifyReport:
    cipher_faults: tuple[str, ...]
    integrity_faults: tuple[str, ...]
    foreign_key_faults: tuple[str, ...]
    audit_faults: tuple[str, ...]
    audit_events_checked: int

    @property
    def ok(self) -> bool:
        return not (
            self.cipher_faults
            or self.integrity_faults
            or self.foreign_key_faults
            or self.audit_faults
        )

    def lines(self) -> list[str]:
        return [
            *self.cipher_faults,
            *self.integrity_faults,
            *self.foreign_key_faults,
            *self.audit_faults,
        ]


def verify_profile(engine: Engine) -> VerifyReport:
    with engine.connect() as conn:
        cipher = [str(row[0]) for row in conn.execute(text("PRAGMA cipher_integrity_check"))]
        integrity = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
        fks = [
            f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
            for r in conn.execute(text("PRAGMA foreign_key_check"))
        ]
    audit_faults, checked = _verify_audit(engine)
    return VerifyReport(
        cipher_faults=tuple(cipher),
        integrity_faults=tuple(line for line in integrity if line != "ok"),
        foreign_key_faults=tuple(fks),
        audit_faults=tuple(audit_faults),
        audit_events_checked=checked,
    )


def _verify_audit(engine: Engine) -> tuple[list[str], int]:
    faults: list[str] = []
    checked = 0
    with Session(engine) as session:
        devices = set(session.scalars(select(AuditEvent.device_id).distinct()))
        heads = {h.device_id: h for h in session.scalars(select(AuditHead))}
        for device in sorted(devices | set(heads)):
            events = session.scalars(
                select(AuditEvent).where(AuditEvent.device_id == device).order_by(AuditEvent.seq)
            ).all()
            checked += len(events)
            head = heads.get(device)
            pairs = ((_fields(e), e.hash) for e in events)
            found = verify_chain(pairs, (head.seq, head.hash) if head else None)
            faults.extend(f"device {device}: {fault.describe()}" for fault in found)
    return faults, checked


def _fields(event: AuditEvent) -> ChainFields:
    return ChainFields(
        seq=event.seq,
        id=event.id,
        at=event.at,
        device_id=event.device_id,
        actor_id=event.actor_id,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        case_id=event.case_id,
        details=event.details,
        prev_hash=event.prev_hash,
    )
