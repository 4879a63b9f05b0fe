"""Find damage in a ``-wal`` file that SQLite would silently read as "end of log".

SQLite stops reading the WAL at the first frame whose salt or checksum fails and treats the rest
as never written (right for a torn write at power loss, wrong for a flipped byte: committed
transactions vanish without an error, and SQLCipher's ``cipher_integrity_check`` does not read
the WAL). The frame headers are not encrypted, so we check them ourselves, before SQLite opens the
file (its checkpoint on close would discard the evidence):

* a header that fails its checksum while frames follow is damage;
* a frame of the current generation (salts match) that is a commit frame and chains correctly
  from its predecessor (from the stored checksum field, or from the checksum that field should
  hold), found after the first broken frame, is a committed transaction SQLite would drop.

Stale frames of a rolled-back transaction never contain a commit frame, and frames of older
generations have other salts, so neither is reported. Residual blind spot: damage to the very
last frame looks exactly like a torn write of the final transaction at power loss; SQLite then
discards that one transaction.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)
_VERSION = 3007000
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


def _checksum(data: bytes, big_endian: bool, s1: int, s2: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & _MASK
        s2 = (s2 + words[i + 1] + s1) & _MASK
    return s1, s2


def wal_faults(wal_path: Path) -> list[str]:
    """Human-readable faults (no content), empty if the WAL is absent or sound."""
    try:
        data = wal_path.read_bytes()
    except FileNotFoundError:
        return []
    if len(data) <= _HEADER:
        return []  # no frame was ever completely written: nothing committed can be lost
    magic, version, page_size, _seq, salt1, salt2, ck1, ck2 = struct.unpack(">8I", data[:_HEADER])
    big_endian = bool(magic & 1)
    valid_header = (
        magic in _MAGIC
        and version == _VERSION
        and page_size >= 512
        and page_size & (page_size - 1) == 0
        and _checksum(data[:24], big_endian, 0, 0) == (ck1, ck2)
    )
    if not valid_header:
        return [f"{wal_path.name}: header damaged"]
    return _frame_faults(data, page_size, (salt1, salt2), (ck1, ck2), big_endian, wal_path.name)


def _frame_faults(
    data: bytes,
    page_size: int,
    salts: tuple[int, int],
    start: tuple[int, int],
    big_endian: bool,
    name: str,
) -> list[str]:
    size = _FRAME_HEADER + page_size
    # ``stored``: the predecessor's checksum field; ``computed``: what that field should have
    # been. A frame after damage may chain from either (the damage may be the field itself).
    stored = computed = start
    broken_at = None
    for index in range((len(data) - _HEADER) // size):
        offset = _HEADER + index * size
        pgno, commit, f_salt1, f_salt2, f_ck1, f_ck2 = struct.unpack(
            ">6I", data[offset : offset + _FRAME_HEADER]
        )
        frame = data[offset : offset + 8] + data[offset + _FRAME_HEADER : offset + size]
        from_stored = _checksum(frame, big_endian, *stored)
        candidates = {from_stored}
        if computed != stored:
            candidates.add(_checksum(frame, big_endian, *computed))
        good = pgno != 0 and (f_salt1, f_salt2) == salts and (f_ck1, f_ck2) in candidates
        if broken_at is None and not good:
            broken_at = index
        elif broken_at is not None and good and commit != 0:
            return [f"{name}: frame {broken_at + 1} damaged before committed frame {index + 1}"]
        stored, computed = (f_ck1, f_ck2), from_stored
    return []
