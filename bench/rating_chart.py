"""Bench: rendering the ratings chart of a case with 40 sessions and three respondents (outcome
and session totals each, 40 school weeks of absence and participation) (issue 6); bar 50 ms
for building the figure and drawing it with Agg, the median after warm-up. A new canvas each
time, as a new chart on screen and a PDF get (matplotlib keeps its text metrics per renderer).
Process CPU time is reported beside the wall clock: on a machine busy with other work it is
the steadier figure. Also reported, with no bar: the 200 dpi PNG that goes into a PDF.

Run: .venv/bin/python bench/rating_chart.py --runs 30
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matplotlib.backends.backend_agg import FigureCanvasAgg

from bench._common import write
from sst_desktop.charts.rating_chart import build_figure, render_png
from sst_desktop.charts.rating_chart_data import RatingChartData
from tests.helpers.chart_data import sample_chart

BAR_MS = 50.0


def render_once(data: RatingChartData) -> tuple[float, float, float]:
    """Wall seconds to build, wall seconds to draw, CPU seconds for both."""
    started, cpu = time.perf_counter(), time.process_time()
    figure = build_figure(data)
    built = time.perf_counter()
    FigureCanvasAgg(figure).draw()
    return built - started, time.perf_counter() - built, time.process_time() - cpu


def ms(values: list[float], quantile: int | None = None) -> float:
    """The median (or the given decile) in milliseconds."""
    value = (
        statistics.median(values)
        if quantile is None
        else statistics.quantiles(values, n=10)[quantile - 1]
    )
    return round(value * 1000, 1)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--respondents", type=int, default=3)
    args = parser.parse_args()
    data = sample_chart(args.sessions, args.respondents)
    for _ in range(args.warmup):
        render_once(data)
    runs = [render_once(data) for _ in range(args.runs)]
    total = [build + draw for build, draw, _ in runs]
    png = []
    for _ in range(max(3, args.runs // 5)):
        started = time.perf_counter()
        render_png(data, width_in=9, height_in=6, dpi=200)
        png.append(time.perf_counter() - started)
    result = {
        "sessions": args.sessions,
        "respondents": args.respondents,
        "runs": args.runs,
        "median_ms": ms(total),
        "p90_ms": ms(total, 9),
        "cpu_median_ms": ms([cpu for _, _, cpu in runs]),
        "cpu_p90_ms": ms([cpu for _, _, cpu in runs], 9),
        "build_median_ms": ms([build for build, _, _ in runs]),
        "draw_median_ms": ms([draw for _, draw, _ in runs]),
        "png_200dpi_median_ms": ms(png),
        "bar_ms": BAR_MS,
        "passed": ms(total) <= BAR_MS,
    }
    write("rating_chart", result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
