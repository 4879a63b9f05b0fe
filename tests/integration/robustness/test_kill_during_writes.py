"""R1 (security.md): kill -9 at random points during writes loses no acknowledged write.

The harness is ``bench/kill_points.py`` (the bench runs 1,000 points with it); the writer child is
``writer_process.py`` next to this file. Each point kills a writer that commits units of work to a
real SQLCipher file, then checks the files as the kill left them: they open, SQLite's and
SQLCipher's integrity checks and the audit chain are clean, every acknowledged write is there with
its value, the transaction in flight landed whole or not at all, nothing unwritten appeared, and
outbox and audit hold exactly one entry per committed mutation. Kills repeat on the same database,
so writers and checkers recover hot WALs left by earlier kills.

Mid-rekey and mid-purge kills are not here: the profile's rekey and key-slot crash safety is
covered by the R2 tests elsewhere.
"""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import text

from sst_desktop.store.engine import create_cipher_engine

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow


def _harness() -> ModuleType:
    bench = str(ROOT / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module("kill_points")


kp = _harness()


def _summary(totals) -> str:
    return (
        f"{totals.points} kill points on {totals.databases} databases in {totals.seconds} s: "
        f"{totals.acknowledged_writes} acknowledged writes "
        f"({totals.acknowledged_transactions} transactions), {totals.lost_writes} lost, "
        f"{totals.corrupt_opens} corrupt opens; {totals.kills_mid_transaction} kills "
        f"mid-transaction, {totals.kills_before_first_ack} before the first commit, "
        f"{totals.in_flight_committed_unacknowledged} committed but unacknowledged, "
        f"{totals.hot_wal_at_kill} with a hot WAL, "
        f"{totals.checked_on_copy_next_writer_recovers} recovered by the next writer; "
        f"writer start to first commit {totals.writer_start_seconds_median} s (median)"
    )


def test_200_kill_points_lose_no_acknowledged_write(tmp_path):
    totals = kp.run(points=200, per_database=25, seed=20260302, mode="fork", workdir=tmp_path)
    print(_summary(totals))
    assert totals.faults == []
    assert totals.points == 200 and totals.databases == 8
    assert totals.lost_writes == 0
    assert totals.corrupt_opens == 0
    assert totals.phantom_rows == 0
    # The kills landed among real work, and in the places that matter.
    assert totals.acknowledged_writes >= 1_000  # about 2,400 on a quiet machine, 1,900 loaded
    assert totals.kills_before_first_ack >= 5
    assert totals.kills_mid_transaction >= 50
    assert totals.hot_wal_at_kill >= 100
    assert totals.checked_on_copy_next_writer_recovers >= 50


def test_the_command_line_writer_is_killed_and_checked_the_same_way(tmp_path):
    """``python writer_process.py DB HEXKEY SEED``, a fresh interpreter per point (slower start:
    the fork server above saves exactly this)."""
    totals = kp.run(points=6, per_database=3, seed=7, mode="direct", workdir=tmp_path)
    print(_summary(totals))
    assert totals.faults == []
    assert totals.points == 6 and totals.lost_writes == 0 and totals.corrupt_opens == 0
    assert totals.acknowledged_writes > 0
    assert 0 < totals.writer_start_seconds_median < 10


@pytest.fixture
def chain_after_kills(tmp_path):
    server = kp.ForkServer()
    try:
        chain = kp.Chain(tmp_path, random.Random(3), server)
        points = [chain.kill_point() for _ in range(3)]
    finally:
        server.close()
    assert [p.faults for p in points] == [[], [], []]
    assert sum(p.acknowledged_writes for p in points) > 0
    return chain


def _check(chain) -> kp.Point:
    point = kp.Point()
    chain.check(chain.db, None, point)
    return point


def test_the_check_finds_a_lost_write(chain_after_kills):
    chain = chain_after_kills
    assert _check(chain).faults == []
    engine = create_cipher_engine(chain.db, chain.key)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE municipalities SET name = 'changed' "
                "WHERE id = (SELECT min(id) FROM municipalities)"
            )
        )
    engine.dispose()
    point = _check(chain)
    assert point.lost_writes == 1
    assert any("lost write" in f for f in point.faults)


def test_the_check_finds_a_missing_outbox_entry_and_a_phantom_row(chain_after_kills):
    chain = chain_after_kills
    engine = create_cipher_engine(chain.db, chain.key)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM outbox WHERE seq = (SELECT max(seq) FROM outbox)"))
        conn.execute(
            text(
                "INSERT INTO teams (id, name, authority, record_class, created_at, created_by, "
                "updated_at, updated_by, deleted) VALUES ('x', 'x', 'school', 'organisation', "
                "'2026-01-01 00:00:00', 'x', '2026-01-01 00:00:00', 'x', 0)"
            )
        )
    engine.dispose()
    point = _check(chain)
    assert point.phantom_rows == 1
    assert any(f.startswith("outbox differs") for f in point.faults)


def test_the_check_reports_a_database_that_does_not_open(chain_after_kills):
    chain = chain_after_kills
    chain.key = bytes(32)  # as good as a damaged first page: the key check fails
    point = _check(chain)
    assert point.corrupt_open
    assert point.faults
