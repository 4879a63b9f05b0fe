"""What the ratings chart of one case shows, as frozen data: the rating service builds it from
the database and the instrument engine, the chart draws it. Numbers are already derived (line
instruments in cm to one decimal); nothing here is computed from raw answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class ChartPoint:
    on: date
    session: int  # 1 for the respondent's first rating of this kind
    total: Decimal
    items: tuple[tuple[str, Decimal], ...]  # (item label, score) for the hover text
    paper: bool = False  # entered afterwards from a paper form: drawn as an open marker


@dataclass(frozen=True)
class RespondentSeries:
    key: str  # "self", "guardian:<person id>", "teacher"...: stable within the chart
    label: str  # what the legend says: a role ("Eleven", "Vårdnadshavare 1"), never a name
    outcome: tuple[ChartPoint, ...]  # ORS/CORS totals by session, oldest first
    session: tuple[ChartPoint, ...]  # SRS/CSRS totals by session, oldest first
    outcome_cutoff: Decimal | None  # the age group's clinical cut-off for this respondent
    reliable_change: Decimal | None  # half-width of the band around the first outcome total
    session_cutoff: Decimal | None  # under this line the alliance needs talking about


@dataclass(frozen=True)
class SchoolPoint:
    """Absence for a period (percent) and participation at a date, on the same time axis."""

    start: date
    end: date
    absence_percent: Decimal | None = None
    participation: int | None = None  # the participation level's rank, 0 (none) upwards


@dataclass(frozen=True)
class ChartTexts:
    """The chart's words in the UI language, given by the caller (the chart has no catalogue)."""

    outcome_axis: str = "Outcome (ORS)"
    session_axis: str = "Session (SRS)"
    school_axis: str = "Absence %"
    cutoff: str = "Cut-off"
    reliable_change: str = "Reliable change"
    no_ratings: str = "No ratings yet"
    paper: str = "paper form"
    participation: str = "Participation"
    session_number: str = "Session {number}"  # in the hover text
    total: str = "Total"
    decimal_separator: str = "."
    months: tuple[str, ...] = (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    )  # fmt: skip


@dataclass(frozen=True)
class RatingChartData:
    series: tuple[RespondentSeries, ...]
    focus: str | None  # the key of the respondent whose cut-off and band are drawn
    school: tuple[SchoolPoint, ...] = ()
    outcome_max: Decimal = Decimal(40)  # four 10 cm lines
    session_max: Decimal = Decimal(40)
    texts: ChartTexts = ChartTexts()
