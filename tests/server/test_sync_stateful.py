"""R5: three laptops of two authorities make random offline edits, deletions, consent changes
and syncs in random order, while the server purges records and compacts tombstones, with
connections cut before a request or after the server answered; at the end every laptop holds
exactly what its user may see, all agree with the server, no accepted write is lost, every
concurrent edit of one field was merged or recorded as a conflict, and nothing purged or
deleted is anywhere. Real encrypted profiles, the real sync engine, the real server over HTTP.

Examples: ``SST_SYNC_EXAMPLES`` (CI: 200 on SQLite, a quarter of that on PostgreSQL; the
benchmark run ``bench/sync_stateful.py`` asks for 5,000)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule
from sqlalchemy import select

from sst_desktop.app_context import OwnerInput, create_context
from sst_desktop.models.case import Case
from sst_desktop.models.consent import Consent
from sst_desktop.models.contact import Contact, Meeting
from sst_desktop.sync import client
from sst_desktop.sync.transport import SyncError, Transport
from sst_rules.enums import Authority, Role
from sst_server import admin, removal
from sst_server.db import record_history, records, removals
from tests.server.conftest import Server
from tests.server.laptops import (
    PASSPHRASE,
    Laptop,
    _consent_to_school,
    _meeting,
    _open_case,
    _visit,
)

EXAMPLES = int(os.environ.get("SST_SYNC_EXAMPLES", "200"))
# Steps per example: 12 in CI since purges, compaction and full resyncs joined the rules (20
# steps took about 4.5 s an example, 200 examples past CI's half hour); SST_SYNC_STEPS for more.
STEPS = int(os.environ.get("SST_SYNC_STEPS", "12"))
WORDS = st.sampled_from(["mål", "närvaro", "hemma", "skolan", "mentor", "BUP", "lugnt", "oro"])
FIELDS = st.sampled_from(["agenda", "place"])


class Cut(Exception):
    pass


class CuttingTransport(Transport):
    """Fails the n-th request: before it is sent, or after the server has answered."""

    def __init__(self, inner: Transport, at: int, after_answer: bool) -> None:
        super().__init__(inner.url, inner.tokens, inner._on_tokens)
        self._at, self._after, self._count = at, after_answer, 0

    def post(self, path: str, body: dict[str, Any], *, auth: bool = True) -> dict[str, Any]:
        self._count += 1
        if self._count == self._at and not self._after:
            raise SyncError("offline", "cut before sending")
        answer = super().post(path, body, auth=auth)
        if self._count == self._at:
            raise SyncError("offline", "cut after the server answered")
        return answer


class Team(RuleBasedStateMachine):
    server: Server
    template: Path
    folder: Path
    laptops: dict[str, Laptop]  # the three machines, renewed for every example

    def __init__(self) -> None:
        super().__init__()
        # Each example on a server holding nothing: one that held every earlier example's
        # teams made each new laptop pull and compare them all (decisions.md).
        self.server.clear()
        team = self.team_id = admin.add_team(self.server.engine, "Team", "sst_plus")
        social = [
            admin.add_staff(self.server.engine, n, "family_therapist", "social_services", team)
            for n in ("A", "B")
        ]
        school = admin.add_staff(self.server.engine, "S", "school_psychologist", "school", team)
        self.devices = {
            "A": self._laptop("A", social[0], Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
            "B": self._laptop("B", social[1], Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
            "S": self._laptop("S", school, Role.SCHOOL_PSYCHOLOGIST, Authority.SCHOOL),
        }
        self.case_id = _open_case(self.devices["A"], team)
        shared = _meeting(self.devices["A"], self.case_id, "start")  # both laptops hold it
        self.written: list[tuple[str, str, str, Any]] = [("A", shared, "agenda", "start")]
        self.consent_id: str | None = None
        self.deleted: set[str] = set()
        self.purged: set[str] = set()
        self.removed: set[str] = set()
        # what each laptop wrote: (laptop, record, field, value); and per (record, field, base
        # version) the last value each laptop gave it on that base
        self.concurrent: dict[tuple[str, str, int], dict[str, str]] = {}
        for name in ("A", "B", "S", "A"):
            self.devices[name].sync(check=False)  # nothing to compare yet

    def _laptop(self, name: str, staff: str, role: Role, authority: Authority) -> Laptop:
        """A new laptop: made the first time, then the same machine renewed (wiped, a new
        copy of the template, enrolled for this example's staff member)."""
        laptop = self.laptops.get(name)
        if laptop is None:
            folder = self.folder / name.lower()
            laptop = Laptop(self.server, folder, staff, role, authority, template=self.template)
            self.laptops[name] = laptop
        else:
            laptop.renew(staff)
        return laptop

    def teardown(self) -> None:
        self.check_the_end()  # the laptops stay: the next example renews them

    # -- offline work -----------------------------------------------------------------------
    def _meetings(self, name: str) -> list[Any]:
        device = self.devices[name]
        return [m for m in device.rows(Meeting) if not m.deleted]

    @rule(name=st.sampled_from(["A", "B"]), agenda=WORDS)
    def book_meeting(self, name: str, agenda: str) -> None:
        meeting_id = _meeting(self.devices[name], self.case_id, agenda)
        self.written.append((name, meeting_id, "agenda", agenda))

    @rule(name=st.sampled_from(["A", "B"]), pick=st.integers(0, 5), field=FIELDS, word=WORDS)
    def edit_meeting(self, name: str, pick: int, field: str, word: str) -> None:
        meetings = [m for m in self._meetings(name) if m.authority == "social_services"]
        if not meetings:
            return
        target = meetings[pick % len(meetings)]
        with self.devices[name].context.services.unit_of_work() as uow:
            meeting = uow.session.get(Meeting, target.id)
            assert meeting is not None
            value = f"{getattr(meeting, field) or ''} {word}".strip()
            base = meeting.server_version
            setattr(meeting, field, value)
            uow.commit()
        self.written.append((name, target.id, field, value))
        if base is not None:
            self.concurrent.setdefault((target.id, field, base), {})[name] = value

    @rule(name=st.sampled_from(["A", "B"]), pick=st.integers(0, 5))
    def cancel_meeting(self, name: str, pick: int) -> None:
        meetings = [m for m in self._meetings(name) if m.authority == "social_services"]
        if not meetings:
            return
        target = meetings[pick % len(meetings)]
        with self.devices[name].context.services.unit_of_work() as uow:
            meeting = uow.session.get(Meeting, target.id)
            assert meeting is not None
            meeting.deleted = True
            uow.commit()
        self.deleted.add(target.id)

    @rule(name=st.sampled_from(["A", "B"]), word=WORDS)
    def home_visit(self, name: str, word: str) -> None:
        visit_id = _visit(self.devices[name], self.case_id, word)
        self.written.append((name, visit_id, "note", word))

    @rule(word=WORDS)
    def school_meeting(self, word: str) -> None:
        device = self.devices["S"]
        meeting_id = _meeting(device, self.case_id, word, authority=Authority.SCHOOL)
        self.written.append(("S", meeting_id, "agenda", word))

    @precondition(lambda self: self.consent_id is None)
    @rule()
    def give_consent(self) -> None:
        self.consent_id = _consent_to_school(
            self.devices["A"], self.case_id, ["meetings", "contacts"]
        )

    @precondition(lambda self: self.consent_id is not None)
    @rule()
    def withdraw_consent(self) -> None:
        with self.devices["A"].context.services.unit_of_work() as uow:
            consent = uow.session.get(Consent, self.consent_id)
            if consent is not None and consent.withdrawn_on is None:
                consent.withdrawn_on = date(2026, 2, 1)
                consent.withdrawn_by = "student"
                uow.commit()

    # -- the server's housekeeping -----------------------------------------------------------
    @rule(pick=st.integers(0, 20))
    def purge_a_record(self, pick: int) -> None:
        """Gallring of one meeting or visit on the server (a rule, or a decision)."""
        with self.server.engine.connect() as conn:
            candidates = sorted(
                conn.execute(
                    select(records.c.entity_id).where(
                        records.c.case_id == self.case_id,
                        records.c.entity_type.in_(("meetings", "contacts")),
                    )
                ).scalars()
            )
        if candidates:
            target = candidates[pick % len(candidates)]
            removal.purge_records(self.server.engine, [target], "test")
            self.purged.add(target)

    @rule()
    def compact_tombstones(self) -> None:
        """Every tombstone goes; laptops that had not seen one resync in full."""
        removal.compact(self.server.engine, older_than_days=0, now=datetime.now(UTC))

    # -- the network ------------------------------------------------------------------------
    @rule(
        name=st.sampled_from(["A", "B", "S"]),
        cut=st.one_of(st.none(), st.tuples(st.integers(1, 4), st.booleans())),
    )
    def sync(self, name: str, cut: tuple[int, bool] | None) -> None:
        engine = self.devices[name].context.engine
        transport: Transport = client.connected_transport(engine)
        if cut is not None:
            transport = CuttingTransport(transport, *cut)
        try:
            client.sync_once(engine, transport, check_every=timedelta(0))
        except SyncError:
            pass  # the network went; the next sync resumes
        finally:
            transport.close()

    # -- the end ------------------------------------------------------------------------------
    def check_the_end(self) -> None:
        for last in (False, True):  # everything out, then everything in and compared
            for name in ("A", "B", "S"):
                self.devices[name].sync(check=last)
        # This example's team (the server holds nothing else: ``clear`` at the start).
        ours = records.c.team_id == self.team_id
        with self.server.engine.connect() as conn:
            stored = {r.entity_id: r for r in conn.execute(select(records).where(ours))}
            self.removed = set(conn.execute(select(removals.c.entity_id)).scalars())
            history: dict[str, list[dict[str, Any]]] = {}
            in_team = select(records.c.entity_id).where(ours)
            for row in conn.execute(
                select(record_history).where(record_history.c.entity_id.in_(in_team))
            ):
                history.setdefault(row.entity_id, []).append(row.fields)
        conflicts = [r.fields for r in stored.values() if r.entity_type == "sync_conflicts"]
        self._nothing_lost(stored, history, conflicts)
        self._everyone_holds_what_they_may(stored)

    def _nothing_lost(
        self,
        stored: dict[str, Any],
        history: dict[str, list[dict[str, Any]]],
        conflicts: list[dict[str, Any]],
    ) -> None:
        assert self.purged <= self.removed and not self.purged & set(stored)
        for name, entity_id, field, value in self.written:
            if entity_id in self.removed:
                continue  # purged, or deleted and compacted: gone everywhere (checked below)
            if entity_id in stored and stored[entity_id].deleted:
                continue  # edited after a colleague cancelled it: refused, and shown as such
            if True:
                stored_values = [h.get(field) for h in history.get(entity_id, [])]
                in_conflict = any(
                    c["entity_id"] == entity_id and value in (c["kept_value"], c["other_value"])
                    for c in conflicts
                )
                superseded = self._superseded(name, entity_id, field, value)
                assert value in stored_values or in_conflict or superseded, (
                    name,
                    entity_id,
                    field,
                    value,
                )
        for entity_id in self.deleted:  # a cancelled meeting never comes back
            assert entity_id in self.removed or stored[entity_id].deleted
        recorded = {(c["entity_id"], c["field"]) for c in conflicts}
        for (entity_id, field, _base), values in self.concurrent.items():
            if entity_id in self.removed:
                continue
            if len(set(values.values())) > 1 and not stored[entity_id].deleted:
                # two laptops changed one field from the same version, differently
                assert (entity_id, field) in recorded, (entity_id, field, values)

    def _superseded(self, name: str, entity_id: str, field: str, value: Any) -> bool:
        """A later edit of the same field on the same laptop replaced it before it was sent."""
        later = False
        for n, e, f, v in self.written:
            if (n, e, f, v) == (name, entity_id, field, value):
                later = True
                continue
            if later and (n, e, f) == (name, entity_id, field):
                return True
        return False

    def _everyone_holds_what_they_may(self, stored: dict[str, Any]) -> None:
        consent = stored.get(self.consent_id) if self.consent_id else None
        shared = bool(consent and not consent.fields.get("withdrawn_on"))
        for name, device in self.devices.items():
            assert client.status(device.context.engine).pending == 0
            authority = "school" if name == "S" else "social_services"
            for model in (Meeting, Contact, Case):
                table = model.__tablename__
                here = {r.id: r for r in device.rows(model)}
                expected = {
                    entity_id
                    for entity_id, row in stored.items()
                    if self.case_id in (row.case_id, entity_id)
                    and row.entity_type == table
                    and (
                        table == "cases"
                        or row.authority == authority
                        or (shared and authority == "school")
                    )
                }
                assert set(here) == expected, (name, table)
                for entity_id in expected:
                    server_fields = stored[entity_id].fields
                    local = here[entity_id]
                    for field in ("agenda", "place", "notes", "note"):
                        if field in server_fields and hasattr(local, field):
                            assert getattr(local, field) == server_fields[field], (name, field)
                    assert bool(local.deleted) == bool(stored[entity_id].deleted)


@pytest.mark.timeout(max(3600, 10 * EXAMPLES))  # the benchmark's 5,000 take hours
def test_three_laptops_two_authorities_random_offline_work(
    server: Server, tmp_path: Path, _fast_kdf: None
) -> None:
    template = tmp_path / "template"
    context, _code = create_context(
        template, PASSPHRASE, OwnerInput("Ny", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES)
    )
    context.close()
    examples = EXAMPLES if server.backend == "sqlite" else max(1, EXAMPLES // 4)

    class Machine(Team):
        pass

    Machine.server, Machine.template, Machine.folder = server, template, tmp_path / "runs"
    Machine.laptops = {}
    test = Machine.TestCase
    test.settings = settings(
        max_examples=examples,
        stateful_step_count=STEPS,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    try:
        test().runTest()
    finally:
        for laptop in Machine.laptops.values():
            laptop.close()
