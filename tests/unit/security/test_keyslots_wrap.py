from __future__ import annotations

import secrets
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from sst_desktop.errors import SstError
from sst_desktop.security.escrow import escrow_slot, unwrap_escrow
from sst_desktop.security.kdf import KdfParams
from sst_desktop.security.keyslots import (
    Slot,
    open_slot,
    passphrase_slot,
    recovery_slot,
    slot_key_for,
)
from sst_desktop.security.recovery_code import format_recovery_code

KEY_ID = "ab" * 16
PARAMS = KdfParams(memory_kib=64, iterations=1, parallelism=1, salt=bytes(16))


def _unwrap(slot: Slot, secret: str) -> bytearray:
    slot_key = slot_key_for(slot, secret)
    assert slot_key is not None
    return open_slot(slot, slot_key)


def test_passphrase_slot_round_trip_with_nfc_normalisation() -> None:
    db_key = bytearray(secrets.token_bytes(32))
    slot = passphrase_slot(db_key, KEY_ID, "h\u00e4st", PARAMS)  # composed ä
    assert _unwrap(slot, "ha\u0308st") == db_key  # decomposed a + diaeresis
    assert Slot.from_dict(slot.to_dict()) == slot


def test_wrong_passphrase_and_tampered_header_are_wrong_secret() -> None:
    db_key = bytearray(secrets.token_bytes(32))
    slot = passphrase_slot(db_key, KEY_ID, "right", PARAMS)
    with pytest.raises(SstError) as wrong:
        _unwrap(slot, "wrong")
    assert wrong.value.code == "profile.wrong_secret"
    tampered = replace(slot, header={**slot.header, "key_id": "cd" * 16})
    with pytest.raises(SstError):
        _unwrap(tampered, "right")


def test_recovery_slot_accepts_only_its_code() -> None:
    db_key, code = bytearray(secrets.token_bytes(32)), secrets.token_bytes(25)
    slot = recovery_slot(db_key, KEY_ID, code)
    assert _unwrap(slot, format_recovery_code(code).lower()) == db_key
    assert slot_key_for(slot, "not a code") is None
    with pytest.raises(SstError):
        _unwrap(slot, format_recovery_code(secrets.token_bytes(25)))


def test_escrow_round_trip_and_wrong_organisation_key() -> None:
    org = X25519PrivateKey.generate()
    public = org.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    db_key = bytearray(secrets.token_bytes(32))
    slot = Slot.from_dict(escrow_slot(db_key, KEY_ID, public).to_dict())
    assert unwrap_escrow(slot, org) == db_key
    with pytest.raises(SstError):
        unwrap_escrow(slot, X25519PrivateKey.generate())
