"""The rolling fingerprint of a set of records, computed the same way on the device and on the
server: the sum, modulo 2**64, of a 64-bit hash of each record's id and version. A sum does not
depend on order, so neither side sorts, and one record more, less or at another version changes
it (two changes cancelling out by chance: about one in 2**64)."""

from __future__ import annotations

from collections.abc import Iterable
from hashlib import blake2b

MASK = (1 << 64) - 1


def fingerprint(pairs: Iterable[tuple[str, int]]) -> tuple[int, str]:
    """(count, 16 hex digits) of (id, version) pairs."""
    total = count = 0
    for entity_id, version in pairs:
        digest = blake2b(f"{entity_id}:{version}".encode(), digest_size=8).digest()
        total = (total + int.from_bytes(digest, "big")) & MASK
        count += 1
    return count, f"{total:016x}"
