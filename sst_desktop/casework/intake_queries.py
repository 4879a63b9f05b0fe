"""Read service for the Requests and applications screen: the team's referral requests and
SST plus applications that are not yet started, with what deciding them needs. A request shows
no name (it has none); the school and year are there to plan the information meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from sst_desktop.casework.context import ServiceContext
from sst_desktop.models.case import Case
from sst_desktop.models.organisation import District, School
from sst_desktop.models.referral import Application, ReferralRequest
from sst_rules.enums import CaseStatus

INTAKE_STATES = (
    CaseStatus.REQUESTED,
    CaseStatus.DECIDED,
    CaseStatus.INFORMATION_MEETING,
    CaseStatus.APPLIED,
    CaseStatus.ASSESSED,
    CaseStatus.ADMITTED,
)


@dataclass(frozen=True)
class IntakeItem:
    case_id: str
    reference: str
    programme: str
    status: str
    received_on: date
    school_name: str | None
    school_year: int | None
    absence_percent: int | None
    request_id: str | None  # an anonymous SST referral request
    route: str | None  # an SST plus application's route
    student_linked: bool


def intake_items(ctx: ServiceContext) -> list[IntakeItem]:
    with ctx.unit_of_work() as uow:
        cases = list(
            uow.session.execute(
                select(
                    Case.id,
                    Case.reference,
                    Case.programme,
                    Case.status,
                    Case.opened_on,
                    Case.school_id,
                    Case.school_year,
                    Case.student_id,
                ).where(
                    Case.team_id == ctx.actor.team_id,
                    Case.deleted.is_(False),
                    Case.status.in_(INTAKE_STATES),
                )
            )
        )
        ids = [c.id for c in cases]
        requests = {
            r.case_id: r
            for r in uow.session.execute(
                select(
                    ReferralRequest.case_id, ReferralRequest.id, ReferralRequest.absence_percent
                ).where(ReferralRequest.case_id.in_(ids))
            )
        }
        applications = {
            a.case_id: a
            for a in uow.session.execute(
                select(Application.case_id, Application.route, Application.absence_percent).where(
                    Application.case_id.in_(ids), Application.deleted.is_(False)
                )
            )
        }
        schools = {row.id: row.name for row in uow.session.execute(select(School.id, School.name))}
        uow.audit("list", "intake", None, None, count=len(cases))
        uow.commit()
    items = [_item(c, requests.get(c.id), applications.get(c.id), schools) for c in cases]
    return sorted(items, key=lambda i: (i.received_on, i.reference), reverse=True)


def _item(case: Any, request: Any, application: Any, schools: dict[str, str]) -> IntakeItem:
    """Rows of the queries above (case, its request or application) as one item."""
    absence = (request or application).absence_percent if (request or application) else None
    return IntakeItem(
        case_id=case.id,
        reference=case.reference,
        programme=case.programme.value,
        status=case.status.value,
        received_on=case.opened_on,
        school_name=schools.get(case.school_id or ""),
        school_year=case.school_year,
        absence_percent=absence,
        request_id=request.id if request else None,
        route=application.route.value if application else None,
        student_linked=case.student_id is not None,
    )


@dataclass(frozen=True)
class IntakeChoices:
    """What the request form offers: districts and schools (nothing personal)."""

    districts: tuple[tuple[str, str], ...]  # (id, name)
    schools: tuple[tuple[str, str], ...]


def intake_choices(ctx: ServiceContext) -> IntakeChoices:
    with ctx.unit_of_work() as uow:
        districts = tuple(
            (row.id, row.name)
            for row in uow.session.execute(
                select(District.id, District.name).order_by(District.name)
            )
        )
        schools = tuple(
            (row.id, row.name)
            for row in uow.session.execute(select(School.id, School.name).order_by(School.name))
        )
    return IntakeChoices(districts, schools)
