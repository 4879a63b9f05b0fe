"""The case workflow, driven by the programme configuration: which step may follow which, and
the guards a step needs (consent before start, guidance before decline, a reason or a
continuation decision past the time limit). Errors explain themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sst_desktop.errors import WorkflowError, error_code
from sst_rules.enums import CaseStatus, Programme

if TYPE_CHECKING:
    from sst_desktop.config.programmes import ProgrammeConfig

ILLEGAL = error_code(
    "workflow.illegal_transition",
    "A case in {programme} cannot go from '{from_status}' to '{to_status}'; allowed next "
    "steps: {allowed}.",
)
GUARD_MESSAGES = {
    "intervention_consent": error_code(
        "workflow.consent_required",
        "The support can start only when the student and guardians have consented to it.",
    ),
    "guidance_recorded": error_code(
        "workflow.guidance_required",
        "A declined student must be given guidance to other support; record it first.",
    ),
    "continuation_decision": error_code(
        "workflow.continuation_decision_required",
        "Continuing after the six-month evaluation needs a continuation decision.",
    ),
    "time_limit_reason_if_past": error_code(
        "workflow.time_limit_reason_required",
        "The case is past its time limit; write the reason for the longer support first.",
    ),
}
CANNOT_STEP = error_code(
    "workflow.cannot_change_programme",
    "A case that is '{status}' cannot move to {target}; only open cases change programme.",
)


@dataclass(frozen=True)
class TransitionContext:
    """Facts about the case that the guards read; the case service gathers them."""

    intervention_consent: bool = False
    guidance_recorded: bool = False
    continuation_decision: bool = False
    past_time_limit: bool = False
    time_limit_reason: bool = False
    follow_up_consent: bool = False

    def satisfies(self, requirement: str) -> bool:
        if requirement == "time_limit_reason_if_past":
            return not self.past_time_limit or self.time_limit_reason
        return bool(getattr(self, requirement))


def allowed_next(config: ProgrammeConfig, status: CaseStatus) -> list[CaseStatus]:
    return list(config.workflow.transitions.get(status, []))


def required_facts(
    config: ProgrammeConfig, from_status: CaseStatus, to_status: CaseStatus
) -> set[str]:
    """The ``TransitionContext`` facts the guards of this step read (so callers fetch no more)."""
    needed: set[str] = set()
    for guard in config.workflow.guards:
        if guard.to == to_status and guard.from_ in (None, from_status):
            needed.add(guard.requires)
    return needed


def check_transition(
    config: ProgrammeConfig,
    from_status: CaseStatus,
    to_status: CaseStatus,
    *,
    context: TransitionContext,
) -> None:
    allowed = allowed_next(config, from_status)
    if to_status not in allowed:
        raise WorkflowError(
            ILLEGAL,
            programme=config.programme.value.replace("_", " ").upper(),
            from_status=from_status.value,
            to_status=to_status.value,
            allowed=", ".join(s.value for s in allowed) or "none (the case is finished)",
        )
    for guard in config.workflow.guards:
        applies = guard.to == to_status and guard.from_ in (None, from_status)
        if applies and not context.satisfies(guard.requires):
            raise WorkflowError(GUARD_MESSAGES[guard.requires])


_UP = {  # SST -> SST plus: the SST plus process starts with an application
    CaseStatus.REQUESTED: CaseStatus.APPLIED,
    CaseStatus.DECIDED: CaseStatus.APPLIED,
    CaseStatus.INFORMATION_MEETING: CaseStatus.APPLIED,
    CaseStatus.STARTED: CaseStatus.APPLIED,
    CaseStatus.ACTIVE: CaseStatus.APPLIED,
    CaseStatus.CLOSING: CaseStatus.APPLIED,
}
_DOWN = {  # SST plus -> SST: the ordinary SST support continues or starts
    CaseStatus.APPLIED: CaseStatus.DECIDED,
    CaseStatus.ASSESSED: CaseStatus.DECIDED,
    CaseStatus.ADMITTED: CaseStatus.DECIDED,
    CaseStatus.DECIDED: CaseStatus.DECIDED,
    CaseStatus.STARTED: CaseStatus.ACTIVE,
    CaseStatus.MAPPING: CaseStatus.ACTIVE,
    CaseStatus.ACTIVE: CaseStatus.ACTIVE,
    CaseStatus.SIX_MONTH_EVALUATION: CaseStatus.ACTIVE,
    CaseStatus.CLOSING: CaseStatus.CLOSING,
}


def step_programme(current: Programme, status: CaseStatus, target: Programme | str) -> CaseStatus:
    """The status a case takes when it moves between SST and SST plus (decisions.md)."""
    target = Programme(target)
    mapping = (
        _UP
        if (current, target) == (Programme.SST, Programme.SST_PLUS)
        else (_DOWN if (current, target) == (Programme.SST_PLUS, Programme.SST) else {})
    )
    if status not in mapping:
        raise WorkflowError(CANNOT_STEP, status=status.value, target=target.value)
    return mapping[status]
