"""What the ratings chart says about the point under the mouse: pure logic, no Qt.

The UI gives the figure, the data it was built from and the mouse position in matplotlib's
display coordinates (pixels from the bottom left, as matplotlib's mouse events carry them);
``nearest_point`` finds the closest rating within a few points and writes its text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.figure import Figure

from sst_desktop.charts.rating_chart import OUTCOME, SESSION, number_text
from sst_desktop.charts.rating_chart_data import (
    ChartPoint,
    ChartTexts,
    RatingChartData,
    RespondentSeries,
)

RADIUS_PT = 6.0  # how far from a marker the mouse may be, in points (scales with the dpi)


@dataclass(frozen=True)
class HoverInfo:
    series: RespondentSeries
    panel: str  # OUTCOME or SESSION
    point: ChartPoint
    text: str


def nearest_point(
    figure: Figure, data: RatingChartData, x: float, y: float, *, radius_pt: float = RADIUS_PT
) -> HoverInfo | None:
    """The rating drawn nearest to display position (``x``, ``y``), if within ``radius_pt``."""
    panels = {axes.get_label(): axes for axes in figure.axes}
    best: tuple[float, str, RespondentSeries, ChartPoint] | None = None
    for panel, kind in ((OUTCOME, "outcome"), (SESSION, "session")):
        axes = panels.get(panel)
        if axes is None:
            continue
        for series in data.series:
            points: tuple[ChartPoint, ...] = getattr(series, kind)
            if not points:
                continue
            days = [(p.on.toordinal(), float(p.total)) for p in points]
            pixels = axes.transData.transform(np.array(days, dtype=float))
            distances = np.hypot(pixels[:, 0] - x, pixels[:, 1] - y)
            index = int(np.argmin(distances))
            if best is None or distances[index] < best[0]:
                best = (float(distances[index]), panel, series, points[index])
    if best is None or best[0] > radius_pt * figure.dpi / 72:
        return None
    _, panel, series, point = best
    return HoverInfo(series, panel, point, hover_text(series, panel, point, data.texts))


def hover_text(series: RespondentSeries, panel: str, point: ChartPoint, texts: ChartTexts) -> str:
    """Respondent and scale, date and session, total, every item; "paper form" when so."""
    scale = texts.outcome_axis if panel == OUTCOME else texts.session_axis
    lines = [
        f"{series.label} · {scale}",
        f"{point.on.isoformat()} · {texts.session_number.format(number=point.session)}",
        f"{texts.total} {number_text(point.total, texts)}",
        *(f"{label} {number_text(score, texts)}" for label, score in point.items),
    ]
    if point.paper:
        lines.append(texts.paper)
    return "\n".join(lines)
