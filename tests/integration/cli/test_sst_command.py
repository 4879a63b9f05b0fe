"""`sst` end to end on a new, empty profile: version, init, where the passphrase and the profile
come from, passwd, rekey, and damaged files. Errors are one line, secrets are never echoed."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import sst_desktop
from tests.integration.cli.conftest import MadeProfile
from tests.integration.cli.sst_cli_testkit import (
    ALLOWED_PROFILE_FILES,
    NEW_PASSPHRASE,
    OWNER_NAME,
    PASSPHRASE,
    RECOVERY_CODE,
    WRONG_PASSPHRASE,
    RunSst,
    init_args,
    log_text,
    one_error_line,
    snapshot,
    stats_json,
)

NO_PASSPHRASE_ENV = {"SST_PASSPHRASE": None}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- version and init ---------------------------------------------------------------------------


def test_version_prints_the_installed_version(run_sst: RunSst) -> None:
    result = run_sst("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"sst {sst_desktop.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", sst_desktop.__version__)
    assert "unknown" not in sst_desktop.__version__


def test_init_creates_a_private_profile_and_shows_the_recovery_code_once(
    initialised_template: MadeProfile, recovery_code: str, profile_dir: Path, run_sst: RunSst
) -> None:
    made = initialised_template
    assert made.result.stdout.count(recovery_code) == 1
    assert len(RECOVERY_CODE.findall(made.result.stdout)) == 1
    assert str(made.directory) in made.result.stdout
    assert made.result.stderr == ""
    names = {p.name for p in made.directory.iterdir()}
    assert {"key.sst", "sst.db"} <= names <= ALLOWED_PROFILE_FILES
    for path in made.directory.iterdir():
        assert _mode(path) == 0o600, path.name
    assert _mode(made.directory) == 0o700
    log = log_text(made.log_dir)
    for secret in (recovery_code, PASSPHRASE, OWNER_NAME):
        assert secret not in log
    # The new profile opens with the passphrase and holds its owner and nothing else.
    stats = stats_json(run_sst, profile_dir)
    assert stats["counts"]["staff"] == 1
    assert stats["counts"]["cases"] == 0


def test_init_a_second_time_fails_and_leaves_the_profile_alone(
    profile_dir: Path, run_sst: RunSst
) -> None:
    before = snapshot(profile_dir)
    again = run_sst(
        *init_args(profile_dir, name="Someone Else"), env={"SST_PASSPHRASE": NEW_PASSPHRASE}
    )
    line = one_error_line(again)
    assert "already" in line
    assert not RECOVERY_CODE.search(again.stdout + again.stderr)
    assert snapshot(profile_dir) == before
    # Still the first profile: the first passphrase opens it, the second does not.
    assert stats_json(run_sst, profile_dir)["counts"]["staff"] == 1


# --- the passphrase -----------------------------------------------------------------------------


def test_a_wrong_passphrase_is_one_line_and_never_echoed(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    result = run_sst(
        "--profile", str(profile_dir), "stats", env={"SST_PASSPHRASE": WRONG_PASSPHRASE}
    )
    assert result.returncode == 1
    assert "wrong" in one_error_line(result)
    log = log_text(tmp_path / "logs")
    assert log  # the failure was logged, by its code
    for secret in (WRONG_PASSPHRASE, PASSPHRASE):
        assert secret not in result.stdout
        assert secret not in result.stderr
        assert secret not in log


def test_the_passphrase_file_is_read_and_wins_over_the_environment(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    secret_file = tmp_path / "passphrase.txt"
    secret_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    args = ("--profile", str(profile_dir), "--passphrase-file", str(secret_file), "--json")
    alone = run_sst(*args, "stats", env=NO_PASSPHRASE_ENV)
    assert alone.returncode == 0, alone.stderr
    assert json.loads(alone.stdout)["counts"]["staff"] == 1
    beside_a_wrong_one = run_sst(*args, "stats", env={"SST_PASSPHRASE": WRONG_PASSPHRASE})
    assert beside_a_wrong_one.returncode == 0, beside_a_wrong_one.stderr


def test_a_missing_passphrase_file_is_named(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-passphrase.txt"
    result = run_sst("--profile", str(profile_dir), "--passphrase-file", str(missing), "stats")
    assert result.returncode == 1
    line = one_error_line(result)
    assert "no-such-passphrase.txt" in line and "passphrase file" in line


def test_an_unreadable_passphrase_file_is_named(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    # A folder where the file should be (chmod 000 would not stop root, who may run the tests).
    folder = tmp_path / "passphrase-folder"
    folder.mkdir()
    result = run_sst("--profile", str(profile_dir), "--passphrase-file", str(folder), "stats")
    assert result.returncode == 1
    assert "passphrase-folder" in one_error_line(result)


def test_a_passphrase_file_that_is_not_utf8_is_named(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    """A passphrase file saved as Latin-1 (e.g. by an old Windows editor) cannot be decoded: it is
    an unreadable passphrase file like any other, not an internal error."""
    latin1 = tmp_path / "latin1-passphrase.txt"
    latin1.write_bytes("blåbär och hallon i köket 1969\n".encode("latin-1"))
    result = run_sst("--profile", str(profile_dir), "--passphrase-file", str(latin1), "stats")
    assert result.returncode == 1, result.stderr
    assert "latin1-passphrase.txt" in one_error_line(result)


def test_init_takes_the_passphrase_from_the_passphrase_file(
    run_sst: RunSst, tmp_path: Path
) -> None:
    """`--passphrase-file` is a global option documented for every command; init must use it."""
    secret_file = tmp_path / "passphrase.txt"
    secret_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    profile = tmp_path / "from-file"
    created = run_sst(
        "--passphrase-file", str(secret_file), *init_args(profile), env=NO_PASSPHRASE_ENV
    )
    assert created.returncode == 0, created.stderr
    opened = run_sst(
        "--profile",
        str(profile),
        "--passphrase-file",
        str(secret_file),
        "stats",
        env=NO_PASSPHRASE_ENV,
    )
    assert opened.returncode == 0, opened.stderr


def test_no_passphrase_and_no_terminal_is_a_clear_error(profile_dir: Path, run_sst: RunSst) -> None:
    # Piped stdin is not a terminal: sst neither reads a passphrase from it nor hangs.
    piped = run_sst("--profile", str(profile_dir), "stats", env=NO_PASSPHRASE_ENV, input=PASSPHRASE)
    assert piped.returncode == 1
    line = one_error_line(piped)
    assert "SST_PASSPHRASE" in line and "--passphrase-file" in line
    assert PASSPHRASE not in piped.stdout + piped.stderr
    empty = run_sst("--profile", str(profile_dir), "stats", env={"SST_PASSPHRASE": ""})
    assert one_error_line(empty) == line


def test_init_without_a_passphrase_and_no_terminal_creates_nothing(
    run_sst: RunSst, tmp_path: Path
) -> None:
    profile = tmp_path / "never-created"
    result = run_sst(*init_args(profile), env=NO_PASSPHRASE_ENV)
    assert "SST_PASSPHRASE" in one_error_line(result)
    assert not profile.exists() or not any(profile.iterdir())


def test_a_weak_passphrase_is_refused_by_init(run_sst: RunSst, tmp_path: Path) -> None:
    profile = tmp_path / "weak"
    result = run_sst(*init_args(profile), env={"SST_PASSPHRASE": "password1"})
    assert "too easy" in one_error_line(result)
    assert not profile.exists() or not any(profile.iterdir())


# --- which profile ------------------------------------------------------------------------------


def test_the_profile_option_selects_the_profile(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    assert stats_json(run_sst, profile_dir, env={"SST_PROFILE": None})["counts"]["staff"] == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    # --profile wins over SST_PROFILE, and an empty folder is not a profile.
    elsewhere = run_sst("--profile", str(empty), "stats", env={"SST_PROFILE": str(profile_dir)})
    assert elsewhere.returncode == 1
    assert "no SST profile" in one_error_line(elsewhere)
    assert list(empty.iterdir()) == []


def test_sst_profile_selects_the_profile(
    profile_dir: Path, run_sst: RunSst, tmp_path: Path
) -> None:
    chosen = run_sst("--json", "stats", env={"SST_PROFILE": str(profile_dir)})
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["counts"]["staff"] == 1
    nowhere = tmp_path / "does-not-exist"
    missing = run_sst("stats", env={"SST_PROFILE": str(nowhere)})
    assert missing.returncode == 1
    assert "no SST profile" in one_error_line(missing)
    assert not nowhere.exists()


def test_a_profile_path_that_is_a_file_is_a_clear_error(run_sst: RunSst, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("not a profile\n", encoding="utf-8")
    result = run_sst("--profile", str(not_a_folder), "stats")
    assert result.returncode == 1, result.stderr
    one_error_line(result)
    assert not_a_folder.read_text(encoding="utf-8") == "not a profile\n"


# --- passwd -------------------------------------------------------------------------------------


def test_passwd_replaces_the_passphrase(profile_dir: Path, run_sst: RunSst) -> None:
    changed = run_sst(
        "--profile", str(profile_dir), "passwd", env={"SST_NEW_PASSPHRASE": NEW_PASSPHRASE}
    )
    assert changed.returncode == 0, changed.stderr
    assert "Passphrase changed" in changed.stdout
    for secret in (PASSPHRASE, NEW_PASSPHRASE):
        assert secret not in changed.stdout + changed.stderr
    old = run_sst("--profile", str(profile_dir), "stats")
    assert "wrong" in one_error_line(old)
    assert stats_json(run_sst, profile_dir, env={"SST_PASSPHRASE": NEW_PASSPHRASE})


def test_passwd_with_the_recovery_code_replaces_a_forgotten_passphrase(
    profile_dir: Path, recovery_code: str, run_sst: RunSst
) -> None:
    changed = run_sst(
        "--profile",
        str(profile_dir),
        "passwd",
        env={"SST_PASSPHRASE": recovery_code, "SST_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert changed.returncode == 0, changed.stderr
    assert recovery_code not in changed.stdout + changed.stderr
    assert stats_json(run_sst, profile_dir, env={"SST_PASSPHRASE": NEW_PASSPHRASE})
    assert "wrong" in one_error_line(run_sst("--profile", str(profile_dir), "stats"))
    # Only the passphrase slot changed: the recovery code still opens the profile.
    assert stats_json(run_sst, profile_dir, env={"SST_PASSPHRASE": recovery_code})


def test_passwd_refuses_a_weak_new_passphrase(profile_dir: Path, run_sst: RunSst) -> None:
    before = snapshot(profile_dir)["key.sst"]
    weak = run_sst("--profile", str(profile_dir), "passwd", env={"SST_NEW_PASSPHRASE": "password1"})
    assert "too easy" in one_error_line(weak)
    assert snapshot(profile_dir)["key.sst"] == before
    assert stats_json(run_sst, profile_dir)["counts"]["staff"] == 1


def test_passwd_without_a_new_passphrase_says_where_it_comes_from(
    profile_dir: Path, run_sst: RunSst
) -> None:
    """The old passphrase is in SST_PASSPHRASE; the error must point at SST_NEW_PASSPHRASE (the
    only way to give the new one without a terminal), not tell the user to set SST_PASSPHRASE."""
    result = run_sst("--profile", str(profile_dir), "passwd", env={"SST_NEW_PASSPHRASE": None})
    assert result.returncode == 1
    assert "SST_NEW_PASSPHRASE" in one_error_line(result)


# --- rekey --------------------------------------------------------------------------------------


def test_rekey_issues_a_new_recovery_code_and_retires_the_old_one(
    profile_dir: Path, recovery_code: str, run_sst: RunSst
) -> None:
    rotated = run_sst("--profile", str(profile_dir), "rekey")
    assert rotated.returncode == 0, rotated.stderr
    assert rotated.stderr == ""
    new_codes = RECOVERY_CODE.findall(rotated.stdout)
    assert len(new_codes) == 1 and new_codes[0] != recovery_code
    new_code = str(new_codes[0])
    # The passphrase still opens it, and the code, confirmed shown, is not shown again.
    after = run_sst("--profile", str(profile_dir), "--json", "stats")
    assert after.returncode == 0, after.stderr
    assert after.stderr == ""
    assert not RECOVERY_CODE.search(after.stdout)
    assert json.loads(after.stdout)["counts"]["staff"] == 1
    # The old recovery code no longer works, the new one does.
    stale = run_sst(
        "--profile",
        str(profile_dir),
        "passwd",
        env={"SST_PASSPHRASE": recovery_code, "SST_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert "wrong" in one_error_line(stale)
    fresh = run_sst(
        "--profile",
        str(profile_dir),
        "passwd",
        env={"SST_PASSPHRASE": new_code, "SST_NEW_PASSPHRASE": NEW_PASSPHRASE},
    )
    assert fresh.returncode == 0, fresh.stderr
    assert stats_json(run_sst, profile_dir, env={"SST_PASSPHRASE": NEW_PASSPHRASE})


# --- damaged files ------------------------------------------------------------------------------


def test_a_damaged_key_file_is_named_and_left_alone(profile_dir: Path, run_sst: RunSst) -> None:
    key = profile_dir / "key.sst"
    size = key.stat().st_size
    key.write_bytes(bytes((i * 131 + 7) % 256 for i in range(size)))
    before = snapshot(profile_dir)
    result = run_sst("--profile", str(profile_dir), "stats")
    assert result.returncode == 1
    assert "key.sst" in one_error_line(result)
    assert snapshot(profile_dir) == before


def test_a_truncated_database_is_named_and_left_alone(profile_dir: Path, run_sst: RunSst) -> None:
    database = profile_dir / "sst.db"
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])
    before = snapshot(profile_dir)
    result = run_sst("--profile", str(profile_dir), "stats")
    assert result.returncode == 1
    line = one_error_line(result)
    assert "sst.db" in line and "key.sst" not in line
    assert snapshot(profile_dir) == before
