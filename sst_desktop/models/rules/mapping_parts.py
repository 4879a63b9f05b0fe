"""Which parts a mapping revision holds, and which still need writing or a reason for being
missing before it may be marked complete (the issue: "marked complete only when every part
exists or is marked missing with a reason")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sst_rules.enums import MappingItemKind, MappingPart, MappingPerspective

SECTION_PART = {
    MappingPerspective.PEDAGOGICAL: MappingPart.PEDAGOGICAL,
    MappingPerspective.PSYCHOLOGICAL: MappingPart.PSYCHOLOGICAL,
    MappingPerspective.SOCIAL_THERAPEUTIC: MappingPart.SOCIAL_THERAPEUTIC,
}
ITEM_PART = {
    MappingItemKind.WORRY: MappingPart.WORRIES,
    MappingItemKind.DANGER_STATEMENT: MappingPart.DANGER_STATEMENT,
    MappingItemKind.WORKING_WELL: MappingPart.WORKING_WELL,
    MappingItemKind.STRENGTH: MappingPart.STRENGTHS,
    MappingItemKind.NEEDS_TO_HAPPEN: MappingPart.NEEDS_TO_HAPPEN,
    MappingItemKind.SAFETY_GOAL: MappingPart.SAFETY_GOALS,
}
# The respondents of the Signs of Safety instrument (resources/instruments/signs_of_safety.json).
SCALING_PART = {
    "self": MappingPart.SCALING_STUDENT,
    "parent": MappingPart.SCALING_GUARDIAN,
    "team": MappingPart.SCALING_TEAM,
}


def filled(text: str | None) -> bool:
    return bool(text and text.strip())


@dataclass(frozen=True)
class SectionFacts:
    perspective: MappingPerspective
    student_view: str | None
    guardian_view: str | None
    absence_function: str | None
    observations: str | None


@dataclass(frozen=True)
class RevisionFacts:
    """What a revision holds, whoever may read it: existence only, never shown as content."""

    sections: tuple[SectionFacts, ...] = ()
    item_kinds: frozenset[MappingItemKind] = frozenset()
    scaled_by: frozenset[str] = frozenset()  # respondents with a scaling given
    trials: int = 0
    absence_functions: tuple[str, ...] = ()
    absence_function_note: str | None = None
    analysis: str | None = None
    missing: Mapping[str, str] = field(default_factory=dict)


def written_parts(facts: RevisionFacts) -> frozenset[MappingPart]:
    parts = {ITEM_PART[kind] for kind in facts.item_kinds}
    parts |= {SCALING_PART[r] for r in facts.scaled_by if r in SCALING_PART}
    for section in facts.sections:
        texts = (section.student_view, section.guardian_view, section.absence_function)
        if any(filled(t) for t in (*texts, section.observations)):
            parts.add(SECTION_PART[section.perspective])
        if filled(section.student_view):
            parts.add(MappingPart.STUDENT_VIEW)
        if filled(section.guardian_view):
            parts.add(MappingPart.GUARDIAN_VIEW)
    if facts.trials:
        parts.add(MappingPart.TRIALS)
    if facts.absence_functions or filled(facts.absence_function_note):
        parts.add(MappingPart.ABSENCE_FUNCTION)
    if filled(facts.analysis):
        parts.add(MappingPart.ANALYSIS)
    return frozenset(parts)


def unaccounted(
    written: Iterable[MappingPart], missing: Mapping[str, str]
) -> tuple[MappingPart, ...]:
    """The parts neither written nor marked missing with a reason, in the mapping's order."""
    done = set(written)
    return tuple(
        part
        for part in MappingPart
        if part not in done and not filled(str(missing.get(part.value) or ""))
    )
