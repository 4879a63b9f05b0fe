"""`sst ratings export` and `sst ratings import` as real subprocesses on a copy of a profile with
rated cases: the file for Swedish Excel and no name in it, the same file imported again skipped
as duplicates, a file moved to another case, zero kept apart from empty, a bad row named by its
line with nothing written, totals-only and skipped rows, and a dry run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.integration.cli.ratings_profile import (
    GUARDIANS,
    STUDENTS,
    RatingCases,
    build_profile,
    ratings_in,
)
from tests.integration.cli.sst_cli_testkit import (
    IDENTITY_NUMBER,
    RunSst,
    log_text,
    make_runner,
    one_error_line,
)

HEADER = (
    "case_ref;rated_on;instrument;respondent;guardian;session;entry;skipped;"
    "individual;interpersonal;social;overall;relationship;goals;approach;total"
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RatingCases]:
    directory = tmp_path_factory.mktemp("ratings-profile") / "profile"
    return directory, build_profile(directory)


@pytest.fixture
def rated(template: tuple[Path, RatingCases], tmp_path: Path) -> tuple[Path, RatingCases]:
    """A fresh copy of the profile."""
    source, cases = template
    return Path(shutil.copytree(source, tmp_path / "profile")), cases


@pytest.fixture
def run_sst(tmp_path: Path) -> RunSst:
    return make_runner(tmp_path / "run")


def ratings(run_sst: RunSst, profile: Path, *args: str, **env: str) -> tuple[int, str, str]:
    result = run_sst("--profile", str(profile), "ratings", *args, env=env or None)
    return result.returncode, result.stdout, result.stderr


def test_export_then_the_same_file_again_is_all_duplicates(
    rated: tuple[Path, RatingCases], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, cases = rated
    out, temp = tmp_path / "betyg.csv", tmp_path / "tmp"
    temp.mkdir()
    code, stdout, stderr = ratings(
        run_sst, profile, "export", "--case", cases.first, "--out", str(out), TMPDIR=str(temp)
    )
    assert (code, stderr) == (0, ""), stderr
    assert f"4 rating(s) of 1 case(s) written to {out}" in stdout
    assert list(temp.iterdir()) == []  # no copy in the temp folder
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("betyg")] == ["betyg.csv"]
    data = out.read_bytes()
    lines = data.decode("utf-8-sig").split("\r\n")
    assert data.startswith(b"\xef\xbb\xbf") and lines[0] == HEADER
    assert lines[1:5] == [
        f"{cases.first};2026-02-02;ors;parent;2;1;clinician;0;70;70;70;70;;;;28,0",
        f"{cases.first};2026-02-02;ors;self;;1;clinician;0;52;61;0;48;;;;16,1",
        f"{cases.first};2026-02-02;srs;self;;1;clinician;0;;;;92;90;85;88;35,5",
        f"{cases.first};2026-02-09;ors;self;;2;clinician;1;;;;;;;;",
    ]
    text = data.decode("utf-8-sig") + stdout + log_text(tmp_path / "run" / "logs")
    for name in (*GUARDIANS, *(part for s in STUDENTS for part in s[:2])):
        assert name not in text
    assert not IDENTITY_NUMBER.search(data.decode("utf-8-sig"))

    code, stdout, stderr = ratings(run_sst, profile, "import", "--case", cases.first, str(out))
    assert (code, stderr) == (0, ""), stderr
    assert stdout.strip() == f"Imported into {cases.first}: 0 rating(s), 4 duplicate(s) skipped."
    assert ratings_in(profile, cases.first) == 4


def test_a_file_goes_to_another_case_only_without_the_first_ones_reference(
    rated: tuple[Path, RatingCases], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, cases = rated
    out = tmp_path / "ratings.csv"
    assert ratings(run_sst, profile, "export", "--case", cases.first, "--out", str(out))[0] == 0
    refused = run_sst(
        "--profile", str(profile), "ratings", "import", "--case", cases.second, str(out)
    )
    message = one_error_line(refused)
    assert "Nothing was imported: 4 row(s)" in message
    assert all(f"Line {n}: case_ref is another case" in message for n in (2, 3, 4, 5))
    moved = out.read_text(encoding="utf-8-sig").replace(cases.first, "")
    out.write_text(moved, encoding="utf-8")
    code, stdout, stderr = ratings(run_sst, profile, "import", "--case", cases.second, str(out))
    assert (code, stderr) == (0, ""), stderr
    assert f"Imported into {cases.second}: 4 rating(s), 0 duplicate(s) skipped." in stdout
    code, stdout, _ = ratings(run_sst, profile, "export", "--all", "--out", str(out))
    assert code == 0 and "8 rating(s) of 2 case(s)" in stdout
    rows = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    refs = [row.split(";")[0] for row in rows]
    assert sorted(refs) == refs and (refs.count(cases.first), refs.count(cases.second)) == (4, 4)
    assert {row.split(";")[6] for row in rows if row.startswith(cases.second)} == {"imported"}


def test_zero_is_a_score_and_an_empty_cell_a_bad_row_that_stops_the_file(
    rated: tuple[Path, RatingCases], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, cases = rated
    file = tmp_path / "fit.csv"
    file.write_text(
        "rated_on,instrument,respondent,individual,interpersonal,social,overall,total\n"
        "2026-02-16,ors,self,0,0,0,0,0.0\n"
        "2026-02-23,ors,self,40,,40,40,\n"
        "2026-02-23,srs,self,,,,,36.5\n",
        encoding="utf-8",
    )
    refused = run_sst(
        "--profile", str(profile), "ratings", "import", "--case", cases.second, str(file)
    )
    message = one_error_line(refused)
    assert "Nothing was imported: 1 row(s)" in message
    assert "Line 3: ors needs an answer to every item; interpersonal is missing." in message
    assert ratings_in(profile, cases.second) == 0  # not even the good rows

    file.write_text(file.read_text().replace("40,,40", "40,40,40"), encoding="utf-8")
    code, stdout, stderr = ratings(run_sst, profile, "import", "--case", cases.second, str(file))
    assert (code, stderr) == (0, ""), stderr
    assert "3 rating(s), 0 duplicate(s)" in stdout
    out = tmp_path / "back.csv"
    assert ratings(run_sst, profile, "export", "--case", cases.second, "--out", str(out))[0] == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert rows[0].endswith(";2026-02-16;ors;self;;1;imported;0;0;0;0;0;;;;0,0")
    assert rows[1].endswith(";2026-02-23;ors;self;;2;imported;0;40;40;40;40;;;;16,0")
    assert rows[2].endswith(";2026-02-23;srs;self;;1;imported;0;;;;;;;;36,5")  # totals only


def test_a_dry_run_shows_totals_only_and_skipped_rows_and_writes_nothing(
    rated: tuple[Path, RatingCases], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, cases = rated
    file = tmp_path / "fit.csv"
    file.write_text(
        f"{HEADER}\n"
        f"{cases.first};2026-02-16;ors;self;;3;;0;;;;;;;;24,5\n"
        f"{cases.first};2026-02-16;ors;parent;1;;;1;;;;;;;;\n"
        f"{cases.first};2026-02-09;ors;self;;2;;1;;;;;;;;\n",
        encoding="utf-8",
    )
    code, stdout, stderr = ratings(
        run_sst, profile, "import", "--case", cases.first, str(file), "--dry-run"
    )
    assert (code, stderr) == (0, ""), stderr
    assert "Dry run, nothing written" in stdout and "2 rating(s), 1 duplicate(s)" in stdout
    table = stdout.splitlines()
    assert table[2].split() == ["2", "2026-02-16", "ors", "self", "total", "24.5", "write"]
    assert table[3].split() == ["3", "2026-02-16", "ors", "parent", "1", "skipped", "write"]
    assert table[4].split()[-3:] == ["skipped", "duplicate:", "skipped"]
    assert ratings_in(profile, cases.first) == 4

    result = run_sst(
        "--profile", str(profile), "--json", "ratings", "import", "--case", cases.first, str(file)
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["written"], summary["duplicates"], summary["dry_run"]) == (2, 1, False)
    assert summary["rows"][0]["total"] == "24.5" and summary["rows"][0]["kind"] == "total"
    assert ratings_in(profile, cases.first) == 6


def test_refusals_are_one_line(
    rated: tuple[Path, RatingCases], run_sst: RunSst, tmp_path: Path
) -> None:
    profile, cases = rated

    def refused(*args: str) -> str:
        return one_error_line(run_sst("--profile", str(profile), "ratings", *args))

    missing = str(tmp_path / "missing.csv")
    assert "Cannot read the ratings file missing.csv" in refused("import", "--case", "X", missing)
    header_only = tmp_path / "names.csv"
    header_only.write_text("rated_on;instrument;respondent;name\n", encoding="utf-8")
    assert "does not know: name" in refused("import", "--case", cases.first, str(header_only))
    no_rows = tmp_path / "empty.csv"
    no_rows.write_text(f"{HEADER}\n", encoding="utf-8")
    assert "No case X-1" in refused("import", "--case", "X-1", str(no_rows))
    nowhere = str(tmp_path / "missing" / "out.csv")
    assert "Cannot write the export" in refused("export", "--case", cases.first, "--out", nowhere)
