"""The real central store for tests (see ``serving``): each test that asks for ``server`` runs
on SQLite and on this machine's PostgreSQL. A missing PostgreSQL fails the run; it is never
skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sst_rules.enums import Authority, Role
from tests.server.serving import Server, serve

__all__ = ["Server"]


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Server]:
    yield from serve(request.param, tmp_path)


@pytest.fixture
def _fast_kdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SST_INSECURE_TEST_KDF", "1")
    monkeypatch.setenv("SST_LOG_DIR", str(tmp_path / "logs"))


@pytest.fixture
def team(server: Server, tmp_path: Path, _fast_kdf: None) -> Iterator[tuple[Any, Any, Any, str]]:
    """Two laptops of one family therapist and the school psychologist's PC, all connected."""
    from tests.server.helpers import organisation
    from tests.server.laptops import Laptop

    org = organisation(server)
    social, school = Authority.SOCIAL_SERVICES, Authority.SCHOOL
    laptop = Laptop(server, tmp_path / "a", org.therapist, Role.FAMILY_THERAPIST, social)
    tablet = Laptop(server, tmp_path / "b", org.therapist, Role.FAMILY_THERAPIST, social)
    school_pc = Laptop(server, tmp_path / "c", org.psychologist, Role.SCHOOL_PSYCHOLOGIST, school)
    yield laptop, tablet, school_pc, org.team_id
    for device in (laptop, tablet, school_pc):
        device.close()
