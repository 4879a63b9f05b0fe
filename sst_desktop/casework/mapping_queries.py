"""One revision of a case's mapping as the actor may read it (the authorisation rule; the read
is audited): the sections, Signs of Safety items, trials and scalings they may see, a count of
what they may not, and every part's state (written or marked missing) counted over all records,
since completing needs them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import NOT_FOUND, ServiceContext, get_or_fail
from sst_desktop.casework.mapping_dto import (
    ItemView,
    MappingView,
    PartState,
    RevisionRef,
    ScalingView,
    SectionView,
    TrialView,
)
from sst_desktop.casework.mapping_revisions import carry_over_waiting, revision_facts
from sst_desktop.casework.queries import NOT_YOUR_CASE
from sst_desktop.casework.rating_service import guardian_numbers
from sst_desktop.errors import NotAllowedError, ValidationError
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_desktop.models.mapping import (
    Mapping,
    MappingItem,
    MappingScaling,
    MappingSection,
    MappingTrial,
)
from sst_desktop.models.organisation import Staff
from sst_desktop.models.rules.mapping_parts import written_parts
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import MappingPart


def mapping_view(
    ctx: ServiceContext, case_id: str, mapping_id: str | None = None
) -> MappingView | None:
    """The revision ``mapping_id`` of the case, or its newest; None when it has no mapping."""
    with ctx.unit_of_work() as uow:
        case: Case = get_or_fail(uow, Case, case_id)
        scope = access.case_scope(uow, case)
        if not access.case_visible(ctx.actor, scope):
            raise NotAllowedError(NOT_YOUR_CASE)
        revisions = _revisions(uow, case_id)
        if not revisions:
            return None
        mapping = revisions[0] if mapping_id is None else _chosen(revisions, mapping_id)
        held = _held(uow, mapping.id)
        consents = access.consent_scopes(uow, case_id)
        visible, withheld = access.readable(
            ctx.actor, [mapping, *held], scope, consents, ctx.clock.today()
        )
        view = _view(uow, ctx, case, mapping, revisions, visible, withheld)
        uow.audit("view", "mappings", mapping.id, case_id, records=len(visible), withheld=withheld)
        uow.commit()
        return view


def _revisions(uow: UnitOfWork, case_id: str) -> list[Mapping]:
    return list(
        uow.session.scalars(
            select(Mapping)
            .where(Mapping.case_id == case_id, Mapping.deleted.is_(False))
            .order_by(Mapping.revision.desc(), Mapping.created_at.desc(), Mapping.id.desc())
        )
    )


def _chosen(revisions: list[Mapping], mapping_id: str) -> Mapping:
    for mapping in revisions:
        if mapping.id == mapping_id:
            return mapping
    raise ValidationError(NOT_FOUND, entity="mappings", id=mapping_id)


def _held(uow: UnitOfWork, mapping_id: str) -> list[Any]:
    records: list[Any] = []
    for model in (MappingSection, MappingItem, MappingTrial, MappingScaling):
        records.extend(
            uow.session.scalars(
                select(model).where(model.mapping_id == mapping_id, model.deleted.is_(False))
            )
        )
    scaled = [r.rating_id for r in records if isinstance(r, MappingScaling)]
    records.extend(uow.session.scalars(select(Rating).where(Rating.id.in_(scaled))))
    return records


def _view(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    mapping: Mapping,
    revisions: list[Mapping],
    visible: list[Any],
    withheld: int,
) -> MappingView:
    readable = mapping in visible
    names = _staff_names(uow, visible)
    sections = sorted(
        (r for r in visible if isinstance(r, MappingSection)), key=lambda s: s.perspective
    )
    guardians = guardian_numbers(uow, {case.student_id}).get(case.student_id or "", {})
    newest = revisions[0].id == mapping.id
    return MappingView(
        case_id=case.id,
        mapping_id=mapping.id,
        revision=mapping.revision,
        started_on=mapping.started_on,
        completed_on=mapping.completed_on,
        newest=newest,
        ours=mapping.authority == ctx.actor.authority,
        sections=tuple(_section(s, names, ctx.actor.staff_id) for s in sections),
        hidden_sections=_hidden_sections(uow, mapping.id, sections),
        items=tuple(_items(visible, names, ctx.actor.authority)),
        trials=tuple(_trials(visible)),
        scalings=tuple(_scalings(visible, guardians)),
        absence_functions=tuple(mapping.absence_functions or ()) if readable else (),
        absence_function_note=mapping.absence_function_note if readable else None,
        analysis=mapping.analysis if readable else None,
        parts=_parts(uow, mapping, readable),
        revisions=tuple(
            RevisionRef(m.id, m.revision, m.started_on, m.completed_on) for m in revisions
        ),
        guardian_ids=tuple(guardians),
        withheld=withheld,
        carry_over=(
            carry_over_waiting(uow, ctx.actor.authority, mapping)
            if newest and mapping.completed_on is None
            else 0
        ),
    )


def _staff_names(uow: UnitOfWork, records: Sequence[Any]) -> dict[str, str]:
    ids = {r.author_id for r in records if getattr(r, "author_id", None)}
    rows = uow.session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(ids)))
    return {staff_id: name for staff_id, name in rows}


def _section(section: MappingSection, names: dict[str, str], me: str) -> SectionView:
    return SectionView(
        section_id=section.id,
        perspective=section.perspective,
        author_name=names.get(section.author_id, ""),
        mine=section.author_id == me,
        student_view=section.student_view,
        guardian_view=section.guardian_view,
        absence_function=section.absence_function,
        observations=section.observations,
    )


def _hidden_sections(
    uow: UnitOfWork, mapping_id: str, shown: list[MappingSection]
) -> tuple[Any, ...]:
    every = uow.session.scalars(
        select(MappingSection.perspective).where(
            MappingSection.mapping_id == mapping_id, MappingSection.deleted.is_(False)
        )
    )
    seen = {s.perspective for s in shown}
    return tuple(sorted(p for p in set(every) if p not in seen))


def _items(visible: list[Any], names: dict[str, str], authority: str) -> list[ItemView]:
    items = sorted(
        (r for r in visible if isinstance(r, MappingItem)),
        key=lambda i: (i.kind, i.position, i.created_at),
    )
    return [
        ItemView(i.id, i.kind, i.text, names.get(i.author_id, ""), i.authority == authority)
        for i in items
    ]


def _trials(visible: list[Any]) -> list[TrialView]:
    trials = sorted((r for r in visible if isinstance(r, MappingTrial)), key=lambda t: t.tried_from)
    return [
        TrialView(t.id, t.intervention, t.tried_from, t.tried_to, t.child_response) for t in trials
    ]


def _scalings(visible: list[Any], guardians: dict[str, int]) -> list[ScalingView]:
    """The newest readable scaling per respondent (and guardian), student first."""
    linked = {r.rating_id for r in visible if isinstance(r, MappingScaling)}
    ratings = sorted(
        (r for r in visible if isinstance(r, Rating) and r.id in linked and not r.skipped),
        key=lambda r: (r.rated_on, r.created_at),
    )
    newest: dict[tuple[str, str | None], Rating] = {}
    for rating in ratings:
        newest[(rating.respondent, rating.guardian_id)] = rating
    order = {"self": 0, "parent": 1, "team": 2}
    return [
        ScalingView(
            respondent=r.respondent,
            guardian_number=guardians.get(r.guardian_id or ""),
            value=int(r.item_scores.get("scale", 0)),
            rated_on=r.rated_on,
        )
        for r in sorted(newest.values(), key=lambda r: (order.get(r.respondent, 3), r.rated_on))
    ]


def _parts(uow: UnitOfWork, mapping: Mapping, readable: bool) -> tuple[PartState, ...]:
    facts = revision_facts(uow, mapping)
    written = written_parts(facts)
    return tuple(
        PartState(
            part=part,
            written=part in written,
            marked_missing=bool(facts.missing.get(part.value)),
            missing_reason=(facts.missing.get(part.value) or None) if readable else None,
        )
        for part in MappingPart
    )
