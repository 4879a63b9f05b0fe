"""Result types and shared checks of the profile modules (kept apart to avoid import cycles)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sst_desktop.errors import SstError, error_code
from sst_desktop.security import keyfile as kf
from sst_desktop.security.passphrase_strength import assess_passphrase

if TYPE_CHECKING:  # the window's unlock screen imports this module before SQLAlchemy is loaded
    from sqlalchemy import Engine

PROFILE_EXISTS = error_code(
    "profile.exists", "There is already an SST profile in the chosen folder; it was not changed."
)
NEW_PASSPHRASE_REQUIRED = error_code(
    "profile.new_passphrase_required",
    "A key rotation with the recovery code needs a new passphrase (SST_NEW_PASSPHRASE for sst).",
)
WEAK_PASSPHRASE = error_code(
    "profile.weak_passphrase",
    "The passphrase is too easy to guess (strength {score} of 4); use at least 10 characters, "
    "for example several unrelated words.",
)
_PROFILE_FILES = ("sst.db", "sst.db-wal", kf.CURRENT, kf.TMP, kf.PREV)


@dataclass(frozen=True)
class UnlockedProfile:
    engine: Engine
    profile_dir: Path
    key_id: str
    slot_kind_used: str  # "passphrase" or "recovery"
    # A recovery code issued by a key rotation that was interrupted before it could be shown:
    # the UI must show it now (it has been removed from the key file).
    pending_recovery_code: str | None = None
    # Unlocked with the quick check: every page is still to be checked, with this, off the UI.
    page_checker: Callable[[], int] | None = None


def has_profile_files(profile_dir: Path) -> bool:
    return any((profile_dir / name).exists() for name in _PROFILE_FILES)


def require_strong(passphrase: str) -> None:
    strength = assess_passphrase(passphrase)
    if not strength.acceptable:
        raise SstError(WEAK_PASSPHRASE, score=strength.score)
