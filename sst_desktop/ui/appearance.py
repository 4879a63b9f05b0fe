"""Look: the OS palette (light or dark) as it is, a few named styles, the user's text size."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

# Colours only for meaning (errors, warnings, the protected-identity banner); the rest follows
# the platform palette so dark mode works.
STYLE_SHEET = """
QLabel#screenTitle { font-size: %TITLE%pt; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#error { color: #b00020; }
QLabel#warning { color: #8a5300; }
QLabel#banner { background: #fde7e9; color: #6b0010; padding: 6px; border-radius: 4px; }
"""
_base_point_size: float | None = None


def apply_appearance(app: QApplication, text_size_percent: int) -> None:
    apply_text_size(text_size_percent)


def apply_text_size(percent: int) -> None:
    """Scale the application font; layouts follow because nothing has a fixed pixel height."""
    global _base_point_size
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(_base_point_size * percent / 100)
    app.setFont(font)
    # Style sheets take no percentages: the title size is computed from the body size.
    app.setStyleSheet(STYLE_SHEET.replace("%TITLE%", f"{font.pointSizeF() * 1.5:.1f}"))
