"""Bench: `sst demo --students N` (bar: 2,000 in under 60 s) and then `sst verify` on it.

Uses the production KDF (a real ~1 s unlock per command). Run:
    .venv/bin/python bench/demo_and_verify.py --students 2000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import environment, sst, write

PASSPHRASE = "bench-only correct horse battery staple"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    env = environment(SST_PASSPHRASE=PASSPHRASE)
    with tempfile.TemporaryDirectory() as tmp:
        profile = str(Path(tmp) / "profile")
        demo_s, demo = sst(
            [
                "--profile",
                profile,
                "--json",
                "demo",
                "--students",
                str(args.students),
                "--seed",
                str(args.seed),
            ],
            env,
        )
        verify_s, verify = sst(["--profile", profile, "--json", "verify"], env)
        stats_s, _stats = sst(["--profile", profile, "--json", "stats"], env)
        size = sum(p.stat().st_size for p in Path(profile).iterdir() if p.is_file())
    result = {
        "students": args.students,
        "demo_seconds": round(demo_s, 2),
        "demo_exit": demo.returncode,
        "verify_seconds": round(verify_s, 2),
        "verify_exit": verify.returncode,
        "stats_seconds": round(stats_s, 2),
        "profile_bytes": size,
        "bar_demo_seconds": 60,
        "passed": demo.returncode == 0 and verify.returncode == 0 and demo_s < 60,
        "demo_stderr": demo.stderr[-500:],
        "verify_stdout": verify.stdout[-500:],
    }
    write("demo_and_verify", result)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
