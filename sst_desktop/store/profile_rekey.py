"""Key rotation: a new raw database key, ``PRAGMA rekey``, every slot rewrapped.

Decision: a rotation issues a NEW recovery code (returned once) and needs the passphrase (or, if
the caller proves possession with the recovery code, a new passphrase). Rotation follows a
suspected compromise; keeping the old recovery code valid would mean keeping a key derived from
it recoverable from the old key, which an attacker holding the old key would then also have.
The escrow slot is rewrapped to the organisation public key it already names.

Call it with the profile locked (no engine open): the rekey needs the database to itself.

Steps, and what a crash after each leaves (every state opens with the passphrase):
1. open and verify with the secret, finalise: ``key.sst`` (old key K0) is the only generation.
2. write generation N (key K1, new slots, the new code sealed under K1 as "pending") to
   ``key.sst.tmp``, fsync it and the directory.       -> key.sst opens the K0 database; tmp dropped
3. checkpoint, ``PRAGMA rekey`` K1 (one WAL transaction), checkpoint.
                                   -> before the commit frame: K0 as above; after: key.sst's K0 no
                                      longer opens, tmp's K1 does and is promoted, and unlock hands
                                      the UI the pending recovery code
4. promote tmp: unlink prev, link key.sst -> prev, rename tmp -> key.sst, fsync the directory.
5. read back key.sst, verify the database under K1, drop prev.        -> K1 generations only
The new code stays sealed in ``key.sst`` until the UI calls ``confirm_recovery_code_shown``: if
anything (app, machine) dies before the user has seen it, the next unlock returns it again as
``pending_recovery_code``. At least once, and exactly once unless something crashed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from sst_desktop.clock import Clock, SystemClock
from sst_desktop.errors import SstError
from sst_desktop.security import keyfile as kf
from sst_desktop.security.escrow import escrow_recipient, escrow_slot
from sst_desktop.security.fileops import FileOps
from sst_desktop.security.kdf import KdfPolicy, calibrate
from sst_desktop.security.keyslots import (
    ESCROW,
    PASSPHRASE,
    passphrase_slot,
    recovery_slot,
    seal_pending_code,
    zero,
)
from sst_desktop.security.recovery_code import format_recovery_code, new_recovery_code
from sst_desktop.store.engine import rekey
from sst_desktop.store.profile_open import DB_FILE, finalise, open_verified, verify_database
from sst_desktop.store.profile_types import NEW_PASSPHRASE_REQUIRED, require_strong


@dataclass(frozen=True)
class RotatedKey:
    key_id: str
    recovery_code: str  # the new code: show once; the old one no longer works


def rotate_key(
    profile_dir: Path,
    secret: str,
    policy: KdfPolicy,
    *,
    new_passphrase: str | None = None,
    clock: Clock | None = None,
    fileops: FileOps | None = None,
) -> RotatedKey:
    if new_passphrase is not None:
        require_strong(new_passphrase)
    clock, ops = clock or SystemClock(), fileops or FileOps()
    opened = open_verified(profile_dir, secret, clock, ops)
    new_key = bytearray(secrets.token_bytes(32))
    try:
        if opened.slot_kind != PASSPHRASE and new_passphrase is None:
            raise SstError(NEW_PASSPHRASE_REQUIRED)
        finalise(profile_dir, opened.generation, opened.generation.keyfile, ops)
        code = new_recovery_code()
        pending = _new_generation(
            opened.generation.keyfile, new_key, new_passphrase or secret, code, policy, clock
        )
        ops.write_bytes_fsync(profile_dir / kf.TMP, kf.encode(pending))
        ops.fsync_dir(profile_dir)
        rekey(profile_dir / DB_FILE, opened.db_key, new_key)
        kf.promote_tmp(profile_dir, ops)
        kf.verify_current(profile_dir, pending)
        verify_database(profile_dir / DB_FILE, new_key)
        kf.discard_leftovers(profile_dir, ops)
        return RotatedKey(pending.key_id, format_recovery_code(code))
    finally:
        opened.close()
        zero(new_key)


def _new_generation(
    old: kf.KeyFile,
    new_key: bytearray,
    passphrase: str,
    code: bytes,
    policy: KdfPolicy,
    clock: Clock,
) -> kf.KeyFile:
    key_id = secrets.token_hex(16)
    slots = [
        passphrase_slot(new_key, key_id, passphrase, calibrate(policy)),
        recovery_slot(new_key, key_id, code),
        *(escrow_slot(new_key, key_id, escrow_recipient(s)) for s in old.slots_of(ESCROW)),
    ]
    return kf.KeyFile(
        key_id=key_id,
        created_at=old.created_at,
        updated_at=clock.now().isoformat(),
        slots=tuple(slots),
        pending_recovery=seal_pending_code(new_key, key_id, code),
    )
