"""Print or save a plan revision: one service for the window's "Print..." and "Save as PDF..."
and for `sst plan pdf`.

The case is looked up by id or reference among the cases the actor may see; every record of
the revision must be readable to the actor (a paper copy that silently leaves out a goal would
not be the revision that was signed); a student with a protected identity needs a reason. The
PDF is rendered in memory and audited (action ``print`` or ``export``, with the revision, its
fingerprint and the options) in the same transaction that reads it; the bytes leave only after
that commit. Where they go is the caller's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from sst_desktop.casework import access
from sst_desktop.casework.context import ServiceContext
from sst_desktop.errors import NotAllowedError, ValidationError, error_code
from sst_desktop.models.case import Case
from sst_desktop.models.plan import Plan, PlanRevision
from sst_desktop.reports.case_lookup import find_case, print_reason
from sst_desktop.reports.pdf_protect import protect_pdf
from sst_desktop.reports.plan_assembly import assemble, family_names
from sst_desktop.reports.plan_content import load_records
from sst_desktop.reports.plan_name_check import mentions_any, plan_texts
from sst_desktop.reports.plan_pdf import document_title, render_plan_pdf
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.authorisation import CaseScope

NO_PLAN = error_code("plan_print.no_plan", "Case {case} has no plan yet.")
NO_REVISION = error_code(
    "plan_print.no_revision", "The plan of case {case} has no revision {number}."
)
WITHHELD = error_code(
    "plan_print.withheld",
    "Part of this plan is not shared with your authority, so it cannot be printed whole.",
)


class PrintPurpose(StrEnum):
    PRINT = "print"  # to a printer
    EXPORT = "export"  # to a file


@dataclass(frozen=True)
class PlanPrintRequest:
    case: str  # the case's id or its reference
    revision: int | None = None  # the newest revision when None
    full_name: bool = False  # the student's name in full rather than initials
    reason: str | None = None  # required for a protected identity; kept in the audit event
    purpose: PrintPurpose = PrintPurpose.EXPORT
    password: str | None = field(default=None, repr=False)  # AES-256 protection when given


@dataclass(frozen=True)
class PrintedPlan:
    pdf: bytes = field(repr=False)
    title: str  # for the print job: kind, case reference and revision, never the child
    case_reference: str
    revision_number: int
    fingerprint: str
    pages: int
    protected: bool
    # Initials were asked for, yet the plan's own text holds a family member's name.
    names_in_text: bool = False


def print_plan(ctx: ServiceContext, request: PlanPrintRequest) -> PrintedPlan:
    with ctx.unit_of_work() as uow:
        case = find_case(uow, ctx, request.case)
        scope = access.case_scope(uow, case)
        reason = print_reason(scope, request.reason)
        plan = _plan(uow, case)
        records = load_records(uow, plan, _revision(uow, plan, case, request.revision))
        _require_whole(uow, ctx, case, scope, records.all())
        document = assemble(
            uow, ctx.rules, case, records, full_name=request.full_name, today=ctx.clock.today()
        )
        named = not request.full_name and mentions_any(
            family_names(uow, case), plan_texts(document)
        )
        rendered = render_plan_pdf(document)
        data = protect_pdf(rendered.data, request.password) if request.password else rendered.data
        details: dict[str, Any] = {
            "revision": document.revision_number,
            "fingerprint": document.fingerprint,
            "pages": rendered.pages,
            "full_name": request.full_name,
            "password": request.password is not None,
        }
        if reason is not None:
            details["reason"] = reason
        uow.audit(request.purpose.value, "plan_revisions", records.revision.id, case.id, **details)
        uow.commit()
    return PrintedPlan(
        pdf=data,
        title=document_title(document),
        case_reference=case.reference,
        revision_number=document.revision_number,
        fingerprint=document.fingerprint,
        pages=rendered.pages,
        protected=request.password is not None,
        names_in_text=named,
    )


def _plan(uow: UnitOfWork, case: Case) -> Plan:
    """The case's plan; a maintenance plan only when there is no other."""
    plans = uow.session.scalars(
        select(Plan)
        .where(Plan.case_id == case.id, Plan.deleted.is_(False))
        .order_by(Plan.maintenance, Plan.created_at.desc(), Plan.id.desc())
    ).first()
    if plans is None:
        raise ValidationError(NO_PLAN, case=case.reference)
    return plans


def _revision(uow: UnitOfWork, plan: Plan, case: Case, number: int | None) -> PlanRevision:
    query = select(PlanRevision).where(
        PlanRevision.plan_id == plan.id, PlanRevision.deleted.is_(False)
    )
    if number is not None:
        query = query.where(PlanRevision.number == number)
    revision = uow.session.scalars(query.order_by(PlanRevision.number.desc())).first()
    if revision is None:
        raise ValidationError(NO_REVISION, case=case.reference, number=number)
    return revision


def _require_whole(
    uow: UnitOfWork, ctx: ServiceContext, case: Case, scope: CaseScope, records: list[Any]
) -> None:
    consents = access.consent_scopes(uow, case.id)
    _visible, hidden = access.readable(ctx.actor, records, scope, consents, ctx.clock.today())
    if hidden:
        raise NotAllowedError(WITHHELD)
