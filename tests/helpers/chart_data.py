"""A believable ratings chart to draw: weekly sessions, a student who improves, a guardian who
sees less change and a teacher who sees little; absence falling as participation rises. Seeded,
so a test, the bench and the screenshot all draw the same chart."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sst_desktop.charts.rating_chart_data import (
    ChartPoint,
    RatingChartData,
    RespondentSeries,
    SchoolPoint,
)

ORS_ITEMS = ("Individual", "Interpersonal", "Social", "Overall")
SRS_ITEMS = ("Relationship", "Goals", "Approach", "Overall")
START = date(2026, 1, 12)  # a Monday
# (key, label, first outcome total, last outcome total) in cm
RESPONDENTS = (
    ("self", "Student", 16.0, 31.0),
    ("guardian:1", "Guardian 1", 21.0, 27.0),
    ("teacher", "Teacher", 25.0, 26.5),
    ("guardian:2", "Guardian 2", 19.0, 24.0),
)


def sample_chart(
    sessions: int = 40, respondents: int = 3, *, seed: int = 6, paper_every: int = 9
) -> RatingChartData:
    rng = random.Random(seed)
    series = tuple(
        _series(rng, sessions, key, label, first, last, paper_every)
        for key, label, first, last in RESPONDENTS[:respondents]
    )
    return RatingChartData(series=series, focus="self", school=_school(rng, sessions))


def _series(
    rng: random.Random, sessions: int, key: str, label: str, first: float, last: float, paper: int
) -> RespondentSeries:
    outcome, session = [], []
    for n in range(sessions):
        day = START + timedelta(weeks=n, days=rng.choice((0, 0, 1, 2)))
        trend = first + (last - first) * n / max(sessions - 1, 1)
        on_paper = key != "self" and n % paper == paper - 1
        outcome.append(_point(rng, day, n + 1, trend, ORS_ITEMS, on_paper))
        session.append(_point(rng, day, n + 1, 33 + 4 * n / max(sessions, 1), SRS_ITEMS, on_paper))
    return RespondentSeries(
        key=key,
        label=label,
        outcome=tuple(outcome),
        session=tuple(session),
        outcome_cutoff=Decimal(28),
        reliable_change=Decimal(5),
        session_cutoff=Decimal(36),
    )


def _point(
    rng: random.Random, day: date, number: int, total_cm: float, items: tuple[str, ...], paper: bool
) -> ChartPoint:
    marks = [max(0, min(100, round(total_cm * 2.5 + rng.gauss(0, 9)))) for _ in items]
    scores = tuple((label, Decimal(mm) / 10) for label, mm in zip(items, marks, strict=True))
    return ChartPoint(day, number, Decimal(sum(marks)) / 10, scores, paper)


def _school(rng: random.Random, weeks: int) -> tuple[SchoolPoint, ...]:
    points = []
    for n in range(weeks):
        start = START + timedelta(weeks=n)
        absence = max(0.0, 70 - 60 * n / max(weeks - 1, 1) + rng.gauss(0, 8))
        participation = min(3, n * 4 // max(weeks, 1) + rng.choice((0, 0, 1)))
        points.append(
            SchoolPoint(start, start + timedelta(days=4), Decimal(round(absence)), participation)
        )
    return tuple(points)
