"""Records sealed by the local database's triggers (a saved rating, a signed plan) through the
real server and back: PostgreSQL returns JSON with its keys in its own order, and a second
device gets a signed plan's goals and the revision's seal in the feed's order. Neither may make
a trigger refuse the server's copy: a refused pull would stop the device's sync for good."""

from __future__ import annotations

from datetime import date

import pytest

from sst_desktop.casework import plan_service
from sst_desktop.models.closure import Rating
from sst_desktop.models.plan import PlanGoal, PlanRevision
from sst_rules.enums import Authority, PlanKind, PlanPerspective, RecordClass, SignerRole
from tests.server.laptops import _open_case

pytestmark = pytest.mark.usefixtures("_fast_kdf")
# Not in the order PostgreSQL's jsonb keeps keys (shorter first, then bytewise).
SCORES = {"overall": 50, "individual": 40, "social": 30, "interpersonal": 20}


def _rate(device, case_id: str) -> str:  # type: ignore[no-untyped-def]
    with device.context.services.unit_of_work() as uow:
        rating = uow.add(
            Rating(
                case_id=case_id,
                instrument="ors",
                instrument_version="1",
                respondent="self",
                session_number=1,
                rated_on=date(2026, 3, 3),
                item_scores=dict(SCORES),
                supersedes_id=None,
                imported_scores=None,
                authority=Authority.SOCIAL_SERVICES,
                record_class=RecordClass.SOCIAL_SERVICES_RECORD,
            )
        )
        uow.commit()
        return str(rating.id)


def test_a_saved_rating_comes_back_from_the_server_without_a_refusal(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    rating_id = _rate(laptop, case_id)
    for device in (laptop, tablet, laptop, tablet):
        report = device.sync()
        assert report.rejected == 0
    for device in (laptop, tablet):
        (held,) = device.rows(Rating)
        assert held.id == rating_id and held.item_scores == SCORES


def test_a_signed_plan_reaches_another_device_whole(team) -> None:  # type: ignore[no-untyped-def]
    laptop, tablet, _school, team_id = team
    case_id = _open_case(laptop, team_id)
    services = laptop.context.services
    revision = plan_service.create_plan(services, case_id, PlanKind.IMPLEMENTATION_PLAN)
    for text in ("Sova före tio", "Delta i matematik"):
        plan_service.add_goal(
            services, revision, plan_service.GoalInput(PlanPerspective.INDIVIDUAL, text, None)
        )
    plan_service.submit_for_signatures(services, revision)
    today = laptop.context.clock.today()
    for role in SignerRole:
        plan_service.add_signature(services, revision, role, f"Namn {role.value}", today)
    plan_service.complete_signing(services, revision)
    for device in (laptop, tablet, laptop, tablet):
        assert device.sync().rejected == 0
    (sealed,) = tablet.rows(PlanRevision)
    assert sealed.signed_at is not None
    assert sorted(g.text for g in tablet.rows(PlanGoal)) == ["Delta i matematik", "Sova före tio"]
