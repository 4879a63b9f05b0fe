from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from sst_desktop.errors import SstError
from sst_desktop.security import keyfile as kf
from sst_desktop.security.fileops import FileOps
from sst_desktop.security.kdf import KdfParams
from sst_desktop.security.keyslots import passphrase_slot, recovery_slot

KEY_ID = "0123456789abcdef" * 2


def _keyfile() -> kf.KeyFile:
    db_key = bytearray(secrets.token_bytes(32))
    params = KdfParams(64, 1, 1, secrets.token_bytes(16))
    slots = (
        passphrase_slot(db_key, KEY_ID, "pass", params),
        recovery_slot(db_key, KEY_ID, secrets.token_bytes(25)),
    )
    return kf.KeyFile(KEY_ID, "2026-03-02T09:00:00+00:00", "2026-03-02T09:00:00+00:00", slots)


def _damaged(data: bytes) -> bool:
    try:
        kf.decode(data, kf.CURRENT)
    except SstError as exc:
        assert exc.code == "profile.keyfile_damaged"
        assert "key.sst" in exc.message
        return True
    return False


def test_round_trip() -> None:
    keyfile = _keyfile()
    assert kf.decode(kf.encode(keyfile), kf.CURRENT) == keyfile


@pytest.mark.parametrize("mask", [0x01, 0x20, 0x80, 0xFF])
def test_every_single_byte_flip_is_damage(mask: int) -> None:
    data = kf.encode(_keyfile())
    missed = [i for i in range(len(data)) if not _damaged(_flip(data, i, mask))]
    assert missed == []


def test_every_truncation_is_damage() -> None:
    data = kf.encode(_keyfile())
    assert [n for n in range(len(data)) if not _damaged(data[:n])] == []


def test_unknown_version_and_foreign_json_are_damage() -> None:
    document = json.loads(kf.encode(_keyfile()))
    document.pop("checksum")
    document["version"] = 2
    assert _damaged(json.dumps(document).encode())
    assert _damaged(b'{"hello": "world"}\n')


def test_commit_keeps_previous_generation_until_discarded(tmp_path: Path) -> None:
    first, second = _keyfile(), _keyfile()
    kf.commit_generation(tmp_path, first, FileOps())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key.sst"]
    kf.commit_generation(tmp_path, second, FileOps())
    assert [g.name for g in kf.read_generations(tmp_path)] == ["key.sst", "key.sst.prev"]
    assert kf.read_keyfile(tmp_path / kf.PREV) == first
    kf.discard_leftovers(tmp_path, FileOps())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key.sst"]


def test_damaged_current_fails_closed_damaged_tmp_is_ignored(tmp_path: Path) -> None:
    kf.commit_generation(tmp_path, _keyfile(), FileOps())
    (tmp_path / kf.TMP).write_bytes(b'{"half')
    assert [g.name for g in kf.read_generations(tmp_path)] == ["key.sst"]
    original = (tmp_path / kf.CURRENT).read_bytes()
    (tmp_path / kf.CURRENT).write_bytes(_flip(original, 40, 1))
    with pytest.raises(SstError) as err:
        kf.read_generations(tmp_path)
    assert err.value.code == "profile.keyfile_damaged"


def _flip(data: bytes, index: int, mask: int) -> bytes:
    out = bytearray(data)
    out[index] ^= mask
    return bytes(out)
