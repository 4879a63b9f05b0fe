"""Shared fixtures: real SQLCipher files in tmp_path, a fixed clock, an actor per authority."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sst_desktop.clock import FixedClock
from sst_desktop.store import schema
from sst_desktop.store.engine import create_cipher_engine
from sst_desktop.store.unit_of_work import Actor
from sst_rules.enums import Authority, Role

DEVICE = "0190a000-0000-7000-8000-00000000d001"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sst.db"


@pytest.fixture
def raw_key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def engine(db_path: Path, raw_key: bytes) -> Iterator[Engine]:
    """A migrated SQLCipher database (no key file: the profile tests cover that)."""
    eng = create_cipher_engine(db_path, raw_key, must_exist=False)
    schema.upgrade_to_head(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def social_actor() -> Actor:
    return Actor(
        "0190a000-0000-7000-8000-0000000005a1",
        Authority.SOCIAL_SERVICES,
        None,
        Role.FAMILY_THERAPIST,
        DEVICE,
    )


@pytest.fixture
def school_actor() -> Actor:
    return Actor(
        "0190a000-0000-7000-8000-0000000005c1",
        Authority.SCHOOL,
        None,
        Role.SPECIAL_EDUCATOR,
        DEVICE,
    )
