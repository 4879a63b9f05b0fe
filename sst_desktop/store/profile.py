"""The local profile's lifecycle: create, unlock, change passphrase, add escrow, lock.

Files in the profile directory: ``sst.db`` (+ ``-wal``/``-shm``), ``key.sst`` (with transient
``.tmp``/``.prev`` generations while it is rewritten) and ``unlock-state.json``; nothing else.
The database is keyed with a random 32-byte raw key that exists on disk only wrapped in the key
slots of ``key.sst`` (see ``security/keyslots.py``). Key rotation and backups live in
``profile_rekey.py`` and ``profile_backup.py`` and are re-exported here.

Crash safety of a passphrase change: the new generation is written to ``key.sst.tmp`` and renamed
over ``key.sst`` (the old one kept as ``.prev`` until the new one reads back). After a crash at
any step, whichever secret the user types (old or new) opens a generation, and that generation
becomes the only one (``profile_open.finalise``).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine

from sst_desktop.clock import Clock, SystemClock
from sst_desktop.errors import SstError
from sst_desktop.security import keyfile as kf
from sst_desktop.security.escrow import escrow_recipient, escrow_slot
from sst_desktop.security.fileops import FileOps
from sst_desktop.security.kdf import KdfPolicy, calibrate, is_weaker_than_policy
from sst_desktop.security.keyslots import (
    ESCROW,
    PASSPHRASE,
    Slot,
    open_pending_code,
    passphrase_slot,
    recovery_slot,
    zero,
)
from sst_desktop.security.recovery_code import format_recovery_code, new_recovery_code
from sst_desktop.store.engine import create_cipher_engine, page_checker
from sst_desktop.store.profile_backup import backup_engine, backup_profile, restore_profile
from sst_desktop.store.profile_open import (
    APPLICATION_ID,
    DB_FILE,
    Opened,
    finalise,
    open_verified,
    verify_database,
)
from sst_desktop.store.profile_rekey import RotatedKey, rotate_key
from sst_desktop.store.profile_types import (
    PROFILE_EXISTS,
    UnlockedProfile,
    has_profile_files,
    require_strong,
)

__all__ = [
    "CreatedProfile",
    "RotatedKey",
    "UnlockedProfile",
    "add_escrow_slot",
    "backup_engine",
    "backup_profile",
    "change_passphrase",
    "confirm_recovery_code_shown",
    "create_profile",
    "lock",
    "restore_profile",
    "rotate_key",
    "unlock_profile",
]
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CreatedProfile:
    recovery_code: str  # show once, then forget


def create_profile(
    profile_dir: Path,
    passphrase: str,
    policy: KdfPolicy,
    *,
    escrow_public_key: bytes | None = None,
    initialise: Callable[[Engine], object] | None = None,
    clock: Clock | None = None,
    fileops: FileOps | None = None,
) -> CreatedProfile:
    """A new encrypted database and key file; the key file is written last (it marks completion)."""
    if has_profile_files(profile_dir):
        raise SstError(PROFILE_EXISTS)
    require_strong(passphrase)
    params = calibrate(policy)
    profile_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    db_key, key_id, code = (
        bytearray(secrets.token_bytes(32)),
        secrets.token_hex(16),
        new_recovery_code(),
    )
    try:
        _create_database(profile_dir / DB_FILE, db_key, initialise)
        slots = [
            passphrase_slot(db_key, key_id, passphrase, params),
            recovery_slot(db_key, key_id, code),
        ]
        if escrow_public_key is not None:
            slots.append(escrow_slot(db_key, key_id, escrow_public_key))
        now = (clock or SystemClock()).now().isoformat()
        body = kf.KeyFile(key_id, now, now, tuple(slots))
        kf.commit_generation(profile_dir, body, fileops or FileOps())
        kf.verify_current(profile_dir, body)
    finally:
        zero(db_key)
    return CreatedProfile(format_recovery_code(code))


def _create_database(
    db_path: Path, db_key: bytearray, initialise: Callable[[Engine], object] | None
) -> None:
    engine = create_cipher_engine(db_path, db_key, must_exist=False)
    try:
        with engine.begin() as conn:  # writes page 1, so no other key can "open" an empty file
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        if initialise is not None:
            initialise(engine)
    except BaseException:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):  # our own new, empty file: nothing to keep
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        raise
    engine.dispose()
    verify_database(db_path, db_key)


def unlock_profile(
    profile_dir: Path,
    secret: str,
    policy: KdfPolicy,
    *,
    upgrade: Callable[[Engine, Path], None] | None = None,
    clock: Clock | None = None,
    fileops: FileOps | None = None,
    full_check: bool = True,
) -> UnlockedProfile:
    """Open with a passphrase or recovery code; weak slots are rewrapped, leftovers finalised.
    ``full_check=False``: see ``verify_database`` (the caller checks every page later)."""
    ops = fileops or FileOps()
    opened = open_verified(profile_dir, secret, clock or SystemClock(), ops, full_check=full_check)
    try:
        body, pending = _amended(opened, secret, policy, clock or SystemClock())
        finalise(profile_dir, opened.generation, body, ops)
        engine = create_cipher_engine(profile_dir / DB_FILE, opened.db_key)
        checker = None if full_check else page_checker(profile_dir / DB_FILE, opened.db_key)
    finally:
        opened.close()
    try:
        if upgrade is not None:
            upgrade(engine, profile_dir)
    except BaseException:
        engine.dispose()
        raise
    return UnlockedProfile(
        engine, profile_dir, body.key_id, opened.slot_kind, pending, page_checker=checker
    )


def _amended(
    opened: Opened, secret: str, policy: KdfPolicy, clock: Clock
) -> tuple[kf.KeyFile, str | None]:
    """The key file as it should be now (weak passphrase slot rewrapped) and any pending code."""
    body, pending = opened.generation.keyfile, None
    if body.pending_recovery is not None:
        try:
            pending = format_recovery_code(
                open_pending_code(body.pending_recovery, opened.db_key, body.key_id)
            )
        except InvalidTag:
            log.warning("pending recovery code unreadable; dropped (rotate the key again)")
            body = replace(body, pending_recovery=None)
    slot = body.slots_of(PASSPHRASE)[0]
    weak = is_weaker_than_policy(slot.kdf, policy)
    if opened.slot_kind == PASSPHRASE and weak:
        log.info("rewrapping a passphrase slot weaker than the KDF policy")
        body = _with_slot(
            body, passphrase_slot(opened.db_key, body.key_id, secret, calibrate(policy))
        )
    if body != opened.generation.keyfile:
        body = replace(body, updated_at=clock.now().isoformat())
    return body, pending


def _with_slot(body: kf.KeyFile, new: Slot) -> kf.KeyFile:
    """Replace the slot of the same kind (and, for escrow, the same recipient) or add it."""

    def same(slot: Slot) -> bool:
        if slot.kind != new.kind:
            return False
        return slot.kind != ESCROW or escrow_recipient(slot) == escrow_recipient(new)

    return replace(body, slots=(*(slot for slot in body.slots if not same(slot)), new))


def change_passphrase(
    profile_dir: Path,
    old_secret: str,
    new_passphrase: str,
    policy: KdfPolicy,
    *,
    clock: Clock | None = None,
    fileops: FileOps | None = None,
) -> None:
    """Rewrap the passphrase slot only; ``old_secret`` may be the recovery code (forgotten
    passphrase flow). Call with the profile locked or unlocked: the database is only read."""
    require_strong(new_passphrase)
    clock, ops = clock or SystemClock(), fileops or FileOps()
    opened = open_verified(profile_dir, old_secret, clock, ops)
    try:
        body = opened.generation.keyfile
        slot = passphrase_slot(opened.db_key, body.key_id, new_passphrase, calibrate(policy))
        new_body = replace(_with_slot(body, slot), updated_at=clock.now().isoformat())
        finalise(profile_dir, opened.generation, new_body, ops)
    finally:
        opened.close()


def add_escrow_slot(
    profile_dir: Path,
    secret: str,
    public_key: bytes,
    *,
    clock: Clock | None = None,
    fileops: FileOps | None = None,
) -> None:
    """Wrap the database key to the organisation's X25519 public key (replacing an older one)."""
    clock, ops = clock or SystemClock(), fileops or FileOps()
    opened = open_verified(profile_dir, secret, clock, ops)
    try:
        body = opened.generation.keyfile
        slot = escrow_slot(opened.db_key, body.key_id, public_key)
        new_body = replace(_with_slot(body, slot), updated_at=clock.now().isoformat())
        finalise(profile_dir, opened.generation, new_body, ops)
    finally:
        opened.close()


def confirm_recovery_code_shown(profile_dir: Path, *, fileops: FileOps | None = None) -> None:
    """The user has seen the code from ``rotate_key`` (or ``pending_recovery_code``): forget it.

    Needs no secret: it only removes the sealed copy from the key file.
    """
    ops = fileops or FileOps()
    body = kf.read_keyfile(profile_dir / kf.CURRENT)
    if body is None or body.pending_recovery is None:
        return
    done = replace(body, pending_recovery=None)
    kf.commit_generation(profile_dir, done, ops)
    kf.verify_current(profile_dir, done)
    kf.discard_leftovers(profile_dir, ops)


def lock(unlocked: UnlockedProfile) -> None:
    """Close every connection (SQLite checkpoints the WAL as the last one closes)."""
    unlocked.engine.dispose()
