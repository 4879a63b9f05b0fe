from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
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
from sst_desktop.security import keyfile as kf
from sst_desktop.security.escrow import unwrap_escrow
from sst_desktop.security.kdf import KdfFloor, KdfPolicy
from sst_desktop.store import profile
from sst_desktop.store.engine import key_opens


def _code(exc: pytest.ExceptionInfo[SstError]) -> str:
    return exc.value.code


@pytest.fixture
def created(tmp_path: Path) -> tuple[Path, str]:
    profile_dir = tmp_path / "profile"
    result = profile.create_profile(profile_dir, PASSPHRASE, POLICY, initialise=init_notes)
    return profile_dir, result.recovery_code


def test_create_then_unlock_with_passphrase(created: tuple[Path, str]) -> None:
    profile_dir, _code_text = created
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    try:
        assert read_notes(unlocked) == list(NOTES)
        assert unlocked.slot_kind_used == "passphrase" and len(unlocked.key_id) == 32
    finally:
        profile.lock(unlocked)
    names = {p.name for p in profile_dir.iterdir()}
    assert names <= {"sst.db", "sst.db-wal", "sst.db-shm", "key.sst", "unlock-state.json"}


@pytest.mark.parametrize("spelling", [str.lower, lambda c: c.replace("-", " "), str.upper])
def test_unlock_with_recovery_code_in_any_spelling(created: tuple[Path, str], spelling) -> None:  # type: ignore[no-untyped-def]
    profile_dir, code = created
    unlocked = profile.unlock_profile(profile_dir, f"  {spelling(code)} ", POLICY)
    assert unlocked.slot_kind_used == "recovery"
    assert read_notes(unlocked) == list(NOTES)
    profile.lock(unlocked)


def test_wrong_passphrase(created: tuple[Path, str]) -> None:
    with pytest.raises(SstError) as err:
        profile.unlock_profile(created[0], "fel lösenord här", POLICY)
    assert _code(err) == "profile.wrong_secret"
    assert err.value.message == "The passphrase or recovery code is wrong."


def test_create_refuses_existing_profile_and_weak_passphrase(created: tuple[Path, str]) -> None:
    with pytest.raises(SstError) as exists:
        profile.create_profile(created[0], NEW_PASSPHRASE, POLICY)
    assert _code(exists) == "profile.exists"
    with pytest.raises(SstError) as weak:
        profile.create_profile(created[0].with_name("other"), "password12", POLICY)
    assert _code(weak) == "profile.weak_passphrase" and weak.value.params["score"] < 3
    assert not created[0].with_name("other").exists()


def test_missing_database_and_missing_profile(created: tuple[Path, str], tmp_path: Path) -> None:
    (created[0] / "sst.db").rename(tmp_path / "aside.db")
    with pytest.raises(SstError) as err:
        profile.unlock_profile(created[0], PASSPHRASE, POLICY)
    assert _code(err) == "store.db_missing" and "sst.db" in err.value.message
    assert not (created[0] / "sst.db").exists()
    with pytest.raises(SstError) as none:
        profile.unlock_profile(tmp_path / "nothing", PASSPHRASE, POLICY)
    assert _code(none) == "profile.not_found"


def test_throttle_grows_and_resets(created: tuple[Path, str]) -> None:
    profile_dir, clock = created[0], FixedClock()

    def attempt(secret: str) -> str:
        try:
            profile.lock(profile.unlock_profile(profile_dir, secret, POLICY, clock=clock))
        except SstError as exc:
            return exc.code if exc.code != "profile.throttled" else f"wait {exc.params['seconds']}"
        return "ok"

    assert [attempt("fel fel fel fel") for _ in range(3)] == ["profile.wrong_secret"] * 3
    assert attempt(PASSPHRASE) == "wait 2"  # not even the right one is tried
    clock.advance(timedelta(seconds=1))
    assert attempt("fel fel fel fel") == "wait 1"
    clock.advance(timedelta(seconds=1))
    assert attempt("fel fel fel fel") == "profile.wrong_secret"
    assert attempt("fel fel fel fel") == "wait 4"
    clock.advance(timedelta(seconds=4))
    assert attempt(PASSPHRASE) == "ok"
    state = json.loads((profile_dir / "unlock-state.json").read_text())
    assert state["failures"] == 0
    assert attempt("fel fel fel fel") == "profile.wrong_secret"


def test_throttle_is_capped(created: tuple[Path, str]) -> None:
    clock = FixedClock()
    state = {"version": 1, "failures": 40, "last_failure_at": clock.now().isoformat()}
    (created[0] / "unlock-state.json").write_text(json.dumps(state))
    with pytest.raises(SstError) as err:
        profile.unlock_profile(created[0], PASSPHRASE, POLICY, clock=clock)
    assert err.value.params == {"seconds": 300}


def test_change_passphrase(created: tuple[Path, str]) -> None:
    profile_dir, code = created
    profile.change_passphrase(profile_dir, PASSPHRASE, NEW_PASSPHRASE, POLICY)
    with pytest.raises(SstError):
        profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    for secret in (NEW_PASSPHRASE, code):
        unlocked = profile.unlock_profile(profile_dir, secret, POLICY)
        assert read_notes(unlocked) == list(NOTES)
        profile.lock(unlocked)
    assert sorted(p.name for p in profile_dir.glob("key.sst*")) == ["key.sst"]


