"""A signed plan in a real encrypted profile, printed through the service the window and the
CLI share: what the pages say, who they name, the fingerprint on every page, the audit event,
the protected-identity reason, password protection and the authorisation rule."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sst_desktop.app_context import AppContext
from sst_desktop.casework import plan_service
from sst_desktop.casework.plan_service import SignatureMethod
from sst_desktop.casework.signature_strokes import SignatureStrokes
from sst_desktop.errors import NotAllowedError, ValidationError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.plan import Plan, PlanGoal, PlanRevision
from sst_desktop.reports.fingerprint import fingerprint
from sst_desktop.reports.pdf_output import save_pdf
from sst_desktop.reports.plan_content import load_records, revision_content
from sst_desktop.reports.plan_print_service import PlanPrintRequest, PrintedPlan, print_plan
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import Authority, Role, SignerRole
from tests.helpers.pdf_checks import assert_valid_pdf, metadata_values, page_texts
from tests.integration.reports.plans.plan_profile import (
    AIMS,
    FREE_TEXT,
    GOALS,
    GUARDIANS,
    MUNICIPALITY,
    REVIEW_ON,
    STAFF_SIGNERS,
    STUDENT_FIRST,
    STUDENT_LAST,
    SUB_GOAL,
    TEAM,
    PlanCase,
    as_staff,
    build_profile,
    open_profile,
)

FAMILY_NAME_PARTS = (
    *STUDENT_FIRST.split("-"),
    STUDENT_LAST,
    *(part for name in GUARDIANS for part in name.split()),
)


def flat(text: str) -> str:
    """Extracted text with every run of white space as one space (cells wrap lines)."""
    return " ".join(text.split())


def printed(context: AppContext, case: PlanCase, **options: object) -> PrintedPlan:
    return print_plan(context.services, PlanPrintRequest(case=case.reference, **options))  # type: ignore[arg-type]


def stored_fingerprint(context: AppContext, revision_id: str) -> str:
    with UnitOfWork(context.engine, context.actor, context.clock) as uow:
        revision = uow.session.get(PlanRevision, revision_id)
        assert revision is not None
        plan = uow.session.get(Plan, revision.plan_id)
        assert plan is not None
        return fingerprint(revision_content(load_records(uow, plan, revision)))


def test_the_pages_hold_the_plan_in_swedish(opened: AppContext, plan_case: PlanCase) -> None:
    result = printed(opened, plan_case)
    assert_valid_pdf(result.pdf)
    text = flat("\n".join(page_texts(result.pdf)))
    expected = [AIMS, SUB_GOAL, FREE_TEXT, "Veckoplanering", MUNICIPALITY, TEAM]
    expected += [part for goal in GOALS for part in goal[1:]]
    expected += ["Genomförandeplan", "Övergripande mål", "Mål och delmål", "Insatser"]
    expected += ["Underskrifter", "Kopia till", "Handläggande socialsekreterare", "Hemma"]
    expected += ["Undertecknad på papper 2026-03-12", *STAFF_SIGNERS.values()]
    for phrase in expected:
        assert flat(phrase) in text, phrase
    assert {"å", "ä", "ö", "Å", "Ö"} <= set(text)


def test_initials_only_name_nobody_of_the_family(opened: AppContext, plan_case: PlanCase) -> None:
    result = printed(opened, plan_case)
    assert not result.names_in_text
    pages = page_texts(result.pdf)
    everything = "\n".join([*pages, *metadata_values(result.pdf)])
    for part in FAMILY_NAME_PARTS:
        assert part.casefold() not in everything.casefold(), part
    assert "M.-L. Ö." in pages[0]  # the student
    assert "G. Ö." in everything and "Å. Ö." in everything  # the guardians' signatures
    title = PdfReader(io.BytesIO(result.pdf)).metadata.title  # type: ignore[union-attr]
    assert title == f"Genomförandeplan {plan_case.reference} revision 1" == result.title


def test_the_full_name_when_asked_for(opened: AppContext, plan_case: PlanCase) -> None:
    text = "\n".join(page_texts(printed(opened, plan_case, full_name=True).pdf))
    assert f"{STUDENT_FIRST} {STUDENT_LAST}" in text
    assert all(name in text for name in GUARDIANS)


def test_a_name_in_the_plans_own_text_is_reported(opened: AppContext, plan_case: PlanCase) -> None:
    draft = plan_service.new_revision(opened.services, plan_case.plan_id)
    plan_service.set_overall_aims(opened.services, draft, f"{STUDENT_FIRST} går till skolan.")
    assert printed(opened, plan_case).names_in_text
    assert not printed(opened, plan_case, revision=1).names_in_text


def test_every_page_carries_revision_fingerprint_and_page_count(
    opened: AppContext, plan_case: PlanCase
) -> None:
    result = printed(opened, plan_case)
    expected = stored_fingerprint(opened, plan_case.revision_id)
    assert result.fingerprint == expected
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}", expected)
    pages = page_texts(result.pdf)
    assert len(pages) == result.pages >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Kontrollsumma {expected}" in page
        assert "Revision 1 (fastställd) · 2026-03-12" in page
        assert f"Sida {number} ({len(pages)})" in page


def test_a_changed_goal_changes_the_fingerprint(opened: AppContext, plan_case: PlanCase) -> None:
    signed = printed(opened, plan_case).fingerprint
    draft = plan_service.new_revision(opened.services, plan_case.plan_id)
    copy = printed(opened, plan_case)
    assert copy.revision_number == 2
    assert copy.fingerprint != signed  # the copy has no review date yet: content differs
    plan_service.set_overall_aims(opened.services, draft, AIMS, REVIEW_ON)
    copy = printed(opened, plan_case)
    assert copy.fingerprint == signed  # the same content under a new number
    with UnitOfWork(opened.engine, opened.actor, opened.clock) as uow:
        goal = uow.session.scalars(
            select(PlanGoal).where(PlanGoal.revision_id == draft, PlanGoal.text == GOALS[1][1])
        ).one()
        goal.text = "Delta i tre matematiklektioner i veckan"
        uow.commit()
    changed = printed(opened, plan_case)
    assert changed.fingerprint not in (signed, copy.fingerprint)
    assert changed.fingerprint == stored_fingerprint(opened, draft)
    draft_text = flat("\n".join(page_texts(changed.pdf)))
    assert "Revision 2 (utkast)" in draft_text
    assert "Namnförtydligande" in draft_text  # empty lines while it can still be signed
    assert printed(opened, plan_case, revision=1).fingerprint == signed


def test_printing_is_audited_with_revision_and_fingerprint(
    opened: AppContext, plan_case: PlanCase
) -> None:
    result = printed(opened, plan_case)
    with opened.engine.connect() as conn:
        event = conn.execute(
            select(AuditEvent).where(
                AuditEvent.action == "export", AuditEvent.entity_type == "plan_revisions"
            )
        ).one()
    assert (event.entity_id, event.case_id) == (plan_case.revision_id, plan_case.case_id)
    assert event.details == {
        "revision": 1,
        "fingerprint": result.fingerprint,
        "pages": result.pages,
        "full_name": False,
        "password": False,
    }


def test_a_protected_identity_needs_a_reason_which_is_audited(tmp_path: Path) -> None:
    case = build_profile(tmp_path / "profile", protected=True)
    context = open_profile(tmp_path / "profile")
    try:
        with pytest.raises(ValidationError) as refused:
            printed(context, case)
        assert refused.value.code == "plan_print.reason_required"
        with pytest.raises(ValidationError):
            printed(context, case, reason="   ")
        printed(context, case, reason="Vårdnadshavare bad om en kopia till mötet")
        with context.engine.connect() as conn:
            details = conn.execute(
                select(AuditEvent.details).where(AuditEvent.action == "export")
            ).scalar_one()
    finally:
        context.close()
    assert details["reason"] == "Vårdnadshavare bad om en kopia till mötet"


def test_a_password_protected_pdf_opens_only_with_its_password(
    opened: AppContext, plan_case: PlanCase
) -> None:
    password = "blå-lykta-41"
    result = printed(opened, plan_case, password=password)
    assert result.protected
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(result.pdf))
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(result.pdf), password="fel lösenord")
    with pikepdf.open(io.BytesIO(result.pdf), password=password) as pdf:
        assert pdf.encryption.R == 6
        assert pdf.encryption.stream_method.name == "aesv3"  # AES-256
    assert PdfReader(io.BytesIO(result.pdf)).is_encrypted
    assert_valid_pdf(result.pdf, password=password)
    assert f"Kontrollsumma {result.fingerprint}" in page_texts(result.pdf, password)[0]


def test_a_reader_who_may_not_see_all_of_it_cannot_print_it(
    opened: AppContext, plan_case: PlanCase
) -> None:
    """The school's special educator in the team, without a consent that shares plans."""
    educator = as_staff(opened, plan_case.educator_id, Role.SPECIAL_EDUCATOR, Authority.SCHOOL)
    with pytest.raises(NotAllowedError) as refused:
        print_plan(educator, PlanPrintRequest(case=plan_case.reference))
    assert refused.value.code == "plan_print.withheld"


