"""The TrueType fonts every PDF embeds: DejaVu Sans and its bold, shipped in resources/fonts/
with their licence. The PDF base fonts have no å, ä, ö in a form every viewer embeds; a subset
of a real font does, and reportlab writes it as FontFile2 with a ToUnicode map (text can be
searched and copied)."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sst_desktop.config.resources import resource_path

REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (safe from any thread)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        # <b> in a paragraph picks the bold face; there is no italic, so it stays upright.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
