"""Paragraph and table styles of the printed plan, and escaping of user text for reportlab's
paragraph markup (a goal may contain "<" or "&")."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from sst_desktop.reports.pdf_fonts import BOLD, REGULAR

GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL, fontName=BOLD)
SUB_CELL = ParagraphStyle("sub_cell", parent=CELL, leftIndent=8)
TITLE = ParagraphStyle("title", parent=BODY, fontName=BOLD, fontSize=18, leading=22)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=11, leading=14, spaceAfter=8)
SECTION = ParagraphStyle(
    "section",
    parent=BODY,
    fontName=BOLD,
    fontSize=13,
    leading=16,
    spaceBefore=12,
    spaceAfter=6,
)
PERSPECTIVE = ParagraphStyle(
    "perspective",
    parent=BODY,
    fontName=BOLD,
    fontSize=11,
    leading=14,
    spaceBefore=8,
    spaceAfter=3,
)
TABLE_CAPTION = ParagraphStyle(
    "table_caption",
    parent=BODY,
    fontName=BOLD,
    fontSize=9.5,
    spaceBefore=6,
    spaceAfter=3,
)
BLOCK_HEAD = ParagraphStyle("block_head", parent=BODY, fontName=BOLD, fontSize=10)


def text(value: str | None, style: ParagraphStyle = CELL) -> Paragraph:
    """A paragraph of user text: markup escaped, line breaks kept."""
    return Paragraph(escape(value or "").replace("\n", "<br/>"), style)


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A table style whose cells are set in the embedded font: a table sets its cells' font
    even when they hold paragraphs, and reportlab's default would pull in Helvetica."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def grid_table_style(*shaded: tuple[tuple[int, int], tuple[int, int]]) -> TableStyle:
    """Thin grid, top-aligned cells; ``shaded``: (start, end) cell ranges with a grey ground,
    by default the header row."""
    ground = shaded or (((0, 0), (-1, 0)),)
    return table_style(
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *(("BACKGROUND", start, end, SHADE) for start, end in ground),
    )
