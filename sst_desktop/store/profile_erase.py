"""Erasing a profile from this device (a laptop IT has revoked): crypto-erase first.

The key file goes first, overwritten and then removed: without it neither the passphrase, the
recovery code nor the escrow key opens the database, so the data are gone even if a later
step is cut short. Then the database and every other file of the profile."""

from __future__ import annotations

import logging
import os
import secrets
import shutil
from pathlib import Path

from sst_desktop.security import keyfile as kf

log = logging.getLogger(__name__)


def erase_profile(profile_dir: Path) -> None:
    for name in (kf.CURRENT, kf.TMP, kf.PREV):
        _overwrite_and_remove(profile_dir / name)
    if profile_dir.exists():
        shutil.rmtree(profile_dir)
    log.warning("profile erased from this device")


def _overwrite_and_remove(path: Path) -> None:
    if not path.exists():
        return
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(secrets.token_bytes(max(size, 1)))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
