"""A pad to sign on with the mouse, a finger or a pen: every pen-down-to-pen-up run of points is
a stroke, kept in the pad's own pixels (``SignatureStrokes``) and drawn as it comes.

``changed`` fires after each stroke and after ``clear()``; ``is_signed`` says whether the strokes
are long enough to be a signature (a tap is not). Once ``locked`` (after saving), nothing draws.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from sst_desktop.casework.signature_strokes import MIN_LENGTH, SignatureStrokes

TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)
INK = QColor(20, 30, 70)
LINE = QColor(150, 150, 150)


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[tuple[int, int]]] = []
        self._drawing = False
        self._locked = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(self.tr("Sign here with the mouse, a finger or a pen."))

    # -- state ----------------------------------------------------------------------------------

    def strokes(self) -> SignatureStrokes:
        return SignatureStrokes(
            max(self.width(), 1),
            max(self.height(), 1),
            tuple(tuple(stroke) for stroke in self._strokes if stroke),
        )

    @property
    def is_signed(self) -> bool:
        return self.strokes().length() >= MIN_LENGTH

    @property
    def locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool) -> None:
        self._locked = locked
        self._drawing = False
        self.setCursor(Qt.CursorShape.ArrowCursor if locked else Qt.CursorShape.CrossCursor)

    def clear(self) -> None:
        if self._locked:
            return
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 160)

    # -- input ----------------------------------------------------------------------------------

    def _begin(self, at: QPointF) -> None:
        if self._locked:
            return
        self._drawing = True
        self._strokes.append([_point(at)])
        self.update()

    def _extend(self, at: QPointF) -> None:
        if not self._drawing:
            return
        point = _point(at)
        if self._strokes[-1][-1] != point:
            self._strokes[-1].append(point)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # the pen's synthesized mouse events would draw the stroke twice

    def event(self, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS and isinstance(event, QTouchEvent):
            points = event.points()
            if points:
                at = points[0].position()
                if event.type() == QEvent.Type.TouchBegin:
                    self._begin(at)
                elif event.type() == QEvent.Type.TouchUpdate:
                    self._extend(at)
                else:
                    self._end()
            event.accept()
            return True
        return super().event(event)

    # -- drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        baseline = self.height() * 0.75
        painter.setPen(QPen(LINE, 1))
        painter.drawLine(QPointF(16, baseline), QPointF(self.width() - 16, baseline))
        painter.drawText(QPointF(16, baseline - 6), "×")
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        pen = QPen(INK, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(QPointF(*stroke[0]))
                continue
            path = QPainterPath(QPointF(*stroke[0]))
            for x, y in stroke[1:]:
                path.lineTo(x, y)
            painter.drawPath(path)
        painter.end()


def _point(at: QPointF) -> tuple[int, int]:
    return round(at.x()), round(at.y())
