"""Bench: rendering a three-page plan to PDF in memory (issue 7); bar 100 ms. The document is
built by hand (four goals with a sub-goal and an intervention in each perspective, five
signature blocks); fonts are registered by a first render outside the timing, as in a running
app. Reports the page count so a layout change that shrinks the plan is seen.

Run: .venv/bin/python bench/plan_pdf.py --runs 20
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date

from _common import write

from sst_desktop.reports.plan_document import (
    GoalLine,
    InterventionLine,
    PlanDocument,
    Signature,
    SignerSlot,
)
from sst_desktop.reports.plan_pdf import render_plan_pdf

BAR_S = 0.1
DAY = date(2026, 3, 12)


def three_pages() -> PlanDocument:
    goals: list[GoalLine] = []
    actions: list[InterventionLine] = []
    for perspective in ("individual", "school", "social"):
        for _ in range(4):
            n = str(len([g for g in goals if not g.sub_goal]) + 1)
            goals.append(
                GoalLine(n, perspective, f"Mål {n}: närvaro på måndagar", "3 av 4", DAY, False)
            )
            goals.append(GoalLine(f"{n}.1", perspective, "Första lektionen", None, None, True))
            actions.append(
                InterventionLine(n, perspective, "Veckoplanering", "Skolkurator", "Eleven",
                                 "school", DAY, date(2026, 6, 1))
            )  # fmt: skip
    signers = tuple(SignerSlot(r, None) for r in ("student", "guardian", "guardian", "school"))
    return PlanDocument(
        kind="action_plan", maintenance=False, case_reference="SST-26-BENCH1", student="E. A.",
        team_name="SST Norr", municipality_name="Kommunen", revision_number=2,
        status="awaiting_signatures", revision_date=DAY, review_on=date(2026, 4, 20),
        printed_on=DAY, overall_aims="Eleven deltar i undervisningen och mår bättre.",
        goals=tuple(goals), interventions=tuple(actions),
        signers=(*signers, SignerSlot("social_services", Signature("Åke Nyström", DAY, "paper"))),
        copy_to=("family", "school_social_worker", "school_counsellor"),
        fingerprint="ABCD-1234-EF56",
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    document = three_pages()
    pages = render_plan_pdf(document).pages  # warm: fonts parsed once per process
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        render_plan_pdf(document)
        timings.append(time.perf_counter() - started)
    result = {
        "pages": pages,
        "runs": args.runs,
        "median_s": round(statistics.median(timings), 4),
        "max_s": round(max(timings), 4),
        "bar_s": BAR_S,
        "passed": statistics.median(timings) < BAR_S and pages == 3,
    }
    write("plan_pdf", result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
