"""Records leaving for good, across the wire: a retention purge on the server removes the record
on every device and it never comes back; tombstones compacted past the horizon make a device
that was away resync in full, and nothing deleted returns to life; the sanity check after a
round finds a device that differs from the server and repairs it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text, update

from sst_desktop.models.case import Case
from sst_desktop.models.contact import Contact, Meeting
from sst_desktop.models.profile_meta import PurgedRecord
from sst_desktop.sync import client
from sst_rules.retention import RetentionRule
from sst_server import removal
from sst_server.db import records, removals
from tests.server.conftest import Server
from tests.server.laptops import Laptop, _edit_meeting, _meeting, _open_case, _visit

pytestmark = pytest.mark.usefixtures("_fast_kdf")
SOCIAL_RECORDS = RetentionRule(
    "test_rule", "sst_plus", frozenset({"social_services_record"}), 12, "test"
)


def _close(device: Laptop, case_id: str, closed_on: date) -> None:
    with device.context.services.unit_of_work() as uow:
        case = uow.session.get(Case, case_id)
        assert case is not None
        case.closed_on = closed_on
        uow.commit()


def _delete_meeting(device: Laptop, meeting_id: str) -> None:
    with device.context.services.unit_of_work() as uow:
        meeting = uow.session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.deleted = True
        uow.commit()


def test_a_retention_purge_on_the_server_reaches_every_device_and_stays(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    server: Server = laptop.server
    case_id = _open_case(laptop, team_id)
    visit_id = _visit(laptop, case_id, "Hembesök som ska gallras")
    _close(laptop, case_id, date(2024, 1, 15))
    laptop.sync()
    tablet.sync()
    assert [c.id for c in tablet.rows(Contact)] == [visit_id]
    stale_copy = laptop.rows(Contact)[0]

    dry = removal.purge_due(server.engine, [SOCIAL_RECORDS], date(2026, 12, 1), dry_run=True)
    assert dry.by_type["contacts"] == 1
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(removals)).scalar_one() == 0
    done = removal.purge_due(server.engine, [SOCIAL_RECORDS], date(2026, 12, 1))
    assert done.by_type == {"contacts": 1, "cases": 1}  # the case had nothing else left

    for device in (laptop, tablet):
        report = device.sync()
        assert report.purged == 2
        assert device.rows(Contact) == [] and device.rows(Case) == []
        assert {p.entity_id for p in device.rows(PurgedRecord)} == {case_id, visit_id}
    with server.engine.connect() as conn:
        assert conn.execute(select(records).where(records.c.entity_id == visit_id)).first() is None

    # An old device (a backup from before the purge) pushes an edit of the purged visit: refused,
    # and the record does not come back on the server or anywhere else.
    answer = laptop.push_raw(
        {
            "mutation_id": "018f0000-0000-7000-8000-000000000001",
            "entity_type": "contacts",
            "entity_id": visit_id,
            "operation": "update",
            "base_version": stale_copy.server_version,
            "authority": "social_services",
            "record_class": "social_services_record",
            "case_id": case_id,
            "fields": {"note": "tillbaka?"},
        }
    )
    assert answer["status"] == "rejected" and answer["reason"] in ("removed", "unknown_case")
    with server.engine.connect() as conn:
        assert conn.execute(select(records).where(records.c.entity_id == visit_id)).first() is None


def test_a_device_away_past_the_horizon_resyncs_and_deleted_records_stay_deleted(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    server: Server = laptop.server
    case_id = _open_case(laptop, team_id)
    kept = _meeting(laptop, case_id, "Stays")
    gone = _meeting(laptop, case_id, "Will be deleted")
    laptop.sync()
    tablet.sync()  # then the tablet stays in a drawer
    _delete_meeting(laptop, gone)
    _edit_meeting(laptop, kept, agenda="Stays, edited")
    laptop.sync()
    old = datetime.now(UTC) - timedelta(days=400)
    with server.engine.begin() as conn:
        conn.execute(update(records).where(records.c.deleted.is_(True)).values(updated_at=old))
    assert removal.compact(server.engine, older_than_days=365).by_type == {"meetings": 1}

    report = tablet.sync()
    assert report.full_resync and report.repaired >= 1
    meetings = {m.id: m for m in tablet.rows(Meeting)}
    assert set(meetings) == {kept}  # the deleted meeting did not come back to life
    assert meetings[kept].agenda == "Stays, edited"
    assert not tablet.sync().full_resync  # once level, ordinary rounds again
    assert laptop.sync().full_resync is False  # the laptop had seen the tombstone


def test_a_walk_begun_after_a_compaction_runs_to_its_end(team, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Pages of two records: the walk from nothing (a device back past the horizon) crosses
    versions below the horizon page after page, and must not be sent back to the start each
    time (it was: an endless resync the CI run found). A compaction during a walk still sends
    that walk back once."""
    laptop, tablet, _school, team_id = team
    server: Server = laptop.server
    case_id = _open_case(laptop, team_id)
    meetings = [_meeting(laptop, case_id, f"Möte {n}") for n in range(6)]
    laptop.sync()
    tablet.sync()
    _delete_meeting(laptop, meetings.pop())
    laptop.sync()
    _compact_all_tombstones(server)
    monkeypatch.setattr(client, "PULL_PAGE", 2)

    report = tablet.sync()
    assert report.full_resync and report.pulled < 40  # one walk, not a loop
    assert {m.id for m in tablet.rows(Meeting)} == set(meetings)
    assert not tablet.sync().full_resync

    # A compaction between two pages of a walk: that walk starts again, once.
    with tablet.context.engine.begin() as conn:
        client._put(conn, {client.CURSOR: ""})
    transport = client.connected_transport(tablet.context.engine)
    try:
        first = transport.post("/v1/pull", {"cursor": None, "limit": 2})
        assert first["more"] and not first["full_resync"]
        _delete_meeting(laptop, meetings.pop())
        laptop.sync()
        _compact_all_tombstones(server)
        again = transport.post("/v1/pull", {"cursor": first["cursor"], "limit": 2})
        assert again["full_resync"] and again["cursor"] == ""
    finally:
        transport.close()
    assert tablet.sync().full_resync is False  # from nothing, after the compaction
    assert {m.id for m in tablet.rows(Meeting)} == set(meetings)


