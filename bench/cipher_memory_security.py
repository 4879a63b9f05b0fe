"""Bench: what `PRAGMA cipher_memory_security = ON` costs on our read and write paths.

security.md asks us to measure it before deciding (docs/decisions.md). The pragma is process
global, so each setting runs in its own child process over the same encrypted file.
Run: .venv/bin/python bench/cipher_memory_security.py [--rows 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sst_desktop.store.engine import connect_cipher


def _fill(db: Path, key: bytes, rows: int) -> float:
    conn = connect_cipher(db, key, must_exist=False)
    started = time.perf_counter()
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, case_id TEXT, body TEXT)")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO notes (case_id, body) VALUES (?, ?)",
        ((f"case-{i % 500}", "anteckning " * 20 + str(i)) for i in range(rows)),
    )
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - started


def _child(db: Path, key: bytes, memory_security: bool, repeat: int) -> dict[str, float]:
    """Time full scans and a group-by sort, the shapes of the Cases list and the reports."""
    conn = connect_cipher(db, key)
    conn.execute(f"PRAGMA cipher_memory_security = {'ON' if memory_security else 'OFF'}")
    scans, sorts, writes = [], [], []
    for i in range(repeat):
        started = time.perf_counter()
        conn.execute("SELECT count(*), sum(length(body)) FROM notes").fetchone()
        scans.append(time.perf_counter() - started)
        started = time.perf_counter()
        conn.execute("SELECT case_id, count(*) FROM notes GROUP BY case_id ORDER BY 2").fetchall()
        sorts.append(time.perf_counter() - started)
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for j in range(200):
            conn.execute("INSERT INTO notes (case_id, body) VALUES (?, ?)", (f"w{i}", f"n{j}"))
        conn.execute("COMMIT")
        writes.append(time.perf_counter() - started)
    conn.close()
    return {
        "scan_s": statistics.median(scans),
        "sort_s": statistics.median(sorts),
        "write_200_s": statistics.median(writes),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, key, setting = Path(args.child[0]), bytes.fromhex(args.child[1]), args.child[2]
        print(json.dumps(_child(db, key, setting == "on", args.repeat)))
        return 0
    key = secrets.token_bytes(32)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        _fill(db, key, args.rows)
        result: dict[str, object] = {"rows": args.rows}
        for setting in ("off", "on"):
            command = [sys.executable, __file__, "--repeat", str(args.repeat)]
            child = subprocess.run(
                [*command, "--child", str(db), key.hex(), setting],
                check=True,
                capture_output=True,
                text=True,
            )
            result[setting] = json.loads(child.stdout)
    off, on = result["off"], result["on"]
    assert isinstance(off, dict) and isinstance(on, dict)
    result["ratio_on_over_off"] = {k: round(on[k] / off[k], 2) for k in off}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
