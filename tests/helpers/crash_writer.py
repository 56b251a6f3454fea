"""Opens a TwinDesk database, starts one large write transaction and never commits it.

Usage: python crash_writer.py DB_PATH READY_AFTER
Prints "ready" once READY_AFTER rows are inserted inside the open transaction, then keeps inserting
until it is killed (or gives up after 60 s with exit status 3, so a broken test cannot hang).
"""

import os
import sys
import time

from twindesk.domain import workspace
from twindesk.store.models import database

SQL = (
    "INSERT INTO partner (created_at, updated_at, updated_by, name_zh, name_en, name_native, kind, country, "
    "website, profile, notes, search_text) VALUES ('2026-01-01 00:00:00', '2026-01-01 00:00:00', 'crash', "
    "'', ?, '', 'city', 'KR', '', '', ?, '')"
)


def main() -> int:
    path, ready_after = sys.argv[1], int(sys.argv[2])
    workspace.open_workspace(path, take_backups=False)
    notes = "x" * 1000  # big rows, so the uncommitted pages spill into the WAL file
    deadline = time.monotonic() + 60
    n = 0
    with database.atomic():
        while time.monotonic() < deadline:
            database.execute_sql(SQL, (f"crash-{n}", notes))
            n += 1
            if n == ready_after:
                print("ready", flush=True)
        os._exit(3)  # not killed in time: leave without committing (leaving the block would commit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
