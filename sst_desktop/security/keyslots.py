"""Key slots: the 32-byte database key wrapped (AES-256-GCM) under a key derived from a secret.

The associated data is the canonical JSON of the slot header (everything but the ciphertext,
including ``key_id``), so no header field (KDF parameters, kind, key id) can be altered without
the tag failing. Slot keys:

* passphrase: Argon2id over the NFC-normalised UTF-8 passphrase, parameters in the header;
* recovery: HKDF-SHA256 over the 200-bit code with a per-slot salt. The code has 200 bits of OS
  entropy, so a memory-hard KDF adds no protection and would cost another second at unlock;
* escrow: see ``escrow.py``.

A failing tag means the secret does not open this slot: ``profile.wrong_secret``.
"""

from __future__ import annotations

import base64
import json
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sst_desktop.errors import SstError, error_code
from sst_desktop.security.kdf import SALT_BYTES, KdfParams, derive_key
from sst_desktop.security.recovery_code import parse_recovery_code

WRONG_SECRET = error_code("profile.wrong_secret", "The passphrase or recovery code is wrong.")

PASSPHRASE, RECOVERY, ESCROW = "passphrase", "recovery", "escrow"
NONCE_BYTES = 12
_WRAPPED_BYTES = 32 + 16  # key + GCM tag
_RECOVERY_INFO = b"sst-desktop recovery slot v1"
_PENDING_AAD = b"sst-desktop pending recovery code v1|"


def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: Any, length: int) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    data = base64.b64decode(text, validate=True)
    if len(data) != length:
        raise ValueError("unexpected length")
    return data


@dataclass(frozen=True)
class Slot:
    header: Mapping[str, Any]
    ciphertext: bytes

    @property
    def kind(self) -> str:
        return str(self.header["kind"])

    @property
    def kdf(self) -> KdfParams:
        """The Argon2id parameters of a passphrase slot."""
        if self.kind != PASSPHRASE:
            raise ValueError("only passphrase slots have Argon2id parameters")
        return KdfParams.from_dict(self.header["kdf"])

    def to_dict(self) -> dict[str, Any]:
        return {**self.header, "ciphertext": b64(self.ciphertext)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Slot:
        header = {k: v for k, v in data.items() if k != "ciphertext"}
        _check_header(header)
        return cls(header=header, ciphertext=unb64(data["ciphertext"], _WRAPPED_BYTES))


def _check_header(header: Mapping[str, Any]) -> None:
    """Reject any slot whose fields we did not write (raises ValueError/TypeError/KeyError)."""
    kind = header["kind"]
    fields = {"kind", "key_id", "nonce"} | {
        PASSPHRASE: {"kdf"},
        RECOVERY: {"kdf"},
        ESCROW: {"recipient", "ephemeral"},
    }[kind]
    if set(header) != fields or not isinstance(header["key_id"], str):
        raise ValueError("unexpected slot fields")
    unb64(header["nonce"], NONCE_BYTES)
    if kind == PASSPHRASE:
        KdfParams.from_dict(header["kdf"])
    elif kind == RECOVERY:
        if set(header["kdf"]) != {"algorithm", "salt"} or header["kdf"]["algorithm"] != "hkdf":
            raise ValueError("unexpected recovery KDF")
        unb64(header["kdf"]["salt"], SALT_BYTES)
    else:
        unb64(header["recipient"], 32)
        unb64(header["ephemeral"], 32)


def seal(db_key: bytes | bytearray, slot_key: bytes | bytearray, header: dict[str, Any]) -> Slot:
    """Wrap ``db_key`` under ``slot_key``; a fresh nonce joins the header before it is bound."""
    full = {**header, "nonce": b64(secrets.token_bytes(NONCE_BYTES))}
    nonce = unb64(full["nonce"], NONCE_BYTES)
    ciphertext = AESGCM(bytes(slot_key)).encrypt(nonce, bytes(db_key), canonical_json(full))
    return Slot(header=full, ciphertext=ciphertext)


def open_slot(slot: Slot, slot_key: bytes | bytearray) -> bytearray:
    nonce = unb64(slot.header["nonce"], NONCE_BYTES)
    try:
        plain = AESGCM(bytes(slot_key)).decrypt(nonce, slot.ciphertext, canonical_json(slot.header))
    except InvalidTag:
        raise SstError(WRONG_SECRET) from None
    return bytearray(plain)


def passphrase_bytes(passphrase: str) -> bytes:
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def recovery_slot_key(salt: bytes, code: bytes) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_RECOVERY_INFO)
    return bytearray(hkdf.derive(code))


def slot_key_for(slot: Slot, secret: str) -> bytearray | None:
    """The key this secret gives for ``slot``, or None if the secret cannot fit this kind."""
    if slot.kind == PASSPHRASE:
        return derive_key(passphrase_bytes(secret), slot.kdf)
    if slot.kind == RECOVERY:
        code = parse_recovery_code(secret)
        if code is None:
            return None
        return recovery_slot_key(unb64(slot.header["kdf"]["salt"], SALT_BYTES), code)
    return None


def passphrase_slot(db_key: bytearray, key_id: str, passphrase: str, params: KdfParams) -> Slot:
    slot_key = derive_key(passphrase_bytes(passphrase), params)
    try:
        return seal(
            db_key, slot_key, {"kind": PASSPHRASE, "key_id": key_id, "kdf": params.to_dict()}
        )
    finally:
        zero(slot_key)


def recovery_slot(db_key: bytearray, key_id: str, code: bytes) -> Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    slot_key = recovery_slot_key(salt, code)
    header = {"kind": RECOVERY, "key_id": key_id, "kdf": {"algorithm": "hkdf", "salt": b64(salt)}}
    try:
        return seal(db_key, slot_key, header)
    finally:
        zero(slot_key)


def seal_pending_code(db_key: bytearray, key_id: str, code: bytes) -> dict[str, str]:
    """A new recovery code kept (under the database key) until the user has been shown it."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(bytes(db_key)).encrypt(nonce, code, _PENDING_AAD + key_id.encode())
    return {"nonce": b64(nonce), "ciphertext": b64(sealed)}


def open_pending_code(sealed: Mapping[str, str], db_key: bytearray, key_id: str) -> bytes:
    nonce = unb64(sealed["nonce"], NONCE_BYTES)
    data = base64.b64decode(sealed["ciphertext"], validate=True)
    return AESGCM(bytes(db_key)).decrypt(nonce, data, _PENDING_AAD + key_id.encode())


def zero(buffer: bytearray) -> None:
    """Overwrite a key buffer; Python may still hold copies (see security.md, Keys)."""
    buffer[:] = bytes(len(buffer))
