"""The everyday record of support: absence, participation, grades, meetings, contacts, SIP.

Meetings and contacts are never deleted: a rebooked meeting keeps its row and points at the new
one; a cancelled one keeps its reason; a held contact is final and is corrected by a new contact
that supersedes it and says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.contact import Contact, DailyContactOffer, Meeting, Sip
from sst_desktop.models.school_outcomes import AbsenceRecord, GradeRecord, ParticipationRecord
from sst_desktop.store.unit_of_work import ChangeSet
from sst_rules.enums import (
    AbsenceMeasure,
    ContactKind,
    MeetingKind,
    MeetingStatus,
    ParticipationLevel,
    Setting,
)

PERCENT_RANGE = error_code(
    "absence.percent_range", "An absence percentage must be between 0 and 100 (got {value})."
)
PERIOD_ORDER = error_code("absence.period_order", "The period must end on or after its start.")
MEASURED_BEFORE_END = error_code(
    "absence.measured_early", "Absence cannot be measured before the period has ended."
)
DURATION_RANGE = error_code(
    "contact.duration_range", "A duration must be between 0 and 1440 minutes (got {value})."
)
MEETING_STATE = error_code(
    "meeting.state", "A meeting that is {status} cannot be {action}; book a new one instead."
)
GRADES_RANGE = error_code(
    "grades.range", "Subjects passed must be between 0 and the number of subjects."
)
CONTACT_FINAL = error_code(
    "contact.final", "A held contact is final; record a correction that says why instead."
)


@dataclass(frozen=True)
class AbsenceInput:
    period_start: date
    period_end: date
    measured_on: date
    source: str
    measure: AbsenceMeasure
    percent: float


def record_absence(ctx: ServiceContext, case_id: str, data: AbsenceInput) -> ChangeSet:
    if not 0 <= data.percent <= 100:
        raise ValidationError(PERCENT_RANGE, value=data.percent)
    if data.period_end < data.period_start:
        raise ValidationError(PERIOD_ORDER)
    if data.measured_on < data.period_end:
        raise ValidationError(MEASURED_BEFORE_END)
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        uow.add(
            AbsenceRecord(
                case_id=case_id,
                period_start=data.period_start,
                period_end=data.period_end,
                measured_on=data.measured_on,
                source=require_text(data.source, "source"),
                measure=data.measure,
                percent=round(data.percent, 1),
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


def record_participation(
    ctx: ServiceContext,
    case_id: str,
    assessed_on: date,
    level: ParticipationLevel,
    source: str | None = None,
    note: str | None = None,
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        uow.add(
            ParticipationRecord(
                case_id=case_id,
                assessed_on=assessed_on,
                level=level,
                source=source,
                note=note,
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


def record_grades(
    ctx: ServiceContext,
    case_id: str,
    assessed_on: date,
    *,
    acceptable_knowledge: bool | None,
    subjects_passed: int | None = None,
    subjects_total: int | None = None,
    upper_secondary_eligible: bool | None = None,
    source: str | None = None,
) -> ChangeSet:
    if (
        subjects_passed is not None
        and subjects_total is not None
        and (not 0 <= subjects_passed <= subjects_total)
    ):
        raise ValidationError(GRADES_RANGE)
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        uow.add(
            GradeRecord(
                case_id=case_id,
                assessed_on=assessed_on,
                acceptable_knowledge=acceptable_knowledge,
                subjects_passed=subjects_passed,
                subjects_total=subjects_total,
                upper_secondary_eligible=upper_secondary_eligible,
                source=source,
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


@dataclass(frozen=True)
class MeetingInput:
    kind: MeetingKind
    scheduled_at: datetime
    duration_minutes: int | None = None
    setting: Setting | None = None
    place: str | None = None
    participants: tuple[dict[str, Any], ...] = ()
    agenda: str | None = None


def book_meeting(ctx: ServiceContext, case_id: str, data: MeetingInput) -> str:
    _check_duration(data.duration_minutes)
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        meeting = uow.add(_new_meeting(ctx, case_id, data))
        uow.commit()
        return str(meeting.id)


def _new_meeting(ctx: ServiceContext, case_id: str, data: MeetingInput) -> Meeting:
    return Meeting(
        case_id=case_id,
        kind=data.kind,
        status=MeetingStatus.BOOKED,
        scheduled_at=data.scheduled_at,
        duration_minutes=data.duration_minutes,
        setting=data.setting,
        place=data.place,
        participants=list(data.participants),
        agenda=data.agenda,
        **owner_tags(ctx.actor),
    )


def hold_meeting(ctx: ServiceContext, meeting_id: str, notes: str | None = None) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        meeting = _booked_meeting(uow, meeting_id, "held")
        meeting.status, meeting.notes = MeetingStatus.HELD, notes
        return uow.commit()


def rebook_meeting(ctx: ServiceContext, meeting_id: str, new_time: datetime) -> str:
    """Keep the old booking as 'rebooked' and point it at the new one."""
    with ctx.unit_of_work() as uow:
        old = _booked_meeting(uow, meeting_id, "rebooked")
        new = uow.add(
            Meeting(
                case_id=old.case_id,
                kind=old.kind,
                status=MeetingStatus.BOOKED,
                scheduled_at=new_time,
                duration_minutes=old.duration_minutes,
                setting=old.setting,
                place=old.place,
                participants=list(old.participants),
                agenda=old.agenda,
                **owner_tags(ctx.actor),
            )
        )
        old.status, old.rebooked_to_id = MeetingStatus.REBOOKED, new.id
        uow.commit()
        return str(new.id)


def cancel_meeting(ctx: ServiceContext, meeting_id: str, reason: str) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        meeting = _booked_meeting(uow, meeting_id, "cancelled")
        meeting.status, meeting.cancel_reason = (
            MeetingStatus.CANCELLED,
            require_text(reason, "cancel_reason"),
        )
        return uow.commit()


def _booked_meeting(uow: Any, meeting_id: str, action: str) -> Meeting:
    meeting: Meeting = get_or_fail(uow, Meeting, meeting_id)
    if meeting.status != MeetingStatus.BOOKED:
        raise WorkflowError(MEETING_STATE, status=meeting.status.value, action=action)
    return meeting


@dataclass(frozen=True)
class ContactInput:
    kind: ContactKind
    at: datetime
    status: MeetingStatus = MeetingStatus.HELD
    duration_minutes: int | None = None
    setting: Setting | None = None
    place: str | None = None
    participants: tuple[dict[str, Any], ...] = ()
    note: str | None = None


def log_contact(ctx: ServiceContext, case_id: str, data: ContactInput) -> str:
    """A home visit or daily contact logged in one call (seconds in the UI)."""
    _check_duration(data.duration_minutes)
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        contact = uow.add(_new_contact(ctx, case_id, data))
        uow.commit()
        return str(contact.id)


def correct_contact(ctx: ServiceContext, contact_id: str, data: ContactInput, why: str) -> str:
    _check_duration(data.duration_minutes)
    with ctx.unit_of_work() as uow:
        old: Contact = get_or_fail(uow, Contact, contact_id)
        new = _new_contact(ctx, old.case_id, data)
        new.supersedes_id, new.correction_reason = old.id, require_text(why, "correction_reason")
        uow.add(new)
        uow.commit()
        return str(new.id)


def change_contact_status(ctx: ServiceContext, contact_id: str, status: MeetingStatus) -> None:
    """A booked contact becomes held, rebooked or cancelled; a held one never changes."""
    with ctx.unit_of_work() as uow:
        contact: Contact = get_or_fail(uow, Contact, contact_id)
        if contact.status == MeetingStatus.HELD:
            raise WorkflowError(CONTACT_FINAL)
        contact.status = status
        uow.commit()


def rebook_contact(ctx: ServiceContext, contact_id: str, new_time: datetime) -> str:
    """Keep the old booking as 'rebooked' (never deleted) and book the contact again."""
    with ctx.unit_of_work() as uow:
        old: Contact = get_or_fail(uow, Contact, contact_id)
        if old.status != MeetingStatus.BOOKED:
            raise WorkflowError(MEETING_STATE, status=old.status.value, action="rebooked")
        again = ContactInput(
            kind=old.kind,
            at=new_time,
            status=MeetingStatus.BOOKED,
            duration_minutes=old.duration_minutes,
            setting=old.setting,
            place=old.place,
            participants=tuple(old.participants),
            note=old.note,
        )
        new = uow.add(_new_contact(ctx, old.case_id, again))
        new.supersedes_id = old.id
        old.status = MeetingStatus.REBOOKED
        uow.commit()
        return str(new.id)


def _new_contact(ctx: ServiceContext, case_id: str, data: ContactInput) -> Contact:
    return Contact(
        case_id=case_id,
        kind=data.kind,
        status=data.status,
        at=data.at,
        duration_minutes=data.duration_minutes,
        setting=data.setting,
        place=data.place,
        participants=list(data.participants),
        note=data.note,
        **owner_tags(ctx.actor),
    )


def record_daily_contact_offer(
    ctx: ServiceContext, case_id: str, offered_on: date, wanted: bool, channel: str | None = None
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        uow.add(
            DailyContactOffer(
                case_id=case_id,
                offered_on=offered_on,
                wanted=wanted,
                channel=channel,
                ended_on=None,
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


def record_sip(
    ctx: ServiceContext,
    case_id: str,
    held_on: date,
    *,
    coordinator: str | None,
    participants: tuple[dict[str, Any], ...] = (),
    agreed_actions: str | None = None,
    next_review_on: date | None = None,
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        uow.add(
            Sip(
                case_id=case_id,
                held_on=held_on,
                coordinator=coordinator,
                participants=list(participants),
                agreed_actions=agreed_actions,
                next_review_on=next_review_on,
                **owner_tags(ctx.actor),
            )
        )
        return uow.commit()


def _check_duration(minutes: int | None) -> None:
    if minutes is not None and not 0 <= minutes <= 1440:
        raise ValidationError(DURATION_RANGE, value=minutes)
