"""Declarative base and the columns every synced record carries (design.md, Records).

``RecordMeta``: id (UUIDv7), created/updated at and by, tombstone and server version.
``OwnedRecord`` adds the owning authority and the record class that decide secrecy and retention.
``CaseRecord`` adds the case the record belongs to. Timestamps and authors are stamped by the unit
of work, never by callers, so that every write path fills them the same way.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from sst_desktop.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum_values(enum_cls: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enum_cls]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
        list[dict[str, Any]]: JSON(),
        enum.Enum: Enum(enum.Enum, native_enum=False, length=40, values_callable=_enum_values),
    }


class RecordMeta:
    """Columns of every synced record."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(36))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    server_version: Mapped[int | None] = mapped_column(Integer, default=None)


class OwnedRecord(RecordMeta):
    """A record owned by one authority, of a class that decides secrecy and retention."""

    authority: Mapped[str] = mapped_column(String(20))
    record_class: Mapped[str] = mapped_column(String(40))


class CaseRecord(OwnedRecord):
    """A record that belongs to one case."""

    @declared_attr
    def case_id(cls) -> Mapped[str]:
        return mapped_column(String(36), ForeignKey("cases.id"), index=True)
