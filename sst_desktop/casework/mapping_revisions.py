"""A mapping's revisions: completing one (only when every part is written or marked missing with
a reason), and revising a completed one into a new draft that supersedes it, so the old stays
readable as it was.

Revising copies what the reviser's authority owns (the server takes no record of the other
authority from them, and they may not even read it). The other authority's staff bring their
own parts over with ``carry_over``; until then those parts show as not written.
"""

from __future__ import annotations

from sqlalchemy import select

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags
from sst_desktop.casework.mapping_service import draft_mapping, own_draft, visible_case
from sst_desktop.errors import ValidationError, WorkflowError, error_code
from sst_desktop.models.closure import Rating
from sst_desktop.models.mapping import (
    Mapping,
    MappingItem,
    MappingScaling,
    MappingSection,
    MappingTrial,
)
from sst_desktop.models.rules.mapping_parts import (
    RevisionFacts,
    SectionFacts,
    unaccounted,
    written_parts,
)
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork

INCOMPLETE = error_code(
    "mapping.incomplete",
    "The mapping cannot be marked complete: write these parts or mark them missing with a "
    "reason: {missing}.",
)
NOT_NEWEST = error_code(
    "mapping.not_newest", "Revision {revision} is the newest revision; revise that one."
)
STILL_DRAFT = error_code(
    "mapping.still_draft", "Revision {revision} is still a draft: complete it before revising."
)


def revision_facts(uow: UnitOfWork, mapping: Mapping) -> RevisionFacts:
    """What the revision holds, every authority's records counted (existence, not content)."""
    session = uow.session
    sections = session.scalars(
        select(MappingSection).where(
            MappingSection.mapping_id == mapping.id, MappingSection.deleted.is_(False)
        )
    )
    kinds = session.scalars(
        select(MappingItem.kind)
        .where(MappingItem.mapping_id == mapping.id, MappingItem.deleted.is_(False))
        .distinct()
    )
    scaled = session.scalars(
        select(Rating.respondent)
        .join(MappingScaling, MappingScaling.rating_id == Rating.id)
        .where(
            MappingScaling.mapping_id == mapping.id,
            MappingScaling.deleted.is_(False),
            Rating.skipped.is_(False),
        )
    )
    trial = session.scalar(
        select(MappingTrial.id).where(
            MappingTrial.mapping_id == mapping.id, MappingTrial.deleted.is_(False)
        )
    )
    return RevisionFacts(
        sections=tuple(
            SectionFacts(
                s.perspective, s.student_view, s.guardian_view, s.absence_function, s.observations
            )
            for s in sections
        ),
        item_kinds=frozenset(kinds),
        scaled_by=frozenset(scaled),
        trials=1 if trial else 0,
        absence_functions=tuple(mapping.absence_functions or ()),
        absence_function_note=mapping.absence_function_note,
        analysis=mapping.analysis,
        missing=dict(mapping.missing or {}),
    )


def complete_mapping(ctx: ServiceContext, mapping_id: str) -> ChangeSet:
    """Seal the revision; refused, naming every part still open, unless all are accounted for."""
    with ctx.unit_of_work() as uow:
        mapping = own_draft(uow, ctx, mapping_id)
        facts = revision_facts(uow, mapping)
        left = unaccounted(written_parts(facts), facts.missing)
        if left:
            raise ValidationError(
                INCOMPLETE, missing=", ".join(part.value for part in left), count=len(left)
            )
        mapping.completed_on = ctx.clock.today()
        return uow.commit()


def newest_revision(uow: UnitOfWork, case_id: str) -> Mapping | None:
    """The case's current revision. Two devices revising the same one offline make two drafts
    with one number: the later one is current, the other stays readable in the history."""
    return uow.session.scalars(
        select(Mapping)
        .where(Mapping.case_id == case_id, Mapping.deleted.is_(False))
        .order_by(Mapping.revision.desc(), Mapping.created_at.desc(), Mapping.id.desc())
    ).first()


