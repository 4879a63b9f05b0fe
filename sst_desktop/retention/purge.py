"""Gallring: purge what the retention rules say is due, so that the bytes are gone.

A rule names a programme, the record classes it covers, a period in months and what starts the
period (the case's closure). A due case loses every record of those classes, with one audit
event each and a row in ``purged_records`` so the ids never come back from sync or a backup; a
case left with no records is purged whole, and so is a student left with no case. Afterwards the
WAL is checkpointed and the file vacuumed; ``secure_delete`` zeroes freed pages on the way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, delete, select, text

from sst_desktop.casework.context import ServiceContext
from sst_desktop.models.base import Base, CaseRecord
from sst_desktop.models.case import Case
from sst_desktop.models.people import Guardian, Student
from sst_desktop.models.profile_meta import Draft, PurgedRecord, PurgeSession
from sst_desktop.models.referral import ReferralRequest
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.retention import RetentionRule, is_due


@dataclass(frozen=True)
class PurgePlan:
    """What is due: per table the number of records, and the cases concerned."""

    by_table: dict[str, int]
    case_ids: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(self.by_table.values())


def _case_record_models() -> list[type[Any]]:
    """Every model holding case records, children before parents."""
    by_table = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    ordered = [t.name for t in reversed(Base.metadata.sorted_tables)]
    models = [
        by_table[n]
        for n in ordered
        if n in by_table
        and (issubclass(by_table[n], CaseRecord) or n in ("guidance", "referral_requests"))
    ]
    return models


def due_records(
    uow: UnitOfWork, rules: list[RetentionRule], today: date
) -> list[tuple[Any, RetentionRule]]:
    closed = uow.session.scalars(select(Case).where(Case.closed_on.is_not(None))).all()
    due: list[tuple[Any, RetentionRule]] = []
    for case in closed:
        for rule in rules:
            if not is_due(rule, case.programme, case.closed_on, today):
                continue
            for model in _case_record_models():
                due.extend(
                    (record, rule)
                    for record in uow.session.scalars(
                        select(model).where(
                            model.case_id == case.id, model.record_class.in_(rule.record_classes)
                        )
                    )
                )
    return due


def plan_purge(ctx: ServiceContext, rules: list[RetentionRule]) -> PurgePlan:
    with ctx.unit_of_work() as uow:
        due = due_records(uow, rules, ctx.clock.today())
        counts = Counter(type(r).__tablename__ for r, _rule in due)
        cases = sorted({r.case_id for r, _rule in due if r.case_id})
    return PurgePlan(dict(counts), tuple(cases))


def purge(ctx: ServiceContext, rules: list[RetentionRule]) -> PurgePlan:
    """Delete what is due in one transaction, then checkpoint and vacuum."""
    with ctx.unit_of_work(allow_purge=True) as uow:
        uow.session.execute(text("PRAGMA defer_foreign_keys = ON"))
        uow.add(PurgeSession(id=1))
        due = due_records(uow, rules, ctx.clock.today())
        for record, rule in due:
            _purge_one(uow, ctx, record, rule.rule_id)
        uow.session.flush()
        cases = sorted({r.case_id for r, _rule in due if r.case_id})
        for case_id in cases:
            _purge_empty_case(uow, ctx, case_id)
        if cases:  # a half-typed form about a purged record goes with it
            uow.session.execute(delete(Draft).where(Draft.case_id.in_(cases)))
        uow.session.flush()
        uow.session.execute(delete(PurgeSession))
        counts = Counter(type(r).__tablename__ for r, _rule in due)
        uow.commit()
    compact(ctx.engine)
    return PurgePlan(dict(counts), tuple(cases))


def _purge_one(uow: UnitOfWork, ctx: ServiceContext, record: Any, rule_id: str) -> None:
    uow.add(
        PurgedRecord(
            entity_id=record.id,
            entity_type=type(record).__tablename__,
            purged_at=ctx.clock.now(),
            rule=rule_id,
        )
    )
    uow.session.delete(record)


def _purge_empty_case(uow: UnitOfWork, ctx: ServiceContext, case_id: str) -> None:
    """A case with no records left goes, and its student when no other case holds them."""
    for model in _case_record_models():
        if uow.session.scalar(select(model.id).where(model.case_id == case_id).limit(1)):
            return
    case = uow.session.get(Case, case_id)
    if case is None:
        return
    for request in uow.session.scalars(
        select(ReferralRequest).where(ReferralRequest.case_id == case_id)
    ):
        _purge_one(uow, ctx, request, "case_purged")
    student_id = case.student_id
    _purge_one(uow, ctx, case, "case_purged")
    uow.session.flush()
    if student_id and not uow.session.scalar(
        select(Case.id).where(Case.student_id == student_id).limit(1)
    ):
        for guardian in uow.session.scalars(
            select(Guardian).where(Guardian.student_id == student_id)
        ):
            _purge_one(uow, ctx, guardian, "case_purged")
        uow.session.flush()
        student = uow.session.get(Student, student_id)
        if student is not None:
            _purge_one(uow, ctx, student, "case_purged")


def compact(engine: Engine) -> None:
    """Make purged bytes unreachable: checkpoint the WAL into the file, then rebuild it."""
    raw = engine.raw_connection()  # autocommit at the driver: VACUUM refuses a transaction
    try:
        for statement in (
            "PRAGMA wal_checkpoint(TRUNCATE)",
            "VACUUM",
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ):
            raw.driver_connection.execute(statement)  # type: ignore[union-attr]
    finally:
        raw.close()
