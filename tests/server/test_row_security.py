"""PostgreSQL row-level security under the scope rule (a PostgreSQL feature: these tests run on
PostgreSQL only, as an ordinary role like the server's). A transaction for a staff member sees
and changes only the team's rows and the organisation's; one that says nothing sees nothing;
the id-only functions answer across teams without opening anything else."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.engine import Engine

from sst_desktop.ids import new_id
from sst_server import admin
from sst_server.db import make_engine, records
from sst_server.row_security import acting_for, case_records, taken_ids
from sst_server.schema import migrate
from tests.server.helpers import Device, enroll, mutation
from tests.server.serving import Server, database, serve


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    urls = database("postgresql", tmp_path)
    made = make_engine(next(urls))
    migrate(made)
    yield made
    made.dispose()
    next(urls, None)


def _team_with_case(engine: Engine, name: str) -> tuple[str, str]:
    team = admin.add_team(engine, name, "sst_plus")
    case_id = new_id()
    with engine.begin() as conn:
        conn.execute(
            records.insert().values(
                entity_id=case_id,
                entity_type="cases",
                authority="social_services",
                record_class="social_services_record",
                category="case",
                case_id=None,
                team_id=team,
                version=conn.execute(text("SELECT 1000 + count(*) FROM records")).scalar_one(),
                deleted=False,
                fields={"team_id": team},
                field_versions={},
                updated_by="test",
                updated_at=func.now(),
            )
        )
    return team, case_id


def test_a_staff_transaction_sees_and_changes_only_its_team(engine: Engine) -> None:
    north, north_case = _team_with_case(engine, "Norr")
    south, south_case = _team_with_case(engine, "Söder")
    with acting_for(north), engine.begin() as conn:
        seen = set(conn.execute(select(records.c.entity_id, records.c.team_id)).all())
        assert {row[0] for row in seen} >= {north_case}
        assert all(team in (None, north) for _id, team in seen)  # teams are organisation data
        changed = conn.execute(
            update(records).where(records.c.entity_id == south_case).values(deleted=True)
        ).rowcount
        assert changed == 0
        # ids only, across teams: a forged insert is refused, an eviction finds its records
        assert taken_ids(conn, [south_case, new_id()]) == {south_case}
        assert [r.entity_id for r in case_records(conn, [south_case])] == [south_case]
        # ... and the policy is back in force after them
        hidden = conn.execute(select(records).where(records.c.entity_id == south_case)).first()
        assert hidden is None
    with engine.begin() as conn:  # the server's own work (admin) sees everything
        assert (
            conn.execute(
                select(records.c.deleted).where(records.c.entity_id == south_case)
            ).scalar_one()
            is False
        )
        assert south in set(conn.execute(select(records.c.team_id)).scalars())


def test_a_transaction_that_names_no_scope_sees_nothing(engine: Engine) -> None:
    _team_with_case(engine, "Norr")
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor:  # past the engine's hook: a connection that says nothing
            cursor.execute("BEGIN")
            cursor.execute("SELECT set_config('sst.scope', '', true)")
            cursor.execute("SELECT count(*) FROM records")
            assert cursor.fetchone() == (0,)
            cursor.execute("ROLLBACK")


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[Server]:
    yield from serve("postgresql", tmp_path)


def test_another_teams_case_id_is_refused_over_the_wire_not_a_crash(pg_server: Server) -> None:
    north = admin.add_team(pg_server.engine, "Norr", "sst_plus")
    south = admin.add_team(pg_server.engine, "Söder", "sst_plus")
    ours: Device = enroll(
        pg_server,
        admin.add_staff(pg_server.engine, "A", "family_therapist", "social_services", north),
    )
    theirs: Device = enroll(
        pg_server,
        admin.add_staff(pg_server.engine, "B", "family_therapist", "social_services", south),
    )
    case = mutation("cases", {"team_id": south, "status": "active"}, authority="social_services")
    assert theirs.push(case)[0]["status"] == "accepted"
    forged = dict(case, mutation_id=new_id(), fields={"team_id": north, "status": "closed"})
    (answer,) = ours.push(forged)
    assert (answer["status"], answer["reason"]) == ("rejected", "already_exists")
    with pg_server.engine.connect() as conn:
        fields = conn.execute(
            select(records.c.fields).where(records.c.entity_id == case["entity_id"])
        ).scalar_one()
    assert fields["status"] == "active"
