"""The colours that carry meaning stay readable in the light and the dark palette (WCAG AA),
and the style sheet follows the palette the OS gives."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from sst_desktop.ui.appearance import DARK, LIGHT, is_dark, style_sheet

# Window colours of common light and dark palettes (Fusion, Windows 11, macOS, GNOME/Adwaita).
LIGHT_WINDOWS = ("#ffffff", "#efefef", "#f3f3f3", "#ececec", "#fafafa")
DARK_WINDOWS = ("#353535", "#202020", "#1e1e1e", "#2b2b2b", "#242424")


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("colours", "windows"), [(LIGHT, LIGHT_WINDOWS), (DARK, DARK_WINDOWS)])
def test_meaning_colours_have_aa_contrast(colours: dict[str, str], windows: tuple[str, ...]):
    for window in windows:
        assert contrast(colours["ERROR"], window) >= 4.5, (colours["ERROR"], window)
        assert contrast(colours["WARNING"], window) >= 4.5, (colours["WARNING"], window)
    assert contrast(colours["BANNER_FG"], colours["BANNER_BG"]) >= 4.5


def test_the_style_sheet_follows_the_palette(qtbot: QtBot) -> None:
    dark = QPalette(QColor("#353535"))
    light = QPalette(QColor("#efefef"))
    assert is_dark(dark) and not is_dark(light)
    assert DARK["ERROR"] in style_sheet(15, dark=True)
    assert LIGHT["ERROR"] in style_sheet(15, dark=False)
    assert "%" not in style_sheet(15, dark=True).replace("pt", "")
