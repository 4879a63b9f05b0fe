"""Retention: what is due is purged, the bytes are gone from every file, the ids are kept so
they never come back, and nothing not yet due is touched."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from sst_desktop.casework import case_service, support_service
from sst_desktop.casework.closure_service import ClosureInput
from sst_desktop.models.case import Case
from sst_desktop.models.contact import Contact
from sst_desktop.models.profile_meta import PurgedRecord
from sst_desktop.retention.purge import plan_purge, purge
from sst_desktop.store.verify import verify_profile
from sst_rules.enums import CaseStatus, ClosureReason, ContactKind, RecordClass
from sst_rules.retention import RetentionRule
from tests.helpers.sqlcipher_pages import plaintext_contains
from tests.unit.casework.test_sst_workflow import run_to_active

RULE = RetentionRule(
    "sst_friyta",
    "sst",
    frozenset(
        {
            RecordClass.SOCIAL_SERVICES_RECORD,
            RecordClass.SCHOOL_RECORD,
            RecordClass.PUPIL_HEALTH_RECORD,
            RecordClass.REFERRAL_REQUEST,
        }
    ),
    12,
    "(ours) friyta",
)


def closed_case_with_note(world, clock, note: str) -> str:
    case_id = run_to_active(world, world.worker.engine)
    support_service.log_contact(
        world.worker,
        case_id,
        support_service.ContactInput(
            kind=ContactKind.HOME_VISIT, at=datetime(2026, 3, 3, 10, tzinfo=UTC), note=note
        ),
    )
    case_service.transition(world.worker, case_id, CaseStatus.CLOSING)
    case_service.transition(
        world.worker,
        case_id,
        CaseStatus.CLOSED,
        closure=ClosureInput(
            closed_on=clock.today(), reason=ClosureReason.GOALS_MET, goals_met="yes"
        ),
    )
    return case_id


def raw_bytes(db_path) -> bytes:
    return b"".join(
        p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)
    )


def test_nothing_is_purged_before_it_is_due(world, engine, clock):
    closed_case_with_note(world, clock, "still kept")
    clock.advance(timedelta(days=300))
    assert plan_purge(world.worker, [RULE]).total == 0


def test_purge_removes_the_records_and_their_bytes(world, engine, clock, db_path, raw_key):
    canary = "PURGE-CANARY-7f3a9c"
    case_id = closed_case_with_note(world, clock, canary)
    kept_case = run_to_active(world, engine)  # an open case is never touched
    clock.advance(timedelta(days=370))
    dry = plan_purge(world.worker, [RULE])
    assert dry.case_ids == (case_id,) and dry.by_table["contacts"] == 1
    assert canary.encode() not in raw_bytes(db_path)  # encrypted even before the purge
    assert plaintext_contains(db_path, raw_key, canary.encode())  # ...and really stored
    result = purge(world.worker, [RULE])
    assert result.total == dry.total
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(func.count()).select_from(Contact).where(Contact.case_id == case_id)
            ).scalar()
            == 0
        )
        assert conn.execute(select(Case.id).where(Case.id == case_id)).scalar() is None
        assert conn.execute(select(Case.id).where(Case.id == kept_case)).scalar() == kept_case
        purged = set(conn.execute(select(PurgedRecord.entity_id)).scalars())
    assert case_id in purged
    assert verify_profile(engine).ok  # foreign keys and the audit chain still hold
    # Decrypt every page of the file and the WAL, free pages included: the bytes are gone.
    assert not plaintext_contains(db_path, raw_key, canary.encode())
    assert plan_purge(world.worker, [RULE]).total == 0


def test_purge_keeps_the_audit_trail(world, engine, clock):
    case_id = closed_case_with_note(world, clock, "x")
    clock.advance(timedelta(days=400))
    purge(world.worker, [RULE])
    from sst_desktop.models.audit import AuditEvent

    with engine.connect() as conn:
        actions = set(
            conn.execute(select(AuditEvent.action).where(AuditEvent.case_id == case_id)).scalars()
        )
    assert {"create", "purge"} <= actions
