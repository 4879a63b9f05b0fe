"""The status report's chart: a bar per state group and month with its number, a hidden (small)
count drawn as no bar at all but marked, the report's months shaded, and the PNG made in
memory. No Qt, no database."""

from __future__ import annotations

from matplotlib.patches import Rectangle
from matplotlib.text import Text

from sst_desktop.charts.status_chart import (
    PERIOD_GID,
    MonthBars,
    StatusChartData,
    build_figure,
    render_png,
)

DATA = StatusChartData(
    months=(
        MonthBars("jan\n2026", (6, 0, 12), False),
        MonthBars("feb", (None, 5, 14), True),
        MonthBars("mar", (7, None, 9), True),
    ),
    groups=("Väntar", "Beslutad", "Pågående"),
    axis="Antal ärenden",
    hidden="<5",
    period="Perioden",
)


def _bars(data: StatusChartData) -> list[float]:
    axes = build_figure(data).axes[0]
    return [p.get_height() for p in axes.patches if p.get_gid() != PERIOD_GID]


def _texts(data: StatusChartData) -> list[str]:
    figure = build_figure(data)
    return [t.get_text() for t in figure.findobj(Text)]


def test_each_shown_count_is_a_bar_with_its_number() -> None:
    assert sorted(_bars(DATA)) == [0, 5, 6, 7, 9, 12, 14]  # the two hidden ones are not drawn
    texts = _texts(DATA)
    for number in ("6", "12", "5", "14", "7", "9"):
        assert number in texts
    assert texts.count("<5") == 2
    assert "Perioden" in texts and "Pågående" in texts


def test_the_period_is_shaded_over_its_months() -> None:
    axes = build_figure(DATA).axes[0]
    (span,) = [p for p in axes.patches if p.get_gid() == PERIOD_GID]
    assert isinstance(span, Rectangle)
    assert (span.get_x(), span.get_x() + span.get_width()) == (0.5, 2.5)


def test_the_png_is_made_in_memory() -> None:
    png = render_png(DATA, width_in=6, height_in=3, dpi=100)
    assert png.startswith(b"\x89PNG") and len(png) > 5_000
