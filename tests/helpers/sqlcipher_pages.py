"""Decrypt every page of a SQLCipher 4 database and its WAL with the raw key, independently of
SQLCipher, to search the plaintext of *every* page, free pages included. Used to prove that a
purge leaves no bytes behind (secure_delete + checkpoint + VACUUM), which a SQL query cannot.

SQLCipher 4 defaults: 4096-byte pages, 80 reserved bytes at the end of each page (16-byte IV,
64-byte HMAC-SHA512), AES-256-CBC; page 1 starts with the 16-byte salt; a raw key is the AES key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE, RESERVE, SALT = 4096, 80, 16
WAL_HEADER, FRAME_HEADER = 32, 24


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()


def plaintext_pages(db_path: Path, key: bytes) -> Iterator[bytes]:
    data = db_path.read_bytes()
    for index in range(len(data) // PAGE):
        yield _decrypt(data[index * PAGE : (index + 1) * PAGE], key, first=index == 0)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        frames = wal.read_bytes()[WAL_HEADER:]
        step = FRAME_HEADER + PAGE
        for offset in range(0, len(frames) - step + 1, step):
            page_no = int.from_bytes(frames[offset : offset + 4], "big")
            page = frames[offset + FRAME_HEADER : offset + step]
            yield _decrypt(page, key, first=page_no == 1)


def plaintext_contains(db_path: Path, key: bytes, needle: bytes) -> bool:
    return any(needle in page for page in plaintext_pages(db_path, key))
