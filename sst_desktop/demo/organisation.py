"""The demo organisation: one fictional municipality with districts (one reorganised), school
areas, municipal and independent schools, an SST team per district and SST plus teams."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from sst_desktop.casework import organisation_service as org
from sst_desktop.store.unit_of_work import Actor, UnitOfWork
from sst_rules.enums import Authority, Programme, Role, SchoolKind

DISTRICTS = ("Norrmalm-Demo", "Söderby-Demo", "Västerlund-Demo", "Österhöjd-Demo")
SCHOOL_WORDS = ("Ek", "Björk", "Lind", "Sjö", "Berg", "Äng", "Strand", "Hag", "Tall", "Rönn")
SST_ROLES = (Role.SCHOOL_SOCIAL_WORKER, Role.SCHOOL_SOCIAL_WORKER, Role.SCHOOL_COUNSELLOR)
SST_PLUS_ROLES = (
    Role.SCHOOL_PSYCHOLOGIST,
    Role.SPECIAL_EDUCATOR,
    Role.FAMILY_THERAPIST,
    Role.FAMILY_THERAPIST,
)
AUTHORITY_OF = {
    Role.SCHOOL_SOCIAL_WORKER: Authority.SOCIAL_SERVICES,
    Role.FAMILY_THERAPIST: Authority.SOCIAL_SERVICES,
    Role.CASE_OFFICER: Authority.SOCIAL_SERVICES,
    Role.SCHOOL_PSYCHOLOGIST: Authority.SCHOOL,
    Role.SPECIAL_EDUCATOR: Authority.SCHOOL,
    Role.SCHOOL_COUNSELLOR: Authority.SCHOOL,
}


@dataclass(frozen=True)
class DemoStaff:
    staff_id: str
    name: str
    role: Role
    authority: Authority
    team_id: str

    def actor(self, device_id: str) -> Actor:
        return Actor(self.staff_id, self.authority, self.team_id, self.role, device_id)


@dataclass
class DemoTeam:
    team_id: str
    programme: Programme
    district_id: str
    staff: list[DemoStaff] = field(default_factory=list)

    def first(self, role: Role) -> DemoStaff:
        return next(s for s in self.staff if s.role == role)


@dataclass
class DemoOrganisation:
    district_ids: list[str]
    schools: list[tuple[str, str]]  # (school id, district id)
    teams: list[DemoTeam]

    def team(self, programme: Programme, district_id: str) -> DemoTeam:
        matches = [t for t in self.teams if t.programme == programme]
        return next((t for t in matches if t.district_id == district_id), matches[0])


def build_organisation(
    uow: UnitOfWork, rng: random.Random, names: list[str], n_schools: int
) -> DemoOrganisation:
    municipality = org.add_municipality(uow, "Demokommun", "9999")
    uow.session.flush()
    districts = [
        org.add_district(uow, municipality.id, name, date(2020, 1, 1)) for name in DISTRICTS
    ]
    uow.session.flush()
    old = org.add_district(
        uow, municipality.id, "Gamla Söderby-Demo", date(2015, 1, 1), date(2019, 12, 31)
    )  # reorganised into Söderby
    uow.session.flush()
    old.succeeded_by_id = districts[1].id
    schools = _schools(uow, rng, [d.id for d in districts], n_schools)
    teams = _teams(uow, [d.id for d in districts], names)
    return DemoOrganisation([d.id for d in districts], schools, teams)


def _schools(
    uow: UnitOfWork, rng: random.Random, district_ids: list[str], count: int
) -> list[tuple[str, str]]:
    result = []
    for i in range(count):
        district = district_ids[i % len(district_ids)]
        kind = SchoolKind.INDEPENDENT if i % 5 == 4 else SchoolKind.MUNICIPAL
        word = SCHOOL_WORDS[i % len(SCHOOL_WORDS)]
        name = f"{word}{'skolan' if kind == SchoolKind.MUNICIPAL else 'akademien'} {i + 1}"
        school = org.add_school(
            uow, org.SchoolInput(name, kind, district, adapted=rng.random() < 0.05)
        )
        uow.session.flush()
        result.append((school.id, district))
    return result


def _teams(uow: UnitOfWork, district_ids: list[str], names: list[str]) -> list[DemoTeam]:
    teams: list[DemoTeam] = []
    plans: list[tuple[Programme, str, tuple[Role, ...]]]
    plans = [(Programme.SST, d, SST_ROLES) for d in district_ids]
    plans += [(Programme.SST_PLUS, d, SST_PLUS_ROLES) for d in district_ids[:2]]
    for programme, district, roles in plans:
        label = "SST plus" if programme == Programme.SST_PLUS else "SST"
        team = org.add_team(uow, f"{label} {len(teams) + 1}", district, programme)
        uow.session.flush()
        demo_team = DemoTeam(team.id, programme, district)
        for role in (*roles, Role.CASE_OFFICER):
            name = names.pop()
            staff = org.add_staff(uow, name, role, AUTHORITY_OF[role], team.id)
            uow.session.flush()
            demo_team.staff.append(DemoStaff(staff.id, name, role, AUTHORITY_OF[role], team.id))
        teams.append(demo_team)
    return teams
