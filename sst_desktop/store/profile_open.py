"""Opening a profile: which key file generation and which slot the secret opens, and whether the
database really is intact under that key. Shared by unlock, passphrase change, rekey and escrow.

Order: throttle check (no KDF while throttled) -> read generations (fail closed on a damaged
``key.sst``) -> record the attempt -> unwrap slots in every generation -> check the WAL's frame
chain -> probe each unwrapped key read-only; the first that opens wins -> verify every page's HMAC
-> reset the throttle -> (caller) finalise the key file: promote the winner, drop leftovers.
Nothing is written to the database or key file before the database has been verified.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sst_desktop.clock import Clock
from sst_desktop.errors import SstError, StoreError, error_code
from sst_desktop.security import keyfile as kf
from sst_desktop.security.fileops import FileOps
from sst_desktop.security.keyslots import (
    PASSPHRASE,
    RECOVERY,
    WRONG_SECRET,
    Slot,
    canonical_json,
    open_slot,
    slot_key_for,
    zero,
)
from sst_desktop.security.recovery_code import parse_recovery_code
from sst_desktop.store import unlock_throttle as throttle
from sst_desktop.store.engine import (
    DB_CORRUPT,
    DB_MISSING,
    checkpoint_truncate,
    cipher_faults,
    connect_cipher,
    key_opens,
    read_only_connection,
)
from sst_desktop.store.wal_check import wal_faults

NOT_A_PROFILE = error_code("profile.not_found", "There is no SST profile in the chosen folder.")

DB_FILE = "sst.db"
APPLICATION_ID = 0x53535444  # "SSTD" in the SQLite header: this file is ours


@dataclass
class Opened:
    """A verified profile key; the caller zeroes ``db_key`` (via ``close``) when done."""

    generation: kf.Generation
    db_key: bytearray
    slot_kind: str

    def close(self) -> None:
        zero(self.db_key)


def open_verified(
    profile_dir: Path, secret: str, clock: Clock, ops: FileOps, *, full_check: bool = True
) -> Opened:
    """The generation and key the secret opens, database verified (every page's HMAC, or with
    ``full_check=False`` only that it is ours and whole); the caller then ``finalise``s."""
    state = throttle.read_state(profile_dir)
    throttle.check_not_throttled(state, clock)
    generations = _read_profile(profile_dir)
    throttle.record_attempt(profile_dir, state, clock, ops)
    try:
        opened = _resolve(profile_dir, secret, generations, full_check=full_check)
    except SstError as exc:
        if exc.code != WRONG_SECRET:  # only a wrong secret counts as a failed attempt
            throttle.write_state(profile_dir, state, ops)
        raise
    throttle.write_state(profile_dir, throttle.ThrottleState(), ops)
    return opened


def resolve(profile_dir: Path, secret: str) -> Opened:
    """As ``open_verified`` without the throttle or any write (for a backup being restored)."""
    return _resolve(profile_dir, secret, _read_profile(profile_dir))


def _read_profile(profile_dir: Path) -> list[kf.Generation]:
    db_path = profile_dir / DB_FILE
    if not db_path.is_file():
        if not (profile_dir / kf.CURRENT).exists():
            raise SstError(NOT_A_PROFILE)
        raise StoreError(DB_MISSING, file=DB_FILE)
    return kf.read_generations(profile_dir)


def _candidate_slots(keyfile: kf.KeyFile, secret: str) -> Iterator[Slot]:
    # The recovery slot is cheap (HKDF), so try it first when the secret looks like a code.
    if parse_recovery_code(secret) is not None:
        yield from keyfile.slots_of(RECOVERY)
    yield from keyfile.slots_of(PASSPHRASE)


def _unwrap_all(
    generations: list[kf.Generation], secret: str
) -> list[tuple[kf.Generation, bytearray, str]]:
    """Every generation whose slot the secret opens; one KDF run per distinct slot parameters."""
    derived: dict[bytes, bytearray | None] = {}
    found = []
    for generation in generations:
        for slot in _candidate_slots(generation.keyfile, secret):
            cache_key = canonical_json([slot.kind, slot.header["kdf"]])
            if cache_key not in derived:
                derived[cache_key] = slot_key_for(slot, secret)
            slot_key = derived[cache_key]
            try:
                if slot_key is not None:
                    found.append((generation, open_slot(slot, slot_key), slot.kind))
                    break
            except SstError:
                continue
    for slot_key in derived.values():
        if slot_key is not None:
            zero(slot_key)
    return found


def _resolve(
    profile_dir: Path, secret: str, generations: list[kf.Generation], *, full_check: bool = True
) -> Opened:
    unwrapped = _unwrap_all(generations, secret)
    if not unwrapped:
        raise SstError(WRONG_SECRET)
    db_path = profile_dir / DB_FILE
    faults = wal_faults(db_path.with_name(DB_FILE + "-wal"))
    if faults:
        _zero_all(unwrapped)
        raise StoreError(DB_CORRUPT, file=DB_FILE + "-wal", faults=len(faults))
    for index, (generation, db_key, kind) in enumerate(unwrapped):
        if key_opens(db_path, db_key):
            _zero_all(unwrapped[:index] + unwrapped[index + 1 :])
            opened = Opened(generation, db_key, kind)
            try:
                verify_database(db_path, db_key, full=full_check)
            except BaseException:
                opened.close()
                raise
            return opened
    _zero_all(unwrapped)
    tried = {generation.keyfile.key_id for generation, _key, _kind in unwrapped}
    if tried >= {generation.keyfile.key_id for generation in generations}:
        raise StoreError(DB_CORRUPT, file=DB_FILE)
    # A generation we could not unwrap may hold the database's key (e.g. the recovery code of a
    # rotated key): the secret is wrong for this database, not the database damaged.
    raise SstError(WRONG_SECRET)


def _zero_all(items: list[tuple[kf.Generation, bytearray, str]]) -> None:
    for _generation, db_key, _kind in items:
        zero(db_key)


def verify_database(db_path: Path, db_key: bytearray, *, full: bool = True) -> None:
    """Ours (application id), whole (as many pages as its header says) and, with ``full``,
    every page's HMAC intact; else ``store.db_corrupt``. The quick form is for the window's
    unlock of a large profile, which then checks every page in the background."""
    wal = db_path.with_name(DB_FILE + "-wal")
    with read_only_connection(db_path, db_key) as conn:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        faults = cipher_faults(conn) if full and not _has_frames(wal) else []
    if app_id != APPLICATION_ID:
        raise StoreError(DB_CORRUPT, file=DB_FILE)
    if not _has_frames(wal) and pages * page_size > db_path.stat().st_size:
        raise StoreError(DB_CORRUPT, file=DB_FILE, faults=1)  # truncated
    if _has_frames(wal):
        # After a crash the file may still hold pages under an older key (mid-rekey) that only
        # the WAL supersedes: let SQLite move the (already checked) frames in, then check.
        with closing(connect_cipher(db_path, db_key)) as conn:
            checkpoint_truncate(conn, db_path)
            faults = cipher_faults(conn)
    if faults:
        raise StoreError(DB_CORRUPT, file=DB_FILE, faults=len(faults))


def _has_frames(wal: Path) -> bool:
    return wal.is_file() and wal.stat().st_size > 32


def finalise(profile_dir: Path, winner: kf.Generation, body: kf.KeyFile, ops: FileOps) -> None:
    """Make ``body`` (the winner's key) the only generation left, never losing the winner."""
    if winner.name == kf.TMP:
        kf.promote_tmp(profile_dir, ops)  # as is: rewriting tmp now could lose the only copy
    if winner.name == kf.PREV or body != winner.keyfile:
        kf.commit_generation(profile_dir, body, ops)
        kf.verify_current(profile_dir, body)
    if (profile_dir / kf.TMP).exists() or (profile_dir / kf.PREV).exists():
        kf.discard_leftovers(profile_dir, ops)
