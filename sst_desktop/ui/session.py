"""What the locked window needs from the profile. The heavy layers (SQLAlchemy, Alembic, the
domain) are imported only when first used, or by ``warm_up`` on the worker while the user types
the passphrase, so the unlock screen appears at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sst_desktop.clock import SystemClock
from sst_desktop.store import unlock_throttle
from sst_desktop.store.profile_types import has_profile_files

if TYPE_CHECKING:
    from sst_desktop.app_context import AppContext, OwnerInput
    from sst_desktop.ui.tasks import TaskControl


def profile_exists(profile_dir: Path) -> bool:
    """Whether ``profile_dir`` holds a profile (or the remains of one): never create over it."""
    return has_profile_files(profile_dir)


def unlock_wait_seconds(profile_dir: Path) -> int:
    """How long the unlock screen must wait after repeated wrong passphrases (0: not at all)."""
    return unlock_throttle.remaining_wait(unlock_throttle.read_state(profile_dir), SystemClock())


def open_profile(profile_dir: Path, secret: str) -> AppContext:
    """Unlock with the quick database check; ``damaged_pages`` then checks every page."""
    from sst_desktop.app_context import open_context

    return open_context(profile_dir, secret, full_check=False)


def damaged_pages(context: AppContext) -> int:
    from sst_desktop.app_context import check_every_page

    return check_every_page(context)


def replace_passphrase(profile_dir: Path, old_secret: str, new_passphrase: str) -> None:
    from sst_desktop.app_context import replace_passphrase as replace

    replace(profile_dir, old_secret, new_passphrase)


def create_profile(profile_dir: Path, passphrase: str, owner: OwnerInput) -> tuple[AppContext, str]:
    from sst_desktop.app_context import create_context

    return create_context(profile_dir, passphrase, owner)


def warm_up(control: TaskControl) -> None:
    """Import the services and configure the ORM mappers before they are needed."""
    from sqlalchemy.orm import configure_mappers

    import sst_desktop.app_context
    import sst_desktop.casework.queries
    import sst_desktop.casework.today  # noqa: F401 - imported for its side effect: loaded

    configure_mappers()
