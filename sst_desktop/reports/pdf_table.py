"""Grid tables of plain text, wrapped here to their column widths.

A reportlab Paragraph per cell parses markup and measures itself twice; a plan has hundreds of
cells, and paragraphs made rendering a three-page plan twice as slow as its 100 ms bar. Plain
strings with line breaks are drawn as they are, so wrapping them first (words, and a word
longer than its column cut where it must be) gives the same page at a fraction of the cost,
and user text is never read as markup.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from sst_desktop.reports.pdf_fonts import BOLD, REGULAR

FONT_SIZE, LEADING, PADDING, INDENT = 9, 11.5, 4, 8
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#ececec")


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``: its own line breaks kept, words kept whole
    unless one alone is too wide."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if stringWidth(candidate, font, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            pieces = _cut(word, font, size, width)
            lines += pieces[:-1]
            line = pieces[-1]
        lines.append(line)
    return lines


def _cut(word: str, font: str, size: float, width: float) -> list[str]:
    pieces, piece = [], ""
    for char in word:
        if piece and stringWidth(piece + char, font, size) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


def grid_table(
    rows: Sequence[Sequence[str | None]],
    widths: Sequence[float],
    *,
    header: bool = True,
    label_columns: Collection[int] = (),
    indented: Collection[tuple[int, int]] = (),
) -> Table:
    """A thin-ruled table; the header row (repeated after a page break) and ``label_columns``
    in bold on grey; ``indented``: (row, column) cells set in a little (sub-goals)."""
    indent = set(indented)
    cells = [
        [
            _fit(
                value,
                widths[c],
                bold=(header and r == 0) or c in label_columns,
                indent=(r, c) in indent,
            )
            for c, value in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [("FONTNAME", (0, 0), (-1, 0), BOLD), ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
    for c in label_columns:
        commands += [("FONTNAME", (c, 0), (c, -1), BOLD), ("BACKGROUND", (c, 0), (c, -1), SHADE)]
    commands += [("LEFTPADDING", (c, r), (c, r), PADDING + INDENT) for r, c in indent]
    table.setStyle(TableStyle(commands))
    return table


def _fit(value: str | None, width: float, *, bold: bool, indent: bool) -> str:
    room = width - 2 * PADDING - (INDENT if indent else 0)
    return "\n".join(wrap_lines(value or "", BOLD if bold else REGULAR, FONT_SIZE, room))
