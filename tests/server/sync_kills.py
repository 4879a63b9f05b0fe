"""Kill points for sync (issue 5, R1 for the sync half): a device killed with SIGKILL at a
chosen event of a sync round, then restarted, loses no mutation and applies none twice.

The approach is the R1 harness's (``bench/kill_points.py``): a fork server
(``sync_child.py --serve``) forks one child per point, the child reports what it does on a
pipe, line by line, and dies by SIGKILL; the parent then opens the files as the kill left them.
Here the kill is not timed but counted: the child numbers the events of its round (a statement
on the profile, a local commit, a request going out, an answer arriving) and kills itself at
event ``k``, so points land where they are meant to, in push, audit upload, pull and the
sanity check, including after the server answered and before the device recorded the answer.

Each point is a round of the same shape: the tablet (the same therapist's second device)
changes meetings and syncs, the laptop books, edits and cancels meetings and visits with its
outbox waiting; the laptop's child syncs and is killed; the laptop is reopened and synced to
completion; then every mutation the laptop ever made is on the server exactly once with its
values, nothing was refused or turned into a conflict, the laptop holds what the tablet holds
once it has synced too (the control: the same user's view, reached without a kill) and what the
server holds, the profile verifies, the audit chain arrived whole.

The event numbers are taken from two uncut reference rounds of the same shape (one with an
expired access token, so the token refresh is in the round too); the schedule takes every
event of the refresh, every answer and every commit, and draws the rest from the other events
(statements, requests going out), weighted to push and pull.
"""

from __future__ import annotations

import importlib
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import select, update

from sst_desktop.app_context import open_context
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.contact import Contact, Meeting
from sst_desktop.models.outbox import OutboxEntry
from sst_desktop.store.verify import verify_profile
from sst_desktop.sync import client
from sst_desktop.sync.local_apply import REJECTIONS, SETTINGS
from sst_desktop.sync.transport import SyncError
from sst_rules.enums import Authority, Role
from sst_server.db import applied_mutations, audit_alerts, audit_log, records
from tests.server.helpers import organisation
from tests.server.laptops import PASSPHRASE, Laptop, _edit_meeting, _meeting, _open_case, _visit
from tests.server.serving import Server

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("sync_child.py")
PUSH_BATCH, PULL_PAGE = 2, 3  # a round of five mutations: three pushes, several pages
# Phases of the drawn points in turn: 4 in 10 each to push and pull, 1 to the audit upload, 1 to
# the sanity check (a fixed turn, so a short run also has both halves).
TURN = ("push", "pull", "push", "pull", "audit", "push", "pull", "check", "push", "pull")
SOCIAL = Authority.SOCIAL_SERVICES
VIEWED: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "meetings": (Meeting, ("agenda", "place")),
    "contacts": (Contact, ("note",)),
}


def _r1_harness() -> ModuleType:
    bench = str(ROOT / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module("kill_points")


kp = _r1_harness()


@dataclass(frozen=True)
class Event:
    number: int
    phase: str  # push, audit, pull, check, token
    kind: str  # send, answer, sql, commit
    detail: str

    @classmethod
    def parse(cls, line: str) -> Event:
        _, number, phase, kind, detail = line.split(" ", 4)
        return cls(int(number), phase, kind, detail)


@dataclass
class Round:
    events: list[Event]
    outcome: str  # killed, done, fail <code>, crashed
    stderr: str = ""

    @property
    def last(self) -> Event | None:
        return self.events[-1] if self.events else None


class ChildServer(kp.ForkServer):  # type: ignore[misc,name-defined]
    """The R1 fork server, running the sync child instead of the writer."""

    def __init__(self) -> None:
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        self.reader = kp.LineReader(self.proc.stdout)

    def round(self, folder: Path, kill_at: int) -> Round:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"RUN {folder} {kill_at} {PUSH_BATCH} {PULL_PAGE}\n".encode())
        self.proc.stdin.flush()
        early: list[str] = []
        pid = None
        deadline = time.monotonic() + 60
        while pid is None and time.monotonic() < deadline and not self.reader.eof:
            for line in self.reader.read(1.0):
                if line.startswith("PID ") and pid is None:
                    pid = int(line.split()[1])
                else:
                    early.append(line)
        if pid is None:
            raise RuntimeError(f"the fork server did not start a round: {self.errors()}")
        lines, status = kp._ForkedWriter(self, pid, early).reap()
        events = [Event.parse(line) for line in lines if line.startswith("EV ")]
        ends = [line for line in lines if line.startswith(("DONE", "FAIL"))]
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            return Round(events, "killed")
        if ends and ends[0].startswith("DONE"):
            return Round(events, "done")
        if ends:
            return Round(events, "fail " + ends[0].split()[1])
        return Round(events, "crashed", self.errors())


