"""Encrypted backups and restore.

A backup is a directory with ``sst.db`` written by ``sqlcipher_export`` from the open database into
a new file keyed with the same raw key (ATTACH without KEY inherits the main key), never a file
copy of an open database, plus a copy of ``key.sst``: it opens with the same passphrase or
recovery code as the profile had when it was taken.

Restore verifies the backup opens (key slot, every page's HMAC) before anything moves, copies it
into a staging directory beside the profile, verifies the copy, and renames it into place. An
existing profile is never overwritten: with ``replace=True`` it is renamed to
``<dir>.replaced-<timestamp>``.
"""

from __future__ import annotations

import shutil
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from sst_desktop.clock import Clock, SystemClock
from sst_desktop.errors import SstError, StoreError, error_code
from sst_desktop.security import keyfile as kf
from sst_desktop.security.fileops import FileOps, fsync_file
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store.engine import DB_CORRUPT, create_private_file
from sst_desktop.store.profile_open import (
    APPLICATION_ID,
    DB_FILE,
    resolve,
    verify_database,
)
from sst_desktop.store.profile_types import PROFILE_EXISTS, has_profile_files

if TYPE_CHECKING:
    from sst_desktop.store.profile_types import UnlockedProfile

BACKUP_TARGET_EXISTS = error_code(
    "profile.backup_target_not_empty", "The backup folder {folder} is not empty; choose another."
)
BACKUP_TARGET_IS_FILE = error_code(
    "profile.backup_target_is_file",
    "{folder} is a file; a backup goes into a new, empty folder. Choose another name.",
)


def backup_engine(engine: Engine, profile_dir: Path, dest_dir: Path) -> Path:
    """Export the open database and copy the key file into the new, empty ``dest_dir``."""
    if dest_dir.exists() and not dest_dir.is_dir():
        raise SstError(BACKUP_TARGET_IS_FILE, folder=dest_dir.name)
    if dest_dir.exists() and any(dest_dir.iterdir()):
        raise SstError(BACKUP_TARGET_EXISTS, folder=dest_dir.name)
    keyfile = kf.read_keyfile(profile_dir / kf.CURRENT)
    if keyfile is None:
        raise SstError(kf.KEYFILE_MISSING, file=kf.CURRENT)
    dest_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = dest_dir / DB_FILE
    raw = engine.raw_connection()  # ATTACH cannot run inside SQLAlchemy's BEGIN IMMEDIATE
    try:
        conn = raw.driver_connection
        assert conn is not None
        _export(conn, target)
    finally:
        raw.close()
    ops = FileOps()
    kf.commit_generation(dest_dir, keyfile, ops)
    kf.verify_current(dest_dir, keyfile)
    return dest_dir


def _export(conn: object, target: Path) -> None:
    execute = conn.execute  # type: ignore[attr-defined]
    create_private_file(target)
    execute("ATTACH DATABASE ? AS backup", (str(target),))
    try:
        execute("SELECT sqlcipher_export('backup')")
        execute(f"PRAGMA backup.application_id = {APPLICATION_ID}")
        faults = execute("PRAGMA backup.cipher_integrity_check").fetchall()
    finally:
        execute("DETACH DATABASE backup")
    if faults:
        raise StoreError(DB_CORRUPT, file=target.name, faults=len(faults))


def backup_profile(unlocked: UnlockedProfile, dest_dir: Path) -> Path:
    return backup_engine(unlocked.engine, unlocked.profile_dir, dest_dir)


def restore_profile(
    backup_dir: Path,
    profile_dir: Path,
    secret: str,
    policy: KdfPolicy | None = None,
    *,
    replace: bool = False,
    clock: Clock | None = None,
) -> None:
    """Put a verified copy of the backup in place of (or beside) the profile.

    ``policy`` is accepted for symmetry with unlock; weak slots are rewrapped at the next unlock.
    """
    del policy
    clock = clock or SystemClock()
    if has_profile_files(profile_dir) and not replace:
        raise SstError(PROFILE_EXISTS)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    opened = resolve(backup_dir, secret)  # the backup itself is only read

    staging = profile_dir.with_name(f"{profile_dir.name}.restoring-{stamp}")
    try:
        staging.mkdir(mode=0o700)
        for name in (DB_FILE, kf.CURRENT):
            shutil.copyfile(backup_dir / name, staging / name)
            fsync_file(staging / name)
        FileOps().fsync_dir(staging)
        verify_database(staging / DB_FILE, opened.db_key)
    finally:
        opened.close()
    _swap_into_place(staging, profile_dir, stamp)


def _swap_into_place(staging: Path, profile_dir: Path, stamp: str) -> None:
    ops = FileOps()
    if profile_dir.exists():
        if has_profile_files(profile_dir):
            ops.replace(profile_dir, profile_dir.with_name(f"{profile_dir.name}.replaced-{stamp}"))
        else:
            with suppress(OSError):
                profile_dir.rmdir()  # an empty folder the user picked
    ops.replace(staging, profile_dir)
    ops.fsync_dir(profile_dir.parent)
