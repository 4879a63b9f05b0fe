"""The ratings CSV (docs/ratings-csv.md): the file a team exchanges with a FIT platform, so no
rating is typed twice. This module is the format alone, bytes in and out, no profile: the
columns, reading a file into checked rows (every bad row with its line number) and writing rows
for Swedish Excel. ``rating_csv_import`` and ``rating_csv_export`` connect it to the cases.

Version 1 holds the line forms (ORS, CORS, SRS, CSRS): every item in millimetres, or a total in
cm alone. An empty cell is missing, never zero; a rating not given is ``skipped=1`` with every
score cell empty.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sst_desktop.errors import SstError, ValidationError, error_code
from sst_rules.enums import RatingEntry

FORMAT_INSTRUMENTS = ("ors", "cors", "srs", "csrs")
ITEM_COLUMNS = (
    "individual",
    "interpersonal",
    "social",
    "overall",
    "relationship",
    "goals",
    "approach",
)
SCORE_COLUMNS = (*ITEM_COLUMNS, "total")
COLUMNS = (
    "case_ref",
    "rated_on",
    "instrument",
    "respondent",
    "guardian",
    "session",
    "entry",
    "skipped",
    *SCORE_COLUMNS,
)
REQUIRED_COLUMNS = ("rated_on", "instrument", "respondent")
BOM = "\ufeff"
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")

NOT_TEXT = error_code(
    "rating_csv.not_text", "The ratings file is not UTF-8 text; save it as CSV UTF-8."
)
NO_HEADER = error_code(
    "rating_csv.no_header",
    "The ratings file has no header line; its first line names the columns "
    "(see docs/ratings-csv.md).",
)
HEADER_MISSING = error_code(
    "rating_csv.header_missing", "The header of the ratings file has no column {column}."
)
HEADER_UNKNOWN = error_code(
    "rating_csv.header_unknown",
    "The header of the ratings file has a column this format does not know: {column}.",
)
HEADER_TWICE = error_code(
    "rating_csv.header_twice", "The column {column} appears twice in the header."
)
BAD_ROWS = error_code(
    "rating_csv.bad_rows",
    "Nothing was imported: {count} row(s) of the file have a problem. {problems}",
)
# One row's problems; the line is the file's line number, the header being line 1.
ROW_PROBLEM = error_code("rating_csv.row_problem", "Line {line}: {problem}")
EXTRA_FIELDS = error_code(
    "rating_csv.extra_fields", "The row has more fields than the header has columns."
)
EMPTY = error_code("rating_csv.empty", "{column} is empty.")
NOT_A_DATE = error_code("rating_csv.not_a_date", "rated_on is not a date written YYYY-MM-DD.")
NOT_IN_FORMAT = error_code(
    "rating_csv.instrument",
    "instrument must be one of ors, cors, srs, csrs; the other forms are not in this file format.",
)
NOT_A_NUMBER = error_code("rating_csv.not_a_number", "{column} is not a number.")
NOT_WHOLE = error_code("rating_csv.not_whole", "{column} must be a whole number.")
NOT_COUNTED = error_code("rating_csv.not_counted", "{column} must be 1 or more, or empty.")
BAD_ENTRY = error_code(
    "rating_csv.entry", "entry must be clinician, client, paper, imported or empty."
)
BAD_SKIP_FLAG = error_code("rating_csv.skip_flag", "skipped must be 1, 0 or empty.")
SKIPPED_WITH_SCORES = error_code(
    "rating_csv.skipped_with_scores",
    "The rating is marked skipped=1 but has scores; a rating not given has every score cell empty.",
)
NO_SCORES = error_code(
    "rating_csv.no_scores",
    "The row has no scores: an empty cell is missing, never zero, so a rating not given is "
    "marked skipped=1.",
)


@dataclass(frozen=True)
class CsvRating:
    """One row of the file: a rating of one respondent on one day."""

    case_ref: str
    rated_on: date
    instrument: str
    respondent: str
    guardian: int | None = None  # the student's guardian by number (1 first recorded), never a name
    session: int | None = None
    entry: RatingEntry | None = None
    skipped: bool = False
    items: dict[str, int] = field(default_factory=dict)  # millimetres 0-100; missing ones absent
    total: Decimal | None = None  # cm to one decimal; alone, the row is totals-only
    line: int = 0  # the line of the file it was read from (the header is line 1)

    @property
    def totals_only(self) -> bool:
        return not self.items and self.total is not None


@dataclass(frozen=True)
class RowProblem:
    line: int
    error: SstError

    @property
    def message(self) -> str:
        return SstError(ROW_PROBLEM, line=self.line, problem=self.error.message).message


class RatingCsvError(ValidationError):
    """Rows that cannot be imported, every one with its line; nothing was written."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: p.line))
        rows = {p.line for p in self.problems}
        text = " ".join(p.message for p in self.problems)
        super().__init__(BAD_ROWS, count=len(rows), problems=text)


