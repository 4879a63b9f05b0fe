"""Profile statistics: counts only, never content (safe to print)."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from sst_desktop.casework.dto import ProfileStats
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.base import Base
from sst_desktop.models.case import Case
from sst_desktop.models.outbox import OutboxEntry
from sst_desktop.store import schema

COUNTED = (
    "students",
    "guardians",
    "cases",
    "referral_requests",
    "applications",
    "consents",
    "meetings",
    "contacts",
    "absence_records",
    "mappings",
    "plans",
    "plan_revisions",
    "closures",
    "follow_ups",
    "ratings",
    "schools",
    "districts",
    "teams",
    "staff",
)


def profile_stats(engine: Engine) -> ProfileStats:
    with Session(engine) as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0
            for name in COUNTED
        }
        by_state = {
            f"{programme.value}:{status.value}": n
            for programme, status, n in session.execute(
                select(Case.programme, Case.status, func.count()).group_by(
                    Case.programme, Case.status
                )
            )
        }
        audit = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        pending = (
            session.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.sent_at.is_(None))
            )
            or 0
        )
    return ProfileStats(
        counts, dict(sorted(by_state.items())), schema.current_revision(engine), audit, pending
    )
