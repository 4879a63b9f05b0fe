"""Shared enumerations of the domain (values are stable: they are stored and synced)."""

from __future__ import annotations

from enum import StrEnum


class Authority(StrEnum):
    SCHOOL = "school"
    SOCIAL_SERVICES = "social_services"


class RecordClass(StrEnum):
    SOCIAL_SERVICES_RECORD = "social_services_record"
    PUPIL_HEALTH_RECORD = "pupil_health_record"
    SCHOOL_RECORD = "school_record"
    TEAM_NOTE = "team_note"
    REFERRAL_REQUEST = "referral_request"
    ORGANISATION = "organisation"
    AUDIT = "audit"


class Programme(StrEnum):
    SST = "sst"
    SST_PLUS = "sst_plus"


class Role(StrEnum):
    FAMILY_THERAPIST = "family_therapist"
    SCHOOL_PSYCHOLOGIST = "school_psychologist"
    COORDINATOR = "coordinator"
    SPECIAL_EDUCATOR = "special_educator"
    SCHOOL_SOCIAL_WORKER = "school_social_worker"
    CASE_OFFICER = "case_officer"
    INTAKE_OFFICER = "intake_officer"
    SCHOOL_COUNSELLOR = "school_counsellor"
    MENTOR = "mentor"
    PRINCIPAL = "principal"
    TEACHER = "teacher"
    SCHOOL_NURSE = "school_nurse"
    UNIT_MANAGER = "unit_manager"
    PROJECT_MANAGER = "project_manager"


class Gender(StrEnum):
    GIRL = "girl"
    BOY = "boy"
    OTHER = "other"


class SchoolKind(StrEnum):
    MUNICIPAL = "municipal"
    INDEPENDENT = "independent"


class ReferralRoute(StrEnum):
    REFERRAL_REQUEST = "referral_request"
    SCHOOL_APPLICATION = "school_application"
    SOCIAL_SERVICES_APPLICATION = "social_services_application"
    OWN_APPLICATION = "own_application"
    CONCERN_REPORT = "concern_report"
    ALREADY_KNOWN = "already_known"


class CaseStatus(StrEnum):
    REQUESTED = "requested"
    DECIDED = "decided"
    INFORMATION_MEETING = "information_meeting"
    STARTED = "started"
    ACTIVE = "active"
    CLOSING = "closing"
    CLOSED = "closed"
    APPLIED = "applied"
    ASSESSED = "assessed"
    ADMITTED = "admitted"
    MAPPING = "mapping"
    SIX_MONTH_EVALUATION = "six_month_evaluation"
    FOLLOWED_UP = "followed_up"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    HANDED_OVER = "handed_over"


class ConsentPurpose(StrEnum):
    INFORMATION_MEETING_PARTICIPATION = "information_meeting_participation"
    SST_INTERVENTION = "sst_intervention"
    REFERRAL_TO_SST_PLUS = "referral_to_sst_plus"
    SHARING_BETWEEN_AUTHORITIES = "sharing_between_authorities"
    HOME_FIRST_MEETING = "home_first_meeting"
    FOLLOW_UP_AFTER_CLOSURE = "follow_up_after_closure"


class ConsentPartyKind(StrEnum):
    STUDENT = "student"
    GUARDIAN = "guardian"


class RecordCategory(StrEnum):
    REFERRAL = "referral"
    DECISIONS = "decisions"
    MEETINGS = "meetings"
    CONTACTS = "contacts"
    ABSENCE = "absence"
    MAPPING_PEDAGOGICAL = "mapping_pedagogical"
    MAPPING_PSYCHOLOGICAL = "mapping_psychological"
    MAPPING_SOCIAL = "mapping_social"
    RATINGS = "ratings"
    PLANS = "plans"
    CLOSURE_FOLLOW_UP = "closure_follow_up"


class MeetingKind(StrEnum):
    INFORMATION = "information"
    INFO_AND_START = "info_and_start"
    START = "start"
    REVIEW = "review"
    GUARDIAN = "guardian"
    SIP = "sip"
    CLOSING = "closing"
    BOOSTER = "booster"
    TEAM = "team"
    PUPIL_HEALTH = "pupil_health"
    ABSENCE_REVIEW = "absence_review"
    INITIAL = "initial"


