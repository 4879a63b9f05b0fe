"""Paragraph styles of the printed plan, and escaping of user text for reportlab's paragraph
markup (a goal may contain "<" or "&"). Grid tables are pdf_table's."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from sst_desktop.reports.pdf_fonts import BOLD, REGULAR

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=11)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5)
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
