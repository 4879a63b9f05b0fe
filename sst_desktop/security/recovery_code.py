"""The recovery code: 200 bits from the OS random source, shown once, typed back by a human.

Printed as 8 groups of 5 Crockford base32 characters (no I, L, O, U: nothing to misread).
Parsing forgives case, spaces and dashes, and reads I/L as 1 and O as 0, as Crockford intends.
"""

from __future__ import annotations

import secrets

CODE_BYTES = 25  # 200 bits = 40 base32 characters exactly
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {char: value for value, char in enumerate(_ALPHABET)} | {"I": 1, "L": 1, "O": 0}
_GROUP = 5
_LENGTH = CODE_BYTES * 8 // 5


def new_recovery_code() -> bytes:
    return secrets.token_bytes(CODE_BYTES)


def format_recovery_code(code: bytes) -> str:
    if len(code) != CODE_BYTES:
        raise ValueError("a recovery code is 25 bytes")
    number = int.from_bytes(code, "big")
    chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_LENGTH))]
    text = "".join(chars)
    return "-".join(text[i : i + _GROUP] for i in range(0, _LENGTH, _GROUP))


def parse_recovery_code(text: str) -> bytes | None:
    """The 25 code bytes, or None if ``text`` cannot be a recovery code (it is a passphrase)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    if len(cleaned) != _LENGTH or any(ch not in _DECODE for ch in cleaned):
        return None
    number = 0
    for ch in cleaned:
        number = (number << 5) | _DECODE[ch]
    return number.to_bytes(CODE_BYTES, "big")
