"""Plans: a draft revision is written with the family, sent for signatures, signed, and then
never edited again. A change is a new revision that copies the last one and is signed again."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select

from sst_desktop.casework.context import (
    REQUIRED,
    ServiceContext,
    get_or_fail,
    owner_tags,
    require_text,
)
from sst_desktop.casework.plan_lineage import copy_id, image_id
from sst_desktop.casework.signature_strokes import SignatureStrokes, check_strokes, signature_png
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError, error_code
from sst_desktop.models.attachment import Attachment
from sst_desktop.models.case import Case
from sst_desktop.models.plan import (
    Plan,
    PlanGoal,
    PlanIntervention,
    PlanRevision,
    PlanSignature,
    ToolboxItem,
)
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork
from sst_rules.attachments import AttachmentPurpose
from sst_rules.enums import PlanKind, PlanPerspective, PlanRevisionStatus, SignerRole

SIGNED_IMMUTABLE = error_code(
    "plan.signed_immutable",
    "Revision {number} of this plan is {status} and cannot be changed; start a new revision.",
)
NOT_AWAITING = error_code(
    "plan.not_awaiting_signatures", "Revision {number} is not waiting for signatures."
)
MISSING_SIGNERS = error_code(
    "plan.missing_signers", "The plan still needs signatures from: {missing}."
)
NO_GOALS = error_code("plan.no_goals", "A plan needs at least one goal before it is signed.")
UNKNOWN_TOOL = error_code("plan.unknown_tool", "No toolbox item with code {tool}.")
TOOL_OR_TEXT = error_code(
    "plan.tool_or_text", "An intervention needs a toolbox item or a description."
)
OPEN_DRAFT = error_code(
    "plan.open_draft", "Revision {number} is still open; finish or sign it first."
)
PERIOD_ORDER = error_code("plan.period_order", "An intervention cannot end before it starts.")
ALREADY_RECORDED = error_code(
    "plan.signer_recorded", "This signer is already recorded for this revision as {role}."
)


SIGNED_IN_FUTURE = error_code(
    "plan.signed_in_future", "A signature cannot be dated after today ({today})."
)


class SignatureMethod(StrEnum):
    """How a signer's answer was given (``PlanSignature.method``)."""

    PAPER = "paper"  # signed a printed copy, dated as written on it
    SCREEN = "screen"  # drew the signature on the pad in client-facing mode, dated today
    DECLINED = "declined"  # said no; the reason is kept and the role still has to sign


def create_plan(
    ctx: ServiceContext, case_id: str, kind: PlanKind, maintenance: bool = False
) -> str:
    """A plan with its first draft revision; returns the revision id."""
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        plan = uow.add(
            Plan(case_id=case_id, kind=kind, maintenance=maintenance, **owner_tags(ctx.actor))
        )
        revision = uow.add(_revision(ctx, plan, 1, None))
        uow.commit()
        return str(revision.id)


def _revision(
    ctx: ServiceContext, plan: Plan, number: int, previous: PlanRevision | None
) -> PlanRevision:
    return PlanRevision(
        case_id=plan.case_id,
        plan_id=plan.id,
        number=number,
        status=PlanRevisionStatus.DRAFT,
        overall_aims=previous.overall_aims if previous else None,
        valid_from=None,
        review_on=None,
        signed_at=None,
        supersedes_id=previous.id if previous else None,
        **owner_tags(ctx.actor),
    )


def new_revision(ctx: ServiceContext, plan_id: str) -> str:
    """Start revising: copy the latest revision's aims, goals and interventions into a draft."""
    with ctx.unit_of_work() as uow:
        plan: Plan = get_or_fail(uow, Plan, plan_id)
        latest = _latest_revision(uow, plan_id)
        if latest.status in (PlanRevisionStatus.DRAFT, PlanRevisionStatus.AWAITING_SIGNATURES):
            raise WorkflowError(OPEN_DRAFT, number=latest.number)
        draft = uow.add(_revision(ctx, plan, latest.number + 1, latest))
        _copy_content(ctx, uow, latest, draft)
        uow.commit()
        return str(draft.id)


def _copy_content(
    ctx: ServiceContext, uow: UnitOfWork, old: PlanRevision, new: PlanRevision
) -> None:
    goal_map: dict[str, str] = {}
    goals = uow.session.scalars(
        select(PlanGoal)
        .where(PlanGoal.revision_id == old.id, PlanGoal.deleted.is_(False))
        .order_by(PlanGoal.position)
    )
    for goal in sorted(goals, key=lambda g: g.parent_id is not None):
        copy = uow.add(
            PlanGoal(
                id=copy_id(new.id, goal.id),  # plan_lineage: the copy knows its origin
                case_id=new.case_id,
                revision_id=new.id,
                parent_id=goal_map.get(goal.parent_id or ""),
                perspective=goal.perspective,
                text=goal.text,
                criterion=goal.criterion,
                target_date=goal.target_date,
                position=goal.position,
                **owner_tags(ctx.actor),
            )
        )
        goal_map[goal.id] = copy.id
    for item in uow.session.scalars(
        select(PlanIntervention).where(
            PlanIntervention.revision_id == old.id, PlanIntervention.deleted.is_(False)
        )
    ):
        uow.add(
            PlanIntervention(
                id=copy_id(new.id, item.id),
                case_id=new.case_id,
                revision_id=new.id,
                goal_id=goal_map.get(item.goal_id or ""),
                toolbox_code=item.toolbox_code,
                free_text=item.free_text,
                responsible=item.responsible,
                recipient=item.recipient,
                setting=item.setting,
                active_from=item.active_from,
                active_to=item.active_to,
                frequency=item.frequency,
                **owner_tags(ctx.actor),
            )
        )


