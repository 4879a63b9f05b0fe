"""Writing what the server sends into the profile: pulled records (the server's copy, except
fields changed here and not yet pushed), conflicts, and evictions (records the user may no
longer hold, or that retention purged: removed, no tombstone kept, a purge remembered so the id
never comes back). Shared by the pull and by the sanity check's targeted re-pull."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.engine import Connection

import sst_desktop.models  # noqa: F401 - every table on the metadata
from sst_desktop.models.base import Base
from sst_desktop.sync.protocol import Eviction, RecordState
from sst_desktop.sync.wire_values import from_wire
from sst_rules.enums import RecordClass

log = logging.getLogger(__name__)
# Never in a mutation, never taken from a pulled record: the server's version stamp, and an
# attachment's bytes (they travel apart, in chunks: see ``large_items``).
NOT_SENT = frozenset({"server_version", "content"})
TABLES = Base.metadata.tables
SETTINGS, OUTBOX, PURGED = (
    TABLES["profile_settings"],
    TABLES["outbox"],
    TABLES["purged_records"],
)
CONFLICTS, REJECTIONS = TABLES["sync_conflicts"], TABLES["sync_rejections"]
PURGE_SESSION, DRAFTS = TABLES["purge_session"], TABLES["drafts"]
# Parents before children (the metadata sorts them anew at every ``sorted_tables``).
INSERT_ORDER = {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}


def evict(conn: Connection, evictions: list[Eviction]) -> int:
    """Remove what the user may no longer hold: no tombstone, no draft, nothing left. A change
    made here to such a record and not yet pushed is reported, not kept. A purge is remembered
    in ``purged_records``, so the record never comes back. Returns the number purged."""
    if not evictions:
        return 0
    ids = [e.entity_id for e in evictions]
    waiting = conn.execute(select(OUTBOX).where(OUTBOX.c.entity_id.in_(ids))).all()
    now = datetime.now(UTC)
    for entry in waiting:
        conn.execute(
            insert(REJECTIONS).values(
                mutation_id=entry.mutation_id,
                entity_type=entry.entity_type,
                entity_id=entry.entity_id,
                reason="evicted_before_push",
                rejected_at=now,
            )
        )
    conn.execute(delete(OUTBOX).where(OUTBOX.c.entity_id.in_(ids)))
    conn.execute(insert(PURGE_SESSION).values(id=1))  # lets the immutability triggers through
    for eviction in evictions:
        table = Base.metadata.tables.get(eviction.entity_type)
        if table is not None:
            conn.execute(delete(table).where(table.c.id == eviction.entity_id))
        conn.execute(delete(CONFLICTS).where(CONFLICTS.c.entity_id == eviction.entity_id))
    case_ids = [e.entity_id for e in evictions if e.entity_type == "cases"]
    conn.execute(delete(DRAFTS).where(DRAFTS.c.case_id.in_(case_ids)))
    conn.execute(delete(PURGE_SESSION))
    purged = [e for e in evictions if e.reason == "purged"]
    if purged:
        conn.execute(
            insert(PURGED).prefix_with("OR IGNORE"),
            [
                {
                    "entity_id": e.entity_id,
                    "entity_type": e.entity_type,
                    "purged_at": now,
                    "rule": "server_purge",
                }
                for e in purged
            ],
        )
    log.info("evicted %d records (%d purged by retention)", len(evictions), len(purged))
    return len(purged)


def apply_page(conn: Connection, changes: list[RecordState]) -> tuple[int, int]:
    ids = [c.entity_id for c in changes]
    purged = set(
        conn.execute(select(PURGED.c.entity_id).where(PURGED.c.entity_id.in_(ids))).scalars()
    )
    pending = _pending_fields(conn, ids)
    present = _present(conn, changes)
    new_rows: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    applied = held = 0
    for change in changes:
        if change.entity_id in purged:
            continue  # a purged record never comes back
        if change.entity_type == "sync_conflicts":
            _store_conflict(conn, change)
            applied += 1
            continue
        table = Base.metadata.tables.get(change.entity_type)
        if table is None:
            log.warning("pulled an unknown record type %s; skipped", change.entity_type)
            continue
        mine = pending.get(change.entity_id, set())
        if "*" in mine:
            held += 1  # made here and not yet pushed: the server's copy is older
            continue
        values = _values(table, change, keep=mine)  # theirs, except what waits to be pushed
        if change.entity_id in present:
            conn.execute(update(table).where(table.c.id == change.entity_id).values(**values))
        else:
            row = _meta_defaults(table) | values | {"id": change.entity_id}
            new_rows.setdefault((table.name, tuple(sorted(row))), []).append(row)
        held, applied = (held + 1, applied) if mine else (held, applied + 1)
    # One statement per table and shape, parents before children: a child written before its
    # parent leaves a deferred violation open, and while one is open SQLite searches every
    # child table on each insert into a parent (quadratic on contacts, their own parent).
    for (name, _keys), rows in sorted(new_rows.items(), key=lambda item: INSERT_ORDER[item[0][0]]):
        conn.execute(insert(Base.metadata.tables[name]), rows)
    return applied, held


def _present(conn: Connection, changes: list[RecordState]) -> set[str]:
    """Which of the pulled records this device already holds (one query per table)."""
    by_table: dict[str, list[str]] = {}
    for change in changes:
        by_table.setdefault(change.entity_type, []).append(change.entity_id)
    found: set[str] = set()
    for name, ids in by_table.items():
        table = Base.metadata.tables.get(name)
        if table is not None and name != "sync_conflicts":
            found.update(conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
    return found


def _pending_fields(conn: Connection, ids: list[str]) -> dict[str, set[str]]:
    """Per record, the fields changed here and not yet pushed ("*": the whole record)."""
    pending: dict[str, set[str]] = {}
    rows = conn.execute(
        select(OUTBOX.c.entity_id, OUTBOX.c.operation, OUTBOX.c.changed_fields).where(
            OUTBOX.c.entity_id.in_(ids)
        )
    )
    for row in rows:
        names = {"*"} if row.operation == "insert" else set(row.changed_fields)
        if row.operation == "tombstone":
            names.add("deleted")
        pending.setdefault(row.entity_id, set()).update(names)
    return pending


def _values(table: Table, change: RecordState, keep: Collection[str] = ()) -> dict[str, Any]:
    """The server's copy as column values. Fields in ``keep`` stay as they are here, and so
    does the base version: the pending push is then judged by the server against the base it
    was made on. Never the id: a key in the SET makes SQLite scan every child table."""
    values = {
        name: from_wire(table.c[name], value)
        for name, value in change.fields.items()
        if name in table.c and name not in NOT_SENT and name not in keep and name != "id"
    }
    if "deleted" not in keep:
        values["deleted"] = change.deleted
    if not keep:
        values["server_version"] = change.version
    for name in ("authority", "record_class", "case_id"):
        if name in table.c and getattr(change, name) is not None:
            values[name] = getattr(change, name)
    return values


def _meta_defaults(table: Table) -> dict[str, Any]:
    """Organisation data made by the server's admin carries no authoring stamps of ours."""
    now = datetime.now(UTC)
    defaults = {
        "created_at": now,
        "updated_at": now,
        "created_by": "server",
        "updated_by": "server",
        "record_class": RecordClass.ORGANISATION,
    }
    return {k: v for k, v in defaults.items() if k in table.c}


def _store_conflict(conn: Connection, change: RecordState) -> None:
    f = change.fields
    table = CONFLICTS
    if conn.execute(select(table.c.id).where(table.c.id == change.entity_id)).first():
        if f.get("resolved_at"):  # resolved on another device
            conn.execute(
                update(table)
                .where(table.c.id == change.entity_id, table.c.resolved_at.is_(None))
                .values(resolved_at=datetime.fromisoformat(str(f["resolved_at"])))
            )
        return
    conn.execute(
        insert(table).values(
            id=change.entity_id,
            entity_type=str(f.get("entity_type")),
            entity_id=str(f.get("entity_id")),
            case_id=change.case_id,
            field=str(f.get("field")),
            base_value=f.get("base_value"),
            kept_value=f.get("kept_value"),
            other_value=f.get("other_value"),
            other_author=str(f.get("other_author")),
            created_at=datetime.fromisoformat(str(f.get("created_at"))),
            resolved_at=None,
            server_version=change.version,
        )
    )