class MeetingStatus(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    REBOOKED = "rebooked"
    CANCELLED = "cancelled"


class ContactKind(StrEnum):
    HOME_VISIT = "home_visit"
    DAILY_CONTACT = "daily_contact"
    PHONE = "phone"
    MESSAGE = "message"
    SCHOOL_VISIT = "school_visit"
    OTHER = "other"


class Setting(StrEnum):
    HOME = "home"
    SCHOOL = "school"
    OTHER = "other"


class ParticipationLevel(StrEnum):
    """Ordered from none to full participation in teaching (000:L353, 004:L66)."""

    NOT_ATTENDING = "not_attending"
    APPROACHING_SCHOOL = "approaching_school"
    PARTIAL = "partial"
    MOST_LESSONS = "most_lessons"
    FULL = "full"

    @property
    def rank(self) -> int:
        return list(ParticipationLevel).index(self)


class RatingEntry(StrEnum):
    """How a rating reached the record: who held the pen, or where it came from."""

    CLINICIAN = "clinician"  # rated in the session with the clinician at the screen
    CLIENT = "client"  # the child or guardian rated in client-facing mode
    PAPER = "paper"  # a paper form entered afterwards
    IMPORTED = "imported"  # from a FIT platform's CSV


class AbsenceMeasure(StrEnum):
    TOTAL = "total"
    AUTHORISED = "authorised"
    UNAUTHORISED = "unauthorised"


class MappingPerspective(StrEnum):
    PEDAGOGICAL = "pedagogical"
    PSYCHOLOGICAL = "psychological"
    SOCIAL_THERAPEUTIC = "social_therapeutic"


class MappingItemKind(StrEnum):
    """A line of the mapping's Signs of Safety columns (domain.md, Instruments): worries with
    their danger statements, what works with the strengths, what needs to happen with the
    safety goals."""

    WORRY = "worry"
    DANGER_STATEMENT = "danger_statement"
    WORKING_WELL = "working_well"
    STRENGTH = "strength"
    NEEDS_TO_HAPPEN = "needs_to_happen"
    SAFETY_GOAL = "safety_goal"


class MappingPart(StrEnum):
    """What a complete mapping holds: each part written, or marked missing with a reason."""

    PEDAGOGICAL = "section_pedagogical"
    PSYCHOLOGICAL = "section_psychological"
    SOCIAL_THERAPEUTIC = "section_social_therapeutic"
    STUDENT_VIEW = "student_view"
    GUARDIAN_VIEW = "guardian_view"
    ABSENCE_FUNCTION = "absence_function"
    TRIALS = "trials"
    STRENGTHS = "strengths"
    WORRIES = "worries"
    DANGER_STATEMENT = "danger_statement"
    WORKING_WELL = "working_well"
    NEEDS_TO_HAPPEN = "needs_to_happen"
    SAFETY_GOALS = "safety_goals"
    SCALING_STUDENT = "scaling_self"
    SCALING_GUARDIAN = "scaling_parent"
    SCALING_TEAM = "scaling_team"
    ANALYSIS = "analysis"


class PlanKind(StrEnum):
    ACTION_PLAN = "action_plan"  # handlingsplan (SST)
    IMPLEMENTATION_PLAN = "implementation_plan"  # genomförandeplan (SST plus)


class PlanPerspective(StrEnum):
    INDIVIDUAL = "individual"
    SCHOOL = "school"
    SOCIAL = "social"


class GoalStatus(StrEnum):
    """How far a plan goal has come, judged at a review (uppföljning)."""

    MET = "met"
    PARTLY = "partly"
    NOT_YET = "not_yet"


class PlanRevisionStatus(StrEnum):
    DRAFT = "draft"
    AWAITING_SIGNATURES = "awaiting_signatures"
    SIGNED = "signed"
    SUPERSEDED = "superseded"


class SignerRole(StrEnum):
    STUDENT = "student"
    GUARDIAN = "guardian"
    SCHOOL = "school"
    SOCIAL_SERVICES = "social_services"


class ClosureReason(StrEnum):
    GOALS_MET = "goals_met"
    CANNOT_CARRY_OUT = "cannot_carry_out"
    ENDED_EARLY = "ended_early"
    OTHER_SUPPORT_NEEDED = "other_support_needed"
    MOVED = "moved"
    OTHER = "other"


class DecisionKind(StrEnum):
    ASSISTANCE = "assistance"
    SPECIAL_SUPPORT = "special_support"
    ADDITIONAL_ADAPTATIONS = "additional_adaptations"
    CONTINUATION = "continuation"
    SST_START = "sst_start"


class AdmissionOutcome(StrEnum):
    GRANTED = "granted"
    DECLINED = "declined"
    WAITING = "waiting"


class LegalBasis(StrEnum):
    SERVICE = "service"
    ASSISTANCE = "assistance"
