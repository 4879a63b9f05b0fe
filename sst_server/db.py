"""The central store's tables (SQLAlchemy Core; PostgreSQL in production, SQLite for a pilot).
A conflict is a record too (entity type ``sync_conflicts``), in the scope of the record it is
about, so it reaches every device that holds that record.

``records`` holds every synced record at its latest state, ``version`` being its position in
the change feed. Versions come from ``feed_counter``, taken as the last statement of each
writing transaction: the row lock serialises writers from that moment until commit, so
versions are handed out in commit order and a reader that sees version n has already been
able to see every version below n (no late commit is ever skipped by a pull cursor).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    bindparam,
    cast,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import ColumnElement

metadata = MetaData()
Json = JSON().with_variant(JSONB(), "postgresql")

teams = Table(
    "teams",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("programme", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

staff = Table(
    "staff",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("role", String(40), nullable=False),
    Column("authority", String(20), nullable=False),
    Column("team_id", String(36), ForeignKey("teams.id"), nullable=True, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("staff_id", String(36), ForeignKey("staff.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("staff_id", String(36), ForeignKey("staff.id"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("refresh_hash", String(64), nullable=False),
    Column("enrolled_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("revoked_reason", String(40), nullable=True),
    Column("last_seen_at", DateTime(timezone=True), nullable=True),
)

feed_counter = Table(
    "feed_counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("entity_id", String(36), primary_key=True),
    Column("entity_type", String(64), nullable=False),
    Column("authority", String(20), nullable=False),
    Column("record_class", String(40), nullable=False),
    Column("category", String(40), nullable=False),
    Column("case_id", String(36), nullable=True, index=True),
    # The team whose devices hold it: a case's team for the case and its records, the
    # registering user's team for a student or guardian, NULL for organisation data.
    Column("team_id", String(36), nullable=True, index=True),
    Column("version", BigInteger, nullable=False, unique=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("fields", Json, nullable=False),
    # field -> version that last changed it: the three-way merge's "changed since base?"
    Column("field_versions", Json, nullable=False),
    Column("updated_by", String(36), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_records_type_case", records.c.entity_type, records.c.case_id)

record_history = Table(
    "record_history",
    metadata,
    Column("entity_id", String(36), primary_key=True),
    Column("version", BigInteger, primary_key=True),
    Column("fields", Json, nullable=False),
)

applied_mutations = Table(
    "applied_mutations",
    metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False, index=True),
    Column("entity_id", String(36), nullable=False),
    Column("status", String(10), nullable=False),
    Column("version", BigInteger, nullable=True),
    Column("reason", String(60), nullable=True),
    Column("conflicts", Json, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


scope_snapshots = Table(
    "scope_snapshots",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the content
    Column("content", Json, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


# Records gone from ``records``: purged by retention (announced in the feed at ``version``, so
# every device removes them) or tombstones compacted past the horizon (``version`` is the
# tombstone's). Ids only, kept for good: a removed id is never written again by any device.
removals = Table(
    "removals",
    metadata,
    Column("entity_id", String(36), primary_key=True),
    Column("entity_type", String(64), nullable=False),
    Column("team_id", String(36), nullable=True, index=True),
    Column("version", BigInteger, nullable=False, unique=True),
    Column("reason", String(20), nullable=False),  # purged | compacted
    Column("rule", String(60), nullable=True),
    Column("removed_at", DateTime(timezone=True), nullable=False),
)

# One row per setting of the feed: ``horizon`` is the highest version compacted away. A device
# whose cursor is below it may have missed a tombstone and must resync in full.
feed_state = Table(
    "feed_state",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", BigInteger, nullable=False),
)


# Every device's audit chain, append-only and kept longer than the records it names (a purge
# never touches it). ``at`` is kept as the device wrote it, so the hash can be checked again;
# ``student_id`` is resolved on arrival, so a child's extract survives the purge of the case.
audit_log = Table(
    "audit_log",
    metadata,
    Column("chain_device_id", String(36), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("at", String(40), nullable=False),
    Column("actor_id", String(36), nullable=False),
    Column("action", String(30), nullable=False),
    Column("entity_type", String(40), nullable=False),
    Column("entity_id", String(36), nullable=True),
    Column("case_id", String(36), nullable=True),
    Column("student_id", String(36), nullable=True, index=True),
    Column("details", Json, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("sent_by", String(36), nullable=False),  # the enrolled device that sent it
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# What the chain check found: a gap, a broken link, an edited event, or a second version of an
# event already held (a fork: a restored or tampered profile).
audit_alerts = Table(
    "audit_alerts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("chain_device_id", String(36), nullable=False, index=True),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("sent_by", String(36), nullable=False),
    Column("detected_at", DateTime(timezone=True), nullable=False),
)

# Large items (see ``blobs``): content-addressed by SHA-256, uploaded in chunks by a staff member
# of a team (recorded), complete once every chunk is there and the whole hashes to the key.
# No row-level policy: a blob is read only through an attachment record the reader may see.
blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("team_id", String(36), nullable=False),
    Column("uploaded_by", String(36), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("completed_at", DateTime(timezone=True), nullable=True),
)

blob_chunks = Table(
    "blob_chunks",
    metadata,
    Column("sha256", String(64), ForeignKey("blobs.sha256"), primary_key=True),
    Column("chunk_index", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)


# Whose rows a transaction may touch on PostgreSQL (see row_security): ("admin", "") for the
# server's own work, ("staff", team id) inside a request made for a staff member.
ROW_SCOPE: ContextVar[tuple[str, str]] = ContextVar("sst_row_scope", default=("admin", ""))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # The driver's own transaction handling off; every transaction BEGIN IMMEDIATE, so
        # two writers queue on the lock instead of one failing on upgrade ("locked").
        engine = create_engine(
            url, connect_args={"timeout": 30, "isolation_level": None}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    # hide_parameters: an error names the statement, never the values (they hold case data)
    engine = create_engine(
        url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True
    )
    event.listen(engine, "begin", _row_scope)
    return engine


def _row_scope(conn: Connection) -> None:
    """Every PostgreSQL transaction says whose rows it works for; the policy does the rest."""
    kind, team = ROW_SCOPE.get()
    conn.exec_driver_sql(
        "SELECT set_config('sst.scope', %(kind)s, true), set_config('sst.team_id', %(team)s, true)",
        {"kind": kind, "team": team},
    )


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one statement. On PostgreSQL the rows travel as one JSON document
    expanded by ``jsonb_to_recordset``: psycopg's executemany sends and adapts each row on its
    own in Python, most of the server's CPU in a push (profiled). SQLite: executemany."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    typed = ", ".join(f"{name} {table.c[name].type.compile(conn.dialect)}" for name in names)
    listed = ", ".join(names)
    document = json.dumps(rows, default=_json_value, ensure_ascii=False)
    statement = text(  # names and types are the table's own, never the caller's
        f"INSERT INTO {table.name} ({listed}) "  # noqa: S608
        f"SELECT {listed} FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x({typed})"
    )
    conn.execute(statement, {"rows": document})


def among(
    conn: Connection, column: ColumnElement[Any], ids: Collection[str]
) -> ColumnElement[bool]:
    """``column IN ids`` that compiles to one SQL text whatever the number of ids. On
    PostgreSQL the ids travel as one JSON array: an IN list of n parameters is a new statement
    for every n, and parsing each new one cost psycopg 5 ms (profiled)."""
    if not ids or conn.dialect.name != "postgresql":
        return column.in_(list(ids))
    return column.in_(select(func.jsonb_array_elements_text(json_array(list(ids)))))


def json_array(values: list[str]) -> ColumnElement[Any]:
    """A list as one JSONB parameter (for ``jsonb_array_elements_text``)."""
    return cast(bindparam(None, json.dumps(values), type_=String), JSONB)


def _json_value(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} as JSON")


def take_versions(conn: Connection, count: int) -> int:
    """The first of ``count`` new feed versions. Call it as the transaction's last lock: the
    counter row stays locked until commit, which is what makes version order commit order."""
    top = conn.execute(
        update(feed_counter)
        .where(feed_counter.c.id == 1)
        .values(value=feed_counter.c.value + count)
        .returning(feed_counter.c.value)
    ).scalar_one()
    return int(top) - count + 1