def test_forgotten_passphrase_flow_uses_recovery_code(created: tuple[Path, str]) -> None:
    profile_dir, code = created
    profile.change_passphrase(profile_dir, code, NEW_PASSPHRASE, POLICY)
    profile.lock(profile.unlock_profile(profile_dir, NEW_PASSPHRASE, POLICY))
    profile.lock(profile.unlock_profile(profile_dir, code, POLICY))


def _org() -> tuple[X25519PrivateKey, bytes]:
    key = X25519PrivateKey.generate()
    return key, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _escrowed_key(profile_dir: Path, org: X25519PrivateKey) -> bytearray:
    body = kf.read_keyfile(profile_dir / kf.CURRENT)
    assert body is not None
    return unwrap_escrow(body.slots_of("escrow")[0], org)


def test_rekey_keeps_data_changes_key_and_issues_new_code(tmp_path: Path) -> None:
    org, public = _org()
    profile_dir = tmp_path / "p"
    code = profile.create_profile(
        profile_dir, PASSPHRASE, POLICY, escrow_public_key=public, initialise=init_notes
    ).recovery_code
    old_key = _escrowed_key(profile_dir, org)
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    add_note(unlocked, "after-create")
    old_id = unlocked.key_id
    profile.lock(unlocked)

    rotated = profile.rotate_key(profile_dir, PASSPHRASE, POLICY)

    assert rotated.key_id != old_id
    assert not key_opens(profile_dir / "sst.db", old_key)
    assert key_opens(profile_dir / "sst.db", _escrowed_key(profile_dir, org))
    with pytest.raises(SstError) as old_code:
        profile.unlock_profile(profile_dir, code, POLICY)
    assert _code(old_code) == "profile.wrong_secret"
    unlocked = profile.unlock_profile(profile_dir, rotated.recovery_code, POLICY)
    assert unlocked.key_id == rotated.key_id
    assert read_notes(unlocked) == [*NOTES, "after-create"]
    assert unlocked.pending_recovery_code == rotated.recovery_code  # until confirmed
    profile.lock(unlocked)
    profile.confirm_recovery_code_shown(profile_dir)
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    assert unlocked.pending_recovery_code is None
    profile.lock(unlocked)


def test_rekey_with_recovery_code_needs_a_new_passphrase(created: tuple[Path, str]) -> None:
    profile_dir, code = created
    with pytest.raises(SstError) as err:
        profile.rotate_key(profile_dir, code, POLICY)
    assert _code(err) == "profile.new_passphrase_required"
    rotated = profile.rotate_key(profile_dir, code, POLICY, new_passphrase=NEW_PASSPHRASE)
    unlocked = profile.unlock_profile(profile_dir, NEW_PASSPHRASE, POLICY)
    assert unlocked.key_id == rotated.key_id
    profile.lock(unlocked)


def test_add_escrow_slot_later(created: tuple[Path, str]) -> None:
    org, public = _org()
    profile.add_escrow_slot(created[0], PASSPHRASE, public)
    assert key_opens(created[0] / "sst.db", _escrowed_key(created[0], org))


def test_weak_slot_is_rewrapped_on_unlock(created: tuple[Path, str]) -> None:
    stronger = KdfPolicy(memory_kib=256, parallelism=1, target_seconds=0.0, floor=KdfFloor(8, 2, 1))
    profile.lock(profile.unlock_profile(created[0], PASSPHRASE, stronger))
    body = kf.read_keyfile(created[0] / kf.CURRENT)
    assert body is not None
    kdf = body.slots_of("passphrase")[0].header["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"]) == (256, 2)
    profile.lock(profile.unlock_profile(created[0], PASSPHRASE, stronger))
    profile.lock(profile.unlock_profile(created[0], created[1], stronger))


def test_real_schema_through_initialise_and_upgrade(tmp_path: Path) -> None:
    from sst_desktop.store import schema

    calls: list[Path] = []

    def upgrade(engine: object, profile_dir: Path) -> None:
        assert schema.upgrade_to_head(engine) is False  # type: ignore[arg-type]
        calls.append(profile_dir)

    profile_dir = tmp_path / "p"
    profile.create_profile(profile_dir, PASSPHRASE, POLICY, initialise=schema.upgrade_to_head)
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY, upgrade=upgrade)
    assert calls == [profile_dir]
    assert schema.current_revision(unlocked.engine) == schema.head_revision()
    profile.lock(unlocked)


def test_no_secret_in_any_file(created: tuple[Path, str]) -> None:
    profile_dir, code = created
    profile.lock(profile.unlock_profile(profile_dir, PASSPHRASE, POLICY))
    blobs = b"".join(p.read_bytes() for p in profile_dir.iterdir())
    for secret in (PASSPHRASE, code, code.replace("-", ""), *NOTES):
        assert secret.encode() not in blobs


def test_profile_and_backup_files_are_private(created: tuple[Path, str], tmp_path: Path) -> None:
    """Owner-only modes: another account on the laptop cannot even copy the ciphertext."""
    profile_dir, _code = created
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    try:
        add_note(unlocked, "kept private")  # the open database has -wal and -shm now
        from sst_desktop.store.profile_backup import backup_engine

        backup_engine(unlocked.engine, profile_dir, tmp_path / "backup")
        open_files = sorted(p.name for p in profile_dir.iterdir())
        modes = {
            p: p.stat().st_mode & 0o777
            for d in (profile_dir, tmp_path / "backup")
            for p in d.iterdir()
        }
    finally:
        profile.lock(unlocked)
    assert "sst.db-wal" in open_files
    assert (profile_dir.stat().st_mode & 0o777) == 0o700
    assert modes
    assert all(mode == 0o600 for mode in modes.values()), modes
