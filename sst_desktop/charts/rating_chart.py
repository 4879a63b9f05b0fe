"""The ratings chart of one case as a matplotlib ``Figure``: one code path for the screen (the UI
wraps the figure in a Qt canvas) and the PDFs (``render_png``, in memory).

Three panels share a time axis in day ordinals: outcome totals by session for every respondent
(the focus respondent strongest) with the focus respondent's cut-off line and band of reliable
change around the first outcome total; session-rating totals with the session cut-off line;
absence per period as bars and participation as markers on a scale of its own. Paper-form
ratings are open markers. Expected-treatment-response curves are licensed and never drawn.

Built for speed (bench/rating_chart.py, bar 50 ms): no layout engine (margins in inches,
``fit_margins``), fixed limits and ticks, date ticks worked out in ``date_ticks``, one artist
per series, labels only where they say something.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sst_desktop.charts.date_ticks import date_ticks
from sst_desktop.charts.marks import (
    FONT,
    INK,
    LegendEntry,
    figure_of,
    legend,
    right_label,
    right_title,
    x_scale,
    y_scale,
)
from sst_desktop.charts.rating_chart_data import (
    ChartPoint,
    ChartTexts,
    RatingChartData,
    RespondentSeries,
    SchoolPoint,
)

OUTCOME, SESSION, SCHOOL = "outcome", "session", "school"  # the panels' artist labels
PANELS = (OUTCOME, SESSION, SCHOOL)  # top to bottom
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")  # Okabe-Ito
MUTED = "#6b6b6b"
ABSENCE, PARTICIPATION = "#b9c6d2", "#5b3a8c"
LABEL_WRAP = 16  # characters per line of a label in the right margin
HEIGHTS = (3.0, 1.6, 1.2)  # the panels' shares of the height
MARGINS = {"left": 0.62, "right": 1.2, "top": 0.42, "bottom": 0.36}  # inches
GAP = 0.24  # inches between panels
LABELS_APART = 0.24  # inches between a cut-off label and the band's (two lines) to not meet


@dataclass(frozen=True)
class Stroke:
    linewidth: float
    markersize: float
    alpha: float
    zorder: float


STRONG = Stroke(linewidth=2.2, markersize=5.5, alpha=1.0, zorder=4.0)  # the focus respondent
LIGHT = Stroke(linewidth=1.3, markersize=4.0, alpha=0.6, zorder=3.0)  # the others


def build_figure(
    data: RatingChartData, *, width_in: float = 9, height_in: float = 6, dpi: float = 96
) -> Figure:
    """The chart for ``data``; with no rating at all, the ``no_ratings`` text alone."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white", layout=None)
    drawn = [s for s in data.series if s.outcome or s.session]
    if not drawn:
        figure.text(0.5, 0.5, data.texts.no_ratings, ha="center", va="center",
                    fontsize=FONT * 1.5, color=MUTED)  # fmt: skip
        return figure
    outcome, session, school = (figure.add_axes((0, 0, 1, 1), label=n) for n in PANELS)
    fit_margins(figure)
    focus = _focus(data, drawn)
    colours = {s.key: PALETTE[n % len(PALETTE)] for n, s in enumerate(data.series)}
    _respondents(outcome, session, drawn, focus, colours)
    _panel(outcome, OUTCOME, data.outcome_max, data.texts.outcome_axis)
    _panel(session, SESSION, data.session_max, data.texts.session_axis)
    _panel(school, SCHOOL, Decimal(100), data.texts.school_axis)
    _time_axis((outcome, session, school), _day_span(data), data.texts.months)
    _reference_lines(outcome, session, focus, colours[focus.key], data.texts)
    _school(school, data.school, data.texts)
    _legend(outcome, drawn, focus, colours, data.texts)
    return figure


