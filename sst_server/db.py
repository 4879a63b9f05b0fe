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

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Connection, Engine

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


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # The driver's own transaction handling off; every transaction BEGIN IMMEDIATE, so
        # two writers queue on the lock instead of one failing on upgrade ("locked").
        engine = create_engine(url, connect_args={"timeout": 30, "isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


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
