"""The self-test's report: one line per check, the first failure named and the rest not run."""

from __future__ import annotations

import io

from sst_desktop.self_check import SelfCheckFailed, run_checks


def _fails() -> None:
    raise SelfCheckFailed("sst_sv.qm not found")


def test_one_line_per_check_and_a_stop_at_the_first_failure() -> None:
    out, ran = io.StringIO(), []

    def never() -> None:
        ran.append("never")

    passed = run_checks(
        [
            ("first", lambda: "detail"),
            ("second", lambda: None),
            ("broken", _fails),
            ("never", never),
        ],
        out,
    )
    lines = out.getvalue().splitlines()
    assert not passed and ran == []
    assert lines[0].startswith("ok   first: detail (") and lines[0].endswith(" s)")
    assert lines[1].startswith("ok   second (")
    assert lines[2] == "FAIL broken: SelfCheckFailed: sst_sv.qm not found"
    assert len(lines) == 3
