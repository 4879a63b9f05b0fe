"""From the mapping to the plan in one step: chosen "what needs to happen" items (and safety goals)
become goals of the case's plan draft, each in the perspective the user chose; the analysis may
go into the draft's overall aims. A plan of the programme's kind is started when the case has
none, and a new revision when the plan's latest is signed (plan_service, as by hand).

Everything is checked before anything is written; the goals are written in one transaction. An
item whose words are already a goal of the draft is not added twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from sst_desktop.casework import access, plan_service
from sst_desktop.casework.context import NOT_FOUND, ServiceContext, get_or_fail, owner_tags
from sst_desktop.casework.mapping_service import visible_case
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError, error_code
from sst_desktop.models.mapping import Mapping, MappingItem
from sst_desktop.models.plan import Plan, PlanGoal, PlanRevision
from sst_desktop.models.rules.mapping_parts import filled
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import MappingItemKind, PlanKind, PlanPerspective, PlanRevisionStatus

NOTHING_CHOSEN = error_code(
    "mapping.nothing_chosen", "Choose at least one item, or the analysis, to bring to the plan."
)
NOT_A_NEED = error_code(
    "mapping.not_a_need",
    "Only what needs to happen and the safety goals become plan goals.",
)
NO_ANALYSIS = error_code(
    "mapping.no_analysis", "The mapping has no analysis (that you may read) to bring to the plan."
)
AIMS_OTHER_AUTHORITY = error_code(
    "mapping.aims_other_authority",
    "The plan's draft is kept by the other authority; only its staff can add the analysis to "
    "its overall aims.",
)
TO_GOALS = frozenset({MappingItemKind.NEEDS_TO_HAPPEN, MappingItemKind.SAFETY_GOAL})


@dataclass(frozen=True)
class GoalPick:
    item_id: str
    perspective: PlanPerspective = PlanPerspective.INDIVIDUAL


@dataclass(frozen=True)
class GoalsMade:
    revision_id: str  # the plan draft the goals are in
    goal_ids: tuple[str, ...]
    already: int  # items whose words were already a goal of the draft
    analysis_added: bool


@dataclass(frozen=True)
class _Latest:
    revision_id: str
    number: int
    status: PlanRevisionStatus
    authority: str


@dataclass(frozen=True)
class _Checked:
    case_id: str
    texts: tuple[tuple[str, PlanPerspective], ...]
    analysis: str | None
    plan_kind: PlanKind
    plan_id: str | None
    latest: _Latest | None


def goals_from_mapping(
    ctx: ServiceContext,
    mapping_id: str,
    picks: Sequence[GoalPick],
    *,
    with_analysis: bool = False,
) -> GoalsMade:
    if not picks and not with_analysis:
        raise ValidationError(NOTHING_CHOSEN)
    checked = _check(ctx, mapping_id, picks, with_analysis)
    revision_id = _draft_revision(ctx, checked)
    with ctx.unit_of_work() as uow:
        revision: PlanRevision = get_or_fail(uow, PlanRevision, revision_id)
        if revision.status != PlanRevisionStatus.DRAFT:  # signed meanwhile
            raise WorkflowError(plan_service.OPEN_DRAFT, number=revision.number)
        made, already = _add_goals(uow, ctx, revision, checked.texts)
        added = checked.analysis is not None and _add_to_aims(ctx, revision, checked.analysis)
        uow.commit()
    return GoalsMade(revision_id, made, already, added)


def _check(
    ctx: ServiceContext, mapping_id: str, picks: Sequence[GoalPick], with_analysis: bool
) -> _Checked:
    with ctx.unit_of_work() as uow:
        mapping: Mapping = get_or_fail(uow, Mapping, mapping_id)
        case = visible_case(uow, ctx, mapping.case_id)
        items = [_item(uow, mapping, pick.item_id) for pick in picks]
        scope = access.case_scope(uow, case)
        consents = access.consent_scopes(uow, case.id)
        wanted: list[object] = [*items, mapping] if with_analysis else list(items)
        visible, _withheld = access.readable(ctx.actor, wanted, scope, consents, ctx.clock.today())
        for item in items:
            if item not in visible:
                raise ValidationError(NOT_FOUND, entity="mapping_items", id=item.id)
        analysis = mapping.analysis if mapping in visible else None
        if with_analysis and not filled(analysis):
            raise ValidationError(NO_ANALYSIS)
        config = ctx.rules.for_case(case.programme, case.district_id, ctx.clock.today())
        plan_id, latest = _latest(uow, case.id, config.plan_kind)
        draft = latest is not None and latest.status == PlanRevisionStatus.DRAFT
        if with_analysis and draft and latest and latest.authority != ctx.actor.authority:
            raise NotAllowedError(AIMS_OTHER_AUTHORITY)
        return _Checked(
            case.id,
            tuple((i.text.strip(), p.perspective) for i, p in zip(items, picks, strict=True)),
            analysis.strip() if with_analysis and analysis else None,
            config.plan_kind,
            plan_id,
            latest,
        )


def _item(uow: UnitOfWork, mapping: Mapping, item_id: str) -> MappingItem:
    item: MappingItem = get_or_fail(uow, MappingItem, item_id)
    if item.mapping_id != mapping.id:
        raise ValidationError(NOT_FOUND, entity="mapping_items", id=item_id)
    if item.kind not in TO_GOALS:
        raise ValidationError(NOT_A_NEED)
    return item


def _latest(uow: UnitOfWork, case_id: str, kind: PlanKind) -> tuple[str | None, _Latest | None]:
    """The case's plan of this kind (not a maintenance plan) and its latest revision."""
    plan = uow.session.scalars(
        select(Plan)
        .where(
            Plan.case_id == case_id,
            Plan.kind == kind,
            Plan.maintenance.is_(False),
            Plan.deleted.is_(False),
        )
        .order_by(Plan.created_at.desc())
    ).first()
    if plan is None:
        return None, None
    revision = uow.session.scalars(
        select(PlanRevision)
        .where(PlanRevision.plan_id == plan.id)
        .order_by(PlanRevision.number.desc())
    ).first()
    if revision is None:
        return plan.id, None
    return plan.id, _Latest(revision.id, revision.number, revision.status, revision.authority)


