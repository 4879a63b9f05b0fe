"""Who saw and changed what on one case: its audit events, newest first, with the staff
member's name. Reading the log is itself logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail
from sst_desktop.casework.queries import NOT_YOUR_CASE
from sst_desktop.errors import NotAllowedError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.case import Case
from sst_desktop.models.organisation import Staff

LIMIT = 2_000


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor_name: str
    action: str  # insert, update, delete, view, list, print, ...
    entity_type: str  # the table of the record


def case_audit(ctx: ServiceContext, case_id: str) -> list[AuditRow]:
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        if not access.case_visible(ctx.actor, access.case_scope(uow, case)):
            raise NotAllowedError(NOT_YOUR_CASE)
        rows = uow.session.execute(
            select(AuditEvent.at, Staff.name, AuditEvent.action, AuditEvent.entity_type)
            .outerjoin(Staff, Staff.id == AuditEvent.actor_id)
            .where(AuditEvent.case_id == case_id)
            .order_by(AuditEvent.seq.desc())
            .limit(LIMIT)
        ).all()
        uow.audit("view", "audit_events", None, case_id, count=len(rows))
        uow.commit()
    return [AuditRow(r[0], r[1] or "?", r[2], r[3]) for r in rows]
