"""Bench: unlock to first query with the default (production) KDF; bar 1.5 s. Reports the KDF's
share of it. Run: .venv/bin/python bench/unlock.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import write
from sqlalchemy import text

from sst_desktop.app_context import OwnerInput, create_context, open_context
from sst_desktop.security.kdf import KdfPolicy
from sst_rules.enums import Authority, Role

PASSPHRASE = "bench-only correct horse battery staple"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.pop("SST_INSECURE_TEST_KDF", None)
    policy = KdfPolicy.production()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "profile"
        created, _code = create_context(
            directory,
            PASSPHRASE,
            OwnerInput("Bench", Role.FAMILY_THERAPIST, Authority.SOCIAL_SERVICES),
            policy=policy,
        )
        created.close()
        totals, kdfs = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            context = open_context(directory, PASSPHRASE, policy=policy)
            with context.engine.connect() as conn:
                conn.execute(text("SELECT count(*) FROM cases")).scalar()
            totals.append(time.perf_counter() - started)
            kdfs.append(_kdf_seconds(directory))
            context.close()
    median_total, median_kdf = statistics.median(totals), statistics.median(kdfs)
    result = {
        "runs": args.runs,
        "unlock_to_first_query_median_s": round(median_total, 3),
        "unlock_to_first_query_max_s": round(max(totals), 3),
        "kdf_median_s": round(median_kdf, 3),
        "kdf_share": round(median_kdf / median_total, 3),
        "bar_s": 1.5,
        "passed": max(totals) < 1.5,
    }
    write("unlock", result)
    return 0 if result["passed"] else 1


def _kdf_seconds(directory: Path) -> float:
    """Time the passphrase slot's KDF alone, with the parameters stored in the key file."""
    from sst_desktop.security import kdf, keyfile

    slot = next(s for s in keyfile.read_key_file(directory).slots if s.kind == "passphrase")
    started = time.perf_counter()
    kdf.derive_key(PASSPHRASE.encode(), slot.kdf)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