def _draft_revision(ctx: ServiceContext, checked: _Checked) -> str:
    """The open draft, or a new plan or a new revision when there is none to write in."""
    if checked.plan_id is None or checked.latest is None:
        return plan_service.create_plan(ctx, checked.case_id, checked.plan_kind)
    latest = checked.latest
    if latest.status == PlanRevisionStatus.DRAFT:
        return latest.revision_id
    if latest.status == PlanRevisionStatus.AWAITING_SIGNATURES:
        raise WorkflowError(plan_service.OPEN_DRAFT, number=latest.number)
    return plan_service.new_revision(ctx, checked.plan_id)


def _add_goals(
    uow: UnitOfWork,
    ctx: ServiceContext,
    revision: PlanRevision,
    texts: tuple[tuple[str, PlanPerspective], ...],
) -> tuple[tuple[str, ...], int]:
    present = {
        text.strip()
        for text in uow.session.scalars(
            select(PlanGoal.text).where(
                PlanGoal.revision_id == revision.id, PlanGoal.deleted.is_(False)
            )
        )
    }
    position = uow.session.scalar(
        select(func.count()).select_from(PlanGoal).where(PlanGoal.revision_id == revision.id)
    )
    made: list[str] = []
    for text, perspective in texts:
        if text in present:
            continue
        present.add(text)
        goal = uow.add(
            PlanGoal(
                case_id=revision.case_id,
                revision_id=revision.id,
                parent_id=None,
                perspective=perspective,
                text=text,
                criterion=None,
                target_date=None,
                position=(position or 0) + len(made),
                **owner_tags(ctx.actor),
            )
        )
        made.append(goal.id)
    return tuple(made), len(texts) - len(made)


def _add_to_aims(ctx: ServiceContext, revision: PlanRevision, analysis: str) -> bool:
    """The analysis below the draft's overall aims, once."""
    aims = revision.overall_aims or ""
    if analysis in aims:
        return False
    if revision.authority != ctx.actor.authority:
        raise NotAllowedError(AIMS_OTHER_AUTHORITY)
    revision.overall_aims = f"{aims.rstrip()}\n\n{analysis}".strip()
    return True
