"""`sst-server`: the central store. This release ships the desktop foundation only; the
entry point exists so installers and scripts can rely on its name."""

from __future__ import annotations

import sys


def main() -> int:
    print("The SST sync server is not part of this release yet.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
