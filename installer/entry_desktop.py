"""Entry point of the bundled window (``sst-desktop``): the same ``main`` as the console script."""

import sys

from sst_desktop.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
