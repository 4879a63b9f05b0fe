"""The ratings chart in its Qt canvas, offscreen: drawn on set_data, a tooltip over a rating."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from sst_desktop.charts.rating_chart import OUTCOME, PALETTE
from sst_desktop.charts.rating_chart_data import RatingChartData
from sst_desktop.ui.widgets.rating_chart_view import RatingChartView
from tests.helpers.chart_data import sample_chart


@pytest.fixture
def view(qtbot: QtBot) -> RatingChartView:
    widget = RatingChartView()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixels(view: RatingChartView) -> np.ndarray:
    try:
        return np.asarray(view.canvas.buffer_rgba())
    except AttributeError:  # not drawn yet
        return np.zeros((0, 0, 4), dtype=np.uint8)


def _has_colour(view: RatingChartView, hex_colour: str) -> bool:
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
    pixels = _pixels(view)
    return bool(pixels.size) and bool((np.abs(pixels[..., :3] - rgb).sum(axis=-1) < 12).any())


def test_set_data_draws_the_chart(view: RatingChartView, qtbot: QtBot) -> None:
    assert view.figure.axes == []  # the empty state until there is data
    view.set_data(sample_chart())
    assert len(view.figure.axes) == 3
    assert view.canvas.figure is view.figure
    qtbot.waitUntil(lambda: _has_colour(view, PALETTE[0]))  # the focus respondent's line
    width, height = view.figure.get_size_inches() * view.figure.dpi
    assert abs(width - view.canvas.width() * view.canvas.device_pixel_ratio) <= 1
    assert abs(height - view.canvas.height() * view.canvas.device_pixel_ratio) <= 1
    view.set_data(RatingChartData(series=(), focus=None))
    assert view.figure.axes == []


def test_a_mouse_move_over_a_rating_shows_its_total(view: RatingChartView, qtbot: QtBot) -> None:
    data = sample_chart()
    view.set_data(data)
    qtbot.waitUntil(lambda: _has_colour(view, PALETTE[0]))
    target = data.series[0].outcome[10]  # the focus respondent is drawn on top
    (outcome,) = [a for a in view.figure.axes if a.get_label() == OUTCOME]
    x, y = outcome.transData.transform((target.on.toordinal(), float(target.total)))
    ratio = view.canvas.device_pixel_ratio
    at = QPoint(round(x / ratio), round(view.canvas.height() - y / ratio))
    qtbot.mouseMove(view.canvas, at)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert f"Total {target.total}" in QToolTip.text()
    assert "Student" in QToolTip.text()
    qtbot.mouseMove(view.canvas, QPoint(5, 5))  # the margin: nothing there
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
