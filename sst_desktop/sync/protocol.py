"""The sync wire protocol: what the desktop app and the central store say to each other.

Pydantic models only: no Qt, no ORM, no I/O. Both sides import this module, so a field exists
once. Every request and every response carries ``protocol``; a server answers a version outside
``MIN_PROTOCOL..PROTOCOL`` with 426 and a message telling the user to update the app.

Values of record fields travel as JSON (str, int, float, bool, None, lists and objects of them);
dates and times as ISO 8601 strings.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from sst_rules import attachments

PROTOCOL = 1
MIN_PROTOCOL = 1

MAX_MUTATIONS_PER_PUSH = 500
MAX_PULL_PAGE = 1_000
MAX_BODY_BYTES = 8 * 1024 * 1024

Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z_][a-z0-9_]*$")]
Operation = Literal["insert", "update", "tombstone"]
MutationStatus = Literal["accepted", "conflict", "rejected"]


class Wire(BaseModel):
    """Strict on the way in: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Envelope(Wire):
    protocol: int = Field(PROTOCOL, ge=0, le=1_000_000)


# -- errors ------------------------------------------------------------------------------------
class ErrorBody(Envelope):
    """Every 4xx and 5xx: a stable code for the client and an English message for logs."""

    code: str
    message: str


# -- health ----------------------------------------------------------------------------------
KEY_PIN_PATTERN = r"^[A-Za-z0-9+/]{43}=$"  # base64 of a SHA-256 digest
KeyPin = Annotated[str, StringConstraints(pattern=KEY_PIN_PATTERN)]


class HealthResponse(Envelope):
    """``GET /v1/health``. ``next_pins``: the keys (base64 SHA-256 of the SubjectPublicKeyInfo)
    the server will present after a certificate roll; a device that reached it over a pinned
    connection accepts them too."""

    status: str
    next_pins: list[KeyPin] = Field(default_factory=list, max_length=10)


# -- enrollment and tokens --------------------------------------------------------------------
class EnrollRequest(Envelope):
    code: Annotated[str, StringConstraints(min_length=8, max_length=64)]
    device_name: Annotated[str, StringConstraints(max_length=100)] = ""


class StaffInfo(Wire):
    staff_id: Uuid
    name: str
    role: str
    authority: str
    team_id: Uuid | None


class TokenResponse(Envelope):
    access_token: str
    refresh_token: str
    expires_in: int  # seconds


class EnrollResponse(TokenResponse):
    device_id: Uuid
    staff: StaffInfo


class RefreshRequest(Envelope):
    device_id: Uuid
    refresh_token: Annotated[str, StringConstraints(min_length=16, max_length=200)]
    # The token to rotate to, chosen and stored by the device first (``sst_rules.refresh_chain``):
    # sent again after a lost answer, the server answers again instead of revoking.
    next_refresh_token: Annotated[str, StringConstraints(min_length=32, max_length=200)] | None = (
        None
    )


# -- push and pull ------------------------------------------------------------------------------
class Mutation(Wire):
    """One change to one record, as the device made it. ``fields`` holds the new values of the
    changed fields (all fields for an insert); ``base_version`` is the server version the
    device's copy was at (None for an insert)."""

    mutation_id: Uuid
    entity_type: Name
    entity_id: Uuid
    operation: Operation
    base_version: int | None = Field(None, ge=0)
    authority: Annotated[str, StringConstraints(max_length=20)]
    record_class: Annotated[str, StringConstraints(max_length=40)]
    case_id: Uuid | None = None
    fields: dict[Name, Any] = Field(default_factory=dict)


class PushRequest(Envelope):
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_PUSH)


class RecordState(Wire):
    """A record as the server holds it now (or its tombstone)."""

    entity_type: Name
    entity_id: Uuid
    version: int
    deleted: bool
    authority: str
    record_class: str
    case_id: Uuid | None
    fields: dict[str, Any]


class MutationResult(Wire):
    mutation_id: Uuid
    status: MutationStatus
    version: int | None = None  # the record's server version after this mutation
    reason: str | None = None  # rejected: a stable code the client translates
    conflicts: list[Uuid] = Field(default_factory=list)  # ids of the conflict records made
    current: RecordState | None = None  # rejected: the server's copy, to put back on the device


class PushResponse(Envelope):
    results: list[MutationResult]


# -- pull ---------------------------------------------------------------------------------------
class PullRequest(Envelope):
    cursor: Annotated[str, StringConstraints(max_length=1000)] | None = None
    limit: int = Field(500, ge=1, le=MAX_PULL_PAGE)


class Eviction(Wire):
    """Records the device may no longer hold (consent withdrawn or expired, case left the
    team, purged): remove them, do not keep a tombstone."""

    entity_type: Name
    entity_id: Uuid
    reason: Literal["out_of_scope", "purged"]


class PullResponse(Envelope):
    changes: list[RecordState]
    evictions: list[Eviction] = Field(default_factory=list)
    cursor: str
    more: bool  # another page waits: pull again at once
    full_resync: bool = False  # the cursor was too old: drop synced data and take all again


