"""Entry point of the bundled command line (``sst``): the same ``main`` as the console script."""

import sys

from sst_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
