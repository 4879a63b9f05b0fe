"""The organisation: municipality, districts (which reorganise), areas, schools, teams, staff."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sst_desktop.models.base import Base, OwnedRecord
from sst_rules.enums import Programme, Role, SchoolKind

staff_contact_schools = Table(
    "staff_contact_schools",
    Base.metadata,
    Column("staff_id", String(36), ForeignKey("staff.id"), primary_key=True),
    Column("school_id", String(36), ForeignKey("schools.id"), primary_key=True),
)


class Municipality(OwnedRecord, Base):
    __tablename__ = "municipalities"

    name: Mapped[str] = mapped_column(String(120))
    code: Mapped[str] = mapped_column(String(4))  # SCB municipality code, e.g. 0180


class District(OwnedRecord, Base):
    __tablename__ = "districts"

    municipality_id: Mapped[str] = mapped_column(ForeignKey("municipalities.id"))
    name: Mapped[str] = mapped_column(String(120))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    succeeded_by_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))


class SchoolArea(OwnedRecord, Base):
    __tablename__ = "school_areas"

    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    name: Mapped[str] = mapped_column(String(120))


class School(OwnedRecord, Base):
    __tablename__ = "schools"

    name: Mapped[str] = mapped_column(String(160))
    kind: Mapped[SchoolKind]
    adapted: Mapped[bool] = mapped_column(default=False)  # anpassad grundskola
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    school_area_id: Mapped[str | None] = mapped_column(ForeignKey("school_areas.id"))
    first_year: Mapped[int] = mapped_column(default=0)  # 0 = förskoleklass
    last_year: Mapped[int] = mapped_column(default=9)


class Team(OwnedRecord, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(120))
    district_id: Mapped[str | None] = mapped_column(ForeignKey("districts.id"))
    programme: Mapped[Programme | None]


class Staff(OwnedRecord, Base):
    """A user or colleague; the inherited ``authority`` is the authority they work for."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(160))
    role: Mapped[Role]
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)
    contact_schools: Mapped[list[School]] = relationship(secondary=staff_contact_schools)
