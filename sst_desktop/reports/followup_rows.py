"""One episode's facts as one row of Swedish cells, keyed like ``followup_columns``. Pure: the
pseudonym and episode number come in, nothing identifying goes out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sst_desktop.reports import followup_labels as sv
from sst_desktop.reports import followup_values as v
from sst_desktop.reports.followup_facts import AbsenceFigure, EpisodeFacts
from sst_desktop.reports.followup_redact import Redactor
from sst_rules.enums import RecordCategory

Cell = str | int | float | None
Row = dict[str, Cell]


@dataclass(frozen=True)
class RowContext:
    today: date
    free_text: bool
    redactor: Redactor
    toolbox: Mapping[str, str]  # code -> Swedish label
    follow_up_months: Sequence[int]


def build_row(facts: EpisodeFacts, individual: str, episode: int, ctx: RowContext) -> Row:
    return {
        "individual": individual,
        "episode": episode,
        **_who_and_when(facts, ctx),
        **_absence("start", v.absence_at_start(facts), ctx),
        **_absence("end", v.absence_at_end(facts), ctx),
        **_support(facts, ctx),
        **_result(facts),
        **_follow_ups(facts, ctx),
        "eligible": sv.yes_no(v.latest_eligibility(facts)),
        "view_student": _text(ctx, [facts.closure.student_view] if facts.closure else []),
        "view_guardian": _text(ctx, [facts.closure.guardian_view] if facts.closure else []),
        "withheld": facts.withheld,
    }


def _who_and_when(facts: EpisodeFacts, ctx: RowContext) -> Row:
    return {
        "programme": sv.label(sv.PROGRAMME, facts.programme),
        "stepped": sv.yes_no(facts.stepped),
        "status": sv.label(sv.STATUS, facts.status),
        "gender": sv.label(sv.GENDER, facts.gender),
        "school_year": sv.school_year(facts.school_year),
        "age_band": v.age_band(facts.birth_date, facts.started_on) or sv.MISSING,
        "district": facts.district or sv.MISSING,
        "school": facts.school or "",
        "opened": v.month(facts.opened_on),
        "started": v.month(facts.started_on),
        "closed": v.month(facts.closed_on),
        "weeks": v.weeks(facts, ctx.today),
    }


def _absence(when: str, figure: AbsenceFigure | None, ctx: RowContext) -> Row:
    key = f"absence_{when}"
    if figure is None:
        return {key: None, f"{key}_measure": None, f"{key}_days": None, f"{key}_month": None,
                f"{key}_source": None}  # fmt: skip
    return {
        key: round(figure.percent, 1),
        f"{key}_measure": sv.label(sv.ABSENCE_MEASURE, figure.measure),
        f"{key}_days": v.period_days(figure),
        f"{key}_month": v.month(figure.period_end),
        f"{key}_source": ctx.redactor.mask(figure.source),
    }


def _support(facts: EpisodeFacts, ctx: RowContext) -> Row:
    extent = facts.extent
    return {
        "causes_student": _text(ctx, facts.causes_student),
        "causes_guardian": _text(ctx, facts.causes_guardian),
        "causes_other": _text(ctx, facts.causes_other),
        "interventions": _interventions(facts, ctx.toolbox),
        "contacts": extent.contacts,
        "contact_hours": round(extent.contact_minutes / 60, 1),
        "home_visits": extent.home_visits,
        "meetings": extent.meetings,
        "daily_contact": _daily_contact(facts),
        "goals": facts.goals,
    }


def _result(facts: EpisodeFacts) -> Row:
    closure = facts.closure
    participation = v.outcome_at_end(facts, "participation")
    knowledge = v.outcome_at_end(facts, "acceptable_knowledge")
    hidden = _hidden(facts, RecordCategory.CLOSURE_FOLLOW_UP)
    return {
        "result": sv.label(sv.CLOSURE_REASON, closure.reason) if closure else hidden,
        "goals_met": sv.label(sv.GOALS_MET, closure.goals_met) if closure else hidden,
        "participation_end": sv.label(
            sv.PARTICIPATION, participation.participation if participation else None
        ),
        "knowledge_end": sv.yes_no(knowledge.acceptable_knowledge if knowledge else None),
    }


def _hidden(facts: EpisodeFacts, category: str) -> str | None:
    """What a cell shows when its record was left out by the read rule (else nothing)."""
    return sv.NO_ACCESS if facts.no_access(category) else None


def _follow_ups(facts: EpisodeFacts, ctx: RowContext) -> Row:
    """Empty while the case is open: follow-ups are planned at closure."""
    row: Row = {}
    for months in ctx.follow_up_months if facts.closed_on is not None else ():
        fact = v.follow_up(facts, months)
        done = fact is not None and fact.done_on is not None
        state = sv.FOLLOW_UP_STATE[v.follow_up_state(fact, ctx.today)]
        if fact is None and facts.no_access(RecordCategory.CLOSURE_FOLLOW_UP):
            state = sv.NO_ACCESS
        row[f"follow_up_{months}"] = state
        row[f"participation_{months}"] = (
            sv.label(sv.PARTICIPATION, fact.participation) if fact and done else None
        )
        row[f"knowledge_{months}"] = sv.yes_no(fact.acceptable_knowledge) if fact and done else None
    return row


def _interventions(facts: EpisodeFacts, toolbox: Mapping[str, str]) -> str:
    labels = sorted(toolbox.get(code, code) for code in facts.toolbox)
    if facts.free_interventions:
        labels.append(sv.OTHER_INTERVENTIONS.format(count=facts.free_interventions))
    return "; ".join(labels)


def _daily_contact(facts: EpisodeFacts) -> str | None:
    if facts.programme != "sst_plus" and facts.daily_contact is None:
        return None
    return sv.DAILY_CONTACT[facts.daily_contact or "not_offered"]


def _text(ctx: RowContext, texts: Sequence[str | None]) -> str | None:
    present = [t for t in texts if t and t.strip()]
    if not present:
        return None
    if not ctx.free_text:
        return sv.RECORDED
    return " | ".join(ctx.redactor.mask(t) for t in present)
