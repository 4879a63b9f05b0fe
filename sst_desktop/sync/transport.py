"""HTTP to the central store: JSON in and out, the access token refreshed when it runs out,
plain HTTP refused except to this machine, HTTPS checked against the pinned server key (see
``pinning``), every failure turned into a ``SyncError`` whose code the window translates."""

from __future__ import annotations

import ipaddress
import logging
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from sst_desktop.sync.pinning import PinMismatchError, PinnedContext, pinned_context
from sst_desktop.sync.protocol import PROTOCOL, HealthResponse, TokenResponse
from sst_rules.refresh_chain import next_token

log = logging.getLogger(__name__)
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class SyncError(Exception):
    """``code``: offline, server_unavailable, protocol_unsupported, device_revoked, refused,
    insecure_address, certificate_invalid, pin_mismatch, or the server's own error code.
    ``retry_after``: seconds the server asked the device to wait (429), else None."""

    def __init__(self, code: str, message: str = "", retry_after: int | None = None) -> None:
        super().__init__(message or code)
        self.code = code
        self.retry_after = retry_after


@dataclass
class Tokens:
    device_id: str
    access: str
    refresh: str
    next_refresh: str | None = None  # chosen for a refresh whose answer has not arrived


def check_address(url: str) -> str:
    """The server's base URL; plain HTTP only to loopback (a pilot or a test on this machine)."""
    parts = urlsplit(url.strip().rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("insecure_address", "the server address must be https://host[:port]")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise SyncError("insecure_address", "plain HTTP is allowed only to this machine")
    return f"{parts.scheme}://{parts.netloc}"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cache
def _loopback_context() -> ssl.SSLContext:
    """Plain HTTP to this machine never uses it, but httpx builds one per client unless given
    one: loading the CA store each round cost a tenth of a sync test's time."""
    return ssl.create_default_context()


def _certificate_refused(error: BaseException) -> bool:
    """An expired, self-signed or wrong-host certificate is not "no network": say so."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _retry_after(answer: httpx.Response) -> int | None:
    """Retry-After in seconds (the server sends seconds, never a date); capped at an hour so a
    wrong header cannot silence sync for a day."""
    if answer.status_code != 429:
        return None
    try:
        return min(max(int(answer.headers.get("Retry-After", "")), 1), 3600)
    except ValueError:
        return None


class Transport:
    """One server, one device. ``on_tokens`` is told of every rotation so the new refresh token
    is stored (encrypted) before it is needed again. Over HTTPS every connection must present
    a key in ``pins`` (none: enrollment, the key is only recorded, in ``seen_pins``);
    ``ca_bundle`` adds the organisation's own CA to the system's."""

    def __init__(
        self,
        url: str,
        tokens: Tokens | None = None,
        on_tokens: Callable[[Tokens], None] | None = None,
        client: httpx.Client | None = None,
        pins: Iterable[str] = (),
        ca_bundle: Path | None = None,
    ) -> None:
        self.url = check_address(url)
        self.tokens = tokens
        self._on_tokens = on_tokens
        self._tls: PinnedContext | None = None
        if client is None and self.url.startswith("https://"):
            self._tls = pinned_context(pins, ca_bundle)
        self._http = client or httpx.Client(
            base_url=self.url, timeout=TIMEOUT, verify=self._tls or _loopback_context()
        )

    @property
    def pinned(self) -> bool:
        """Whether connections are checked against pins (HTTPS)."""
        return self._tls is not None

    @property
    def seen_pins(self) -> set[str]:
        """The keys the server presented so far, each one accepted."""
        return set(self._tls.seen) if self._tls is not None else set()

    def announced_pins(self) -> list[str]:
        """The keys the server says it will present next (a certificate roll under way)."""
        answer = self._call("GET", "/v1/health", None, {})
        return list(HealthResponse.model_validate(self._read(answer)).next_pins)

    def close(self) -> None:
        self._http.close()

    def post(self, path: str, body: dict[str, Any], *, auth: bool = True) -> dict[str, Any]:
        answer = self._send(path, body, auth)
        if answer.status_code == 401 and auth and self.tokens is not None:
            self._refresh()
            answer = self._send(path, body, auth)
        return self._read(answer)

    def _send(self, path: str, body: dict[str, Any], auth: bool) -> httpx.Response:
        headers = {}
        if auth and self.tokens is not None:
            headers["Authorization"] = f"Bearer {self.tokens.access}"
        return self._call("POST", path, {"protocol": PROTOCOL, **body}, headers)

    def _call(
        self, method: str, path: str, body: dict[str, Any] | None, headers: dict[str, str]
    ) -> httpx.Response:
        try:
            return self._http.request(method, path, json=body, headers=headers)
        except PinMismatchError as error:
            # Raised in the handshake, so nothing of the request has gone out.
            log.error("the server's key is not the pinned one; nothing sent: %s", error)
            raise SyncError("pin_mismatch", "the server's key is not the pinned one") from None
        except httpx.TimeoutException as error:
            raise SyncError("offline", f"timed out: {type(error).__name__}") from None
        except httpx.TransportError as error:
            if _certificate_refused(error):
                log.error("the server's certificate did not verify: %s", error)
                raise SyncError("certificate_invalid", "the certificate did not verify") from None
            raise SyncError("offline", type(error).__name__) from None

    def _refresh(self) -> None:
        """The next refresh token is chosen here and stored before it is sent: an answer lost
        to a cut or a kill is asked for again with the same pair, which the server answers
        again rather than taking the old token for a stolen copy and revoking the device."""
        assert self.tokens is not None
        if self.tokens.next_refresh is None:
            self.tokens = replace(self.tokens, next_refresh=next_token(self.tokens.refresh))
            self._store_tokens()
        body = {
            "device_id": self.tokens.device_id,
            "refresh_token": self.tokens.refresh,
            "next_refresh_token": self.tokens.next_refresh,
        }
        fresh = TokenResponse.model_validate(self._read(self._send("/v1/token", body, False)))
        self.tokens = Tokens(self.tokens.device_id, fresh.access_token, fresh.refresh_token)
        self._store_tokens()

    def _store_tokens(self) -> None:
        if self._on_tokens is not None and self.tokens is not None:
            self._on_tokens(self.tokens)

    @staticmethod
    def _read(answer: httpx.Response) -> dict[str, Any]:
        try:
            data = answer.json()
        except ValueError:
            data = {}
        if answer.status_code >= 500:
            raise SyncError("server_unavailable", f"HTTP {answer.status_code}")
        if answer.status_code >= 400:
            code = data.get("code", "refused") if isinstance(data, dict) else "refused"
            log.warning("sync refused: HTTP %s %s", answer.status_code, code)
            raise SyncError(
                str(code),
                str(data.get("message", "")) if isinstance(data, dict) else "",
                _retry_after(answer),
            )
        if not isinstance(data, dict):
            raise SyncError("server_unavailable", "the answer is not a JSON object")
        return data
