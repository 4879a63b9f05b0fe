"""Read services for the case workspace's Contacts and Meetings tabs: one case's records as the
actor may see them (the authorisation rule, reads audited), as frozen rows for the views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Closure, FollowUp
from sst_desktop.models.contact import Contact, Meeting
from sst_desktop.models.school_outcomes import AbsenceRecord, ParticipationRecord


@dataclass(frozen=True)
class ContactRow:
    contact_id: str
    kind: str
    status: str
    at: datetime
    duration_minutes: int | None
    setting: str | None
    place: str | None
    note: str | None
    corrected: bool  # a later correction replaced it
    mine: bool


@dataclass(frozen=True)
class MeetingRow:
    meeting_id: str
    kind: str
    status: str
    scheduled_at: datetime
    duration_minutes: int | None
    setting: str | None
    place: str | None
    agenda: str | None
    notes: str | None
    cancel_reason: str | None


def visible_records(ctx: ServiceContext, case_id: str, model: type[Any]) -> list[Any]:
    """One case's records of one kind that the actor may read; the read is audited."""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        scope = access.case_scope(uow, case)
        if not access.case_visible(ctx.actor, scope):
            return []
        records = list(
            uow.session.scalars(
                select(model).where(model.case_id == case_id, model.deleted.is_(False))
            )
        )
        consents = access.consent_scopes(uow, case_id)
        visible, withheld = access.readable(ctx.actor, records, scope, consents, ctx.clock.today())
        uow.audit("list", model.__tablename__, None, case_id, count=len(visible), withheld=withheld)
        uow.commit()
        return visible


def case_contacts(ctx: ServiceContext, case_id: str) -> list[ContactRow]:
    contacts = visible_records(ctx, case_id, Contact)
    replaced = {c.supersedes_id for c in contacts if c.supersedes_id and c.correction_reason}
    rows = [
        ContactRow(
            contact_id=c.id,
            kind=c.kind.value,
            status=c.status.value,
            at=c.at,
            duration_minutes=c.duration_minutes,
            setting=c.setting.value if c.setting else None,
            place=c.place,
            note=c.note,
            corrected=c.id in replaced,
            mine=c.created_by == ctx.actor.staff_id,
        )
        for c in contacts
    ]
    return sorted(rows, key=lambda r: r.at, reverse=True)


def case_meetings(ctx: ServiceContext, case_id: str) -> list[MeetingRow]:
    rows = [
        MeetingRow(
            meeting_id=m.id,
            kind=m.kind.value,
            status=m.status.value,
            scheduled_at=m.scheduled_at,
            duration_minutes=m.duration_minutes,
            setting=m.setting.value if m.setting else None,
            place=m.place,
            agenda=m.agenda,
            notes=m.notes,
            cancel_reason=m.cancel_reason,
        )
        for m in visible_records(ctx, case_id, Meeting)
    ]
    return sorted(rows, key=lambda r: r.scheduled_at, reverse=True)


@dataclass(frozen=True)
class AbsenceRow:
    period_start: date
    period_end: date
    measured_on: date
    source: str
    measure: str
    percent: float


@dataclass(frozen=True)
class ParticipationRow:
    assessed_on: date
    level: str
    note: str | None


def case_absence(
    ctx: ServiceContext, case_id: str
) -> tuple[list[AbsenceRow], list[ParticipationRow]]:
    absence = [
        AbsenceRow(
            a.period_start, a.period_end, a.measured_on, a.source, a.measure.value, a.percent
        )
        for a in visible_records(ctx, case_id, AbsenceRecord)
    ]
    participation = [
        ParticipationRow(p.assessed_on, p.level.value, p.note)
        for p in visible_records(ctx, case_id, ParticipationRecord)
    ]
    return (
        sorted(absence, key=lambda r: r.period_start, reverse=True),
        sorted(participation, key=lambda r: r.assessed_on, reverse=True),
    )


@dataclass(frozen=True)
class ClosureRow:
    closed_on: date
    reason: str
    goals_met: str
    declined_recommendations: tuple[str, ...]
    maintenance_plan_wanted: bool


@dataclass(frozen=True)
class FollowUpRow:
    follow_up_id: str
    months_after: int
    due_on: date
    done_on: date | None
    participation_level: str | None
    acceptable_knowledge: bool | None


def case_closure(ctx: ServiceContext, case_id: str) -> tuple[ClosureRow | None, list[FollowUpRow]]:
    closures = [
        ClosureRow(
            c.closed_on,
            c.reason.value,
            c.goals_met,
            tuple(c.declined_recommendations),
            c.maintenance_plan_wanted,
        )
        for c in visible_records(ctx, case_id, Closure)
    ]
    follow_ups = [
        FollowUpRow(
            f.id,
            f.months_after,
            f.due_on,
            f.done_on,
            f.participation_level.value if f.participation_level else None,
            f.acceptable_knowledge,
        )
        for f in visible_records(ctx, case_id, FollowUp)
    ]
    return (closures[0] if closures else None, sorted(follow_ups, key=lambda f: f.due_on))
