"""The plan fingerprint: content in, a stable short hash out; storage details never count."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from sst_desktop.reports.fingerprint import (
    GoalContent,
    InterventionContent,
    RevisionContent,
    canonical_bytes,
    content_digest,
    fingerprint,
)

GOAL = GoalContent("g1", None, "school", "Delta i matematik", "Två lektioner", date(2026, 5, 1), 0)
SUB = GoalContent("g2", "g1", "school", "Första lektionen", None, None, 1)
SOCIAL = GoalContent("g3", None, "social", "Fritidsaktivitet", None, None, 2)
WEEKLY = InterventionContent(
    "g1", "weekly_planning", None, "Skolan", "Eleven", "school", date(2026, 3, 2), None
)
WALK = InterventionContent(
    "g2", None, "Promenad till skolan", "Familjebehandlare", None, "home", None, None
)
CONTENT = RevisionContent(
    kind="implementation_plan",
    maintenance=False,
    overall_aims="Eleven deltar i undervisningen och mår bättre.",
    review_on=date(2026, 6, 1),
    goals=(GOAL, SUB, SOCIAL),
    interventions=(WEEKLY, WALK),
)


def test_a_fixed_content_has_a_fixed_fingerprint() -> None:
    """Printed pages carry it: a change of the canonical form is a new format, never silent."""
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", fingerprint(CONTENT))
    assert fingerprint(CONTENT) == "E0C2-2227-8068"
    assert content_digest(CONTENT).upper().startswith(fingerprint(CONTENT).replace("-", ""))


def test_ids_and_storage_order_do_not_count() -> None:
    renamed = {"g1": "x9", "g2": "x7", "g3": "x8"}
    goals = tuple(
        replace(g, key=renamed[g.key], parent_key=renamed.get(g.parent_key or ""))
        for g in reversed(CONTENT.goals)
    )
    interventions = tuple(
        replace(i, goal_key=renamed[i.goal_key or ""]) for i in reversed(CONTENT.interventions)
    )
    moved = replace(CONTENT, goals=goals, interventions=interventions)
    assert fingerprint(moved) == fingerprint(CONTENT)


def test_the_same_text_in_another_unicode_form_or_line_ending_is_the_same() -> None:
    decomposed = replace(CONTENT, overall_aims=unicodedata.normalize("NFD", CONTENT.overall_aims))
    assert fingerprint(decomposed) == fingerprint(CONTENT)
    windows = replace(CONTENT, overall_aims="Rad ett\r\nRad två")
    assert fingerprint(windows) == fingerprint(replace(CONTENT, overall_aims="Rad ett\nRad två"))


@pytest.mark.parametrize(
    "changed",
    [
        replace(CONTENT, overall_aims="Eleven deltar i undervisningen."),
        replace(CONTENT, review_on=date(2026, 6, 2)),
        replace(CONTENT, kind="action_plan"),
        replace(CONTENT, maintenance=True),
        replace(CONTENT, goals=(replace(GOAL, text="Delta i svenska"), SUB, SOCIAL)),
        replace(CONTENT, goals=(replace(GOAL, criterion="Tre lektioner"), SUB, SOCIAL)),
        replace(CONTENT, goals=(replace(GOAL, target_date=date(2026, 5, 2)), SUB, SOCIAL)),
        replace(CONTENT, goals=(replace(GOAL, perspective="individual"), SUB, SOCIAL)),
        replace(CONTENT, goals=(GOAL, replace(SUB, parent_key=None), SOCIAL)),
        replace(CONTENT, goals=(replace(GOAL, position=3), SUB, SOCIAL)),  # goals reordered
        replace(CONTENT, goals=(GOAL, SUB)),
        replace(CONTENT, interventions=(WEEKLY,)),
        replace(CONTENT, interventions=(replace(WEEKLY, responsible="Mentor"), WALK)),
        replace(CONTENT, interventions=(replace(WEEKLY, goal_key="g3"), WALK)),
        replace(CONTENT, interventions=(replace(WEEKLY, active_to=date(2026, 6, 1)), WALK)),
        replace(CONTENT, interventions=(WEEKLY, replace(WALK, free_text="Promenad"))),
    ],
)
def test_any_change_of_content_changes_it(changed: RevisionContent) -> None:
    assert fingerprint(changed) != fingerprint(CONTENT)


def test_the_canonical_form_is_compact_sorted_utf8_json() -> None:
    text = canonical_bytes(CONTENT).decode("utf-8")
    assert text.startswith('{"format":"sst-plan-fingerprint/1","goals":[{')
    assert "Två lektioner" in text  # not \\u escaped
    assert "g1" not in text and "g2" not in text  # keys never enter it


def test_how_often_counts_and_a_plan_without_it_keeps_its_old_fingerprint() -> None:
    assert fingerprint(CONTENT) == "E0C2-2227-8068"  # no frequency: format 1, as signed before
    assert b"sst-plan-fingerprint/1" in canonical_bytes(CONTENT)
    twice = replace(CONTENT, interventions=[replace(WEEKLY, frequency="Två gånger i veckan"), WALK])
    once = replace(CONTENT, interventions=[replace(WEEKLY, frequency="En gång i veckan"), WALK])
    assert b"sst-plan-fingerprint/2" in canonical_bytes(twice)
    assert len({fingerprint(CONTENT), fingerprint(twice), fingerprint(once)}) == 3
