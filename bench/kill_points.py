"""Bench R1: kill -9 at random points during writes; acknowledged writes lost must be 0.

A writer child (``tests/integration/robustness/writer_process.py``) commits units of work to a
real SQLCipher database and acknowledges each commit on stdout. This harness kills it with SIGKILL
at a seeded random moment (5-200 ms after its first acknowledgement, or before it; so kills land
mid-commit, mid-fsync and mid-checkpoint), then opens the database as left behind with a fresh
engine and checks: it opens, ``integrity_check`` and ``cipher_integrity_check`` are clean, the
audit chain verifies (``verify_profile``), every acknowledged write is there with its value, the
one transaction in flight at the kill landed whole or not at all, nothing else is there, and the
outbox and audit log hold exactly one entry per committed mutation. Kills repeat on the same
database: each writer continues from the files the previous kill left, so about half the rounds
have the next writer recover the hot WAL (the check then runs on a copy of the files) and the
others have the checking engine recover it.

Mid-rekey and mid-purge kills are not run here: the profile's rekey and key-slot crash safety is
covered by the R2 tests (interrupted at every write, fsync and rename step) elsewhere.

Run: .venv/bin/python bench/kill_points.py --points 1000 --out bench/results/kill_points.json
The pytest test ``tests/integration/robustness/test_kill_during_writes.py`` runs the same harness.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from sqlalchemy import Engine, text
from sqlalchemy import select as sql_select

from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.organisation import District, Municipality, School, Team
from sst_desktop.models.outbox import OutboxEntry
from sst_desktop.models.people import Student
from sst_desktop.store import schema
from sst_desktop.store.engine import create_cipher_engine
from sst_desktop.store.verify import verify_profile

ROOT = Path(__file__).resolve().parent.parent
WRITER = ROOT / "tests" / "integration" / "robustness" / "writer_process.py"
TRACKED: dict[str, tuple[Any, str]] = {  # table -> (model, checked column); as in the writer
    "municipalities": (Municipality, "name"),
    "districts": (District, "name"),
    "schools": (School, "name"),
    "teams": (Team, "name"),
    "students": (Student, "address"),
}
AUDIT_ACTION = {"insert": "create", "update": "update", "tombstone": "delete"}
FIRST_ACK_TIMEOUT = 30.0


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


# -- the writer's transcript --------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    operation: str
    table: str
    entity_id: str
    digest: str

    @classmethod
    def parse(cls, token: str) -> Item:
        operation, table, entity_id, value = token.split(":")
        return cls(operation, table, entity_id, value)


@dataclass(frozen=True)
class RowState:
    table: str
    digest: str
    deleted: bool


@dataclass
class Ledger:
    """What the database must hold: every committed transaction applied in order."""

    rows: dict[str, RowState] = field(default_factory=dict)
    mutations: Counter[tuple[str, str]] = field(default_factory=Counter)

    def apply(self, items: list[Item]) -> None:
        for item in items:
            old = self.rows.get(item.entity_id)
            if item.operation == "tombstone":
                assert old is not None, f"tombstone of unknown row {item.entity_id}"
                self.rows[item.entity_id] = RowState(old.table, old.digest, True)
            else:
                self.rows[item.entity_id] = RowState(item.table, item.digest, False)
            self.mutations[(item.entity_id, item.operation)] += 1

    def is_new(self, item: Item, state: RowState | None) -> bool:
        """Whether ``state`` shows ``item`` applied."""
        if state is None:
            return False
        if item.operation == "tombstone":
            return state.deleted
        return state.digest == item.digest and not state.deleted

    def is_old(self, item: Item, state: RowState | None) -> bool:
        """Whether ``state`` shows the row as it was before ``item``."""
        return state == self.rows.get(item.entity_id)


@dataclass
class Transcript:
    tries: dict[int, list[Item]] = field(default_factory=dict)
    acks: list[int] = field(default_factory=list)
    first_ack_at: float | None = None

    def feed(self, line: str, now: float) -> None:
        word, _, rest = line.partition(" ")
        if word not in ("TRY", "ACK"):
            return
        number, *tokens = rest.split()
        items = [Item.parse(t) for t in tokens]
        if word == "TRY":
            self.tries[int(number)] = items
        else:
            self.acks.append(int(number))
            if self.first_ack_at is None:
                self.first_ack_at = now

    def in_flight(self) -> list[Item] | None:
        pending = sorted(set(self.tries) - set(self.acks))
        return self.tries[pending[-1]] if pending else None

    def problems(self) -> list[str]:
        pending = sorted(set(self.tries) - set(self.acks))
        out = [f"ACK {n} without TRY" for n in self.acks if n not in self.tries]
        if len(pending) > 1:
            out.append(f"more than one unacknowledged transaction: {pending}")
        return out


# -- running writers ----------------------------------------------------------------------------


class LineReader:
    def __init__(self, stream: IO[bytes]) -> None:
        self.fd = stream.fileno()
        os.set_blocking(self.fd, False)
        self.buffer = b""
        self.eof = False

    def read(self, timeout: float) -> list[str]:
        """Complete lines available within ``timeout`` seconds (possibly none)."""
        if self.eof:
            return []
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return []
        chunks = []
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            if not data:
                self.eof = True
                break
            chunks.append(data)
        self.buffer += b"".join(chunks)
        *lines, self.buffer = self.buffer.split(b"\n")
        return [line.decode("utf-8") for line in lines]


class RunningWriter(Protocol):
    pid: int

    @property
    def done(self) -> bool: ...

    def lines(self, timeout: float) -> list[str]: ...

    def reap(self) -> tuple[list[str], int]:
        """After the kill: the remaining lines and the wait status."""
        ...


class Spawner(Protocol):
    def spawn(self, db: Path, hexkey: str, seed: int) -> RunningWriter: ...

    def close(self) -> None: ...


class _ForkedWriter:
    def __init__(self, server: ForkServer, pid: int, early: list[str]) -> None:
        self.server, self.pid, self.early = server, pid, early
        self.status: int | None = None

    @property
    def done(self) -> bool:
        return self.status is not None

    def _take(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            if line.startswith(f"EXIT {self.pid} "):
                self.status = int(line.split()[2])
            else:
                out.append(line)
        return out

    def lines(self, timeout: float) -> list[str]:
        out, self.early = self._take(self.early), []
        if self.done:
            return out
        return out + self._take(self.server.reader.read(0.0 if out else timeout))

    def reap(self) -> tuple[list[str], int]:
        out = self.lines(0.0)
        deadline = time.monotonic() + 30
        while self.status is None and time.monotonic() < deadline:
            out += self.lines(1.0)
            if self.server.reader.eof:
                break
        if self.status is None:
            raise RuntimeError(f"the fork server did not report the end of writer {self.pid}")
        return out, self.status


class ForkServer:
    """One ``writer_process.py --serve`` process that forks a writer per point."""

    def __init__(self) -> None:
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the server
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            cwd=ROOT,
        )
        assert self.proc.stdout is not None
        self.reader = LineReader(self.proc.stdout)

    def spawn(self, db: Path, hexkey: str, seed: int) -> RunningWriter:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"RUN {db} {hexkey} {seed}\n".encode())
        self.proc.stdin.flush()
        early: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.reader.eof:
            for line in self.reader.read(1.0):
                if line.startswith("PID "):
                    return _ForkedWriter(self, int(line.split()[1]), early)
                early.append(line)
        raise RuntimeError(f"the fork server did not start a writer: {self.errors()}")

    def errors(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")[-2000:]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.stderr.close()


class _ProcessWriter:
    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.proc, self.pid = proc, proc.pid
        self.reader = LineReader(proc.stdout)

    @property
    def done(self) -> bool:
        return self.reader.eof

    def lines(self, timeout: float) -> list[str]:
        return self.reader.read(timeout)

    def reap(self) -> tuple[list[str], int]:
        out: list[str] = []
        while not self.reader.eof:
            out += self.reader.read(1.0)
        _, status = os.waitpid(self.pid, 0)
        self.proc.returncode = -1  # reaped here; keep Popen from waiting again
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        return out, status


class DirectSpawner:
    """``python writer_process.py DB HEXKEY SEED``: a fresh interpreter per point."""

    def spawn(self, db: Path, hexkey: str, seed: int) -> RunningWriter:
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), hexkey, str(seed)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        return _ProcessWriter(proc)

    def close(self) -> None:
        pass


# -- one kill point -----------------------------------------------------------------------------


@dataclass
class Point:
    acknowledged_transactions: int = 0
    acknowledged_writes: int = 0
    killed_before_first_ack: bool = False
    killed_mid_transaction: bool = False
    in_flight_committed: bool = False
    hot_wal: bool = False
    checked_copy: bool = False
    lost_writes: int = 0
    phantom_rows: int = 0
    corrupt_open: bool = False
    start_seconds: float | None = None  # spawn to first acknowledgement
    faults: list[str] = field(default_factory=list)


@dataclass
class Totals:
    mode: str
    seed: int
    points: int = 0
    databases: int = 0
    acknowledged_transactions: int = 0
    acknowledged_writes: int = 0
    lost_writes: int = 0
    phantom_rows: int = 0
    corrupt_opens: int = 0
    kills_before_first_ack: int = 0
    kills_mid_transaction: int = 0
    in_flight_committed_unacknowledged: int = 0
    hot_wal_at_kill: int = 0
    checked_on_copy_next_writer_recovers: int = 0
    writer_start_seconds_median: float = 0.0
    seconds: float = 0.0
    faults: list[str] = field(default_factory=list)

    def add(self, point: Point) -> None:
        self.points += 1
        self.acknowledged_transactions += point.acknowledged_transactions
        self.acknowledged_writes += point.acknowledged_writes
        self.lost_writes += point.lost_writes
        self.phantom_rows += point.phantom_rows
        self.corrupt_opens += point.corrupt_open
        self.kills_before_first_ack += point.killed_before_first_ack
        self.kills_mid_transaction += point.killed_mid_transaction
        self.in_flight_committed_unacknowledged += point.in_flight_committed
        self.hot_wal_at_kill += point.hot_wal
        self.checked_on_copy_next_writer_recovers += point.checked_copy
        self.faults += [f"point {self.points}: {fault}" for fault in point.faults]


class Chain:
    """Kill after kill on one database; the ledger carries across the kills."""

    def __init__(self, directory: Path, rng: random.Random, spawner: Spawner) -> None:
        self.db = directory / "sst.db"
        self.copy_dir = directory / "check"
        self.key = os.urandom(32)
        self.rng, self.spawner = rng, spawner
        self.ledger = Ledger()
        self.start_latencies: list[float] = []
        engine = create_cipher_engine(self.db, self.key, must_exist=False)
        try:
            schema.upgrade_to_head(engine)
        finally:
            engine.dispose()

    def kill_point(self) -> Point:
        point = Point()
        writer = self.spawner.spawn(self.db, self.key.hex(), self.rng.getrandbits(31))
        spawned = time.monotonic()
        transcript = Transcript()
        early = self.rng.random() < 0.12
        if early:  # somewhere between start and the first commit
            typical = statistics.median(self.start_latencies) if self.start_latencies else 0.05
            kill_at = spawned + self.rng.uniform(0.0, typical)
        else:
            kill_at = None
        while kill_at is None or time.monotonic() < kill_at:
            wait = 0.05 if kill_at is None else kill_at - time.monotonic()
            lines = writer.lines(wait)
            now = time.monotonic()
            for line in lines:
                transcript.feed(line, now)
            if kill_at is None and transcript.first_ack_at is not None:
                kill_at = transcript.first_ack_at + self.rng.uniform(0.005, 0.200)
            if writer.done or (kill_at is None and now - spawned > FIRST_ACK_TIMEOUT):
                break  # a writer that died or never commits is reported below
        with contextlib.suppress(ProcessLookupError):  # it may have died by itself
            os.kill(writer.pid, signal.SIGKILL)
        rest, status = writer.reap()
        for line in rest:
            transcript.feed(line, time.monotonic())
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            point.faults.append(f"the writer ended by itself (wait status {status})")
        if transcript.first_ack_at is not None:
            point.start_seconds = transcript.first_ack_at - spawned
            self.start_latencies.append(point.start_seconds)
        elif not early:
            point.faults.append("the writer never acknowledged a commit")
        point.faults += transcript.problems()
        point.killed_before_first_ack = not transcript.acks
        acked = [transcript.tries[n] for n in transcript.acks if n in transcript.tries]
        point.acknowledged_transactions = len(acked)
        point.acknowledged_writes = sum(len(items) for items in acked)
        for items in acked:
            self.ledger.apply(items)
        in_flight = transcript.in_flight()
        point.killed_mid_transaction = in_flight is not None
        wal = self.db.with_name(self.db.name + "-wal")
        point.hot_wal = wal.exists() and wal.stat().st_size > 0
        point.checked_copy = self.rng.random() < 0.5
        self.check(self._copy() if point.checked_copy else self.db, in_flight, point)
        return point

    def _copy(self) -> Path:
        """The files exactly as the kill left them, for a check that leaves the originals hot."""
        shutil.rmtree(self.copy_dir, ignore_errors=True)
        self.copy_dir.mkdir()
        for suffix in ("", "-wal", "-shm"):
            source = self.db.with_name(self.db.name + suffix)
            if source.exists():
                shutil.copyfile(source, self.copy_dir / source.name)
        return self.copy_dir / self.db.name

    def check(self, db: Path, in_flight: list[Item] | None, point: Point) -> None:
        try:
            engine = create_cipher_engine(db, self.key, must_exist=True)
            with engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
        except Exception as exc:
            point.corrupt_open = True
            point.faults.append(f"the database did not open: {type(exc).__name__}: {exc}")
            return
        try:
            self._check_open(engine, in_flight, point)
        finally:
            engine.dispose()

    def _check_open(self, engine: Engine, in_flight: list[Item] | None, point: Point) -> None:
        report = verify_profile(engine)
        point.faults += [f"verify: {line}" for line in report.lines()]
        state = read_state(engine)
        if in_flight:
            new = [self.ledger.is_new(i, state.get(i.entity_id)) for i in in_flight]
            old = [self.ledger.is_old(i, state.get(i.entity_id)) for i in in_flight]
            if all(new):
                self.ledger.apply(in_flight)
                point.in_flight_committed = True
            elif not all(old):
                point.faults.append(f"torn transaction: applied {new}, untouched {old}")
        for entity_id, expected in self.ledger.rows.items():
            if state.get(entity_id) != expected:
                point.lost_writes += 1
                if point.lost_writes <= 3:
                    point.faults.append(f"lost write: {expected.table} {entity_id}")
        point.phantom_rows = len(set(state) - set(self.ledger.rows))
        if point.phantom_rows:
            point.faults.append(f"{point.phantom_rows} rows that no transaction wrote")
        outbox, audit = read_outbox_and_audit(engine)
        if outbox != self.ledger.mutations:
            point.faults.append(
                f"outbox differs: missing {self.ledger.mutations - outbox}, "
                f"extra {outbox - self.ledger.mutations}"
            )
        expected_audit = Counter(
            {(e, AUDIT_ACTION[op]): n for (e, op), n in self.ledger.mutations.items()}
        )
        if audit != expected_audit:
            point.faults.append(
                f"audit differs: missing {expected_audit - audit}, extra {audit - expected_audit}"
            )


def read_state(engine: Engine) -> dict[str, RowState]:
    state: dict[str, RowState] = {}
    with engine.connect() as conn:
        for table, (model, column) in TRACKED.items():
            query = sql_select(model.id, getattr(model, column), model.deleted)
            for record_id, value, deleted in conn.execute(query):
                state[str(record_id)] = RowState(table, digest(value or ""), bool(deleted))
    return state


def read_outbox_and_audit(
    engine: Engine,
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    with engine.connect() as conn:
        outbox = Counter(
            (str(e), str(op))
            for e, op in conn.execute(sql_select(OutboxEntry.entity_id, OutboxEntry.operation))
        )
        audit = Counter(
            (str(e), str(a))
            for e, a in conn.execute(sql_select(AuditEvent.entity_id, AuditEvent.action))
        )
    return outbox, audit


# -- a run --------------------------------------------------------------------------------------


def run(
    points: int, per_database: int, seed: int, mode: str, workdir: Path, progress: bool = False
) -> Totals:
    """``points`` kills over databases of ``per_database`` kills each, one after another."""
    rng = random.Random(seed)
    totals = Totals(mode=mode, seed=seed)
    spawner: Spawner = ForkServer() if mode == "fork" else DirectSpawner()
    latencies: list[float] = []
    started = time.monotonic()
    try:
        for number, count in enumerate(_split(points, per_database)):
            directory = workdir / f"db{number:03d}"
            directory.mkdir(parents=True)
            chain = Chain(directory, rng, spawner)
            totals.databases += 1
            for _ in range(count):
                totals.add(chain.kill_point())
            latencies += chain.start_latencies
            shutil.rmtree(directory, ignore_errors=True)
            if progress:
                print(
                    f"{totals.points} points, {totals.acknowledged_writes} acknowledged "
                    f"writes, {len(totals.faults)} faults, "
                    f"{time.monotonic() - started:.0f} s",
                    file=sys.stderr,
                )
    finally:
        spawner.close()
    totals.seconds = round(time.monotonic() - started, 1)
    totals.writer_start_seconds_median = (
        round(statistics.median(latencies), 4) if latencies else 0.0
    )
    return totals


def _split(points: int, per_database: int) -> Iterator[int]:
    while points > 0:
        yield min(points, per_database)
        points -= per_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--points", type=int, default=1000)
    parser.add_argument("--per-database", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20260302)
    parser.add_argument("--mode", choices=("fork", "direct"), default="fork")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "kill_points.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sst-kill-") as workdir:
        totals = run(
            args.points, args.per_database, args.seed, args.mode, Path(workdir), progress=True
        )
    result = asdict(totals)
    result["faults"] = totals.faults[:50]
    result["bar"] = "0 acknowledged writes lost of at least 1,000 points"
    result["passed"] = bool(
        totals.points >= 1000
        and not totals.lost_writes
        and not totals.corrupt_opens
        and not totals.faults
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True), encoding="utf-8")
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0 if not (totals.lost_writes or totals.corrupt_opens or totals.faults) else 1


if __name__ == "__main__":
    sys.exit(main())
