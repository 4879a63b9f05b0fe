"""Kartläggning: each perspective's section is written and owned by its author; the analysis
closes the mapping and grounds the plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.errors import NotAllowedError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.mapping import Mapping, MappingSection, MappingTrial
from sst_desktop.store.unit_of_work import ChangeSet
from sst_rules.enums import MappingPerspective

SECTION_OWNER = error_code(
    "mapping.section_owner",
    "The {perspective} section belongs to its author; only they can change it.",
)


def start_mapping(ctx: ServiceContext, case_id: str, started_on: date) -> str:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        mapping = uow.add(
            Mapping(
                case_id=case_id,
                started_on=started_on,
                completed_on=None,
                analysis=None,
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
        mapping: Mapping = get_or_fail(uow, Mapping, mapping_id)
        section = uow.session.scalar(
            select(MappingSection).where(
                MappingSection.mapping_id == mapping_id,
                MappingSection.perspective == data.perspective,
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
        mapping: Mapping = get_or_fail(uow, Mapping, mapping_id)
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


def write_analysis(
    ctx: ServiceContext, mapping_id: str, analysis: str, completed_on: date | None
) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        mapping: Mapping = get_or_fail(uow, Mapping, mapping_id)
        mapping.analysis = require_text(analysis, "analysis")
        mapping.analysis_author_id, mapping.completed_on = ctx.actor.staff_id, completed_on
        return uow.commit()
