"""Bench: scoring 10,000 SDQ forms (issue 6); bar 1 s. Each form is checked, scored (reverse
items, prorating, sums, impact) and banded, as `sst score` does it; the catalogue is loaded
once, outside the timing. Forms are random, seeded: 1 in 10 leaves out two items, 1 in 20
leaves out three in one subscale, every informant in turn.

Run: .venv/bin/python bench/instrument_scoring.py --forms 10000 --runs 5
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from _common import write

from sst_desktop.instruments import Definition, score_answers, shipped_catalogue

BAR_S = 1.0
RESPONDENTS = ("parent", "teacher", "self")
IMPACT = {
    "parent": ("distress", "home", "friendships", "classroom", "leisure"),
    "self": ("distress", "home", "friendships", "classroom", "leisure"),
    "teacher": ("distress", "friendships", "classroom"),
}


def make_form(rng: random.Random, respondent: str) -> dict[str, object]:
    answers: dict[str, object] = {str(n): rng.randint(0, 2) for n in range(1, 26)}
    if rng.random() < 0.1:
        for key in rng.sample(sorted(answers), 2):
            del answers[key]
    if rng.random() < 0.05:
        for key in ("3", "8", "13"):
            answers.pop(key, None)
    answers["difficulties"] = rng.randint(0, 3)
    for key in IMPACT[respondent]:
        answers[key] = rng.randint(0, 3)
    return answers


def score_all(sdq: Definition, forms: list[tuple[str, dict[str, object]]]) -> float:
    started = time.perf_counter()
    for respondent, answers in forms:
        score_answers(sdq, answers, respondent=respondent, age=14)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(6)
    sdq = shipped_catalogue().get("sdq")
    forms = [(RESPONDENTS[n % 3], make_form(rng, RESPONDENTS[n % 3])) for n in range(args.forms)]
    timings = [score_all(sdq, forms) for _ in range(args.runs)]
    result = {
        "forms": args.forms,
        "runs": args.runs,
        "median_s": round(statistics.median(timings), 3),
        "max_s": round(max(timings), 3),
        "per_form_us": round(statistics.median(timings) / args.forms * 1e6, 1),
        "bar_s": BAR_S,
        "passed": max(timings) < BAR_S,
    }
    write("instrument_scoring", result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
