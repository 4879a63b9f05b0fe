"""R2: a key-slot change interrupted at every file step opens with the old or the new secret."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sst_profile_testkit import (
    NEW_PASSPHRASE,
    NOTES,
    PASSPHRASE,
    POLICY,
    CrashingFileOps,
    SimulatedCrash,
    copy_profile,
    init_notes,
    read_notes,
)

from sst_desktop.errors import SstError
from sst_desktop.security import keyfile as kf
from sst_desktop.security.escrow import unwrap_escrow
from sst_desktop.security.fileops import FileOps
from sst_desktop.store import profile
from sst_desktop.store.engine import connect_cipher

Operation = Callable[[Path, FileOps], object]


@pytest.fixture
def template(tmp_path: Path) -> tuple[Path, str]:
    profile_dir = tmp_path / "template"
    code = profile.create_profile(profile_dir, PASSPHRASE, POLICY, initialise=init_notes)
    return profile_dir, code.recovery_code


def _crash_images(template: Path, work: Path, operation: Operation) -> list[Path]:
    """Run ``operation`` on a fresh copy once per file step, imaging the directory at the crash."""
    images, step = [], 0
    while True:
        target = copy_profile(template, work / f"run-{step}")
        ops = CrashingFileOps(target, work / f"image-{step}", crash_at=step)
        try:
            operation(target, ops)
        except SimulatedCrash:
            images.append(work / f"image-{step}")
            step += 1
            continue
        assert step == ops.count  # the run without a crash did exactly the counted steps
        return images


def _try(image: Path, secret: str, tag: str) -> profile.UnlockedProfile | None:
    """Open a private copy of the image (each secret must face the crash state untouched)."""
    copy = copy_profile(image, image.with_name(f"{image.name}-{tag}"))
    try:
        return profile.unlock_profile(copy, secret, POLICY)
    except SstError as exc:
        assert exc.code == "profile.wrong_secret", exc.code
        return None


def _check_opened(unlocked: profile.UnlockedProfile) -> None:
    assert read_notes(unlocked) == list(NOTES)
    profile.lock(unlocked)
    assert sorted(p.name for p in unlocked.profile_dir.glob("key.sst*")) == ["key.sst"]


def test_passphrase_change_crash_at_every_step(template: tuple[Path, str], tmp_path: Path) -> None:
    def change(target: Path, ops: FileOps) -> None:
        profile.change_passphrase(target, PASSPHRASE, NEW_PASSPHRASE, POLICY, fileops=ops)

    images = _crash_images(template[0], tmp_path, change)
    assert len(images) >= 10
    for index, image in enumerate(images):
        opened = [
            u
            for tag, s in (("old", PASSPHRASE), ("new", NEW_PASSPHRASE))
            if (u := _try(image, s, tag))
        ]
        assert opened, f"step {index}: opens with neither passphrase"
        for unlocked in opened:
            _check_opened(unlocked)
        by_code = _try(image, template[1], "code")
        assert by_code is not None, f"step {index}: recovery code lost"
        _check_opened(by_code)


def test_rekey_crash_at_every_step(template: tuple[Path, str], tmp_path: Path) -> None:
    old_id = profile.unlock_profile(template[0], PASSPHRASE, POLICY)
    old_key_id = old_id.key_id
    profile.lock(old_id)

    def rotate(target: Path, ops: FileOps) -> None:
        profile.rotate_key(target, PASSPHRASE, POLICY, fileops=ops)

    images = _crash_images(template[0], tmp_path, rotate)
    assert len(images) >= 10
    for index, image in enumerate(images):
        unlocked = _try(image, PASSPHRASE, "pass")
        assert unlocked is not None, f"step {index}: opens with neither key"
        if unlocked.key_id == old_key_id:
            assert unlocked.pending_recovery_code is None
            code = template[1]
        else:  # the rotation committed: its new code was never returned, so unlock hands it over
            assert unlocked.pending_recovery_code is not None, f"step {index}: new code lost"
            code = unlocked.pending_recovery_code
        profile_dir = unlocked.profile_dir
        _check_opened(unlocked)
        _check_opened(profile.unlock_profile(profile_dir, code, POLICY))


def test_rekey_committed_in_wal_but_not_checkpointed_or_promoted(tmp_path: Path) -> None:
    """The state between PRAGMA rekey's commit and the key file promotion, with the re-encrypted
    pages still only in the WAL (a kill -9 before the checkpoint)."""
    org = X25519PrivateKey.generate()
    public = org.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    source = tmp_path / "p"
    profile.create_profile(
        source, PASSPHRASE, POLICY, escrow_public_key=public, initialise=init_notes
    )
    rotated = copy_profile(source, tmp_path / "rotated")
    profile.rotate_key(rotated, PASSPHRASE, POLICY)
    old_body, new_body = (kf.read_keyfile(d / kf.CURRENT) for d in (source, rotated))
    assert old_body is not None and new_body is not None
    old_key = unwrap_escrow(old_body.slots_of("escrow")[0], org)
    new_key = unwrap_escrow(new_body.slots_of("escrow")[0], org)

    image = tmp_path / "image"
    with closing(connect_cipher(source / "sst.db", old_key)) as conn:
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
        shutil.copytree(source, image)  # the files as a kill -9 would leave them
    assert (image / "sst.db-wal").stat().st_size > 0
    (image / kf.TMP).write_bytes(kf.encode(new_body))  # written before the rekey began

    unlocked = profile.unlock_profile(image, PASSPHRASE, POLICY)
    assert unlocked.key_id == new_body.key_id
    _check_opened(unlocked)
