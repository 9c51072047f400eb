"""Entry script of the frozen application (build.spec): the same main as ``python -m jury_desk``."""

import sys

from jury_desk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
