"""Programme rules as data (design.md): per programme and district, with validity dates.

``resources/programmes/default.json`` holds one default entry per programme; an organisation's
file may add entries for a district (by district id) that override the default field by field,
for a period. ``ProgrammeRules.for_case`` picks what applies to a case on a day.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from sst_desktop.config.resources import resource_path
from sst_desktop.errors import SstError, error_code
from sst_rules.enums import CaseStatus, PlanKind, Programme, SignerRole

CONFIG_INVALID = error_code(
    "config.invalid", "The programme rules in {file} are not valid: {field}: {problem}"
)
NO_RULES = error_code(
    "config.no_rules", "No programme rules for {programme} are in force on {day}."
)
GUARDS = Literal[
    "intervention_consent",
    "guidance_recorded",
    "continuation_decision",
    "time_limit_reason_if_past",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Guard(_Strict):
    to: CaseStatus
    from_: CaseStatus | None = Field(default=None, alias="from")
    requires: GUARDS


class Workflow(_Strict):
    initial: CaseStatus
    transitions: dict[CaseStatus, list[CaseStatus]]
    active_states: frozenset[CaseStatus]
    closed_states: frozenset[CaseStatus]
    guards: tuple[Guard, ...] = ()

    @model_validator(mode="after")
    def _targets_known(self) -> Workflow:
        known = set(self.transitions) | self.closed_states
        for source, targets in self.transitions.items():
            unknown = [t for t in targets if t not in known]
            if unknown:
                raise ValueError(f"{source} leads to unknown state(s) {unknown}")
        return self


class RetentionEntry(_Strict):
    rule: str
    record_classes: frozenset[str]
    months_after_closure: int = Field(ge=1)
    legal_reference: str


class ReviewWeeks(_Strict):
    min: int = Field(ge=1)
    max: int = Field(ge=1)


class ProgrammeConfig(_Strict):
    programme: Programme
    district: str | None = None
    valid_from: date
    valid_to: date | None = None
    eligible_school_years: tuple[int, ...]
    absence_threshold_percent: int | None = Field(default=None, ge=0, le=100)
    other_indicators_may_replace_threshold: bool
    review_weeks: ReviewWeeks | None
    follow_up_meeting_months: int | None
    evaluation_months: int | None
    time_limit_months: int = Field(ge=1)
    time_limit_exceeded_requires: Literal["reason", "continuation_decision"]
    plan_kind: PlanKind
    required_plan_signers: tuple[SignerRole, ...]
    copy_list: tuple[str, ...]
    follow_up_months: tuple[int, ...]
    follow_up_requires_consent: bool
    retention: tuple[RetentionEntry, ...]
    workflow: Workflow

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class ProgrammeRules:
    """Every entry loaded; the default and district entries per programme."""

    def __init__(self, entries: list[ProgrammeConfig]) -> None:
        self.entries = entries

    def for_case(
        self, programme: Programme | str, district_id: str | None, on: date
    ) -> ProgrammeConfig:
        wanted = Programme(programme)
        defaults = [
            e
            for e in self.entries
            if e.programme == wanted and e.district is None and e.in_force(on)
        ]
        if not defaults:
            raise SstError(NO_RULES, programme=wanted.value, day=on.isoformat())
        base = defaults[-1]
        for entry in self.entries:
            if entry.programme == wanted and entry.district == district_id and entry.in_force(on):
                base = entry
        return base


def _load_file(path: Path, defaults: dict[Programme, dict[str, Any]]) -> list[ProgrammeConfig]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = []
        for item in raw["entries"]:
            programme = Programme(item["programme"])
            merged = {**defaults.get(programme, {}), **item} if item.get("district") else item
            entry = ProgrammeConfig.model_validate(merged)
            if entry.district is None:
                defaults[programme] = item
            entries.append(entry)
        return entries
    except ValidationError as exc:
        first = exc.errors()[0]
        raise SstError(
            CONFIG_INVALID,
            file=path.name,
            field=".".join(str(p) for p in first["loc"]),
            problem=first["msg"],
        ) from exc
    except (KeyError, ValueError, TypeError) as exc:
        raise SstError(CONFIG_INVALID, file=path.name, field="(file)", problem=str(exc)) from exc
    except OSError as exc:
        raise SstError(
            CONFIG_INVALID, file=path.name, field="(file)", problem="cannot be read"
        ) from exc


def load_programme_rules(paths: list[Path]) -> ProgrammeRules:
    """The shipped defaults first, then each organisation file in order."""
    defaults: dict[Programme, dict[str, Any]] = {}
    entries: list[ProgrammeConfig] = []
    for path in paths:
        entries.extend(_load_file(path, defaults))
    return ProgrammeRules(entries)


def load_default_rules() -> ProgrammeRules:
    return load_programme_rules([resource_path("programmes", "default.json")])
