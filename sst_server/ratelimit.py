"""The general request limit: a token bucket per device (a request with a valid access token)
or per client address (anything else), in front of every endpoint.

The buckets live in this process's memory on purpose: a limit needs no correctness across
processes, and a database round trip per request would cost more than most requests. Behind a
load balancer over N processes a client can therefore make up to N times the limit; the number
is set generously (see ``settings.LIMITS``) so that a device syncing flat out is never refused,
and the limit only stops a runaway or hostile client from hogging the server."""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from sst_desktop.sync.protocol import ErrorBody
from sst_server import tokens

MAX_BUCKETS = 50_000  # the least recently seen are forgotten first (a forgotten bucket is full)


class Buckets:
    """``per_minute`` requests a minute per key, with bursts of up to a minute's worth."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity, self.rate = float(per_minute), per_minute / 60.0
        self.clock = clock
        self._state: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> tokens, at

    def take(self, key: str) -> float:
        """Take one request from the key's bucket: 0 if allowed, else the seconds to wait."""
        now = self.clock()
        level, then = self._state.pop(key, (self.capacity, now))
        level = min(self.capacity, level + (now - then) * self.rate)
        allowed = level >= 1.0
        self._state[key] = (level - 1.0 if allowed else level, now)
        if len(self._state) > MAX_BUCKETS:
            self._state.popitem(last=False)
        return 0.0 if allowed else (1.0 - level) / self.rate


class RateLimit:
    """ASGI middleware: 429 ``rate_limited`` with Retry-After once a bucket is empty."""

    def __init__(self, app: ASGIApp, per_minute: int, secret: bytes) -> None:
        self.app, self.secret = app, secret
        self.buckets = Buckets(per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(self._key(scope))
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        body = ErrorBody(code="rate_limited", message="Too many requests; try again later.")
        answer = JSONResponse(
            body.model_dump(), status_code=429, headers={"Retry-After": str(math.ceil(wait))}
        )
        await answer(scope, receive, send)

    def _key(self, scope: Scope) -> str:
        """The device of a valid token (one laptop behind a shared address is not held back by
        its neighbours); otherwise the address the request came from."""
        header = dict(scope.get("headers", [])).get(b"authorization", b"")
        scheme, _, token = header.decode("latin-1").partition(" ")
        if scheme.lower() == "bearer" and token.isascii() and token:
            claims = tokens.read_access(self.secret, token.strip())
            if claims is not None:
                return "device:" + claims.device_id
        client = scope.get("client")
        return "address:" + (client[0] if client else "unknown")
