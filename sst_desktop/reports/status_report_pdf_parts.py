"""Pieces of the status report's PDF: the figures table (figure, value, and what it counts in
small print), a breakdown table with its line, empty ruled lines to write on, and a free text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.pdf_fonts import BOLD, REGULAR
from sst_desktop.reports.pdf_page import CONTENT_WIDTH, RULE_COLOUR
from sst_desktop.reports.pdf_table import GRID, SHADE, grid_table, wrap_lines
from sst_desktop.reports.plan_pdf_styles import BODY, SMALL, TABLE_CAPTION, text
from sst_desktop.reports.status_report_shown import ShownFigures, ShownTable

MUTED = colors.HexColor("#555555")
FINE = ParagraphStyle("fine", parent=SMALL, fontSize=7.5, leading=9.5, textColor=MUTED,
                      spaceBefore=1, spaceAfter=4)  # fmt: skip
NOTE = ParagraphStyle("note", parent=SMALL, spaceBefore=2, spaceAfter=6)
GOAL = ParagraphStyle("goal", parent=BODY, fontSize=9.5, leading=12.5, textColor=MUTED,
                      spaceAfter=4)  # fmt: skip
FIGURE_WIDTHS = (52 * mm, 27 * mm, CONTENT_WIDTH - 79 * mm)
LABEL_WIDTH, COUNT_WIDTH = 62 * mm, 22 * mm
# (font, size, leading) per column of the figures table: the last is the small print
COLUMN_FONTS = ((REGULAR, 9.0, 11.5), (BOLD, 9.0, 11.5), (REGULAR, 7.5, 9.5))
PAD = 4


def figures_table(block: ShownFigures) -> Table:
    rows = [(sv.FIGURE, sv.VALUE, sv.COUNTS), *block.rows]
    cells = [
        [_wrapped(value, c, header=r == 0) for c, value in enumerate(row)]
        for r, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=list(FIGURE_WIDTHS), repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("TEXTCOLOR", (2, 1), (2, -1), MUTED),
        ("ALIGN", (1, 1), (1, -1), "RIGHT"),
    ]
    for c, (font, size, leading) in enumerate(COLUMN_FONTS):
        commands += [
            ("FONTNAME", (c, 1), (c, -1), font),
            ("FONTSIZE", (c, 0), (c, -1), size),
            ("LEADING", (c, 0), (c, -1), leading),
        ]
    commands += [("FONTNAME", (0, 0), (-1, 0), BOLD), ("FONTSIZE", (0, 0), (-1, 0), 9)]
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return table


def _wrapped(value: str, column: int, *, header: bool) -> str:
    font, size, _leading = COLUMN_FONTS[column]
    font, size = (BOLD, 9.0) if header else (font, size)
    return "\n".join(wrap_lines(value, font, size, FIGURE_WIDTHS[column] - 2 * PAD))


def breakdown(block: ShownTable) -> list[Flowable]:
    """The caption, the table and its small print (the caller keeps them on one page)."""
    columns = len(block.grid[0])
    widths = (LABEL_WIDTH, *([COUNT_WIDTH] * (columns - 1)))
    table = grid_table(block.grid, widths)
    commands: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    if block.grid[-1][0] == sv.TOTAL:
        commands.append(("FONTNAME", (0, -1), (-1, -1), BOLD))
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return [Paragraph(block.caption, TABLE_CAPTION), table, Paragraph(block.counts, FINE)]


class RuledLines(Flowable):
    """Empty lines to write on by hand, where a free text was not given."""

    def __init__(self, lines: int, spacing: float = 8 * mm) -> None:
        super().__init__()
        self.lines, self.spacing = lines, spacing

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(available_width, CONTENT_WIDTH)
        return self.width, self.lines * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.4)
        for n in range(self.lines):
            canvas.line(0, n * self.spacing, self.width, n * self.spacing)


def free_text(value: str, empty_lines: int) -> Sequence[Flowable]:
    """The given text, a paragraph per blank-line-separated part; else ruled lines."""
    if not value:
        return [Spacer(1, 2 * mm), RuledLines(empty_lines)]
    return [text(part.strip(), BODY) for part in value.split("\n\n") if part.strip()]
