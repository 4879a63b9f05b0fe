"""The status report's chart: the team's cases by state at each month's end, one group of bars
per month, the report's period shaded. Pure: the numbers come in with small cells already
hidden (``None``), and a hidden bar is not drawn at all (its height would give the number
away) but marked with the threshold text at its foot. Each drawn bar carries its number, so a
reader can check the picture against the records.

A matplotlib ``Figure`` without pyplot, drawn to PNG in memory like the ratings chart
(decision 120); no file is written."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sst_desktop.charts.marks import FONT, INK, LegendEntry, legend

COLOURS = ("#E69F00", "#56B4E9", "#0072B2")  # Okabe-Ito: waiting, decided, in support
PERIOD_SHADE = "#ececec"
MUTED = "#6b6b6b"
PERIOD_GID = "period"  # the shaded span, told apart from the bars
MARGINS = {"left": 0.55, "right": 0.15, "top": 0.55, "bottom": 0.45}  # inches
GROUP_WIDTH = 0.8  # of a month's slot


@dataclass(frozen=True)
class MonthBars:
    label: str  # "jan", or "jan\n2026" where the year starts or changes
    values: tuple[int | None, ...]  # per group; None: hidden (a small count)
    in_period: bool


@dataclass(frozen=True)
class StatusChartData:
    months: tuple[MonthBars, ...]
    groups: tuple[str, ...]  # the legend's words, one per bar of a month
    axis: str
    hidden: str  # what a hidden bar shows: "<5"
    period: str  # the shaded span's label


def build_figure(data: StatusChartData, *, width_in: float = 6.7, height_in: float = 3.0,
                 dpi: float = 96) -> Figure:  # fmt: skip
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white", layout=None)
    axes = figure.add_axes(_position(width_in, height_in))
    _period(axes, data)
    top = _bars(axes, data)
    _style(axes, data, top)
    pairs = zip(data.groups, COLOURS, strict=False)
    entries = [LegendEntry(group, colour, marker="s", markersize=7) for group, colour in pairs]
    legend(axes, entries, width=(width_in - 1) * 72, above=8)
    return figure


def render_png(data: StatusChartData, *, width_in: float = 6.7, height_in: float = 3.0,
               dpi: float = 200) -> bytes:  # fmt: skip
    """The chart as PNG bytes, drawn in memory (the documents embed it)."""
    figure = build_figure(data, width_in=width_in, height_in=height_in, dpi=dpi)
    FigureCanvasAgg(figure)
    buffer = BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _position(width: float, height: float) -> tuple[float, float, float, float]:
    left, bottom = MARGINS["left"] / width, MARGINS["bottom"] / height
    return (left, bottom, 1 - left - MARGINS["right"] / width,
            1 - bottom - MARGINS["top"] / height)  # fmt: skip


def _period(axes: Axes, data: StatusChartData) -> None:
    inside = [n for n, m in enumerate(data.months) if m.in_period]
    if inside:
        axes.axvspan(inside[0] - 0.5, inside[-1] + 0.5, color=PERIOD_SHADE, zorder=0, lw=0,
                     gid=PERIOD_GID)  # fmt: skip
        middle = (inside[0] + inside[-1]) / 2
        axes.text(middle, 0.98, data.period, transform=axes.get_xaxis_transform(), ha="center",
                  va="top", fontsize=FONT, color=MUTED, parse_math=False)  # fmt: skip


def _bars(axes: Axes, data: StatusChartData) -> int:
    """Draws the bars and their numbers; returns the highest number drawn."""
    groups = max((len(m.values) for m in data.months), default=0)
    width = GROUP_WIDTH / max(groups, 1)
    highest = 0
    for n, month in enumerate(data.months):
        for g, value in enumerate(month.values):
            x = n - GROUP_WIDTH / 2 + width * (g + 0.5)
            colour = COLOURS[g % len(COLOURS)]
            if value is None:
                axes.text(x, 0, data.hidden, ha="center", va="bottom", rotation=90,
                          fontsize=FONT * 0.8, color=colour, parse_math=False)  # fmt: skip
                continue
            axes.bar(x, value, width=width * 0.92, color=colour, zorder=2, lw=0)
            if value:
                axes.text(x, value, f"{value}", ha="center", va="bottom", fontsize=FONT * 0.8,
                          color=INK, parse_math=False)  # fmt: skip
            highest = max(highest, value)
    return highest


def _style(axes: Axes, data: StatusChartData, top: int) -> None:
    axes.set_xlim(-0.5, len(data.months) - 0.5)
    axes.set_ylim(0, max(top, 4) * 1.18)
    axes.set_xticks(range(len(data.months)), [m.label for m in data.months])
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.tick_params(labelsize=FONT, colors=INK, length=3)
    axes.set_ylabel(data.axis, fontsize=FONT, color=INK)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6, zorder=1)
    axes.set_axisbelow(True)
