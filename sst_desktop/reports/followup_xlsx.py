"""The follow-up file as XLSX with XlsxWriter (decisions.md): the data sheet, the column
dictionary and the summary. Built in memory (``in_memory``: XlsxWriter otherwise writes each
sheet to a temporary file in the system's temp folder) and returned as bytes for the atomic
write. Text is always written as text: nothing in a cell becomes a formula, link or number."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import xlsxwriter

from sst_desktop.reports.followup_columns import Column
from sst_desktop.reports.followup_rows import Cell, Row

_OPTIONS = {
    "in_memory": True,
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}
DATA, DICTIONARY, SUMMARY = "Uppföljning", "Kolumnförklaring", "Sammanfattning"


def render_xlsx(
    columns: Sequence[Column],
    rows: Sequence[Row],
    summary: Sequence[tuple[str, Sequence[Sequence[Cell]]]],
    made_at: datetime,
) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, _OPTIONS)
    # No author or company: the app's user name is not the reader's business.
    workbook.set_properties(
        {"title": "Uppföljningsfil", "author": "", "created": made_at.astimezone(UTC)}
    )
    bold = workbook.add_format({"bold": True})
    _data_sheet(workbook.add_worksheet(DATA), columns, rows, bold)
    _dictionary_sheet(workbook.add_worksheet(DICTIONARY), columns, bold)
    _summary_sheet(workbook.add_worksheet(SUMMARY), summary, bold)
    workbook.close()
    return buffer.getvalue()


def _write(sheet: Any, row: int, col: int, value: Cell, fmt: Any = None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        sheet.write_string(row, col, str(value), fmt)
    else:
        sheet.write_number(row, col, value, fmt)


def _data_sheet(sheet: Any, columns: Sequence[Column], rows: Sequence[Row], bold: Any) -> None:
    for j, column in enumerate(columns):
        _write(sheet, 0, j, column.header, bold)
        sheet.set_column(j, j, min(40, max(10, len(column.header) + 2)))
    for i, row in enumerate(rows, start=1):
        for j, column in enumerate(columns):
            _write(sheet, i, j, row.get(column.key))
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, max(1, len(rows)), len(columns) - 1)


def _dictionary_sheet(sheet: Any, columns: Sequence[Column], bold: Any) -> None:
    for j, (header, width) in enumerate((("Kolumn", 36), ("Betydelse", 90), ("Värden", 50))):
        _write(sheet, 0, j, header, bold)
        sheet.set_column(j, j, width)
    for i, column in enumerate(columns, start=1):
        for j, value in enumerate((column.header, column.meaning, column.values)):
            _write(sheet, i, j, value)
    sheet.freeze_panes(1, 0)


def _summary_sheet(
    sheet: Any, blocks: Sequence[tuple[str, Sequence[Sequence[Cell]]]], bold: Any
) -> None:
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 8, 16)
    row = 0
    for title, lines in blocks:
        _write(sheet, row, 0, title, bold)
        for offset, line in enumerate(lines, start=1):
            for j, value in enumerate(line):
                _write(sheet, row + offset, j, value, bold if offset == 1 else None)
        row += len(lines) + 2
