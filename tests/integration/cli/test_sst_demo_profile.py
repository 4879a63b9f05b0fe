"""`sst` end to end on a demo profile (`sst demo --students 12 --seed 1`): stats, the case list
and one case, verify (and a tampered audit chain), backup and restore, purge --dry-run, and a log
that holds no names and no secrets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import text

from sst_desktop.app_context import open_context
from sst_desktop.config.organisation import OrganisationConfig
from sst_desktop.security.kdf import KdfPolicy
from tests.integration.cli.conftest import DEMO_STUDENTS, MadeProfile
from tests.integration.cli.sst_cli_testkit import (
    IDENTITY_NUMBER,
    PASSPHRASE,
    WRONG_PASSPHRASE,
    RunSst,
    log_text,
    one_error_line,
    snapshot,
    stats_json,
)

UNKNOWN_REFERENCE = "SST-26-ZZZZZZ"


def _json(run_sst: RunSst, profile: Path, *args: str) -> Any:
    result = run_sst("--profile", str(profile), "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _tamper(profile: Path, *statements: str) -> None:
    """Someone with the key and a SQL tool runs ``statements`` in one transaction."""
    context = open_context(
        profile,
        PASSPHRASE,
        policy=KdfPolicy.insecure_for_tests(),
        organisation=OrganisationConfig(),
    )
    try:
        with context.engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        context.close()


# --- demo and stats -----------------------------------------------------------------------------


def test_demo_fills_a_profile_with_cases_of_both_programmes(
    demo_template: MadeProfile, demo_profile: Path, run_sst: RunSst
) -> None:
    assert f"{DEMO_STUDENTS} students" in demo_template.result.stdout
    assert demo_template.result.stderr == ""
    plain = run_sst("--profile", str(demo_profile), "stats")
    assert plain.returncode == 0, plain.stderr
    stats = stats_json(run_sst, demo_profile)
    counts = stats["counts"]
    assert counts["students"] > 0 and counts["cases"] > 0
    assert sum(stats["cases_by_programme_status"].values()) == counts["cases"]
    programmes = {key.split(":")[0] for key in stats["cases_by_programme_status"]}
    assert programmes == {"sst", "sst_plus"}
    assert stats["audit_events"] > 0
    # The text form shows the same counts.
    for name in ("students", "cases"):
        assert re.search(rf"^{name}\s+{counts[name]}$", plain.stdout, re.MULTILINE), plain.stdout
    assert f"{stats['audit_events']} audit events" in plain.stdout


def test_json_option_is_accepted_after_the_command_name(
    demo_profile: Path, run_sst: RunSst
) -> None:
    """README: "Add `--json` for machine-readable output" -- `sst stats --json` is how a user
    adds it to `sst stats`."""
    result = run_sst("--profile", str(demo_profile), "stats", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["cases"] > 0


def test_demo_refuses_a_profile_that_already_holds_cases(
    demo_profile: Path, run_sst: RunSst
) -> None:
    before = stats_json(run_sst, demo_profile)["counts"]
    result = run_sst("--profile", str(demo_profile), "demo", "--students", "3", "--seed", "2")
    assert "already holds" in one_error_line(result)
    assert stats_json(run_sst, demo_profile)["counts"] == before


# --- cases --------------------------------------------------------------------------------------


def test_case_list_json_and_case_show_of_a_listed_case(demo_profile: Path, run_sst: RunSst) -> None:
    items = _json(run_sst, demo_profile, "case", "list")
    assert isinstance(items, list) and items
    for item in items:
        assert item["programme"] in {"sst", "sst_plus"}
        assert re.fullmatch(r"SSTP?-\d{2}-[0-9A-Z]{6}", item["reference"])
        assert item["student_name"] is None and item["personal_id"] is None  # not asked for
    chosen = items[-1]
    shown = _json(run_sst, demo_profile, "case", "show", chosen["reference"])
    assert shown["item"]["reference"] == chosen["reference"]
    assert shown["item"]["case_id"] == chosen["case_id"]
    assert shown["item"]["programme"] == chosen["programme"]
    assert isinstance(shown["timeline"], list) and shown["timeline"]


def test_case_show_of_an_unknown_reference_is_one_line(demo_profile: Path, run_sst: RunSst) -> None:
    result = run_sst("--profile", str(demo_profile), "case", "show", UNKNOWN_REFERENCE)
    assert result.returncode == 1
    assert UNKNOWN_REFERENCE in one_error_line(result)


def test_the_plain_case_list_shows_no_names_or_identity_numbers_unless_asked(
    demo_profile: Path, run_sst: RunSst
) -> None:
    named = _json(run_sst, demo_profile, "case", "list", "--names")
    people = [i for i in named if i["student_name"] and i["personal_id"]]
    assert people  # the demo has identified students
    plain = run_sst("--profile", str(demo_profile), "case", "list")
    assert plain.returncode == 0, plain.stderr
    assert all(i["reference"] in plain.stdout for i in named)
    assert not IDENTITY_NUMBER.search(plain.stdout), plain.stdout
    for item in people:
        assert item["student_name"] not in plain.stdout
        assert item["personal_id"] not in plain.stdout
    # --names is documented to show them (and proves the checks above can see them).
    with_names = run_sst("--profile", str(demo_profile), "case", "list", "--names")
    assert with_names.returncode == 0, with_names.stderr
    assert all(i["personal_id"] in with_names.stdout for i in people)
    assert IDENTITY_NUMBER.search(with_names.stdout)


# --- verify -------------------------------------------------------------------------------------


def test_verify_passes_on_the_demo_profile(demo_profile: Path, run_sst: RunSst) -> None:
    result = run_sst("--profile", str(demo_profile), "verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.match(r"\d+ audit events checked; no faults\.", result.stdout)


def test_verify_finds_an_edited_audit_event(demo_profile: Path, run_sst: RunSst) -> None:
    # The append-only trigger stops an UPDATE, so the tamperer drops it first.
    context_sql = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events' "
        "AND sql LIKE '%BEFORE UPDATE%'"
    )
    context = open_context(
        demo_profile,
        PASSPHRASE,
        policy=KdfPolicy.insecure_for_tests(),
        organisation=OrganisationConfig(),
    )
    with context.engine.connect() as conn:
        triggers = list(conn.execute(text(context_sql)).scalars())
    context.close()
    assert triggers
    _tamper(
        demo_profile,
        *(f'DROP TRIGGER "{name}"' for name in triggers),
        "UPDATE audit_events SET action = 'view' WHERE seq = 5",
    )
    result = run_sst("--profile", str(demo_profile), "verify")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert "fault" in result.stdout
    assert "audit event 5: edited" in result.stdout


def test_verify_finds_a_deleted_audit_event(demo_profile: Path, run_sst: RunSst) -> None:
    # A purge session is the only way past the append-only trigger; abused here.
    _tamper(
        demo_profile,
        "INSERT INTO purge_session (id) VALUES (1)",
        "DELETE FROM audit_events WHERE seq = 7",
        "DELETE FROM purge_session",
    )
    result = run_sst("--profile", str(demo_profile), "--json", "verify")
    assert result.returncode == 1, result.stdout
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert any("audit event 7: gap" in fault for fault in report["faults"]), report["faults"]


# --- backup and restore -------------------------------------------------------------------------


def test_backup_then_restore_into_a_new_profile_keeps_every_record(
    demo_profile: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    backup = tmp_path / "backup"
    written = run_sst("--profile", str(demo_profile), "backup", str(backup))
    assert written.returncode == 0, written.stderr
    assert {p.name for p in backup.iterdir()} == {"key.sst", "sst.db"}
    restored = tmp_path / "restored"
    result = run_sst("--profile", str(restored), "restore", str(backup))
    assert result.returncode == 0, result.stderr
    original, copy = stats_json(run_sst, demo_profile), stats_json(run_sst, restored)
    assert copy["counts"] == original["counts"]
    assert copy["cases_by_programme_status"] == original["cases_by_programme_status"]
    # A second restore onto the restored profile is refused and changes nothing.
    before = snapshot(restored)
    again = run_sst("--profile", str(restored), "restore", str(backup))
    assert "already" in one_error_line(again)
    assert snapshot(restored) == before


def test_backup_refuses_a_folder_that_is_not_empty(
    demo_profile: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "holiday.jpg").write_bytes(b"\xff\xd8 not really a photo")
    result = run_sst("--profile", str(demo_profile), "backup", str(taken))
    assert "not empty" in one_error_line(result)
    assert [p.name for p in taken.iterdir()] == ["holiday.jpg"]


def test_backup_to_a_path_that_is_a_file_is_a_clear_error(
    demo_profile: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    target = tmp_path / "backup.sst"
    target.write_bytes(b"someone else's file")
    result = run_sst("--profile", str(demo_profile), "backup", str(target))
    assert result.returncode == 1, result.stderr
    one_error_line(result)
    assert target.read_bytes() == b"someone else's file"


# --- purge --------------------------------------------------------------------------------------


def test_purge_dry_run_changes_nothing(demo_profile: Path, run_sst: RunSst) -> None:
    before = stats_json(run_sst, demo_profile)
    plan = _json(run_sst, demo_profile, "purge", "--dry-run")
    assert plan["dry_run"] is True
    assert plan["records"] == sum(plan["by_table"].values())
    assert stats_json(run_sst, demo_profile) == before


# --- the log ------------------------------------------------------------------------------------


def test_the_log_holds_no_names_and_no_secrets(
    demo_template: MadeProfile, demo_profile: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    names: set[str] = set()
    identity_numbers: set[str] = set()
    for item in _json(run_sst, demo_profile, "case", "list"):
        shown = _json(run_sst, demo_profile, "case", "show", item["reference"])
        detail = shown["item"]
        names.update(filter(None, [detail["student_name"], *detail["staff_names"]]))
        names.update(shown["guardians"])
        if shown["student_address"]:
            names.add(shown["student_address"])
        if detail["personal_id"]:
            identity_numbers.add(detail["personal_id"])
    assert names and identity_numbers
    run_sst("--profile", str(demo_profile), "stats", env={"SST_PASSPHRASE": WRONG_PASSPHRASE})
    run_sst("--profile", str(demo_profile), "case", "show", UNKNOWN_REFERENCE)

    assert (tmp_path / "logs" / "sst.log").is_file()
    logs = log_text(tmp_path / "logs") + log_text(demo_template.log_dir)
    # Each word of a name too (not numbers: a house number may equal a count in the log).
    words = {w for name in names for w in re.split(r"[\s,]+", name) if len(w) >= 4 and w.isalpha()}
    for value in names | words:
        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", logs), value
    for number in identity_numbers:
        assert number not in logs and number.replace("-", "") not in logs
    for secret in (PASSPHRASE, WRONG_PASSPHRASE):
        assert secret not in logs
