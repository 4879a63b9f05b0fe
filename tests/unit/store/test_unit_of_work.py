"""The unit of work: stamping, outbox and audit commit together or not at all."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from sst_desktop.errors import NotAllowedError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.organisation import Municipality
from sst_desktop.models.outbox import OutboxEntry
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_desktop.store.verify import verify_profile


def _add_municipality(engine, actor, clock, name="Stockholm") -> str:
    with UnitOfWork(engine, actor, clock) as uow:
        m = uow.add(
            Municipality(
                name=name, code="0180", authority="social_services", record_class="organisation"
            )
        )
        changes = uow.commit()
    assert [c.operation for c in changes.changes] == ["insert"]
    return m.id


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_insert_is_stamped_with_outbox_and_audit(engine, social_actor, clock):
    mid = _add_municipality(engine, social_actor, clock)
    with UnitOfWork(engine, social_actor, clock) as uow:
        m = uow.session.get(Municipality, mid)
        assert m.created_by == social_actor.staff_id and m.created_at == clock.now()
        assert len(m.id) == 36 and m.id[14] == "7"  # UUIDv7
        outbox = [(o.entity_id, o.operation) for o in uow.session.scalars(select(OutboxEntry))]
        audit = [
            (a.action, a.entity_id, a.seq, a.details["fields"])
            for a in uow.session.scalars(select(AuditEvent))
        ]
    assert outbox == [(mid, "insert")]
    assert [a[:3] for a in audit] == [("create", mid, 1)]
    assert "name" in audit[0][3]


def test_update_and_tombstone_record_changed_fields(engine, social_actor, clock):
    mid = _add_municipality(engine, social_actor, clock)
    with UnitOfWork(engine, social_actor, clock) as uow:
        uow.session.get(Municipality, mid).name = "Solna"
        uow.commit()
    with UnitOfWork(engine, social_actor, clock) as uow:
        uow.session.get(Municipality, mid).deleted = True
        changes = uow.commit()
    assert changes.changes[0].operation == "tombstone"
    with engine.connect() as conn:
        rows = conn.execute(
            select(OutboxEntry.operation, OutboxEntry.changed_fields).order_by(OutboxEntry.seq)
        ).all()
    assert [r[0] for r in rows] == ["insert", "update", "tombstone"]
    assert rows[1][1] == ["name"] and rows[2][1] == ["deleted"]


def test_failure_leaves_nothing(engine, social_actor, clock):
    with pytest.raises(RuntimeError), UnitOfWork(engine, social_actor, clock) as uow:
        uow.add(
            Municipality(name="X", code="0000", authority="school", record_class="organisation")
        )
        uow.session.flush()
        raise RuntimeError("power cut before commit")
    assert _count(engine, Municipality) == 0
    assert _count(engine, OutboxEntry) == 0
    assert _count(engine, AuditEvent) == 0


def test_hard_delete_is_refused_outside_purge(engine, social_actor, clock):
    mid = _add_municipality(engine, social_actor, clock)
    with pytest.raises(NotAllowedError) as err, UnitOfWork(engine, social_actor, clock) as uow:
        uow.session.delete(uow.session.get(Municipality, mid))
        uow.commit()
    assert err.value.code == "store.hard_delete"
    assert _count(engine, Municipality) == 1


def test_audit_events_cannot_be_changed_through_sql(engine, social_actor, clock):
    _add_municipality(engine, social_actor, clock)
    with pytest.raises(Exception, match="audit_append_only"), engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET action = 'view'"))
    with pytest.raises(Exception, match="audit_append_only"), engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events"))


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "cut_tail", "reorder_actor"])
def test_verify_finds_a_tampered_audit_chain(engine, social_actor, clock, tamper):
    for name in ("A", "B", "C"):
        _add_municipality(engine, social_actor, clock, name)
    assert verify_profile(engine).ok
    with engine.begin() as conn:  # an attacker with the key and a SQL tool
        conn.execute(text("DROP TRIGGER audit_update"))
        conn.execute(text("DROP TRIGGER audit_delete"))
        statement = {
            "edit": "UPDATE audit_events SET action = 'view' WHERE seq = 2",
            "delete_middle": "DELETE FROM audit_events WHERE seq = 2",
            "cut_tail": "DELETE FROM audit_events WHERE seq = 3",
            "reorder_actor": "UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = 1",
        }[tamper]
        conn.execute(text(statement))
    report = verify_profile(engine)
    assert not report.ok
    assert report.audit_faults