def revise_mapping(ctx: ServiceContext, mapping_id: str) -> str:
    """A new draft of the newest, completed revision with the reviser's authority's parts."""
    with ctx.unit_of_work() as uow:
        old: Mapping = get_or_fail(uow, Mapping, mapping_id)
        visible_case(uow, ctx, old.case_id)
        newest = newest_revision(uow, old.case_id)
        if newest is not None and newest.id != old.id:
            raise WorkflowError(NOT_NEWEST, revision=newest.revision)
        if old.completed_on is None:
            raise WorkflowError(STILL_DRAFT, revision=old.revision)
        ours = old.authority == ctx.actor.authority
        new = uow.add(
            Mapping(
                case_id=old.case_id,
                started_on=ctx.clock.today(),
                completed_on=None,
                revision=old.revision + 1,
                supersedes_id=old.id,
                analysis=old.analysis if ours else None,
                analysis_author_id=old.analysis_author_id if ours else None,
                absence_functions=list(old.absence_functions or ()) if ours else [],
                absence_function_note=old.absence_function_note if ours else None,
                missing=dict(old.missing or {}) if ours else {},
                **owner_tags(ctx.actor),
            )
        )
        _carry(uow, ctx, old, new)
        uow.commit()
        return str(new.id)


def carry_over(ctx: ServiceContext, mapping_id: str) -> int:
    """Bring the actor's authority's parts of the revision this draft supersedes into it (those
    not already here); returns how many records came over."""
    with ctx.unit_of_work() as uow:
        new = draft_mapping(uow, ctx, mapping_id)
        old = uow.session.get(Mapping, new.supersedes_id) if new.supersedes_id else None
        if old is None:
            return 0
        count = _carry(uow, ctx, old, new)
        uow.commit()
        return count


def carry_over_waiting(uow: UnitOfWork, authority: str, new: Mapping) -> int:
    """How many records of ``authority`` in the superseded revision are not in ``new`` yet."""
    old = uow.session.get(Mapping, new.supersedes_id) if new.supersedes_id else None
    return 0 if old is None else len(_to_carry(uow, authority, old, new))


def _carry(uow: UnitOfWork, ctx: ServiceContext, old: Mapping, new: Mapping) -> int:
    """Copies keep their author and their owner's tags: a colleague's section stays theirs."""
    copies = _to_carry(uow, ctx.actor.authority, old, new)
    for record in copies:
        uow.add(_copy(record, new))
    return len(copies)


Carried = MappingSection | MappingItem | MappingTrial
CARRIED: tuple[type[Carried], ...] = (MappingSection, MappingItem, MappingTrial)


def _held(uow: UnitOfWork, mapping_id: str) -> list[Carried]:
    held: list[Carried] = []
    for model in CARRIED:
        query = select(model).where(model.mapping_id == mapping_id, model.deleted.is_(False))
        held.extend(uow.session.scalars(query))
    return held


def _to_carry(uow: UnitOfWork, authority: str, old: Mapping, new: Mapping) -> list[Carried]:
    here = {_key(record) for record in _held(uow, new.id)}
    return [r for r in _held(uow, old.id) if r.authority == authority and _key(r) not in here]


def _key(record: Carried) -> tuple[object, ...]:
    """What makes a record "already here": a perspective has one section; an item or a trial
    the same words."""
    if isinstance(record, MappingSection):
        return ("section", record.perspective)
    if isinstance(record, MappingItem):
        return ("item", record.kind, record.text.strip())
    return ("trial", record.intervention.strip(), record.tried_from)


def _copy(record: Carried, new: Mapping) -> Carried:
    skip = {"id", "mapping_id", "created_at", "created_by", "updated_at", "updated_by"}
    skip |= {"server_version", "deleted"}
    columns = {c.key: getattr(record, c.key) for c in type(record).__table__.columns}
    values = {k: v for k, v in columns.items() if k not in skip}
    return type(record)(**values, mapping_id=new.id)
