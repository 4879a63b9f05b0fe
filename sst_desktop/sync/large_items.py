"""Attachments' bytes between the device and the central store, chunk by chunk (``CHUNK_SIZE``),
so a cut costs at most one chunk and the next round goes on where this one stopped.

Up, before the push: every attachment whose record waits in the outbox has its file sent. The
server is asked first which chunks it holds, and only the others go. The record follows in the
push, which the server accepts only once the file is whole there.

Down, after the pull: every attachment without its bytes is fetched chunk by chunk into
``attachment_chunks`` (each chunk committed as it arrives, inside the encrypted database). When
all are there they are hashed together and, if they make up the file the record names, stored
in the attachment row with the chunks dropped, in one transaction; a file that does not hash
right is dropped and fetched again next round. A file the server will not give now (no longer
readable by this user, not whole there yet) waits for a later round. Nothing goes to a file.
"""

from __future__ import annotations

import base64
import hashlib
import logging

from sqlalchemy import LargeBinary, delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from sst_desktop.models.attachment import attachment_chunks
from sst_desktop.sync.local_apply import OUTBOX, TABLES
from sst_desktop.sync.protocol import (
    CHUNK_SIZE,
    BlobStatus,
    ChunkResponse,
    chunk_count,
    chunk_length,
)
from sst_desktop.sync.transport import SyncError, Transport

log = logging.getLogger(__name__)
STATUS, UPLOAD, DOWNLOAD = "/v1/blobs/status", "/v1/blobs/chunk", "/v1/blobs/download"
ATTACHMENTS = TABLES["attachments"]
CHUNKS = attachment_chunks
# Refusals that may lift by themselves (a consent given, an upload finished): ask next round.
LATER = frozenset({"not_allowed", "blob_incomplete"})


# -- up --------------------------------------------------------------------------------------
def upload_waiting(engine: Engine, transport: Transport) -> int:
    """Send the files of attachments waiting to be pushed; returns the chunks sent."""
    waiting = select(OUTBOX.c.entity_id).where(
        OUTBOX.c.entity_type == ATTACHMENTS.name, OUTBOX.c.operation == "insert"
    )
    with engine.connect() as conn:
        files = conn.execute(
            select(ATTACHMENTS.c.sha256, ATTACHMENTS.c.size)
            .where(ATTACHMENTS.c.id.in_(waiting), ATTACHMENTS.c.content.is_not(None))
            .distinct()
        ).all()
    return sum(_upload(engine, transport, row.sha256, int(row.size)) for row in files)


def _upload(engine: Engine, transport: Transport, sha256: str, size: int) -> int:
    status = BlobStatus.model_validate(transport.post(STATUS, {"sha256": sha256}))
    held = set(status.held) if status.size == size else set()
    sent = 0
    for index in range(chunk_count(size)):
        if status.complete:
            break
        if index in held:
            continue
        data = _read_chunk(engine, sha256, index, chunk_length(size, index))
        body = {
            "sha256": sha256,
            "size": size,
            "index": index,
            "chunk_sha256": hashlib.sha256(data).hexdigest(),
            "data": base64.b64encode(data).decode("ascii"),
        }
        status = BlobStatus.model_validate(transport.post(UPLOAD, body))
        sent += 1
    if not status.complete:
        raise SyncError("blob_incomplete", "the server does not hold the whole file yet")
    if sent:
        log.info("sent %d chunks of an attachment's file", sent)
    return sent


def _read_chunk(engine: Engine, sha256: str, index: int, length: int) -> bytes:
    """One chunk straight from the row (SQLite's substr counts bytes in a blob, from 1)."""
    part = func.substr(ATTACHMENTS.c.content, index * CHUNK_SIZE + 1, length, type_=LargeBinary)
    with engine.connect() as conn:
        data = conn.execute(
            select(part)
            .where(ATTACHMENTS.c.sha256 == sha256, ATTACHMENTS.c.content.is_not(None))
            .limit(1)
        ).scalar_one()
    return bytes(data)


# -- down ------------------------------------------------------------------------------------
def download_missing(engine: Engine, transport: Transport) -> int:
    """Fetch the files of attachments held here without their bytes; returns files stored."""
    with engine.begin() as conn:
        _drop_unwanted_chunks(conn)
        files = conn.execute(
            select(ATTACHMENTS.c.sha256, ATTACHMENTS.c.size)
            .where(ATTACHMENTS.c.content.is_(None), ATTACHMENTS.c.deleted.is_(False))
            .distinct()
        ).all()
    stored = 0
    for row in files:
        try:
            stored += _download(engine, transport, row.sha256, int(row.size))
        except SyncError as error:
            if error.code not in LATER:
                raise
            log.info("an attachment's file waits for a later round: %s", error.code)
    return stored


def _drop_unwanted_chunks(conn: Connection) -> None:
    """Chunks of files no attachment here waits for (evicted, purged or stored since)."""
    awaited = select(ATTACHMENTS.c.sha256).where(ATTACHMENTS.c.content.is_(None))
    conn.execute(delete(CHUNKS).where(CHUNKS.c.sha256.not_in(awaited)))


def _download(engine: Engine, transport: Transport, sha256: str, size: int) -> int:
    with engine.connect() as conn:
        held = set(
            conn.execute(select(CHUNKS.c.chunk_index).where(CHUNKS.c.sha256 == sha256)).scalars()
        )
    for index in range(chunk_count(size)):
        if index in held:
            continue
        answer = ChunkResponse.model_validate(
            transport.post(DOWNLOAD, {"sha256": sha256, "index": index})
        )
        data = base64.b64decode(answer.data, validate=True)
        if (
            (answer.sha256, answer.index) != (sha256, index)
            or len(data) != chunk_length(size, index)
            or hashlib.sha256(data).hexdigest() != answer.chunk_sha256
        ):
            raise SyncError("chunk_corrupt", "a chunk of a file arrived damaged")
        with engine.begin() as conn:  # kept at once: a cut after this costs nothing of it
            conn.execute(
                insert(CHUNKS)
                .prefix_with("OR IGNORE")
                .values(sha256=sha256, chunk_index=index, data=data)
            )
    return _assemble(engine, sha256, size)


def _assemble(engine: Engine, sha256: str, size: int) -> int:
    """The chunks hashed together; stored in the attachment if they are the named file. Either
    way the chunks go, in the same transaction."""
    with engine.begin() as conn:
        parts = conn.execute(
            select(CHUNKS.c.chunk_index, CHUNKS.c.data)
            .where(CHUNKS.c.sha256 == sha256)
            .order_by(CHUNKS.c.chunk_index)
        ).all()
        if [p.chunk_index for p in parts] != list(range(chunk_count(size))):
            return 0  # some went with an eviction meanwhile: next round
        content = b"".join(p.data for p in parts)
        conn.execute(delete(CHUNKS).where(CHUNKS.c.sha256 == sha256))
        if len(content) != size or hashlib.sha256(content).hexdigest() != sha256:
            log.warning("an attachment's file did not hash to its name; fetched again later")
            return 0
        conn.execute(
            update(ATTACHMENTS)
            .where(ATTACHMENTS.c.sha256 == sha256, ATTACHMENTS.c.content.is_(None))
            .values(content=content)
        )
    log.info("stored an attachment's file of %d chunks", len(parts))
    return 1
