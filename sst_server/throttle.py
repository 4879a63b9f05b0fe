"""Throttling failed enrollments and token refreshes, shared by every server process.

Each failure is a row in ``auth_failures`` under a keyed hash of where it came from (the client's
address, and for a refresh the device id), so the table holds no address in the clear and a
second process sees the same counts. Before an enrollment or a refresh the server counts each
key's failures in the window; at the limit it answers 429 ``too_many_attempts`` with Retry-After
without looking at the code or token at all. A success resets nothing: failures age out of the
window, so a valid code from one address cannot clear an attacker's count at another.

Counting and recording are separate short transactions, so processes racing each other may let
a few attempts past the limit. That is acceptable: the limit bounds guessing, it need not be
exact, and it costs no lock on the hot path."""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    delete,
    insert,
    select,
)
from sqlalchemy.engine import Engine

from sst_server.db import metadata
from sst_server.devices import AuthError
from sst_server.settings import ServerSettings

log = logging.getLogger(__name__)

auth_failures = Table(
    "auth_failures",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("key_hash", String(64), nullable=False),  # HMAC of "address:..." or "device:..."
    Column("failed_at", DateTime(timezone=True), nullable=False),
)
Index("ix_auth_failures_key_time", auth_failures.c.key_hash, auth_failures.c.failed_at)
Index("ix_auth_failures_time", auth_failures.c.failed_at)


class TooManyAttempts(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Key:
    digest: str
    limit: int
    label: str  # for the log: the address's hash prefix or the device id, never a secret


class Throttle:
    def __init__(self, engine: Engine, settings: ServerSettings) -> None:
        self.engine, self.settings = engine, settings
        self.window = timedelta(seconds=settings.auth_failure_window_seconds)

    def keys(self, address: str, device_id: str | None = None) -> list[Key]:
        found = self._digest("address", address)
        keys = [Key(found, self.settings.auth_failures_per_address, f"address {found[:12]}")]
        if device_id is not None:
            keys.append(
                Key(
                    self._digest("device", device_id),
                    self.settings.auth_failures_per_device,
                    f"device {device_id}",
                )
            )
        return keys

    @contextmanager
    def guarding(self, keys: list[Key], action: str) -> Iterator[None]:
        """Refuse at once when a key is over its limit; count an ``AuthError`` as a failure."""
        self.check(keys, action)
        try:
            yield
        except AuthError as error:
            self.failed(keys, action, error.code)
            raise

    def check(self, keys: list[Key], action: str) -> None:
        now = datetime.now(UTC)
        waits = [self._wait(key, now) for key in keys]
        if max(waits) > 0:
            where = ", ".join(key.label for key in keys)
            log.warning("%s throttled (too many failures) from %s", action, where)
            raise TooManyAttempts(max(waits))

    def failed(self, keys: list[Key], action: str, reason: str) -> None:
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            conn.execute(
                insert(auth_failures), [{"key_hash": k.digest, "failed_at": now} for k in keys]
            )
            # Failures are rare, so pruning on each one keeps the table small without a job.
            conn.execute(delete(auth_failures).where(auth_failures.c.failed_at < now - self.window))
        log.warning("%s refused (%s) from %s", action, reason, ", ".join(k.label for k in keys))

    def _wait(self, key: Key, now: datetime) -> int:
        """Seconds until the key is under its limit again; 0 if it is now."""
        with self.engine.connect() as conn:
            times = list(
                conn.execute(
                    select(auth_failures.c.failed_at)
                    .where(
                        auth_failures.c.key_hash == key.digest,
                        auth_failures.c.failed_at > now - self.window,
                    )
                    .order_by(auth_failures.c.failed_at)
                ).scalars()
            )
        if len(times) < key.limit:
            return 0
        frees_at = _aware(times[len(times) - key.limit]) + self.window
        return max(1, math.ceil((frees_at - now).total_seconds()))

    def _digest(self, kind: str, value: str) -> str:
        # Keyed, so the table cannot be reversed by hashing every IPv4 address.
        message = f"{kind}:{value}".encode()
        return hmac.new(self.settings.secret, message, hashlib.sha256).hexdigest()


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
