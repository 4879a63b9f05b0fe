"""The `sst` command end to end: init, unlock failures, demo, read commands, verify, backup,
passwd, rekey, purge, damaged files. One line per error, nothing personal unasked."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

from sqlalchemy import text

from sst_desktop.app_context import open_context
from tests.integration.cli.conftest import NEW_PASSPHRASE, PASSPHRASE, RunSst, one_error_line

RECOVERY = re.compile(r"\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){7}\b")


def _init(sst: RunSst, profile: Path) -> str:
    result = sst(
        "--profile",
        str(profile),
        "init",
        "--name",
        "Maja Lind",
        "--role",
        "family_therapist",
        "--authority",
        "social_services",
    )
    assert result.returncode == 0, result.stderr
    codes = RECOVERY.findall(result.stdout)
    assert len(codes) == 1
    return codes[0]


def _stats(sst: RunSst, profile: Path, **env: str) -> dict[str, object]:
    result = sst("--profile", str(profile), "--json", "stats", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_version(sst: RunSst) -> None:
    result = sst("--version")
    assert result.returncode == 0
    assert re.match(r"sst \d+\.\d+", result.stdout)


def test_init_creates_a_private_profile_and_refuses_a_second_time(sst: RunSst, tmp_path: Path):
    profile = tmp_path / "p"
    _init(sst, profile)
    for name in ("key.sst", "sst.db"):
        assert stat.S_IMODE((profile / name).stat().st_mode) == 0o600
    before = (profile / "key.sst").read_bytes()
    again = sst(
        "--profile",
        str(profile),
        "init",
        "--name",
        "X",
        "--role",
        "mentor",
        "--authority",
        "school",
    )
    assert "already" in one_error_line(again)
    assert (profile / "key.sst").read_bytes() == before
    assert _stats(sst, profile)["counts"]["staff"] == 1  # type: ignore[index]


def test_a_wrong_passphrase_is_one_line_and_never_echoed(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _init(sst, profile)
    wrong = "not-my-passphrase-at-all-42"
    result = sst("--profile", str(profile), "stats", SST_PASSPHRASE=wrong)
    assert "wrong" in one_error_line(result)
    logs = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log*"))
    for secret in (wrong, PASSPHRASE):
        assert secret not in result.stdout + result.stderr + logs


def test_passphrase_from_a_file_and_a_missing_file(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _init(sst, profile)
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    ok = sst(
        "--profile", str(profile), "--passphrase-file", str(secret_file), "stats", SST_PASSPHRASE=""
    )
    assert ok.returncode == 0, ok.stderr
    missing = sst(
        "--profile", str(profile), "--passphrase-file", str(tmp_path / "nope.txt"), "stats"
    )
    assert "nope.txt" in one_error_line(missing)


def test_no_passphrase_without_a_terminal_is_a_clear_error(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _init(sst, profile)
    result = sst("--profile", str(profile), "stats", SST_PASSPHRASE="")
    assert "SST_PASSPHRASE" in one_error_line(result)


def test_the_profile_comes_from_the_option_or_the_environment(sst: RunSst, tmp_path: Path):
    profile = tmp_path / "p"
    _init(sst, profile)
    assert sst("stats", SST_PROFILE=str(profile)).returncode == 0
    elsewhere = sst("--profile", str(tmp_path / "empty"), "stats", SST_PROFILE=str(profile))
    assert "no SST profile" in one_error_line(elsewhere)


def test_demo_stats_and_cases(sst: RunSst, demo: Path) -> None:
    stats = _stats(sst, demo)
    counts = stats["counts"]
    assert counts["students"] > 0 and counts["cases"] >= counts["students"]  # type: ignore[index]
    listed = sst("--profile", str(demo), "--json", "case", "list")
    items = json.loads(listed.stdout)
    assert items and {i["programme"] for i in items} <= {"sst", "sst_plus"}
    assert all(i["student_name"] is None and i["personal_id"] is None for i in items)
    plain = sst("--profile", str(demo), "case", "list")
    assert not re.search(r"\d{8}-?\d{4}", plain.stdout)  # no identity numbers unasked
    named = json.loads(sst("--profile", str(demo), "--json", "case", "list", "--names").stdout)
    assert any(i["student_name"] for i in named)
    reference = items[0]["reference"]
    shown = json.loads(sst("--profile", str(demo), "--json", "case", "show", reference).stdout)
    assert shown["item"]["reference"] == reference
    unknown = sst("--profile", str(demo), "case", "show", "SST-26-ZZZZZZ")
    assert "SST-26-ZZZZZZ" in one_error_line(unknown)


def test_verify_passes_then_finds_a_tampered_audit_chain(sst: RunSst, demo: Path) -> None:
    ok = sst("--profile", str(demo), "--json", "verify")
    assert ok.returncode == 0, ok.stdout
    assert json.loads(ok.stdout)["ok"] is True
    context = open_context(demo, PASSPHRASE)
    with context.engine.begin() as conn:  # someone with the key and a SQL tool
        conn.execute(text("DROP TRIGGER audit_update"))
        conn.execute(text("UPDATE audit_events SET action = 'view' WHERE seq = 5"))
    context.close()
    bad = sst("--profile", str(demo), "--json", "verify")
    assert bad.returncode != 0
    report = json.loads(bad.stdout)
    assert report["ok"] is False and report["faults"]


def test_backup_and_restore_keep_every_record(sst: RunSst, demo: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup"
    assert sst("--profile", str(demo), "backup", str(backup)).returncode == 0
    restored = tmp_path / "restored"
    result = sst("--profile", str(restored), "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert _stats(sst, restored)["counts"] == _stats(sst, demo)["counts"]
    taken = sst("--profile", str(demo), "backup", str(backup))
    assert "not empty" in one_error_line(taken)


def test_passwd_with_the_passphrase_and_with_the_recovery_code(sst: RunSst, tmp_path: Path):
    profile = tmp_path / "p"
    code = _init(sst, profile)
    changed = sst("--profile", str(profile), "passwd", SST_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert changed.returncode == 0, changed.stderr
    assert "wrong" in one_error_line(sst("--profile", str(profile), "stats"))
    _stats(sst, profile, SST_PASSPHRASE=NEW_PASSPHRASE)
    again = sst(
        "--profile", str(profile), "passwd", SST_PASSPHRASE=code, SST_NEW_PASSPHRASE=PASSPHRASE
    )
    assert again.returncode == 0, again.stderr
    _stats(sst, profile)


def test_a_weak_new_passphrase_is_refused(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _init(sst, profile)
    weak = sst("--profile", str(profile), "passwd", SST_NEW_PASSPHRASE="password1")
    assert "too easy" in one_error_line(weak)
    _stats(sst, profile)


def test_rekey_issues_a_new_code_once(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    old_code = _init(sst, profile)
    rotated = sst("--profile", str(profile), "rekey")
    assert rotated.returncode == 0, rotated.stderr
    new_codes = RECOVERY.findall(rotated.stdout)
    assert len(new_codes) == 1 and new_codes[0] != old_code
    after = sst("--profile", str(profile), "stats")
    assert after.returncode == 0 and not RECOVERY.search(after.stderr + after.stdout)
    stale = sst(
        "--profile",
        str(profile),
        "passwd",
        SST_PASSPHRASE=old_code,
        SST_NEW_PASSPHRASE=NEW_PASSPHRASE,
    )
    assert "wrong" in one_error_line(stale)
    fresh = sst(
        "--profile",
        str(profile),
        "passwd",
        SST_PASSPHRASE=new_codes[0],
        SST_NEW_PASSPHRASE=NEW_PASSPHRASE,
    )
    assert fresh.returncode == 0, fresh.stderr


def test_purge_dry_run_changes_nothing(sst: RunSst, demo: Path) -> None:
    before = _stats(sst, demo)
    result = sst("--profile", str(demo), "purge", "--dry-run")
    assert result.returncode == 0, result.stderr
    after = _stats(sst, demo)
    assert after["counts"] == before["counts"]


def test_a_damaged_key_file_is_named_and_left_alone(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _init(sst, profile)
    key = profile / "key.sst"
    garbage = bytes(range(256)) * (key.stat().st_size // 256 + 1)
    key.write_bytes(garbage[: key.stat().st_size])
    before = {p.name: p.read_bytes() for p in profile.iterdir() if p.is_file()}
    line = one_error_line(sst("--profile", str(profile), "stats"))
    assert "key.sst" in line and "damaged" in line
    assert {p.name: p.read_bytes() for p in profile.iterdir() if p.is_file()} == before


def test_a_truncated_database_is_named_and_left_alone(sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "p"
    _init(sst, profile)
    database = profile / "sst.db"
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    before = database.read_bytes()
    line = one_error_line(sst("--profile", str(profile), "stats"))
    assert "sst.db" in line
    assert database.read_bytes() == before


def test_the_log_holds_no_names_and_no_passphrase(sst: RunSst, demo: Path, tmp_path: Path):
    named = json.loads(sst("--profile", str(demo), "--json", "case", "list", "--names").stdout)
    sst("--profile", str(demo), "stats", SST_PASSPHRASE="a wrong passphrase for the log")
    logs = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log*"))
    assert logs  # the commands did log
    for item in named:
        for word in (item["student_name"] or "").split():
            assert word not in logs
        if item["personal_id"]:
            assert item["personal_id"] not in logs
    assert PASSPHRASE not in logs and "a wrong passphrase for the log" not in logs
