"""Slow down guessing at the keyboard: after 3 consecutive failures, a doubling wait (max 300 s).

This is a speed bump for someone at the unlocked screen, not protection against a copied disk
(that is Argon2id's job), so the state file holds only a count and a time, nothing personal.
An attempt is recorded *before* the KDF runs, so killing the app mid-attempt does not reset it.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sst_desktop.clock import Clock
from sst_desktop.errors import SstError, error_code
from sst_desktop.security.fileops import FileOps, write_atomically

log = logging.getLogger(__name__)

THROTTLED = error_code("profile.throttled", "Too many wrong attempts; try again in {seconds} s.")
STATE_FILE = "unlock-state.json"
FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300


@dataclass(frozen=True)
class ThrottleState:
    failures: int = 0
    last_failure_at: datetime | None = None


def delay_seconds(failures: int) -> int:
    """0 for the first 3 failures, then 2, 4, 8 ... capped at 300 s."""
    if failures < FREE_ATTEMPTS:
        return 0
    return int(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS))


def read_state(directory: Path) -> ThrottleState:
    try:
        data = json.loads((directory / STATE_FILE).read_text("ascii"))
        last = data["last_failure_at"]
        return ThrottleState(int(data["failures"]), datetime.fromisoformat(last) if last else None)
    except (FileNotFoundError, NotADirectoryError):  # no profile there: its own error follows
        return ThrottleState()
    except (ValueError, TypeError, KeyError):
        log.warning("%s unreadable; starting the count again", STATE_FILE)
        return ThrottleState()


def write_state(directory: Path, state: ThrottleState, ops: FileOps) -> None:
    last = state.last_failure_at.isoformat() if state.last_failure_at else None
    data = {"version": 1, "failures": state.failures, "last_failure_at": last}
    write_atomically(ops, directory / STATE_FILE, json.dumps(data, sort_keys=True).encode())


def remaining_wait(state: ThrottleState, clock: Clock) -> int:
    """Seconds until the next attempt is allowed (0: now)."""
    delay = delay_seconds(state.failures)
    if not delay or state.last_failure_at is None:
        return 0
    elapsed = clock.now() - state.last_failure_at
    # A clock set backwards must not lengthen the wait beyond one full delay.
    remaining = min(timedelta(seconds=delay) - elapsed, timedelta(seconds=delay))
    return max(0, math.ceil(remaining.total_seconds()))


def check_not_throttled(state: ThrottleState, clock: Clock) -> None:
    seconds = remaining_wait(state, clock)
    if seconds:
        raise SstError(THROTTLED, seconds=seconds)


def record_attempt(directory: Path, state: ThrottleState, clock: Clock, ops: FileOps) -> None:
    write_state(directory, ThrottleState(state.failures + 1, clock.now()), ops)
