"""`twindesk check` on a server database: its schema version and record counts, read-only.

The server keeps its own pages and enforces every foreign key on each write, so there is no file to
check page by page (SQLite's integrity_check) and no foreign key to look for after the fact.
"""

from twindesk.store.integrity import COUNTED, CheckReport
from twindesk.store.server.address import ServerAddress
from twindesk.store.server.database import open_server, schema_version


def check_server(address: ServerAddress, *, password: str | None = None) -> CheckReport:
    """The report of `twindesk check` for the database at `address`; writes nothing."""
    from twindesk.store.connection import close_database

    opened = open_server(address, password=password, read_only=True)
    try:
        db = opened.db
        version = schema_version(db) or 0
        counts = {what: db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                  for what, table in COUNTED.items()}
    finally:
        close_database()
    report = CheckReport(address, version, [], [], counts)
    return report
