"""The organisation's structure: municipality, districts, school areas, schools, teams, staff,
and the toolbox catalogue. Usually synced from the central store; written here by the demo and
by administrators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sst_desktop.casework.context import ServiceContext, require_text
from sst_desktop.models.organisation import District, Municipality, School, Staff, Team
from sst_desktop.models.plan import ToolboxItem
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import Authority, Programme, RecordClass, Role, SchoolKind

_ORG = {"record_class": RecordClass.ORGANISATION}


def _tags(authority: Authority = Authority.SOCIAL_SERVICES) -> dict[str, str]:
    return {"authority": authority, **_ORG}


def add_municipality(uow: UnitOfWork, name: str, code: str) -> Municipality:
    return uow.add(Municipality(name=require_text(name, "name"), code=code, **_tags()))


def add_district(
    uow: UnitOfWork, municipality_id: str, name: str, valid_from: date, valid_to: date | None = None
) -> District:
    return uow.add(
        District(
            municipality_id=municipality_id,
            name=require_text(name, "name"),
            valid_from=valid_from,
            valid_to=valid_to,
            **_tags(),
        )
    )


@dataclass(frozen=True)
class SchoolInput:
    name: str
    kind: SchoolKind
    district_id: str | None
    first_year: int = 0
    last_year: int = 9
    adapted: bool = False


def add_school(uow: UnitOfWork, data: SchoolInput) -> School:
    return uow.add(
        School(
            name=require_text(data.name, "name"),
            kind=data.kind,
            adapted=data.adapted,
            district_id=data.district_id,
            first_year=data.first_year,
            last_year=data.last_year,
            **_tags(Authority.SCHOOL),
        )
    )


def add_team(
    uow: UnitOfWork, name: str, district_id: str | None, programme: Programme | None
) -> Team:
    return uow.add(
        Team(
            name=require_text(name, "name"), district_id=district_id, programme=programme, **_tags()
        )
    )


def add_staff(
    uow: UnitOfWork,
    name: str,
    role: Role,
    authority: Authority,
    team_id: str | None,
    contact_schools: list[School] | None = None,
) -> Staff:
    staff = Staff(
        name=require_text(name, "name"),
        role=role,
        team_id=team_id,
        authority=authority,
        record_class=RecordClass.ORGANISATION,
    )
    staff.contact_schools = list(contact_schools or [])
    return uow.add(staff)


def seed_toolbox(ctx: ServiceContext, items: list[tuple[str, str, str]]) -> int:
    """Add catalogue items (code, Swedish label, English label) that are not there yet."""
    with ctx.unit_of_work() as uow:
        existing = set(uow.session.scalars(select(ToolboxItem.code)))
        new = [(c, sv, en) for c, sv, en in items if c not in existing]
        for code, label_sv, label_en in new:
            uow.add(ToolboxItem(code=code, label_sv=label_sv, label_en=label_en))
        uow.commit()
        return len(new)
