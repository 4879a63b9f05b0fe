"""Fault tests of sync (issue 5): the device killed at counted points of push and pull, the TCP
connection cut in the middle of the server's answer, and a server process killed mid-batch
with a second process over the same PostgreSQL taking over. Each time the device resumes,
and every mutation it made is on the server exactly once.

Kill points: ``SST_SYNC_KILL_POINTS`` (CI: 50 on SQLite and 6 on PostgreSQL; the harness is
``sync_kills``, the child ``sync_child.py``)."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine

from sst_desktop.models.contact import Meeting
from sst_desktop.models.outbox import OutboxEntry
from sst_desktop.store.verify import verify_profile
from sst_desktop.sync import client
from sst_desktop.sync.local_apply import SETTINGS
from sst_desktop.sync.protocol import MAX_MUTATIONS_PER_PUSH
from sst_desktop.sync.transport import SyncError
from sst_rules import refresh_chain
from sst_rules.enums import Authority, MeetingKind, MeetingStatus, RecordClass, Role
from sst_server.db import applied_mutations, audit_alerts, devices, make_engine, records
from sst_server.schema import migrate
from tests.server import sync_kills
from tests.server.cutting_proxy import CuttingProxy
from tests.server.helpers import Device, enroll, organisation
from tests.server.laptops import Laptop, _edit_meeting, _meeting, _open_case
from tests.server.serving import Server, database, serve, start_server
from tests.server.sync_kills import _expire_access

SOCIAL = Authority.SOCIAL_SERVICES

KILL_POINTS = int(os.environ.get("SST_SYNC_KILL_POINTS", "50"))
SEED = int(os.environ.get("SST_SYNC_KILL_SEED", "20260305"))


@pytest.fixture
def sqlite_server(tmp_path: Path, _fast_kdf: None) -> Iterator[Server]:
    yield from serve("sqlite", tmp_path)


@pytest.fixture
def pg_server(tmp_path: Path, _fast_kdf: None) -> Iterator[Server]:
    yield from serve("postgresql", tmp_path)


def _kill_points(server: Server, folder: Path, points: int) -> sync_kills.Totals:
    totals = sync_kills.run(server, folder, points, SEED)
    print(totals.summary())
    assert totals.faults == []
    assert totals.points >= points
    return totals


@pytest.mark.slow
@pytest.mark.timeout(max(1800, 10 * KILL_POINTS))
def test_device_killed_at_counted_points_of_push_and_pull_loses_and_doubles_nothing(
    sqlite_server: Server, tmp_path: Path
) -> None:
    totals = _kill_points(sqlite_server, tmp_path, KILL_POINTS)
    assert sum(totals.kills.values()) == KILL_POINTS and totals.not_killed == 0
    assert totals.distinct >= min(KILL_POINTS, 100) and totals.repaired == 0
    # spread: in both halves, after the server answered, mid-transaction and before commits
    assert totals.kills["push"] >= KILL_POINTS // 5 and totals.kills["pull"] >= KILL_POINTS // 5
    assert totals.kills["token"] >= 3
    assert totals.answered_not_recorded >= 8
    assert totals.kinds["commit"] >= 3 and totals.kinds["sql"] >= KILL_POINTS // 3


@pytest.mark.slow
@pytest.mark.timeout(max(900, 3 * KILL_POINTS))
def test_device_killed_during_sync_on_postgresql(pg_server: Server, tmp_path: Path) -> None:
    totals = _kill_points(pg_server, tmp_path, max(6, KILL_POINTS // 8))
    assert sum(totals.kills.values()) == totals.points and totals.repaired == 0
    assert totals.answered_not_recorded >= totals.points // 2


# -- the TCP connection cut in the middle of the server's answer -------------------------------
@pytest.fixture
def proxied(sqlite_server: Server) -> Iterator[tuple[Server, CuttingProxy]]:
    proxy = CuttingProxy(sqlite_server.url)
    yield replace(sqlite_server, url=proxy.url), proxy
    proxy.close()


def _devices(server: Server, folder: Path) -> tuple[Laptop, Laptop, str]:
    """The same therapist's laptop and tablet, and a case with a meeting on both."""
    org = organisation(server)
    laptop, tablet = (
        Laptop(server, folder / name, org.therapist, Role.FAMILY_THERAPIST, SOCIAL)
        for name in ("laptop", "tablet")
    )
    case_id = _open_case(tablet, org.team_id)
    tablet.sync()
    laptop.sync()
    return laptop, tablet, case_id


