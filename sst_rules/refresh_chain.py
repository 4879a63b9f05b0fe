"""The refresh token a device rotates to: chosen by the device, bound to the one it replaces.

The device stores the token it will rotate to before it asks, so an answer lost to a cut or a
killed app is asked for again with the same pair, and the server, which already made the
rotation, recognises it instead of taking the old token for a stolen copy (which revokes the
device). The binding, ``<nonce>.<HMAC-SHA256(key=old token, nonce)>``, is what the server
checks then: asking again needs the old token and the new one, so holding the current token
alone does not let anyone skip a rotation. Pure functions, shared by the app and the server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets


def _mac(previous: str, nonce: str) -> str:
    digest = hmac.new(previous.encode(), nonce.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def next_token(current: str) -> str:
    """A fresh refresh token (192 random bits) bound to ``current``."""
    nonce = secrets.token_urlsafe(24)
    return f"{nonce}.{_mac(current, nonce)}"


def follows(chosen: str, previous: str) -> bool:
    """Whether ``chosen`` was made by ``next_token(previous)``."""
    nonce, _, mac = chosen.partition(".")
    if not nonce or not mac:
        return False
    return hmac.compare_digest(mac.encode(), _mac(previous, nonce).encode())
