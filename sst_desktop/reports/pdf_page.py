"""Page furniture of a printed document: a running header, and a footer on every page with the
revision, its date, the fingerprint and "Sida 1 (3)".

The total page count is known only at the end, so the canvas keeps each page's state and
draws the header and footer of all pages when the document is saved (two passes would render
the whole story twice)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from sst_desktop.reports.pdf_fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 20 * mm, 22 * mm, 22 * mm
FRAME_PADDING = 6  # reportlab's default inside the margins; the furniture lines up with it
LEFT, RIGHT = MARGIN_X + FRAME_PADDING, PAGE_WIDTH - MARGIN_X - FRAME_PADDING
CONTENT_WIDTH = RIGHT - LEFT
RULE_COLOUR = colors.HexColor("#8a8a8a")


@dataclass(frozen=True)
class PageFurniture:
    header_left: str  # e.g. the municipality and team
    header_right: str  # e.g. the document's title and case reference
    footer_left: str  # revision, date and fingerprint
    page_label: Callable[[int, int], str]  # (page, pages) -> "Sida 1 (3)"


class NumberedCanvas(Canvas):
    """Keeps every page until ``save``, then draws the furniture with the page count known.
    Use ``numbered_canvas`` for a subclass bound to one document; it records the count."""

    furniture: PageFurniture
    pages_drawn = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page's state and start the next one; ``save`` emits the pages."""
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own, not in the stubs

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            draw_furniture(self, self.furniture, self.getPageNumber(), total)
            super().showPage()
        type(self).pages_drawn = total
        super().save()


def numbered_canvas(furniture: PageFurniture) -> type[NumberedCanvas]:
    """A canvas class for one document (reportlab wants a class, not an instance)."""
    return type("BoundNumberedCanvas", (NumberedCanvas,), {"furniture": furniture})


def draw_furniture(canvas: Canvas, furniture: PageFurniture, page: int, pages: int) -> None:
    canvas.saveState()
    canvas.setStrokeColor(RULE_COLOUR)
    canvas.setLineWidth(0.5)
    top = PAGE_HEIGHT - MARGIN_TOP + 6 * mm
    canvas.setFont(REGULAR, 8)
    canvas.drawString(LEFT, top + 2 * mm, furniture.header_left)
    canvas.drawRightString(RIGHT, top + 2 * mm, furniture.header_right)
    canvas.line(LEFT, top, RIGHT, top)
    bottom = MARGIN_BOTTOM - 8 * mm
    canvas.line(LEFT, bottom + 4 * mm, RIGHT, bottom + 4 * mm)
    canvas.drawString(LEFT, bottom, furniture.footer_left)
    canvas.setFont(BOLD, 8)
    canvas.drawRightString(RIGHT, bottom, furniture.page_label(page, pages))
    canvas.restoreState()


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes = field(repr=False)
    pages: int


CREATOR = "SST Desktop"


def render_document(
    story: Callable[[], list[Flowable]],
    furniture: PageFurniture,
    *,
    title: str,
    author: str,
    subject: str = "",
) -> RenderedPdf:
    """An A4 document in memory from its flowables (made once the fonts are registered: tables
    measure their text as they are made), with the page furniture on every page, the embedded
    font throughout (else every page names Helvetica, a font it cannot embed), Swedish as the
    language, and the title (never personal data) shown by the reader."""
    register_fonts()
    flowables = story()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator=CREATOR,
        lang="sv-SE",
        displayDocTitle=True,
        initialFontName=REGULAR,
    )
    canvas_class = numbered_canvas(furniture)
    template.build(flowables, canvasmaker=canvas_class)
    return RenderedPdf(buffer.getvalue(), canvas_class.pages_drawn)
