"""Fixtures for `sst` run as a real subprocess on real profiles (helpers in sst_cli_testkit).

Profiles are made once per module by the command itself (`sst init`, `sst demo`) and copied for
each test that uses one, so every test works on its own profile.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.cli.sst_cli_testkit import (
    RECOVERY_CODE,
    RunSst,
    copy_profile,
    init_args,
    make_runner,
)

DEMO_STUDENTS, DEMO_SEED = 12, 1


@dataclass(frozen=True)
class MadeProfile:
    """A profile made by one `sst` run: its folder, that run, and the runner's log folder."""

    directory: Path
    result: subprocess.CompletedProcess[str]
    log_dir: Path


@pytest.fixture
def run_sst(tmp_path: Path) -> RunSst:
    """`run_sst(*args, env=None, input=None)`: `sst` with HOME and logs under ``tmp_path``."""
    return make_runner(tmp_path)


@pytest.fixture(scope="module")
def initialised_template(tmp_path_factory: pytest.TempPathFactory) -> MadeProfile:
    """`sst init` once per module; tests never run commands on it, only on copies."""
    root = tmp_path_factory.mktemp("sst-init")
    directory = root / "profile"
    result = make_runner(root)(*init_args(directory))
    assert result.returncode == 0, result.stderr
    return MadeProfile(directory, result, root / "logs")


@pytest.fixture
def recovery_code(initialised_template: MadeProfile) -> str:
    """The recovery code `sst init` printed for the template (and so for every copy)."""
    codes = RECOVERY_CODE.findall(initialised_template.result.stdout)
    assert len(codes) == 1, initialised_template.result.stdout
    return str(codes[0])


@pytest.fixture
def profile_dir(initialised_template: MadeProfile, tmp_path: Path) -> Path:
    """A fresh copy of an initialised, empty profile (passphrase: PASSPHRASE)."""
    return copy_profile(initialised_template.directory, tmp_path / "profile")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> MadeProfile:
    """`sst demo --students 12 --seed 1` into a new profile, once per module."""
    root = tmp_path_factory.mktemp("sst-demo")
    directory = root / "profile"
    result = make_runner(root)(
        "--profile",
        str(directory),
        "demo",
        "--students",
        str(DEMO_STUDENTS),
        "--seed",
        str(DEMO_SEED),
    )
    assert result.returncode == 0, result.stderr
    return MadeProfile(directory, result, root / "logs")


@pytest.fixture
def demo_profile(demo_template: MadeProfile, tmp_path: Path) -> Path:
    """A fresh copy of the demo profile."""
    return copy_profile(demo_template.directory, tmp_path / "profile")