def render_png(
    data: RatingChartData, *, width_in: float = 9, height_in: float = 6, dpi: float = 200
) -> bytes:
    """The chart as PNG bytes, drawn in memory (the PDFs embed it; no file is ever written)."""
    figure = build_figure(data, width_in=width_in, height_in=height_in, dpi=dpi)
    FigureCanvasAgg(figure)
    buffer = BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def fit_margins(figure: Figure) -> None:
    """Place the panels with margins in inches whatever the figure's size (the Qt canvas
    resizes the figure with the window)."""
    width, height = (float(v) for v in figure.get_size_inches())
    left = min(MARGINS["left"] / width, 0.3)
    right = max(1 - MARGINS["right"] / width, 0.7)
    top = 1 - min(MARGINS["top"] / height, 0.2)
    gap = GAP / height
    plots = max(top - min(MARGINS["bottom"] / height, 0.2) - 2 * gap, 0.1)
    for axes, share in zip(figure.axes, HEIGHTS, strict=False):
        panel = plots * share / sum(HEIGHTS)
        top -= panel
        axes.set_position((left, top, right - left, panel))
        top -= gap


def _focus(data: RatingChartData, drawn: Sequence[RespondentSeries]) -> RespondentSeries:
    chosen = [s for s in drawn if s.key == data.focus]
    with_outcome = [s for s in drawn if s.outcome]
    return (chosen or with_outcome or list(drawn))[0]


