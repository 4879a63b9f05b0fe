"""The ratings CSV as a format, without a profile: what is written for Swedish Excel, what is
read from it or from a plain comma file, and every row refused with its line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from sst_desktop.casework.rating_csv import (
    COLUMNS,
    CsvRating,
    RatingCsvError,
    read_ratings_csv,
    render_ratings_csv,
)
from sst_desktop.errors import ValidationError
from sst_rules.enums import RatingEntry

ORS = {"individual": 52, "interpersonal": 61, "social": 0, "overall": 48}


def test_written_for_swedish_excel_and_read_back() -> None:
    rows = [
        CsvRating("SSTP-26-ABC234", date(2026, 2, 2), "ors", "self", None, 1,
                  RatingEntry.CLINICIAN, False, ORS, Decimal("16.1")),
        CsvRating("SSTP-26-ABC234", date(2026, 2, 9), "ors", "parent", 2, 1,
                  RatingEntry.IMPORTED, False, {}, Decimal("31.2")),
        CsvRating("SSTP-26-ABC234", date(2026, 2, 9), "srs", "self", None, 2,
                  RatingEntry.PAPER, True),
    ]  # fmt: skip
    data = render_ratings_csv(rows)
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ";".join(COLUMNS)
    assert lines[1] == "SSTP-26-ABC234;2026-02-02;ors;self;;1;clinician;0;52;61;0;48;;;;16,1"
    assert lines[2] == "SSTP-26-ABC234;2026-02-09;ors;parent;2;1;imported;0;;;;;;;;31,2"
    assert lines[3] == "SSTP-26-ABC234;2026-02-09;srs;self;;2;paper;1;;;;;;;;"
    read, problems = read_ratings_csv(data)
    assert problems == []
    assert [r.__dict__ | {"line": 0} for r in read] == [r.__dict__ for r in rows]
    assert [r.line for r in read] == [2, 3, 4]
    assert read[1].totals_only and not read[0].totals_only


def test_a_comma_file_with_decimal_points_and_a_short_header() -> None:
    data = (
        b"Rated_on,instrument,respondent,total,social,individual,interpersonal,overall\n"
        b"2026-02-02,ORS,self,31.2,,,,\n"
        b'2026-02-03,ors,self,"12,0",30,30,30,30\n'
        b"\n"
    )
    rows, problems = read_ratings_csv(data)
    assert problems == []
    assert [(r.rated_on.day, r.total, r.items.get("social")) for r in rows] == [
        (2, Decimal("31.2"), None),
        (3, Decimal("12.0"), 30),
    ]
    assert rows[0].case_ref == "" and rows[0].skipped is False


def test_zero_is_a_score_and_empty_is_missing() -> None:
    header = b"rated_on;instrument;respondent;skipped;individual;interpersonal;social;overall\n"
    rows, problems = read_ratings_csv(header + b"2026-02-02;ors;self;0;0;0;0;0\n")
    assert problems == [] and rows[0].items == dict.fromkeys(ORS, 0)
    rows, problems = read_ratings_csv(header + b"2026-02-02;ors;self;0;50;;50;50\n")
    assert problems == [] and "interpersonal" not in rows[0].items  # missing, never zero
    rows, problems = read_ratings_csv(header + b"2026-02-02;ors;self;0;;;;\n")
    assert rows == [] and "skipped=1" in problems[0].message


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("2026-02-31;ors;self;0;50;50", "rated_on is not a date"),
        ("02/02/2026;ors;self;0;50;50", "rated_on is not a date"),
        ("2026-02-02;sdq;self;0;1;1", "must be one of ors, cors, srs, csrs"),
        ("2026-02-02;ors;;0;50;50", "respondent is empty"),
        ("2026-02-02;ors;self;1;50;", "skipped=1 but has scores"),
        ("2026-02-02;ors;self;ja;50;50", "skipped must be 1, 0 or empty"),
        ("2026-02-02;ors;self;0;50,5;50", "individual must be a whole number"),
        ("2026-02-02;ors;self;0;femtio;50", "individual is not a number"),
        ("2026-02-02;ors;self;0;50;50;9", "more fields than the header"),
    ],
)
def test_a_bad_row_is_reported_with_its_line(row: str, says: str) -> None:
    data = f"rated_on;instrument;respondent;skipped;individual;total\n{row}\n".encode()
    rows, problems = read_ratings_csv(data)
    assert rows == []
    (problem,) = problems
    assert problem.line == 2
    assert problem.message.startswith("Line 2: ")
    assert says in problem.message


def test_every_bad_row_in_one_error() -> None:
    data = (
        b"rated_on;instrument;respondent;total\n"
        b"2026-02-02;ors;self;31,2\n"
        b"2026-13-02;ors;self;31,2\n"
        b"2026-02-04;ors;self;31,2\n"
        b"2026-02-05;bors;self;31,2\n"
    )
    _rows, problems = read_ratings_csv(data)
    error = RatingCsvError(problems)
    assert [p.line for p in error.problems] == [3, 5]
    assert error.message.startswith("Nothing was imported: 2 row(s) of the file have a problem.")
    assert "Line 3: rated_on" in error.message and "Line 5: instrument" in error.message
    assert "\n" not in error.message  # one line for the command line


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "no header line"),
        (b"rated_on;instrument\n", "no column respondent"),
        (b"rated_on;instrument;respondent;name\n", "does not know: name"),
        (b"rated_on;instrument;respondent;total;total\n", "total appears twice"),
        ("rated_on;instrument;respondent\n".encode("utf-16"), "not UTF-8"),
    ],
)
def test_a_bad_header_is_refused_at_once(data: bytes, says: str) -> None:
    with pytest.raises(ValidationError) as raised:
        read_ratings_csv(data)
    assert says in raised.value.message
