"""The fingerprint of a plan revision: what a paper copy shows so it can be matched to exactly
the revision that was signed (issue 7, decisions.md).

Pure: the content goes in as plain values, a SHA-256 over its canonical serialisation comes
out. The canonical form holds what the family agrees to (kind, overall aims, review date,
goals in position order, interventions) and nothing of the storage: no ids, no timestamps, no
status or signatures (so signing does not change it). Goals refer to their parent by index;
interventions have no position of their own, so they are sorted by their canonical entries
and the storage order cannot change the result. Text is NFC-normalised with ``\\n`` line ends.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

FORMAT = "sst-plan-fingerprint/1"
# Format 2 adds how often an intervention happens (schema 0008). A revision without any
# frequency is serialised exactly as format 1, so a paper signed before keeps its fingerprint.
FORMAT_WITH_FREQUENCY = "sst-plan-fingerprint/2"
SHORT_HEX = 12  # 48 bits; see decisions.md
GROUP = 4


@dataclass(frozen=True)
class GoalContent:
    key: str  # any key unique within the revision (the id); only links are kept
    parent_key: str | None
    perspective: str
    text: str
    criterion: str | None
    target_date: date | None
    position: int


@dataclass(frozen=True)
class InterventionContent:
    goal_key: str | None
    toolbox_code: str | None
    free_text: str | None
    responsible: str
    recipient: str | None
    setting: str | None
    active_from: date | None
    active_to: date | None
    frequency: str | None = None  # "twice a week"; part of what the family agrees to


@dataclass(frozen=True)
class RevisionContent:
    kind: str
    maintenance: bool
    overall_aims: str | None
    review_on: date | None
    goals: Sequence[GoalContent]
    interventions: Sequence[InterventionContent]


def ordered_goals(goals: Sequence[GoalContent]) -> list[GoalContent]:
    """Position order; equal positions (two devices adding at once) fall back to content."""
    return sorted(goals, key=lambda g: (g.position, _json(_goal_fields(g, None))))


def canonical_bytes(content: RevisionContent) -> bytes:
    goals = ordered_goals(content.goals)
    index = {goal.key: number for number, goal in enumerate(goals)}
    entries = [_goal_fields(goal, index.get(goal.parent_key or "")) for goal in goals]
    actions = sorted(
        (
            _intervention_fields(item, index.get(item.goal_key or ""))
            for item in content.interventions
        ),
        key=_json,
    )
    with_frequency = any(item.frequency is not None for item in content.interventions)
    document = {
        "format": FORMAT_WITH_FREQUENCY if with_frequency else FORMAT,
        "kind": content.kind,
        "maintenance": content.maintenance,
        "overall_aims": _text(content.overall_aims),
        "review_on": _day(content.review_on),
        "goals": entries,
        "interventions": actions,
    }
    return _json(document).encode("utf-8")


def content_digest(content: RevisionContent) -> str:
    """The full SHA-256, hex: for a check that wants every bit."""
    return hashlib.sha256(canonical_bytes(content)).hexdigest()


def fingerprint(content: RevisionContent) -> str:
    """What a page shows: the first 12 hex digits, upper case, in groups: ``A3F2-91C0-7B1E``."""
    return format_short(content_digest(content))


def format_short(digest: str) -> str:
    short = digest[:SHORT_HEX].upper()
    return "-".join(short[i : i + GROUP] for i in range(0, SHORT_HEX, GROUP))


def _goal_fields(goal: GoalContent, parent: int | None) -> dict[str, Any]:
    return {
        "parent": parent,
        "perspective": goal.perspective,
        "text": _text(goal.text),
        "criterion": _text(goal.criterion),
        "target_date": _day(goal.target_date),
    }


def _intervention_fields(item: InterventionContent, goal: int | None) -> dict[str, Any]:
    fields = {
        "goal": goal,
        "toolbox_code": item.toolbox_code,
        "free_text": _text(item.free_text),
        "responsible": _text(item.responsible),
        "recipient": _text(item.recipient),
        "setting": item.setting,
        "active_from": _day(item.active_from),
        "active_to": _day(item.active_to),
    }
    if item.frequency is not None:
        fields["frequency"] = _text(item.frequency)
    return fields


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
