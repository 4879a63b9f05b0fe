"""HTTP to the central store: JSON in and out, the access token refreshed when it runs out,
plain HTTP refused except to this machine, every failure turned into a ``SyncError`` whose code
the window translates."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from sst_desktop.sync.protocol import PROTOCOL, TokenResponse

log = logging.getLogger(__name__)
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class SyncError(Exception):
    """``code``: offline, server_unavailable, protocol_unsupported, device_revoked, refused,
    insecure_address, or the server's own error code."""

    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code


@dataclass
class Tokens:
    device_id: str
    access: str
    refresh: str


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


class Transport:
    """One server, one device. ``on_tokens`` is told of every rotation so the new refresh token
    is stored (encrypted) before it is needed again."""

    def __init__(
        self,
        url: str,
        tokens: Tokens | None = None,
        on_tokens: Callable[[Tokens], None] | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.url = check_address(url)
        self.tokens = tokens
        self._on_tokens = on_tokens
        self._http = client or httpx.Client(base_url=self.url, timeout=TIMEOUT)

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
        try:
            return self._http.post(path, json={"protocol": PROTOCOL, **body}, headers=headers)
        except httpx.TimeoutException as error:
            raise SyncError("offline", f"timed out: {type(error).__name__}") from None
        except httpx.TransportError as error:
            raise SyncError("offline", type(error).__name__) from None

    def _refresh(self) -> None:
        assert self.tokens is not None
        body = {"device_id": self.tokens.device_id, "refresh_token": self.tokens.refresh}
        fresh = TokenResponse.model_validate(self._read(self._send("/v1/token", body, False)))
        self.tokens = Tokens(self.tokens.device_id, fresh.access_token, fresh.refresh_token)
        if self._on_tokens is not None:
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
                str(code), str(data.get("message", "")) if isinstance(data, dict) else ""
            )
        if not isinstance(data, dict):
            raise SyncError("server_unavailable", "the answer is not a JSON object")
        return data
