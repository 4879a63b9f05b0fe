"""Laptops for sync tests: real encrypted profiles connected to the real server, and casework
written on them through the unit of work."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import select

from sst_desktop.app_context import OwnerInput, create_context, open_context, read_actor
from sst_desktop.models.case import Case
from sst_desktop.models.consent import Consent, ConsentParty
from sst_desktop.models.contact import Contact, Meeting
from sst_desktop.sync import client
from sst_rules.enums import (
    Authority,
    CaseStatus,
    ContactKind,
    MeetingKind,
    MeetingStatus,
    Programme,
    RecordClass,
    Role,
)
from sst_server import admin
from tests.server.conftest import Server

PASSPHRASE = "sync test passphrase, long enough"


class Laptop:
    """One staff member's device: an encrypted profile connected to the server."""

    def __init__(
        self,
        server: Server,
        folder: Path,
        staff_id: str,
        role: Role,
        authority: Authority,
        template: Path | None = None,
    ):
        self.folder, self.server, self.template = folder, server, template
        if template is not None:  # a copy of a new, empty profile: much faster than creating
            shutil.copytree(template, folder)
            self.context = open_context(folder, PASSPHRASE)
        else:
            context, _code = create_context(folder, PASSPHRASE, OwnerInput("Ny", role, authority))
            self.context = context
        self._enroll(staff_id)

    def _enroll(self, staff_id: str) -> None:
        code = admin.issue_enrollment_code(self.server.engine, staff_id).code
        client.enroll(self.context.engine, self.server.url, code, "test")
        # Now acting as the server's staff member, as the profile opens from now on (opening
        # it again would only repeat the unlock: a third of a laptop's set-up).
        self.context = replace(self.context, actor=read_actor(self.context.engine, self.folder))

    def renew(self, staff_id: str) -> None:
        """The same machine wiped, given a new copy of its template and enrolled for
        ``staff_id``: a new laptop for the next of many examples, on the engine it had (its
        connections closed first, so the next one opens the new file under the same key). A
        new engine would compile every statement again: a third of a stateful example's CPU."""
        assert self.template is not None, "only a laptop made from a template is renewed"
        engine = self.context.engine
        assert engine.pool.checkedout() == 0, "a connection is still in use"  # type: ignore[attr-defined]
        engine.dispose()
        shutil.rmtree(self.folder)
        shutil.copytree(self.template, self.folder)
        self._enroll(staff_id)

    def sync(self, check: bool = True) -> client.SyncReport:
        """One round; ``check``: compare with the server this round (the tests want the check,
        not its clock), else at the app's own interval."""
        transport = client.connected_transport(self.context.engine)
        every = timedelta(0) if check else client.CHECK_EVERY
        try:
            return client.sync_once(self.context.engine, transport, check_every=every)
        finally:
            transport.close()

    def push_raw(self, mutation: dict[str, object]) -> dict[str, object]:
        """One mutation as an old or odd device might send it, past the outbox."""
        transport = client.connected_transport(self.context.engine)
        try:
            answer = transport.post("/v1/push", {"mutations": [mutation]})
        finally:
            transport.close()
        result: dict[str, object] = answer["results"][0]
        return result

    def close(self) -> None:
        self.context.close()

    def rows(self, model: type) -> list[SimpleNamespace]:
        """The stored rows as plain values (ORM objects would outlive their session)."""
        table = model.__table__  # type: ignore[attr-defined]
        with self.context.engine.connect() as conn:
            return [SimpleNamespace(**row._mapping) for row in conn.execute(select(table))]


def _open_case(device: Laptop, team_id: str) -> str:
    ctx = device.context.services
    with ctx.unit_of_work() as uow:
        case = uow.add(
            Case(
                programme=Programme.SST_PLUS,
                status=CaseStatus.ACTIVE,
                team_id=team_id,
                opened_on=date(2026, 3, 1),
                reference="SSTP-26-SYNC01",
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.commit()
        return str(case.id)


def _visit(device: Laptop, case_id: str, note: str) -> str:
    with device.context.services.unit_of_work() as uow:
        contact = uow.add(
            Contact(
                case_id=case_id,
                kind=ContactKind.HOME_VISIT,
                status=MeetingStatus.HELD,
                at=datetime(2026, 3, 3, 10, tzinfo=UTC),
                duration_minutes=60,
                participants=[],
                note=note,
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.commit()
        return str(contact.id)


def _meeting(
    device: Laptop, case_id: str, agenda: str, authority: Authority = Authority.SOCIAL_SERVICES
) -> str:
    with device.context.services.unit_of_work() as uow:
        meeting = uow.add(
            Meeting(
                case_id=case_id,
                kind=MeetingKind.START,
                status=MeetingStatus.BOOKED,
                scheduled_at=datetime(2026, 3, 10, 9, tzinfo=UTC),
                duration_minutes=60,
                participants=[],
                agenda=agenda,
                place="Skolan",
                authority=authority,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD
                if authority == Authority.SOCIAL_SERVICES
                else RecordClass.SCHOOL_RECORD,
            )
        )
        uow.commit()
        return str(meeting.id)


def _edit_meeting(device: Laptop, meeting_id: str, **values: str) -> None:
    with device.context.services.unit_of_work() as uow:
        meeting = uow.session.get(Meeting, meeting_id)
        assert meeting is not None
        for name, value in values.items():
            setattr(meeting, name, value)
        uow.commit()


def _consent_to_school(device: Laptop, case_id: str, categories: list[str]) -> str:
    with device.context.services.unit_of_work() as uow:
        consent = uow.add(
            Consent(
                case_id=case_id,
                purposes=["sharing_between_authorities"],
                categories=categories,
                recipient_authority=Authority.SCHOOL,
                given_on=date(2026, 1, 1),
                valid_until=None,
                withdrawn_on=None,
                withdrawn_by=None,
                form="written",
                information_given=None,
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.session.flush()
        uow.add(
            ConsentParty(
                case_id=case_id,
                consent_id=consent.id,
                party="student",
                guardian_id=None,
                agreed=True,
                answered_on=date(2026, 1, 1),
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.commit()
        return str(consent.id)