def _made(device: Laptop) -> set[str]:
    with device.context.engine.connect() as conn:
        return set(conn.execute(select(OutboxEntry.mutation_id)).scalars())


def _device_id(device: Laptop) -> str:
    with device.context.engine.connect() as conn:
        return str(
            conn.execute(
                select(SETTINGS.c.value).where(SETTINGS.c.key == client.DEVICE)
            ).scalar_one()
        )


def _applied(server: Server, device: Laptop) -> Counter[str]:
    with server.engine.connect() as conn:
        return Counter(
            conn.execute(
                select(applied_mutations.c.mutation_id).where(
                    applied_mutations.c.device_id == _device_id(device)
                )
            ).scalars()
        )


def _meetings(device: Laptop) -> dict[str, tuple[object, ...]]:
    return {m.id: (m.server_version, m.agenda, m.place, m.deleted) for m in device.rows(Meeting)}


def test_a_connection_cut_mid_answer_is_offline_and_the_next_round_loses_and_doubles_nothing(
    proxied: tuple[Server, CuttingProxy], tmp_path: Path
) -> None:
    """Cut in the middle of the answer to a push, an audit upload, a pull page and a token
    refresh (after a night asleep), one round each, each resumed by the next round."""
    server, proxy = proxied
    laptop, tablet, case_id = _devices(server, tmp_path)
    made: set[str] = set()
    for path in ("/v1/push", "/v1/audit", "/v1/pull", "/v1/token"):
        for n in range(3):
            _meeting(tablet, case_id, f"{path} surfplatta {n}")
        tablet.sync()
        booked = [_meeting(laptop, case_id, f"{path} bärbar {n}") for n in range(3)]
        _edit_meeting(laptop, booked[0], place="Hemma")
        waiting = _made(laptop)
        made |= waiting
        if path == "/v1/token":
            _expire_access(laptop)
        proxy.cut(path, fraction=0.5)
        with pytest.raises(SyncError) as cut:
            laptop.sync()
        assert cut.value.code == "offline"
        assert (path, "cut") in proxy.done
        if path in ("/v1/push", "/v1/token"):  # nothing left the outbox without its answer
            assert _made(laptop) == waiting
        else:  # the push went through before the cut
            assert not _made(laptop) and set(_applied(server, laptop)) == made
        laptop.sync()  # the next round, uncut
        assert _applied(server, laptop) == Counter(made)
        assert client.status(laptop.context.engine).pending == 0
        tablet.sync()
        assert _meetings(laptop) == _meetings(tablet)
    assert verify_profile(laptop.context.engine).ok
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit_alerts)).scalar_one() == 0
    laptop.close()
    tablet.close()


def test_each_answer_of_a_round_cut_in_turn_then_resumed(
    proxied: tuple[Server, CuttingProxy], tmp_path: Path
) -> None:
    """Rounds cut at their first answer, their second, ... until one goes through whole."""
    server, proxy = proxied
    laptop, tablet, case_id = _devices(server, tmp_path)
    made: set[str] = set()
    cut_paths = []
    for cut_at in range(1, 30):
        _meeting(tablet, case_id, f"T{cut_at}")
        tablet.sync()
        _meeting(laptop, case_id, f"L{cut_at}")
        made |= _made(laptop)
        proxy.done.clear()
        proxy.cut_nth(cut_at)
        try:
            laptop.sync()
        except SyncError as error:
            assert error.code == "offline"
            cut_paths.append(proxy.done[-1])
            continue
        finally:
            proxy.cut_nth(0)
        break
    cut = {path for path, how in cut_paths if how == "cut"}
    assert cut >= {"/v1/push", "/v1/audit", "/v1/pull", "/v1/digest"}
    assert _applied(server, laptop) == Counter(made)
    assert client.status(laptop.context.engine).pending == 0
    tablet.sync()
    assert _meetings(laptop) == _meetings(tablet)
    laptop.close()
    tablet.close()