@dataclass
class Totals:
    backend: str
    points: int = 0
    kills: Counter[str] = field(default_factory=Counter)  # phase -> kills
    kinds: Counter[str] = field(default_factory=Counter)  # kind -> kills
    answered_not_recorded: int = 0  # killed once the server's answer had arrived
    not_killed: int = 0  # the round ended before its event k
    distinct: int = 0  # different points (event number, expired access token) planned
    mutations: int = 0  # made by the killed device, all checked on the server
    pulled: int = 0  # records of the tablet's the laptop had to take
    repaired: int = 0  # records the sanity check fetched again or removed after a kill
    seconds: float = 0.0
    faults: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.points} kill points ({self.distinct} distinct) on {self.backend} in "
            f"{self.seconds:.0f} s: kills by "
            f"phase {dict(self.kills)}, by event {dict(self.kinds)}, "
            f"{self.answered_not_recorded} after the server answered, "
            f"{self.not_killed} rounds ended first; {self.mutations} mutations made by the "
            f"killed device, {self.pulled} changes it had to pull, {self.repaired} repaired by "
            f"the sanity check; {len(self.faults)} faults"
        )


class Stop(Exception):
    """The device cannot go on (a refusal after a kill): the run ends with this fault."""


class Fleet:
    """The killed laptop, and the tablet that writes what it must pull and is the control."""

    def __init__(self, server: Server, folder: Path, seed: int) -> None:
        self.server, self.rng = server, random.Random(seed)
        org = organisation(server)
        # Each profile made on its own: a copy of one would share its audit chain's device id
        # (the server then reports the copies as forks of one chain).
        self.laptop, self.tablet = (
            Laptop(server, folder / name, org.therapist, Role.FAMILY_THERAPIST, SOCIAL)
            for name in ("laptop", "tablet")
        )
        with self.laptop.context.engine.connect() as conn:
            self.device_id = conn.execute(
                select(SETTINGS.c.value).where(SETTINGS.c.key == client.DEVICE)
            ).scalar_one()
        self.case_id = _open_case(self.tablet, org.team_id)
        self.expected: dict[str, dict[str, Any]] = {}  # record -> field -> value, on the server
        self.deleted: set[str] = set()
        for n in range(4):  # enough meetings that every round has the same shape
            self.expected[_meeting(self.tablet, self.case_id, f"S{n}")] = {"agenda": f"S{n}"}
        self.tablet.sync()
        self.laptop.sync()
        _expire_access(self.laptop)  # the first refresh stores a setting the others update
        self.laptop.sync()
        self.made: set[str] = set()  # mutation ids of the laptop's outbox, every round
        self.number = 0

    def close(self) -> None:
        for device in (self.laptop, self.tablet):
            device.close()

    # -- one round's work ---------------------------------------------------------------------
    def _live(self) -> list[str]:
        """Meetings not cancelled, in the order they were booked (not by id: the same seed
        then makes the same rounds)."""
        return [i for i, v in self.expected.items() if "agenda" in v and i not in self.deleted]

    def prepare(self, stale_access: bool) -> int:
        """Work for the laptop to push and for it to pull; returns changes waiting to pull."""
        self.number += 1
        n, rng, live = self.number, self.rng, self._live()
        theirs = rng.sample(live, 2)
        for i, meeting in enumerate(theirs):
            _edit_meeting(self.tablet, meeting, place=f"T{n}.{i}")
            self.expected[meeting]["place"] = f"T{n}.{i}"
        booked = _meeting(self.tablet, self.case_id, f"T{n}")
        self.expected[booked] = {"agenda": f"T{n}", "place": "Skolan"}
        self.tablet.sync()
        # one of the tablet's meetings (another field: merged) and one of the rest, so every
        # round changes as many records and its pull has as many pages
        mine = [theirs[0], rng.choice([m for m in live if m not in theirs])]
        for i, meeting in enumerate(mine):
            _edit_meeting(self.laptop, meeting, agenda=f"L{n}.{i}")
            self.expected[meeting]["agenda"] = f"L{n}.{i}"
        booked = _meeting(self.laptop, self.case_id, f"L{n}")
        self.expected[booked] = {"agenda": f"L{n}", "place": "Skolan"}
        visit = _visit(self.laptop, self.case_id, f"hembesök {n}")
        self.expected[visit] = {"note": f"hembesök {n}"}
        spare = [m for m in live if m not in theirs + mine]
        if spare:
            self._cancel(rng.choice(spare))
        with self.laptop.context.engine.connect() as conn:
            self.made |= set(conn.execute(select(OutboxEntry.mutation_id)).scalars())
        if stale_access:
            _expire_access(self.laptop)
        return len(theirs) + 1

    def _cancel(self, meeting_id: str) -> None:
        with self.laptop.context.services.unit_of_work() as uow:
            meeting = uow.session.get(Meeting, meeting_id)
            assert meeting is not None
            meeting.deleted = True
            uow.commit()
        self.deleted.add(meeting_id)

    # -- the kill and the checks --------------------------------------------------------------
    def killed_round(self, child: ChildServer, kill_at: int) -> Round:
        self.laptop.close()
        try:
            return child.round(self.laptop.folder, kill_at)
        finally:
            self.laptop.context = open_context(self.laptop.folder, PASSPHRASE, full_check=False)

    def recover(self) -> int:
        """Sync the restarted laptop to the end; returns the records its sanity check had to
        repair (a kill that left the profile other than the pull would)."""
        repaired = 0
        for _attempt in range(3):
            try:
                report = self.laptop.sync()
            except SyncError as error:
                raise Stop(f"the restarted laptop could not sync: {error.code}") from None
            repaired += report.repaired
            if report.pending == 0:
                break
        self.tablet.sync()  # as the control
        return repaired

    def faults(self) -> list[str]:
        faults = self._server_faults() + self._laptop_faults()
        faults += [f"verify: {line}" for line in verify_profile(self.laptop.context.engine).lines()]
        return faults

    def _server_faults(self) -> list[str]:
        with self.server.engine.connect() as conn:
            applied = conn.execute(
                select(applied_mutations.c.mutation_id, applied_mutations.c.status).where(
                    applied_mutations.c.device_id == self.device_id
                )
            ).all()
            stored = {r.entity_id: r for r in conn.execute(select(records))}
            alerts = conn.execute(select(audit_alerts.c.kind)).scalars().all()
            received = set(conn.execute(select(audit_log.c.id)).scalars())
        faults = []
        ids = Counter(row.mutation_id for row in applied)
        if missing := self.made - set(ids):
            faults.append(f"{len(missing)} mutations lost, e.g. {sorted(missing)[:2]}")
        if extra := set(ids) - self.made:
            faults.append(f"{len(extra)} mutations the laptop never made applied")
        if twice := [i for i, n in ids.items() if n > 1]:
            faults.append(f"{len(twice)} mutations applied twice")
        if refused := Counter(row.status for row in applied if row.status != "accepted"):
            faults.append(f"answers other than accepted: {dict(refused)}")
        for entity_id, values in self.expected.items():
            row = stored.get(entity_id)
            if row is None or bool(row.deleted) != (entity_id in self.deleted):
                faults.append(f"record {entity_id} missing or its deletion lost on the server")
            elif any(row.fields.get(k) != v for k, v in values.items()):
                faults.append(f"record {entity_id} on the server lost a value: {values}")
        versions = {i: v for i, (v, _values) in _view(self.laptop).items()}
        casework = {r.entity_id: r.version for r in stored.values() if r.entity_type in VIEWED}
        if versions != casework:
            faults.append("the laptop does not hold the server's meetings and visits")
        if conflicts := [r for r in stored.values() if r.entity_type == "sync_conflicts"]:
            faults.append(f"{len(conflicts)} conflicts where none was made")
        if alerts:
            faults.append(f"audit alerts on the server: {Counter(alerts)}")
        with self.laptop.context.engine.connect() as conn:
            events = set(conn.execute(select(AuditEvent.id)).scalars())
        if lost := events - received:
            faults.append(f"{len(lost)} audit events of the laptop not on the server")
        return faults

    def _laptop_faults(self) -> list[str]:
        faults = []
        status = client.status(self.laptop.context.engine)
        if status.pending:
            faults.append(f"{status.pending} outbox entries still waiting after recovery")
        with self.laptop.context.engine.connect() as conn:
            rejected = conn.execute(select(REJECTIONS.c.reason)).scalars().all()
        if rejected:
            faults.append(f"rejections on the laptop: {Counter(rejected)}")
        mine, theirs = _view(self.laptop), _view(self.tablet)
        if mine != theirs:
            differ = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
            faults.append(f"laptop and tablet differ on {len(differ)} records: {differ[:3]}")
        for entity_id, values in self.expected.items():
            held = mine.get(entity_id)
            if held is None or any(held[1].get(k) != v for k, v in values.items()):
                faults.append(f"record {entity_id} on the laptop is not the server's")
        return faults


