"""Every released schema's fixture profile opens in this version: backed up first, upgraded to
head, with every record and the audit chain intact (fixtures: scripts/make_schema_fixture.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from sst_desktop.app_context import open_context
from sst_desktop.casework.stats import profile_stats
from sst_desktop.models.plan import PlanRevision
from sst_desktop.security.kdf import KdfPolicy
from sst_desktop.store import profile, schema
from sst_desktop.store.verify import verify_profile

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "profiles"
FIXTURE_PASSPHRASE = "fixture profile: upgrade me, keep every word"  # scripts/make_schema_fixture
POLICY = KdfPolicy.insecure_for_tests()
RELEASED = sorted(p for p in FIXTURES.glob("schema_*") if p.is_dir())


def test_there_is_a_fixture_for_every_released_schema_but_the_newest() -> None:
    released = {p.name.removeprefix("schema_") for p in RELEASED}
    assert "0001" in released
    assert released <= schema.known_revisions()


@pytest.fixture(params=RELEASED, ids=[p.name for p in RELEASED])
def old_profile(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, dict]:
    source: Path = request.param
    shutil.copytree(source / "profile", tmp_path / "profile")
    expected = json.loads((source / "expected.json").read_text(encoding="utf-8"))
    return tmp_path / "profile", expected


def test_an_old_profile_is_upgraded_with_every_record(old_profile: tuple[Path, dict]) -> None:
    directory, expected = old_profile
    app = open_context(directory, FIXTURE_PASSPHRASE, policy=POLICY)
    try:
        stats = profile_stats(app.engine)
        report = verify_profile(app.engine)
    finally:
        app.close()
    assert stats.schema_revision == schema.head_revision()
    assert stats.counts == expected["counts"]
    assert stats.cases_by_programme_status == expected["by_state"]
    assert stats.audit_events == expected["audit_events"]
    assert report.ok, report.lines()
    assert report.audit_events_checked == expected["audit_events"]


def test_the_backup_taken_before_the_upgrade_is_the_old_profile(
    old_profile: tuple[Path, dict],
) -> None:
    directory, expected = old_profile
    open_context(directory, FIXTURE_PASSPHRASE, policy=POLICY).close()
    backups = sorted((directory.parent / f"{directory.name}-backups").iterdir())
    assert [b.name.rsplit("-", 1)[0] for b in backups] == [f"pre-upgrade-{expected['revision']}"]
    unlocked = profile.unlock_profile(backups[0], FIXTURE_PASSPHRASE, POLICY)
    try:
        assert schema.current_revision(unlocked.engine) == expected["revision"]
        assert profile_stats(unlocked.engine).counts == expected["counts"]
    finally:
        profile.lock(unlocked)
    # A second unlock finds nothing to upgrade and takes no second backup.
    open_context(directory, FIXTURE_PASSPHRASE, policy=POLICY).close()
    assert len(list((directory.parent / f"{directory.name}-backups").iterdir())) == 1


def test_the_upgraded_profile_enforces_the_newest_rules(old_profile: tuple[Path, dict]) -> None:
    directory, _expected = old_profile
    app = open_context(directory, FIXTURE_PASSPHRASE, policy=POLICY)
    try:
        with Session(app.engine) as session:
            signed = session.scalars(
                select(PlanRevision.id).where(PlanRevision.signed_at.is_not(None))
            ).first()
            assert signed is not None, "the fixture holds a signed plan revision"
            with pytest.raises(DatabaseError, match="sst:signed_plan_immutable"):
                session.execute(
                    update(PlanRevision)
                    .where(PlanRevision.id == signed)
                    .values(overall_aims="changed after signing")
                )
    finally:
        app.close()


def test_a_profile_from_a_newer_version_is_refused_untouched(
    old_profile: tuple[Path, dict],
) -> None:
    directory, _expected = old_profile
    unlocked = profile.unlock_profile(directory, FIXTURE_PASSPHRASE, POLICY)
    with unlocked.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    profile.lock(unlocked)
    before = (directory / "sst.db").read_bytes()
    with pytest.raises(Exception, match="newer version of SST Desktop"):
        open_context(directory, FIXTURE_PASSPHRASE, policy=POLICY)
    assert (directory / "sst.db").read_bytes() == before
    assert not (directory.parent / f"{directory.name}-backups").exists()
