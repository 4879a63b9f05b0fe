"""Server settings from the environment (twelve-factor: every process of a deployment reads
the same values, so any number of them can run behind a load balancer).

SST_SERVER_DATABASE_URL  postgresql+psycopg://... in production; default: SQLite in the data dir
SST_SERVER_SECRET        signs access tokens; every process of a deployment needs the same one.
                         For a one-machine pilot it is generated once into the data dir.
SST_SERVER_DATA_DIR      where the pilot's SQLite file and secret live
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ACCESS_TOKEN_SECONDS = 15 * 60
ENROLLMENT_CODE_HOURS = 24


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    secret: bytes
    access_token_seconds: int = ACCESS_TOKEN_SECONDS


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
    return ServerSettings(database_url=url, secret=secret.encode())


def _pilot_secret(path: Path) -> str:
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
