"""The device's sync engine against the real server: real encrypted profiles connected with
enrollment codes, casework written through the unit of work, pushed and pulled over HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from sst_desktop.app_context import OwnerInput, create_context
from sst_desktop.models.case import Case
from sst_desktop.models.consent import Consent
from sst_desktop.models.contact import Contact, Meeting
from sst_desktop.models.sync import SyncConflict
from sst_desktop.sync import client, resolution
from sst_desktop.sync.transport import SyncError
from sst_rules.enums import Authority, CaseStatus, Programme, RecordClass, Role
from sst_server import admin
from tests.server.conftest import Server
from tests.server.helpers import organisation
from tests.server.laptops import (
    PASSPHRASE,
    _consent_to_school,
    _edit_meeting,
    _meeting,
    _open_case,
    _visit,
)

pytestmark = pytest.mark.usefixtures("_fast_kdf")


def test_an_offline_home_visit_reaches_the_colleagues_who_may_see_it(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, school_pc, team_id = team
    case_id = _open_case(laptop, team_id)
    visit_id = _visit(laptop, case_id, "Hembesök: mamma och Elsa")
    report = laptop.sync()
    assert (report.pushed, report.accepted, report.rejected, report.pending) == (2, 2, 0, 0)
    tablet.sync()
    (copy,) = [c for c in tablet.rows(Contact) if c.id == visit_id]
    assert copy.note == "Hembesök: mamma och Elsa" and copy.server_version is not None
    assert copy.at == datetime(2026, 3, 3, 10, tzinfo=UTC)
    school_pc.sync()
    assert [c.id for c in school_pc.rows(Case)] == [case_id]
    assert school_pc.rows(Contact) == []  # social services' record, no consent
    assert client.status(laptop.context.engine).pending == 0


def test_one_field_edited_on_two_laptops_ends_as_a_conflict_on_both(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    meeting_id = _meeting(laptop, case_id, "Start")
    laptop.sync()
    tablet.sync()
    _edit_meeting(laptop, meeting_id, agenda="Start, mål")
    _edit_meeting(tablet, meeting_id, agenda="Start, närvaro", place="Hemma")
    assert laptop.sync().conflicts == 0
    assert tablet.sync().conflicts == 1
    laptop.sync()
    for device in (laptop, tablet):
        (conflict,) = device.rows(SyncConflict)
        assert (conflict.kept_value, conflict.other_value, conflict.base_value) == (
            "Start, mål",
            "Start, närvaro",
            "Start",
        )
        (meeting,) = [m for m in device.rows(Meeting) if m.id == meeting_id]
        assert (meeting.agenda, meeting.place) == ("Start, mål", "Hemma")  # both agree


def test_a_profile_with_casework_cannot_be_connected(server: Server, tmp_path: Path) -> None:
    org = organisation(server)
    context, _ = create_context(
        tmp_path / "p",
        PASSPHRASE,
        OwnerInput("X", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
    )
    try:
        with context.services.unit_of_work() as uow:
            uow.add(
                Case(
                    programme=Programme.SST,
                    status=CaseStatus.ACTIVE,
                    team_id=None,
                    opened_on=date(2026, 3, 1),
                    reference="SST-26-LOCAL1",
                    authority=Authority.SOCIAL_SERVICES,
                    record_class=RecordClass.SOCIAL_SERVICES_RECORD,
                )
            )
            uow.commit()
        code = admin.issue_enrollment_code(server.engine, org.therapist).code
        with pytest.raises(SyncError) as refused:
            client.enroll(context.engine, server.url, code)
        assert refused.value.code == "profile_not_empty"
        assert not client.is_connected(context.engine)
    finally:
        context.close()


def test_plain_http_is_refused_except_to_this_machine() -> None:
    with pytest.raises(SyncError) as refused:
        client.check_address("http://sst.example.se")
    assert refused.value.code == "insecure_address"
    assert client.check_address("https://sst.example.se/") == "https://sst.example.se"
    assert client.check_address("http://127.0.0.1:8443") == "http://127.0.0.1:8443"


def test_an_edit_made_while_a_colleague_synced_is_kept_and_merged(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    meeting_id = _meeting(laptop, case_id, "Start")
    laptop.sync()
    tablet.sync()
    _edit_meeting(tablet, meeting_id, place="Hemma")
    tablet.sync()
    # The laptop changes the agenda, then pulls before it pushes (as after a network cut):
    _edit_meeting(laptop, meeting_id, agenda="Start, mål")
    transport = client.connected_transport(laptop.context.engine)
    try:
        client.pull_only(laptop.context.engine, transport)
    finally:
        transport.close()
    (waiting,) = [m for m in laptop.rows(Meeting) if m.id == meeting_id]
    assert (waiting.agenda, waiting.place) == ("Start, mål", "Hemma")  # mine kept, theirs in
    laptop.sync()
    tablet.sync()
    for device in (laptop, tablet):
        (meeting,) = [m for m in device.rows(Meeting) if m.id == meeting_id]
        assert (meeting.agenda, meeting.place) == ("Start, mål", "Hemma")
        assert device.rows(SyncConflict) == []


def test_consent_brings_older_records_and_withdrawal_takes_them_away(team) -> None:  # type: ignore[no-untyped-def]
    laptop, _tablet, school_pc, team_id = team
    case_id = _open_case(laptop, team_id)
    visit_id = _visit(laptop, case_id, "Hembesök")
    laptop.sync()
    school_pc.sync()
    assert school_pc.rows(Contact) == []
    consent_id = _consent_to_school(laptop, case_id, ["contacts"])
    laptop.sync()
    school_pc.sync()
    assert [c.id for c in school_pc.rows(Contact)] == [visit_id]  # older than its cursor
    with laptop.context.services.unit_of_work() as uow:
        consent = uow.session.get(Consent, consent_id)
        assert consent is not None
        consent.withdrawn_on = date(2026, 2, 1)
        consent.withdrawn_by = "student"
        uow.commit()
    laptop.sync()
    school_pc.sync()
    assert school_pc.rows(Contact) == []  # evicted: gone, not a tombstone
    assert [c.id for c in school_pc.rows(Case)] == [case_id]  # the case itself stays


def test_a_resolved_conflict_closes_on_both_laptops(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    meeting_id = _meeting(laptop, case_id, "Start")
    laptop.sync()
    tablet.sync()
    _edit_meeting(laptop, meeting_id, agenda="Start, mål")
    _edit_meeting(tablet, meeting_id, agenda="Start, närvaro")
    laptop.sync()
    tablet.sync()
    laptop.sync()
    (conflict,) = resolution.open_conflicts(tablet.context.services)
    assert (conflict.kept_value, conflict.other_value) == ("Start, mål", "Start, närvaro")
    resolution.resolve(tablet.context.services, conflict.conflict_id, "Start, mål och närvaro")
    assert resolution.open_conflicts(tablet.context.services) == []
    tablet.sync()
    laptop.sync()
    assert resolution.open_conflicts(laptop.context.services) == []
    for device in (laptop, tablet):
        (meeting,) = [m for m in device.rows(Meeting) if m.id == meeting_id]
        assert meeting.agenda == "Start, mål och närvaro"
