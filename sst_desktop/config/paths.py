"""Where things live: the profile directory (encrypted), settings and logs (nothing personal)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "sst-desktop"
APP_AUTHOR = "SST"


def default_profile_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "profile"


def resolve_profile_dir(explicit: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """``--profile`` wins, then ``SST_PROFILE``, then the user data directory."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = environ.get("SST_PROFILE")
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_profile_dir()


def log_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """``SST_LOG_DIR`` (tests, support sessions), else the user log directory."""
    from_env = environ.get("SST_LOG_DIR")
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