def test_unknown_case_and_revision_are_refused(opened: AppContext, plan_case: PlanCase) -> None:
    with pytest.raises(ValidationError) as unknown:
        printed(opened, replace(plan_case, reference="SSTP-26-NOSUCH"))
    assert unknown.value.code == "plan_print.no_case"
    with pytest.raises(ValidationError) as no_revision:
        printed(opened, plan_case, revision=7)
    assert no_revision.value.code == "plan_print.no_revision"
    other_team = replace(opened.actor, team_id="0190a000-0000-7000-8000-00000000beef")
    with pytest.raises(ValidationError):
        print_plan(opened.with_actor(other_team), PlanPrintRequest(case=plan_case.case_id))


def test_the_case_id_works_as_well_as_the_reference(
    opened: AppContext, plan_case: PlanCase
) -> None:
    by_id = print_plan(opened.services, PlanPrintRequest(case=plan_case.case_id))
    assert by_id.case_reference == plan_case.reference


def test_saving_leaves_one_owner_only_file_and_no_temporary_one(
    opened: AppContext, plan_case: PlanCase, tmp_path: Path
) -> None:
    folder = tmp_path / "utskrifter"
    folder.mkdir()
    target = folder / "plan.pdf"
    target.write_bytes(b"an older file")
    save_pdf(target, printed(opened, plan_case).pdf)
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.stat().st_mode & 0o077 == 0
    with pytest.raises(Exception, match="does not exist"):
        save_pdf(tmp_path / "missing" / "plan.pdf", b"%PDF-")
    shutil.rmtree(folder)


def test_a_signature_drawn_on_screen_is_printed_as_drawn(
    opened: AppContext, plan_case: PlanCase
) -> None:
    revision = plan_service.new_revision(opened.services, plan_case.plan_id)
    plan_service.submit_for_signatures(opened.services, revision)
    strokes = SignatureStrokes(400, 120, (((10, 60), (60, 20), (110, 90), (160, 30)),))
    plan_service.add_signature(
        opened.services,
        revision,
        SignerRole.STUDENT,
        "Märta-Linnéa Öhrvall",
        method=SignatureMethod.SCREEN,
        strokes=strokes,
    )
    data = printed(opened, plan_case).pdf
    images = [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]
    assert len(images) == 1  # the student's; the others are empty lines on a new revision
    text = flat("\n".join(page_texts(data)))
    assert "Undertecknad på skärm" in text and "M.-L. Ö." in text
