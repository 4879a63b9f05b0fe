"""Both programme workflows, every pair of states: allowed steps pass with their guards met;
every other step is refused with a message that names both states; each guard bites alone."""

from __future__ import annotations

import itertools
from dataclasses import fields, replace
from datetime import date

import pytest

from sst_desktop.config.programmes import ProgrammeConfig, load_default_rules
from sst_desktop.errors import WorkflowError
from sst_desktop.models.rules.workflow import (
    TransitionContext,
    allowed_next,
    check_transition,
    required_facts,
    step_programme,
)
from sst_rules.enums import CaseStatus, Programme

ON = date(2026, 11, 24)
RULES = load_default_rules()
CONFIGS = {p: RULES.for_case(p, None, ON) for p in Programme}
ALL_MET = TransitionContext(**{f.name: True for f in fields(TransitionContext)})
PAIRS = [
    (programme, a, b)
    for programme in Programme
    for a, b in itertools.product(CaseStatus, CaseStatus)
]


def _states(config: ProgrammeConfig) -> set[CaseStatus]:
    flow = config.workflow
    return set(flow.transitions) | {s for targets in flow.transitions.values() for s in targets}


@pytest.mark.parametrize(
    ("programme", "source", "target"),
    PAIRS,
    ids=[f"{p.value}:{a.value}->{b.value}" for p, a, b in PAIRS],
)
def test_every_pair_of_states(programme: Programme, source: CaseStatus, target: CaseStatus):
    config = CONFIGS[programme]
    if target in allowed_next(config, source):
        check_transition(config, source, target, context=ALL_MET)
        return
    with pytest.raises(WorkflowError) as refused:
        check_transition(config, source, target, context=ALL_MET)
    assert refused.value.code == "workflow.illegal_transition"
    assert f"'{source.value}'" in refused.value.message
    assert f"'{target.value}'" in refused.value.message


@pytest.mark.parametrize("programme", list(Programme))
def test_each_guard_refuses_when_its_fact_is_missing(programme: Programme) -> None:
    config = CONFIGS[programme]
    assert config.workflow.guards, "a workflow without guards cannot be right"
    for guard in config.workflow.guards:
        sources = (
            [guard.from_]
            if guard.from_
            else [s for s in _states(config) if guard.to in allowed_next(config, s)]
        )
        fact = (
            "past_time_limit" if guard.requires == "time_limit_reason_if_past" else guard.requires
        )
        for source in sources:
            missing = replace(ALL_MET, **{fact: fact == "past_time_limit"})
            if guard.requires == "time_limit_reason_if_past":
                missing = replace(missing, time_limit_reason=False)
            with pytest.raises(WorkflowError) as refused:
                check_transition(config, source, guard.to, context=missing)
            assert refused.value.code != "workflow.illegal_transition"
            assert guard.requires in required_facts(config, source, guard.to)


def test_within_the_time_limit_no_reason_is_needed() -> None:
    config = CONFIGS[Programme.SST]
    context = replace(ALL_MET, past_time_limit=False, time_limit_reason=False)
    check_transition(config, CaseStatus.ACTIVE, CaseStatus.CLOSING, context=context)


def test_sst_plus_continuation_needs_a_decision() -> None:
    config = CONFIGS[Programme.SST_PLUS]
    guarded = [g for g in config.workflow.guards if g.requires == "continuation_decision"]
    assert guarded, "SST plus must guard continuing past the six-month evaluation"


@pytest.mark.parametrize("programme", list(Programme))
def test_every_open_state_can_be_withdrawn_and_active_ones_handed_over(
    programme: Programme,
) -> None:
    config = CONFIGS[programme]
    closed = set(config.workflow.closed_states)
    for source in _states(config) - closed:
        assert CaseStatus.WITHDRAWN in allowed_next(config, source), source
    for source in config.workflow.active_states:  # before a decision there is nothing to hand
        assert CaseStatus.HANDED_OVER in allowed_next(config, source), source


@pytest.mark.parametrize("programme", list(Programme))
def test_finished_states_lead_nowhere_but_follow_up(programme: Programme) -> None:
    config = CONFIGS[programme]
    for state in ("declined", "withdrawn", "handed_over", "followed_up"):
        assert allowed_next(config, CaseStatus(state)) == []
    assert allowed_next(config, CaseStatus.CLOSED) == [CaseStatus.FOLLOWED_UP]


@pytest.mark.parametrize(
    ("current", "target"),
    [(Programme.SST, Programme.SST_PLUS), (Programme.SST_PLUS, Programme.SST)],
)
def test_stepping_between_programmes(current: Programme, target: Programme) -> None:
    source_config, target_config = CONFIGS[current], CONFIGS[target]
    closed = set(source_config.workflow.closed_states)
    for status in _states(source_config):
        if status in closed:
            with pytest.raises(WorkflowError) as refused:
                step_programme(current, status, target)
            assert refused.value.code == "workflow.cannot_change_programme"
            continue
        mapped = step_programme(current, status, target)
        assert mapped in _states(target_config)
        assert mapped not in set(target_config.workflow.closed_states)
