"""The ratings chart as a matplotlib figure: what is drawn where, the empty state, the PNG for
the PDFs (in memory, no file) and the hover text. No Qt."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from sst_desktop.charts.hover import nearest_point
from sst_desktop.charts.rating_chart import OUTCOME, SCHOOL, SESSION, build_figure, render_png
from sst_desktop.charts.rating_chart_data import (
    ChartPoint,
    ChartTexts,
    RatingChartData,
    RespondentSeries,
    SchoolPoint,
)
from tests.helpers.chart_data import sample_chart

START = date(2026, 2, 2)
ITEMS = ("Individual", "Interpersonal", "Social", "Overall")


def point(week: int, total: str, *, paper: bool = False) -> ChartPoint:
    quarter = Decimal(total) / 4
    return ChartPoint(START + timedelta(weeks=week), week + 1, Decimal(total),
                      tuple((label, quarter) for label in ITEMS), paper)  # fmt: skip


def series(key: str, totals: tuple[str, ...], *, cutoff: str = "28", paper: int = -1):
    outcome = tuple(point(n, t, paper=n == paper) for n, t in enumerate(totals))
    return RespondentSeries(key, key.title(), outcome, outcome[:2], Decimal(cutoff), Decimal(5),
                            Decimal(36))  # fmt: skip


def small(focus: str = "student", **texts: str) -> RatingChartData:
    return RatingChartData(
        series=(
            series("student", ("14.2", "18.0", "21.5", "30.1")),
            series("guardian", ("20.0", "22.4", "23.0", "24.8"), cutoff="25", paper=2),
        ),
        focus=focus,
        school=(SchoolPoint(START, START + timedelta(days=4), Decimal(60), 1),
                SchoolPoint(START + timedelta(weeks=1), START + timedelta(weeks=1, days=4),
                            Decimal(20), 3)),
        texts=ChartTexts(**texts),
    )  # fmt: skip


def panel(figure: Figure, name: str) -> Axes:
    (axes,) = [a for a in figure.axes if a.get_label() == name]
    return axes


def lines(axes: Axes, gid: str | None = None) -> list[Line2D]:
    return [line for line in axes.lines if line.get_gid() == gid]


def words(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def test_three_panels_share_the_time_axis_with_fixed_ranges() -> None:
    figure = build_figure(small())
    assert [a.get_label() for a in figure.axes] == [OUTCOME, SESSION, SCHOOL]
    outcome, session, school = figure.axes
    assert outcome.get_ylim() == (0, 40) and session.get_ylim() == (0, 40)
    assert school.get_ylim() == (0, 100)
    assert outcome.get_xlim() == session.get_xlim() == school.get_xlim()
    assert outcome.get_position().height > session.get_position().height  # the tallest
    assert outcome.get_position().y0 > session.get_position().y0 > school.get_position().y0


def test_one_line_per_respondent_with_its_totals_the_focus_strongest() -> None:
    data = small()
    figure = build_figure(data)
    by_label = {line.get_label(): line for line in lines(panel(figure, OUTCOME))}
    assert set(by_label) == {"Student", "Guardian"}
    for respondent in data.series:
        line = by_label[respondent.label]
        assert list(line.get_ydata()) == [float(p.total) for p in respondent.outcome]
        assert list(line.get_xdata()) == [p.on.toordinal() for p in respondent.outcome]
    assert by_label["Student"].get_linewidth() > by_label["Guardian"].get_linewidth()
    assert by_label["Student"].get_zorder() > by_label["Guardian"].get_zorder()
    session = {line.get_label(): line for line in lines(panel(figure, SESSION))}
    assert list(session["Guardian"].get_ydata()) == [20.0, 22.4]


@pytest.mark.parametrize(("focus", "cutoff"), [("student", 28.0), ("guardian", 25.0)])
def test_the_cutoff_line_is_the_focus_respondents(focus: str, cutoff: float) -> None:
    figure = build_figure(small(focus, cutoff="Gränsvärde"))
    (line,) = lines(panel(figure, OUTCOME), "cutoff")
    assert list(line.get_ydata()) == [cutoff, cutoff]
    assert line.get_linestyle() == "--"
    assert f"Gränsvärde {cutoff:g}" in words(figure)
    (session_line,) = lines(panel(figure, SESSION), "cutoff")
    assert list(session_line.get_ydata()) == [36.0, 36.0]


@pytest.mark.parametrize(("focus", "first"), [("student", 14.2), ("guardian", 20.0)])
def test_the_band_spans_the_first_total_plus_minus_reliable_change(
    focus: str, first: float
) -> None:
    figure = build_figure(small(focus))
    (band,) = [p for p in panel(figure, OUTCOME).patches if p.get_gid() == "reliable_change"]
    assert isinstance(band, Rectangle)
    assert band.get_y() == pytest.approx(first - 5)
    assert band.get_y() + band.get_height() == pytest.approx(first + 5)
    assert 0 < band.get_alpha() < 1  # translucent
    assert any(w.startswith("Reliable change") for w in words(figure))


def test_the_band_label_moves_off_the_cutoff_label_when_they_would_meet() -> None:
    near = RatingChartData(series=(series("student", ("27.0", "29.0")),), focus="student")
    far = RatingChartData(series=(series("student", ("12.0", "29.0")),), focus="student")

    def band_label_y(data: RatingChartData) -> float:
        (label,) = [t for t in build_figure(data).findobj(Text)
                    if t.get_text().startswith("Reliable change")]  # fmt: skip
        return float(label.get_position()[1])

    assert band_label_y(far) == 12.0  # beside the band's middle
    assert band_label_y(near) == 22.0  # the band's edge away from the cut-off at 28


def test_paper_form_points_are_open_markers() -> None:
    figure = build_figure(small())
    (paper,) = lines(panel(figure, OUTCOME), "paper")
    assert list(paper.get_ydata()) == [23.0]
    assert paper.get_markerfacecolor() == "white"
    assert paper.get_linestyle() == "None"
    (guardian,) = [line for line in lines(panel(figure, OUTCOME)) if line.get_label() == "Guardian"]
    assert list(guardian.get_markevery()) == [0, 1, 3]  # its filled markers skip the paper one
    assert "paper form" in words(figure)


def test_absence_bars_and_participation_share_the_time_axis() -> None:
    figure = build_figure(small())
    school = panel(figure, SCHOOL)
    (bars,) = [c for c in school.collections if isinstance(c, PolyCollection)]
    tops = sorted(max(y for _, y in path.vertices) for path in bars.get_paths())
    assert tops == [20.0, 60.0]
    (participation,) = lines(school, "participation")
    assert list(participation.get_ydata()) == pytest.approx([35.0, 95.0])  # ranks 1 and 3 of 3


def test_texts_come_from_the_data_and_the_legend_names_every_respondent() -> None:
    figure = build_figure(small(outcome_axis="Mående (ORS)", months=tuple("JFMAMJJASOND")))
    drawn = words(figure)
    assert {"Mående (ORS)", "Session (SRS)", "Absence %", "Student", "Guardian"} <= set(drawn)
    assert {"2 F", "9 F", "16 F", "23 F"} <= set(drawn)  # a short case: weekly, Mondays
    assert {"Feb 2026", "Apr", "Jun"} <= set(words(build_figure(sample_chart())))


def test_no_ratings_draws_the_text_and_no_panels() -> None:
    nothing = RespondentSeries("self", "Student", (), (), None, None, None)
    data = RatingChartData((nothing,), "self", texts=ChartTexts(no_ratings="Inga skattningar än"))
    figure = build_figure(data)
    assert figure.axes == []
    assert words(figure) == ["Inga skattningar än"]
    assert render_png(data, width_in=4, height_in=3, dpi=50).startswith(b"\x89PNG")


def test_render_png_gives_png_bytes_and_writes_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd, temp = tmp_path / "cwd", tmp_path / "tmp"
    cwd.mkdir()
    temp.mkdir()
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    png = render_png(sample_chart(), width_in=9, height_in=6, dpi=100)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert png[16:24] == (900).to_bytes(4, "big") + (600).to_bytes(4, "big")  # IHDR size
    assert list(cwd.iterdir()) == [] and list(temp.iterdir()) == []


def display_position(figure: Figure, name: str, at: ChartPoint) -> tuple[float, float]:
    x, y = panel(figure, name).transData.transform((at.on.toordinal(), float(at.total)))
    return float(x), float(y)


def test_hover_finds_the_nearest_rating_with_its_item_scores() -> None:
    data = small(decimal_separator=",")
    figure = build_figure(data)
    target = data.series[0].outcome[2]
    x, y = display_position(figure, OUTCOME, target)
    info = nearest_point(figure, data, x + 2, y - 3)
    assert info is not None
    assert info.point == target and info.series.key == "student" and info.panel == OUTCOME
    assert info.text.splitlines() == [
        "Student · Outcome (ORS)",
        f"{target.on.isoformat()} · Session 3",
        "Total 21,5",
        *(f"{label} 5,375" for label in ITEMS),
    ]


def test_hover_in_the_session_panel_and_on_a_paper_form() -> None:
    data = small()
    figure = build_figure(data)
    session_point = data.series[1].session[1]
    info = nearest_point(figure, data, *display_position(figure, SESSION, session_point))
    assert info is not None and info.panel == SESSION and info.point == session_point
    paper_point = data.series[1].outcome[2]
    info = nearest_point(figure, data, *display_position(figure, OUTCOME, paper_point))
    assert info is not None and info.text.endswith("\npaper form")


def test_hover_far_from_every_point_finds_nothing() -> None:
    data = small()
    figure = build_figure(data)
    x, y = display_position(figure, OUTCOME, data.series[0].outcome[0])
    assert nearest_point(figure, data, x, y - 40) is None  # 40 px under the lowest total
    assert nearest_point(figure, data, x, y - 6) is not None  # 6 px: near enough
    assert nearest_point(figure, data, 3, 3) is None
    empty = RatingChartData(series=(), focus=None)
    assert nearest_point(build_figure(empty), empty, 100, 100) is None
