"""How long 10 cm is on this screen, and which millimetre a position on the line means.

Qt reports ``QScreen.physicalDotsPerInchX`` in device-independent pixels (the unit widgets paint
in), so it is used as it is: multiplying by ``devicePixelRatio`` would give device pixels, which
QPainter scales by itself. Some platforms invent a size (offscreen, minimal, VNC) or report none;
then the line falls back to 96 dpi and says so (``LineDpi.reliable``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

FALLBACK_DPI = 96.0
PLAUSIBLE_DPI = (50.0, 400.0)
LINE_MM = 100
MM_PER_INCH = 25.4
# Platforms without a physical display: whatever size they report is made up.
NO_PHYSICAL_SCREEN = frozenset({"offscreen", "minimal", "vnc"})


class ScreenLike(Protocol):
    def physicalDotsPerInchX(self) -> float: ...


@dataclass(frozen=True)
class LineDpi:
    dpi: float  # device-independent pixels per physical inch
    reliable: bool

    @property
    def pixels_per_mm(self) -> float:
        return self.dpi / MM_PER_INCH

    @property
    def line_pixels(self) -> float:
        return self.pixels_per_mm * LINE_MM


def line_dpi(screen: ScreenLike | None, platform: str) -> LineDpi:
    """The screen's horizontal physical DPI when it is believable, else 96 marked unreliable."""
    if screen is None or platform in NO_PHYSICAL_SCREEN:
        return LineDpi(FALLBACK_DPI, reliable=False)
    dpi = float(screen.physicalDotsPerInchX())
    low, high = PLAUSIBLE_DPI
    if not math.isfinite(dpi) or not low <= dpi <= high:
        return LineDpi(FALLBACK_DPI, reliable=False)
    return LineDpi(dpi, reliable=True)


def millimetres_at(offset_px: float, pixels_per_mm: float) -> int:
    """The mark for a position ``offset_px`` from the line's left end: 0-100, half up."""
    value = math.floor(offset_px / pixels_per_mm + 0.5)
    return max(0, min(LINE_MM, value))
