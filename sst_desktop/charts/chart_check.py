"""The self-test's check of the charts: a small ratings chart drawn into a PNG in memory (the
bundle must carry matplotlib's Agg backend and its fonts, or the Ratings tab and the case
summary fail when first used)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sst_desktop.charts.rating_chart import render_png
from sst_desktop.charts.rating_chart_data import ChartPoint, RatingChartData, RespondentSeries

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ChartCheckFailed(Exception):
    pass


def check_sample_chart() -> str:
    start = date(2026, 1, 12)
    points = tuple(
        ChartPoint(start + timedelta(weeks=n), n + 1, Decimal(15 + 3 * n), ()) for n in range(6)
    )
    series = RespondentSeries(
        key="self",
        label="Eleven",
        outcome=points,
        session=points,
        outcome_cutoff=Decimal(28),
        reliable_change=Decimal(5),
        session_cutoff=Decimal(36),
    )
    png = render_png(RatingChartData(series=(series,), focus="self"), dpi=50)
    if not png.startswith(PNG_SIGNATURE) or len(png) < 2_000:
        raise ChartCheckFailed("the ratings chart drew no image")
    return f"{len(png) // 1024} KB PNG"
