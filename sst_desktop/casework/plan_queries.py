"""A case's plans for the Plan tab: every revision with its goals (numbered as printed, each
with its reviews), interventions, signatures and who still has to sign, and when the plan is
next reviewed. Every record passes the read rule; the read is audited before it is returned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail
from sst_desktop.casework.plan_dto import (
    CasePlans,
    GoalReviewView,
    GoalView,
    InterventionView,
    PlanView,
    RevisionView,
    SignatureView,
    SignerState,
    SignerStateKind,
    ToolView,
)
from sst_desktop.casework.plan_lineage import copies, image_id
from sst_desktop.casework.plan_reviews import next_review
from sst_desktop.config.programmes import ProgrammeConfig
from sst_desktop.errors import NotAllowedError
from sst_desktop.models.attachment import Attachment
from sst_desktop.models.case import Case
from sst_desktop.models.plan import (
    Plan,
    PlanGoal,
    PlanGoalReview,
    PlanIntervention,
    PlanRevision,
    PlanSignature,
    ToolboxItem,
)
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.attachments import AttachmentPurpose
from sst_rules.enums import PlanPerspective

from .rating_service import NOT_YOUR_CASE

PERSPECTIVES = [p.value for p in PlanPerspective]  # individual, school, social: printed order


@dataclass
class _Loaded:
    plans: list[Plan]
    revisions: list[PlanRevision]
    goals: list[PlanGoal]
    interventions: list[PlanIntervention]
    signatures: list[PlanSignature]
    reviews: list[PlanGoalReview]
    attachments: list[Attachment]
    labels: dict[str, tuple[str, str]]  # toolbox code -> Swedish and English label


def case_plans(ctx: ServiceContext, case_id: str) -> CasePlans:
    today = ctx.clock.today()
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        scope = access.case_scope(uow, case)
        if not access.case_visible(ctx.actor, scope):
            raise NotAllowedError(NOT_YOUR_CASE)
        loaded = _load(uow, case.id)
        consents = access.consent_scopes(uow, case.id)
        visible, withheld = access.readable(
            ctx.actor, list(_records(loaded)), scope, consents, today
        )
        shown = _shown(loaded, visible)
        config = ctx.rules.for_case(case.programme, case.district_id, today)
        plans = tuple(
            _plan(shown, plan, config, case.started_on, today)
            for plan in shown.plans
            if any(r.plan_id == plan.id for r in shown.revisions)
        )
        toolbox = _toolbox(uow)
        uow.audit("view", "plans", None, case.id, records=len(visible), withheld=withheld)
        uow.commit()
    suggested = next_review(
        config,
        started_on=case.started_on,
        valid_from=None,
        last_review=None,
        planned=None,
        today=today,
    )
    return CasePlans(
        case_id=case.id,
        case_reference=case.reference,
        programme=case.programme.value,
        plan_kind=config.plan_kind.value,
        required_signers=tuple(r.value for r in config.required_plan_signers),
        plans=plans,
        toolbox=toolbox,
        withheld=withheld,
        suggested_review=suggested.on,
    )


def _load(uow: UnitOfWork, case_id: str) -> _Loaded:
    def rows(model: Any) -> list[Any]:
        query = select(model).where(model.case_id == case_id, model.deleted.is_(False))
        return list(uow.session.scalars(query))

    plans = sorted(rows(Plan), key=lambda p: (p.maintenance, p.created_at, p.id))
    labels = {
        code: (sv, en)
        for code, sv, en in uow.session.execute(
            select(ToolboxItem.code, ToolboxItem.label_sv, ToolboxItem.label_en)
        )
    }
    return _Loaded(
        plans,
        rows(PlanRevision),
        rows(PlanGoal),
        rows(PlanIntervention),
        rows(PlanSignature),
        rows(PlanGoalReview),
        [a for a in rows(Attachment) if a.plan_revision_id is not None],
        labels,
    )


def _records(loaded: _Loaded) -> Iterable[Any]:
    for kind in (
        loaded.plans,
        loaded.revisions,
        loaded.goals,
        loaded.interventions,
        loaded.signatures,
        loaded.reviews,
        loaded.attachments,
    ):
        yield from kind


def _shown(loaded: _Loaded, visible: Sequence[Any]) -> _Loaded:
    """``loaded`` with only the records in ``visible``."""
    ids = {id(r) for r in visible}

    def keep(records: list[Any]) -> list[Any]:
        return [r for r in records if id(r) in ids]

    return _Loaded(
        plans=keep(loaded.plans),
        revisions=keep(loaded.revisions),
        goals=keep(loaded.goals),
        interventions=keep(loaded.interventions),
        signatures=keep(loaded.signatures),
        reviews=keep(loaded.reviews),
        attachments=keep(loaded.attachments),
        labels=loaded.labels,
    )


def _plan(
    loaded: _Loaded, plan: Plan, config: ProgrammeConfig, started_on: date | None, today: date
) -> PlanView:
    revisions = sorted(
        (r for r in loaded.revisions if r.plan_id == plan.id), key=lambda r: r.number
    )
    reviews = _reviews_by_lineage(loaded, revisions)
    required = tuple(r.value for r in config.required_plan_signers)
    views = tuple(_revision(loaded, r, reviews, required) for r in revisions)
    in_force = next((v for v in reversed(views) if v.status == "signed"), None)
    base = in_force or (views[-1] if views else None)
    last = (
        max((rv.reviewed_on for g in base.goals for rv in g.reviews), default=None)
        if base
        else None
    )
    upcoming = next_review(
        config,
        started_on=started_on,
        valid_from=base.valid_from if base else None,
        last_review=last,
        planned=base.review_on if base else None,
        today=today,
    )
    return PlanView(plan.id, plan.kind.value, plan.maintenance, views, upcoming)


def _revision(
    loaded: _Loaded,
    revision: PlanRevision,
    reviews: dict[str, list[GoalReviewView]],
    required: tuple[str, ...],
) -> RevisionView:
    goals = [g for g in loaded.goals if g.revision_id == revision.id]
    signatures = sorted(
        (s for s in loaded.signatures if s.revision_id == revision.id),
        key=lambda s: (s.signed_on, s.created_at, s.id),
    )
    images = {a.id for a in loaded.attachments if a.purpose == AttachmentPurpose.SIGNATURE}
    signed = tuple(_signature(s, images) for s in signatures)
    scans = tuple(
        a.id
        for a in loaded.attachments
        if a.plan_revision_id == revision.id and a.purpose == AttachmentPurpose.SIGNED_PLAN_SCAN
    )
    return RevisionView(
        revision_id=revision.id,
        number=revision.number,
        status=revision.status.value,
        overall_aims=revision.overall_aims,
        valid_from=revision.valid_from,
        review_on=revision.review_on,
        signed_at=revision.signed_at,
        supersedes_id=revision.supersedes_id,
        goals=tuple(numbered(goals, reviews)),
        interventions=tuple(
            _intervention(i, loaded) for i in loaded.interventions if i.revision_id == revision.id
        ),
        signatures=signed,
        signers=signer_states(required, signed),
        scans=scans,
    )


def numbered(
    goals: Sequence[PlanGoal], reviews: dict[str, list[GoalReviewView]] | None = None
) -> list[GoalView]:
    """Goals by perspective (individual, school, social) and position, numbered 1, 2...; a
    sub-goal under its goal as 1.1, in its goal's perspective (as the printed plan)."""
    ids = {g.id for g in goals}
    children: dict[str | None, list[PlanGoal]] = defaultdict(list)
    for goal in sorted(goals, key=lambda g: (g.position, g.created_at, g.id)):
        children[goal.parent_id if goal.parent_id in ids else None].append(goal)
    tops = sorted(children[None], key=lambda g: PERSPECTIVES.index(g.perspective.value))
    out: list[GoalView] = []

    def walk(goal: PlanGoal, number: str, perspective: str) -> None:
        out.append(
            GoalView(
                goal_id=goal.id,
                parent_id=goal.parent_id if goal.parent_id in ids else None,
                number=number,
                perspective=perspective,
                text=goal.text,
                criterion=goal.criterion,
                target_date=goal.target_date,
                position=goal.position,
                reviews=tuple((reviews or {}).get(goal.id, ())),
            )
        )
        for index, child in enumerate(children[goal.id], start=1):
            walk(child, f"{number}.{index}", perspective)

    for index, top in enumerate(tops, start=1):
        walk(top, str(index), top.perspective.value)
    return out


