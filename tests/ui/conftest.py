"""Screens on a real encrypted profile with a real Qt event loop (offscreen).

Every test gets its own profile directory (copied from a demo profile made once per session),
its own settings directory and log directory. The KDF is the insecure test policy, chosen
explicitly through its environment switch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sst_desktop.app_context import AppContext, OwnerInput, create_context, open_context
from sst_desktop.config.settings import Settings
from sst_rules.enums import Authority, Role

PASSPHRASE = "correct horse battery staple sst 2026"
OTHER_PASSPHRASE = "seven quiet lanterns over the harbour"


@pytest.fixture(autouse=True)
def _test_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("SST_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("SST_LOG_DIR", str(tmp_path / "logs"))
    for name in ("SST_PROFILE", "SST_PASSPHRASE", "SST_ORGANISATION_CONFIG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    profile = tmp_path_factory.mktemp("demo-template") / "profile"
    env = dict(os.environ, SST_INSECURE_TEST_KDF="1", SST_PASSPHRASE=PASSPHRASE)
    env["SST_LOG_DIR"] = str(profile.parent / "logs")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sst_desktop.cli.main",
            "--profile",
            str(profile),
            "demo",
            "--students",
            "24",
            "--seed",
            "3",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return profile


@pytest.fixture
def demo_profile(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "profile"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture
def demo_context(demo_profile: Path) -> Iterator[AppContext]:
    context = open_context(demo_profile, PASSPHRASE)
    yield context
    context.close()


@pytest.fixture
def empty_profile(tmp_path: Path) -> Path:
    """A new profile with its owner and no cases."""
    directory = tmp_path / "empty-profile"
    context, _code = create_context(
        directory,
        PASSPHRASE,
        OwnerInput("Test Person", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES, team_name="T"),
    )
    context.close()
    return directory


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "config")
