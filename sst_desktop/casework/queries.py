"""Read services: the case list and one case's detail. Reads are audited before the data are
returned (design.md, Audit), and every record passes the authorisation rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import NOT_FOUND, ServiceContext
from sst_desktop.casework.dto import CaseDetail, CaseListItem, ConsentSummary, TimelineEntry
from sst_desktop.errors import NotAllowedError, ValidationError, error_code
from sst_desktop.models.base import Base, CaseRecord
from sst_desktop.models.case import Case, CaseAssignment
from sst_desktop.models.consent import Consent
from sst_desktop.models.organisation import District, School, Staff
from sst_desktop.models.people import Guardian, Student
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules import authorisation as authz
from sst_rules.authorisation import can_read_protected_fields
from sst_rules.consent import ConsentState, is_active

NOT_YOUR_CASE = error_code("casework.not_your_case", "This case is not assigned to your team.")
_TIMELINE_DATE = (
    "at",
    "scheduled_at",
    "held_on",
    "meeting_on",
    "reported_on",
    "given_on",
    "rated_on",
    "assessed_on",
    "decided_on",
    "measured_on",
    "closed_on",
    "due_on",
    "received_on",
    "offered_on",
    "started_on",
    "created_at",
)


@dataclass(frozen=True)
class CaseFilter:
    text: str | None = None
    programme: str | None = None
    status: str | None = None
    school_id: str | None = None
    district_id: str | None = None
    mine_only: bool = False


def list_cases(ctx: ServiceContext, flt: CaseFilter = CaseFilter()) -> list[CaseListItem]:
    """The team's cases; a handful of set-based queries whatever the number of cases."""
    with ctx.unit_of_work() as uow:
        cases = _team_cases(uow, ctx, flt)
        lookups = _ListLookups.load(uow, _team_query(ctx, flt))
        items = [_list_item(uow, ctx, case, lookups) for case in cases]
        items = [i for i in items if _matches(i, flt)]
        uow.audit("list", "cases", None, None, count=len(items))
        uow.commit()
    return sorted(items, key=lambda i: (i.opened_on, i.reference), reverse=True)


def _team_query(ctx: ServiceContext, flt: CaseFilter) -> Any:
    query = select(Case).where(Case.deleted.is_(False), Case.team_id == ctx.actor.team_id)
    for column, value in (
        (Case.programme, flt.programme),
        (Case.status, flt.status),
        (Case.school_id, flt.school_id),
        (Case.district_id, flt.district_id),
    ):
        if value:
            query = query.where(column == value)
    return query


# The columns the list shows: rows of these, not ORM objects (ten thousand load in a blink).
_LIST_COLUMNS = (
    Case.id,
    Case.reference,
    Case.programme,
    Case.status,
    Case.student_id,
    Case.school_id,
    Case.district_id,
    Case.school_year,
    Case.opened_on,
    Case.team_id,
)


def _team_cases(uow: UnitOfWork, ctx: ServiceContext, flt: CaseFilter) -> list[Any]:
    return list(uow.session.execute(_team_query(ctx, flt).with_only_columns(*_LIST_COLUMNS)))


@dataclass
class _ListLookups:
    """Students, schools, districts and assigned staff of the listed cases, loaded at once."""

    students: dict[str, Any]  # rows: id, first_name, last_name, personal_id, protected_identity
    schools: dict[str, str]
    districts: dict[str, str]
    staff: dict[str, list[tuple[str, str]]]

    @classmethod
    def load(cls, uow: UnitOfWork, cases: Any) -> _ListLookups:
        """``cases``: a select of the cases (its id and student_id columns are used)."""
        case_ids = cases.with_only_columns(Case.id)
        student_ids = cases.with_only_columns(Case.student_id)
        students = {
            s.id: s
            for s in uow.session.execute(
                select(
                    Student.id,
                    Student.first_name,
                    Student.last_name,
                    Student.personal_id,
                    Student.protected_identity,
                ).where(Student.id.in_(student_ids))
            )
        }
        staff: dict[str, list[tuple[str, str]]] = {}
        for case_id, staff_id, name in uow.session.execute(
            select(CaseAssignment.case_id, Staff.id, Staff.name)
            .join(Staff, CaseAssignment.staff_id == Staff.id)
            .where(CaseAssignment.case_id.in_(case_ids), CaseAssignment.ended_on.is_(None))
        ):
            staff.setdefault(case_id, []).append((staff_id, name))
        schools = {row.id: row.name for row in uow.session.execute(select(School.id, School.name))}
        districts = {
            row.id: row.name for row in uow.session.execute(select(District.id, District.name))
        }
        return cls(students, schools, districts, staff)


def _list_item(
    uow: UnitOfWork, ctx: ServiceContext, case: Any, lookups: _ListLookups
) -> CaseListItem:
    """``case``: a Case or a row of ``_LIST_COLUMNS``."""
    student = lookups.students.get(case.student_id or "")
    staff = lookups.staff.get(case.id, [])
    hide_school = bool(student and student.protected_identity) and not _protected_ok(
        ctx, case, {staff_id for staff_id, _name in staff}
    )
    school = lookups.schools.get(case.school_id or "")
    return CaseListItem(
        case_id=case.id,
        reference=case.reference,
        programme=case.programme.value,
        status=case.status.value,
        student_name=f"{student.first_name} {student.last_name}" if student else None,
        personal_id=_formatted(student.personal_id) if student else None,
        school_name=None if hide_school else school,
        district_name=lookups.districts.get(case.district_id or ""),
        school_year=case.school_year,
        opened_on=case.opened_on,
        staff_names=tuple(sorted(name for _id, name in staff)),
        protected_identity=bool(student and student.protected_identity),
        mine=any(staff_id == ctx.actor.staff_id for staff_id, _name in staff),
    )


