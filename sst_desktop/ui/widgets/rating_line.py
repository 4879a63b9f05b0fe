"""One visual-analogue line, exactly 10 cm on screen, marked by mouse, touch, pen or keyboard.

The mark is an integer number of millimetres 0-100 (``None`` until the user sets one), as the
instrument engine stores it. The line's pixel length comes from the screen's physical DPI
(``line_geometry``); when the screen cannot report one, ``dpi_reliable`` is False and
``dpi_note()`` says so in the user's language. Once ``locked`` (after saving) nothing moves it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from sst_desktop.ui.widgets.line_faces import draw_face
from sst_desktop.ui.widgets.line_geometry import LINE_MM, LineDpi, line_dpi, millimetres_at

MARK_HALF_HEIGHT = 14.0
END_TICK = 10.0
FACE_SIZE = 30.0
PADDING = 8.0  # room for the mark's stroke beyond each end
# Keys that step the mark: millimetres to move, or an absolute position.
STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_PageDown: -10, Qt.Key.Key_PageUp: 10}
ENDS = {Qt.Key.Key_Home: 0, Qt.Key.Key_End: LINE_MM}
TOUCH_EVENTS = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)


class RatingLine(QWidget):
    value_changed = Signal(int)

    def __init__(self, label: str = "", *, faces: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._value: int | None = None
        self._locked = False
        self._faces = faces
        self._anchors = ("", "")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(label)
        self._describe()

    # -- state ----------------------------------------------------------------------------------

    @property
    def value(self) -> int | None:
        return self._value

    def set_value(self, millimetres: int | None) -> None:
        """Place the mark (programmatically, e.g. a saved rating); ignores ``locked``."""
        if millimetres is not None:
            millimetres = max(0, min(LINE_MM, int(millimetres)))
        if millimetres == self._value:
            return
        self._value = millimetres
        self._describe()
        self.update()
        if millimetres is not None:
            self.value_changed.emit(millimetres)

    @property
    def locked(self) -> bool:
        return self._locked

    @locked.setter
    def locked(self, locked: bool) -> None:
        self._locked = locked
        self.setCursor(Qt.CursorShape.ArrowCursor if locked else Qt.CursorShape.PointingHandCursor)
        self._describe()
        self.update()

    def set_anchors(self, left: str, right: str) -> None:
        """Neutral words under the two ends (e.g. the low and the high end)."""
        self._anchors = (left, right)
        self.updateGeometry()
        self.update()

    @property
    def faces(self) -> bool:
        return self._faces

    # -- geometry -------------------------------------------------------------------------------

    @property
    def line_dpi(self) -> LineDpi:
        return line_dpi(self.screen(), QGuiApplication.platformName())

    @property
    def dpi_reliable(self) -> bool:
        return self.line_dpi.reliable

    def dpi_note(self) -> str:
        """The sentence to show when the line's length cannot be trusted; empty when it can."""
        if self.dpi_reliable:
            return ""
        return self.tr(
            "The screen does not report its size; the line may be shorter or longer than 10 cm."
        )

    def line_span(self) -> tuple[float, float]:
        """The x of the line's left and right ends, in widget pixels."""
        left = self._side_margin()
        return left, left + self.line_dpi.line_pixels

    def line_y(self) -> float:
        return max(MARK_HALF_HEIGHT, FACE_SIZE / 2 if self._faces else 0.0) + 2

    def sizeHint(self) -> QSize:
        width = self.line_dpi.line_pixels + 2 * self._side_margin()
        height = self.line_y() * 2
        if any(self._anchors):
            height += self.fontMetrics().height()
        return QSize(int(width + 1), int(height + 1))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _side_margin(self) -> float:
        return PADDING + (FACE_SIZE + 6 if self._faces else 0.0)

    def _millimetres_at(self, x: float) -> int:
        left, _right = self.line_span()
        return millimetres_at(x - left, self.line_dpi.pixels_per_mm)

    # -- input ----------------------------------------------------------------------------------

    def _mark_at(self, x: float) -> None:
        if not self._locked:
            self.set_value(self._millimetres_at(x))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._mark_at(event.position().x())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._mark_at(event.position().x())
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        if event.type() == QEvent.Type.TabletPress or event.buttons():
            self._mark_at(event.position().x())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() in TOUCH_EVENTS and isinstance(event, QTouchEvent):
            points = event.points()
            if points and event.type() != QEvent.Type.TouchEnd:
                self._mark_at(points[0].position().x())
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key not in STEPS and key not in ENDS:
            super().keyPressEvent(event)
            return
        event.accept()
        if self._locked:
            return
        if key in ENDS:
            self.set_value(ENDS[key])
        elif self._value is None:  # the first arrow puts the mark in the middle to move from
            self.set_value(LINE_MM // 2)
        else:
            self.set_value(self._value + STEPS[key])

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- accessibility --------------------------------------------------------------------------

    def _describe(self) -> None:
        if self._value is None:
            text = self.tr("Not marked")
        else:
            text = self.tr("Marked at %1 mm of 100").replace("%1", str(self._value))
        if self._locked:
            text = self.tr("%1 (saved)").replace("%1", text)
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:  # a painter left active on an exception crashes Qt
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        left, right = self.line_span()
        y = self.line_y()
        painter.setPen(_pen(ink, 2, Qt.PenCapStyle.FlatCap))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        for x in (left, right):
            painter.drawLine(QPointF(x, y - END_TICK / 2), QPointF(x, y + END_TICK / 2))
        if self._faces:
            box = QRectF(0, 0, FACE_SIZE, FACE_SIZE)
            box.moveCenter(QPointF(left - FACE_SIZE / 2 - 6, y))
            draw_face(painter, box, ink, happy=False)
            box.moveCenter(QPointF(right + FACE_SIZE / 2 + 6, y))
            draw_face(painter, box, ink, happy=True)
        self._paint_anchors(painter, left, right, y)
        self._paint_mark(painter, palette, left, y)

    def _paint_anchors(self, painter: QPainter, left: float, right: float, y: float) -> None:
        if not any(self._anchors):
            return
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        top = y + MARK_HALF_HEIGHT + 2
        height = self.fontMetrics().height()
        half = (right - left) / 2
        painter.drawText(
            QRectF(left, top, half, height), Qt.AlignmentFlag.AlignLeft, self._anchors[0]
        )
        painter.drawText(
            QRectF(left + half, top, half, height), Qt.AlignmentFlag.AlignRight, self._anchors[1]
        )

    def _paint_mark(self, painter: QPainter, palette: QPalette, left: float, y: float) -> None:
        if self._value is None:
            if self.hasFocus() and not self._locked:  # where the keys will act: the whole line
                left, right = self.line_span()
                painter.setPen(
                    QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
                )
                painter.drawRect(QRectF(left - 4, y - END_TICK, right - left + 8, 2 * END_TICK))
            return
        role = QPalette.ColorRole.Highlight if not self._locked else QPalette.ColorRole.WindowText
        x = left + self._value * self.line_dpi.pixels_per_mm
        painter.setPen(_pen(palette.color(role), 3, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(x, y - MARK_HALF_HEIGHT), QPointF(x, y + MARK_HALF_HEIGHT))
        if self.hasFocus() and not self._locked:
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            )
            painter.drawRect(QRectF(x - 6, y - MARK_HALF_HEIGHT - 2, 12, 2 * MARK_HALF_HEIGHT + 4))


def _pen(colour: QColor, width: float, cap: Qt.PenCapStyle) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(cap)
    return pen
