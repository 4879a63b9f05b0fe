"""Programme rules as data: the shipped defaults say what domain.md says; a district file
overrides only what it names; a broken file is refused with file and field named."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sst_desktop.config.programmes import load_default_rules, load_programme_rules
from sst_desktop.config.resources import resource_path
from sst_desktop.errors import SstError
from sst_rules.enums import PlanKind, Programme, SignerRole

ON = date(2026, 11, 24)
DEFAULT = resource_path("programmes", "default.json")


def test_sst_defaults() -> None:
    sst = load_default_rules().for_case(Programme.SST, None, ON)
    assert sst.eligible_school_years == (4, 5, 6, 7, 8, 9)
    assert (sst.review_weeks.min, sst.review_weeks.max) == (4, 6)  # type: ignore[union-attr]
    assert sst.time_limit_months == 6
    assert sst.time_limit_exceeded_requires == "reason"
    assert sst.plan_kind == PlanKind.ACTION_PLAN
    assert set(sst.required_plan_signers) == {
        SignerRole.STUDENT,
        SignerRole.GUARDIAN,
        SignerRole.SCHOOL,
        SignerRole.SOCIAL_SERVICES,
    }


def test_sst_plus_defaults() -> None:
    plus = load_default_rules().for_case(Programme.SST_PLUS, None, ON)
    assert plus.eligible_school_years == tuple(range(10))  # F-9
    assert plus.absence_threshold_percent == 50
    assert plus.other_indicators_may_replace_threshold
    assert plus.follow_up_meeting_months == 3
    assert plus.evaluation_months == 6
    assert plus.time_limit_exceeded_requires == "continuation_decision"
    assert plus.plan_kind == PlanKind.IMPLEMENTATION_PLAN
    assert plus.follow_up_months == (3, 6)


def _write(path: Path, entries: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps({"format": 1, "entries": entries}), encoding="utf-8")
    return path


def test_a_district_overrides_only_what_it_names(tmp_path: Path) -> None:
    override = _write(
        tmp_path / "district.json",
        [
            {
                "programme": "sst",
                "district": "d-1",
                "valid_from": "2026-01-01",
                "time_limit_months": 9,
            }
        ],
    )
    rules = load_programme_rules([DEFAULT, override])
    district = rules.for_case(Programme.SST, "d-1", ON)
    default = rules.for_case(Programme.SST, None, ON)
    other = rules.for_case(Programme.SST, "d-2", ON)
    assert district.time_limit_months == 9
    assert default.time_limit_months == other.time_limit_months == 6
    assert district.review_weeks == default.review_weeks
    assert district.workflow == default.workflow
    before = rules.for_case(Programme.SST, "d-1", date(2025, 12, 31))
    assert before.time_limit_months == 6  # not yet in force


def test_no_rules_in_force_is_a_clear_error() -> None:
    with pytest.raises(SstError) as refused:
        load_default_rules().for_case(Programme.SST_PLUS, None, date(2019, 1, 1))
    assert refused.value.code == "config.no_rules"


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("{not json", "(file)"),
        (
            json.dumps(
                {
                    "entries": [
                        {
                            "programme": "sst",
                            "district": "d",
                            "valid_from": "2026-01-01",
                            "time_limit_months": 0,
                        }
                    ]
                }
            ),
            "time_limit_months",
        ),
        (
            json.dumps(
                {
                    "entries": [
                        {
                            "programme": "sst",
                            "district": "d",
                            "valid_from": "2026-01-01",
                            "absence_threshold_percent": 120,
                        }
                    ]
                }
            ),
            "absence_threshold_percent",
        ),
        (
            json.dumps(
                {
                    "entries": [
                        {
                            "programme": "sst",
                            "district": "d",
                            "valid_from": "2026-01-01",
                            "surprise": 1,
                        }
                    ]
                }
            ),
            "surprise",
        ),
        (
            json.dumps({"entries": [{"programme": "sst", "district": "d", "valid_from": "soon"}]}),
            "valid_from",
        ),
        (json.dumps({"entries": [{"programme": "sst_minus"}]}), "(file)"),
        (json.dumps({"nothing": []}), "(file)"),
    ],
    ids=[
        "bad-json",
        "zero-limit",
        "threshold-over-100",
        "unknown-key",
        "bad-date",
        "unknown-programme",
        "no-entries",
    ],
)
def test_an_invalid_file_names_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    bad = tmp_path / "district-rules.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(SstError) as refused:
        load_programme_rules([DEFAULT, bad])
    assert refused.value.code == "config.invalid"
    assert refused.value.params["file"] == "district-rules.json"
    assert field in str(refused.value.params["field"])


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SstError) as refused:
        load_programme_rules([DEFAULT, tmp_path / "gone.json"])
    assert refused.value.params["file"] == "gone.json"
