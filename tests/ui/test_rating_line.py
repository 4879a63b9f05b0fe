"""The 10 cm rating line and the four-line form, as real widgets offscreen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sst_desktop.instruments import score_answers, shipped_catalogue
from sst_desktop.ui.i18n import install_language
from sst_desktop.ui.widgets.line_geometry import FALLBACK_DPI, line_dpi, millimetres_at
from sst_desktop.ui.widgets.rating_form import RatingForm
from sst_desktop.ui.widgets.rating_line import RatingLine

ORS = shipped_catalogue().get("ors")


@pytest.fixture
def line(qtbot: QtBot) -> RatingLine:
    widget = RatingLine("Individual")
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _x(line: RatingLine, millimetres: float) -> float:
    left, _right = line.line_span()
    return left + millimetres * line.line_dpi.pixels_per_mm


def _click(line: RatingLine, x: float) -> None:
    QTest.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(round(x), 10))


def test_no_mark_until_the_user_sets_one(line: RatingLine) -> None:
    assert line.value is None
    assert line.accessibleName() == "Individual"
    assert line.accessibleDescription() == "Not marked"


def test_a_click_in_the_middle_gives_50(line: RatingLine, qtbot: QtBot) -> None:
    with qtbot.waitSignal(line.value_changed) as signal:
        _click(line, _x(line, 50))
    assert line.value == 50
    assert signal.args == [50]
    assert "50 mm" in line.accessibleDescription()
    assert line.toolTip() == line.accessibleDescription()


def test_clicks_at_and_beyond_the_ends_clamp(line: RatingLine) -> None:
    _click(line, _x(line, 0))
    assert line.value == 0
    _click(line, _x(line, 100) + 6)
    assert line.value == 100
    _click(line, 1)
    assert line.value == 0


def test_a_drag_moves_the_mark(line: RatingLine) -> None:
    QTest.mousePress(line, Qt.MouseButton.LeftButton, pos=QPoint(round(_x(line, 20)), 10))
    assert line.value == 20
    QTest.mouseMove(line, QPoint(round(_x(line, 70)), 12))
    assert line.value == 70
    QTest.mouseRelease(line, Qt.MouseButton.LeftButton, pos=QPoint(round(_x(line, 73)), 12))
    assert line.value == 70


def test_arrow_keys_move_by_one_millimetre_and_clamp(line: RatingLine) -> None:
    QTest.keyClick(line, Qt.Key.Key_Right)  # the first arrow puts the mark in the middle
    assert line.value == 50
    QTest.keyClick(line, Qt.Key.Key_Right)
    assert line.value == 51
    QTest.keyClick(line, Qt.Key.Key_Left)
    QTest.keyClick(line, Qt.Key.Key_Left)
    assert line.value == 49
    QTest.keyClick(line, Qt.Key.Key_Home)
    QTest.keyClick(line, Qt.Key.Key_Left)
    assert line.value == 0
    QTest.keyClick(line, Qt.Key.Key_End)
    QTest.keyClick(line, Qt.Key.Key_Right)
    assert line.value == 100


_TOUCHSCREEN: list[QPointingDevice] = []  # made once: Qt keeps a pointer to every device


def _touch(line: RatingLine, kind: str, x: float) -> None:
    """Through Qt's own touch pipeline (QTest): the widget gets real QTouchEvents."""
    if not _TOUCHSCREEN:
        _TOUCHSCREEN.append(QTest.createTouchDevice())
    sequence = QTest.touchEvent(line, _TOUCHSCREEN[0])
    getattr(sequence, kind)(0, QPoint(round(x), 12))
    sequence.commit()


def test_touch_sets_and_moves_the_value(line: RatingLine) -> None:
    # Offscreen, QTest places touch points ~2 px left of where asked (the window's frame
    # offset), so a touch lands within a millimetre of its target.
    _touch(line, "press", _x(line, 30))
    assert line.value is not None and abs(line.value - 30) <= 1
    _touch(line, "move", _x(line, 64))
    assert line.value is not None and abs(line.value - 64) <= 1
    moved = line.value
    _touch(line, "release", _x(line, 90))
    assert line.value == moved


