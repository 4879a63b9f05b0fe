"""The Conflicts screen's service: the open conflicts as the user may see them, and resolving
one: the chosen value (kept, the other, or a merge the user wrote) becomes an ordinary edit of
the record, and the conflict is marked resolved here and, by the next sync, everywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from sst_desktop.casework.context import ServiceContext
from sst_desktop.errors import ValidationError, error_code
from sst_desktop.ids import new_id
from sst_desktop.models.base import Base
from sst_desktop.models.case import Case
from sst_desktop.models.organisation import Staff
from sst_desktop.sync.wire_values import from_wire

_CONFLICTS, _OUTBOX = Base.metadata.tables["sync_conflicts"], Base.metadata.tables["outbox"]
GONE = error_code("sync.conflict_record_gone", "The record of this conflict is no longer here.")
RESOLVED = error_code("sync.conflict_resolved", "This conflict has already been resolved.")


@dataclass(frozen=True)
class ConflictRow:
    conflict_id: str
    entity_type: str
    entity_id: str
    case_reference: str | None
    field: str
    base_value: Any
    kept_value: Any
    other_value: Any
    other_author: str  # a name when the colleague is known here, else their id
    created_at: datetime


def open_conflicts(ctx: ServiceContext) -> list[ConflictRow]:
    with ctx.unit_of_work() as uow:
        rows = list(
            uow.session.execute(
                select(_CONFLICTS)
                .where(_CONFLICTS.c.resolved_at.is_(None))
                .order_by(_CONFLICTS.c.created_at)
            )
        )
        references: dict[str, str] = dict(
            uow.session.execute(
                select(Case.id, Case.reference).where(Case.id.in_({r.case_id for r in rows}))
            ).all()
        )
        names: dict[str, str] = dict(
            uow.session.execute(
                select(Staff.id, Staff.name).where(Staff.id.in_({r.other_author for r in rows}))
            ).all()
        )
        uow.audit("list", "sync_conflicts", None, None, count=len(rows))
        uow.commit()
    return [
        ConflictRow(
            r.id,
            r.entity_type,
            r.entity_id,
            references.get(r.case_id),
            r.field,
            r.base_value,
            r.kept_value,
            r.other_value,
            names.get(r.other_author, r.other_author),
            r.created_at,
        )
        for r in rows
    ]


def resolve(ctx: ServiceContext, conflict_id: str, value: Any) -> None:
    """Write ``value`` into the conflicting field (through the unit of work: outbox, audit)."""
    now = ctx.clock.now()
    with ctx.unit_of_work() as uow:
        conflict = uow.session.execute(
            select(_CONFLICTS).where(_CONFLICTS.c.id == conflict_id)
        ).first()
        if conflict is None or conflict.resolved_at is not None:
            raise ValidationError(RESOLVED)
        model = _model(conflict.entity_type)
        record = uow.session.get(model, conflict.entity_id) if model else None
        if record is None:
            raise ValidationError(GONE)
        column = model.__table__.c[conflict.field]  # type: ignore[union-attr]
        setattr(record, conflict.field, from_wire(column, value))
        uow.session.execute(
            update(_CONFLICTS).where(_CONFLICTS.c.id == conflict_id).values(resolved_at=now)
        )
        uow.session.execute(  # tell the server, so the colleague's copy closes too
            insert(_OUTBOX).values(
                mutation_id=new_id(),
                created_at=now,
                entity_type="sync_conflicts",
                entity_id=conflict_id,
                operation="update",
                changed_fields=["resolved_at"],
                base_version=conflict.server_version,
                sent_at=None,
            )
        )
        uow.commit()


def _model(entity_type: str) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity_type:
            found: type[Any] = mapper.class_
            return found
    return None