# -- sanity check --------------------------------------------------------------------------------
MAX_INVENTORY_PAGE = 10_000
MAX_FETCH_IDS = 500


class DigestRequest(Envelope):
    """``POST /v1/digest``: after a round, per type the count and fingerprint of the records
    in the user's reach (see ``fingerprint``), to compare with what the device holds."""

    cursor: Annotated[str, StringConstraints(max_length=1000)] | None = None


class TableDigest(Wire):
    count: int
    fingerprint: str


class DigestResponse(Envelope):
    current: bool  # False: the feed or the scope moved past the cursor; compare next round
    tables: dict[str, TableDigest] = Field(default_factory=dict)


class InventoryRequest(Envelope):
    """``POST /v1/inventory``: the ids and versions of one type in reach, in id order."""

    entity_type: Name
    after: Uuid | None = None
    limit: int = Field(5_000, ge=1, le=MAX_INVENTORY_PAGE)


class InventoryResponse(Envelope):
    items: list[tuple[str, int]]  # (entity id, version)
    after: str | None  # the last id looked at: the next page starts after it
    more: bool


class FetchRequest(Envelope):
    """``POST /v1/fetch``: these records as the user may see them (a targeted re-pull)."""

    ids: Annotated[list[Uuid], Field(max_length=MAX_FETCH_IDS)]


class FetchResponse(Envelope):
    changes: list[RecordState]


# -- audit ---------------------------------------------------------------------------------------
MAX_AUDIT_EVENTS = 1_000
Hash = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ShortText = Annotated[str, StringConstraints(max_length=40)]


class AuditEventWire(Wire):
    """One event of a device's hash chain, exactly as hashed there (``at`` in ISO 8601)."""

    seq: int = Field(ge=1)
    id: Uuid
    at: ShortText
    device_id: Uuid
    actor_id: ShortText
    action: ShortText
    entity_type: ShortText
    entity_id: ShortText | None
    case_id: ShortText | None
    details: dict[str, Any]
    prev_hash: Hash
    hash: Hash


class AuditPushRequest(Envelope):
    """``POST /v1/audit``: the device's events not yet sent, in chain order."""

    events: Annotated[list[AuditEventWire], Field(max_length=MAX_AUDIT_EVENTS)]


class AuditPushResponse(Envelope):
    stored: int  # new events kept (a resent one is not counted twice)
    faults: list[str] = Field(default_factory=list)  # "seq:kind" the chain check found


# -- large items ---------------------------------------------------------------------------------
# A scanned signed plan or a signature image travels apart from its attachment record, which
# names it by SHA-256: in chunks, each with its own hash, the whole checked by the server when
# the last chunk arrives. Base64 in JSON: a 512 KiB chunk is 683 KiB on the wire, well inside
# MAX_BODY_BYTES, and every request keeps the envelope and its protocol check.
CHUNK_SIZE = 512 * 1024
MAX_BLOB_BYTES = attachments.MAX_BYTES
MAX_CHUNKS = -(-MAX_BLOB_BYTES // CHUNK_SIZE)
Base64Chunk = Annotated[
    str,
    StringConstraints(max_length=4 * -(-CHUNK_SIZE // 3), pattern=r"^[A-Za-z0-9+/]*={0,2}$"),
]


def chunk_count(size: int) -> int:
    """How many chunks a blob of ``size`` bytes (at least one) travels in."""
    return -(-size // CHUNK_SIZE)


def chunk_length(size: int, index: int) -> int:
    """The length of chunk ``index`` of a blob of ``size`` bytes (the last may be short)."""
    return min(CHUNK_SIZE, size - index * CHUNK_SIZE)


class BlobStatusRequest(Envelope):
    """``POST /v1/blobs/status``: what the server holds of this blob."""

    sha256: Hash


class BlobStatus(Envelope):
    """The chunks the server holds (``size`` None: none at all); ``complete`` once every chunk
    is there and the whole hashed to ``sha256``. Also the answer to each chunk uploaded."""

    sha256: Hash
    size: int | None = None
    held: list[int] = Field(default_factory=list, max_length=MAX_CHUNKS)
    complete: bool = False


class ChunkUpload(Envelope):
    """``POST /v1/blobs/chunk``: one chunk of a blob of ``size`` bytes, ``data`` in base64."""

    sha256: Hash
    size: int = Field(ge=1, le=MAX_BLOB_BYTES)
    index: int = Field(ge=0, lt=MAX_CHUNKS)
    chunk_sha256: Hash
    data: Base64Chunk


class ChunkRequest(Envelope):
    """``POST /v1/blobs/download``: one chunk of a complete blob the user may read."""

    sha256: Hash
    index: int = Field(ge=0, lt=MAX_CHUNKS)


class ChunkResponse(Envelope):
    sha256: Hash
    index: int
    chunk_sha256: Hash
    data: Base64Chunk
