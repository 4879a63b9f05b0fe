"""Recording a rating in a session: the instrument is chosen by the student's age on the rating
date, every answer is checked by the instrument engine before anything is written, and only the
raw answers are stored (totals are derived on reading, never typed). A correction supersedes.

``check_rating`` and ``add_rating`` neither commit nor open a transaction: the CSV import checks
and writes a whole file through them in one unit of work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags
from sst_desktop.errors import NotAllowedError, ValidationError, error_code
from sst_desktop.instruments import Catalogue, Definition, score_answers, shipped_catalogue
from sst_desktop.instruments.age import age_on
from sst_desktop.instruments.schema import LineTotal
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
NO_CASE = error_code("rating.no_case", "No case {case} among the cases you may see.")
ITEMS_AND_TOTALS = error_code(
    "rating.items_and_totals",
    "A rating has either its answers or, imported without them, its totals; not both.",
)
TOTALS_ONLY_LINE = error_code(
    "rating.totals_only_line",
    "Only the line forms (ORS, CORS, SRS, CSRS) can be recorded by their total alone; "
    "{instrument} needs its answers.",
)
TOTAL_RANGE = error_code(
    "rating.total_range",
    "The total of {instrument} must be from 0 to {high} with at most one decimal.",
)


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
    # Totals a FIT platform's CSV brought without the answers ({"total": Decimal("31.2")}).
    imported_scores: Mapping[str, Decimal] | None = None


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
    with ctx.unit_of_work() as uow:
        case = _visible_case(uow, ctx, case_id)
        definition = check_rating(uow, ctx, case, data, chosen)
        rating = add_rating(
            uow,
            ctx,
            case,
            definition,
            data,
            chosen,
            supersedes_id=supersedes_id,
            session_number=session_number,
        )
        uow.commit()
        return str(rating.id)


def check_rating(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    data: RatingSessionInput,
    catalogue: Catalogue,
) -> Definition:
    """Every rule a rating must pass before it is written; returns the definition that the
    student's age on the rating date chooses. Raises on the first broken rule."""
    if data.rated_on > ctx.clock.today():
        raise ValidationError(FUTURE_DATE, today=ctx.clock.today().isoformat())
    if data.skipped and (data.answers or data.imported_scores):
        raise ValidationError(SKIPPED_WITH_ANSWERS)
    if data.answers and data.imported_scores:
        raise ValidationError(ITEMS_AND_TOTALS)
    student = uow.session.get(Student, case.student_id) if case.student_id else None
    if student is None or student.birth_date is None:
        raise ValidationError(NO_BIRTH_DATE)
    definition = catalogue.choose(data.family, data.respondent, student.birth_date, data.rated_on)
    if data.imported_scores:
        _check_imported(definition, data.respondent, data.imported_scores)
    elif not data.skipped:
        # Raises on an out-of-range answer, or a line left unmarked: nothing is written.
        score_answers(
            definition,
            data.answers,
            respondent=data.respondent,
            age=age_on(student.birth_date, data.rated_on),
        )
    _check_links(uow, case, data)
    return definition


def add_rating(
    uow: UnitOfWork,
    ctx: ServiceContext,
    case: Case,
    definition: Definition,
    data: RatingSessionInput,
    catalogue: Catalogue,
    *,
    supersedes_id: str | None = None,
    session_number: int | None = None,
) -> Rating:
    """Write a rating that ``check_rating`` passed (as ``definition``); no commit."""
    imported = data.imported_scores
    return uow.add(
        Rating(
            case_id=case.id,
            instrument=definition.id,
            instrument_version=str(definition.version),
            respondent=data.respondent,
            session_number=session_number
            or _next_session(uow, case.id, catalogue, definition, data),
            rated_on=data.rated_on,
            item_scores=dict(data.answers),
            supersedes_id=supersedes_id,
            contact_id=data.contact_id,
            guardian_id=data.guardian_id,
            entry=data.entry,
            skipped=data.skipped,
            imported_scores={k: str(v) for k, v in imported.items()} if imported else None,
            **owner_tags(ctx.actor),
        )
    )


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


def find_visible_case(uow: UnitOfWork, ctx: ServiceContext, wanted: str) -> Case:
    """The case by its reference (or id) among those the actor may see; others are "no case"."""
    case = uow.session.scalars(
        select(Case).where(
            or_(Case.reference == wanted, Case.id == wanted), Case.deleted.is_(False)
        )
    ).first()
    if case is None or not access.case_visible(ctx.actor, access.case_scope(uow, case)):
        raise ValidationError(NO_CASE, case=wanted)
    return case


def guardians_by_number(uow: UnitOfWork, student_id: str) -> dict[int, str]:
    """The student's guardians by number (the ratings CSV's ``guardian`` column)."""
    numbers = guardian_numbers(uow, {student_id}).get(student_id, {})
    return {number: guardian_id for guardian_id, number in numbers.items()}


def guardian_numbers(uow: UnitOfWork, student_ids: set[str | None]) -> dict[str, dict[str, int]]:
    """Each student's guardians numbered in the order they were recorded: the chart and
    Today say "Guardian 1", never a name."""
    wanted = {s for s in student_ids if s}
    numbers: dict[str, dict[str, int]] = {s: {} for s in wanted}
    if not wanted:
        return numbers
    rows = uow.session.execute(
        select(Guardian.student_id, Guardian.id)
        .where(Guardian.student_id.in_(wanted))
        .order_by(Guardian.created_at, Guardian.id)
    )
    for student_id, guardian_id in rows:
        numbers[student_id][guardian_id] = len(numbers[student_id]) + 1
    return numbers


def _check_imported(definition: Definition, respondent: str, scores: Mapping[str, Decimal]) -> None:
    """A total without its answers: only a line form's, in cm to one decimal within its lines."""
    if not isinstance(definition.scoring, LineTotal) or set(scores) != {"total"}:
        raise ValidationError(TOTALS_ONLY_LINE, instrument=definition.id)
    high = 10 * len(definition.items_for(respondent))
    total = scores["total"]
    if not (0 <= total <= high and total == total.quantize(Decimal("0.1"))):
        raise ValidationError(TOTAL_RANGE, instrument=definition.id, high=high)


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
