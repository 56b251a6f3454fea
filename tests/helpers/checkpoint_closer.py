"""Commits a large transaction into a TwinDesk database with automatic checkpoints off, then closes it,
so the closing `wal_checkpoint(TRUNCATE)` has the whole transaction to copy into the main file.

Usage: python checkpoint_closer.py DB_PATH ROWS
Prints "closing" just before close_database() and "closed" after it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wal_files import add_ballast  # noqa: E402

from twindesk.store import close_database, open_database  # noqa: E402


def main() -> int:
    path, rows = sys.argv[1], int(sys.argv[2])
    opened = open_database(path, take_backups=False)
    conn = opened.raw()
    conn.execute("PRAGMA wal_autocheckpoint=0")
    add_ballast(conn, rows)
    print("closing", flush=True)
    close_database()
    print("closed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
