"""Bench: the one-folder bundle (issue 8): its size, and the time from launching the bundled
window to its unlock screen drawn, cold and warm.

    .venv/bin/python installer/build.py --dist /tmp/sst-dist
    .venv/bin/python bench/bundle_start.py --bundle /tmp/sst-dist/sst-desktop --runs 5

A profile is made once by the bundle's own ``sst init`` (production KDF) in a temporary home;
then ``sst-desktop --profile P --startup-probe`` is launched with nothing of this shell's
environment but PATH=/usr/bin:/bin (no virtual environment), offscreen unless --platform says
otherwise. The window prints the wall-clock time its first screen was drawn; the start time is
that minus the time taken just before launching. Cold: before each cold run the page cache is
dropped (``echo 3 > /proc/sys/vm/drop_caches``, root only) or, where that is not permitted,
every file of the bundle is evicted from it (posix_fadvise DONTNEED: the bundle's own files
are read from disk again, the system's libraries may still be cached); which one is reported.
Warm: the median of --runs launches after one unmeasured launch.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import write

PASSPHRASE = "bench-only correct horse battery staple"
PROBE = "startup-probe: first screen drawn at "


def clean_environment(home: Path, platform: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": platform,
        **({"DISPLAY": os.environ["DISPLAY"]} if "DISPLAY" in os.environ else {}),
    }


def make_profile(bundle: Path, home: Path, env: dict[str, str]) -> Path:
    profile = home / "profile"
    init = [str(bundle / "sst"), "--profile", str(profile), "init", "--name", "Bench"]
    init += ["--role", "school_counsellor", "--authority", "school"]
    subprocess.run(init, env={**env, "SST_PASSPHRASE": PASSPHRASE}, check=True, capture_output=True)
    return profile


def drop_caches(bundle: Path) -> str:
    """Empty the page cache if permitted, else evict the bundle's files; say which."""
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return "drop_caches"
    except OSError:
        for path in bundle.rglob("*"):
            if path.is_file() and not path.is_symlink():
                descriptor = os.open(path, os.O_RDONLY)
                try:
                    os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(descriptor)
        return "posix_fadvise DONTNEED on the bundle's files (drop_caches not permitted)"


def launch(bundle: Path, profile: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to the first screen drawn, and to the process gone."""
    command = [str(bundle / "sst-desktop"), "--profile", str(profile), "--startup-probe"]
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    ended = time.time()
    lines = [line for line in done.stdout.splitlines() if line.startswith(PROBE)]
    if done.returncode != 0 or not lines or "(UnlockScreen)" not in lines[0]:
        raise SystemExit(f"bundle_start: the probe failed ({done.returncode}):\n{done.stderr}")
    drawn = float(lines[0][len(PROBE) :].split()[0])
    return drawn - started, ended - started


def bundle_size(bundle: Path, top: int = 10) -> dict[str, Any]:
    """Total bytes, and the largest files and folders one level under the bundle's _internal."""

    def size(path: Path) -> int:  # links (PyInstaller puts some at the top) count nothing
        if path.is_symlink():
            return 0
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())

    items = [*bundle.iterdir(), *(bundle / "_internal").iterdir()]
    items = [item for item in items if item.name != "_internal"]
    largest = sorted(items, key=size, reverse=True)[:top]
    return {
        "total_mb": round(size(bundle) / 1e6, 1),
        "largest_mb": {str(p.relative_to(bundle)): round(size(p) / 1e6, 1) for p in largest},
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, required=True, help="<dist>/sst-desktop")
    parser.add_argument("--runs", type=int, default=5, help="warm runs (and cold ones)")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM (xcb: Xvfb)")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="sst-bundle-bench-") as scratch:
        env = clean_environment(Path(scratch), args.platform)
        profile = make_profile(bundle, Path(scratch), env)
        cold, cold_exit, method = [], [], ""
        for _ in range(args.runs):
            method = drop_caches(bundle)
            drawn, gone = launch(bundle, profile, env)
            cold.append(drawn)
            cold_exit.append(gone)
        launch(bundle, profile, env)  # warms whatever the last cold run left cold
        warm = [launch(bundle, profile, env) for _ in range(args.runs)]
    result = {
        "bundle": str(bundle),
        "platform": args.platform,
        "size": bundle_size(bundle),
        "cold_method": method,
        "cold_to_unlock_screen_s": {"median": statistics.median(cold), "runs": cold},
        "cold_to_exit_s": cold_exit,
        "warm_to_unlock_screen_s": {
            "median": statistics.median(w for w, _ in warm),
            "runs": [w for w, _ in warm],
        },
        "warm_to_exit_s": [g for _, g in warm],
    }
    write("bundle_start", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
