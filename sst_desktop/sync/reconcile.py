"""The sanity check after a round, and its repair (a targeted re-pull).

Per type, the device's count and fingerprint of what it holds from the server (rows with a
server version) are compared with the server's for what the user may hold. A type that
differs is walked page by page through the server's inventory: a record missing here or at
another version is fetched again and applied, a record held here that the server no longer
lets the user hold is removed. Only ids and counts reach the log.

After a full resync (the device was away past the tombstone horizon) every type is walked,
whatever the fingerprints say: that is what removes records deleted on the server while the
device was away, so nothing deleted comes back to life.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache

from sqlalchemy import CompoundSelect, String, Table, literal, select, union_all
from sqlalchemy.engine import Connection, Engine

from sst_desktop.models.base import Base
from sst_desktop.sync.fingerprint import fingerprint
from sst_desktop.sync.local_apply import INSERT_ORDER, OUTBOX, apply_page, evict
from sst_desktop.sync.protocol import (
    MAX_FETCH_IDS,
    DigestResponse,
    Eviction,
    FetchResponse,
    InventoryResponse,
)
from sst_desktop.sync.transport import Transport

log = logging.getLogger(__name__)
NOT_COMPARED = frozenset({"sync_conflicts", "audit_events"})  # own shape; sent up only
INVENTORY_PAGE = 5_000


@dataclass(frozen=True)
class CheckResult:
    compared: bool  # False: not level with the server, or changes waiting; next round
    mismatched: tuple[str, ...] = ()  # types that differed
    fetched: int = 0
    removed: int = 0


def check(engine: Engine, transport: Transport, cursor: str | None) -> CheckResult:
    """Compare with the server after a round; repair the types that differ."""
    if _waiting(engine):
        return CheckResult(compared=False)
    answer = DigestResponse.model_validate(transport.post("/v1/digest", {"cursor": cursor}))
    if not answer.current:
        return CheckResult(compared=False)
    mismatched = []
    for name, (count, value) in _local_fingerprints(engine).items():
        theirs = answer.tables.get(name)
        expected = (theirs.count, theirs.fingerprint) if theirs else fingerprint([])
        if expected != (count, value):
            log.info("sanity check: %s device %d %s, server %d %s", name, count, value, *expected)
            mismatched.append(name)
    if not mismatched:
        return CheckResult(compared=True)
    log.warning("sanity check: %s differ from the server; re-pulling", ", ".join(mismatched))
    return repair(engine, transport, mismatched)


def repair(engine: Engine, transport: Transport, names: list[str] | None = None) -> CheckResult:
    """Make the device hold exactly the server's records of these types (after a full resync:
    every type it holds any of). Records with changes waiting to be pushed are left alone.
    Fetched parents first, removed children first: the foreign keys hold at every commit."""
    tables = _synced_tables()
    stale: list[str] = []
    gone: list[Eviction] = []
    differed: list[str] = []
    if names is None:  # after a full resync the pull brought everything: look for leftovers
        names = [name for name, table in tables.items() if _holds_any(engine, table)]
    for name in sorted(names, key=INSERT_ORDER.__getitem__):
        theirs = _inventory(transport, name)
        with engine.connect() as conn:
            mine = _held(conn, tables[name])
            waiting = set(conn.execute(select(OUTBOX.c.entity_id)).scalars())
        refetch = [i for i, v in theirs.items() if mine.get(i) != v and i not in waiting]
        remove = [_gone(name, i) for i in mine if i not in theirs and i not in waiting]
        if refetch or remove:
            differed.append(name)
            log.warning(
                "sanity check: %s to repair (%d to fetch again, %d to remove)",
                name,
                len(refetch),
                len(remove),
            )
        stale += refetch
        gone = remove + gone
    fetched = _fetch(engine, transport, stale)
    if gone:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            evict(conn, gone)
    return CheckResult(True, tuple(differed), fetched, len(gone))


def _gone(name: str, entity_id: str) -> Eviction:
    """A record the server no longer lets the user hold (deleted and compacted, purged, out
    of reach): removed like an eviction."""
    return Eviction(entity_type=name, entity_id=entity_id, reason="out_of_scope")


def _synced_tables() -> dict[str, Table]:
    return {
        name: table
        for name, table in Base.metadata.tables.items()
        if "server_version" in table.c and name not in NOT_COMPARED
    }


def _holds_any(engine: Engine, table: Table) -> bool:
    with engine.connect() as conn:
        query = select(table.c.id).where(table.c.server_version.is_not(None)).limit(1)
        return conn.execute(query).first() is not None


def _waiting(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(OUTBOX.c.entity_id).limit(1)).first() is not None


def _held(conn: Connection, table: Table) -> dict[str, int]:
    rows = conn.execute(
        select(table.c.id, table.c.server_version).where(table.c.server_version.is_not(None))
    )
    return {str(row.id): int(row.server_version) for row in rows}


def _local_fingerprints(engine: Engine) -> dict[str, tuple[int, str]]:
    """Per synced type, the count and fingerprint of the records held from the server."""
    held: dict[str, list[tuple[str, int]]] = {name: [] for name in _synced_tables()}
    with engine.connect() as conn:
        for name, entity_id, version in conn.execute(_everything_held()):
            held[name].append((str(entity_id), int(version)))
    return {name: fingerprint(pairs) for name, pairs in held.items()}


@cache
def _everything_held() -> CompoundSelect[str, str, int]:
    """(type, id, version) of every record held from the server, all types in one statement:
    one statement a type cost SQLAlchemy more than SQLite its work (47 types, profiled)."""
    return union_all(
        *(
            select(literal(name, String), table.c.id, table.c.server_version).where(
                table.c.server_version.is_not(None)
            )
            for name, table in _synced_tables().items()
        )
    )


def _inventory(transport: Transport, name: str) -> dict[str, int]:
    items: dict[str, int] = {}
    after: str | None = None
    while True:
        page = InventoryResponse.model_validate(
            transport.post(
                "/v1/inventory", {"entity_type": name, "after": after, "limit": INVENTORY_PAGE}
            )
        )
        items.update(page.items)
        if not page.more:
            return items
        after = page.after


def _fetch(engine: Engine, transport: Transport, ids: list[str]) -> int:
    applied = 0
    for start in range(0, len(ids), MAX_FETCH_IDS):
        chunk = ids[start : start + MAX_FETCH_IDS]
        page = FetchResponse.model_validate(transport.post("/v1/fetch", {"ids": chunk}))
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            done, _held_back = apply_page(conn, page.changes)
        applied += done
    return applied
