"""`sst demo`: realistic synthetic data for both programmes in several districts, written
through the real services so every record passes the same rules, audit and outbox as in use.

Cases are written in batches of ``BATCH`` per transaction (``BatchUnitOfWork``): one fsync per
batch instead of one per step keeps 2,000 students well under a minute.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta

from faker import Faker

from sst_desktop.app_context import AppContext, set_owner
from sst_desktop.casework.context import BatchServiceContext
from sst_desktop.casework.organisation_service import seed_toolbox
from sst_desktop.clock import FixedClock
from sst_desktop.config.resources import resource_path
from sst_desktop.demo.organisation import DemoOrganisation, build_organisation
from sst_desktop.demo.sst_plus_story import sst_plus_case
from sst_desktop.demo.sst_story import sst_case
from sst_desktop.demo.story import Story
from sst_desktop.store.unit_of_work import BatchUnitOfWork
from sst_rules.enums import Programme, Role

BATCH = 50
# (target, weight, opened between N and M days ago)
SST_TARGETS = (
    ("requested", 4, (1, 10)),
    ("decided", 4, (8, 20)),
    ("declined", 3, (10, 60)),
    ("information_meeting", 5, (20, 35)),
    ("started", 5, (35, 50)),
    ("active", 20, (60, 150)),
    ("closing", 5, (150, 200)),
    ("closed", 20, (240, 600)),
    ("withdrawn", 4, (30, 200)),
    ("handed_over", 3, (60, 200)),
    ("stepped_up", 3, (60, 150)),
)
SST_PLUS_TARGETS = (
    ("applied", 4, (1, 8)),
    ("assessed", 4, (8, 20)),
    ("admitted", 3, (18, 30)),
    ("declined", 3, (10, 60)),
    ("decided", 3, (25, 40)),
    ("started", 4, (35, 45)),
    ("mapping", 10, (45, 80)),
    ("active", 20, (100, 170)),
    ("six_month_evaluation", 6, (185, 210)),
    ("closed", 10, (230, 330)),
    ("followed_up", 10, (420, 700)),
    ("withdrawn", 3, (30, 200)),
    ("handed_over", 2, (60, 200)),
    ("stepped_down", 2, (200, 260)),
)


@dataclass(frozen=True)
class DemoResult:
    students: int
    seconds: float
    by_programme_target: dict[str, int]


def generate(app: AppContext, *, students: int, seed: int) -> DemoResult:
    started = time.perf_counter()
    rng, fake = random.Random(seed), Faker("sv_SE")
    fake.seed_instance(seed)
    today = app.clock.today()
    clock = FixedClock(datetime.now(UTC))
    organisation = _organisation(app, clock, rng, fake, students)
    counts: Counter[str] = Counter()
    for first in range(0, students, BATCH):
        batch = BatchUnitOfWork(app.engine, app.actor, clock)
        base = BatchServiceContext(app.engine, app.actor, clock, app.rules, batch=batch)
        story = Story(base, clock, rng, fake, app.actor.device_id, today)
        try:
            for serial in range(first, min(first + BATCH, students)):
                counts[_one_case(story, organisation, serial)] += 1
        except BaseException:
            batch.abort()
            raise
        batch.finish()
    return DemoResult(students, round(time.perf_counter() - started, 2), dict(counts))


def _organisation(
    app: AppContext, clock: FixedClock, rng: random.Random, fake: Faker, students: int
) -> DemoOrganisation:
    staff_names = [fake.name() for _ in range(60)]
    batch = BatchUnitOfWork(app.engine, app.actor, clock)
    organisation = build_organisation(batch, rng, staff_names, max(8, students // 25))
    batch.commit()
    batch.finish()
    items = json.loads(resource_path("toolbox.json").read_text(encoding="utf-8"))["items"]
    seed_toolbox(replace(app.services, clock=clock), [(i["code"], i["sv"], i["en"]) for i in items])
    owner_team = next(t for t in organisation.teams if t.programme == Programme.SST_PLUS)
    set_owner(app.engine, owner_team.first(Role.FAMILY_THERAPIST).staff_id)
    return organisation


def _one_case(story: Story, organisation: DemoOrganisation, serial: int) -> str:
    rng = story.rng
    school = rng.choice(organisation.schools)
    plus = (
        school[1]
        in {t.district_id for t in organisation.teams if t.programme == Programme.SST_PLUS}
        and rng.random() < 0.5
    )
    targets = SST_PLUS_TARGETS if plus else SST_TARGETS
    target, _weight, (low, high) = rng.choices(targets, weights=[t[1] for t in targets])[0]
    opened = story.today - timedelta(days=rng.randrange(low, high + 1))
    programme = Programme.SST_PLUS if plus else Programme.SST
    team = organisation.team(programme, school[1])
    write = sst_plus_case if plus else sst_case
    write(story, team, school, target, _weekday(opened), serial)
    return f"{programme.value}:{target}"


def _weekday(day: date) -> date:
    return day - timedelta(days=max(0, day.weekday() - 4))
