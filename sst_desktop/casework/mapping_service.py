"""Kartläggning: writing a draft revision. Each perspective's section is written and owned by its
author; a Signs of Safety item or strength by its author's authority; the revision's own fields
(the function of the absence, the analysis, what is marked missing) by the authority that
started it. A completed revision is changed by nobody: revise it (``mapping_revisions``).

Every rule here is also the server's (a device writes only its own authority's records), so
nothing written here is refused by sync later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.casework.queries import NOT_YOUR_CASE
from sst_desktop.config.absence_functions import AbsenceFunctionCatalogue, load_absence_functions
from sst_desktop.errors import NotAllowedError, ValidationError, WorkflowError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.mapping import Mapping, MappingItem, MappingSection, MappingTrial
from sst_desktop.store.unit_of_work import ChangeSet, UnitOfWork
from sst_rules.enums import MappingItemKind, MappingPart, MappingPerspective

SECTION_OWNER = error_code(
    "mapping.section_owner",
    "The {perspective} section belongs to its author; only they can change it.",
)
COMPLETED = error_code(
    "mapping.completed",
    "Revision {revision} of the mapping is complete and cannot be changed; revise it instead.",
)
MAPPING_OWNER = error_code(
    "mapping.owner",
    "This revision of the mapping is kept by the other authority: only its staff may change the "
    "function of the absence, the analysis or what is missing, or mark it complete.",
)
ITEM_OWNER = error_code(
    "mapping.item_owner",
    "This item was written by the other authority; only its staff may change or remove it.",
)
ALREADY_STARTED = error_code(
    "mapping.already_started", "This case already has a mapping; revise it instead."
)
UNKNOWN_FUNCTION = error_code(
    "mapping.unknown_function", "No absence function with code {code} in the catalogue."
)


def draft_mapping(uow: UnitOfWork, ctx: ServiceContext, mapping_id: str) -> Mapping:
    """The revision, if it is on one of the actor's cases and still a draft."""
    mapping: Mapping = get_or_fail(uow, Mapping, mapping_id)
    visible_case(uow, ctx, mapping.case_id)
    if mapping.completed_on is not None:
        raise NotAllowedError(COMPLETED, revision=mapping.revision)
    return mapping


def own_draft(uow: UnitOfWork, ctx: ServiceContext, mapping_id: str) -> Mapping:
    """The draft revision, if the actor's authority keeps it."""
    mapping = draft_mapping(uow, ctx, mapping_id)
    if mapping.authority != ctx.actor.authority:
        raise NotAllowedError(MAPPING_OWNER)
    return mapping


def visible_case(uow: UnitOfWork, ctx: ServiceContext, case_id: str) -> Case:
    case: Case = get_or_fail(uow, Case, case_id)
    if not access.case_visible(ctx.actor, access.case_scope(uow, case)):
        raise NotAllowedError(NOT_YOUR_CASE)
    return case


