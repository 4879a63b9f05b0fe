"""The SQLCipher engine, set up exactly as security.md says.

Order matters: key, compatibility, a cipher-version check (never plain SQLite by accident), a read
of ``sqlite_master`` as the key check, then the per-connection pragmas. A connection that fails any
step is closed and the error raised; nothing here ever creates or repairs a file on failure.

Read-only probes (``mode=ro``) are used to find which key opens a file: unlike a read-write
connection, closing one never checkpoints the WAL into the database or deletes the ``-wal``
(SQLite does both when the last read-write connection closes, even after a failed key check).
Without a ``-wal`` they are also ``immutable``, so a failed probe creates no file at all.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import QueuePool

from sst_desktop.errors import StoreError, error_code

log = logging.getLogger(__name__)

DB_CORRUPT = error_code(
    "store.db_corrupt",
    "The database file {file} is damaged or is not an SST database (the key was right).",
)
DB_MISSING = error_code("store.db_missing", "The database file {file} does not exist.")
NOT_SQLCIPHER = error_code(
    "store.not_sqlcipher", "The SQLite library in use has no encryption; refusing to open."
)
DB_BUSY = error_code("store.db_busy", "The database file {file} is in use by another program.")

BUSY_TIMEOUT_MS = 10_000
_READ_WRITE_PRAGMAS = ("journal_mode = WAL", "synchronous = FULL", "secure_delete = ON")


def _key_pragma(raw_key: bytes | bytearray, name: str = "key") -> str:
    if len(raw_key) != 32:
        raise ValueError("the database key must be 32 bytes")
    return f"PRAGMA {name} = \"x'{bytes(raw_key).hex()}'\""


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and readable by its owner only, unless it exists. SQLite gives the
    -wal and -shm files the database file's permissions, so they follow."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def connect_cipher(
    db_path: Path, raw_key: bytes | bytearray, *, must_exist: bool = True, read_only: bool = False
) -> Any:
    """Open one keyed, checked and configured DB-API connection."""
    if (must_exist or read_only) and not db_path.is_file():
        raise StoreError(DB_MISSING, file=db_path.name)
    # uri=True with mode=rw refuses to create a missing file even if the check above races.
    mode = "ro" if read_only else "rw" if must_exist else "rwc"
    if mode == "rwc":
        create_private_file(db_path)
    if read_only and not db_path.with_name(db_path.name + "-wal").exists():
        # Nothing to read from a WAL: immutable also stops SQLite creating -wal and -shm files.
        mode += "&immutable=1"
    conn = sqlcipher3.connect(
        f"file:{db_path.as_posix()}?mode={mode}",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        _configure(conn, raw_key, db_path, read_only)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: Any, raw_key: bytes | bytearray, db_path: Path, read_only: bool) -> None:
    conn.execute(_key_pragma(raw_key))
    conn.execute("PRAGMA cipher_compatibility = 4")
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise StoreError(NOT_SQLCIPHER)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise StoreError(DB_CORRUPT, file=db_path.name) from exc
    pragmas = ("temp_store = MEMORY", "foreign_keys = ON", f"busy_timeout = {BUSY_TIMEOUT_MS}")
    for pragma in pragmas if read_only else (*pragmas, *_READ_WRITE_PRAGMAS):
        conn.execute(f"PRAGMA {pragma}")


@contextmanager
def read_only_connection(db_path: Path, raw_key: bytes | bytearray) -> Iterator[Any]:
    with closing(connect_cipher(db_path, raw_key, read_only=True)) as conn:
        yield conn


def key_opens(db_path: Path, raw_key: bytes | bytearray) -> bool:
    """Whether ``raw_key`` decrypts page 1 (False for a wrong key *or* a damaged page 1)."""
    try:
        with read_only_connection(db_path, raw_key):
            return True
    except StoreError as exc:
        if exc.code != DB_CORRUPT:
            raise
        return False


def cipher_faults(conn: Any) -> list[str]:
    """Every row of ``PRAGMA cipher_integrity_check`` (one per page whose HMAC fails)."""
    return [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]


def page_checker(db_path: Path, raw_key: bytes | bytearray) -> Callable[[], int]:
    """A check of every page's HMAC on its own read-only connection, to run on another thread
    while the window works (WAL lets it read beside the writer). Returns the damaged pages."""
    key = bytes(raw_key)  # as the engine's creator does: the caller zeroes its own copy

    def check() -> int:
        with read_only_connection(db_path, key) as conn:
            return len(cipher_faults(conn))

    return check


def verify_cipher_integrity(engine: Engine) -> list[str]:
    """Every page's HMAC in the database file; run on a checkpointed database (empty WAL)."""
    with engine.connect() as conn:
        return [str(row[0]) for row in conn.execute(text("PRAGMA cipher_integrity_check"))]


def checkpoint_truncate(conn: Any, db_path: Path) -> None:
    """Move every WAL frame into the database file and empty the WAL; refuse if a reader blocks."""
    busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise StoreError(DB_BUSY, file=db_path.name)


def rekey(db_path: Path, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
    """Re-encrypt every page under ``new_key``; call with no other connection open.

    In WAL mode ``PRAGMA rekey`` writes every page, re-encrypted, as frames of one transaction:
    before its commit frame is durable the file opens with the old key only, after it with the
    new key only (a rollback journal would instead need the right key to roll back a hot journal).
    """
    with closing(connect_cipher(db_path, old_key)) as conn:
        checkpoint_truncate(conn, db_path)
        conn.execute(_key_pragma(new_key, "rekey"))
        checkpoint_truncate(conn, db_path)


def create_cipher_engine(
    db_path: Path, raw_key: bytes | bytearray, *, must_exist: bool = True
) -> Engine:
    """An engine over one SQLCipher file; dispose of it on lock.

    The key is copied into the creator's closure because the pool may reconnect; the caller
    zeroes its own bytearray. QueuePool with one connection: one writer, chosen on purpose.
    """
    key = bytes(raw_key)
    creator: Callable[[], Any] = lambda: connect_cipher(db_path, key, must_exist=must_exist)  # noqa: E731
    engine = create_engine(
        "sqlite://",
        creator=creator,
        # The pysqlite dialect with sqlcipher3 as its DBAPI module, so SQLAlchemy recognises
        # and wraps sqlcipher3's exceptions (IntegrityError, OperationalError...) as its own.
        module=sqlcipher3.dbapi2,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=30,
        hide_parameters=True,
    )
    _use_explicit_transactions(engine)
    return engine


def _use_explicit_transactions(engine: Engine) -> None:
    """pysqlite's implicit BEGIN handling is off (isolation_level=None); emit BEGIN ourselves.

    BEGIN IMMEDIATE takes the write lock at the start, so two writers never deadlock on upgrade.
    """

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
