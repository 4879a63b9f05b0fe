"""`sst` run as a real subprocess on real profiles; the KDF is the insecure test policy, set
explicitly through its environment switch."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PASSPHRASE = "correct horse battery staple sst 2026"
NEW_PASSPHRASE = "seven quiet lanterns over the harbour"
RunSst = Callable[..., subprocess.CompletedProcess[str]]


def base_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SST_")}
    env.update(
        SST_INSECURE_TEST_KDF="1",
        SST_LOG_DIR=str(root / "logs"),
        HOME=str(root / "home"),
        SST_PASSPHRASE=PASSPHRASE,
    )
    return env


def make_runner(root: Path) -> RunSst:
    def run(*args: str, env: dict[str, str] | None = None, **extra: str):  # type: ignore[no-untyped-def]
        environment = {**base_env(root), **(env or {}), **extra}
        environment = {k: v for k, v in environment.items() if v is not None}
        return subprocess.run(
            [sys.executable, "-m", "sst_desktop.cli.main", *args],
            capture_output=True,
            text=True,
            env=environment,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    return run


@pytest.fixture
def sst(tmp_path: Path) -> RunSst:
    return make_runner(tmp_path)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-demo")
    profile = root / "profile"
    result = make_runner(root)("--profile", str(profile), "demo", "--students", "30", "--seed", "1")
    assert result.returncode == 0, result.stderr
    return profile


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "profile"
    shutil.copytree(demo_template, target)
    return target


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """A failed command: non-zero, one line on stderr starting 'sst: error:', no traceback."""
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sst: error:"), lines
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]
