"""One section per impact goal and per project goal (000:L141-173), with the figures that can be
derived honestly from the records; where none can (the students feel missed by the school:
anonymous surveys, not in the app) the section says so and leaves the comment to the team."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from statistics import mean, median

from sst_desktop.instruments.change import (
    CLINICALLY_SIGNIFICANT,
    NONE,
    RELIABLE_DETERIORATION,
    RELIABLE_IMPROVEMENT,
)
from sst_desktop.reports import followup_values as fv
from sst_desktop.reports import status_report_labels as sv
from sst_desktop.reports.followup_facts import EpisodeFacts, FollowUpFact
from sst_desktop.reports.followup_suppress import CountTable
from sst_desktop.reports.status_report_load import PeriodFacts
from sst_desktop.reports.status_report_load_goals import active_in, closed_in
from sst_desktop.reports.status_report_model import Breakdown, Count, Section, Statistic
from sst_rules.enums import CaseStatus, ParticipationLevel, Programme, RecordCategory

TENTH = Decimal("0.1")


def goal_sections(facts: PeriodFacts, follow_up_months: Sequence[int]) -> tuple[Section, ...]:
    period = facts.period
    active = [e for e in facts.episodes if active_in(e, period)]
    closed = [e for e in active if closed_in(e, period)]
    done = [(e, f) for e in facts.episodes for f in e.follow_ups
            if f.done_on is not None and period.start <= f.done_on <= period.end]  # fmt: skip
    return (
        _impact(1, _participation(closed), *_absence(closed)),
        _impact(2, *_knowledge(closed, done, follow_up_months)),
        _impact(3, *_ratings(facts, closed)),
        _impact(4, *_collaboration(facts, active)),
        _project(1, _daily_contact(active)),
        _project(2, note=sv.MISSED_NOTE),
        _project(3, _help(facts, active), note=sv.HELP_NOTE),
        _project(4, *_guidance(facts)),
    )


def _impact(number: int, *items: Breakdown | Count | Statistic) -> Section:
    heading = sv.IMPACT_HEADING.format(number=number, name=sv.IMPACT_NAMES[number - 1])
    return Section(f"impact_{number}", heading, sv.IMPACT_GOALS[number - 1], items)


def _project(number: int, *items: Breakdown | Count, note: str | None = None) -> Section:
    heading = sv.PROJECT_HEADING.format(number=number, name=sv.PROJECT_NAMES[number - 1])
    return Section(f"project_{number}", heading, sv.PROJECT_GOALS[number - 1], items, note)


def _partition(caption: str, counts: str, rows: dict[str, str], found: Counter[str]) -> Breakdown:
    """A one-column table of ``rows`` (key -> label) with its total."""
    lines = tuple((label, (found[key],)) for key, label in rows.items())
    table = CountTable(caption, "", (sv.COUNT,), lines, columns_partition=False)
    return Breakdown(caption, table, counts)


def _participation(closed: list[EpisodeFacts]) -> Breakdown:
    found: Counter[str] = Counter()
    for facts in closed:
        assert facts.closed_on is not None
        levels = sorted((o.on, ParticipationLevel(o.participation).rank) for o in facts.outcomes
                        if o.participation and o.on <= facts.closed_on)  # fmt: skip
        if len(levels) < 2:
            found["too_few"] += 1
            continue
        first, last = levels[0][1], levels[-1][1]
        found["rose" if last > first else "fell" if last < first else "same"] += 1
    return _partition(
        sv.PARTICIPATION_CAPTION, sv.PARTICIPATION_COUNTS, dict(sv.PARTICIPATION_ROWS), found
    )


def _absence(closed: list[EpisodeFacts]) -> tuple[Statistic, Statistic, Count]:
    pairs = [(fv.absence_at_start(e), fv.absence_at_end(e)) for e in closed]
    both = [(a.percent, b.percent) for a, b in pairs if a is not None and b is not None]
    n = len(both)
    start = _decimal(median(a for a, _b in both)) if both else None
    end = _decimal(median(b for _a, b in both)) if both else None
    return (
        Statistic(*sv.ABSENCE_START, start, n, unit=" %"),
        Statistic(*sv.ABSENCE_END, end, n, unit=" %"),
        Count(*sv.ABSENCE_N, n, whole=len(closed)),
    )


def _knowledge(
    closed: list[EpisodeFacts],
    done: list[tuple[EpisodeFacts, FollowUpFact]],
    months: Sequence[int],
) -> tuple[Breakdown, Breakdown]:
    tables = []
    for field, caption, counts in (
        ("acceptable_knowledge", sv.KNOWLEDGE_CAPTION, sv.KNOWLEDGE_COUNTS),
        ("upper_secondary_eligible", sv.ELIGIBLE_CAPTION, sv.ELIGIBLE_COUNTS),
    ):
        at_end = [fv.outcome_at_end(e, field) for e in closed]
        rows = [(sv.AT_CLOSURE, _yes_no([getattr(o, field) if o else None for o in at_end]))]
        for m in months:
            values = [getattr(f, field) for _e, f in done if f.months_after == m]
            rows.append((sv.AT_FOLLOW_UP.format(months=m), _yes_no(values)))
        table = CountTable(caption, sv.WHEN, (sv.YES, sv.NO, sv.MISSING), tuple(rows),
                           total_row=False)  # fmt: skip
        tables.append(Breakdown(caption, table, counts))
    return tables[0], tables[1]


def _yes_no(values: Sequence[bool | None]) -> tuple[int, int, int]:
    return (
        sum(v is True for v in values),
        sum(v is False for v in values),
        sum(v is None for v in values),
    )


def _ratings(
    facts: PeriodFacts, closed: list[EpisodeFacts]
) -> tuple[Statistic, Count, Count, Breakdown]:
    changes = [facts.goals.ratings[e.case_id] for e in closed if e.case_id in facts.goals.ratings]
    n = len(changes)
    average = _decimal(mean(c.last - c.first for c in changes)) if changes else None
    kinds: Counter[str] = Counter(_change_kind(c.change) for c in changes)
    return (
        Statistic(*sv.RATING_MEAN, average, n, signed=True),
        Count(*sv.RATING_N, n, whole=len(closed)),
        Count(*sv.RATING_TOO_FEW, len(closed) - n, whole=len(closed)),
        _partition(sv.CHANGE_CAPTION, sv.CHANGE_COUNTS, dict(sv.CHANGE_ROWS), kinds),
    )


def _change_kind(change: str | None) -> str:
    if change in (RELIABLE_IMPROVEMENT, CLINICALLY_SIGNIFICANT):
        return "improved"
    if change == RELIABLE_DETERIORATION:
        return "worse"
    return "none" if change == NONE else "unknown"


def _collaboration(facts: PeriodFacts, active: list[EpisodeFacts]) -> tuple[Count, Count]:
    ids = {e.case_id for e in active}
    return (
        Count(*sv.SHARING, len(facts.goals.sharing & ids), whole=len(ids)),
        Count(*sv.SIP, len(facts.goals.sips & ids), whole=len(ids)),
    )


def _daily_contact(active: list[EpisodeFacts]) -> Breakdown:
    found: Counter[str] = Counter()
    for facts in (e for e in active if e.programme == Programme.SST_PLUS):
        if facts.daily_contact is not None:
            found[facts.daily_contact] += 1
        elif facts.no_access(RecordCategory.CONTACTS):
            found["no_access"] += 1
        else:
            found["not_offered"] += 1
    rows = {k: v for k, v in sv.DAILY_ROWS.items() if k != "no_access" or found[k]}
    return _partition(sv.DAILY_CAPTION, sv.DAILY_COUNTS, rows, found)


def _help(facts: PeriodFacts, active: list[EpisodeFacts]) -> Breakdown:
    found: Counter[str] = Counter()
    for episode in active:
        owners = facts.goals.decisions.get(episode.case_id, set())
        found["both" if len(owners) > 1 else next(iter(owners), "none")] += 1
    return _partition(sv.HELP_CAPTION, sv.HELP_COUNTS, dict(sv.HELP_ROWS), found)


def _guidance(facts: PeriodFacts) -> tuple[Breakdown, Count]:
    declined = Counter(programme for _d, _s, programme in
                       facts.changes_in_period(CaseStatus.DECLINED))  # fmt: skip
    lines = tuple((label, (declined[key],)) for key, label in sv.PROGRAMMES.items())
    table = CountTable(sv.GUIDANCE_CAPTION, sv.PROGRAMME, (sv.COUNT,), lines,
                       columns_partition=False)  # fmt: skip
    return (
        Breakdown(sv.GUIDANCE_CAPTION, table, sv.GUIDANCE_COUNTS),
        Count(*sv.CONSULTATIONS, facts.consultations),
    )


def _decimal(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(TENTH)
