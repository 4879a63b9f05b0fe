"""Large items on the central store: blobs addressed by their SHA-256, uploaded and downloaded
chunk by chunk, so a cut costs one chunk and the next round goes on from there.

Upload: any staff member of a team may send chunks (the team and the uploader of the first
chunk are recorded). Each chunk carries its own hash and is refused when its bytes do not match
it; a chunk already held is not stored again. When the last chunk arrives the whole is hashed:
a match makes the blob complete, a mismatch discards every chunk (the sender starts again) and
is refused. A complete blob never changes.

Download: only of a complete blob, and only by a staff member who may read an attachment record
naming it, by the same rule as the pull: the bytes go exactly as far as the record goes. An
attachment record is accepted only once its blob is complete here, and never changes after.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from sst_desktop.sync.protocol import (
    BlobStatus,
    ChunkRequest,
    ChunkResponse,
    ChunkUpload,
    Mutation,
    chunk_count,
    chunk_length,
)
from sst_server.db import blob_chunks, blobs, records
from sst_server.scope import CaseContext, Staff, may_read

log = logging.getLogger(__name__)
ATTACHMENTS = "attachments"


class Refused(Exception):
    """A request about a blob that cannot be granted: an HTTP status and a stable code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def status(engine: Engine, staff: Staff, sha256: str) -> BlobStatus:
    """Which chunks of the blob are held (asked by an uploader before it sends)."""
    _require_team(staff)
    with engine.connect() as conn:
        return _status(conn, sha256)


def receive(engine: Engine, staff: Staff, upload: ChunkUpload) -> BlobStatus:
    """Keep one chunk; complete the blob when it was the last one."""
    _require_team(staff)
    data = _checked_chunk(upload)
    with engine.begin() as conn:
        blob = _claim(conn, staff, upload)
        outcome = "complete" if blob.completed_at is not None else "partial"
        if outcome == "partial":
            _store_chunk(conn, upload.sha256, upload.index, data)
            outcome = _complete_if_whole(conn, blob.sha256, int(blob.size))
        answer = _status(conn, upload.sha256)
    if outcome == "mismatch":
        log.warning("blob %s discarded: its chunks did not hash to its key", upload.sha256[:12])
        raise Refused(
            422, "blob_mismatch", "The chunks do not make up the file they name; send it again."
        )
    return answer


def chunk(engine: Engine, staff: Staff, request: ChunkRequest, today: date) -> ChunkResponse:
    """One chunk of a complete blob, for a reader of an attachment record that names it."""
    with engine.connect() as conn:
        if not may_download(conn, staff, request.sha256, today):
            raise Refused(403, "not_allowed", "You may not read an attachment with this file.")
        blob = conn.execute(select(blobs).where(blobs.c.sha256 == request.sha256)).first()
        if blob is None or blob.completed_at is None:
            raise Refused(409, "blob_incomplete", "The server does not hold this file whole yet.")
        if request.index >= chunk_count(int(blob.size)):
            raise Refused(422, "chunk_index", "The file has fewer chunks.")
        data = conn.execute(
            select(blob_chunks.c.data).where(
                blob_chunks.c.sha256 == request.sha256, blob_chunks.c.chunk_index == request.index
            )
        ).scalar_one()
    return ChunkResponse(
        sha256=request.sha256,
        index=request.index,
        chunk_sha256=hashlib.sha256(data).hexdigest(),
        data=base64.b64encode(data).decode("ascii"),
    )


def may_download(conn: Connection, staff: Staff, sha256: str, today: date) -> bool:
    """Whether the staff member may read an attachment record (not deleted) naming the blob."""
    rows = list(
        conn.execute(
            select(records).where(
                records.c.entity_type == ATTACHMENTS,
                records.c.deleted.is_(False),
                or_(records.c.team_id.is_(None), records.c.team_id == staff.team_id),
                records.c.fields["sha256"].as_string() == sha256,
            )
        )
    )
    context = CaseContext.load(conn, {r.case_id for r in rows if r.case_id}, [])
    return any(may_read(staff, row, context, today) for row in rows)


def attachment_refusal(conn: Connection, m: Mutation) -> str | None:
    """Why an attachment record may not be written: it never changes once accepted, carries no
    bytes, and names a blob this server holds whole (so every reader can download it)."""
    if m.operation != "insert":
        return "attachment_immutable"
    if "content" in m.fields:
        return "content_in_record"
    sha256, size = m.fields.get("sha256"), m.fields.get("size")
    if not isinstance(sha256, str):
        return "blob_missing"
    blob = conn.execute(select(blobs).where(blobs.c.sha256 == sha256)).first()
    if blob is None or blob.completed_at is None or blob.size != size:
        return "blob_missing"
    return None


