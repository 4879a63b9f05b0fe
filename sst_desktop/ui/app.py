"""`sst-desktop`: the window. The foundation release ships the command line only; this entry
point says so plainly instead of failing with an import error."""

from __future__ import annotations

import sys


def main() -> int:
    print(
        "SST Desktop's window is not part of this release yet; use the `sst` command (sst --help).",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
