"""R5 at benchmark size: the stateful sync test (tests/server/test_sync_stateful.py) with 5,000
examples on SQLite and a quarter of that on PostgreSQL (CI runs 200 and 50). About 0.3 s of
CPU an example (decision 136): 5,000 on SQLite in about a quarter of an hour on 2 cores.

    .venv/bin/python bench/sync_stateful.py [--examples 5000] [--backend sqlite|postgresql|both]
        [--processes 2] [--seed N] [--tmp DIR]

``--processes`` splits the examples over that many runs at once, each with its own
Hypothesis seed (``--seed``, ``--seed`` + 1, ...): on 2 cores, 5,000 examples in about half
the time of one run. ``--tmp``: where the laptops' profiles and the SQLite server's database
live, by default ``/dev/shm`` where there is one: the same files, checks and engines, without
waiting a disk's flush at every commit (a third of an example's time on this machine's disk).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import ROOT, write


def run(backend: str, examples: int, seed: int, tmp: str | None) -> dict[str, object]:
    env = dict(
        os.environ,
        SST_SYNC_EXAMPLES=str(examples),
        SST_SYNC_STEPS=os.environ.get("SST_SYNC_STEPS", "20"),
        QT_QPA_PLATFORM="offscreen",
    )
    if tmp is not None:
        env["TMPDIR"] = tmp  # pytest's tmp_path, under which each run numbers its own folder
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


def run_split(
    backend: str, examples: int, processes: int, seed: int, tmp: str | None
) -> dict[str, object]:
    """``examples`` over ``processes`` runs at once; passed only if every run passed.
    ``cpu_seconds``: of all the runs and their servers (user and system), which a busy machine
    changes far less than the seconds on the clock."""
    share = -(-examples // processes)
    before = _children_cpu()
    with ThreadPoolExecutor(processes) as pool:
        runs = list(pool.map(lambda n: run(backend, share, seed + n, tmp), range(processes)))
    return {
        "examples": sum(int(str(r["examples"])) for r in runs),
        "seconds": max(int(str(r["seconds"])) for r in runs),
        "cpu_seconds": round(_children_cpu() - before),
        "passed": all(r["passed"] for r in runs),
        "tmp": tmp,
        "runs": runs,
    }


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _memory_tmp() -> str | None:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5_000)
    parser.add_argument("--backend", default="both", choices=("sqlite", "postgresql", "both"))
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--tmp", default=_memory_tmp())
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    result = {
        backend: run_split(backend, args.examples, args.processes, args.seed, args.tmp)
        for backend in backends
    }
    write("sync_stateful", result)
    return 0 if all(r["passed"] for r in result.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
