"""Look: the OS palette (light or dark) as it is, a few named styles, the user's text size."""

from __future__ import annotations

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

# Colours only for meaning (errors, warnings, the protected-identity banner); the rest follows
# the platform palette. Each meaning has a light and a dark variant with a contrast of at
# least 4.5:1 (WCAG AA) against the window colour of that palette.
STYLE_SHEET = """
QLabel#screenTitle { font-size: %TITLE%pt; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#error { color: %ERROR%; }
QLabel#warning { color: %WARNING%; }
QLabel#banner { background: %BANNER_BG%; color: %BANNER_FG%; padding: 6px; border-radius: 4px; }
"""
LIGHT = {"ERROR": "#b00020", "WARNING": "#8a5300", "BANNER_BG": "#fde7e9", "BANNER_FG": "#6b0010"}
DARK = {"ERROR": "#ff8a80", "WARNING": "#ffcc80", "BANNER_BG": "#5c1a22", "BANNER_FG": "#ffe3e6"}
_base_point_size: float | None = None
_percent = 100
_following_os = False


def apply_appearance(app: QApplication, text_size_percent: int) -> None:
    global _following_os
    apply_text_size(text_size_percent)
    if not _following_os:  # the OS switching light/dark while the app runs: recolour
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_text_size(_percent))
        _following_os = True


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def style_sheet(title_point_size: float, dark: bool) -> str:
    sheet = STYLE_SHEET.replace("%TITLE%", f"{title_point_size:.1f}")
    for name, colour in (DARK if dark else LIGHT).items():
        sheet = sheet.replace(f"%{name}%", colour)
    return sheet


def apply_text_size(percent: int) -> None:
    """Scale the application font; layouts follow because nothing has a fixed pixel height."""
    global _base_point_size, _percent
    _percent = percent
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(_base_point_size * percent / 100)
    app.setFont(font)
    # Style sheets take no percentages: the title size is computed from the body size.
    app.setStyleSheet(style_sheet(font.pointSizeF() * 1.5, is_dark(app.palette())))
