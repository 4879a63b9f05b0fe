"""The composition root: GUI and CLI build their services here and nowhere else.

``open_context(profile_dir, secret)`` unlocks the profile (upgrading an older schema after an
encrypted backup), reads who the profile belongs to, and returns an ``AppContext`` with the
engine, clock, programme rules and the acting staff member.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from sst_desktop.casework.context import ServiceContext
from sst_desktop.clock import Clock, SystemClock
from sst_desktop.config.organisation import OrganisationConfig, load_organisation_config
from sst_desktop.config.programmes import ProgrammeRules
from sst_desktop.errors import StoreError, error_code
from sst_desktop.ids import new_id
from sst_desktop.models.organisation import Staff, Team
from sst_desktop.models.profile_meta import ProfileSetting
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store import profile, schema
from sst_desktop.store.engine import verify_cipher_integrity
from sst_desktop.store.unit_of_work import Actor
from sst_rules.enums import Authority, RecordClass, Role

log = logging.getLogger(__name__)

NO_OWNER = error_code(
    "profile.no_owner", "The profile in {file} has no owner recorded; it was not set up fully."
)
OWNER_KEY, DEVICE_KEY = "owner_staff_id", "device_id"


@dataclass(frozen=True)
class OwnerInput:
    name: str
    role: Role
    authority: Authority
    team_id: str | None = None
    # First run on a device not yet enrolled: the team by name (sync later brings the real one).
    team_name: str | None = None


@dataclass
class AppContext:
    profile_dir: Path
    engine: Engine
    clock: Clock
    rules: ProgrammeRules
    actor: Actor
    # A recovery code from a key rotation interrupted before it was shown: show it now, once.
    pending_recovery_code: str | None = None
    # Set when unlocked with the quick check: checks every page on its own connection.
    page_checker: Callable[[], int] | None = field(default=None, repr=False)
    _closed: bool = field(default=False, repr=False)

    @property
    def services(self) -> ServiceContext:
        return ServiceContext(self.engine, self.actor, self.clock, self.rules)

    def with_actor(self, actor: Actor) -> ServiceContext:
        """Services acting as another staff member of this device (the demo's colleagues)."""
        return ServiceContext(self.engine, actor, self.clock, self.rules)

    def close(self) -> None:
        if not self._closed:
            self.engine.dispose()
            self._closed = True


def kdf_policy() -> KdfPolicy:
    return KdfPolicy.from_environment(os.environ)


def create_context(
    profile_dir: Path,
    passphrase: str,
    owner: OwnerInput,
    *,
    clock: Clock | None = None,
    policy: KdfPolicy | None = None,
    organisation: OrganisationConfig | None = None,
) -> tuple[AppContext, str]:
    """A new profile with its owner; returns the open context and the recovery code. An escrow
    slot is added when the organisation's configuration turns escrow on."""
    organisation = organisation or load_organisation_config()

    def initialise(engine: Engine) -> None:
        schema.upgrade_to_head(engine)
        write_owner(engine, owner)

    created = profile.create_profile(
        profile_dir,
        passphrase,
        policy or kdf_policy(),
        initialise=initialise,
        escrow_public_key=organisation.escrow_public_key(),
    )
    opened = open_context(
        profile_dir, passphrase, clock=clock, policy=policy, organisation=organisation
    )
    return opened, created.recovery_code


def write_owner(engine: Engine, owner: OwnerInput) -> None:
    staff_id, now = new_id(), datetime.now(UTC)
    stamps = {
        "record_class": RecordClass.ORGANISATION,
        "created_at": now,
        "updated_at": now,
        "created_by": staff_id,
        "updated_by": staff_id,
    }
    team_id = owner.team_id
    with Session(engine) as session, session.begin():
        if team_id is None and owner.team_name and owner.team_name.strip():
            team_id = new_id()
            session.add(
                Team(
                    id=team_id,
                    name=owner.team_name.strip(),
                    district_id=None,
                    programme=None,
                    authority=owner.authority,
                    **stamps,
                )
            )
            session.flush()  # no relationship orders the inserts; the staff row points here
        session.add(
            Staff(
                id=staff_id,
                name=owner.name,
                role=owner.role,
                authority=owner.authority,
                team_id=team_id,
                **stamps,
            )
        )
        session.add(ProfileSetting(key=OWNER_KEY, value=staff_id))
        session.add(ProfileSetting(key=DEVICE_KEY, value=new_id()))


def open_context(
    profile_dir: Path,
    secret: str,
    *,
    clock: Clock | None = None,
    policy: KdfPolicy | None = None,
    organisation: OrganisationConfig | None = None,
    full_check: bool = True,
) -> AppContext:
    """Unlock (upgrading an older schema after a backup) with the organisation's rules.
    ``full_check=False`` leaves the page-by-page check to ``check_every_page`` (the window runs
    it in the background: on a large profile it takes longer than the unlock may)."""
    rules = (organisation or load_organisation_config()).rules()
    unlocked = profile.unlock_profile(
        profile_dir,
        secret,
        policy or kdf_policy(),
        upgrade=upgrade_with_backup,
        full_check=full_check,
    )
    try:
        actor = read_actor(unlocked.engine, profile_dir)
    except BaseException:
        unlocked.engine.dispose()
        raise
    return AppContext(
        profile_dir,
        unlocked.engine,
        clock or SystemClock(),
        rules,
        actor,
        pending_recovery_code=unlocked.pending_recovery_code,
        page_checker=unlocked.page_checker,
    )


def check_every_page(context: AppContext) -> int:
    """The number of pages whose HMAC fails (0: the whole database is intact). Safe on another
    thread when the context has its own ``page_checker``."""
    if context.page_checker is not None:
        return context.page_checker()
    return len(verify_cipher_integrity(context.engine))


def replace_passphrase(profile_dir: Path, old_secret: str, new_passphrase: str) -> None:
    """A new passphrase, proven by the old one or the recovery code."""
    profile.change_passphrase(profile_dir, old_secret, new_passphrase, kdf_policy())


def upgrade_with_backup(engine: Engine, profile_dir: Path) -> None:
    """Back up (encrypted, same key) before the first migration step of an older profile."""

    def backup(revision: str | None) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        # Beside the profile, not in it: the profile directory holds the database and key only.
        target = (
            profile_dir.parent / f"{profile_dir.name}-backups" / f"pre-upgrade-{revision}-{stamp}"
        )
        profile.backup_engine(engine, profile_dir, target)
        log.info("backed up profile before upgrading schema %s", revision)

    schema.upgrade_to_head(engine, backup=backup)


def read_actor(engine: Engine, profile_dir: Path) -> Actor:
    with Session(engine) as session:
        settings = {s.key: s.value for s in session.scalars(select(ProfileSetting))}
        staff = session.get(Staff, settings.get(OWNER_KEY, ""))
        if staff is None or DEVICE_KEY not in settings:
            raise StoreError(NO_OWNER, file=profile_dir.name)
        return Actor(staff.id, staff.authority, staff.team_id, staff.role, settings[DEVICE_KEY])


def set_owner(engine: Engine, staff_id: str) -> None:
    """Make another staff record the profile's owner (the demo's set-up uses it)."""
    with Session(engine) as session, session.begin():
        setting = session.get(ProfileSetting, OWNER_KEY)
        assert setting is not None
        setting.value = staff_id