def _reviews_by_lineage(
    loaded: _Loaded, revisions: Sequence[PlanRevision]
) -> dict[str, list[GoalReviewView]]:
    """Each goal's reviews, its earlier copies' too (``plan_lineage``), newest first."""
    own: dict[str, list[GoalReviewView]] = defaultdict(list)
    for review in loaded.reviews:
        own[review.goal_id].append(
            GoalReviewView(
                review.id, review.goal_id, review.reviewed_on, review.status.value, review.note
            )
        )
    by_revision: dict[str, list[str]] = defaultdict(list)
    for goal in loaded.goals:
        by_revision[goal.revision_id].append(goal.id)
    gathered: dict[str, list[GoalReviewView]] = {}
    previous: list[str] = []
    previous_reviews: dict[str, list[GoalReviewView]] = {}
    for revision in revisions:
        current = by_revision.get(revision.id, [])
        origin = {new: old for old, new in copies(revision.id, previous, current).items()}
        for goal_id in current:
            inherited = previous_reviews.get(origin.get(goal_id, ""), [])
            gathered[goal_id] = sorted(
                [*own.get(goal_id, []), *inherited],
                key=lambda r: (r.reviewed_on, r.review_id),
                reverse=True,
            )
        previous = current
        previous_reviews = {g: gathered[g] for g in current}
    return gathered


