"""Finding the case a printed document is about, and the reason a protected identity needs:
shared by the printed plan and the case summary."""

from __future__ import annotations

from sqlalchemy import or_, select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext
from sst_desktop.errors import ValidationError, error_code
from sst_desktop.models.case import Case
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.authorisation import CaseScope

NO_CASE = error_code("plan_print.no_case", "No case {case} in your list.")
REASON_REQUIRED = error_code(
    "plan_print.reason_required",
    "The student has a protected identity: printing the plan needs a reason, which is recorded "
    "in the audit log.",
)


def find_case(uow: UnitOfWork, ctx: ServiceContext, wanted: str) -> Case:
    case = uow.session.scalars(
        select(Case).where(
            or_(Case.id == wanted, Case.reference == wanted), Case.deleted.is_(False)
        )
    ).first()
    if case is None or not access.case_visible(ctx.actor, access.case_scope(uow, case)):
        raise ValidationError(NO_CASE, case=wanted)
    return case


def print_reason(scope: CaseScope, given: str | None, code: str = REASON_REQUIRED) -> str | None:
    """The reason, required for a student with a protected identity (``code`` says for what)."""
    if not scope.protected_identity:
        return None
    if given is None or not given.strip():
        raise ValidationError(code)
    return given.strip()
