"""Audit events across the wire: each laptop's hash chain reaches the server once, is checked
there (a rewritten event is found even by someone holding the profile's key), outlives a
purge of the records, and `sst-server admin audit --child` prints one child's extract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import func, select, text, update

from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.case import Case
from sst_desktop.models.people import Student
from sst_desktop.sync import audit_upload, client
from sst_rules.enums import Authority, RecordClass
from sst_server import removal
from sst_server.db import audit_alerts, audit_log
from tests.server.laptops import Laptop, _open_case, _visit

pytestmark = pytest.mark.usefixtures("_fast_kdf")


def _student_on_case(device: Laptop, case_id: str) -> str:
    with device.context.services.unit_of_work() as uow:
        student = uow.add(
            Student(
                first_name="Elsa",
                last_name="Testsson",
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.session.flush()
        case = uow.session.get(Case, case_id)
        assert case is not None
        case.student_id = student.id
        uow.commit()
        return str(student.id)


def _count(laptop: Laptop, table: object) -> int:
    with laptop.server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_the_audit_chain_reaches_the_server_once_and_outlives_a_purge(team) -> None:  # type: ignore[no-untyped-def]
    laptop, _tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    student_id = _student_on_case(laptop, case_id)
    _visit(laptop, case_id, "Hembesök")
    laptop.sync()
    local = laptop.rows(AuditEvent)
    assert local and all(e.server_version is not None for e in local)
    assert _count(laptop, audit_log) == len(local)
    assert _count(laptop, audit_alerts) == 0

    # The answer was lost: the laptop sends everything again; nothing is stored twice.
    with laptop.context.engine.begin() as conn:
        conn.execute(update(AuditEvent.__table__).values(server_version=None))  # type: ignore[arg-type]
    transport = client.connected_transport(laptop.context.engine)
    try:
        assert audit_upload.upload(laptop.context.engine, transport) == len(local)
    finally:
        transport.close()
    assert _count(laptop, audit_log) == len(local)
    assert _count(laptop, audit_alerts) == 0

    removal.purge_case(laptop.server.engine, case_id, "opened_in_error")
    done = subprocess.run(
        [sys.executable, "-m", "sst_server.main", "admin", "audit", "--child", student_id],
        env=laptop.server.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    extract = json.loads(done.stdout)
    assert {e["action"] for e in extract} >= {"create", "update"}
    assert {e["case_id"] for e in extract if e["case_id"]} == {case_id}
    assert all(e["device_name"] == "test" and e["staff_name"] for e in extract)
    assert "Elsa" not in done.stdout  # ids and staff, never the child's details


def test_an_event_rewritten_on_the_laptop_is_found_by_the_server(team) -> None:  # type: ignore[no-untyped-def]
    laptop, _tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    laptop.sync()
    _visit(laptop, case_id, "Hembesök")
    newest = max(e.seq for e in laptop.rows(AuditEvent))
    with laptop.context.engine.begin() as conn:  # someone with the key, past the triggers
        conn.execute(text("DROP TRIGGER audit_update"))
        conn.execute(
            text("UPDATE audit_events SET details = :d WHERE seq = :s"),
            {"d": json.dumps({"note": "nothing happened"}), "s": newest},
        )
    laptop.sync()
    with laptop.server.engine.connect() as conn:
        alerts = conn.execute(select(audit_alerts.c.seq, audit_alerts.c.kind)).all()
    assert [(a.seq, a.kind) for a in alerts] == [(newest, "edited")]
    assert _count(laptop, audit_log) == newest  # kept all the same: evidence with a flag
