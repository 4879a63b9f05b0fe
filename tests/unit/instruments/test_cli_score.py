"""`sst score` and `sst instruments`: JSON in on standard input, JSON out; no profile needed;
bad input is one error line and a non-zero exit."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sst_desktop.cli.commands.instruments import format_instruments, summary
from sst_desktop.cli.commands.score import read_input, score_input
from sst_desktop.instruments import AnswerError, Catalogue
from tests.unit.instruments.conftest import ors_total, srs_total

SDQ_FORM: dict[str, object] = {
    **{str(n): n % 3 for n in range(1, 26)},
    "difficulties": 2,
    "distress": 3,
    "home": 2,
    "friendships": 1,
    "classroom": 0,
    "leisure": 3,
}


def test_an_sdq_form(catalogue: Catalogue) -> None:
    out = score_input("sdq", [SDQ_FORM], respondent="parent", age=10)
    assert out["scores"] == {
        "emotional": 4,
        "conduct": 4,
        "hyperactivity": 6,
        "peer": 3,
        "prosocial": 6,
        "total_difficulties": 17,
        "externalising": 10,
        "internalising": 7,
        "impact": 5,
    }
    assert out["bands"]["total_difficulties"] == "high"
    assert out["bands"]["prosocial"] == "low"
    assert out["signals"] == []
    assert "change" not in out
    assert (out["instrument"], out["version"], out["respondent"]) == ("sdq", 1, "parent")


def test_not_computable_is_null() -> None:
    out = score_input("sdq", [{"1": 2, "4": 2}], respondent="teacher")
    assert out["scores"]["prosocial"] is None
    assert out["bands"]["prosocial"] is None
    assert json.loads(json.dumps(out))["scores"]["impact"] is None


def test_a_series_adds_the_change_and_lists_scores_per_session() -> None:
    out = score_input("ors", [ors_total(20.0), ors_total(29.4)], age=16)
    assert out["scores"] == [{"total": 20.0}, {"total": 29.4}]
    assert out["bands"] == [{"total": "below_cutoff"}, {"total": "at_or_above_cutoff"}]
    assert out["change"] == "clinically_significant_improvement"
    (signal,) = out["signals"]
    assert signal["id"] == "ors.clinically_significant_improvement"
    assert (signal["session"], signal["value"]) == (2, 29.4)
    assert set(signal["explanation"]) == set(signal["rule"]) == {"sv", "en"}


def test_the_session_rating_series() -> None:
    out = score_input("srs", [srs_total(38.0), srs_total(36.5)])
    assert [s["kind"] for s in out["signals"]] == ["drop_from_previous"]
    assert out["change"] is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("not json", "not JSON"),
        ("[]", 'expected an object with "answers" or with "sessions"'),
        ('{"answers": {}, "sessions": []}', "expected an object"),
        ('{"sessions": []}', "non-empty list"),
        ('{"sessions": [{"answers": []}]}', "each session is"),
        ('{"sessions": [{"answers": {}, "date": "2026-01-01"}]}', "each session is"),
    ],
)
def test_bad_input_shapes(text: str, problem: str) -> None:
    with pytest.raises(AnswerError, match=problem):
        read_input(io.StringIO(text))


def test_input_shapes() -> None:
    assert read_input(io.StringIO('{"answers": {"1": 2}}')) == [{"1": 2}]
    two = '{"sessions": [{"answers": {"scale": 2}}, {"answers": {"scale": 5}}]}'
    assert read_input(io.StringIO(two)) == [{"scale": 2}, {"scale": 5}]


def test_the_instrument_list(catalogue: Catalogue) -> None:
    text = format_instruments(catalogue.all())
    assert "ycors" in text and "(not scored)" in text
    assert "self 11-17" in text
    assert summary(catalogue.get("cors"))["respondents"]["self"] == "6-12"


def _sst(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SST_", "XDG_"))}
    env |= {"HOME": str(tmp_path / "home"), "SST_LOG_DIR": str(tmp_path / "logs")}
    env["SST_PROFILE"] = str(tmp_path / "no-profile")
    return subprocess.run(
        [sys.executable, "-m", "sst_desktop.cli.main", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_sst_score_runs_without_a_profile(tmp_path: Path) -> None:
    done = _sst(
        tmp_path,
        "score",
        "sdq",
        "--respondent",
        "parent",
        stdin=json.dumps({"answers": SDQ_FORM}),
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["scores"]["total_difficulties"] == 17
    assert not (tmp_path / "no-profile").exists()


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("score", "sdq", "--respondent", "parent"), '{"answers": {"1": 7}}', "item 1"),
        (("score", "srs"), "{", "not JSON"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    tmp_path: Path, args: tuple[str, ...], stdin: str, message: str
) -> None:
    done = _sst(tmp_path, *args, stdin=stdin)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("sst: error: ")
    assert message in done.stderr


@pytest.mark.parametrize(
    ("instrument", "age", "message"),
    [
        ("ors", None, "give the student's age"),
        ("ors", 9, "meant for ages 13+, not 9"),
        ("phq9", None, "No instrument phq9"),
    ],
)
def test_what_the_command_refuses(instrument: str, age: int | None, message: str) -> None:
    with pytest.raises(AnswerError) as raised:
        score_input(instrument, [ors_total(20)], age=age)
    assert message in raised.value.message
