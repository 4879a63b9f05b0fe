"""Organisation escrow: the database key wrapped to the organisation's X25519 public key.

Ephemeral X25519 agreement, HKDF-SHA256 (salt = ephemeral || recipient public keys) and
AES-256-GCM with the slot header as associated data. The device only ever holds the public key;
``unwrap_escrow`` is for the organisation's offline tool, which holds the private key.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sst_desktop.security.keyslots import ESCROW, Slot, b64, open_slot, seal, unb64, zero

_INFO = b"sst-desktop escrow slot v1"
_RAW = serialization.Encoding.Raw


def _public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, serialization.PublicFormat.Raw)


def _slot_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_INFO)
    return bytearray(hkdf.derive(shared))


def escrow_slot(db_key: bytearray, key_id: str, recipient_public_key: bytes) -> Slot:
    """Wrap ``db_key`` to the organisation's raw 32-byte X25519 public key."""
    recipient = X25519PublicKey.from_public_bytes(recipient_public_key)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _public_bytes(ephemeral.public_key())
    slot_key = _slot_key(ephemeral.exchange(recipient), ephemeral_public, recipient_public_key)
    header = {
        "kind": ESCROW,
        "key_id": key_id,
        "recipient": b64(recipient_public_key),
        "ephemeral": b64(ephemeral_public),
    }
    try:
        return seal(db_key, slot_key, header)
    finally:
        zero(slot_key)


def escrow_recipient(slot: Slot) -> bytes:
    return unb64(slot.header["recipient"], 32)


def unwrap_escrow(slot: Slot, private_key: X25519PrivateKey) -> bytearray:
    """The organisation's side: the raw database key, or ``profile.wrong_secret``."""
    ephemeral = unb64(slot.header["ephemeral"], 32)
    recipient = _public_bytes(private_key.public_key())
    shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    slot_key = _slot_key(shared, ephemeral, recipient)
    try:
        return open_slot(slot, slot_key)
    finally:
        zero(slot_key)
