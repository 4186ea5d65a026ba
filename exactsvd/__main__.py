"""``python -m exactsvd``: the command line of :mod:`exactsvd.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