def _day_span(data: RatingChartData) -> tuple[int, int]:
    days = [p.on.toordinal() for s in data.series for p in (*s.outcome, *s.session)]
    days += [d.toordinal() for p in data.school for d in (p.start, p.end)]
    first, last = min(days), max(days) + 1
    pad = max(3, (last - first) // 30)
    return first - pad, last + pad


def _time_axis(panels: Sequence[Axes], span: tuple[int, int], months: Sequence[str]) -> None:
    positions, labels = date_ticks(*span, months)
    for axes in panels:
        axes.set_xlim(*span)
        x_scale(axes, positions, labels if axes is panels[-1] else None)


def _respondents(
    outcome: Axes,
    session: Axes,
    drawn: Sequence[RespondentSeries],
    focus: RespondentSeries,
    colours: dict[str, str],
) -> None:
    """One line per respondent and panel, the focus respondent's last (on top)."""
    for series in sorted(drawn, key=lambda s: s.key == focus.key):
        style = STRONG if series is focus else LIGHT
        for axes, points in ((session, series.session), (outcome, series.outcome)):
            if points:
                _series(axes, points, colours[series.key], style).set_label(series.label)


def _series(axes: Axes, points: Sequence[ChartPoint], colour: str, stroke: Stroke) -> Line2D:
    """The line with filled markers, and the paper-form points as open markers over it."""
    xs = [float(p.on.toordinal()) for p in points]
    ys = [float(p.total) for p in points]
    filled = [n for n, p in enumerate(points) if not p.paper]
    line = Line2D(
        xs, ys, color=colour, linewidth=stroke.linewidth, alpha=stroke.alpha,
        zorder=stroke.zorder, marker="o" if filled else "None", markersize=stroke.markersize,
        markevery=None if len(filled) in (0, len(points)) else filled,
    )  # fmt: skip
    axes.add_line(line)
    paper = [n for n, p in enumerate(points) if p.paper]
    if paper:
        axes.add_line(
            Line2D([xs[n] for n in paper], [ys[n] for n in paper], linestyle="None",
                   marker="o", markerfacecolor="white", markeredgecolor=colour,
                   markeredgewidth=1.3, markersize=stroke.markersize + 0.5,
                   alpha=stroke.alpha, zorder=stroke.zorder + 0.5, gid="paper")
        )  # fmt: skip
    return line


def _reference_lines(
    outcome: Axes, session: Axes, focus: RespondentSeries, colour: str, texts: ChartTexts
) -> None:
    """The focus respondent's cut-off lines and band of reliable change, labelled in the right
    margin (the band's label beside the band, moved off the cut-off label when they would meet).
    """
    cutoff = focus.outcome_cutoff
    if cutoff is not None:
        _cutoff_line(outcome, cutoff, texts)
    if focus.reliable_change is not None and focus.outcome:
        centre, half = focus.outcome[0].total, focus.reliable_change
        outcome.axhspan(float(centre - half), float(centre + half), facecolor=colour,
                        alpha=0.14, linewidth=0, zorder=1, gid="reliable_change")  # fmt: skip
        title = textwrap.fill(texts.reliable_change, LABEL_WRAP)
        label = f"{title}\n{number_text(centre, texts)} ± {number_text(half, texts)}"
        right_label(outcome, _band_label_at(outcome, centre, half, cutoff), label, colour)
    if focus.session_cutoff is not None:
        _cutoff_line(session, focus.session_cutoff, texts)


def _band_label_at(axes: Axes, centre: Decimal, half: Decimal, cutoff: Decimal | None) -> float:
    """The band's centre, or its edge away from the cut-off when the two labels would meet
    (at the figure's size when built; the labels are about a quarter of an inch together)."""
    if cutoff is None:
        return float(centre)
    bottom, top = axes.get_ylim()
    panel_in = axes.get_position().height * float(figure_of(axes).get_size_inches()[1])
    apart_in = abs(float(centre - cutoff)) / (top - bottom) * panel_in
    if apart_in > LABELS_APART:
        return float(centre)
    return float(centre + half if centre >= cutoff else centre - half)


def _cutoff_line(axes: Axes, value: Decimal, texts: ChartTexts) -> None:
    axes.axhline(float(value), color=INK, linestyle=(0, (5, 3)), linewidth=1.0, zorder=2,
                 gid="cutoff")  # fmt: skip
    right_label(axes, float(value), f"{texts.cutoff} {number_text(value, texts)}", INK)


def _school(axes: Axes, school: Sequence[SchoolPoint], texts: ChartTexts) -> None:
    """Absence as one collection of bars (start to the end of the last day) and participation
    as markers scaled onto the panel, with its own numbers in the right margin."""
    bars = [
        ((s, 0.0), (s, a), (e, a), (e, 0.0))
        for p in school
        if p.absence_percent is not None
        for s, e, a in [(p.start.toordinal(), p.end.toordinal() + 1, float(p.absence_percent))]
    ]
    if bars:
        axes.add_collection(PolyCollection(bars, facecolors=ABSENCE, edgecolors="white",
                                           linewidths=0.5, zorder=2), autolim=False)  # fmt: skip
    ranks = [(p, p.participation) for p in school if p.participation is not None]
    if not ranks:
        return
    top = max(1, *(r for _, r in ranks))
    middle = [(p.start.toordinal() + p.end.toordinal() + 1) / 2 for p, _ in ranks]
    axes.add_line(Line2D(middle, [_rank_at(r, top) for _, r in ranks], linestyle="None",
                         marker="D", markersize=3.5, color=PARTICIPATION, zorder=3,
                         clip_on=False, gid="participation"))  # fmt: skip
    for rank in (0, top):
        right_label(axes, _rank_at(rank, top), str(rank), PARTICIPATION)
    right_title(axes, texts.participation, PARTICIPATION, pad=16)


def _rank_at(rank: int, top: int) -> float:
    """Where a participation rank sits on the 0-100 scale: clear of the panel's edges."""
    return 5 + 90 * rank / top


def _panel(axes: Axes, name: str, top: Decimal, title: str) -> None:
    """Fixed limits, a handful of ticks of our own (``marks``), no top or right spine."""
    axes.set_ylim(0, float(top))
    y_scale(axes, _y_ticks(float(top), 5 if name == OUTCOME else 3), title)
    axes.xaxis.set_visible(False)
    axes.yaxis.set_visible(False)
    axes.spines[["top", "right"]].set_visible(False)
    axes.patch.set_visible(False)  # the figure is white already


def _y_ticks(top: float, count: int) -> list[float]:
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100) if top / s <= count - 1), top)
    return [n * step for n in range(int(top // step) + 1)]


def _legend(
    axes: Axes,
    drawn: Sequence[RespondentSeries],
    focus: RespondentSeries,
    colours: dict[str, str],
    texts: ChartTexts,
) -> None:
    """Above the top panel, never over the data: in one row, or two in a narrow window."""
    entries = [
        LegendEntry(s.label, colours[s.key], (STRONG if s is focus else LIGHT).linewidth)
        for s in drawn
    ]
    if _any_paper(drawn):
        entries.append(LegendEntry(texts.paper, MUTED, markerfacecolor="white"))
    width_in = float(figure_of(axes).get_size_inches()[0]) - MARGINS["left"] - 0.1
    legend(axes, entries, width=width_in * 72)


def _any_paper(drawn: Sequence[RespondentSeries]) -> bool:
    return any(p.paper for s in drawn for p in (*s.outcome, *s.session))


def number_text(value: Decimal, texts: ChartTexts) -> str:
    """A score as the chart writes it: as derived (cm to one decimal), in the UI's decimal mark."""
    return format(value, "f").replace(".", texts.decimal_separator)
