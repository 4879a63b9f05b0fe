"""Students and their guardians, and case participants who are not app users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sst_desktop.casework.context import ServiceContext, get_or_fail, owner_tags, require_text
from sst_desktop.errors import ValidationError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.people import CaseParticipant, Guardian, Student
from sst_desktop.models.rules.personal_id import parse_personal_id
from sst_desktop.store.unit_of_work import ChangeSet
from sst_rules.enums import Gender

SCHOOL_YEAR_RANGE = error_code(
    "student.school_year", "School year must be F (0) to 10 (got {value})."
)
BIRTH_MISMATCH = error_code(
    "student.birth_date_mismatch", "The birth date does not match the identity number."
)


@dataclass(frozen=True)
class StudentInput:
    first_name: str
    last_name: str
    personal_id: str | None = None  # may be missing; validated when given
    birth_date: date | None = None
    gender: Gender | None = None
    school_id: str | None = None
    school_year: int | None = None
    protected_identity: bool = False
    address: str | None = None
    phone: str | None = None
    language: str | None = None


def register_student(ctx: ServiceContext, data: StudentInput) -> str:
    canonical, birth = _identity(data, ctx.clock.today())
    if data.school_year is not None and not 0 <= data.school_year <= 10:
        raise ValidationError(SCHOOL_YEAR_RANGE, value=data.school_year)
    with ctx.unit_of_work() as uow:
        student = uow.add(
            Student(
                personal_id=canonical,
                first_name=require_text(data.first_name, "first_name"),
                last_name=require_text(data.last_name, "last_name"),
                birth_date=birth,
                gender=data.gender,
                school_id=data.school_id,
                school_year=data.school_year,
                protected_identity=data.protected_identity,
                address=data.address,
                phone=data.phone,
                language=data.language,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(student.id)


def _identity(data: StudentInput, today: date) -> tuple[str | None, date | None]:
    if not data.personal_id:
        return None, data.birth_date
    parsed = parse_personal_id(data.personal_id, today=today)
    if data.birth_date is not None and data.birth_date != parsed.birth_date:
        raise ValidationError(BIRTH_MISMATCH)
    return parsed.canonical, parsed.birth_date


def set_protected_identity(ctx: ServiceContext, student_id: str, protected: bool) -> ChangeSet:
    with ctx.unit_of_work() as uow:
        student: Student = get_or_fail(uow, Student, student_id)
        student.protected_identity = protected
        return uow.commit()


@dataclass(frozen=True)
class GuardianInput:
    name: str
    relation: str | None = None
    personal_id: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    has_custody: bool = True
    language: str | None = None
    needs_interpreter: bool = False


def add_guardian(ctx: ServiceContext, student_id: str, data: GuardianInput) -> str:
    canonical = (
        parse_personal_id(data.personal_id, today=ctx.clock.today()).canonical
        if data.personal_id
        else None
    )
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Student, student_id)
        guardian = uow.add(
            Guardian(
                student_id=student_id,
                name=require_text(data.name, "name"),
                relation=data.relation,
                personal_id=canonical,
                phone=data.phone,
                email=data.email,
                address=data.address,
                has_custody=data.has_custody,
                language=data.language,
                needs_interpreter=data.needs_interpreter,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(guardian.id)


def add_participant(
    ctx: ServiceContext,
    case_id: str,
    name: str,
    role: str,
    organisation: str | None = None,
    *,
    phone: str | None = None,
    email: str | None = None,
) -> str:
    with ctx.unit_of_work() as uow:
        get_or_fail(uow, Case, case_id)
        participant = uow.add(
            CaseParticipant(
                case_id=case_id,
                name=require_text(name, "name"),
                role=require_text(role, "role"),
                organisation=organisation,
                phone=phone,
                email=email,
                **owner_tags(ctx.actor),
            )
        )
        uow.commit()
        return str(participant.id)