def _expire_access(device: Laptop) -> None:
    """As after a night asleep: the access token has run out, the next call refreshes."""
    with device.context.engine.begin() as conn:
        conn.execute(
            update(SETTINGS).where(SETTINGS.c.key == client.ACCESS).values(value="expired.token")
        )


def _view(device: Laptop) -> dict[str, tuple[int | None, dict[str, Any]]]:
    """What a device holds of the synced casework: version, deleted and the text fields."""
    view: dict[str, tuple[int | None, dict[str, Any]]] = {}
    for model, names in VIEWED.values():
        for row in device.rows(model):
            values = {name: getattr(row, name) for name in names}
            view[row.id] = (row.server_version, values | {"deleted": bool(row.deleted)})
    return view


def schedule(
    normal: list[Event], token: list[Event], points: int, seed: int
) -> list[tuple[int, bool]]:
    """``points`` of (event number, expired access token?): every event of a token refresh,
    every answer and every commit (as many as fit), then draws from the phases in ``TURN``,
    each event once until its phase has had all of its events."""
    rng = random.Random(seed)
    chosen: list[tuple[int, bool]] = [(e.number, True) for e in _token_events(token)]
    chosen += [(e.number, False) for e in normal if e.kind in ("answer", "commit")]
    if points < 2 * len(chosen):  # a short run: half of it after an answer, and draws
        answers = [e.number for e in normal if e.kind == "answer"]
        chosen = [(n, False) for n in rng.sample(answers, min(len(answers), points // 2))]
    by_phase: dict[str, list[int]] = {}
    for e in normal:
        if e.kind not in ("answer", "commit") and e.phase in TURN:
            by_phase.setdefault(e.phase, []).append(e.number)
    pools: dict[str, list[int]] = {phase: [] for phase in by_phase}
    turns = [phase for phase in TURN if phase in by_phase]  # a round may skip the check
    for turn in range(points - len(chosen)):
        phase = turns[turn % len(turns)]
        if not pools[phase]:
            pools[phase] = rng.sample(by_phase[phase], len(by_phase[phase]))
        chosen.append((pools[phase].pop(), False))
    rng.shuffle(chosen)
    return chosen


def _token_events(events: list[Event]) -> list[Event]:
    """The refresh of an expired access token: the refused call's answer, storing the token
    chosen next, the refresh going out and its answer, storing the new tokens."""
    return [e for e in events if e.phase == "token" and e.kind != "sql"]


def run(server: Server, folder: Path, points: int, seed: int) -> Totals:
    """Two uncut reference rounds, then ``points`` kill points, on one server."""
    started = time.monotonic()
    totals = Totals(server.backend)
    fleet = Fleet(server, folder, seed)
    child = ChildServer()
    planned: list[tuple[int, bool]] = []
    try:
        references = []
        for stale in (False, True):
            totals.pulled += fleet.prepare(stale_access=stale)
            reference = fleet.killed_round(child, 0)
            if reference.outcome != "done":
                raise RuntimeError(f"reference round: {reference.outcome} {reference.stderr}")
            references.append(reference.events)
            _settle(fleet, totals)
        planned = schedule(references[0], references[1], points, seed)
        for kill_at, stale in planned:
            totals.pulled += fleet.prepare(stale_access=stale)
            result = fleet.killed_round(child, kill_at)
            _count(totals, result)
            _settle(fleet, totals)
            if totals.faults and totals.faults[-1].startswith("stop:"):
                break
    finally:
        child.close()
        fleet.close()
    totals.mutations = len(fleet.made)
    totals.distinct = len(set(planned))
    totals.seconds = time.monotonic() - started
    return totals


def _count(totals: Totals, result: Round) -> None:
    totals.points += 1
    last = result.last
    if result.outcome == "killed" and last is not None:
        totals.kills[last.phase] += 1
        totals.kinds[last.kind] += 1
        totals.answered_not_recorded += last.kind == "answer"
    elif result.outcome == "done":
        totals.not_killed += 1
    else:
        totals.faults.append(f"point {totals.points}: the round {result.outcome} {result.stderr}")


def _settle(fleet: Fleet, totals: Totals) -> None:
    """Restart and sync to the end, then check everything; a device that cannot go on stops."""
    where = f"point {totals.points}"
    try:
        totals.repaired += fleet.recover()
    except Stop as stop:
        totals.faults.append(f"stop: {where}: {stop}")
        return
    totals.faults += [f"{where}: {fault}" for fault in fleet.faults()]
