"""The case summary for a follow-up meeting, on a real encrypted profile: contacts by kind and
month in the period (held ones, a correction counted once), absence and participation, the
ratings chart and each respondent's change, the plan's goals with their latest review; the
audit event; a protected identity needs a reason; `sst report case` writes the same file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sst_desktop.app_context import AppContext
from sst_desktop.casework import rating_service, support_service
from sst_desktop.errors import ValidationError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.people import Student
from sst_desktop.models.plan import PlanGoal, PlanGoalReview
from sst_desktop.reports.case_summary_service import CaseSummaryRequest, print_case_summary
from sst_desktop.store.unit_of_work import UnitOfWork
from sst_rules.enums import (
    AbsenceMeasure,
    ContactKind,
    GoalStatus,
    MeetingStatus,
    ParticipationLevel,
)
from tests.helpers.pdf_checks import assert_valid_pdf, metadata_values, page_texts
from tests.integration.cli.sst_cli_testkit import PASSPHRASE
from tests.integration.reports.plans.plan_profile import (
    GUARDIANS,
    STUDENT_FIRST,
    STUDENT_LAST,
    PlanCase,
    build_profile,
    open_profile,
)

PERIOD = (date(2026, 1, 1), date(2026, 3, 12))
LINES = ("individual", "interpersonal", "social", "overall")


def flat(text: str) -> str:
    return " ".join(text.split())


def fill_the_period(context: AppContext, case: PlanCase) -> None:
    services = context.services
    with UnitOfWork(context.engine, context.actor, context.clock) as uow:  # ORS needs the age
        student = uow.session.get(Student, case.student_id)
        assert student is not None
        student.birth_date = date(2012, 5, 1)
        uow.commit()

    def contact(kind: ContactKind, day: date, status=MeetingStatus.HELD) -> str:
        at = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=10)
        data = support_service.ContactInput(kind, at, status=status)
        return support_service.log_contact(services, case.case_id, data)

    for day in (date(2026, 1, 13), date(2026, 1, 20), date(2026, 2, 3)):
        contact(ContactKind.HOME_VISIT, day)
    contact(ContactKind.PHONE, date(2026, 2, 10))
    contact(ContactKind.HOME_VISIT, date(2026, 2, 17), MeetingStatus.CANCELLED)  # not counted
    contact(ContactKind.PHONE, date(2025, 11, 4))  # before the period
    for weeks, mm in ((0, 35), (2, 45), (4, 55), (6, 70)):
        data = rating_service.RatingSessionInput(
            "outcome", "self", date(2026, 1, 13) + timedelta(weeks=weeks), dict.fromkeys(LINES, mm)
        )
        rating_service.record_rating_session(services, case.case_id, data)
    support_service.record_absence(
        services,
        case.case_id,
        support_service.AbsenceInput(
            date(2026, 1, 1),
            date(2026, 1, 31),
            date(2026, 2, 1),
            "Skola24",
            AbsenceMeasure.TOTAL,
            62.5,
        ),
    )
    support_service.record_participation(
        services, case.case_id, date(2026, 2, 20), ParticipationLevel.PARTIAL
    )
    with UnitOfWork(context.engine, context.actor, context.clock) as uow:
        goal = uow.session.scalars(
            select(PlanGoal).where(PlanGoal.revision_id == case.revision_id)
        ).first()
        assert goal is not None
        uow.add(
            PlanGoalReview(
                case_id=case.case_id,
                goal_id=goal.id,
                reviewed_on=date(2026, 3, 10),
                status=GoalStatus.PARTLY,
                note=None,
                authority=goal.authority,
                record_class=goal.record_class,
            )
        )
        uow.commit()


@pytest.fixture(scope="module")
def summary_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PlanCase]:
    directory = tmp_path_factory.mktemp("summary-profile") / "profile"
    case = build_profile(directory)
    context = open_profile(directory)
    try:
        fill_the_period(context, case)
    finally:
        context.close()
    return directory, case


@pytest.fixture
def summary_profile(summary_template, tmp_path: Path) -> tuple[AppContext, PlanCase]:
    import shutil

    source, case = summary_template
    context = open_profile(Path(shutil.copytree(source, tmp_path / "profile")))
    yield context, case
    context.close()


def test_the_summary_holds_the_period_in_swedish(summary_profile) -> None:
    context, case = summary_profile
    printed = print_case_summary(context.services, CaseSummaryRequest(case.reference, *PERIOD))
    assert_valid_pdf(printed.pdf)
    text = flat(" ".join(page_texts(printed.pdf)))
    assert "Sammanställning inför uppföljning" in text
    assert "2026-01-01 – 2026-03-12" in text
    # Contacts by month: January two home visits; February one home visit and one call (the
    # cancelled visit and November's call are not counted).
    assert "2026-01 2 0 2" in text and "2026-02 1 1 2" in text and "Summa 3 1 4" in text
    assert "62,5 %" in text and "Några lektioner" in text
    assert "Kliniskt signifikant förbättring" in text  # 14 cm to 28 cm, past the cut-off 28
    assert "Delvis uppnått (2026-03-10)" in text
    assert f"Sida 1 ({printed.pages})" in text
    assert "Elev M.-L. Ö." in text  # initials by default
    for name in (STUDENT_FIRST, STUDENT_LAST, *GUARDIANS):
        assert name not in text
    assert all(STUDENT_FIRST not in value for value in metadata_values(printed.pdf))
    assert printed.title == f"Sammanställning inför uppföljning {case.reference}"


def test_the_chart_is_in_it(summary_profile) -> None:
    context, case = summary_profile
    printed = print_case_summary(context.services, CaseSummaryRequest(case.reference, *PERIOD))
    images = [image for page in PdfReader(io.BytesIO(printed.pdf)).pages for image in page.images]
    assert len(images) == 1 and images[0].image.width > 1000  # 200 dpi over 17 cm


def test_it_is_audited_with_the_period(summary_profile) -> None:
    context, case = summary_profile
    print_case_summary(context.services, CaseSummaryRequest(case.reference, *PERIOD))
    with context.engine.connect() as conn:
        details = conn.execute(
            select(AuditEvent.details).where(
                AuditEvent.action == "export", AuditEvent.case_id == case.case_id
            )
        ).scalar_one()
    assert details["report"] == "case_summary"
    assert (details["period_from"], details["period_to"]) == ("2026-01-01", "2026-03-12")
    assert STUDENT_FIRST not in str(details)


def test_a_period_ending_before_it_starts_is_refused(summary_profile) -> None:
    context, case = summary_profile
    with pytest.raises(ValidationError):
        print_case_summary(
            context.services,
            CaseSummaryRequest(case.reference, date(2026, 3, 1), date(2026, 2, 1)),
        )


def test_a_protected_identity_needs_a_reason(tmp_path: Path) -> None:
    directory = tmp_path / "protected"
    case = build_profile(directory, protected=True)
    context = open_profile(directory)
    try:
        with pytest.raises(ValidationError) as refused:
            print_case_summary(context.services, CaseSummaryRequest(case.reference))
        assert "reason" in str(refused.value)
        printed = print_case_summary(
            context.services, CaseSummaryRequest(case.reference, reason="Uppföljningsmöte")
        )
        assert printed.pages >= 1
        assert "Inga skattningar ännu." in flat(" ".join(page_texts(printed.pdf)))
    finally:
        context.close()


def test_the_command_writes_the_file(summary_profile, tmp_path: Path) -> None:
    context, case = summary_profile
    profile = context.profile_dir
    context.close()
    out = tmp_path / "sammanstallning.pdf"
    env = dict(os.environ, SST_INSECURE_TEST_KDF="1", SST_PASSPHRASE=PASSPHRASE)
    env["SST_LOG_DIR"] = str(tmp_path / "logs")
    done = subprocess.run(
        [
            sys.executable, "-m", "sst_desktop.cli.main", "--profile", str(profile), "report",
            "case", "--case", case.reference, "--from", "2026-01-01", "--to", "2026-03-12",
            "--out", str(out),
        ],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert STUDENT_FIRST not in done.stdout + done.stderr
    assert case.reference in done.stdout
