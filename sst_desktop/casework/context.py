"""What every service needs: the unlocked engine, who acts, the clock and the programme rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from sst_desktop.clock import Clock
from sst_desktop.config.programmes import ProgrammeRules
from sst_desktop.errors import NotAllowedError, ValidationError, error_code
from sst_desktop.store.unit_of_work import Actor, BatchUnitOfWork, UnitOfWork
from sst_rules.enums import Authority, RecordClass, Role

NOT_FOUND = error_code("casework.not_found", "No {entity} with id {id} in this profile.")
WRONG_AUTHORITY = error_code(
    "casework.wrong_authority", "Only staff of {authority} may record a {entity}."
)
REQUIRED = error_code("casework.required", "The field {field} is required.")


@dataclass(frozen=True)
class ServiceContext:
    engine: Engine
    actor: Actor
    clock: Clock
    rules: ProgrammeRules

    def unit_of_work(self, *, allow_purge: bool = False) -> UnitOfWork:
        return UnitOfWork(self.engine, self.actor, self.clock, allow_purge=allow_purge)


@dataclass(frozen=True)
class BatchServiceContext(ServiceContext):
    """Every service call shares one ``BatchUnitOfWork`` (bulk loads: the demo generator)."""

    batch: UnitOfWork | None = None

    def unit_of_work(self, *, allow_purge: bool = False) -> UnitOfWork:
        assert isinstance(self.batch, BatchUnitOfWork) and not allow_purge
        self.batch.switch_actor(self.actor)  # the batch stamps whoever acts in this call
        return self.batch


def record_class_for(actor: Actor) -> RecordClass:
    """What the actor writes is owned by their authority, in the class their role keeps."""
    if actor.authority == Authority.SOCIAL_SERVICES:
        return RecordClass.SOCIAL_SERVICES_RECORD
    if actor.role == Role.SCHOOL_PSYCHOLOGIST:
        return RecordClass.PUPIL_HEALTH_RECORD
    return RecordClass.SCHOOL_RECORD


def owner_tags(actor: Actor) -> dict[str, str]:
    """The ``authority`` and ``record_class`` columns for a new record written by ``actor``."""
    return {"authority": actor.authority, "record_class": record_class_for(actor)}


def require_authority(actor: Actor, authority: Authority, entity: str) -> None:
    if actor.authority != authority:
        raise NotAllowedError(WRONG_AUTHORITY, authority=authority.value, entity=entity)


def require_text(value: str | None, field: str) -> str:
    if value is None or not value.strip():
        raise ValidationError(REQUIRED, field=field)
    return value.strip()


def get_or_fail(uow: UnitOfWork, model: type[Any], record_id: str) -> Any:
    obj = uow.get(model, record_id)
    if obj is None or getattr(obj, "deleted", False):
        raise ValidationError(NOT_FOUND, entity=model.__tablename__, id=record_id)
    return obj
