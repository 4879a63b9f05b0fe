"""A small organisation on a real SQLCipher file and services acting as each of its staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from sst_desktop.casework import organisation_service as org
from sst_desktop.casework import student_service
from sst_desktop.casework.context import ServiceContext
from sst_desktop.config.programmes import load_default_rules
from sst_desktop.store.unit_of_work import Actor, UnitOfWork
from sst_rules.enums import Authority, Programme, Role, SchoolKind
from tests.conftest import DEVICE


@dataclass(frozen=True)
class World:
    district_id: str
    school_id: str
    team_id: str
    other_team_id: str
    therapist: ServiceContext  # social services, SST plus team
    officer: ServiceContext  # social services case officer
    educator: ServiceContext  # school, special educator
    psychologist: ServiceContext  # school, psychologist
    worker: ServiceContext  # social services, school social worker (SST)
    outsider: ServiceContext  # social services, another team

    def student(self, name: str = "Elsa", personal_id: str | None = "201203142383") -> str:
        return student_service.register_student(
            self.officer,
            student_service.StudentInput(
                first_name=name,
                last_name="Andersson",
                personal_id=personal_id,
                school_id=self.school_id,
                school_year=8,
            ),
        )


@pytest.fixture
def world(engine, clock) -> World:
    admin = Actor(
        "0190a000-0000-7000-8000-0000000000ad",
        Authority.SOCIAL_SERVICES,
        None,
        Role.UNIT_MANAGER,
        DEVICE,
    )
    with UnitOfWork(engine, admin, clock) as uow:
        municipality = org.add_municipality(uow, "Demokommun", "9999")
        uow.session.flush()
        district = org.add_district(uow, municipality.id, "Norr", date(2020, 1, 1))
        uow.session.flush()
        school = org.add_school(uow, org.SchoolInput("Ekskolan", SchoolKind.MUNICIPAL, district.id))
        team = org.add_team(uow, "SST plus Norr", district.id, Programme.SST_PLUS)
        other = org.add_team(uow, "SST plus Syd", district.id, Programme.SST_PLUS)
        uow.session.flush()
        staff = {
            role: org.add_staff(uow, role.value, role, authority, team.id)
            for role, authority in ROLES.items()
        }
        outsider = org.add_staff(
            uow, "outsider", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES, other.id
        )
        uow.session.flush()
        ids = {role: s.id for role, s in staff.items()}
        uow.commit()
    rules = load_default_rules()

    def ctx(role: Role, team_id: str = team.id, staff_id: str | None = None) -> ServiceContext:
        actor = Actor(staff_id or ids[role], ROLES[role], team_id, role, DEVICE)
        return ServiceContext(engine, actor, clock, rules)

    return World(
        district.id,
        school.id,
        team.id,
        other.id,
        ctx(Role.FAMILY_THERAPIST),
        ctx(Role.CASE_OFFICER),
        ctx(Role.SPECIAL_EDUCATOR),
        ctx(Role.SCHOOL_PSYCHOLOGIST),
        ctx(Role.SCHOOL_SOCIAL_WORKER),
        ctx(Role.FAMILY_THERAPIST, other.id, outsider.id),
    )


ROLES = {
    Role.FAMILY_THERAPIST: Authority.SOCIAL_SERVICES,
    Role.CASE_OFFICER: Authority.SOCIAL_SERVICES,
    Role.SCHOOL_SOCIAL_WORKER: Authority.SOCIAL_SERVICES,
    Role.SPECIAL_EDUCATOR: Authority.SCHOOL,
    Role.SCHOOL_PSYCHOLOGIST: Authority.SCHOOL,
}
