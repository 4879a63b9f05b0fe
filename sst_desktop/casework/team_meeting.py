"""The team's weekly internal meeting: every open case of the team with what happened in the
week before (contacts, meetings, ratings), the plan's state and what is due next, and the
notes written at the meeting. Everything passes the authorisation rule, so each member sees
only what the consents let their authority see; a note belongs to its author's authority."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.casework.today import OPEN_STATES, today_items
from sst_desktop.models.case import Case, CaseAssignment
from sst_desktop.models.closure import Rating
from sst_desktop.models.contact import Contact, Meeting, TeamNote
from sst_desktop.models.organisation import Staff
from sst_desktop.models.people import Student
from sst_desktop.models.plan import PlanRevision
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules import authorisation as authz
from sst_rules.consent import ConsentState
from sst_rules.enums import RecordClass

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class AgendaNote:
    note_id: str
    meeting_on: date
    author_name: str
    authority: str
    text: str


@dataclass(frozen=True)
class AgendaItem:
    case_id: str
    reference: str
    programme: str
    status: str
    student_name: str | None
    staff_names: tuple[str, ...]
    contacts: int  # in the week before the meeting
    meetings: int
    ratings: int
    plan_status: str | None  # the newest revision's status
    next_due: date | None
    notes: tuple[AgendaNote, ...]  # this meeting's and the previous one's
    withheld: int  # records of the week the member's authority may not see (a count only)


def team_agenda(ctx: ServiceContext, meeting_on: date) -> list[AgendaItem]:
    with ctx.unit_of_work() as uow:
        cases = list(
            uow.session.scalars(
                select(Case).where(
                    Case.team_id == ctx.actor.team_id,
                    Case.deleted.is_(False),
                    Case.status.in_(OPEN_STATES),
                )
            )
        )
        ids = [c.id for c in cases]
        scopes = {c.id: access.case_scope(uow, c) for c in cases}
        consents = {case_id: access.consent_scopes(uow, case_id) for case_id in ids}
        since = datetime.combine(meeting_on - WEEK, time.min, tzinfo=UTC)
        week = _week_records(uow, ids, since, meeting_on)
        visible, withheld = _visible(ctx, week, scopes, consents, meeting_on)
        counts = Counter((type(r).__tablename__, r.case_id) for r in visible)
        plans = _plan_status(ctx, uow, ids, scopes, consents, meeting_on)
        notes = _notes(ctx, uow, ids, scopes, consents, meeting_on)
        names, staff = _people(uow, cases, ids)
        uow.audit("list", "team_agenda", None, None, count=len(cases))
        uow.commit()
    due: dict[str, date] = {}
    for item in today_items(ctx):
        due[item.case_id] = min(due.get(item.case_id, item.due_on), item.due_on)
    return [
        AgendaItem(
            case_id=c.id,
            reference=c.reference,
            programme=c.programme.value,
            status=c.status.value,
            student_name=names.get(c.id),
            staff_names=tuple(sorted(staff.get(c.id, []))),
            contacts=counts[("contacts", c.id)],
            meetings=counts[("meetings", c.id)],
            ratings=counts[("ratings", c.id)],
            plan_status=plans.get(c.id),
            next_due=due.get(c.id),
            notes=tuple(notes.get(c.id, [])),
            withheld=withheld.get(c.id, 0),
        )
        for c in sorted(cases, key=lambda c: c.reference)
    ]


def _week_records(uow: UnitOfWork, ids: list[str], since: datetime, meeting_on: date) -> list[Any]:
    until = datetime.combine(meeting_on, time.max, tzinfo=UTC)
    contacts = uow.session.scalars(
        select(Contact).where(
            Contact.case_id.in_(ids),
            Contact.at >= since,
            Contact.at <= until,
            Contact.deleted.is_(False),
        )
    )
    meetings = uow.session.scalars(
        select(Meeting).where(
            Meeting.case_id.in_(ids),
            Meeting.scheduled_at >= since,
            Meeting.scheduled_at <= until,
            Meeting.deleted.is_(False),
        )
    )
    ratings = uow.session.scalars(
        select(Rating).where(
            Rating.case_id.in_(ids),
            Rating.rated_on >= since.date(),
            Rating.rated_on <= meeting_on,
            Rating.deleted.is_(False),
        )
    )
    return [*contacts, *meetings, *ratings]


def _visible(
    ctx: ServiceContext,
    records: list[Any],
    scopes: dict[str, authz.CaseScope],
    consents: dict[str, list[ConsentState]],
    on: date,
) -> tuple[list[Any], dict[str, int]]:
    user = access.user_scope(ctx.actor)
    visible, withheld = [], Counter[str]()
    for record in records:
        decision = authz.can_read(
            user, access.tags_of(record), scopes[record.case_id], consents[record.case_id], on=on
        )
        if decision.allowed:
            visible.append(record)
        else:
            withheld[record.case_id] += 1
    return visible, dict(withheld)


def _plan_status(
    ctx: ServiceContext,
    uow: UnitOfWork,
    ids: list[str],
    scopes: dict[str, authz.CaseScope],
    consents: dict[str, list[ConsentState]],
    on: date,
) -> dict[str, str]:
    revisions = list(
        uow.session.scalars(
            select(PlanRevision)
            .where(PlanRevision.case_id.in_(ids), PlanRevision.deleted.is_(False))
            .order_by(PlanRevision.number)
        )
    )
    visible, _withheld = _visible(ctx, revisions, scopes, consents, on)
    return {r.case_id: r.status.value for r in visible}  # the newest number wins


def _notes(
    ctx: ServiceContext,
    uow: UnitOfWork,
    ids: list[str],
    scopes: dict[str, authz.CaseScope],
    consents: dict[str, list[ConsentState]],
    on: date,
) -> dict[str, list[AgendaNote]]:
    records = list(
        uow.session.scalars(
            select(TeamNote)
            .where(
                TeamNote.case_id.in_(ids),
                TeamNote.meeting_on >= on - WEEK,
                TeamNote.meeting_on <= on,
                TeamNote.deleted.is_(False),
            )
            .order_by(TeamNote.meeting_on, TeamNote.created_at)
        )
    )
    visible, _withheld = _visible(ctx, records, scopes, consents, on)
    authors = {
        row.id: row.name
        for row in uow.session.execute(
            select(Staff.id, Staff.name).where(Staff.id.in_({n.created_by for n in visible}))
        )
    }
    notes: dict[str, list[AgendaNote]] = {}
    for note in visible:
        notes.setdefault(note.case_id, []).append(
            AgendaNote(
                note.id,
                note.meeting_on,
                authors.get(note.created_by, "?"),
                note.authority,
                note.note,
            )
        )
    return notes


def _people(
    uow: UnitOfWork, cases: list[Case], ids: list[str]
) -> tuple[dict[str, str], dict[str, list[str]]]:
    students = {
        s.id: f"{s.first_name} {s.last_name}"
        for s in uow.session.execute(
            select(Student.id, Student.first_name, Student.last_name).where(
                Student.id.in_([c.student_id for c in cases if c.student_id])
            )
        )
    }
    names = {c.id: students[c.student_id] for c in cases if c.student_id in students}
    staff: dict[str, list[str]] = {}
    for case_id, name in uow.session.execute(
        select(CaseAssignment.case_id, Staff.name)
        .join(Staff, Staff.id == CaseAssignment.staff_id)
        .where(CaseAssignment.case_id.in_(ids), CaseAssignment.ended_on.is_(None))
    ):
        staff.setdefault(case_id, []).append(name)
    return names, staff


def add_team_note(ctx: ServiceContext, case_id: str, meeting_on: date, note: str) -> str:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        record = uow.add(
            TeamNote(
                case_id=case_id,
                meeting_on=meeting_on,
                note=require_text(note, "note"),
                **{**owner_tags(ctx.actor), "record_class": RecordClass.TEAM_NOTE},
            )
        )
        uow.commit()
        return str(record.id)
