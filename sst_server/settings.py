"""Server settings from the environment (twelve-factor: every process of a deployment reads
the same values, so any number of them can run behind a load balancer).

SST_SERVER_DATABASE_URL  postgresql+psycopg://... in production; default: SQLite in the data dir
SST_SERVER_SECRET        signs access tokens; every process of a deployment needs the same one.
                         For a one-machine pilot it is generated once into the data dir.
SST_SERVER_DATA_DIR      where the pilot's SQLite file and secret live

Limits (whole numbers; see ``LIMITS`` for the defaults and docs/decisions.md for why):
SST_SERVER_REQUESTS_PER_MINUTE      requests per device (or per address without a valid token),
                                    per process
SST_SERVER_AUTH_FAILURES_PER_ADDRESS  failed enrollments and refreshes per address per window
SST_SERVER_AUTH_FAILURES_PER_DEVICE   failed refreshes per device id per window
SST_SERVER_AUTH_FAILURE_WINDOW_SECONDS  the window
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ACCESS_TOKEN_SECONDS = 15 * 60
ENROLLMENT_CODE_HOURS = 24

# environment variable -> (ServerSettings field, default)
LIMITS: dict[str, tuple[str, int]] = {
    "SST_SERVER_REQUESTS_PER_MINUTE": ("requests_per_minute", 600),
    "SST_SERVER_AUTH_FAILURES_PER_ADDRESS": ("auth_failures_per_address", 10),
    "SST_SERVER_AUTH_FAILURES_PER_DEVICE": ("auth_failures_per_device", 5),
    "SST_SERVER_AUTH_FAILURE_WINDOW_SECONDS": ("auth_failure_window_seconds", 15 * 60),
}


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    secret: bytes
    access_token_seconds: int = ACCESS_TOKEN_SECONDS
    requests_per_minute: int = LIMITS["SST_SERVER_REQUESTS_PER_MINUTE"][1]
    auth_failures_per_address: int = LIMITS["SST_SERVER_AUTH_FAILURES_PER_ADDRESS"][1]
    auth_failures_per_device: int = LIMITS["SST_SERVER_AUTH_FAILURES_PER_DEVICE"][1]
    auth_failure_window_seconds: int = LIMITS["SST_SERVER_AUTH_FAILURE_WINDOW_SECONDS"][1]


def data_dir() -> Path:
    configured = os.environ.get("SST_SERVER_DATA_DIR")
    return Path(configured) if configured else Path(platformdirs.user_data_dir("sst-server"))


def load_settings() -> ServerSettings:
    url = os.environ.get("SST_SERVER_DATABASE_URL")
    secret = os.environ.get("SST_SERVER_SECRET")
    if url is None or secret is None:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        url = url or f"sqlite:///{folder / 'sst-server.db'}"
        secret = secret or _pilot_secret(folder / "secret")
    return ServerSettings(database_url=url, secret=secret.encode(), **_limits())


def _limits() -> dict[str, int]:
    """The limits set in the environment; a value that is not a positive whole number stops
    the server rather than leaving it unprotected."""
    chosen: dict[str, int] = {}
    for variable, (field, _default) in LIMITS.items():
        text = os.environ.get(variable)
        if text is None:
            continue
        if not text.strip().isdigit() or int(text) < 1:
            raise ValueError(f"{variable} must be a positive whole number, not {text!r}")
        chosen[field] = int(text)
    return chosen


def _pilot_secret(path: Path) -> str:
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
