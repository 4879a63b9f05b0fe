"""A signed plan in a real encrypted profile, made once per module (plan_profile) and copied
for each test that uses it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desktop.app_context import AppContext
from tests.integration.reports.plans.plan_profile import PlanCase, build_profile, open_profile


@pytest.fixture(scope="module")
def plan_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PlanCase]:
    directory = tmp_path_factory.mktemp("plan-profile") / "profile"
    return directory, build_profile(directory)


@pytest.fixture
def plan_profile(plan_template: tuple[Path, PlanCase], tmp_path: Path) -> tuple[Path, PlanCase]:
    """A fresh copy of the profile with its signed plan."""
    source, case = plan_template
    return Path(shutil.copytree(source, tmp_path / "profile")), case


@pytest.fixture
def opened(plan_profile: tuple[Path, PlanCase]) -> Iterator[AppContext]:
    context = open_profile(plan_profile[0])
    yield context
    context.close()


@pytest.fixture
def plan_case(plan_profile: tuple[Path, PlanCase]) -> PlanCase:
    return plan_profile[1]