def test_a_pen_sets_the_value(line: RatingLine) -> None:
    where = QPointF(_x(line, 37), 12)
    event = QTabletEvent(
        QEvent.Type.TabletPress,
        QPointingDevice.primaryPointingDevice(),
        where,
        line.mapToGlobal(where),
        0.5,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
    )
    QApplication.sendEvent(line, event)
    assert line.value == 37


def test_a_locked_line_ignores_input(line: RatingLine) -> None:
    _click(line, _x(line, 40))
    line.locked = True
    _click(line, _x(line, 80))
    QTest.keyClick(line, Qt.Key.Key_Right)
    QTest.keyClick(line, Qt.Key.Key_End)
    _touch(line, "press", _x(line, 10))
    assert line.value == 40
    assert "saved" in line.accessibleDescription()


def test_the_line_is_100_mm_at_the_dpi_used(line: RatingLine) -> None:
    left, right = line.line_span()
    assert abs((right - left) - line.line_dpi.dpi / 25.4 * 100) <= 1
    assert line.width() >= right
    # Offscreen has no physical screen: 96 dpi, and the line says it cannot be sure.
    assert line.line_dpi.dpi == FALLBACK_DPI
    assert not line.dpi_reliable
    assert "10 cm" in line.dpi_note()


class _Screen:
    def __init__(self, dpi: float) -> None:
        self.dpi = dpi

    def physicalDotsPerInchX(self) -> float:
        return self.dpi


@pytest.mark.parametrize(
    ("dpi", "platform", "expected", "reliable"),
    [
        (141.0, "xcb", 141.0, True),
        (20.0, "xcb", FALLBACK_DPI, False),
        (900.0, "wayland", FALLBACK_DPI, False),
        (float("nan"), "windows", FALLBACK_DPI, False),
        (100.0, "offscreen", FALLBACK_DPI, False),
    ],
)
def test_the_dpi_is_the_screens_when_plausible(
    dpi: float, platform: str, expected: float, reliable: bool
) -> None:
    found = line_dpi(_Screen(dpi), platform)
    assert (found.dpi, found.reliable) == (expected, reliable)
    assert abs(found.line_pixels - expected / 25.4 * 100) < 1e-9


def test_positions_round_half_up_to_millimetres() -> None:
    assert millimetres_at(24.5, 1.0) == 25
    assert millimetres_at(24.49, 1.0) == 24
    assert millimetres_at(-3, 1.0) == 0
    assert millimetres_at(500, 1.0) == 100


def test_a_child_line_with_faces_keeps_its_length(qtbot: QtBot) -> None:
    child = RatingLine("Me", faces=True)
    qtbot.addWidget(child)
    left, right = child.line_span()
    assert left > 30
    assert abs((right - left) - child.line_dpi.line_pixels) < 1e-9
    assert child.sizeHint().width() >= right + 30


@pytest.fixture
def swedish() -> Iterator[None]:
    saved = QLocale()
    install_language("sv")
    yield
    install_language("en")
    QLocale.setDefault(saved)


def test_the_form_total_is_the_engines_in_swedish(qtbot: QtBot, swedish: None) -> None:
    form = RatingForm(ORS, age=15)
    qtbot.addWidget(form)
    marks = {"individual": 74, "interpersonal": 55, "social": 81, "overall": 64}
    for key, millimetres in marks.items():
        assert not form.is_complete
        assert form.total() is None
        form.lines[key].set_value(millimetres)
    assert form.is_complete
    expected = score_answers(ORS, marks, age=15).scores["total"]
    assert form.total() == expected
    assert str(expected) == "27.4"
    assert form.total_label.text() == "Summa: 27,4 av 40"
    assert form.lines["social"].accessibleName() == "Skola och socialt"


def test_the_form_is_complete_only_with_four_marks(qtbot: QtBot) -> None:
    form = RatingForm(ORS, age=15)
    qtbot.addWidget(form)
    completeness = []
    form.changed.connect(lambda: completeness.append(form.is_complete))
    for n, line in enumerate(form.lines.values()):
        QTest.keyClick(line, Qt.Key.Key_End)
        assert form.is_complete is (n == 3)
    assert completeness == [False, False, False, True]
    form.set_locked(True)
    assert all(line.locked for line in form.lines.values())
