"""Ticks, tick labels, axis titles and a legend row drawn as a handful of plain artists.

matplotlib's ``Axis`` makes five artists per tick (two tick lines, a grid line, two labels)
with deep-copied properties, and its ``Legend`` lays out boxes in boxes on every draw: for the
ratings chart that was more than half of the time to build and draw. Here a panel's tick marks
are one ``Line2D`` of tick markers, each label one ``Text`` at a fixed offset in points, and
the legend a row of handles and texts whose widths are measured once from the font. They are
the figure's artists, not the panel's: nothing clips them, so nothing works out a clip box for
each (which ``Axes`` does for every artist it is given).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN, TICKLEFT, MarkerStyle
from matplotlib.text import Text
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Affine2D, Affine2DBase, ScaledTranslation, Transform, offset_copy

FONT = 8.0  # points
INK = "#333333"
TICK = 3.5  # tick length, points
PAD = 2.5  # between a tick and its label, points
Y_TITLE = 22.0  # from the left spine to the y title, points
HANDLE = 20.0  # a legend handle's length, points
LABEL_GAP = 5.0  # between a legend handle and its label, points
ENTRY_GAP = 14.0  # after a legend entry, points
ROW = 12.0  # from one legend row to the next, points
_FONT = FontProperties(size=FONT)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    linewidth: float = 0.0
    marker: str = "o"
    markersize: float = 5.0
    markerfacecolor: str | None = None  # None: filled with the colour


def y_scale(axes: Axes, ticks: Sequence[float], title: str) -> None:
    """Tick marks and labels on the left spine, and the title beside them."""
    figure = figure_of(axes)
    axis = axes.get_yaxis_transform()  # x in axes fractions, y in data
    figure.add_artist(
        Line2D([0.0] * len(ticks), list(ticks), transform=axis, linestyle="None",
               marker=MarkerStyle(TICKLEFT), markersize=TICK, markeredgewidth=0.8, color=INK)
    )  # fmt: skip
    labels = offset_copy(axis, fig=figure, x=-(TICK + PAD), units="points")
    for tick in ticks:
        figure.add_artist(text(0, tick, f"{tick:g}", labels, ha="right", va="center"))
    beside = offset_copy(axes.transAxes, fig=figure, x=-Y_TITLE, units="points")
    figure.add_artist(text(0, 0.5, title, beside, ha="right", va="center", rotation=90))


def x_scale(axes: Axes, ticks: Sequence[float], labels: Sequence[str] | None) -> None:
    """Tick marks under the bottom spine; labels where given (the lowest panel; an empty label
    leaves its tick unlabelled)."""
    figure = figure_of(axes)
    axis = axes.get_xaxis_transform()  # x in data, y in axes fractions
    figure.add_artist(
        Line2D(list(ticks), [0.0] * len(ticks), transform=axis, linestyle="None",
               marker=MarkerStyle(TICKDOWN), markersize=TICK, markeredgewidth=0.8, color=INK)
    )  # fmt: skip
    below = offset_copy(axis, fig=figure, y=-(TICK + PAD), units="points")
    for tick, label in zip(ticks, labels or (), strict=False):
        if label:
            figure.add_artist(text(tick, 0, label, below, ha="center", va="top"))


def right_label(axes: Axes, y: float, words: str, color: str, *, pad: float = 4.0) -> None:
    """A label ``pad`` points right of the panel at ``y`` (data), e.g. a cut-off's."""
    beside = offset_copy(axes.get_yaxis_transform(), fig=figure_of(axes), x=pad, units="points")
    figure_of(axes).add_artist(text(1, y, words, beside, va="center", color=color))


def right_title(axes: Axes, words: str, color: str, *, pad: float) -> None:
    """A scale's title ``pad`` points right of the panel, turned like the left titles."""
    beside = offset_copy(axes.transAxes, fig=figure_of(axes), x=pad, units="points")
    figure_of(axes).add_artist(text(1, 0.5, words, beside, va="center", rotation=90, color=color))


def text(
    x: float,
    y: float,
    words: str,
    transform: Transform,
    *,
    ha: Literal["left", "center", "right"] = "left",
    va: Literal["bottom", "baseline", "center", "top"] = "baseline",
    rotation: float = 0,
    color: str = INK,
) -> Text:
    """A label in the chart's font (never parsed as mathtext)."""
    return Text(x, y, words, transform=transform, fontsize=FONT, color=color,
                horizontalalignment=ha, verticalalignment=va, rotation=rotation,
                parse_math=False)  # fmt: skip


def legend(axes: Axes, entries: Sequence[LegendEntry], *, width: float, above: float = 6) -> None:
    """The entries in rows over the top left corner of ``axes``, the lowest ``above`` points up;
    a row holds what fits in ``width`` points (at least one entry)."""
    figure = figure_of(axes)
    points = Affine2D().scale(1 / 72) + figure.dpi_scale_trans
    points += ScaledTranslation(0, 1, cast(Affine2DBase, axes.transAxes))  # from the corner
    rows = _rows([HANDLE + LABEL_GAP + _text_width(e.label) for e in entries], width)
    for row, placed in enumerate(rows):
        y = above + (len(rows) - 1 - row) * ROW
        for entry, x in ((entries[n], x) for n, x in placed):
            # a line with the marker in its middle, or the marker alone
            xs = [x, x + HANDLE / 2, x + HANDLE] if entry.linewidth else [x + HANDLE / 2]
            figure.add_artist(
                Line2D(xs, [y] * len(xs), transform=points, color=entry.color,
                       linewidth=entry.linewidth, linestyle="-" if entry.linewidth else "None",
                       marker=entry.marker, markersize=entry.markersize,
                       markevery=[1] if entry.linewidth else None,
                       markerfacecolor=entry.markerfacecolor or entry.color)
            )  # fmt: skip
            figure.add_artist(text(x + HANDLE + LABEL_GAP, y, entry.label, points, va="center"))


def _rows(widths: Sequence[float], room: float) -> list[list[tuple[int, float]]]:
    """Entries (index, x) row by row, each row as long as ``room`` allows."""
    rows: list[list[tuple[int, float]]] = [[]]
    x = 0.0
    for n, width in enumerate(widths):
        if rows[-1] and x + width > room:
            rows.append([])
            x = 0.0
        rows[-1].append((n, x))
        x += width + ENTRY_GAP
    return rows


def _text_width(words: str) -> float:
    """The width in points of ``words`` in the chart's font, from the font's metrics."""
    return float(TextToPath().get_text_width_height_descent(words, _FONT, ismath=False)[0])


def figure_of(axes: Axes) -> Figure:
    figure = axes.get_figure(root=True)
    assert isinstance(figure, Figure)
    return figure
