"""Runs `twindesk.cli.main(argv)` with Qt made unimportable, then reports whether anything tried.

Usage: python no_qt_cli.py COMMAND [ARGS…]
Exit status is the command's; the last line on stdout is "qt-imports: none" or "qt-imports: NAME…".
"""

import importlib.abc
import sys

BLOCKED = ("PySide6", "shiboken6")
attempts: list[str] = []


class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED:
            attempts.append(fullname)
            raise ImportError(f"{fullname} must not be imported by a headless command")
        return None


sys.meta_path.insert(0, BlockQt())

from twindesk.cli import main  # noqa: E402

code = main(sys.argv[1:])
loaded = [name for name in sys.modules if name.split(".")[0] in BLOCKED]
print("qt-imports: " + (" ".join(sorted(set(attempts + loaded))) or "none"))
sys.exit(code)
