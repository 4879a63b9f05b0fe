"""Recording a rating in a session: the instrument is chosen by the student's age on the rating
date, every answer is checked by the instrument engine before anything is written, and only the
raw answers are stored (totals are derived on reading, never typed). A correction supersedes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags
from sst_desktop.errors import NotAllowedError, ValidationError, error_code
from sst_desktop.instruments import Catalogue, Definition, score_answers, shipped_catalogue
from sst_desktop.instruments.age import age_on
from sst_desktop.models.case import Case
from sst_desktop.models.closure import Rating
from sst_desktop.models.contact import Contact
from sst_desktop.models.people import Guardian, Student
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import RatingEntry

NO_BIRTH_DATE = error_code(
    "rating.no_birth_date",
    "The student's date of birth is not recorded, so the right version of the form for their "
    "age cannot be chosen. Record it under Family and participants first.",
)
FUTURE_DATE = error_code("rating.future", "A rating cannot be dated after today ({today}).")
CONTACT_ELSEWHERE = error_code(
    "rating.contact_elsewhere", "The contact chosen belongs to another case."
)
GUARDIAN_NEEDED = error_code(
    "rating.guardian_needed", "Choose which guardian rated: the form is a guardian's."
)
GUARDIAN_ELSEWHERE = error_code(
    "rating.guardian_elsewhere", "The guardian chosen is not a guardian of this student."
)
SKIPPED_WITH_ANSWERS = error_code(
    "rating.skipped_with_answers", "A rating marked as not given cannot have answers."
)
ALREADY_CORRECTED = error_code(
    "rating.already_corrected", "This rating has already been corrected; correct the newest."
)
NOT_YOUR_CASE = error_code("rating.not_your_case", "This case is not assigned to your team.")


@dataclass(frozen=True)
class RatingSessionInput:
    """One form of one respondent. ``family`` is what is rated (``outcome`` for ORS/CORS/YCORS,
    ``session`` for SRS/CSRS, ``sdq``...); the version follows the student's age."""

    family: str
    respondent: str  # the definition's respondent id: self, parent, teacher
    rated_on: date
    answers: Mapping[str, int] = field(default_factory=dict)
    entry: RatingEntry = RatingEntry.CLINICIAN
    contact_id: str | None = None
    guardian_id: str | None = None  # which guardian, when the respondent is a parent
    skipped: bool = False  # offered but not given this session: recorded, never as zeros


def record_rating_session(
    ctx: ServiceContext,
    case_id: str,
    data: RatingSessionInput,
    *,
    catalogue: Catalogue | None = None,
    supersedes_id: str | None = None,
    session_number: int | None = None,
) -> str:
    """Check everything, then write the rating in one transaction; returns its id."""
    chosen = catalogue or shipped_catalogue()
    if data.rated_on > ctx.clock.today():
        raise ValidationError(FUTURE_DATE, today=ctx.clock.today().isoformat())
    if data.skipped and data.answers:
        raise ValidationError(SKIPPED_WITH_ANSWERS)
    with ctx.unit_of_work() as uow:
        case = _visible_case(uow, ctx, case_id)
        student = uow.session.get(Student, case.student_id) if case.student_id else None
        if student is None or student.birth_date is None:
            raise ValidationError(NO_BIRTH_DATE)
        definition = chosen.choose(data.family, data.respondent, student.birth_date, data.rated_on)
        # Raises on an out-of-range answer, or a line left unmarked: nothing is written.
        if not data.skipped:
            score_answers(
                definition,
                data.answers,
                respondent=data.respondent,
                age=age_on(student.birth_date, data.rated_on),
            )
        _check_links(uow, case, data)
        rating = uow.add(
            Rating(
                case_id=case.id,
                instrument=definition.id,
                instrument_version=str(definition.version),
                respondent=data.respondent,
                session_number=session_number
                or _next_session(uow, case.id, chosen, definition, data),
                rated_on=data.rated_on,
                item_scores=dict(data.answers),
                supersedes_id=supersedes_id,
                contact_id=data.contact_id,
                guardian_id=data.guardian_id,
                entry=data.entry,
                skipped=data.skipped,
                imported_scores=None,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(rating.id)


def correct_rating(
    ctx: ServiceContext,
    rating_id: str,
    data: RatingSessionInput,
    *,
    catalogue: Catalogue | None = None,
) -> str:
    """A rating is final once saved; a correction is a new rating that supersedes it."""
    with ctx.unit_of_work() as uow:
        old: Rating = get_or_fail(uow, Rating, rating_id)
        later = uow.session.scalar(select(Rating.id).where(Rating.supersedes_id == rating_id))
        if later is not None:
            raise ValidationError(ALREADY_CORRECTED)
        case_id, number = old.case_id, old.session_number
    return record_rating_session(
        ctx, case_id, data, catalogue=catalogue, supersedes_id=rating_id, session_number=number
    )


def _visible_case(uow: UnitOfWork, ctx: ServiceContext, case_id: str) -> Case:
    case: Case = get_or_fail(uow, Case, case_id)
    if not access.case_visible(ctx.actor, access.case_scope(uow, case)):
        raise NotAllowedError(NOT_YOUR_CASE)
    return case


def _check_links(uow: UnitOfWork, case: Case, data: RatingSessionInput) -> None:
    if data.contact_id is not None:
        contact = uow.session.get(Contact, data.contact_id)
        if contact is None or contact.case_id != case.id:
            raise ValidationError(CONTACT_ELSEWHERE)
    if data.respondent == "parent" and data.guardian_id is None:
        raise ValidationError(GUARDIAN_NEEDED)
    if data.guardian_id is not None:
        guardian = uow.session.get(Guardian, data.guardian_id)
        if guardian is None or guardian.student_id != case.student_id:
            raise ValidationError(GUARDIAN_ELSEWHERE)


def _next_session(
    uow: UnitOfWork,
    case_id: str,
    catalogue: Catalogue,
    definition: Definition,
    data: RatingSessionInput,
) -> int:
    """One more than the respondent's highest session of this family up to the rating date
    (a correction keeps the number of the rating it corrects)."""
    query = select(func.max(Rating.session_number)).where(
        Rating.case_id == case_id,
        Rating.respondent == data.respondent,
        Rating.instrument.in_([d.id for d in catalogue.all() if d.family == definition.family]),
        Rating.rated_on <= data.rated_on,
        Rating.deleted.is_(False),
    )
    if data.guardian_id is not None:
        query = query.where(Rating.guardian_id == data.guardian_id)
    latest = uow.session.scalar(query)
    return (latest or 0) + 1
