"""R4: single-byte flips in database pages, WAL and key file are detected, named, and nothing is
overwritten; truncated files likewise. Never reported as a wrong passphrase."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from sqlalchemy import text
from sst_profile_testkit import (
    PASSPHRASE,
    POLICY,
    add_note,
    copy_profile,
    init_notes,
    read_notes,
    snapshot,
)

from sst_desktop.errors import SstError
from sst_desktop.store import profile
from sst_desktop.store.engine import verify_cipher_integrity

PAGE = 4096
WAL_FRAME = 24 + PAGE
WAL_NOTES = [f"wal-note-{i}-" + "y" * 6000 for i in range(6)]  # 2-3 frames per transaction


def _outcome(profile_dir: Path) -> str:
    """The error code, or "ok" (the profile opened and every page's HMAC checked out)."""
    try:
        unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    except SstError as exc:
        return f"{exc.code}:{exc.message}"
    try:
        faults = verify_cipher_integrity(unlocked.engine)
        return "integrity" if faults else "ok"
    finally:
        profile.lock(unlocked)


def _flip(path: Path, offset: int, mask: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


def _durable(files: dict[str, bytes]) -> dict[str, bytes]:
    # -shm is SQLite's rebuildable index; unlock-state.json is the throttle (checked elsewhere)
    return {k: v for k, v in files.items() if k not in {"sst.db-shm", "unlock-state.json"}}


@pytest.fixture
def checkpointed(tmp_path: Path) -> Path:
    """A locked profile of ~25 pages; locking checkpointed and removed the WAL."""
    profile_dir = tmp_path / "p"
    profile.create_profile(profile_dir, PASSPHRASE, POLICY, initialise=init_notes)
    unlocked = profile.unlock_profile(profile_dir, PASSPHRASE, POLICY)
    with unlocked.engine.begin() as conn:
        for i in range(60):
            conn.execute(
                text("INSERT INTO notes (body) VALUES (:b)"), {"b": f"row-{i}-" + "x" * 1500}
            )
    profile.lock(unlocked)
    assert not (profile_dir / "sst.db-wal").exists()
    return profile_dir


def test_database_page_flips(checkpointed: Path) -> None:
    db = checkpointed / "sst.db"
    pages = db.stat().st_size // PAGE
    assert pages >= 20
    offsets = [
        p * PAGE + o for p in range(pages) for o in (0, 15, 16, 100, 2048, PAGE - 80, PAGE - 1)
    ]
    outcomes: dict[str, int] = {}
    for offset in offsets:
        work = copy_profile(checkpointed, checkpointed.with_name(f"flip-{offset}"))
        _flip(work / "sst.db", offset)
        before = _durable(snapshot(work))
        result = _outcome(work)
        assert not result.startswith("profile.wrong_secret"), offset
        assert (
            result.startswith("store.db_corrupt") and "sst.db" in result
        ) or result == "integrity", (offset, result)
        assert _durable(snapshot(work)) == before, f"offset {offset}: files changed"
        outcomes[result.split(":")[0]] = outcomes.get(result.split(":")[0], 0) + 1
        shutil.rmtree(work)
    assert sum(outcomes.values()) == len(offsets)


@pytest.fixture
def with_wal(checkpointed: Path, tmp_path: Path) -> Path:
    """The profile as a kill -9 leaves it: six committed transactions only in the WAL."""
    unlocked = profile.unlock_profile(checkpointed, PASSPHRASE, POLICY)
    with unlocked.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
    for note in WAL_NOTES:
        add_note(unlocked, note)
    image = tmp_path / "crash-image"
    shutil.copytree(checkpointed, image)
    profile.lock(unlocked)
    return image


def _wal_offsets(wal: Path) -> tuple[list[int], set[int]]:
    """Sampled offsets across header and every frame; and the documented blind spot: the final
    frame (damage there looks exactly like a torn final write at power loss)."""
    size = wal.stat().st_size
    frames = (size - 32) // WAL_FRAME
    offsets = list(range(32))
    for f in range(frames):
        base = 32 + f * WAL_FRAME
        offsets += [base + o for o in (0, 4, 7, 8, 12, 16, 20, 23, 24, 24 + 1000, WAL_FRAME - 1)]
    last = 32 + (frames - 1) * WAL_FRAME
    blind = set(range(last, last + WAL_FRAME))
    return offsets, blind


def test_wal_flips(with_wal: Path) -> None:
    wal = with_wal / "sst.db-wal"
    frames = (wal.stat().st_size - 32) // WAL_FRAME
    assert frames >= 6 and struct.unpack(">I", wal.read_bytes()[:4])[0] in (0x377F0682, 0x377F0683)
    offsets, blind = _wal_offsets(wal)
    for offset in offsets:
        work = copy_profile(with_wal, with_wal.with_name(f"walflip-{offset}"))
        _flip(work / "sst.db-wal", offset)
        before = _durable(snapshot(work))
        result = _outcome(work)
        assert not result.startswith("profile.wrong_secret"), offset
        if offset in blind:  # SQLite drops the final transaction, as after a torn write
            assert result == "ok", (offset, result)
            unlocked = profile.unlock_profile(work, PASSPHRASE, POLICY)
            assert read_notes(unlocked)[-len(WAL_NOTES) + 1 :] == WAL_NOTES[:-1], offset
            profile.lock(unlocked)
        else:
            assert result.startswith("store.db_corrupt") and "sst.db-wal" in result, (
                offset,
                result,
            )
            assert _durable(snapshot(work)) == before, f"offset {offset}: files changed"
        shutil.rmtree(work)


def test_clean_wal_image_opens_with_every_transaction(with_wal: Path) -> None:
    unlocked = profile.unlock_profile(with_wal, PASSPHRASE, POLICY)
    assert read_notes(unlocked)[-len(WAL_NOTES) :] == WAL_NOTES
    assert verify_cipher_integrity(unlocked.engine) == []
    profile.lock(unlocked)


def test_every_key_file_byte_flip(checkpointed: Path) -> None:
    key_file = checkpointed / "key.sst"
    original = key_file.read_bytes()
    db_before = (checkpointed / "sst.db").read_bytes()
    for offset in range(len(original)):
        _flip(key_file, offset)
        flipped = key_file.read_bytes()
        result = _outcome(checkpointed)
        assert result.startswith("profile.keyfile_damaged") and "key.sst" in result, (
            offset,
            result,
        )
        assert key_file.read_bytes() == flipped  # never overwritten, not even "repaired"
        key_file.write_bytes(original)
    assert (checkpointed / "sst.db").read_bytes() == db_before
    assert sorted(p.name for p in checkpointed.glob("key.sst*")) == ["key.sst"]
    assert _outcome(checkpointed) == "ok"


def test_truncated_key_file(checkpointed: Path) -> None:
    key_file = checkpointed / "key.sst"
    original = key_file.read_bytes()
    for length in (0, 1, len(original) // 2, len(original) - 1):
        key_file.write_bytes(original[:length])
        assert _outcome(checkpointed).startswith("profile.keyfile_damaged")
        assert key_file.read_bytes() == original[:length]


def test_truncated_database(checkpointed: Path) -> None:
    db = checkpointed / "sst.db"
    original = db.read_bytes()
    for length in (0, 100, PAGE, len(original) // 2, len(original) - PAGE, len(original) - 1):
        db.write_bytes(original[:length])
        result = _outcome(checkpointed)
        assert result.startswith("store.db_corrupt") or result == "integrity", (length, result)
        assert "sst.db" in result or result == "integrity"
        assert db.read_bytes() == original[:length], length
    db.write_bytes(original)
    assert _outcome(checkpointed) == "ok"


def test_the_quick_check_finds_truncation_and_leaves_pages_to_the_full_one(tmp_path):
    """The window unlocks with the quick check (ours and whole) and checks every page later."""
    import os

    from sst_desktop.errors import StoreError
    from sst_desktop.store.profile_open import APPLICATION_ID, verify_database

    key = bytearray(os.urandom(32))
    from sst_desktop.store import schema
    from sst_desktop.store.engine import create_cipher_engine

    db = tmp_path / "sst.db"
    engine = create_cipher_engine(db, key, must_exist=False)
    schema.upgrade_to_head(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    engine.dispose()
    verify_database(db, key, full=False)
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x01
    db.write_bytes(bytes(data))
    verify_database(db, key, full=False)  # a damaged inner page: left to the full check
    try:
        verify_database(db, key, full=True)
        raise AssertionError("the full check must find the damaged page")
    except StoreError as exc:
        assert exc.code == "store.db_corrupt"
    db.write_bytes(bytes(data[: len(data) - 4096]))
    try:
        verify_database(db, key, full=False)
        raise AssertionError("the quick check must find a truncated file")
    except StoreError as exc:
        assert exc.code == "store.db_corrupt" and exc.params["file"] == "sst.db"
