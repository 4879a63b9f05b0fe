"""The faces at the ends of a child's rating line, drawn with the painter (no image files)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen


def draw_face(painter: QPainter, box: QRectF, colour: QColor, *, happy: bool) -> None:
    """A round face in ``box``: two eyes and a mouth curving up (happy) or down (sad)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = max(1.5, box.width() / 16)
    painter.setPen(QPen(colour, stroke))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(box.adjusted(stroke, stroke, -stroke, -stroke))
    painter.setBrush(colour)
    eye = box.width() / 20
    for x in (0.36, 0.64):
        painter.drawEllipse(_at(box, x, 0.38), eye, eye)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    mouth = QRectF(0, 0, box.width() * 0.44, box.height() * 0.3)
    if happy:  # the lower part of an ellipse just below the eyes
        mouth.moveCenter(_at(box, 0.5, 0.56))
        painter.drawArc(mouth, 200 * 16, 140 * 16)
    else:  # the upper part of an ellipse low in the face
        mouth.moveCenter(_at(box, 0.5, 0.8))
        painter.drawArc(mouth, 20 * 16, 140 * 16)
    painter.restore()


def _at(box: QRectF, x: float, y: float) -> QPointF:
    """The point at fractions ``x``, ``y`` of the box."""
    return QPointF(box.left() + box.width() * x, box.top() + box.height() * y)