def set_overall_aims(
    ctx: ServiceContext, revision_id: str, aims: str, review_on: date | None = None
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        revision = _draft(uow, revision_id)
        revision.overall_aims, revision.review_on = aims, review_on
        return uow.commit()


@dataclass(frozen=True)
class GoalInput:
    perspective: PlanPerspective
    text: str
    criterion: str | None = None
    target_date: date | None = None
    parent_id: str | None = None


def add_goal(ctx: ServiceContext, revision_id: str, data: GoalInput) -> str:
    with ctx.unit_of_work() as uow:
        revision = _draft(uow, revision_id)
        count = uow.session.scalar(
            select(func.count()).select_from(PlanGoal).where(PlanGoal.revision_id == revision_id)
        )
        goal = uow.add(
            PlanGoal(
                case_id=revision.case_id,
                revision_id=revision_id,
                parent_id=data.parent_id,
                perspective=data.perspective,
                text=require_text(data.text, "goal"),
                criterion=data.criterion,
                target_date=data.target_date,
                position=count or 0,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(goal.id)


@dataclass(frozen=True)
class InterventionInput:
    responsible: str
    toolbox_code: str | None = None
    free_text: str | None = None
    goal_id: str | None = None
    recipient: str | None = None
    setting: str | None = None
    active_from: date | None = None
    active_to: date | None = None
    frequency: str | None = None  # how often, in the plan's words: "twice a week"


def add_intervention(ctx: ServiceContext, revision_id: str, data: InterventionInput) -> str:
    with ctx.unit_of_work() as uow:
        revision = _draft(uow, revision_id)
        _check_tool(uow, data)
        check_period(data)
        item = uow.add(
            PlanIntervention(
                case_id=revision.case_id,
                revision_id=revision_id,
                goal_id=data.goal_id,
                toolbox_code=data.toolbox_code,
                free_text=data.free_text,
                responsible=require_text(data.responsible, "responsible"),
                recipient=data.recipient,
                setting=data.setting,
                active_from=data.active_from,
                active_to=data.active_to,
                frequency=(data.frequency or "").strip() or None,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(item.id)


def _check_tool(uow: UnitOfWork, data: InterventionInput) -> None:
    if data.toolbox_code is None:
        if not (data.free_text or "").strip():
            raise ValidationError(TOOL_OR_TEXT)
        return
    found = uow.session.scalar(select(ToolboxItem).where(ToolboxItem.code == data.toolbox_code))
    if found is None:
        raise ValidationError(UNKNOWN_TOOL, tool=data.toolbox_code)


def check_period(data: InterventionInput) -> None:
    if data.active_from and data.active_to and data.active_to < data.active_from:
        raise ValidationError(PERIOD_ORDER)


def submit_for_signatures(ctx: ServiceContext, revision_id: str) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        revision = _draft(uow, revision_id)
        if not uow.session.scalar(select(PlanGoal.id).where(PlanGoal.revision_id == revision_id)):
            raise ValidationError(NO_GOALS)
        revision.status = PlanRevisionStatus.AWAITING_SIGNATURES
        return uow.commit()


def add_signature(
    ctx: ServiceContext,
    revision_id: str,
    role: SignerRole,
    name: str,
    signed_on: date | None = None,
    *,
    method: SignatureMethod = SignatureMethod.PAPER,
    strokes: SignatureStrokes | None = None,
) -> ChangeSet:
    """A signer's signature: on paper with the date written on it, or drawn on screen today
    (``strokes`` kept as a PNG attachment named after the signature, see ``plan_lineage``)."""
    if method == SignatureMethod.DECLINED:
        raise ValueError("use decline_signature for a signer who declines")
    png = signature_png(check_strokes(strokes)) if method == SignatureMethod.SCREEN else None
    day = ctx.clock.today() if png is not None else signed_on
    if day is None:
        raise ValidationError(REQUIRED, field="signed_on")
    with ctx.unit_of_work() as uow:
        revision = _awaiting(uow, revision_id)
        signature = _signature(ctx, uow, revision, role, name, day, method)
        if png is not None:
            _signature_image(ctx, uow, revision, signature, png)
        return uow.commit()


def decline_signature(
    ctx: ServiceContext, revision_id: str, role: SignerRole, name: str, reason: str
) -> ChangeSet:
    """A signer who says no: recorded with the reason, dated today. The plan still needs a
    signature of the role, and the decline stays recorded beside it."""
    with ctx.unit_of_work() as uow:
        revision = _awaiting(uow, revision_id)
        because = require_text(reason, "declined_reason")
        signature = _signature(
            ctx, uow, revision, role, name, ctx.clock.today(), SignatureMethod.DECLINED
        )
        signature.declined_reason = because
        return uow.commit()


def _signature(
    ctx: ServiceContext,
    uow: UnitOfWork,
    revision: PlanRevision,
    role: SignerRole,
    name: str,
    signed_on: date,
    method: SignatureMethod,
) -> PlanSignature:
    signer = require_text(name, "signer_name")
    if signed_on > ctx.clock.today():
        raise ValidationError(SIGNED_IN_FUTURE, today=ctx.clock.today().isoformat())
    for earlier in _signatures(uow, revision.id):
        if earlier.signer_role == role and earlier.signer_name.casefold() == signer.casefold():
            raise ValidationError(ALREADY_RECORDED, role=role.value)
    return uow.add(
        PlanSignature(
            case_id=revision.case_id,
            revision_id=revision.id,
            signer_role=role,
            signer_name=signer,
            signed_on=signed_on,
            method=method.value,
            **owner_tags(ctx.actor),
        )
    )


def _signature_image(
    ctx: ServiceContext,
    uow: UnitOfWork,
    revision: PlanRevision,
    signature: PlanSignature,
    png: bytes,
) -> None:
    uow.add(
        Attachment(
            id=image_id(signature.id),
            case_id=revision.case_id,
            sha256=hashlib.sha256(png).hexdigest(),
            size=len(png),
            media_type="image/png",
            purpose=AttachmentPurpose.SIGNATURE,
            plan_revision_id=revision.id,
            label=None,
            content=png,
            **owner_tags(ctx.actor),
        )
    )


def _signatures(uow: UnitOfWork, revision_id: str) -> list[PlanSignature]:
    return list(
        uow.session.scalars(
            select(PlanSignature).where(
                PlanSignature.revision_id == revision_id, PlanSignature.deleted.is_(False)
            )
        )
    )


def complete_signing(ctx: ServiceContext, revision_id: str) -> ChangeSet:
    """Seal the revision once every required signer has signed; the previous one is superseded."""
    with ctx.unit_of_work() as uow:
        revision = _awaiting(uow, revision_id)
        case: Case = get_or_fail(uow, Case, revision.case_id)
        config = ctx.rules.for_case(case.programme, case.district_id, ctx.clock.today())
        signed = {  # a decline is recorded, never counted as signed
            s.signer_role
            for s in _signatures(uow, revision_id)
            if s.method != SignatureMethod.DECLINED
        }
        missing = [r for r in config.required_plan_signers if SignerRole(r) not in signed]
        if missing:
            raise ValidationError(MISSING_SIGNERS, missing=", ".join(sorted(missing)))
        previous = uow.session.get(PlanRevision, revision.supersedes_id or "")
        if previous is not None and previous.status == PlanRevisionStatus.SIGNED:
            previous.status = PlanRevisionStatus.SUPERSEDED
        revision.status, revision.signed_at = PlanRevisionStatus.SIGNED, ctx.clock.now()
        revision.valid_from = ctx.clock.today()
        uow.audit("sign", "plan_revisions", revision.id, revision.case_id)
        return uow.commit()


def complete_if_signed(ctx: ServiceContext, revision_id: str) -> bool:
    """Seal the revision if every required signer has signed (the window does this after each
    signature); False while someone is missing."""
    try:
        complete_signing(ctx, revision_id)
    except ValidationError as error:
        if error.code == MISSING_SIGNERS:
            return False
        raise
    return True


def _latest_revision(uow: UnitOfWork, plan_id: str) -> PlanRevision:
    revision = uow.session.scalars(
        select(PlanRevision)
        .where(PlanRevision.plan_id == plan_id)
        .order_by(PlanRevision.number.desc())
    ).first()
    assert revision is not None, "a plan always has a first revision"
    return revision


def _draft(uow: UnitOfWork, revision_id: str) -> PlanRevision:
    revision: PlanRevision = get_or_fail(uow, PlanRevision, revision_id)
    if revision.status != PlanRevisionStatus.DRAFT:
        raise NotAllowedError(
            SIGNED_IMMUTABLE, number=revision.number, status=revision.status.value
        )
    return revision


def _awaiting(uow: UnitOfWork, revision_id: str) -> PlanRevision:
    revision: PlanRevision = get_or_fail(uow, PlanRevision, revision_id)
    if revision.status != PlanRevisionStatus.AWAITING_SIGNATURES:
        raise WorkflowError(NOT_AWAITING, number=revision.number)
    return revision
