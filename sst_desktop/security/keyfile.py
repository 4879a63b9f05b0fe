"""The key file ``key.sst``: versioned JSON holding the key slots, checksummed, crash-safe.

Damage detection: the file must be byte-for-byte the canonical JSON we write, and its ``checksum``
(SHA-256 over the canonical document without that field) must match. So any single flipped byte
(content, whitespace, escapes, the checksum itself) is ``profile.keyfile_damaged``, never mistaken
for a wrong passphrase. Nothing here rewrites a file it could not read.

Generations: ``key.sst`` is current; ``key.sst.tmp`` is a new generation being written;
``key.sst.prev`` is the previous one, kept until the new one has been verified.
Commit order: write tmp + fsync, fsync dir, unlink prev, link current -> prev, rename tmp ->
current, fsync dir. ``key.sst`` itself is only ever replaced by rename, so a crash never leaves it
half-written: a damaged ``key.sst`` is real damage, and we fail closed on it (never silently fall
back to an older generation, which may hold a passphrase the user has retired).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sst_desktop.errors import SstError, error_code
from sst_desktop.security.fileops import FileOps
from sst_desktop.security.keyslots import (
    NONCE_BYTES,
    PASSPHRASE,
    RECOVERY,
    Slot,
    canonical_json,
    unb64,
)

log = logging.getLogger(__name__)

KEYFILE_DAMAGED = error_code(
    "profile.keyfile_damaged",
    "The key file {file} is damaged (checksum mismatch or unreadable); it was not changed. "
    "Restore it from a backup or use the organisation's escrow.",
)
KEYFILE_MISSING = error_code("profile.keyfile_missing", "The key file {file} does not exist.")

CURRENT, TMP, PREV = "key.sst", "key.sst.tmp", "key.sst.prev"
FORMAT, VERSION = "sst-desktop-keyfile", 1
_MAX_BYTES = 256 * 1024
_KEY_ID = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class KeyFile:
    key_id: str  # random id of the database key: not secret, changes on rekey
    created_at: str
    updated_at: str
    slots: tuple[Slot, ...]
    pending_recovery: dict[str, str] | None = field(default=None)

    def slots_of(self, kind: str) -> tuple[Slot, ...]:
        return tuple(slot for slot in self.slots if slot.kind == kind)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "key_id": self.key_id,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "slots": [slot.to_dict() for slot in self.slots],
        }
        if self.pending_recovery is not None:
            body["pending_recovery"] = dict(self.pending_recovery)
        return body


@dataclass(frozen=True)
class Generation:
    name: str  # CURRENT, TMP or PREV
    keyfile: KeyFile


def encode(keyfile: KeyFile) -> bytes:
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "body": keyfile.body()}
    document["checksum"] = hashlib.sha256(canonical_json(document)).hexdigest()
    return canonical_json(document) + b"\n"


def decode(data: bytes, name: str) -> KeyFile:
    try:
        document = json.loads(data.decode("ascii"))
        if canonical_json(document) + b"\n" != data:
            raise ValueError("not in canonical form")
        claimed = document.pop("checksum")
        if hashlib.sha256(canonical_json(document)).hexdigest() != claimed:
            raise ValueError("checksum mismatch")
        if set(document) != {"format", "version", "body"} or document["format"] != FORMAT:
            raise ValueError("not a key file")
        if document["version"] != VERSION:
            raise ValueError("unknown key file version")
        return _parse_body(document["body"])
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise SstError(KEYFILE_DAMAGED, file=name) from exc


def _parse_body(body: dict[str, Any]) -> KeyFile:
    allowed = {"key_id", "created_at", "updated_at", "slots", "pending_recovery"}
    if not set(body) <= allowed or not _KEY_ID.fullmatch(body["key_id"]):
        raise ValueError("unexpected body")
    slots = tuple(Slot.from_dict(item) for item in body["slots"])
    kinds = [slot.kind for slot in slots]
    if kinds.count(PASSPHRASE) != 1 or kinds.count(RECOVERY) > 1:
        raise ValueError("unexpected slot set")
    if any(slot.header["key_id"] != body["key_id"] for slot in slots):
        raise ValueError("slot for another key")
    pending = body.get("pending_recovery")
    if pending is not None:
        unb64(pending["nonce"], NONCE_BYTES)
    return KeyFile(
        key_id=body["key_id"],
        created_at=str(body["created_at"]),
        updated_at=str(body["updated_at"]),
        slots=slots,
        pending_recovery=pending,
    )


def read_keyfile(path: Path) -> KeyFile | None:
    """The parsed file, None if it does not exist; ``profile.keyfile_damaged`` if unreadable."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    return decode(data, path.name)


def read_key_file(profile_dir: Path) -> KeyFile:
    """The current generation of a profile (for tools: the escrow tool, benchmarks)."""
    keyfile = read_keyfile(profile_dir / CURRENT)
    if keyfile is None:
        raise SstError(KEYFILE_MISSING, file=CURRENT)
    return keyfile


def read_generations(directory: Path) -> list[Generation]:
    """Candidates in the order to try: current, a complete tmp, prev. Fails closed on current."""
    found = []
    for name in (CURRENT, TMP, PREV):
        try:
            keyfile = read_keyfile(directory / name)
        except SstError:
            if name == CURRENT:
                raise
            log.warning("ignoring unreadable key file generation %s", name)
            continue
        if keyfile is not None:
            found.append(Generation(name, keyfile))
    if not found:
        raise SstError(KEYFILE_MISSING, file=CURRENT)
    return found


def commit_generation(directory: Path, keyfile: KeyFile, ops: FileOps) -> None:
    """Write ``keyfile`` as the new current generation; the old one stays as prev."""
    ops.write_bytes_fsync(directory / TMP, encode(keyfile))
    # The tmp name must be durable before anything (a rekey) depends on it.
    ops.fsync_dir(directory)
    promote_tmp(directory, ops)


def promote_tmp(directory: Path, ops: FileOps) -> None:
    current = directory / CURRENT
    if current.exists():
        ops.unlink(directory / PREV)
        ops.link(current, directory / PREV)
    ops.replace(directory / TMP, current)
    ops.fsync_dir(directory)


def verify_current(directory: Path, expected: KeyFile) -> None:
    """Read back what was committed; the previous generation is discarded only after this."""
    if read_keyfile(directory / CURRENT) != expected:
        raise SstError(KEYFILE_DAMAGED, file=CURRENT)


def discard_leftovers(directory: Path, ops: FileOps) -> None:
    ops.unlink(directory / TMP)
    ops.unlink(directory / PREV)
    ops.fsync_dir(directory)
