from __future__ import annotations

from pathlib import Path

import pytest
from sst_profile_testkit import (
    NEW_PASSPHRASE,
    NOTES,
    PASSPHRASE,
    POLICY,
    add_note,
    init_notes,
    read_notes,
)

from sst_desktop.clock import FixedClock
from sst_desktop.errors import SstError
from sst_desktop.store import profile


@pytest.fixture
def backed_up(tmp_path: Path) -> tuple[Path, Path, str]:
    profile_dir, backup_dir = tmp_path / "profile", tmp_path / "backup"
    code = profile.create_profile(profile_dir, PASSPHRASE, POLICY, initialise=init_notes)
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    add_note(unlocked, "in-backup")
    profile.backup_profile(unlocked, backup_dir)  # while open: an export, not a file copy
    add_note(unlocked, "after-backup")
    profile.lock(unlocked)
    return profile_dir, backup_dir, code.recovery_code


def test_backup_is_encrypted_and_opens_with_the_same_secrets(
    backed_up: tuple[Path, Path, str],
) -> None:
    _profile_dir, backup_dir, code = backed_up
    assert sorted(p.name for p in backup_dir.iterdir()) == ["key.sst", "sst.db"]
    raw = (backup_dir / "sst.db").read_bytes()
    assert b"in-backup" not in raw and not raw.startswith(b"SQLite format 3")
    for secret in (PASSPHRASE, code):
        unlocked = profile.unlock_profile(backup_dir, secret, POLICY)
        assert read_notes(unlocked) == [*NOTES, "in-backup"]
        profile.lock(unlocked)


def test_backup_refuses_a_non_empty_folder(backed_up: tuple[Path, Path, str]) -> None:
    profile_dir, backup_dir, _code = backed_up
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    try:
        with pytest.raises(SstError) as err:
            profile.backup_profile(unlocked, backup_dir)
        assert err.value.code == "profile.backup_target_not_empty"
    finally:
        profile.lock(unlocked)


def test_restore_into_an_empty_place(backed_up: tuple[Path, Path, str], tmp_path: Path) -> None:
    _profile_dir, backup_dir, code = backed_up
    target = tmp_path / "restored"
    profile.restore_profile(backup_dir, target, code)
    unlocked = profile.unlock_profile(target, PASSPHRASE, POLICY)
    assert read_notes(unlocked) == [*NOTES, "in-backup"]
    profile.lock(unlocked)


def test_restore_refuses_to_overwrite_then_keeps_the_old_profile_aside(
    backed_up: tuple[Path, Path, str],
) -> None:
    profile_dir, backup_dir, _code = backed_up
    before = {p.name: p.read_bytes() for p in profile_dir.iterdir()}
    with pytest.raises(SstError) as err:
        profile.restore_profile(backup_dir, profile_dir, PASSPHRASE)
    assert err.value.code == "profile.exists"
    assert {p.name: p.read_bytes() for p in profile_dir.iterdir()} == before

    clock = FixedClock()
    profile.restore_profile(backup_dir, profile_dir, PASSPHRASE, replace=True, clock=clock)
    aside = profile_dir.with_name("profile.replaced-20260101T090000")
    assert {p.name: p.read_bytes() for p in aside.iterdir()} == before
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    assert read_notes(unlocked) == [*NOTES, "in-backup"]
    profile.lock(unlocked)


def test_restore_checks_the_secret_and_the_backup_before_moving_anything(
    backed_up: tuple[Path, Path, str],
    tmp_path: Path,
) -> None:
    profile_dir, backup_dir, _code = backed_up
    with pytest.raises(SstError) as wrong:
        profile.restore_profile(backup_dir, profile_dir, NEW_PASSPHRASE, replace=True)
    assert wrong.value.code == "profile.wrong_secret"
    data = bytearray((backup_dir / "sst.db").read_bytes())
    data[5000] ^= 1
    (backup_dir / "sst.db").write_bytes(bytes(data))
    with pytest.raises(SstError) as corrupt:
        profile.restore_profile(backup_dir, profile_dir, PASSPHRASE, replace=True)
    assert corrupt.value.code == "store.db_corrupt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup", "profile"]
