"""The status report of five constructed cases (status_profile) for the first quarter of 2026,
against figures worked out by hand:

overview: 2 referred (C, D), 1 decided (C), 1 declined with guidance (D), 1 started (C), 3
episodes in the period (A, B, C), 1 running at its end (C), closed: goals met 1 (A), ended
early 1 (B); follow-ups: 1 done (E's 3-month), 1 overdue (E's 6-month, due 2026-03-30).
Impact 1: participation rose 1 (A), stayed 1 (B); absence medians 55,0 % -> 35,0 % over 2.
Impact 2: acceptable knowledge at closure yes 1 (A), unknown 1 (B's grade cannot be read); at
the 3-month follow-up yes 1 (E). Impact 3: ORS change +14 and +2, mean +8,0 over 2; reliable
improvement 1, none 1. Impact 4: a sharing consent on the last active day 2 of 3 (B's was
withdrawn), a SIP 1 of 3. Project 1: daily contact wanted 2, not wanted 1. Project 3: decisions
by both 1 (C), social services only 1 (A), none 1 (B). Project 4: SST plus declined 1;
1 consultation. One record withheld (B's grade)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from sst_desktop.app_context import AppContext
from sst_desktop.clock import FixedClock
from sst_desktop.errors import ValidationError
from sst_desktop.models.audit import AuditEvent
from sst_desktop.models.organisation import Staff
from sst_desktop.reports.status_report_content import ReportInput, StatusReport, load_report
from sst_desktop.reports.status_report_period import ReportPeriod
from sst_desktop.reports.status_report_service import (
    PrintedStatusReport,
    StatusReportRequest,
    print_status_report,
)
from sst_desktop.reports.status_report_shown import ShownFigures, ShownTable
from sst_desktop.reports.status_report_texts import ReportTexts
from sst_desktop.store.unit_of_work import UnitOfWork
from tests.helpers.pdf_checks import assert_valid_pdf, metadata_values, page_texts
from tests.integration.cli.sst_cli_testkit import PASSPHRASE
from tests.integration.reports.plans.plan_profile import open_profile
from tests.integration.reports.status_profile import (
    STUDENTS,
    TEAM_NAME,
    TODAY,
    StatusCases,
    build_status_profile,
)

QUARTER = ReportPeriod(date(2026, 1, 1), date(2026, 3, 31))
TEXTS = ReportTexts(
    {
        "how_the_work_goes": "Teamet har haft full bemanning.\n\nSamarbetet med skolan fungerar.",
        "deviations": "Två hembesök ställdes in.",
        "improvement_areas": "Boka uppföljningarna tidigare.",
        "impact_3": "Skattningarna visar förbättring.",
        "project_2": "Enkäten i mars: de flesta kände sig saknade.",
    }
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
REFERENCE = re.compile(r"SSTP?-\d{2}-[0-9A-Z]{6}")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, StatusCases]:
    directory = tmp_path_factory.mktemp("status-profile") / "profile"
    return directory, build_status_profile(directory)


@pytest.fixture(scope="module")
def context(profile: tuple[Path, StatusCases]) -> Iterator[AppContext]:
    opened = open_profile(profile[0], FixedClock(datetime(2026, 4, 15, 9, tzinfo=UTC)))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def exact(context: AppContext) -> PrintedStatusReport:
    """Every figure shown (a threshold of 1 hides nothing), with the free texts."""
    return print_status_report(
        context.services, StatusReportRequest(texts=TEXTS, small_cell_threshold=1)
    )


@pytest.fixture(scope="module")
def suppressed(context: AppContext) -> PrintedStatusReport:
    return print_status_report(context.services, StatusReportRequest())


def content(context: AppContext, threshold: int) -> StatusReport:
    given = ReportInput(context.actor, QUARTER, TODAY, threshold, {"sst_plus": (3, 6)}, TEXTS)
    with UnitOfWork(context.engine, context.actor, context.clock) as uow:
        return load_report(uow, given)


def pdf_text(printed: PrintedStatusReport) -> str:
    return flat(" ".join(page_texts(printed.pdf)))


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return flat(" ".join(parts))


OVERVIEW = (
    "Inkomna förfrågningar och ansökningar 2",
    "Beslutade 1",
    "Avböjda med vägledning till annat stöd 1",
    "Startade insatser 1",
    "Insatser under perioden 3",
    "Pågående vid periodens slut 1",
    "Målen uppnådda 1 Insatsen kan inte genomföras enligt plan 0 Familjen avslutade i förtid 1 "
    "Annat stöd behövs 0 Flyttat 0 Annan orsak 0 Totalt 2",
    "Uppföljningar efter avslut, gjorda 1",
    "Uppföljningar efter avslut, försenade 1",
)
GOALS = (
    "Högre nivå 1 Samma nivå 1 Lägre nivå 0 Färre än två bedömningar 0 Totalt 2",
    "Frånvaro vid start, median 55,0 %",
    "Frånvaro vid avslut, median 35,0 %",
    "Vid avslut 1 0 1 2 Uppföljning 3 mån 1 0 0 1 Uppföljning 6 mån 0 0 0 0",
    "Förändring i elevens egen skattning, medel +8,0",
    "Insatser med minst två skattningar (n) 2 av 2",
    "Tillförlitlig förbättring 1 Ingen tillförlitlig förändring 1 Tillförlitlig försämring 0 "
    "Kan inte bedömas 0 Totalt 2",
    "Med samtycke till informationsdelning 2 av 3",
    "Med SIP under perioden 1 av 3",
    "Erbjuden och önskad 2 Erbjuden, inte önskad 1 Inget erbjudande registrerat 0 Totalt 3",
    "Från båda 1 Endast skolan 0 Endast socialtjänsten 1 Inget beviljat beslut registrerat 1 "
    "Totalt 3",
    "SST (uppdragsförfrågan) 0 SST plus (ansökan) 1 Totalt 1",
    "Konsultationer 1",
)
HEADINGS = (
    "Översikt",
    "Effektmål 1: Deltagande i undervisningen",
    "Effektmål 2: Godtagbara kunskaper och betyg",
    "Effektmål 3: Psykisk hälsa",
    "Effektmål 4: Samverkan",
    "Projektmål 1: Daglig kontakt",
    "Projektmål 2: Saknad av skolan",
    "Projektmål 3: Adekvat hjälp",
    "Projektmål 4: Vägledning till annat stöd",
    "Hur arbetet går",
    "Avvikelser",
    "Förbättringsområden",
)


def test_the_overview_figures_match_the_cases(exact: PrintedStatusReport) -> None:
    assert_valid_pdf(exact.pdf)
    text = pdf_text(exact)
    assert "Lägesrapport" in text and "2026-01-01 – 2026-03-31 (kvartal 1 2026)" in text
    for figure in OVERVIEW:
        assert figure in text
    assert (exact.period_from, exact.period_to) == (QUARTER.start, QUARTER.end)  # the default
    assert (exact.episodes, exact.withheld) == (3, 1)
    assert "1 uppgift ur poster som du inte får läsa" in text
    assert f"Sida 1 ({exact.pages})" in text


def test_each_goal_has_its_section_with_its_figures(exact: PrintedStatusReport) -> None:
    text = pdf_text(exact)
    for heading in HEADINGS:
        assert heading in text
    assert "deltar i högre grad i undervisningen" in text  # the goals in the programme's words
    assert "de anonyma enkäterna" in text  # project goal 2: free text only, and why
    for figure in GOALS:
        assert figure in text


def test_every_figure_says_what_it_counts(context: AppContext) -> None:
    report = content(context, threshold=1)
    blocks = [b for s in report.sections for b in s.blocks]
    rows = [r for b in blocks if isinstance(b, ShownFigures) for r in b.rows]
    tables = [b for b in blocks if isinstance(b, ShownTable)]
    assert len(rows) >= 15 and len(tables) >= 8
    assert all(counts.strip() for _label, _value, counts in rows)
    assert all(t.counts.strip() for t in tables)


def test_the_free_texts_are_printed_where_given(exact: PrintedStatusReport) -> None:
    text = pdf_text(exact)
    for value in TEXTS.values.values():
        for part in value.split("\n\n"):
            assert flat(part) in text


def test_small_cells_are_hidden(context: AppContext, suppressed: PrintedStatusReport) -> None:
    text = pdf_text(suppressed)
    assert "Inkomna förfrågningar och ansökningar <5" in text
    assert "Antal från 1 till 4 visas som <5" in text
    assert "Frånvaro vid start, median visas inte (n<5)" in text
    assert "Med samtycke till informationsdelning <5 av <5" in text
    assert "55,0" not in text and "+8,0" not in text
    report = content(context, threshold=5)
    cells = [v for s in report.sections for b in s.blocks if isinstance(b, ShownFigures)
             for _l, v, _c in b.rows]  # fmt: skip
    cells += [c for s in report.sections for b in s.blocks if isinstance(b, ShownTable)
              for row in b.grid[1:] for c in row[1:]]  # fmt: skip
    numbers = [int(n) for cell in cells for n in re.findall(r"(?<![<\d,])\d+(?![\d,])", cell)]
    assert numbers and all(n == 0 or n >= 5 for n in numbers)


def test_the_chart_shows_the_caseload_by_month(
    context: AppContext, exact: PrintedStatusReport
) -> None:
    months = content(context, threshold=1).chart.months
    assert [m.label for m in months][:2] == ["apr\n2025", "maj"]
    assert months[9].label == "jan\n2026"
    # (waiting, decided, in support) at each month's end, April 2025 to March 2026
    assert [m.values for m in months] == [
        (1, 0, 0), (0, 1, 0), (0, 0, 1), (0, 0, 1), (0, 0, 1), (0, 0, 0),
        (0, 1, 0), (0, 1, 1), (0, 0, 2), (1, 0, 3), (0, 0, 3), (0, 0, 1),
    ]  # fmt: skip
    assert [m.in_period for m in months] == [False] * 9 + [True] * 3
    hidden = content(context, threshold=5).chart.months
    assert hidden[9].values == (None, 0, None)
    images = [i for page in PdfReader(io.BytesIO(exact.pdf)).pages for i in page.images]
    assert len(images) == 1 and images[0].image.width > 1000  # 200 dpi over 17 cm


def test_the_docx_holds_the_same_report(context: AppContext, exact: PrintedStatusReport) -> None:
    assert exact.docx is not None
    text = docx_text(exact.docx)
    for heading in HEADINGS:
        assert heading in text
    for figure in ("Inkomna förfrågningar och ansökningar 2", "Beslutade 1",
                   "Förändring i elevens egen skattning, medel +8,0",
                   "Med samtycke till informationsdelning 2 av 3"):  # fmt: skip
        assert figure in text
    assert "Vad som räknas" in text and "Ärenden som öppnades under perioden" in text
    for value in TEXTS.values.values():
        for part in value.split("\n\n"):
            assert flat(part) in text
    document = Document(io.BytesIO(exact.docx))
    assert document.core_properties.title == exact.title
    assert document.core_properties.author == TEAM_NAME
    assert len(document.inline_shapes) == 1  # the chart


def test_nothing_in_it_identifies_anyone(
    context: AppContext, profile: tuple[Path, StatusCases], exact: PrintedStatusReport
) -> None:
    cases = profile[1]
    with context.engine.connect() as conn:
        staff = set(conn.execute(select(Staff.name)).scalars())
    names = {part for pair in STUDENTS.values() for part in pair} | staff
    assert exact.docx is not None
    with zipfile.ZipFile(io.BytesIO(exact.docx)) as package:
        # what the report wrote (customXml holds python-docx's template's own constant GUID)
        docx_xml = " ".join(package.read(n).decode("utf-8", "replace") for n in package.namelist()
                            if n.startswith(("word/", "docProps/")))  # fmt: skip
    for written in (pdf_text(exact), " ".join(metadata_values(exact.pdf)), docx_xml):
        assert not [n for n in names if n in written]
        assert REFERENCE.findall(written) == [] and UUID.findall(written) == []
        assert not [i for i in cases.case_ids.values() if i in written]
    assert exact.title == "Lägesrapport 2026-01-01 – 2026-03-31 (kvartal 1 2026)"


def test_it_is_audited_with_counts_only(context: AppContext) -> None:
    query = select(AuditEvent).where(
        AuditEvent.action == "export", AuditEvent.entity_type == "status_report"
    )
    with context.engine.connect() as conn:
        before = len(conn.execute(query).all())
    print_status_report(context.services, StatusReportRequest(texts=TEXTS))
    with context.engine.connect() as conn:
        events = conn.execute(query.order_by(AuditEvent.seq)).all()
    assert len(events) == before + 1
    event = events[-1]
    assert event.case_id is None and event.entity_id is None
    details = event.details
    assert (details["period_from"], details["period_to"]) == ("2026-01-01", "2026-03-31")
    assert details["counts"] == {
        "referred": 2, "decided": 1, "declined": 1, "started": 1, "active": 3,
        "active_at_end": 1, "follow_ups_done": 1, "follow_ups_overdue": 1, "closed": 2,
    }  # fmt: skip
    assert details["withheld"] == 1 and details["docx"] is True
    assert details["texts"] == ["how_the_work_goes", "deviations", "improvement_areas",
                                "impact_3", "project_2"]  # fmt: skip
    written = json.dumps(details, ensure_ascii=False)
    assert "Teamet har haft" not in written and not UUID.findall(written)


def test_a_period_given_by_dates_and_one_refused(context: AppContext) -> None:
    printed = print_status_report(
        context.services,
        StatusReportRequest(date(2026, 2, 1), date(2026, 2, 28), small_cell_threshold=1),
    )
    text = pdf_text(printed)
    assert "2026-02-01 – 2026-02-28 (februari 2026)" in text
    assert "Avböjda med vägledning till annat stöd 1" in text  # D, 2026-02-10
    assert "Startade insatser 0" in text
    with pytest.raises(ValidationError):
        print_status_report(
            context.services, StatusReportRequest(date(2026, 3, 1), date(2026, 2, 1))
        )


def test_sst_report_status_writes_both_files(
    profile: tuple[Path, StatusCases], tmp_path: Path
) -> None:
    texts = tmp_path / "texter.json"
    texts.write_text(json.dumps(dict(TEXTS.values), ensure_ascii=False), encoding="utf-8")
    pdf, docx = tmp_path / "lagesrapport.pdf", tmp_path / "lagesrapport.docx"
    env = dict(os.environ, SST_INSECURE_TEST_KDF="1", SST_PASSPHRASE=PASSPHRASE)
    env["SST_LOG_DIR"] = str(tmp_path / "logs")
    command = [sys.executable, "-m", "sst_desktop.cli.main", "--profile", str(profile[0]),
               "--json", "report", "status", "--period", "2026Q1", "--out", str(pdf),
               "--docx", str(docx), "--texts", str(texts)]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    assert (facts["from"], facts["to"], facts["episodes"]) == ("2026-01-01", "2026-03-31", 3)
    assert pdf.read_bytes().startswith(b"%PDF") and zipfile.is_zipfile(docx)
    assert "Två hembesök ställdes in." in docx_text(docx.read_bytes())
    assert not [n for pair in STUDENTS.values() for n in pair if n in done.stdout + done.stderr]
    texts.write_text('{"impakt_1": "stavfel"}', encoding="utf-8")  # refused before unlocking
    del env["SST_PASSPHRASE"]
    bad = subprocess.run(command, env=env, capture_output=True, text=True, check=False,
                         stdin=subprocess.DEVNULL)  # fmt: skip
    assert bad.returncode != 0 and "impakt_1" in bad.stderr