def render_ratings_csv(rows: Sequence[CsvRating]) -> bytes:
    """For Swedish Excel as the follow-up file is (decisions.md): UTF-8 with a byte-order mark,
    ';' between fields, a decimal comma, CRLF. No cell is free text, so none can be a formula."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(_cells(row))
    return (BOM + buffer.getvalue()).encode("utf-8")


def _cells(row: CsvRating) -> list[str]:
    fixed = [
        row.case_ref,
        row.rated_on.isoformat(),
        row.instrument,
        row.respondent,
        _text(row.guardian),
        _text(row.session),
        row.entry.value if row.entry else "",
        "1" if row.skipped else "0",
    ]
    items = [_text(row.items.get(key)) for key in ITEM_COLUMNS]
    total = "" if row.total is None else str(row.total).replace(".", ",")
    return [*fixed, *items, total]


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def read_ratings_csv(data: bytes) -> tuple[list[CsvRating], list[RowProblem]]:
    """The file's rows, each checked on its own (the case's checks come later), and the
    problems of those that fail. A file whose header is wrong raises at once."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(NOT_TEXT) from exc
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError(NO_HEADER)
    delimiter = ";" if ";" in lines[0] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _header(next(reader))
    rows: list[CsvRating] = []
    problems: list[RowProblem] = []
    for fields in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in fields):
            continue  # a blank line, often the last one
        try:
            rows.append(_row(header, fields, line))
        except SstError as err:
            problems.append(RowProblem(line, err))
    return rows, problems


def _header(names: list[str]) -> list[str]:
    header = [name.strip().lower() for name in names]
    for name in header:
        if name not in COLUMNS:
            raise ValidationError(HEADER_UNKNOWN, column=name or "(empty)")
        if header.count(name) > 1:
            raise ValidationError(HEADER_TWICE, column=name)
    for name in REQUIRED_COLUMNS:
        if name not in header:
            raise ValidationError(HEADER_MISSING, column=name)
    return header


def _row(header: list[str], fields: list[str], line: int) -> CsvRating:
    if any(cell.strip() for cell in fields[len(header) :]):
        raise ValidationError(EXTRA_FIELDS)
    # A row cut short (some programs drop trailing empty fields) has those cells empty.
    cells = {name: value.strip() for name, value in zip(header, fields, strict=False)}
    instrument = _required(cells, "instrument").lower()
    if instrument not in FORMAT_INSTRUMENTS:
        raise ValidationError(NOT_IN_FORMAT)
    skipped = _skip_flag(cells.get("skipped", ""))
    items = {key: _whole(cells, key) for key in ITEM_COLUMNS if cells.get(key)}
    total = _number(cells, "total") if cells.get("total") else None
    if skipped and (items or total is not None):
        raise ValidationError(SKIPPED_WITH_SCORES)
    if not skipped and not items and total is None:
        raise ValidationError(NO_SCORES)
    return CsvRating(
        case_ref=cells.get("case_ref", ""),
        rated_on=_date(_required(cells, "rated_on")),
        instrument=instrument,
        respondent=_required(cells, "respondent").lower(),
        guardian=_counted(cells, "guardian"),
        session=_counted(cells, "session"),
        entry=_entry(cells.get("entry", "")),
        skipped=skipped,
        items=items,
        total=total,
        line=line,
    )


def _required(cells: dict[str, str], column: str) -> str:
    value = cells.get(column, "")
    if not value:
        raise ValidationError(EMPTY, column=column)
    return value


def _date(value: str) -> date:
    try:
        parsed = date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError(NOT_A_DATE) from exc
    if len(value) != len("2026-02-02"):  # 20260202 parses too; the format says YYYY-MM-DD
        raise ValidationError(NOT_A_DATE)
    return parsed


def _number(cells: dict[str, str], column: str) -> Decimal:
    """A decimal point or a decimal comma: both are read."""
    value = cells[column]
    if not _NUMBER.fullmatch(value):
        raise ValidationError(NOT_A_NUMBER, column=column)
    return Decimal(value.replace(",", "."))


def _whole(cells: dict[str, str], column: str) -> int:
    number = _number(cells, column)
    if number != number.to_integral_value():
        raise ValidationError(NOT_WHOLE, column=column)
    return int(number)


def _counted(cells: dict[str, str], column: str) -> int | None:
    """A guardian's or a session's number: 1 or more, or empty."""
    if not cells.get(column):
        return None
    number = _whole(cells, column)
    if number < 1:
        raise ValidationError(NOT_COUNTED, column=column)
    return number


def _skip_flag(value: str) -> bool:
    if value not in ("", "0", "1"):
        raise ValidationError(BAD_SKIP_FLAG)
    return value == "1"


def _entry(value: str) -> RatingEntry | None:
    if not value:
        return None
    try:
        return RatingEntry(value.lower())
    except ValueError as exc:
        raise ValidationError(BAD_ENTRY) from exc


def problem(line: int, code: str, **params: Any) -> RowProblem:
    return RowProblem(line, ValidationError(code, **params))
