"""The ratings chart on screen: the figure from ``sst_desktop.charts`` in matplotlib's Qt canvas,
with the rating under the mouse shown as a tooltip (the pure ``nearest_point`` finds it).

``set_data`` builds a new figure (the chart is pure and rebuilt whole; building and drawing
take a few tens of milliseconds) in a new canvas. The canvas resizes the figure with the
widget; the margins are set again in inches on every resize, so labels never clip.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")  # PySide6 is imported already; this only says so

from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from sst_desktop.charts.hover import HoverInfo, nearest_point
from sst_desktop.charts.rating_chart import build_figure, fit_margins
from sst_desktop.charts.rating_chart_data import RatingChartData

BASE_DPI = 96  # the figure's dots per inch at a device pixel ratio of 1 (Qt's logical pixels)
NO_DATA = RatingChartData(series=(), focus=None)


class RatingChartView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._data = NO_DATA
        self._figure: Figure | None = None
        self._canvas: FigureCanvasQTAgg | None = None
        self.set_data(NO_DATA)

    @property
    def canvas(self) -> FigureCanvasQTAgg:
        assert self._canvas is not None
        return self._canvas

    @property
    def figure(self) -> Figure:
        assert self._figure is not None
        return self._figure

    def set_data(self, data: RatingChartData) -> None:
        """Draw ``data`` (the empty state says so when there is no rating)."""
        width, height = self.width(), self.height()
        size = {"width_in": width / BASE_DPI, "height_in": height / BASE_DPI}
        figure = build_figure(data, dpi=BASE_DPI, **(size if width > 200 and height > 150 else {}))
        canvas = FigureCanvasQTAgg(figure)
        canvas.mpl_connect("resize_event", lambda _event: fit_margins(figure))
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        canvas.mpl_connect("figure_leave_event", lambda _event: QToolTip.hideText())
        if self._canvas is not None:
            self._layout.removeWidget(self._canvas)
            self._canvas.deleteLater()
        self._layout.addWidget(canvas)
        self._data, self._figure, self._canvas = data, figure, canvas
        canvas.draw_idle()

    def hover_at(self, x: float, y: float) -> HoverInfo | None:
        """The rating at display position (``x``, ``y``): matplotlib's physical pixels, from
        the bottom left, as its mouse events carry them."""
        return nearest_point(self.figure, self._data, x, y)

    def _on_motion(self, event: MouseEvent) -> None:
        info = None if event.x is None else self.hover_at(event.x, event.y)
        if info is None:
            QToolTip.hideText()
            return
        QToolTip.showText(self._global_position(event), info.text, self.canvas)

    @staticmethod
    def _global_position(event: MouseEvent) -> QPoint:
        gui = event.guiEvent
        if gui is not None and hasattr(gui, "globalPosition"):
            return gui.globalPosition().toPoint()
        return QCursor.pos()
