"""Display labels of the domain's codes, as data: one English source per enum member, translated
by Qt Linguist (the enum's name is the context, so "Other" may differ per enum). A test checks
every member of every enum in ``models.enums`` has a label here and a Swedish translation."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

LABELS: dict[str, dict[str, str]] = {
    "AuditAction": {
        "create": QT_TRANSLATE_NOOP("AuditAction", "Created"),
        "update": QT_TRANSLATE_NOOP("AuditAction", "Changed"),
        "delete": QT_TRANSLATE_NOOP("AuditAction", "Deleted"),
        "view": QT_TRANSLATE_NOOP("AuditAction", "Viewed"),
        "list": QT_TRANSLATE_NOOP("AuditAction", "Listed"),
        "sign": QT_TRANSLATE_NOOP("AuditAction", "Signed"),
        "print": QT_TRANSLATE_NOOP("AuditAction", "Printed"),
        "export": QT_TRANSLATE_NOOP("AuditAction", "Exported"),
    },
    # Fields people edit, as the Conflicts screen names them (others show their code).
    "RecordField": {
        "agenda": QT_TRANSLATE_NOOP("RecordField", "Agenda"),
        "place": QT_TRANSLATE_NOOP("RecordField", "Place"),
        "note": QT_TRANSLATE_NOOP("RecordField", "Note"),
        "notes": QT_TRANSLATE_NOOP("RecordField", "Notes"),
        "summary": QT_TRANSLATE_NOOP("RecordField", "Summary"),
        "text": QT_TRANSLATE_NOOP("RecordField", "Text"),
        "analysis": QT_TRANSLATE_NOOP("RecordField", "Analysis"),
        "observations": QT_TRANSLATE_NOOP("RecordField", "Observations"),
        "student_view": QT_TRANSLATE_NOOP("RecordField", "Student's view"),
        "guardian_view": QT_TRANSLATE_NOOP("RecordField", "Guardians' view"),
        "child_response": QT_TRANSLATE_NOOP("RecordField", "Child's response"),
        "agreed_actions": QT_TRANSLATE_NOOP("RecordField", "Agreed actions"),
        "decision": QT_TRANSLATE_NOOP("RecordField", "Decision"),
        "reason": QT_TRANSLATE_NOOP("RecordField", "Reason"),
        "status": QT_TRANSLATE_NOOP("RecordField", "Status"),
        "scheduled_at": QT_TRANSLATE_NOOP("RecordField", "Time"),
        "duration_minutes": QT_TRANSLATE_NOOP("RecordField", "Duration (minutes)"),
        "participants": QT_TRANSLATE_NOOP("RecordField", "Participants"),
        "outcome": QT_TRANSLATE_NOOP("RecordField", "Outcome"),
        "criterion": QT_TRANSLATE_NOOP("RecordField", "Measurable criterion"),
        "intervention": QT_TRANSLATE_NOOP("RecordField", "Intervention"),
        "responsible": QT_TRANSLATE_NOOP("RecordField", "Responsible"),
        "target_date": QT_TRANSLATE_NOOP("RecordField", "Target date"),
        "overall_aims": QT_TRANSLATE_NOOP("RecordField", "Overall aims"),
        "overall_goal": QT_TRANSLATE_NOOP("RecordField", "Overall goal"),
        "handover_note": QT_TRANSLATE_NOOP("RecordField", "Handover note"),
        "free_text": QT_TRANSLATE_NOOP("RecordField", "Free text"),
        "measures_taken": QT_TRANSLATE_NOOP("RecordField", "Measures taken"),
        "adaptations_tried": QT_TRANSLATE_NOOP("RecordField", "Adaptations tried"),
        "expected_of_team": QT_TRANSLATE_NOOP("RecordField", "Expected of the team"),
        "details": QT_TRANSLATE_NOOP("RecordField", "Details"),
        "topic": QT_TRANSLATE_NOOP("RecordField", "Topic"),
    },
    "RecordType": {
        "consents": QT_TRANSLATE_NOOP("RecordType", "Consent"),
        "sips": QT_TRANSLATE_NOOP("RecordType", "SIP"),
        "mapping_trials": QT_TRANSLATE_NOOP("RecordType", "Trialled intervention"),
        "concern_reports": QT_TRANSLATE_NOOP("RecordType", "Report of concern"),
        "case_assignments": QT_TRANSLATE_NOOP("RecordType", "Staff assigned"),
        "plan_goals": QT_TRANSLATE_NOOP("RecordType", "Plan goal"),
        "daily_contact_offers": QT_TRANSLATE_NOOP("RecordType", "Daily contact offered"),
        "plans": QT_TRANSLATE_NOOP("RecordType", "Plan"),
        "mappings": QT_TRANSLATE_NOOP("RecordType", "Mapping"),
        "participation_records": QT_TRANSLATE_NOOP("RecordType", "Participation"),
        "decisions": QT_TRANSLATE_NOOP("RecordType", "Decision"),
        "ratings": QT_TRANSLATE_NOOP("RecordType", "Rating"),
        "case_status_changes": QT_TRANSLATE_NOOP("RecordType", "Status changed"),
        "plan_signatures": QT_TRANSLATE_NOOP("RecordType", "Plan signature"),
        "absence_records": QT_TRANSLATE_NOOP("RecordType", "Absence"),
        "assignments": QT_TRANSLATE_NOOP("RecordType", "Assignment"),
        "meetings": QT_TRANSLATE_NOOP("RecordType", "Meeting"),
        "mapping_sections": QT_TRANSLATE_NOOP("RecordType", "Mapping section"),
        "mapping_items": QT_TRANSLATE_NOOP("RecordType", "Mapping item"),
        "mapping_scalings": QT_TRANSLATE_NOOP("RecordType", "Mapping scaling"),
        "plan_revisions": QT_TRANSLATE_NOOP("RecordType", "Plan revision"),
        "closures": QT_TRANSLATE_NOOP("RecordType", "Closure"),
        "plan_interventions": QT_TRANSLATE_NOOP("RecordType", "Plan intervention"),
        "plan_goal_reviews": QT_TRANSLATE_NOOP("RecordType", "Plan goal reviewed"),
        "grade_records": QT_TRANSLATE_NOOP("RecordType", "Grades"),
        "admission_decisions": QT_TRANSLATE_NOOP("RecordType", "Admission group"),
        "follow_ups": QT_TRANSLATE_NOOP("RecordType", "Follow-up"),
        "contacts": QT_TRANSLATE_NOOP("RecordType", "Contact"),
        "case_participants": QT_TRANSLATE_NOOP("RecordType", "Participant"),
        "applications": QT_TRANSLATE_NOOP("RecordType", "Application"),
        "consent_parties": QT_TRANSLATE_NOOP("RecordType", "Consent answer"),
        "assessments": QT_TRANSLATE_NOOP("RecordType", "Assessment"),
        "referral_requests": QT_TRANSLATE_NOOP("RecordType", "Referral request"),
        "team_notes": QT_TRANSLATE_NOOP("RecordType", "Team meeting note"),
        "attachments": QT_TRANSLATE_NOOP("RecordType", "Attachment"),
    },
    "Authority": {
        "school": QT_TRANSLATE_NOOP("Authority", "School"),
        "social_services": QT_TRANSLATE_NOOP("Authority", "Social services"),
    },
    "Programme": {
        "sst": QT_TRANSLATE_NOOP("Programme", "SST"),
        "sst_plus": QT_TRANSLATE_NOOP("Programme", "SST plus"),
    },
    "Role": {
        "family_therapist": QT_TRANSLATE_NOOP("Role", "Family therapist"),
        "school_psychologist": QT_TRANSLATE_NOOP("Role", "School psychologist"),
        "coordinator": QT_TRANSLATE_NOOP("Role", "Coordinating psychologist"),
        "special_educator": QT_TRANSLATE_NOOP("Role", "Special educator"),
        "school_social_worker": QT_TRANSLATE_NOOP("Role", "School social worker"),
        "case_officer": QT_TRANSLATE_NOOP("Role", "Case officer"),
        "intake_officer": QT_TRANSLATE_NOOP("Role", "Intake officer"),
        "school_counsellor": QT_TRANSLATE_NOOP("Role", "School counsellor"),
        "mentor": QT_TRANSLATE_NOOP("Role", "Mentor"),
        "principal": QT_TRANSLATE_NOOP("Role", "Principal"),
        "teacher": QT_TRANSLATE_NOOP("Role", "Teacher"),
        "school_nurse": QT_TRANSLATE_NOOP("Role", "School nurse"),
        "unit_manager": QT_TRANSLATE_NOOP("Role", "Unit manager"),
        "project_manager": QT_TRANSLATE_NOOP("Role", "Project manager"),
    },
    "CaseStatus": {
        "requested": QT_TRANSLATE_NOOP("CaseStatus", "Requested"),
        "decided": QT_TRANSLATE_NOOP("CaseStatus", "Decided"),
        "information_meeting": QT_TRANSLATE_NOOP("CaseStatus", "Information meeting"),
        "started": QT_TRANSLATE_NOOP("CaseStatus", "Started"),
        "active": QT_TRANSLATE_NOOP("CaseStatus", "Active"),
        "closing": QT_TRANSLATE_NOOP("CaseStatus", "Closing"),
        "closed": QT_TRANSLATE_NOOP("CaseStatus", "Closed"),
        "applied": QT_TRANSLATE_NOOP("CaseStatus", "Applied"),
        "assessed": QT_TRANSLATE_NOOP("CaseStatus", "Assessed"),
        "admitted": QT_TRANSLATE_NOOP("CaseStatus", "Admitted"),
        "mapping": QT_TRANSLATE_NOOP("CaseStatus", "Mapping"),
        "six_month_evaluation": QT_TRANSLATE_NOOP("CaseStatus", "Six-month evaluation"),
        "followed_up": QT_TRANSLATE_NOOP("CaseStatus", "Followed up"),
        "declined": QT_TRANSLATE_NOOP("CaseStatus", "Declined"),
        "withdrawn": QT_TRANSLATE_NOOP("CaseStatus", "Withdrawn"),
        "handed_over": QT_TRANSLATE_NOOP("CaseStatus", "Handed over"),
    },
    "Gender": {
        "girl": QT_TRANSLATE_NOOP("Gender", "Girl"),
        "boy": QT_TRANSLATE_NOOP("Gender", "Boy"),
        "other": QT_TRANSLATE_NOOP("Gender", "Other gender identity"),
    },
    "SchoolKind": {
        "municipal": QT_TRANSLATE_NOOP("SchoolKind", "Municipal school"),
        "independent": QT_TRANSLATE_NOOP("SchoolKind", "Independent school"),
    },
    "RecordClass": {
        "social_services_record": QT_TRANSLATE_NOOP("RecordClass", "Social services record"),
        "pupil_health_record": QT_TRANSLATE_NOOP("RecordClass", "Pupil health record"),
        "school_record": QT_TRANSLATE_NOOP("RecordClass", "School record"),
        "team_note": QT_TRANSLATE_NOOP("RecordClass", "Team working note"),
        "referral_request": QT_TRANSLATE_NOOP("RecordClass", "Referral request"),
        "organisation": QT_TRANSLATE_NOOP("RecordClass", "Organisation"),
        "audit": QT_TRANSLATE_NOOP("RecordClass", "Audit"),
    },
    "ReferralRoute": {
        "referral_request": QT_TRANSLATE_NOOP("ReferralRoute", "Referral request"),
        "school_application": QT_TRANSLATE_NOOP("ReferralRoute", "Application from school"),
        "social_services_application": QT_TRANSLATE_NOOP(
            "ReferralRoute", "Application from social services"
        ),
        "own_application": QT_TRANSLATE_NOOP("ReferralRoute", "The family's own application"),
        "concern_report": QT_TRANSLATE_NOOP("ReferralRoute", "Report of concern"),
        "already_known": QT_TRANSLATE_NOOP("ReferralRoute", "Already known to social services"),
    },
    "ConsentPurpose": {
        "information_meeting_participation": QT_TRANSLATE_NOOP(
            "ConsentPurpose", "Taking part in the information meeting"
        ),
        "sst_intervention": QT_TRANSLATE_NOOP("ConsentPurpose", "SST support"),
        "referral_to_sst_plus": QT_TRANSLATE_NOOP("ConsentPurpose", "Referral to SST plus"),
        "sharing_between_authorities": QT_TRANSLATE_NOOP(
            "ConsentPurpose", "Sharing between school and social services"
        ),
        "home_first_meeting": QT_TRANSLATE_NOOP("ConsentPurpose", "First meeting at home"),
        "follow_up_after_closure": QT_TRANSLATE_NOOP("ConsentPurpose", "Follow-up after closure"),
    },
    "ConsentPartyKind": {
        "student": QT_TRANSLATE_NOOP("ConsentPartyKind", "Student"),
        "guardian": QT_TRANSLATE_NOOP("ConsentPartyKind", "Guardian"),
    },
    "RecordCategory": {
        "referral": QT_TRANSLATE_NOOP("RecordCategory", "Referral"),
        "decisions": QT_TRANSLATE_NOOP("RecordCategory", "Decisions"),
        "meetings": QT_TRANSLATE_NOOP("RecordCategory", "Meetings"),
        "contacts": QT_TRANSLATE_NOOP("RecordCategory", "Contacts"),
        "absence": QT_TRANSLATE_NOOP("RecordCategory", "Absence and participation"),
        "mapping_pedagogical": QT_TRANSLATE_NOOP("RecordCategory", "Mapping, pedagogical"),
        "mapping_psychological": QT_TRANSLATE_NOOP("RecordCategory", "Mapping, psychological"),
        "mapping_social": QT_TRANSLATE_NOOP("RecordCategory", "Mapping, social"),
        "ratings": QT_TRANSLATE_NOOP("RecordCategory", "Ratings"),
        "plans": QT_TRANSLATE_NOOP("RecordCategory", "Plans"),
        "closure_follow_up": QT_TRANSLATE_NOOP("RecordCategory", "Closure and follow-up"),
    },
    "MeetingKind": {
        "information": QT_TRANSLATE_NOOP("MeetingKind", "Information meeting"),
        "info_and_start": QT_TRANSLATE_NOOP("MeetingKind", "Information and start meeting"),
        "start": QT_TRANSLATE_NOOP("MeetingKind", "Start meeting"),
        "review": QT_TRANSLATE_NOOP("MeetingKind", "Review meeting"),
        "guardian": QT_TRANSLATE_NOOP("MeetingKind", "Guardian meeting"),
        "sip": QT_TRANSLATE_NOOP("MeetingKind", "SIP meeting"),
        "closing": QT_TRANSLATE_NOOP("MeetingKind", "Closing meeting"),
        "booster": QT_TRANSLATE_NOOP("MeetingKind", "Booster session"),
        "team": QT_TRANSLATE_NOOP("MeetingKind", "Internal staff meeting"),
        "pupil_health": QT_TRANSLATE_NOOP("MeetingKind", "Pupil health team meeting"),
        "absence_review": QT_TRANSLATE_NOOP("MeetingKind", "Absence review meeting"),
        "initial": QT_TRANSLATE_NOOP("MeetingKind", "Initial session"),
    },
    "MeetingStatus": {
        "booked": QT_TRANSLATE_NOOP("MeetingStatus", "Booked"),
        "held": QT_TRANSLATE_NOOP("MeetingStatus", "Held"),
        "rebooked": QT_TRANSLATE_NOOP("MeetingStatus", "Rebooked"),
        "cancelled": QT_TRANSLATE_NOOP("MeetingStatus", "Cancelled"),
    },
    "ContactKind": {
        "home_visit": QT_TRANSLATE_NOOP("ContactKind", "Home visit"),
        "daily_contact": QT_TRANSLATE_NOOP("ContactKind", "Daily contact"),
        "phone": QT_TRANSLATE_NOOP("ContactKind", "Phone call"),
        "message": QT_TRANSLATE_NOOP("ContactKind", "Message"),
        "school_visit": QT_TRANSLATE_NOOP("ContactKind", "School visit"),
        "other": QT_TRANSLATE_NOOP("ContactKind", "Other contact"),
    },
    "Setting": {
        "home": QT_TRANSLATE_NOOP("Setting", "Home"),
        "school": QT_TRANSLATE_NOOP("Setting", "School"),
        "other": QT_TRANSLATE_NOOP("Setting", "Elsewhere"),
    },
    "ParticipationLevel": {
        "not_attending": QT_TRANSLATE_NOOP("ParticipationLevel", "Not attending"),
        "approaching_school": QT_TRANSLATE_NOOP("ParticipationLevel", "Approaching school"),
        "partial": QT_TRANSLATE_NOOP("ParticipationLevel", "Some lessons"),
        "most_lessons": QT_TRANSLATE_NOOP("ParticipationLevel", "Most lessons"),
        "full": QT_TRANSLATE_NOOP("ParticipationLevel", "Full participation"),
    },
    "GoalStatus": {
        "met": QT_TRANSLATE_NOOP("GoalStatus", "Met"),
        "partly": QT_TRANSLATE_NOOP("GoalStatus", "Partly met"),
        "not_yet": QT_TRANSLATE_NOOP("GoalStatus", "Not yet met"),
    },
    "RatingEntry": {
        "clinician": QT_TRANSLATE_NOOP("RatingEntry", "In the session"),
        "client": QT_TRANSLATE_NOOP("RatingEntry", "Rated by the client on screen"),
        "paper": QT_TRANSLATE_NOOP("RatingEntry", "Paper form"),
        "imported": QT_TRANSLATE_NOOP("RatingEntry", "Imported"),
    },
    "AbsenceMeasure": {
        "total": QT_TRANSLATE_NOOP("AbsenceMeasure", "Total absence"),
        "authorised": QT_TRANSLATE_NOOP("AbsenceMeasure", "Authorised absence"),
        "unauthorised": QT_TRANSLATE_NOOP("AbsenceMeasure", "Unauthorised absence"),
    },
    "MappingPerspective": {
        "pedagogical": QT_TRANSLATE_NOOP("MappingPerspective", "Pedagogical"),
        "psychological": QT_TRANSLATE_NOOP("MappingPerspective", "Psychological"),
        "social_therapeutic": QT_TRANSLATE_NOOP("MappingPerspective", "Social-therapeutic"),
    },
    "MappingItemKind": {
        "worry": QT_TRANSLATE_NOOP("MappingItemKind", "Worry"),
        "danger_statement": QT_TRANSLATE_NOOP("MappingItemKind", "Danger statement"),
        "working_well": QT_TRANSLATE_NOOP("MappingItemKind", "What works"),
        "strength": QT_TRANSLATE_NOOP("MappingItemKind", "Strength"),
        "needs_to_happen": QT_TRANSLATE_NOOP("MappingItemKind", "What needs to happen"),
        "safety_goal": QT_TRANSLATE_NOOP("MappingItemKind", "Safety goal"),
    },
    "MappingPart": {
        "section_pedagogical": QT_TRANSLATE_NOOP("MappingPart", "Pedagogical section"),
        "section_psychological": QT_TRANSLATE_NOOP("MappingPart", "Psychological section"),
        "section_social_therapeutic": QT_TRANSLATE_NOOP(
            "MappingPart", "Social-therapeutic section"
        ),
        "student_view": QT_TRANSLATE_NOOP("MappingPart", "The student's own view"),
        "guardian_view": QT_TRANSLATE_NOOP("MappingPart", "The guardians' view"),
        "absence_function": QT_TRANSLATE_NOOP("MappingPart", "The function of the absence"),
        "trials": QT_TRANSLATE_NOOP("MappingPart", "Interventions tried"),
        "strengths": QT_TRANSLATE_NOOP("MappingPart", "Strengths"),
        "worries": QT_TRANSLATE_NOOP("MappingPart", "Worries"),
        "danger_statement": QT_TRANSLATE_NOOP("MappingPart", "Danger statement"),
        "working_well": QT_TRANSLATE_NOOP("MappingPart", "What works"),
        "needs_to_happen": QT_TRANSLATE_NOOP("MappingPart", "What needs to happen"),
        "safety_goals": QT_TRANSLATE_NOOP("MappingPart", "Safety goals"),
        "scaling_self": QT_TRANSLATE_NOOP("MappingPart", "Scaling 0-10: the student"),
        "scaling_parent": QT_TRANSLATE_NOOP("MappingPart", "Scaling 0-10: a guardian"),
        "scaling_team": QT_TRANSLATE_NOOP("MappingPart", "Scaling 0-10: the team"),
        "analysis": QT_TRANSLATE_NOOP("MappingPart", "Analysis"),
    },
    "PlanKind": {
        "action_plan": QT_TRANSLATE_NOOP("PlanKind", "Action plan"),
        "implementation_plan": QT_TRANSLATE_NOOP("PlanKind", "Implementation plan"),
    },
    "PlanPerspective": {
        "individual": QT_TRANSLATE_NOOP("PlanPerspective", "Individual"),
        "school": QT_TRANSLATE_NOOP("PlanPerspective", "School-related"),
        "social": QT_TRANSLATE_NOOP("PlanPerspective", "Social"),
    },
    "PlanRevisionStatus": {
        "draft": QT_TRANSLATE_NOOP("PlanRevisionStatus", "Draft"),
        "awaiting_signatures": QT_TRANSLATE_NOOP("PlanRevisionStatus", "Awaiting signatures"),
        "signed": QT_TRANSLATE_NOOP("PlanRevisionStatus", "Signed"),
        "superseded": QT_TRANSLATE_NOOP("PlanRevisionStatus", "Superseded"),
    },
    "SignerRole": {
        "student": QT_TRANSLATE_NOOP("SignerRole", "Student"),
        "guardian": QT_TRANSLATE_NOOP("SignerRole", "Guardian"),
        "school": QT_TRANSLATE_NOOP("SignerRole", "School"),
        "social_services": QT_TRANSLATE_NOOP("SignerRole", "Social services"),
    },
    "ClosureReason": {
        "goals_met": QT_TRANSLATE_NOOP("ClosureReason", "Goals met"),
        "cannot_carry_out": QT_TRANSLATE_NOOP("ClosureReason", "Support cannot be carried out"),
        "ended_early": QT_TRANSLATE_NOOP("ClosureReason", "Ended early"),
        "other_support_needed": QT_TRANSLATE_NOOP("ClosureReason", "Other support needed"),
        "moved": QT_TRANSLATE_NOOP("ClosureReason", "Moved"),
        "other": QT_TRANSLATE_NOOP("ClosureReason", "Other reason"),
    },
    "DecisionKind": {
        "assistance": QT_TRANSLATE_NOOP("DecisionKind", "Decision on assistance"),
        "special_support": QT_TRANSLATE_NOOP("DecisionKind", "Special support"),
        "additional_adaptations": QT_TRANSLATE_NOOP("DecisionKind", "Additional adaptations"),
        "continuation": QT_TRANSLATE_NOOP("DecisionKind", "Continuation decision"),
        "sst_start": QT_TRANSLATE_NOOP("DecisionKind", "Decision to start SST"),
    },
    "AdmissionOutcome": {
        "granted": QT_TRANSLATE_NOOP("AdmissionOutcome", "Admitted"),
        "declined": QT_TRANSLATE_NOOP("AdmissionOutcome", "Declined"),
        "waiting": QT_TRANSLATE_NOOP("AdmissionOutcome", "Waiting"),
    },
    "LegalBasis": {
        "service": QT_TRANSLATE_NOOP("LegalBasis", "Voluntary service"),
        "assistance": QT_TRANSLATE_NOOP("LegalBasis", "Needs-assessed assistance"),
    },
}


# The enum that names a record's ``kind`` or ``status`` in a timeline label ("meetings.review").
DETAIL_ENUM = {
    "meetings": "MeetingKind",
    "contacts": "ContactKind",
    "plans": "PlanKind",
    "plan_revisions": "PlanRevisionStatus",
    "decisions": "DecisionKind",
    "mapping_items": "MappingItemKind",
}


def timeline_label(code: str) -> str:
    """``table.detail`` from the case timeline as words: "Meeting: Review meeting"."""
    table, _dot, detail = code.partition(".")
    record = label(table, "RecordType")
    enum_name = DETAIL_ENUM.get(table)
    if detail and enum_name and detail in LABELS.get(enum_name, {}):
        return f"{record}: {label(detail, enum_name)}"
    return record


def label(value: Enum | str, enum_name: str | None = None) -> str:
    """The translated label of an enum member (or of ``value`` within ``enum_name``)."""
    if isinstance(value, Enum):
        enum_name, code = type(value).__name__, str(value.value)
    else:
        code = value
    source = LABELS.get(enum_name or "", {}).get(code)
    if source is None:
        return code  # an unlabelled code is a test failure, never a crash
    return QCoreApplication.translate(enum_name or "", source)
