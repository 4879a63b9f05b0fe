"""Which category of records a stored record falls in: the unit consent is given for. The
desktop's read services and the server's scope both ask here."""

from __future__ import annotations

from sst_rules.enums import RecordCategory, RecordClass

CATEGORY_OF_TABLE: dict[str, RecordCategory] = {
    "referral_requests": RecordCategory.REFERRAL,
    "applications": RecordCategory.REFERRAL,
    "assessments": RecordCategory.REFERRAL,
    "admission_decisions": RecordCategory.REFERRAL,
    "guidance": RecordCategory.REFERRAL,
    "decisions": RecordCategory.DECISIONS,
    "assignments": RecordCategory.DECISIONS,
    "meetings": RecordCategory.MEETINGS,
    "sips": RecordCategory.MEETINGS,
    "team_notes": RecordCategory.MEETINGS,
    "case_participants": RecordCategory.MEETINGS,
    "contacts": RecordCategory.CONTACTS,
    "daily_contact_offers": RecordCategory.CONTACTS,
    "absence_records": RecordCategory.ABSENCE,
    "participation_records": RecordCategory.ABSENCE,
    "grade_records": RecordCategory.ABSENCE,
    "ratings": RecordCategory.RATINGS,
    "plans": RecordCategory.PLANS,
    "plan_revisions": RecordCategory.PLANS,
    "plan_goals": RecordCategory.PLANS,
    "plan_interventions": RecordCategory.PLANS,
    "plan_signatures": RecordCategory.PLANS,
    "plan_goal_reviews": RecordCategory.PLANS,
    # Scanned signed plans and signature images; a later purpose outside plans needs its own.
    "attachments": RecordCategory.PLANS,
    "closures": RecordCategory.CLOSURE_FOLLOW_UP,
    "follow_ups": RecordCategory.CLOSURE_FOLLOW_UP,
}
MAPPING_CATEGORY = {
    "pedagogical": RecordCategory.MAPPING_PEDAGOGICAL,
    "psychological": RecordCategory.MAPPING_PSYCHOLOGICAL,
    "social_therapeutic": RecordCategory.MAPPING_SOCIAL,
}
# Mapping records whose category follows their writer's record class (``category_of``).
MAPPING_BY_WRITER = frozenset({"mappings", "mapping_trials", "mapping_items", "mapping_scalings"})
# Case metadata every team member needs to work the case; they hold no narrative content.
ALWAYS_VISIBLE = frozenset(
    {"case_status_changes", "case_assignments", "consents", "consent_parties"}
)


def category_of(
    table: str, *, perspective: str | None = None, record_class: str | None = None
) -> str:
    """A mapping section by its perspective; a mapping, trial, Signs of Safety item or scaling
    link by who wrote it (its record class); everything else by its table."""
    if table == "mapping_sections" and perspective is not None:
        return MAPPING_CATEGORY[perspective]
    if table in MAPPING_BY_WRITER:
        if record_class == RecordClass.SOCIAL_SERVICES_RECORD:
            return RecordCategory.MAPPING_SOCIAL
        if record_class == RecordClass.PUPIL_HEALTH_RECORD:
            return RecordCategory.MAPPING_PSYCHOLOGICAL
        return RecordCategory.MAPPING_PEDAGOGICAL
    return CATEGORY_OF_TABLE.get(table, RecordCategory.REFERRAL)
