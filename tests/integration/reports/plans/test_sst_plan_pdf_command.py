"""`sst plan pdf` as a real subprocess on a copy of the signed-plan profile: the file it
writes, what it prints (never a name), password protection, the protected-identity reason,
and one error line for what it refuses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pytest

from tests.helpers.pdf_checks import assert_valid_pdf, page_texts
from tests.integration.cli.sst_cli_testkit import RunSst, log_text, make_runner, one_error_line
from tests.integration.reports.plans.plan_profile import (
    GUARDIANS,
    STUDENT_FIRST,
    STUDENT_LAST,
    PlanCase,
    build_profile,
)

NAMES = (STUDENT_FIRST, STUDENT_LAST, *GUARDIANS)


@pytest.fixture
def run_sst(tmp_path: Path) -> RunSst:
    return make_runner(tmp_path / "run")


def plan_pdf(run_sst: RunSst, profile: Path, *args: str) -> tuple[int, str, str]:
    result = run_sst("--profile", str(profile), "plan", "pdf", *args)
    return result.returncode, result.stdout, result.stderr


def test_writes_the_plan_and_says_which_revision_it_is(
    plan_profile: tuple[Path, PlanCase], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, case = plan_profile
    out, temp = tmp_path / "plan.pdf", tmp_path / "tmp"
    temp.mkdir()
    result = run_sst(
        "--profile", str(profile), "plan", "pdf", "--case", case.reference, "--out", str(out),
        env={"TMPDIR": str(temp)},
    )  # fmt: skip
    code, stdout, stderr = result.returncode, result.stdout, result.stderr
    assert (code, stderr) == (0, ""), stderr
    assert list(temp.iterdir()) == []  # rendered in memory: no copy in the temp folder
    assert [p.name for p in out.parent.iterdir() if p.name.startswith("plan.pdf")] == ["plan.pdf"]
    assert_valid_pdf(out.read_bytes())
    pages = page_texts(out.read_bytes())
    fingerprint = pages[0].split("Kontrollsumma ")[1][:14]
    assert f"{case.reference} revision 1: {len(pages)} page(s), fingerprint {fingerprint}" in stdout
    assert all(f"Sida {n} ({len(pages)})" in page for n, page in enumerate(pages, start=1))
    for name in NAMES:
        assert name not in stdout + "\n".join(pages)
        assert name not in log_text(tmp_path / "run" / "logs")


def test_json_full_name_and_password(
    plan_profile: tuple[Path, PlanCase], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, case = plan_profile
    secret = tmp_path / "pdf-password.txt"
    secret.write_text("sjö-utsikt 7\n", encoding="utf-8")
    out = tmp_path / "plan.pdf"
    result = run_sst(
        "--profile",
        str(profile),
        "--json",
        "plan",
        "pdf",
        "--case",
        case.case_id,
        "--out",
        str(out),
        "--full-name",
        "--password-file",
        str(secret),
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["case"] == case.reference and summary["password_protected"] is True
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    text = "\n".join(page_texts(out.read_bytes(), password="sjö-utsikt 7"))
    assert f"{STUDENT_FIRST} {STUDENT_LAST}" in text
    assert f"Kontrollsumma {summary['fingerprint']}" in text


def test_refusals_are_one_line(
    plan_profile: tuple[Path, PlanCase], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, case = plan_profile
    out = str(tmp_path / "plan.pdf")

    def refused(*args: str) -> str:
        return one_error_line(run_sst("--profile", str(profile), "plan", "pdf", *args))

    assert "No case X-1" in refused("--case", "X-1", "--out", out)
    assert "no revision 9" in refused("--case", case.reference, "--revision", "9", "--out", out)
    nowhere = str(tmp_path / "missing" / "plan.pdf")
    assert "does not exist" in refused("--case", case.reference, "--out", nowhere)
    assert not Path(out).exists()


def test_a_protected_identity_needs_a_reason(run_sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "protected"
    case = build_profile(profile, protected=True)
    out = tmp_path / "plan.pdf"
    refused = run_sst(
        "--profile", str(profile), "plan", "pdf", "--case", case.reference, "--out", str(out)
    )
    assert "needs a reason" in one_error_line(refused)
    assert not out.exists()
    code, _stdout, stderr = plan_pdf(
        run_sst, profile, "--case", case.reference, "--out", str(out), "--reason", "Till SIP-mötet"
    )
    assert code == 0, stderr
    assert out.exists()
    shutil.rmtree(profile)