def drop_unnamed(conn: Connection, sha256s: list[str]) -> int:
    """After a purge: the blobs no attachment record names any more go too (gallring reaches
    the bytes). Runs as the server's own work, across teams. Returns the blobs dropped."""
    dropped = 0
    for sha256 in set(sha256s):
        named = conn.execute(
            select(records.c.entity_id)
            .where(
                records.c.entity_type == ATTACHMENTS,
                records.c.fields["sha256"].as_string() == sha256,
            )
            .limit(1)
        ).first()
        if named is None:
            conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == sha256))
            dropped += conn.execute(delete(blobs).where(blobs.c.sha256 == sha256)).rowcount
    return dropped


# -- upload, step by step ------------------------------------------------------------------------
def _require_team(staff: Staff) -> None:
    if staff.team_id is None:
        raise Refused(403, "no_team", "Only staff of a team may send files.")


def _checked_chunk(upload: ChunkUpload) -> bytes:
    try:
        data = base64.b64decode(upload.data, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(422, "malformed_request", "The chunk is not base64.") from None
    if upload.index >= chunk_count(upload.size) or len(data) != chunk_length(
        upload.size, upload.index
    ):
        raise Refused(422, "chunk_length", "The chunk's length does not fit the file's size.")
    if hashlib.sha256(data).hexdigest() != upload.chunk_sha256:
        raise Refused(422, "chunk_corrupt", "The chunk does not match its hash; send it again.")
    return data


def _claim(conn: Connection, staff: Staff, upload: ChunkUpload) -> Any:
    """The blob's row, locked; made by the first chunk. An unfinished blob declared with
    another size starts again (one of the two claims is wrong, and only a whole file tells)."""
    blob = _locked(conn, upload.sha256)
    fresh = {
        "size": upload.size,
        "team_id": staff.team_id,
        "uploaded_by": staff.staff_id,
        "created_at": datetime.now(UTC),
    }
    if blob is None:
        conn.execute(_insert_new(conn, blobs).values(sha256=upload.sha256, **fresh))
        return _locked(conn, upload.sha256)
    if blob.completed_at is None and blob.size != upload.size:
        conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == upload.sha256))
        conn.execute(update(blobs).where(blobs.c.sha256 == upload.sha256).values(**fresh))
        return _locked(conn, upload.sha256)
    return blob


def _locked(conn: Connection, sha256: str) -> Any:
    query = select(blobs).where(blobs.c.sha256 == sha256)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()  # SQLite: BEGIN IMMEDIATE holds the whole file
    return conn.execute(query).first()


def _insert_new(conn: Connection, table: Any) -> Any:
    """An INSERT that leaves an existing row alone (a racing process made it first)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()


def _store_chunk(conn: Connection, sha256: str, index: int, data: bytes) -> None:
    conn.execute(_insert_new(conn, blob_chunks).values(sha256=sha256, chunk_index=index, data=data))


def _complete_if_whole(conn: Connection, sha256: str, size: int) -> str:
    held = conn.execute(
        select(func.count()).select_from(blob_chunks).where(blob_chunks.c.sha256 == sha256)
    ).scalar_one()
    if held < chunk_count(size):
        return "partial"
    digest = hashlib.sha256()
    parts = conn.execute(
        select(blob_chunks.c.data)
        .where(blob_chunks.c.sha256 == sha256)
        .order_by(blob_chunks.c.chunk_index)
    )
    for part in parts.scalars():
        digest.update(part)
    if digest.hexdigest() == sha256:
        now = datetime.now(UTC)
        conn.execute(update(blobs).where(blobs.c.sha256 == sha256).values(completed_at=now))
        return "complete"
    conn.execute(delete(blob_chunks).where(blob_chunks.c.sha256 == sha256))
    conn.execute(delete(blobs).where(blobs.c.sha256 == sha256))
    return "mismatch"


def _status(conn: Connection, sha256: str) -> BlobStatus:
    blob = conn.execute(select(blobs).where(blobs.c.sha256 == sha256)).first()
    if blob is None:
        return BlobStatus(sha256=sha256)
    held = conn.execute(
        select(blob_chunks.c.chunk_index)
        .where(blob_chunks.c.sha256 == sha256)
        .order_by(blob_chunks.c.chunk_index)
    ).scalars()
    return BlobStatus(
        sha256=sha256,
        size=int(blob.size),
        held=list(held),
        complete=blob.completed_at is not None,
    )