# -- a refresh whose answer was lost -----------------------------------------------------------
def test_a_refresh_asked_again_after_a_lost_answer_is_answered_and_a_copy_still_revokes(
    sqlite_server: Server,
) -> None:
    org = organisation(sqlite_server)

    def refresh(device: Device, old: str, new: str) -> httpx.Response:
        body = {"protocol": 1, "device_id": device.device_id, "refresh_token": old}
        return device.http.post("/v1/token", json=body | {"next_refresh_token": new})

    def revoked(device: Device, answer: httpx.Response) -> bool:
        with sqlite_server.engine.connect() as conn:
            row = conn.execute(select(devices).where(devices.c.id == device.device_id)).one()
        refused = answer.status_code == 403 and answer.json()["code"] == "device_revoked"
        return refused and row.revoked_reason == "refresh_reuse"

    device = enroll(sqlite_server, org.therapist)
    first = refresh_chain.next_token(device.refresh)
    assert refresh(device, device.refresh, first).json()["refresh_token"] == first
    again = refresh(device, device.refresh, first)  # the answer was lost: the same pair again
    assert again.status_code == 200 and again.json()["refresh_token"] == first
    second = refresh_chain.next_token(first)
    assert refresh(device, first, second).status_code == 200
    # The current token alone does not skip a rotation: the pair must be bound.
    assert revoked(device, refresh(device, "x" * 43, second))

    other = enroll(sqlite_server, org.therapist)
    first = refresh_chain.next_token(other.refresh)
    second = refresh_chain.next_token(first)
    assert refresh(other, other.refresh, first).status_code == 200
    assert refresh(other, first, second).status_code == 200
    # An old pair once the device has moved on: a copy, as before.
    assert revoked(other, refresh(other, other.refresh, first))


# -- two server processes over one PostgreSQL, one killed mid-batch ----------------------------
@dataclass
class Cluster:
    database_url: str
    engine: Engine
    folder: Path
    processes: dict[str, tuple[subprocess.Popen[bytes], str]]
    env: dict[str, str]

    def start(self, name: str) -> str:
        process, url, self.env = start_server(self.database_url, self.folder)
        self.processes[name] = (process, url)
        return url

    def kill(self, name: str) -> None:
        process, _url = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(10)

    def url(self, name: str) -> str:
        return self.processes[name][1]


@pytest.fixture
def cluster(tmp_path: Path, _fast_kdf: None) -> Iterator[Cluster]:
    gen = database("postgresql", tmp_path)
    database_url = next(gen)
    engine = make_engine(database_url)
    migrate(engine)
    cluster = Cluster(database_url, engine, tmp_path, {}, {})
    try:
        cluster.start("a")
        cluster.start("b")
        yield cluster
    finally:
        for process, _url in cluster.processes.values():
            process.terminate()
            process.wait(10)
        engine.dispose()
        next(gen, None)


def _book_many(device: Laptop, case_id: str, count: int, prefix: str) -> None:
    """``count`` meetings in one unit of work: as many outbox entries, one push batch."""
    with device.context.services.unit_of_work() as uow:
        for n in range(count):
            uow.add(
                Meeting(
                    case_id=case_id,
                    kind=MeetingKind.REVIEW,
                    status=MeetingStatus.BOOKED,
                    scheduled_at=datetime(2026, 4, 1, 9, tzinfo=UTC),
                    duration_minutes=30,
                    participants=[],
                    agenda=f"{prefix} {n}",
                    place="Skolan",
                    authority=SOCIAL,
                    record_class=RecordClass.SOCIAL_SERVICES_RECORD,
                )
            )
        uow.commit()


def _sync_in_background(device: Laptop) -> tuple[threading.Thread, list[BaseException]]:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            device.sync()
        except BaseException as error:  # handed to the test
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


def _wait(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _waiting_on_the_counter(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE feed_counter%'"
                )
            ).scalar_one()
        )


