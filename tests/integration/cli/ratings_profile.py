"""A real encrypted profile for `sst ratings`: two SST plus cases of students born in 2012 (ORS
and SRS on the 2026 dates) with two guardians each, owned by the team's family therapist; the
first case holds a student's ORS, an SRS, a guardian's ORS and a skipped ORS, entered through
the services as the window enters them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from sst_desktop.app_context import AppContext
from sst_desktop.casework import organisation_service as org
from sst_desktop.casework import rating_service, referral_service, student_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.casework.rating_service import RatingSessionInput
from sst_desktop.clock import FixedClock
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import Authority, Programme, ReferralRoute, Role, SchoolKind
from tests.integration.reports.plans.plan_profile import (
    DEVICE_CLOCK,
    as_staff,
    new_profile,
    open_profile,
)

STUDENTS = (("Märta", "Öhrvall", date(2012, 3, 14)), ("Åke", "Lindström", date(2012, 9, 1)))
GUARDIANS = ("Göran", "Åsa")
ORS = ("individual", "interpersonal", "social", "overall")
SRS = ("relationship", "goals", "approach", "overall")


@dataclass(frozen=True)
class RatingCases:
    first: str  # the reference of the case with ratings
    second: str  # the reference of the case without


def build_profile(directory: Path) -> RatingCases:
    clock = FixedClock(DEVICE_CLOCK)
    ids = new_profile(directory, clock, _organisation)
    context = open_profile(directory, clock)
    try:
        officer = as_staff(context, ids["officer"], Role.CASE_OFFICER, Authority.SOCIAL_SERVICES)
        cases = [_case(officer, ids, *student) for student in STUDENTS]
        _rate(context.services, cases[0])
        return RatingCases(*(_reference(context, case) for case in cases))
    finally:
        context.close()


def _organisation(context: AppContext, clock: FixedClock) -> dict[str, str]:
    with UnitOfWork(context.engine, context.actor, clock) as uow:
        municipality = org.add_municipality(uow, "Östersunds kommun", "2380")
        uow.session.flush()
        district = org.add_district(uow, municipality.id, "Frösön", date(2020, 1, 1))
        uow.session.flush()
        school = org.add_school(
            uow, org.SchoolInput("Ängsskolan", SchoolKind.MUNICIPAL, district.id)
        )
        team = org.add_team(uow, "SST plus Storsjön", district.id, Programme.SST_PLUS)
        uow.session.flush()
        therapist = org.add_staff(
            uow, "Åsa Ödman", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES, team.id
        )
        officer = org.add_staff(
            uow, "Kim Lärka", Role.CASE_OFFICER, Authority.SOCIAL_SERVICES, team.id
        )
        uow.session.flush()
        ids = {"district": district.id, "school": school.id, "team": team.id}
        ids |= {"therapist": therapist.id, "officer": officer.id}
        uow.commit()
    return ids


def _case(officer: ServiceContext, ids: dict[str, str], first: str, last: str, born: date) -> str:
    student = student_service.register_student(
        officer,
        student_service.StudentInput(
            first_name=first, last_name=last, birth_date=born, school_id=ids["school"]
        ),
    )
    for name in GUARDIANS:
        student_service.add_guardian(
            officer, student, student_service.GuardianInput(name=f"{name} {last}")
        )
    return referral_service.receive_application(
        officer,
        referral_service.ApplicationInput(
            route=ReferralRoute.SCHOOL_APPLICATION,
            received_on=date(2026, 1, 12),
            student_id=student,
            team_id=ids["team"],
            district_id=ids["district"],
            absence_percent=55,
        ),
    )


def _rate(ctx: ServiceContext, case_id: str) -> None:
    with ctx.unit_of_work() as uow:
        second = rating_service.guardians_by_number(uow, _student(uow, case_id))[2]
    for data in (
        RatingSessionInput(
            "outcome", "self", date(2026, 2, 2), dict(zip(ORS, (52, 61, 0, 48), strict=True))
        ),
        RatingSessionInput(
            "session", "self", date(2026, 2, 2), dict(zip(SRS, (90, 85, 88, 92), strict=True))
        ),
        RatingSessionInput(
            "outcome", "parent", date(2026, 2, 2), dict.fromkeys(ORS, 70), guardian_id=second
        ),
        RatingSessionInput("outcome", "self", date(2026, 2, 9), skipped=True),
    ):
        rating_service.record_rating_session(ctx, case_id, data)


def _student(uow: UnitOfWork, case_id: str) -> str:
    return str(uow.session.scalar(select(Case.student_id).where(Case.id == case_id)))


def _reference(context: AppContext, case_id: str) -> str:
    with context.engine.connect() as conn:
        return str(conn.execute(select(Case.reference).where(Case.id == case_id)).scalar_one())


def ratings_in(directory: Path, reference: str) -> int:
    """How many ratings the case holds (read in this process, not through `sst`)."""
    context = open_profile(directory)
    try:
        with context.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(Rating)
                    .join(Case, Case.id == Rating.case_id)
                    .where(Case.reference == reference)
                ).scalar_one()
            )
    finally:
        context.close()
