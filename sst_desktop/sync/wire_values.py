"""Column values to JSON for the wire and back, by the local column's type: dates and times as
ISO 8601 strings, enums as their values, everything else as JSON already holds it."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime
from sqlalchemy.types import TypeDecorator


def to_wire(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def from_wire(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, DateTime):
        moment = datetime.fromisoformat(str(value))
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if isinstance(kind, Date):
        return date.fromisoformat(str(value)[:10])
    return value
