"""R5 at benchmark size: the stateful sync test (tests/server/test_sync_stateful.py) with 5,000
examples on SQLite and a quarter of that on PostgreSQL (CI runs 200 and 50). Hours, not
minutes: run it on a quiet machine.

    .venv/bin/python bench/sync_stateful.py [--examples 5000] [--backend sqlite|postgresql|both]
        [--processes 2] [--seed N]

``--processes`` splits the examples over that many runs at once, each with its own
Hypothesis seed (``--seed``, ``--seed`` + 1, ...): on 2 cores, 5,000 examples in about half
the time of one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import ROOT, write


def run(backend: str, examples: int, seed: int) -> dict[str, object]:
    env = dict(
        os.environ,
        SST_SYNC_EXAMPLES=str(examples),
        SST_SYNC_STEPS=os.environ.get("SST_SYNC_STEPS", "20"),
        QT_QPA_PLATFORM="offscreen",
    )
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/server/test_sync_stateful.py",
            "-p",
            "no:xdist",
            "-q",
            f"--hypothesis-seed={seed}",
            "-k",
            backend,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    tail = done.stdout.strip().splitlines()[-1:] if done.stdout else []
    return {
        "examples": examples if backend == "sqlite" else max(1, examples // 4),
        "seed": seed,
        "seconds": round(time.perf_counter() - started),
        "passed": done.returncode == 0,
        "summary": tail[0] if tail else done.stderr[-500:],
    }


def run_split(backend: str, examples: int, processes: int, seed: int) -> dict[str, object]:
    """``examples`` over ``processes`` runs at once; passed only if every run passed."""
    share = -(-examples // processes)
    with ThreadPoolExecutor(processes) as pool:
        runs = list(pool.map(lambda n: run(backend, share, seed + n), range(processes)))
    return {
        "examples": sum(int(str(r["examples"])) for r in runs),
        "seconds": max(int(str(r["seconds"])) for r in runs),
        "passed": all(r["passed"] for r in runs),
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5_000)
    parser.add_argument("--backend", default="both", choices=("sqlite", "postgresql", "both"))
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    result = {
        backend: run_split(backend, args.examples, args.processes, args.seed)
        for backend in backends
    }
    write("sync_stateful", result)
    return 0 if all(r["passed"] for r in result.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
