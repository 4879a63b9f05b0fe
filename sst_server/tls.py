"""The server's side of key pinning: which keys it announces for a certificate roll.

The app pins the public key of the certificate it saw at enrollment. Before IT replaces the
certificate with one on a new key, the server announces the new key's pin (``/v1/health``);
each device that syncs over a pinned connection adds it, and drops the old pin once it has
seen the new key. ``SST_SERVER_NEXT_PIN`` holds the pins (comma or space separated), or
``sst-server serve --next-certfile F`` works one out from the next certificate.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from sst_desktop.sync.protocol import KEY_PIN_PATTERN

NEXT_PIN_VAR = "SST_SERVER_NEXT_PIN"


def key_pin_of(certfile: Path) -> str:
    """base64(SHA-256(SubjectPublicKeyInfo)) of the first certificate in a PEM file (the
    same as ``openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst
    -sha256 -binary | base64``)."""
    certificate = x509.load_pem_x509_certificate(certfile.read_bytes())
    spki = certificate.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def next_pins(environ: Mapping[str, str] = os.environ) -> tuple[str, ...]:
    """The announced pins. A malformed one stops the server: IT would believe the roll
    announced while no device could accept the new key."""
    pins = tuple(re.split(r"[\s,]+", environ.get(NEXT_PIN_VAR, "").strip()))
    pins = tuple(pin for pin in pins if pin)
    for pin in pins:
        if not re.match(KEY_PIN_PATTERN, pin):
            raise ValueError(f"{NEXT_PIN_VAR}: {pin!r} is not a base64 SHA-256 key pin")
    return pins


def announce(certfiles: list[str], environ: MutableMapping[str, str]) -> None:
    """Add the pins of the next certificates to the environment the workers inherit."""
    pins = [*next_pins(environ), *(key_pin_of(Path(f)) for f in certfiles)]
    if pins:
        environ[NEXT_PIN_VAR] = ",".join(dict.fromkeys(pins))
