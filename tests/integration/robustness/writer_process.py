"""The writer child of the R1 kill -9 test (``test_kill_during_writes.py``, ``kill_points.py``).

Run as ``python writer_process.py DB_PATH HEXKEY SEED``: opens the existing SQLCipher database
through ``create_cipher_engine`` and commits units of work through ``UnitOfWork`` until it is
killed (or a safety limit passes). Each transaction mixes inserts of several ORM kinds that need
no services (municipality, district, school, team, and students with large text), updates and
tombstones of earlier rows. Around every commit it writes one line to stdout with a single
``write(2)`` (shorter than PIPE_BUF, so a line is never torn by a kill)::

    TRY <n> <item> <item> ...      before the commit starts (the transaction may or may not land)
    ACK <n> <item> <item> ...      after the commit returned (it must survive any kill)

where ``<item>`` is ``<operation>:<table>:<id>:<digest>``, ``operation`` is insert, update or
tombstone, and ``digest`` is the first 16 hex digits of SHA-256 of the row's checked text column
(``name``; ``address`` for students), or ``-`` for a tombstone.

``python writer_process.py --serve`` is a fork server for the same writer: it imports everything
once, then for each stdin line ``RUN DB_PATH HEXKEY SEED`` forks one writer child, prints
``PID <pid>``, waits for it and prints ``EXIT <pid> <status>``; the children's TRY/ACK lines go to
the same pipe. A forked child is a separate process with its own connection and file locks; only
the interpreter start and imports (about 0.5 s, measured by the test) are saved, so several hundred
kill points fit in a CI test. The server never opens a database itself.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sst_desktop.clock import SystemClock
from sst_desktop.ids import new_id
from sst_desktop.models.organisation import District, Municipality, School, Team
from sst_desktop.models.people import Student
from sst_desktop.store.engine import create_cipher_engine
from sst_desktop.store.unit_of_work import Actor, UnitOfWork
from sst_rules.enums import Authority, Programme, RecordClass, Role, SchoolKind

STAFF_ID = "0190a000-0000-7000-8000-00000000c0de"
DEVICE_ID = "0190a000-0000-7000-8000-00000000d0de"
SAFETY_SECONDS = 30.0  # a writer whose parent died stops by itself
TRACKED: dict[str, tuple[type[Any], str]] = {
    "municipalities": (Municipality, "name"),
    "districts": (District, "name"),
    "schools": (School, "name"),
    "teams": (Team, "name"),
    "students": (Student, "address"),
}
_ORG = {"authority": Authority.SOCIAL_SERVICES, "record_class": RecordClass.ORGANISATION}
_WORDS = ("norr", "syd", "öst", "väst", "ek", "björk", "tall", "gran", "sjö", "ängs", "å")


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def _emit(fd: int, line: str) -> None:
    data = (line + "\n").encode("utf-8")
    if len(data) > 4096:  # PIPE_BUF on Linux: a longer write could be torn by the kill
        raise ValueError("protocol line too long")
    os.write(fd, data)


class Writer:
    def __init__(self, db_path: Path, key: bytes, seed: int, out_fd: int) -> None:
        self.rng = random.Random(seed)
        self.seed, self.out_fd = seed, out_fd
        self.engine = create_cipher_engine(db_path, key, must_exist=True)
        self.actor = Actor(STAFF_ID, Authority.SOCIAL_SERVICES, None, Role.UNIT_MANAGER, DEVICE_ID)
        self.clock = SystemClock()
        self.live: dict[str, list[str]] = {table: [] for table in TRACKED}
        with self.engine.connect() as conn:
            for table, (model, _column) in TRACKED.items():
                query = select(model.id).where(model.deleted.is_(False))
                self.live[table] = [str(row[0]) for row in conn.execute(query)]
        self.counter = 0

    def text(self, size: int = 0) -> str:
        self.counter += 1
        words = " ".join(self.rng.choice(_WORDS) for _ in range(3))
        base = f"{words} {self.seed}-{self.counter}-{self.rng.getrandbits(48):012x}"
        if size <= len(base):
            return base
        filler = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyzåäö ") for _ in range(64))
        return (base + " " + filler * (size // 64 + 1))[:size]

    def run(self, limit_seconds: float = SAFETY_SECONDS) -> None:
        started = time.monotonic()
        txn = 0
        while time.monotonic() - started < limit_seconds:
            txn += 1
            with UnitOfWork(self.engine, self.actor, self.clock) as uow:
                items, after = self.plan(uow)
                _emit(self.out_fd, f"TRY {txn} {' '.join(items)}")
                uow.commit()
            after()
            _emit(self.out_fd, f"ACK {txn} {' '.join(items)}")

    def plan(self, uow: UnitOfWork) -> tuple[list[str], Any]:
        """Stage one transaction's changes; returns its items and what to do once it committed."""
        items: list[str] = []
        inserted: list[tuple[str, str]] = []
        tombstoned: list[tuple[str, str]] = []
        kind = self.rng.random()
        if kind < 0.30 or not self.live["municipalities"]:
            self._insert_chain(uow, items, inserted)
        elif kind < 0.45:
            self._insert_student(uow, items, inserted, large=self.rng.random() < 0.5)
        elif kind < 0.75:
            for _ in range(self.rng.randint(1, 3)):
                self._update(uow, items)
            if self.rng.random() < 0.5:
                self._insert_student(uow, items, inserted, large=False)
        else:
            self._tombstone(uow, items, tombstoned)
            self._update(uow, items)

        def after() -> None:
            for table, record_id in inserted:
                self.live[table].append(record_id)
            for table, record_id in tombstoned:
                self.live[table].remove(record_id)

        return items, after

    def _insert_chain(self, uow: UnitOfWork, items: list[str], out: list[tuple[str, str]]) -> None:
        """A municipality with a district, a school and a team: four rows, one transaction."""
        m = Municipality(
            id=new_id(), name=self.text(), code=f"{self.rng.randint(0, 9999):04d}", **_ORG
        )
        d = District(
            id=new_id(),
            municipality_id=m.id,
            name=self.text(),
            valid_from=self.clock.today(),
            valid_to=None,
            succeeded_by_id=None,
            **_ORG,
        )
        s = School(
            id=new_id(),
            name=self.text(),
            kind=SchoolKind.MUNICIPAL,
            district_id=d.id,
            school_area_id=None,
            authority=Authority.SCHOOL,
            record_class=RecordClass.ORGANISATION,
        )
        t = Team(id=new_id(), name=self.text(), district_id=d.id, programme=Programme.SST, **_ORG)
        for table, obj in (("municipalities", m), ("districts", d), ("schools", s), ("teams", t)):
            uow.add(obj)
            uow.session.flush()  # no relationships: flush parents before children (FKs are on)
            items.append(f"insert:{table}:{obj.id}:{digest(obj.name)}")
            out.append((table, obj.id))

    def _insert_student(
        self, uow: UnitOfWork, items: list[str], out: list[tuple[str, str]], *, large: bool
    ) -> None:
        size = self.rng.randint(4_000, 120_000) if large else 0
        schools = self.live["schools"]
        student = Student(
            id=new_id(),
            first_name=self.text(),
            last_name=self.text(),
            address=self.text(size),
            school_id=self.rng.choice(schools) if schools else None,
            school_year=5,
            authority=Authority.SOCIAL_SERVICES,
            record_class=RecordClass.SOCIAL_SERVICES_RECORD,
        )
        uow.add(student)
        items.append(f"insert:students:{student.id}:{digest(student.address or '')}")
        out.append(("students", student.id))

    def _pick(self, exclude: set[str]) -> tuple[str, str] | None:
        tables = [t for t in TRACKED if set(self.live[t]) - exclude]
        if not tables:
            return None
        table = self.rng.choice(tables)
        return table, self.rng.choice([i for i in self.live[table] if i not in exclude])

    def _touched(self, items: list[str]) -> set[str]:
        return {item.split(":")[2] for item in items}

    def _update(self, uow: UnitOfWork, items: list[str]) -> None:
        picked = self._pick(self._touched(items))
        if picked is None:
            return
        table, record_id = picked
        model, column = TRACKED[table]
        obj = uow.session.get(model, record_id)
        large = table == "students" and self.rng.random() < 0.3
        value = self.text(self.rng.randint(4_000, 60_000) if large else 0)
        setattr(obj, column, value)
        items.append(f"update:{table}:{record_id}:{digest(value)}")

    def _tombstone(self, uow: UnitOfWork, items: list[str], out: list[tuple[str, str]]) -> None:
        picked = self._pick(self._touched(items))
        if picked is None:
            return
        table, record_id = picked
        obj = uow.session.get(TRACKED[table][0], record_id)
        obj.deleted = True
        items.append(f"tombstone:{table}:{record_id}:-")
        out.append((table, record_id))


def run_writer(db_path: Path, hexkey: str, seed: int, out_fd: int) -> None:
    Writer(db_path, bytes.fromhex(hexkey), seed, out_fd).run()


def serve() -> int:
    """Fork one writer per ``RUN`` line from stdin; stop at end of input or ``QUIT``."""
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "QUIT":
            break
        _, db, hexkey, seed = parts
        pid = os.fork()
        if pid == 0:  # the writer child: never return into the server loop
            code = 0
            try:
                run_writer(Path(db), hexkey, int(seed), 1)
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        _emit(1, f"PID {pid}")
        _, status = os.waitpid(pid, 0)
        _emit(1, f"EXIT {pid} {status}")
    return 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--serve"]:
        return serve()
    if len(argv) != 4:
        print("usage: writer_process.py DB_PATH HEXKEY SEED | --serve", file=sys.stderr)
        return 2
    run_writer(Path(argv[1]), argv[2], int(argv[3]), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
