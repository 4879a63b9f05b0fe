"""Device credentials: short-lived signed access tokens, rotating refresh tokens, enrollment
codes. Only hashes of refresh tokens and codes are stored."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class AccessClaims:
    device_id: str
    staff_id: str
    expires: int


def digest(secret_value: str) -> str:
    return hashlib.sha256(secret_value.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def new_enrollment_code() -> str:
    """Twelve characters a person can read out over the phone: no 0/O or 1/I/l."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(code: str) -> str:
    return code.strip().upper().replace(" ", "")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue_access(key: bytes, device_id: str, staff_id: str, seconds: int) -> str:
    body = _b64(
        json.dumps({"d": device_id, "s": staff_id, "e": int(time.time()) + seconds}).encode()
    )
    signature = _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())
    return f"{body}.{signature}"


def read_access(key: bytes, token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired token; None for anything else (forged, expired, junk)."""
    body, _, signature = token.partition(".")
    if not body or not signature:
        return None
    expected = _b64(hmac.new(key, body.encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(expected, signature):
        return None
    try:
        claims = json.loads(_unb64(body))
        parsed = AccessClaims(str(claims["d"]), str(claims["s"]), int(claims["e"]))
    except (ValueError, KeyError, TypeError):
        return None
    return parsed if parsed.expires > time.time() else None
