"""Public-key pinning of the central store: the app trusts the server's certificate only if the
chain verifies as usual *and* the leaf's public key is one it has pinned.

A pin is base64(SHA-256(SubjectPublicKeyInfo)), the format of RFC 7469 (HPKP), so IT can work
it out with openssl from a certificate or a key. The check runs inside the TLS handshake (a
``SSLContext`` whose socket classes check the peer at the end of ``do_handshake``): it holds
for every new connection, and a key that is not pinned stops the connection before the first
byte of a request (a token, an enrollment code, a push) goes out.
"""

from __future__ import annotations

import base64
import hashlib
import ssl
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import certifi
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


class PinMismatchError(Exception):
    """The server presented a valid certificate whose key is not pinned."""

    def __init__(self, presented: str) -> None:
        super().__init__(f"the server presented key pin {presented}, which is not pinned")
        self.presented = presented


def key_pin(certificate_der: bytes) -> str:
    """The pin of a certificate's public key."""
    spki = (
        x509.load_der_x509_certificate(certificate_der)
        .public_key()
        .public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


class PinnedContext(ssl.SSLContext):
    """Client context that checks the leaf key after the chain and host name have verified.
    No ``accepted`` pins means nothing to check yet (enrollment): the key is only recorded."""

    accepted: frozenset[str] = frozenset()
    seen: set[str]

    def check_peer(self, certificate_der: bytes | None) -> None:
        if certificate_der is None:  # cannot happen with CERT_REQUIRED; fail closed anyway
            raise PinMismatchError("(none)")
        pin = key_pin(certificate_der)
        if self.accepted and pin not in self.accepted:
            raise PinMismatchError(pin)
        self.seen.add(pin)


class _PinnedSocket(ssl.SSLSocket):
    def do_handshake(self, block: bool = False) -> None:
        super().do_handshake(block)
        try:
            cast(PinnedContext, self.context).check_peer(self.getpeercert(binary_form=True))
        except PinMismatchError:
            self.close()  # ssl closes only on OSError/ValueError; nobody else holds the socket
            raise


class _PinnedObject(ssl.SSLObject):  # TLS inside TLS (through an HTTPS proxy)
    def do_handshake(self) -> None:
        super().do_handshake()
        cast(PinnedContext, self.context).check_peer(self.getpeercert(binary_form=True))


PinnedContext.sslsocket_class = _PinnedSocket
PinnedContext.sslobject_class = _PinnedObject


def pinned_context(accepted: Iterable[str], ca_bundle: Path | None = None) -> PinnedContext:
    """Certificates verify against the operating system's store, certifi's (where the OS store
    is empty, as with some Python builds on macOS) and the organisation's own CA bundle."""
    context = PinnedContext(ssl.PROTOCOL_TLS_CLIENT)  # host name checked, certificate required
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_default_certs(ssl.Purpose.SERVER_AUTH)
    context.load_verify_locations(cafile=certifi.where())
    if ca_bundle is not None:
        context.load_verify_locations(cafile=str(ca_bundle))
    context.accepted = frozenset(accepted)
    context.seen = set()
    return context


def pins_after_round(stored: Iterable[str], seen: set[str], announced: Iterable[str]) -> list[str]:
    """The pins to keep after a round in which every connection passed the check: the keys
    seen (an old key no longer seen is dropped once the new one has been) plus the keys the
    server announced it will use next. Nothing seen (no TLS): the stored pins stay."""
    if not seen:
        return sorted(set(stored))
    return sorted(seen | set(announced))
