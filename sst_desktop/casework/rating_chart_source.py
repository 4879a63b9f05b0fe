"""What the ratings chart of a case draws, from its scored ratings: one line per respondent
(the student, each guardian, a teacher) for the outcome measure (ORS, or CORS before 13) and one
for the session measure (SRS/CSRS), the focus respondent's cut-off and reliable-change band, and
the school's absence and participation on the same time axis. Labels come from the caller (the
UI language); they name roles, never people."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sst_desktop.casework.rating_queries import CaseRatings, RatingRow, RatingSeries
from sst_desktop.charts.rating_chart_data import (
    ChartPoint,
    ChartTexts,
    RatingChartData,
    RespondentSeries,
)
from sst_rules.enums import RatingEntry

DEFAULT_TEXTS = ChartTexts()
# Which respondent comes first in the legend and is the focus unless the user picks another.
_ORDER = {"self": 0, "parent": 1, "teacher": 2}
OUTCOME, SESSION = "outcome", "session"
LabelFor = Callable[[str, int | None], str]  # (respondent, guardian number) -> "Guardian 1"
ItemLabel = Callable[[str], str]  # item key -> the item's label in the UI language


def respondent_key(respondent: str, guardian_number: int | None) -> str:
    return f"{respondent}:{guardian_number}" if guardian_number else respondent


def chart_data(
    ratings: CaseRatings,
    label_for: LabelFor,
    *,
    focus: str | None = None,
    texts: ChartTexts = DEFAULT_TEXTS,
    item_label: ItemLabel = str,
) -> RatingChartData:
    by_respondent: dict[str, list[RatingSeries]] = {}
    for series in ratings.series:
        if series.definition.family in (OUTCOME, SESSION):
            key = respondent_key(series.respondent, series.guardian_number)
            by_respondent.setdefault(key, []).append(series)
    keys = sorted(by_respondent, key=lambda k: (_ORDER.get(k.split(":")[0], 9), k))
    drawn = tuple(_respondent(key, by_respondent[key], label_for, item_label) for key in keys)
    chosen = focus if focus in by_respondent else (keys[0] if keys else None)
    return RatingChartData(series=drawn, focus=chosen, school=ratings.school, texts=texts)


def _respondent(
    key: str, series: list[RatingSeries], label_for: LabelFor, item_label: ItemLabel
) -> RespondentSeries:
    outcome = [s for s in series if s.definition.family == OUTCOME]
    session = [s for s in series if s.definition.family == SESSION]
    latest_outcome = max(outcome, key=lambda s: s.rows[-1].rated_on) if outcome else None
    latest_session = max(session, key=lambda s: s.rows[-1].rated_on) if session else None
    first = series[0]
    return RespondentSeries(
        key=key,
        label=label_for(first.respondent, first.guardian_number),
        outcome=_points(outcome, item_label),
        session=_points(session, item_label),
        outcome_cutoff=latest_outcome.cutoffs.get("total") if latest_outcome else None,
        reliable_change=latest_outcome.reliable_change.get("total") if latest_outcome else None,
        session_cutoff=latest_session.cutoffs.get("total") if latest_session else None,
    )


def _points(series: list[RatingSeries], item_label: ItemLabel) -> tuple[ChartPoint, ...]:
    """Every form of the measure in date order: a student who turns 13 goes on from CORS to
    ORS on one line (both are totals of four 10 cm lines)."""
    rows = sorted((row for s in series for row in s.rows), key=lambda r: r.rated_on)
    return tuple(
        _point(row, number, item_label)
        for number, row in enumerate(rows, start=1)
        if isinstance(row.scores.get("total"), Decimal)
    )


def _point(row: RatingRow, number: int, item_label: ItemLabel) -> ChartPoint:
    total = row.scores["total"]
    assert isinstance(total, Decimal)
    return ChartPoint(
        on=row.rated_on,
        session=number,
        total=total,
        items=tuple((item_label(key), Decimal(mm) / 10) for key, mm in row.items.items()),
        paper=row.entry == RatingEntry.PAPER,
    )