def start_mapping(ctx: ServiceContext, case_id: str, started_on: date) -> str:
    """The case's mapping, revision 1. A case has one mapping; a change is a new revision."""
    with ctx.unit_of_work() as uow:
        visible_case(uow, ctx, case_id)
        if uow.session.scalar(
            select(Mapping.id).where(Mapping.case_id == case_id, Mapping.deleted.is_(False))
        ):
            raise WorkflowError(ALREADY_STARTED)
        mapping = uow.add(
            Mapping(
                case_id=case_id,
                started_on=started_on,
                completed_on=None,
                analysis=None,
                revision=1,
                absence_functions=[],
                missing={},
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(mapping.id)


@dataclass(frozen=True)
class SectionInput:
    perspective: MappingPerspective
    student_view: str | None = None
    guardian_view: str | None = None
    absence_function: str | None = None
    observations: str | None = None


def write_section(ctx: ServiceContext, mapping_id: str, data: SectionInput) -> ChangeSet:
    """Create the perspective's section, or update it if the actor wrote it."""
    with ctx.unit_of_work() as uow:
        mapping = draft_mapping(uow, ctx, mapping_id)
        section = uow.session.scalar(
            select(MappingSection).where(
                MappingSection.mapping_id == mapping_id,
                MappingSection.perspective == data.perspective,
                MappingSection.deleted.is_(False),
            )
        )
        if section is None:
            section = uow.add(
                MappingSection(
                    case_id=mapping.case_id,
                    mapping_id=mapping_id,
                    perspective=data.perspective,
                    author_id=ctx.actor.staff_id,
                    **owner_tags(ctx.actor),
                )
            )
        elif section.author_id != ctx.actor.staff_id:
            raise NotAllowedError(SECTION_OWNER, perspective=data.perspective.value)
        section.student_view, section.guardian_view = data.student_view, data.guardian_view
        section.absence_function, section.observations = data.absence_function, data.observations
        return uow.commit()


def add_trial(
    ctx: ServiceContext,
    mapping_id: str,
    intervention: str,
    tried_from: date,
    tried_to: date | None = None,
    child_response: str | None = None,
) -> str:
    with ctx.unit_of_work() as uow:
        mapping = draft_mapping(uow, ctx, mapping_id)
        trial = uow.add(
            MappingTrial(
                case_id=mapping.case_id,
                mapping_id=mapping_id,
                intervention=require_text(intervention, "intervention"),
                tried_from=tried_from,
                tried_to=tried_to,
                child_response=child_response,
                author_id=ctx.actor.staff_id,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(trial.id)


def write_analysis(ctx: ServiceContext, mapping_id: str, analysis: str) -> ChangeSet:
    """The closing analysis; completing the revision is ``complete_mapping``."""
    with ctx.unit_of_work() as uow:
        mapping = own_draft(uow, ctx, mapping_id)
        mapping.analysis = require_text(analysis, "analysis")
        mapping.analysis_author_id = ctx.actor.staff_id
        return uow.commit()


def set_absence_function(
    ctx: ServiceContext,
    mapping_id: str,
    codes: Sequence[str],
    note: str | None,
    *,
    catalogue: AbsenceFunctionCatalogue | None = None,
) -> ChangeSet:
    """What the absence does for the student: codes of the catalogue, and free text."""
    known = (catalogue or load_absence_functions()).codes()
    for code in codes:
        if code not in known:
            raise ValidationError(UNKNOWN_FUNCTION, code=code)
    with ctx.unit_of_work() as uow:
        mapping = own_draft(uow, ctx, mapping_id)
        mapping.absence_functions = [c for c in known if c in set(codes)]  # catalogue order
        mapping.absence_function_note = (note or "").strip() or None
        return uow.commit()


def mark_missing(
    ctx: ServiceContext, mapping_id: str, part: MappingPart, reason: str | None
) -> ChangeSet:
    """Mark a part missing with the reason it cannot be written; ``None`` takes the mark away."""
    with ctx.unit_of_work() as uow:
        mapping = own_draft(uow, ctx, mapping_id)
        missing = {k: v for k, v in mapping.missing.items() if k != part.value}
        if reason is not None:
            missing[part.value] = require_text(reason, "reason")
        mapping.missing = missing  # a new dict: the JSON column sees the change
        return uow.commit()


def add_item(ctx: ServiceContext, mapping_id: str, kind: MappingItemKind, text: str) -> str:
    """A line at the end of its Signs of Safety list (or the strengths)."""
    with ctx.unit_of_work() as uow:
        mapping = draft_mapping(uow, ctx, mapping_id)
        last = uow.session.scalar(
            select(func.max(MappingItem.position)).where(
                MappingItem.mapping_id == mapping_id, MappingItem.kind == kind
            )
        )
        item = uow.add(
            MappingItem(
                case_id=mapping.case_id,
                mapping_id=mapping_id,
                kind=kind,
                text=require_text(text, "text"),
                author_id=ctx.actor.staff_id,
                position=(last or 0) + 1,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(item.id)


def edit_item(ctx: ServiceContext, item_id: str, text: str) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        item = _own_item(uow, ctx, item_id)
        item.text = require_text(text, "text")
        return uow.commit()


def remove_item(ctx: ServiceContext, item_id: str) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        _own_item(uow, ctx, item_id).deleted = True  # a tombstone, like every removal
        return uow.commit()


def _own_item(uow: UnitOfWork, ctx: ServiceContext, item_id: str) -> MappingItem:
    item: MappingItem = get_or_fail(uow, MappingItem, item_id)
    draft_mapping(uow, ctx, item.mapping_id)
    if item.authority != ctx.actor.authority:
        raise NotAllowedError(ITEM_OWNER)
    return item
