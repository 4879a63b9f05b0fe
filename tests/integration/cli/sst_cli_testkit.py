"""Helpers for the `sst` end-to-end tests: a hermetic environment, the subprocess runner, and
checks shared by several tests (one error line, file snapshots, the log's text).

Every run gets its own HOME, log directory and XDG directories under a temporary folder, the
insecure test KDF switched on explicitly (SST_INSECURE_TEST_KDF=1), and no SST_* variable of
the person running the tests: a real SST_PROFILE or SST_PASSPHRASE is never seen by `sst`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

PASSPHRASE = "correct horse battery staple sst 2026"
NEW_PASSPHRASE = "seven quiet lanterns over the harbour"
WRONG_PASSPHRASE = "not my passphrase at all, 42 times"
OWNER_NAME = "Maja Lindqvist-Örn"

# 8 groups of 5 Crockford base32 characters (security/recovery_code.py).
RECOVERY_CODE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){7}\b")
# A Swedish personal identity number: 10 or 12 digits, optionally with - or + before the last 4.
IDENTITY_NUMBER = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)")

TIMEOUT_SECONDS = 120
ALLOWED_PROFILE_FILES = {"sst.db", "sst.db-wal", "sst.db-shm", "key.sst", "unlock-state.json"}


class RunSst(Protocol):
    def __call__(
        self,
        *args: str,
        env: Mapping[str, str | None] | None = None,
        input: str | None = None,
    ) -> subprocess.CompletedProcess[str]: ...


def sst_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m``."""
    script = shutil.which("sst", path=str(Path(sys.executable).parent))
    if script:
        return [script]
    return [sys.executable, "-m", "sst_desktop.cli.main"]


def base_env(root: Path) -> dict[str, str]:
    """The environment of every run: nothing of the caller's SST_*/XDG_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SST_", "XDG_"))}
    env.update(
        SST_INSECURE_TEST_KDF="1",
        SST_LOG_DIR=str(root / "logs"),
        HOME=str(root / "home"),
        XDG_CONFIG_HOME=str(root / "home" / ".config"),
        XDG_DATA_HOME=str(root / "home" / ".local" / "share"),
        XDG_STATE_HOME=str(root / "home" / ".local" / "state"),
        XDG_CONFIG_DIRS=str(root / "etc-xdg"),  # no machine-wide organisation.json
        SST_PASSPHRASE=PASSPHRASE,
    )
    return env


def make_runner(root: Path) -> RunSst:
    """A runner whose HOME and logs live in ``root``. ``env`` overrides the base environment
    (None removes a variable); ``input`` is piped to stdin (never a terminal)."""
    root.mkdir(parents=True, exist_ok=True)

    def run(
        *args: str,
        env: Mapping[str, str | None] | None = None,
        input: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        environment: dict[str, str | None] = {**base_env(root), **(env or {})}
        extra: dict[str, Any] = (
            {"input": input} if input is not None else {"stdin": subprocess.DEVNULL}
        )
        return subprocess.run(
            [*sst_command(), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={k: v for k, v in environment.items() if v is not None},
            cwd=root,
            timeout=TIMEOUT_SECONDS,
            check=False,
            **extra,
        )

    return run


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """A failed command: non-zero, nothing on stdout, one line on stderr starting
    'sst: error:', no traceback. Returns that line."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sst: error: "), lines[0]
    assert result.stdout.strip() == "", result.stdout
    return lines[0]


def init_args(profile: Path, name: str = OWNER_NAME) -> tuple[str, ...]:
    return (
        "--profile",
        str(profile),
        "init",
        "--name",
        name,
        "--role",
        "family_therapist",
        "--authority",
        "social_services",
    )


def copy_profile(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def log_text(log_dir: Path) -> str:
    """Everything the log files in ``log_dir`` hold (the current file and rotated ones)."""
    return "".join(p.read_text(encoding="utf-8") for p in sorted(log_dir.glob("sst.log*")))


def stats_json(
    run_sst: RunSst, profile: Path, env: Mapping[str, str | None] | None = None
) -> dict[str, Any]:
    """`sst --json stats` on ``profile``, which must succeed."""
    result = run_sst("--profile", str(profile), "--json", "stats", env=env)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data