@pytest.mark.timeout(600)
def test_two_server_processes_one_killed_mid_batch_the_other_applies_it_once(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "PUSH_BATCH", MAX_MUTATIONS_PER_PUSH)  # one batch of 500
    proxy = CuttingProxy(cluster.url("a"))  # the load balancer in front of both
    server = Server(proxy.url, cluster.engine, "postgresql", cluster.env)
    laptop, tablet, case_id = _devices(server, tmp_path)
    made: set[str] = set()
    for n in range(4):  # each device's rounds go to both processes in turn
        _meeting(laptop, case_id, f"L{n}")
        _meeting(tablet, case_id, f"T{n}")
        made |= _made(laptop)
        for device, name in ((laptop, "ab"[n % 2]), (tablet, "ba"[n % 2])):
            proxy.upstream = cluster.url(name)
            device.sync()

    # 1. Killed inside the batch's transaction: the counter is held, so it cannot commit.
    _book_many(laptop, case_id, MAX_MUTATIONS_PER_PUSH, "stor A")
    big = _made(laptop)
    proxy.upstream = cluster.url("a")
    with cluster.engine.connect() as holder:
        holder.execute(text("SELECT value FROM feed_counter WHERE id = 1 FOR UPDATE"))
        thread, errors = _sync_in_background(laptop)
        _wait(lambda: _waiting_on_the_counter(cluster.engine), "server a to reach the counter")
        cluster.kill("a")
        holder.rollback()
    thread.join(60)
    assert [getattr(e, "code", e) for e in errors] == ["offline"]
    assert not set(_applied(server, laptop)) & big  # the batch died with the process
    proxy.upstream = cluster.url("b")
    laptop.sync()
    made |= big

    # 2. Killed after it committed, before its answer reached the device; then restarted.
    _book_many(laptop, case_id, MAX_MUTATIONS_PER_PUSH, "stor B")
    big = _made(laptop)
    proxy.upstream = cluster.start("a")
    proxy.hold("/v1/push")
    thread, errors = _sync_in_background(laptop)
    assert proxy.held.wait(60)
    assert set(_applied(server, laptop)) >= big  # committed, the answer held back
    cluster.kill("a")
    proxy.release()
    thread.join(60)
    assert [getattr(e, "code", e) for e in errors] == ["offline"]
    assert _made(laptop) == big  # the device does not know: it sends them again
    proxy.upstream = cluster.url("b")
    laptop.sync()
    made |= big

    assert _applied(server, laptop) == Counter(made)  # each exactly once
    assert client.status(laptop.context.engine).pending == 0
    _no_version_gap_breaks_the_pull(server, laptop, tablet, tmp_path)
    proxy.close()


def _no_version_gap_breaks_the_pull(
    server: Server, laptop: Laptop, tablet: Laptop, folder: Path
) -> None:
    """The tablet and a new device of the same user pull everything the server holds."""
    tablet.sync()
    with server.engine.connect() as conn:
        stored = {
            row.entity_id: (row.version, row.fields["agenda"])
            for row in conn.execute(select(records).where(records.c.entity_type == "meetings"))
        }
        top = conn.execute(select(func.max(records.c.version))).scalar_one()
        counter = conn.execute(text("SELECT value FROM feed_counter WHERE id = 1")).scalar_one()
    assert counter >= top
    org_staff = _staff_id(laptop)
    newcomer = Laptop(server, folder / "new", org_staff, Role.FAMILY_THERAPIST, SOCIAL)
    newcomer.sync()
    for device in (laptop, tablet, newcomer):
        held = {m.id: (m.server_version, m.agenda) for m in device.rows(Meeting)}
        assert held == stored
    assert len(stored) >= 2 * MAX_MUTATIONS_PER_PUSH + 8
    for device in (laptop, tablet, newcomer):
        device.close()


def _staff_id(device: Laptop) -> str:
    with device.context.engine.connect() as conn:
        return str(
            conn.execute(
                select(SETTINGS.c.value).where(SETTINGS.c.key == client.STAFF)
            ).scalar_one()
        )
