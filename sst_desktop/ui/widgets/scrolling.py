"""A page in a frameless scroll area: at 200 % text size on a laptop a wide or long form scrolls
instead of pushing the window past the edge of the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea(page.parentWidget())
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area
