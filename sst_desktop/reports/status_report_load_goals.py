"""The facts of the impact and project goals that the follow-up file does not read: a consent to
share between school and social services, a SIP held with the region, granted decisions by
each authority, and the student's own outcome ratings of the cases closed in the period.

One query per kind over the period's episodes; every record passes the read rule like the
follow-up file's (what the reader may not read is counted as withheld, never guessed).
Consents are case metadata every team member sees."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sst_desktop.casework.rating_queries import RatingSeries, scored_series, unreplaced
from sst_desktop.casework.referral_service import DECISION_AUTHORITY
from sst_desktop.instruments import shipped_catalogue
from sst_desktop.models.case import Decision
from sst_desktop.models.closure import Rating
from sst_desktop.models.consent import Consent
from sst_desktop.models.contact import Sip
from sst_desktop.reports.followup_access import ReadRule
from sst_desktop.reports.followup_facts import EpisodeFacts
from sst_desktop.reports.status_report_period import ReportPeriod
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.consent import ConsentState, is_active
from sst_rules.enums import ConsentPurpose, DecisionKind, RecordCategory

OUTCOME, SELF = "outcome", "self"


@dataclass(frozen=True)
class RatingChange:
    """The student's own outcome series of one case: first and last total, and its change
    class (None when the norm needs an age the record lacks)."""

    first: Decimal
    last: Decimal
    change: str | None


@dataclass
class GoalFacts:
    sharing: set[str] = field(default_factory=set)  # case ids
    sips: set[str] = field(default_factory=set)
    decisions: dict[str, set[str]] = field(default_factory=dict)  # case id -> authorities
    ratings: dict[str, RatingChange] = field(default_factory=dict)


def active_in(facts: EpisodeFacts, period: ReportPeriod) -> bool:
    return facts.started_on <= period.end and (
        facts.closed_on is None or facts.closed_on >= period.start
    )


def closed_in(facts: EpisodeFacts, period: ReportPeriod) -> bool:
    return facts.closed_on is not None and period.start <= facts.closed_on <= period.end


def last_active_day(facts: EpisodeFacts, period: ReportPeriod) -> date:
    return min(period.end, facts.closed_on or period.end)


def load_goal_facts(
    uow: UnitOfWork, episodes: Iterable[EpisodeFacts], period: ReportPeriod, rule: ReadRule
) -> GoalFacts:
    active = {f.case_id: f for f in episodes if active_in(f, period)}
    closed = {k: f for k, f in active.items() if closed_in(f, period)}
    found = GoalFacts()
    found.sharing = _sharing(uow, active, period)
    found.sips = _sips(uow, active, period, rule)
    found.decisions = _decisions(uow, active, period, rule)
    found.ratings = _ratings(uow, closed, rule)
    return found


def _sharing(uow: UnitOfWork, active: dict[str, EpisodeFacts], period: ReportPeriod) -> set[str]:
    """Cases with a consent for sharing between the authorities in force on the last day the
    case was active in the period."""
    consents = uow.session.scalars(
        select(Consent)
        .where(Consent.case_id.in_(list(active)), Consent.deleted.is_(False))
        .options(selectinload(Consent.parties))
    )
    found = set()
    for consent in consents:
        state = ConsentState.from_record(consent)
        day = last_active_day(active[consent.case_id], period)
        if ConsentPurpose.SHARING_BETWEEN_AUTHORITIES in state.purposes and is_active(state, day):
            found.add(consent.case_id)
    return found


def _sips(
    uow: UnitOfWork, active: dict[str, EpisodeFacts], period: ReportPeriod, rule: ReadRule
) -> set[str]:
    rows = uow.session.execute(
        select(Sip.case_id, Sip.authority).where(
            Sip.case_id.in_(list(active)),
            Sip.deleted.is_(False),
            Sip.held_on.between(period.start, period.end),
        )
    )
    return {
        row.case_id
        for row in rows
        if rule.keep(active[row.case_id], row.authority, RecordCategory.MEETINGS)
    }


def _decisions(
    uow: UnitOfWork, active: dict[str, EpisodeFacts], period: ReportPeriod, rule: ReadRule
) -> dict[str, set[str]]:
    """Granted support decisions in force at some time in the period, by the authority whose
    decision it is (a biståndsbeslut is social services'; special support and additional
    adaptations are the school's)."""
    d = Decision
    rows = uow.session.execute(
        select(d.case_id, d.authority, d.kind).where(
            d.case_id.in_(list(active)),
            d.deleted.is_(False),
            d.granted.is_(True),
            d.decided_on <= period.end,
            d.valid_to.is_(None) | (d.valid_to >= period.start),
        )
    )
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        owner = DECISION_AUTHORITY.get(DecisionKind(row.kind)) if row.kind in _KINDS else None
        if owner and rule.keep(active[row.case_id], row.authority, RecordCategory.DECISIONS):
            found[row.case_id].add(str(owner))
    return dict(found)


_KINDS = {kind.value for kind in DecisionKind}


def _ratings(
    uow: UnitOfWork, closed: dict[str, EpisodeFacts], rule: ReadRule
) -> dict[str, RatingChange]:
    """The closed cases whose student rated their own outcome at least twice."""
    ratings: dict[str, list[Rating]] = defaultdict(list)
    query = select(Rating).where(Rating.case_id.in_(list(closed)), Rating.deleted.is_(False))
    for rating in unreplaced(uow.session.scalars(query)):
        if rule.keep(closed[rating.case_id], rating.authority, RecordCategory.RATINGS):
            ratings[rating.case_id].append(rating)
    catalogue, changes = shipped_catalogue(), {}
    for case_id, held in ratings.items():
        series = _own_outcome(scored_series(catalogue, held, {}, closed[case_id].birth_date))
        change = _change(series) if series is not None and len(series.rows) >= 2 else None
        if change is not None:
            changes[case_id] = change
    return changes


def _own_outcome(series: list[RatingSeries]) -> RatingSeries | None:
    """The student's own outcome series; when the form changed with age (CORS to ORS), the
    one rated last."""
    own = [
        s
        for s in series
        if s.definition.family == OUTCOME and s.respondent == SELF and s.definition.change
    ]
    return max(own, key=lambda s: s.rows[-1].rated_on, default=None)


def _change(series: RatingSeries) -> RatingChange | None:
    """First and last total of the series (None when a form lacks the total)."""
    assert series.definition.change is not None  # _own_outcome keeps only those with a rule
    score = series.definition.change.score
    first, last = series.rows[0].scores.get(score), series.rows[-1].scores.get(score)
    if first is None or last is None:
        return None
    return RatingChange(Decimal(first), Decimal(last), series.change)