def _compact_all_tombstones(server: Server) -> None:
    old = datetime.now(UTC) - timedelta(days=400)
    with server.engine.begin() as conn:
        conn.execute(update(records).where(records.c.deleted.is_(True)).values(updated_at=old))
    assert removal.compact(server.engine, older_than_days=365).total >= 1


def test_the_sanity_check_finds_and_repairs_a_device_that_differs(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    first = _visit(laptop, case_id, "Ett")
    second = _visit(laptop, case_id, "Två")
    laptop.sync()
    tablet.sync()
    assert tablet.sync().repaired == 0  # level: nothing to repair
    with tablet.context.engine.begin() as conn:  # damage, as a bug or a restored backup would
        conn.execute(text("INSERT INTO purge_session (id) VALUES (1)"))  # past the triggers
        conn.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": first})
        conn.execute(text("UPDATE contacts SET server_version = 1 WHERE id = :id"), {"id": second})
        conn.execute(text("DELETE FROM purge_session"))
    report = tablet.sync()
    assert report.repaired == 2
    assert {c.id for c in tablet.rows(Contact)} == {first, second}
    assert tablet.sync().repaired == 0


def test_purge_due_from_the_command_line_uses_the_programme_file(server: Server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    programmes = tmp_path / "programmes.json"
    programmes.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "programme": "sst",
                        "retention": [
                            {
                                "rule": "r",
                                "record_classes": ["social_services_record"],
                                "months_after_closure": 12,
                                "legal_reference": "x",
                            }
                        ],
                    }
                ]
            }
        )
    )
    command = [sys.executable, "-m", "sst_server.main", "admin", "purge-due", "--dry-run"]
    done = subprocess.run(
        [*command, "--programmes", str(programmes)],
        env=server.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {}
    broken = subprocess.run(
        [*command, "--programmes", str(tmp_path / "missing.json")],
        env=server.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert broken.returncode == 2 and "cannot read retention rules" in broken.stderr


def test_the_check_runs_twice_an_hour_not_every_round(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    visit = _visit(laptop, case_id, "Ett")
    laptop.sync()

    def round_with_the_default_clock() -> client.SyncReport:
        transport = client.connected_transport(tablet.context.engine)
        try:
            return client.sync_once(tablet.context.engine, transport)
        finally:
            transport.close()

    with tablet.context.engine.begin() as conn:  # as if it had never compared
        conn.execute(text("DELETE FROM profile_settings WHERE key = 'sync.last_check'"))
    round_with_the_default_clock()
    with tablet.context.engine.begin() as conn:
        conn.execute(text("INSERT INTO purge_session (id) VALUES (1)"))
        conn.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": visit})
        conn.execute(text("DELETE FROM purge_session"))
    assert round_with_the_default_clock().repaired == 0  # compared less than 30 minutes ago
    with tablet.context.engine.begin() as conn:
        conn.execute(
            text("UPDATE profile_settings SET value = :v WHERE key = 'sync.last_check'"),
            {"v": (datetime.now(UTC) - timedelta(minutes=31)).isoformat()},
        )
    assert round_with_the_default_clock().repaired == 1
    assert [c.id for c in tablet.rows(Contact)] == [visit]