def _formatted(personal_id: str | None) -> str | None:
    return None if personal_id is None else f"{personal_id[:8]}-{personal_id[8:]}"


def _protected_ok(ctx: ServiceContext, case: Any, named_staff: set[str]) -> bool:
    scope = authz.CaseScope(
        case.id,
        case.team_id,
        protected_identity=True,
        protected_access_staff_ids=frozenset(named_staff),
    )
    return can_read_protected_fields(access.user_scope(ctx.actor), scope)


def _matches(item: CaseListItem, flt: CaseFilter) -> bool:
    if flt.mine_only and not item.mine:
        return False
    return not flt.text or search_needle(flt.text) in search_key(item)


def search_key(item: CaseListItem) -> str:
    """What "search as you type" looks in: name, school, reference, identity number (with and
    without its hyphen), case-folded. Computed once per item; the window keeps it per row."""
    parts = (item.student_name, item.school_name, item.reference, item.personal_id)
    return " ".join(p for p in parts if p).casefold().replace("-", "")


def search_needle(text: str) -> str:
    return text.strip().casefold().replace("-", "")


def case_detail(ctx: ServiceContext, case_id: str) -> CaseDetail:
    """One case as the actor may see it; the view is audited before anything is returned."""
    with ctx.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        if case is None or case.deleted:
            raise ValidationError(NOT_FOUND, entity="cases", id=case_id)
        scope = access.case_scope(uow, case)
        if not access.case_visible(ctx.actor, scope):
            raise NotAllowedError(NOT_YOUR_CASE)
        consents = access.consent_scopes(uow, case.id)
        records = _case_records(uow, case.id)
        visible, hidden = access.readable(ctx.actor, records, scope, consents, ctx.clock.today())
        detail = _detail(uow, ctx, case, visible, hidden, consents)
        uow.audit("view", "cases", case.id, case.id, records=len(visible), withheld=hidden)
        uow.commit()
    return detail


def _case_records(uow: UnitOfWork, case_id: str) -> list[Any]:
    records: list[Any] = []
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if issubclass(model, CaseRecord):
            records.extend(
                uow.session.scalars(
                    select(model).where(model.case_id == case_id, model.deleted.is_(False))
                )
            )
    return records


def _detail(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    visible: list[Any],
    hidden: int,
    consents: list[ConsentState],
) -> CaseDetail:
    student = uow.session.get(Student, case.student_id) if case.student_id else None
    guardians = (
        [
            (row.id, row.name)
            for row in uow.session.execute(
                select(Guardian.id, Guardian.name).where(Guardian.student_id == case.student_id)
            )
        ]
        if student
        else []
    )
    lookups = _ListLookups.load(uow, select(Case).where(Case.id == case.id))
    named = {staff_id for staff_id, _name in lookups.staff.get(case.id, [])}
    show_address = student is not None and (
        not student.protected_identity or _protected_ok(ctx, case, named)
    )
    counts: dict[str, int] = {}
    for record in visible:
        counts[type(record).__tablename__] = counts.get(type(record).__tablename__, 0) + 1
    return CaseDetail(
        item=_list_item(uow, ctx, case, lookups),
        student_address=student.address if show_address and student else None,
        guardians=tuple(name for _id, name in guardians),
        guardian_refs=tuple(guardians),
        student_id=case.student_id,
        consents=tuple(_consent_summaries(uow, case, ctx)),
        timeline=tuple(sorted((_entry(r) for r in visible), key=lambda e: e.at)),
        hidden_records=hidden,
        counts=counts,
    )


def _consent_summaries(uow: UnitOfWork, case: Case, ctx: ServiceContext) -> list[ConsentSummary]:
    return [
        ConsentSummary(
            consent_id=c.id,
            purposes=tuple(c.purposes),
            categories=tuple(c.categories),
            recipient_authority=c.recipient_authority.value,
            given_on=c.given_on,
            valid_until=c.valid_until,
            withdrawn_on=c.withdrawn_on,
            active=is_active(ConsentState.from_record(c), ctx.clock.today()),
        )
        for c in uow.session.scalars(select(Consent).where(Consent.case_id == case.id))
    ]


def _entry(record: Any) -> TimelineEntry:
    when = next(
        getattr(record, name) for name in _TIMELINE_DATE if getattr(record, name, None) is not None
    )
    if not isinstance(when, datetime):
        when = datetime.combine(when, time(), tzinfo=record.created_at.tzinfo)
    table = type(record).__tablename__
    detail = getattr(record, "kind", None) or getattr(record, "status", None)
    label = f"{table}.{getattr(detail, 'value', detail)}" if detail else table
    return TimelineEntry(
        at=when, kind=table, record_id=record.id, label=label, author_id=record.created_by
    )
