"""The data sheet as CSV for Swedish Excel (decisions.md): UTF-8 with a byte-order mark (without
it Excel on Windows reads å, ä and ö as two characters each), ';' between fields and a decimal
comma (Swedish settings use ',' for decimals, so ',' cannot separate fields), CRLF line ends.
A text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from sst_desktop.reports.followup_columns import Column
from sst_desktop.reports.followup_rows import Cell, Row

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_csv(columns: Sequence[Column], rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(c.key)) for c in columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value
