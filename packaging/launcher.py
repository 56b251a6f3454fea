"""The frozen program's entry point (PyInstaller runs this as __main__): the `twindesk` command."""

import sys

from twindesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