def signer_states(
    required: Sequence[str], signed: Sequence[SignatureView]
) -> tuple[SignerState, ...]:
    """Each required role (then any other role that signed) with what is recorded for it: a
    role is signed by any signature, and a decline blocks only until someone of it signs."""
    roles = list(dict.fromkeys([*required, *(s.role for s in signed)]))
    states = []
    for role in roles:
        recorded = tuple(s for s in signed if s.role == role)
        if any(s.method != "declined" for s in recorded):
            state = SignerStateKind.SIGNED
        elif recorded:
            state = SignerStateKind.DECLINED
        else:
            state = SignerStateKind.MISSING
        states.append(SignerState(role, role in required, state, recorded))
    return tuple(states)


def _signature(signature: PlanSignature, images: set[str]) -> SignatureView:
    image = image_id(signature.id)
    return SignatureView(
        signature_id=signature.id,
        role=signature.signer_role.value,
        name=signature.signer_name,
        signed_on=signature.signed_on,
        method=signature.method,
        declined_reason=signature.declined_reason,
        image_id=image if image in images else None,
    )


def _intervention(item: PlanIntervention, loaded: _Loaded) -> InterventionView:
    code = item.toolbox_code
    sv, en = loaded.labels.get(code, (code, code)) if code else (None, None)
    return InterventionView(
        intervention_id=item.id,
        goal_id=item.goal_id,
        toolbox_code=code,
        label_sv=sv,
        label_en=en,
        free_text=item.free_text,
        responsible=item.responsible,
        recipient=item.recipient,
        setting=item.setting,
        frequency=item.frequency,
        active_from=item.active_from,
        active_to=item.active_to,
    )


def _toolbox(uow: UnitOfWork) -> tuple[ToolView, ...]:
    items = uow.session.scalars(
        select(ToolboxItem).where(ToolboxItem.deleted.is_(False)).order_by(ToolboxItem.label_sv)
    )
    return tuple(ToolView(i.code, i.label_sv, i.label_en) for i in items if i.active)
